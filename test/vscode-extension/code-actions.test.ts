import { describe, expect, it } from "vitest";
import type { Diagnostic } from "../../language/diagnostic.js";
import { codeActions } from "../../vscode-extension/server/features/code-actions.js";
import { lspRange } from "./helpers.js";

const at = (line: number, column: number, offset: number) => ({ line, column, offset });
const uriOf = (file: string): string => `file://${file}`;

const misspelled: Diagnostic = {
  code: "FM301",
  severity: "error",
  message: "res.partner has no field `emial`",
  file: "/w/a.flitmap",
  range: { start: at(3, 3, 40), end: at(3, 8, 45) },
  fixes: [{ title: "Change to `email`", edits: [{ file: "/w/a.flitmap", range: { start: at(3, 3, 40), end: at(3, 8, 45) }, newText: "email" }] }],
};

const unmapped: Diagnostic = {
  code: "FM402",
  severity: "warning",
  message: "column `fax` is never used",
  file: "/w/a.flitmap",
  range: { start: at(1, 1, 0), end: at(1, 4, 3) },
  fixes: [
    { title: "Add `ignore fax`", edits: [{ file: "/w/a.flitmap", range: { start: at(5, 3, 80), end: at(5, 3, 80) }, newText: "ignore fax\n  " }] },
    { title: "Declare it in the source", edits: [{ file: "/w/source.flitmap", range: { start: at(9, 5, 120), end: at(9, 5, 120) }, newText: "fax text\n    " }] },
  ],
};

const withoutFix: Diagnostic = { code: "FM101", severity: "error", message: "expected `{`", file: "/w/a.flitmap", range: { start: at(3, 1, 38), end: at(3, 2, 39) } };

describe("codeActions", () => {
  it("turns each fix of a diagnostic under the cursor into a quick fix, the only one preferred", () => {
    expect(codeActions([misspelled, withoutFix, unmapped], lspRange(2, 5, 2, 5), uriOf)).toEqual([
      {
        title: "Change to `email`",
        kind: "quickfix",
        isPreferred: true,
        diagnostics: [{ range: lspRange(2, 2, 2, 7), severity: 1, code: "FM301", source: "flitmap", message: "res.partner has no field `emial`" }],
        edit: { changes: { "file:///w/a.flitmap": [{ range: lspRange(2, 2, 2, 7), newText: "email" }] } },
      },
    ]);
  });

  it("offers every fix when there are several, with edits in other files of the package", () => {
    const actions = codeActions([misspelled, unmapped], lspRange(0, 0, 0, 1), uriOf);
    expect(actions.map((action) => [action.title, action.isPreferred ?? false, Object.keys(action.edit?.changes ?? {})])).toEqual([
      ["Add `ignore fax`", false, ["file:///w/a.flitmap"]],
      ["Declare it in the source", false, ["file:///w/source.flitmap"]],
    ]);
    expect(actions[1]?.edit?.changes?.["file:///w/source.flitmap"]).toEqual([{ range: lspRange(8, 4, 8, 4), newText: "fax text\n    " }]);
  });

  it("offers nothing away from diagnostics, or for diagnostics without fixes", () => {
    expect(codeActions([misspelled, unmapped], lspRange(6, 0, 7, 0), uriOf)).toEqual([]);
    expect(codeActions([withoutFix], lspRange(2, 0, 2, 1), uriOf)).toEqual([]);
  });

  it("counts a cursor touching a diagnostic's end as on it", () => {
    expect(codeActions([misspelled], lspRange(2, 7, 2, 7), uriOf)).toHaveLength(1);
    expect(codeActions([misspelled], lspRange(2, 8, 2, 8), uriOf)).toHaveLength(0);
  });
});
