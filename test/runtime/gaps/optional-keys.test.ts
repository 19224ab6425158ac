/**
 * An entity read from another entity's file, keyed by a column not every row fills (the Defter
 * family's prospects, keyed by the firm a CRM person names; Kartoteka's contractors by NIP): the
 * people without a firm were "rejected" by it although they load through their own entity and
 * nothing is lost. `key firma optional` says a row without a key is not one of the entity's rows:
 * it is skipped and counted so, and a row with another problem is still rejected.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { parse } from "../../../language/parse.js";
import { print } from "../../../language/printer.js";
import { runPlan } from "../../../runtime/execute/run.js";
import { DryRunTarget } from "../../../runtime/targets/dry-run-target.js";
import { runPlanTests } from "../../../runtime/testing/plan-tests.js";
import { analyze, describe as describeDiagnostic } from "../../compiler/helpers.js";

const PACKAGE = (optional: string): string => `migration defter { source defter  target odoo "17.0"  xmlid "defter" }
source defter {
  entity Kisi "kisiler.csv" key id { id text  name text required  firma text  since date "dd.MM.yyyy" }
  entity Aday "kisiler.csv" key firma${optional} {
    firma text
    since date "dd.MM.yyyy"
    duplicates keep first
  }
}
map Kisi -> res.partner { name <- name  parent_id <- firma | ref aday  ignore since }
map Aday -> res.partner as aday { is_company = true  name <- firma  ignore since }
test "a person without a firm is no prospect" {
  given Kisi { id "K1"  name "Ali"  firma "Kuzey Tekstil" }
  given Kisi { id "K2"  name "Derya" }
  given Aday { firma "Kuzey Tekstil" }
  given Aday { firma "" }
  expect res.partner { name "Kuzey Tekstil"  is_company true }
  expect skip Aday
}
`;

const EXPORT = "id,name,firma,since\nK1,Ali,Kuzey Tekstil,01.02.2024\nK2,Derya,,\nK3,Elif,Kuzey Tekstil,\nK4,Can,,31.02.2024\n";

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

async function run(optional: string): Promise<{ counts: unknown[]; rejects: string[] }> {
  const directory = mkdtempSync(join(tmpdir(), "flitmap-optional-key-"));
  directories.push(directory);
  writeFileSync(join(directory, "kisiler.csv"), EXPORT);
  const result = await runPlan({ plan: emitPlan(analyze({ "main.flitmap": PACKAGE(optional) })), sourceDirectory: directory, target: new DryRunTarget() });
  return {
    counts: result.entities.map((entity) => [entity.entity, entity.read, entity.loaded, entity.skipped, entity.rejected, entity.duplicates]),
    rejects: result.rejects.map((reject) => `${reject.entity} line ${reject.line}: ${reject.reason}`),
  };
}

describe("an optional key", () => {
  it("parses, checks clean and prints back", () => {
    expect(analyze({ "main.flitmap": PACKAGE(" optional") }).diagnostics.map(describeDiagnostic)).toEqual([]);
    expect(print(parse(PACKAGE(" optional"), "main.flitmap").document)).toContain('entity Aday "kisiler.csv" key firma optional {');
  });

  it("rejects every row without a key when it is not declared", async () => {
    const { counts, rejects } = await run("");
    expect(counts).toEqual([
      ["Kisi", 4, 3, 0, 1, 0],
      ["Aday", 4, 1, 0, 2, 1],
    ]);
    expect(rejects).toEqual([
      "Kisi line 5: 'since': '31.02.2024' is not a date: February 2024 has 29 days (format dd.MM.yyyy)",
      "Aday line 3: key column 'firma' is blank",
      "Aday line 5: key column 'firma' is blank; 'since': '31.02.2024' is not a date: February 2024 has 29 days (format dd.MM.yyyy)",
    ]);
  });

  it("skips the rows without a key when it is, and still rejects a row with another problem", async () => {
    const { counts, rejects } = await run(" optional");
    expect(counts).toEqual([
      ["Kisi", 4, 3, 0, 1, 0],
      ["Aday", 4, 1, 1, 1, 1],
    ]);
    expect(rejects).toEqual([
      "Kisi line 5: 'since': '31.02.2024' is not a date: February 2024 has 29 days (format dd.MM.yyyy)",
      "Aday line 5: key column 'firma' is blank; 'since': '31.02.2024' is not a date: February 2024 has 29 days (format dd.MM.yyyy)",
    ]);
  });

  it("makes a test's row without a key a skipped one", async () => {
    const results = await runPlanTests(emitPlan(analyze({ "main.flitmap": PACKAGE(" optional") })));
    expect(results.map((result) => [result.name, result.failures])).toEqual([["a person without a firm is no prospect", []]]);
  });
});
