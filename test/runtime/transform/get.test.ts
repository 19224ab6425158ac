/**
 * `key | get(Entity.column)`: the value of a column in another row of the export, by that row's key.
 * A key no row has is reported as such; a key whose row the reader rejected is reported with the
 * rejection, since the row is there in the export.
 */
import { describe, expect, it } from "vitest";
import type { EntityPlan, PlanExpression } from "../../../compiler/plan/schema.js";
import { evaluate, type EvaluationEnvironment } from "../../../runtime/transform/evaluate.js";

const names = new Map([["C1", "Acme Ltd"]]);
const rejections = new Map([["C2", "'Company Name' is required and blank"]]);

const environment = {
  get: (entity: string, column: string, key: string) => (entity === "Company" && column === "name" ? names.get(key) : undefined),
  rejected: (entity: string, key: string) => (entity === "Company" ? rejections.get(key) : undefined),
} as unknown as EvaluationEnvironment;

const entity = { name: "Contact" } as unknown as EntityPlan;
const companyName: PlanExpression = {
  op: "get",
  type: "text",
  entity: "Company",
  column: "name",
  input: { op: "column", type: "text", column: "company_id" },
  itemwise: false,
};

describe("get", () => {
  it("reads the column of the row with that key", async () => {
    expect(await evaluate(companyName, { entity, key: "P1", values: { company_id: "C1" } }, environment)).toEqual({
      outcome: { ok: true, value: "Acme Ltd" },
      notes: [],
    });
  });

  it("says no row has a key that is not in the export", async () => {
    const { outcome, notes } = await evaluate(companyName, { entity, key: "P2", values: { company_id: "C404" } }, environment);
    expect([outcome, notes]).toEqual([{ ok: true, value: null }, [{ kind: "dangling-reference", detail: 'no Company row has key "C404"' }]]);
  });

  it("says why the row with that key was rejected, rather than that there is none", async () => {
    const { outcome, notes } = await evaluate(companyName, { entity, key: "P3", values: { company_id: "C2" } }, environment);
    expect([outcome, notes]).toEqual([
      { ok: true, value: null },
      [{ kind: "dangling-reference", detail: `the Company row with key "C2" was rejected: 'Company Name' is required and blank` }],
    ]);
  });
});
