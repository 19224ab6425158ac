/**
 * Percentages as CRM exports write them (`60%`, `60 %`, `12,5 %`) in a column declared
 * `decimal "%"` or `integer "%"` are read as the number before the sign, the way Odoo's percentage
 * fields (a lead's probability) hold them; an undeclared column refuses them and says how to
 * declare it. Both in test blocks run through the executor and in the reader of an export's file.
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

const PACKAGE = `migration pc { source pc  target odoo "17.0"  xmlid "pc" }
source pc {
  csv { decimal "," }
  entity Deal "negocios.csv" key id {
    id           text    required
    name         text    required
    chance       decimal "%"
    score        integer "%"
    margin       decimal
  }
}
map Deal -> crm.lead {
  name        <- name
  probability <- chance
  priority    <- if score > 50 then "2" else "0"
  description <- if margin is present then "margin" else "none"
}
test "a percentage is the number before its sign" {
  given Deal { id "D1"  name "Alvorada"  chance "12,5 %"  score "60%" }
  expect crm.lead { name "Alvorada"  probability 12.5  priority "2" }
}
test "an undeclared percentage is refused with the declaration that reads it" {
  given Deal { id "D2"  name "Sumaré"  margin "30 %" }
  expect reject Deal "declare the column"
}
`;

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

describe("percentages", () => {
  it("are read in test blocks run through the executor", async () => {
    const results = await runPlanTests(emitPlan(analyze({ "main.flitmap": PACKAGE })));
    expect(results.map((result) => [result.name, result.failures])).toEqual([
      ["a percentage is the number before its sign", []],
      ["an undeclared percentage is refused with the declaration that reads it", []],
    ]);
  });

  it("are read when the reader reads an export's file, and refused with the fix where undeclared", async () => {
    const plan = emitPlan(analyze({ "main.flitmap": PACKAGE }));
    const entity = plan.entities.find((candidate) => candidate.name === "Deal");
    if (entity === undefined) throw new Error("no Deal entity");
    const directory = mkdtempSync(join(tmpdir(), "flitmap-percentages-"));
    directories.push(directory);
    writeFileSync(join(directory, "negocios.csv"), "id,name,chance,score,margin\nD1,Alvorada,60%,60 %,\nD2,Sumaré,\"12,5 %\",10,30 %\n");
    const items: SourceItem[] = [];
    for await (const batch of readPlanEntity(entity, directory).batches) items.push(...batch);
    expect(items.map((item) => (item.kind === "row" ? [item.key, item.values["chance"], item.values["score"]] : [item.kind, JSON.stringify(item)]))).toEqual([
      ["D1", 60, 60],
      ["rejected", expect.stringContaining("'30 %' is a percentage: declare the column `decimal \\\"%\\\"` to read it as 30")],
    ]);
  });
});
