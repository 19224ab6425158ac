/**
 * `true_words` and `false_words` (issue 16, gap 4) replace the default words rather than add to
 * them, as docs/sources.md and docs/language.md now say: a package that lists `oui` reads `yes` as
 * a value its boolean column cannot hold, and the reject says which words it takes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { runPlanTests } from "../../../runtime/testing/plan-tests.js";
import { analyze } from "../../compiler/helpers.js";

const PACKAGE = `migration m { source s  target odoo "17.0"  xmlid "m" }
source s {
  csv { true_words "oui, o"  false_words "non" }
  entity Contact "contacts.csv" key id { id text  name text  opt_in boolean }
}
map Contact -> res.partner { name <- name  is_company <- opt_in }
test "the declared words are read" {
  given Contact { id "1"  name "Ann"  opt_in "OUI" }
  given Contact { id "2"  name "Bob"  opt_in "non" }
  expect res.partner { name "Ann"  is_company true }
  expect res.partner { name "Bob"  is_company false }
}
test "a default word is no longer one of them" {
  given Contact { id "3"  name "Cas"  opt_in "yes" }
  expect reject Contact "expected one of 'oui', 'o', 'non'"
}
`;

describe("true_words and false_words", () => {
  it("replace the default words", async () => {
    const results = await runPlanTests(emitPlan(analyze({ "main.flitmap": PACKAGE })));
    expect(results.map((result) => [result.name, result.failures])).toEqual([
      ["the declared words are read", []],
      ["a default word is no longer one of them", []],
    ]);
  });

  it("are documented as replacing them", () => {
    const root = join(import.meta.dirname, "../../..");
    expect(readFileSync(join(root, "docs/sources.md"), "utf8")).toContain("**replace**\n  these lists, they do not add to them");
    const language = readFileSync(join(root, "docs/language.md"), "utf8");
    expect(language).toContain("`true_words` and `false_words` are comma-separated lists that **replace** the default words");
    expect(language).not.toContain("extra words for booleans");
  });
});
