/**
 * Placeholder values that mean "empty" (issue 16, gap 1), declared once for a source
 * (`empty_values`) or a column (`empty when`), are read as no value by the CSV reader and by a
 * test's given rows alike: a `TBC` owner is empty, a `0000-00-00` date no longer rejects its row,
 * a placeholder in a required column rejects the row as blank.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { readPlanEntity } from "../../../runtime/execute/source-rows.js";
import type { SourceItem } from "../../../runtime/source/index.js";
import { runPlanTests } from "../../../runtime/testing/plan-tests.js";
import { analyze } from "../../compiler/helpers.js";

const PACKAGE = `migration pb { source pb  target odoo "17.0"  xmlid "pb" }
source pb {
  csv { date "dd/MM/yyyy"  empty_values "TBC, n.v.t." }
  entity Matter "matters.csv" key id {
    id        text  required
    name      text  required
    owner     text
    completes date  empty when "0000-00-00", "-"
    fee_text  text  empty when "-"
  }
}
map Matter -> crm.lead {
  name             <- name
  description      <- owner ?? "nobody"
  date_deadline    <- completes
  x_fee_note       <- fee_text ?? "no fee"
}
extend crm.lead { x_fee_note char "Fee note" }
test "a placeholder in the source's list is empty, whatever its case" {
  given Matter { id "M1"  name "Smith"  owner " tbc "  completes "31/12/2026" }
  expect crm.lead { name "Smith"  description "nobody"  date_deadline "2026-12-31" }
}
test "a column's own placeholders replace the source's" {
  given Matter { id "M2"  name "Jones"  completes "0000-00-00"  fee_text "TBC" }
  expect crm.lead { name "Jones"  date_deadline false  x_fee_note "TBC" }
}
test "a placeholder in a required column is a blank" {
  given Matter { id "M3"  name "n.v.t." }
  expect reject Matter "is required"
}
`;

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

describe("placeholder values", () => {
  it("are empty in test blocks run through the executor", async () => {
    const results = await runPlanTests(emitPlan(analyze({ "main.flitmap": PACKAGE })));
    expect(results.map((result) => [result.name, result.failures])).toEqual([
      ["a placeholder in the source's list is empty, whatever its case", []],
      ["a column's own placeholders replace the source's", []],
      ["a placeholder in a required column is a blank", []],
    ]);
  });

  it("are empty when the reader reads an export's file", async () => {
    const plan = emitPlan(analyze({ "main.flitmap": PACKAGE }));
    const entity = plan.entities.find((candidate) => candidate.name === "Matter");
    if (entity === undefined) throw new Error("no Matter entity");
    const directory = mkdtempSync(join(tmpdir(), "flitmap-placeholders-"));
    directories.push(directory);
    writeFileSync(
      join(directory, "matters.csv"),
      "id,name,owner,completes,fee_text\nM1,Smith,TBC,0000-00-00,-\nM2,Jones,N.V.T.,-,n.v.t.\nM3,Brown,Ann,01/02/2026,TBC\n",
    );
    const items: SourceItem[] = [];
    for await (const batch of readPlanEntity(entity, directory).batches) items.push(...batch);
    expect(
      items.map((item) => (item.kind === "row" ? [item.key, item.values["owner"], item.values["completes"], item.values["fee_text"]] : [item.kind])),
    ).toEqual([
      ["M1", null, null, null],
      ["M2", null, null, "n.v.t."],
      ["M3", "Ann", "2026-02-01", "TBC"],
    ]);
  });
});
