import { describe, expect, it } from "vitest";
import { parse } from "../../language/parse.js";
import { declarationStarts, parseAround } from "../../vscode-extension/server/features/partial-parse.js";
import { REFERENCE, SOURCE } from "./fixture.js";

const MAPS = `map Company -> res.partner as company {
  name <- naam | trim
  email <- mail
}

split Relation {
  org: res.partner { name <- company_name }
}

map Order -> crm.lead {
  name <- \`{customer} {id}\`
  partner_id <- customer | ref company
}
`;
const TEXT = `${SOURCE}\n${REFERENCE}\n${MAPS}`;

describe("declarationStarts", () => {
  it("finds each top-level declaration, not the keywords inside blocks", () => {
    const starts = declarationStarts(TEXT, "t.flitmap");
    expect(starts.map((offset) => TEXT.slice(offset, TEXT.indexOf(" ", offset)))).toEqual([
      "source",
      "records",
      "table",
      "table",
      "lookup",
      "map",
      "split",
      "map",
    ]);
    expect(starts).toEqual(parse(TEXT, "t.flitmap").document.declarations.map((declaration) => declaration.range.start.offset));
  });

  it("takes a declaration keyword at the start of a line as a new declaration, below a block left open", () => {
    const text = "map Company -> res.partner {\n  name <- naam\n\nmap Order -> crm.lead {\n  name <- id\n}\n";
    expect(declarationStarts(text, "t.flitmap")).toEqual([0, text.indexOf("map Order")]);
  });
});

describe("parseAround", () => {
  it("gives the declaration at the cursor and the one before it exactly as the whole file's tree has them", () => {
    const whole = parse(TEXT, "t.flitmap").document.declarations;
    const cursor = TEXT.indexOf("ref company");
    const around = parseAround(TEXT, "t.flitmap", cursor).declarations;
    expect(around).toEqual(whole.slice(-2));
    const inSplit = parseAround(TEXT, "t.flitmap", TEXT.indexOf("company_name }")).declarations;
    expect(inSplit).toEqual(whole.slice(-3, -1));
  });

  it("gives the first declaration alone at the top of the file", () => {
    const whole = parse(TEXT, "t.flitmap").document.declarations;
    expect(parseAround(TEXT, "t.flitmap", 3).declarations).toEqual(whole.slice(0, 1));
  });
});
