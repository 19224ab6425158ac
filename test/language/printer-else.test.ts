/** Comments around `else` stay in the branch they are written in (found by test/vscode-extension/fuzz.test.ts). */
import { describe, expect, it } from "vitest";
import { parse } from "../../language/parse.js";
import { print } from "../../language/printer.js";

function format(text: string): string {
  return print(parse(text, "f.flitmap").document, { text });
}

describe("the printer and `else`", () => {
  it("keeps a comment at the top of an `else` block in that block, and the one before `else` in the `then` block", () => {
    const text = [
      "map Pipeline -> crm.stage {",
      '  if odoo >= "19.0" {',
      "    team_ids <- pipeline",
      "    // the last word of the then block",
      "  } else {",
      "    // the first word of the else block, or else",
      "    team_id <- pipeline",
      "  }",
      "}",
      "",
    ].join("\n");
    expect(format(text)).toBe(text);
  });

  it("moves a comment written inside a statement of the `else` block above that statement, and stays there", () => {
    const text = 'map P -> crm.stage {\n  if odoo >= "19.0" {\n    team_ids <- pipeline\n  } else {\n    team_id// c\n <- pipeline\n  }\n}\n';
    const once = format(text);
    expect(once).toBe('map P -> crm.stage {\n  if odoo >= "19.0" {\n    team_ids <- pipeline\n  } else {\n    // c\n    team_id <- pipeline\n  }\n}\n');
    expect(format(once)).toBe(once);
  });

  it("does not take `else` inside a string or a comment for the keyword", () => {
    const text = 'map P -> crm.stage {\n  if setting mode = "else" {\n    name <- "else"\n  } else {\n    // or else\n    name <- stage\n  }\n}\n';
    expect(format(text)).toBe(text);
  });
});
