/**
 * A lookup's `missing fallback` names a record by a value of its match field or by its external
 * ID, and may name a reference record the same package creates: that works on the very first run.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runPlan } from "../../runtime/execute/run.js";
import { FilesTarget } from "../../runtime/targets/files-target.js";
import { compileFixture, runLive, startSeededDouble, stateByXmlid, temporaryDirectory } from "./support.js";

const PACKAGE = join(import.meta.dirname, "fixtures/fallback-package");
const EXPORT = join(import.meta.dirname, "fixtures/fallback-export");
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("a lookup's fallback", () => {
  it("reaches a record by external ID and a stage the package creates, on the first run into Odoo", async () => {
    const plan = compileFixture(PACKAGE);
    const double = await startSeededDouble("17.0");
    const state = temporaryDirectory("flitmap-fallback-");
    cleanups.push(() => double.stop(), state.remove);

    const result = await runLive(plan, double, state.path, { sourceDirectory: EXPORT });

    expect(result.status).toBe("complete");
    expect(result.entities.map((entity) => [entity.entity, entity.loaded, entity.rejected])).toEqual([["Deal", 2, 0]]);
    const deals = stateByXmlid(double, plan);
    expect(deals["fb.deal_D1"]?.["user_id"]).toBe("base.user_admin");
    expect(deals["fb.deal_D2"]?.["stage_id"]).toBe("fb.crm_stage_unsorted");
    expect(deals["fb.deal_D2"]?.["user_id"]).toBe("base.user_admin");
    const fallbacks = result.notes.filter((note) => note.kind === "lookup-fallback").flatMap((note) => note.examples);
    expect(fallbacks.sort()).toEqual([
      'no crm.stage record has name "Nonsense"; "Unsorted" was used',
      'no res.users record has login "nobody"; "base.user_admin" was used',
    ]);
  });

  it("names the created stage by its external ID in import files", async () => {
    const plan = compileFixture(PACKAGE);
    const out = temporaryDirectory("flitmap-fallback-files-");
    cleanups.push(out.remove);
    const result = await runPlan({ plan, sourceDirectory: EXPORT, target: new FilesTarget(out.path, plan.migration.name) });
    expect(result.status).toBe("complete");
    const deals = readFileSync(join(out.path, "02-crm.lead-deal.csv"), "utf8").trim().split(/\r?\n/);
    expect(deals).toEqual([
      "id,name,type,stage_id/id,user_id/id",
      "fb.deal_D1,Big deal,opportunity,crm.stage_lead2,base.user_admin",
      "fb.deal_D2,Odd deal,opportunity,fb.crm_stage_unsorted,base.user_admin",
    ]);
  });
});
