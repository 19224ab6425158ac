import { describe, expect, it } from "vitest";
import { TextDocument } from "vscode-languageserver-textdocument";
import { formatText } from "../../cli/commands/fmt.js";
import { formatting } from "../../vscode-extension/server/features/formatting.js";
import { lspRange } from "./helpers.js";

function applyEdits(text: string, edits: ReturnType<typeof formatting>): string {
  return TextDocument.applyEdits(TextDocument.create("file:///f.flitmap", "flitmap", 1, text), edits);
}

const UNFORMATTED = `// companies
map Company -> res.partner as company when status!="deleted" {
name<-naam|trim
  email_address <- mail   // from the export
is_company=true
}
table stage: text -> crm.stage { "Won" -> won  "Lost","Gone" -> lost _ -> reject }
`;

describe("formatting", () => {
  it("gives exactly what flitmap fmt writes", async () => {
    const formatted = applyEdits(UNFORMATTED, formatting(UNFORMATTED, "/w/f.flitmap"));
    expect(formatted).toBe(await formatText(UNFORMATTED, "/w/f.flitmap"));
    expect(formatted).toBe(`// companies
map Company -> res.partner as company when status != "deleted" {
  name          <- naam | trim
  email_address <- mail // from the export
  is_company    = true
}

table stage: text -> crm.stage {
  "Won"          -> won
  "Lost", "Gone" -> lost
  _              -> reject
}
`);
  });

  it("replaces only the part that changed", () => {
    const text = `map E -> m {\n  a <- b\n  c <-   d\n}\n`;
    expect(formatting(text, "f.flitmap")).toEqual([{ range: lspRange(2, 7, 2, 9), newText: "" }]);
  });

  it("leaves formatted text alone", () => {
    expect(formatting(`map E -> m {\n  a <- b\n}\n`, "f.flitmap")).toEqual([]);
  });

  it("never rewrites a file with syntax errors", () => {
    expect(formatting(`map E -> m {\n  a   b\n}\n`, "f.flitmap")).toEqual([]);
  });

  it("honours the print width", () => {
    const text = `source s { csv { delimiter ";"  encoding "windows-1252" } }\n`;
    expect(applyEdits(text, formatting(text, "f.flitmap", { printWidth: 40 }))).toBe(`source s {\n  csv {\n    delimiter ";"\n    encoding  "windows-1252"\n  }\n}\n`);
  });
});
