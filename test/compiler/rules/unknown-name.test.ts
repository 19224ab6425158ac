import { describe, expect, it } from "vitest";
import { basename, join } from "node:path";
import { analyzeDirectory } from "../../../compiler/analyze.js";
import { applyFixes, diagnosticsOf } from "../helpers.js";

describe("FM203 unknown_name", () => {
  it("accepts steps, aliases and records that exist", () => {
    expect(
      diagnosticsOf(
        "FM203",
        'map Company -> res.partner as company { name <- name | trim  parent_id <- parent_id | ref company }\ntable t: text -> crm.stage { "a" -> won }\nrecords crm.stage { won { name "Won" } }',
      ),
    ).toEqual([]);
  });

  it("reports a misspelt built-in, alias and record", () => {
    expect(
      diagnosticsOf(
        "FM203",
        'map Company -> res.partner as company { name <- name | trimm  parent_id <- parent_id | ref compny }\ntable t: text -> crm.stage { "a" -> wonn }\nrecords crm.stage { won { name "Won" } }',
      ),
    ).toEqual([
      "main.flitmap:1:56-1:61 error FM203 `trimm` is not a built-in, a table, a lookup or a named step; did you mean `trim`?",
      "main.flitmap:1:92-1:98 error FM203 no map or split target is called compny (an alias comes from `as name` or `name: model`); did you mean `company`?",
      "main.flitmap:2:37-2:41 error FM203 no crm.stage record is called wonn: declare it in a `records` block; did you mean `won`?",
    ]);
  });

  it("offers a fix: the fix names the built-in", () => {
    expect(applyFixes("FM203", "map Company -> res.partner { name <- name | trimm }")).toEqual([
      "Change to trim\nmap Company -> res.partner { name <- name | trim }",
    ]);
  });

  it("reports a record a records entry or a test expects that is not declared, among the records of the field's model", () => {
    const records = 'records crm.stage { won { name "Won" } }\nrecords res.partner { acme { name "Acme" } }';
    expect(
      diagnosticsOf(
        "FM203",
        `${records}\nrecords res.partner { branch { name "Branch"  parent_id acme } }\nrecords res.partner { other { name "Other"  parent_id won } }\nmap Deal -> crm.lead { name <- name }\ntest "t" {\n  given Deal { id "1"  name "A" }\n  expect crm.lead { stage_id wonn  partner_id acme }\n}`,
      ),
    ).toEqual([
      "main.flitmap:4:55-4:58 error FM203 no res.partner record is called won: declare it in a `records` block",
      "main.flitmap:8:30-8:34 error FM203 no crm.stage record is called wonn: declare it in a `records` block; did you mean `won`?",
    ]);
  });

  it("reports a bare name meant as text in a test, with the quotes as a fix", () => {
    const tests =
      'map Company -> res.partner { name <- name }\ntest "t" {\n  given Company { id "1"  name Acme }\n  expect res.partner { name Acme  is_company false }\n}';
    expect(diagnosticsOf("FM203", tests)).toEqual([
      'main.flitmap:3:32-3:36 error FM203 `Acme` names no record, and a `given` row holds the export\'s text: write text in quotes, `"Acme"`',
      'main.flitmap:4:29-4:33 error FM203 `Acme` names no record, and res.partner.name is a char field: write text in quotes, `"Acme"`',
    ]);
    expect(applyFixes("FM203", tests)).toEqual([
      'Write "Acme"\nmap Company -> res.partner { name <- name }\ntest "t" {\n  given Company { id "1"  name "Acme" }\n  expect res.partner { name Acme  is_company false }\n}',
      'Write "Acme"\nmap Company -> res.partner { name <- name }\ntest "t" {\n  given Company { id "1"  name Acme }\n  expect res.partner { name "Acme"  is_company false }\n}',
    ]);
  });

  it("reports what `compile`, `test` and `run` failed on as an internal error: the expect-bare-name reproduction", () => {
    // The shipped perfectbooks package with `city foo` in a test's expect block (../shared/repros/expect-bare-name);
    // a frozen copy, so only its errors are compared: warnings follow the rules as they change.
    const analysis = analyzeDirectory(join(import.meta.dirname, "../../fixtures/repros/expect-bare-name"));
    expect(
      analysis.diagnostics
        .filter((diagnostic) => diagnostic.severity === "error")
        .map(
          (diagnostic) =>
            `${basename(diagnostic.file)}:${diagnostic.range.start.line}:${diagnostic.range.start.column} ${diagnostic.code} ${diagnostic.message}`,
        ),
    ).toEqual(['tests.flitmap:23:10 FM203 `foo` names no record, and res.partner.city is a char field: write text in quotes, `"foo"`']);
  });
});
