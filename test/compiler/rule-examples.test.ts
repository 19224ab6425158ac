/** Every rule's documented example (docs/rules.md, hovers) reports exactly what it says, and its fix does not. */
import { describe, expect, it } from "vitest";
import { EXAMPLE_PACKAGE } from "../../compiler/rules/example-package.js";
import { RULES } from "../../compiler/rules/index.js";
import type { Rule } from "../../compiler/rules/rule.js";
import { analyze } from "./helpers.js";

function findingsOf(rule: Rule, fragment: string): { messages: string[]; syntax: string[] } {
  const files: Record<string, string> = rule.example.selfContained === true ? { "main.flitmap": fragment } : { "example.flitmap": EXAMPLE_PACKAGE, "main.flitmap": fragment };
  const diagnostics = analyze(files).diagnostics;
  return {
    messages: diagnostics.filter((diagnostic) => diagnostic.code === rule.code).map((diagnostic) => diagnostic.message),
    syntax: diagnostics.filter((diagnostic) => /^FM[01]\d\d$/.test(diagnostic.code)).map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`),
  };
}

describe("rule examples", () => {
  it("the example package itself is clean", () => {
    const diagnostics = analyze({ "example.flitmap": EXAMPLE_PACKAGE }).diagnostics.filter((diagnostic) => diagnostic.severity === "error");
    expect(diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`)).toEqual([]);
  });

  for (const rule of RULES) {
    it(`${rule.code} ${rule.name}: the wrong example reports it, the right one does not`, () => {
      const reported = rule.example.reported.split("\n");
      const wrong = findingsOf(rule, rule.example.wrong);
      expect(wrong.syntax).toEqual([]);
      expect(wrong.messages).toEqual(expect.arrayContaining(reported));
      const right = findingsOf(rule, rule.example.right);
      expect(right.syntax).toEqual([]);
      expect(right.messages.filter((message) => reported.includes(message))).toEqual([]);
    });
  }
});
