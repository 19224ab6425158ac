import { describe, expect, it } from "vitest";
import { tokenize } from "../../language/lexer.js";
import { parse } from "../../language/parse.js";
import { foldingRanges } from "../../vscode-extension/server/features/folding-ranges.js";

function folds(text: string): string[] {
  return foldingRanges(parse(text, "f.flitmap").document, tokenize(text, "f.flitmap")).map((fold) => `${fold.startLine}-${fold.endLine}${fold.kind === undefined ? "" : ` ${fold.kind}`}`);
}

describe("foldingRanges", () => {
  it("folds blocks and lists that span lines, keeping the closing line visible", () => {
    const text = [
      /* 0 */ "source s {",
      /* 1 */ "  entity E \"e.csv\" key id {",
      /* 2 */ "    id text",
      /* 3 */ "    csv { delimiter \";\" }",
      /* 4 */ "  }",
      /* 5 */ "}",
      /* 6 */ "map E -> res.partner {",
      /* 7 */ "  category <- if x in [",
      /* 8 */ "    \"a\",",
      /* 9 */ "    \"b\"",
      /* 10 */ "  ] then \"{ not a brace }\" else `{x}`",
      /* 11 */ "}",
    ].join("\n");
    expect(folds(text)).toEqual(["0-4", "1-3", "6-10", "7-9"]);
  });

  it("folds block comments, runs of line comments and runs of imports", () => {
    const text = [
      /* 0 */ "import { a } from \"../x\"",
      /* 1 */ "import { b } from \"../y\"",
      /* 2 */ "// one",
      /* 3 */ "// two",
      /* 4 */ "",
      /* 5 */ "// alone",
      /* 6 */ "/* a",
      /* 7 */ "   b */",
      /* 8 */ "/* one line */",
    ].join("\n");
    expect(folds(text)).toEqual(["0-1 imports", "2-3 comment", "6-7 comment"]);
  });

  it("ignores closers without an opener in broken text", () => {
    expect(folds("}\nmap E -> m {\n  a <- b\n  ]\n}\n")).toEqual(["1-3"]);
  });
});
