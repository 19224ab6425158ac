/**
 * `a ?? b`: the first operand with a value wins. An earlier operand's problem (a dangling reference,
 * a lookup that found nothing, a value that did not parse) is still reported, but no longer says the
 * field was left empty once a later operand gives the value.
 */
import { describe, expect, it } from "vitest";
import type { EntityPlan, PlanExpression } from "../../../compiler/plan/schema.js";
import { evaluate, type EvaluationEnvironment, type ReferenceResolution } from "../../../runtime/transform/evaluate.js";

const companies = new Map<string, ReferenceResolution>([["C1", { status: "found", record: { kind: "record", model: "res.partner", xmlid: "pb.company_C1" } }]]);

const environment = {
  reference: (step: string, key: string): ReferenceResolution => (step === "company" ? (companies.get(key) ?? { status: "missing" }) : { status: "missing" }),
} as unknown as EvaluationEnvironment;

const entity = { name: "Deal" } as unknown as EntityPlan;

function refTo(step: string, column: string): PlanExpression {
  return { op: "ref", type: "record", step, entity: step, input: { op: "column", type: "text", column }, itemwise: false };
}

const partner: PlanExpression = { op: "coalesce", type: "record", operands: [refTo("contact", "contact_id"), refTo("company", "company_id")] };

describe("coalescing (??)", () => {
  it("says the value after ?? was used when a later operand gives it", async () => {
    const { outcome, notes } = await evaluate(partner, { entity, key: "D1", values: { contact_id: "P404", company_id: "C1" } }, environment);
    expect(outcome).toEqual({ ok: true, value: { kind: "record", model: "res.partner", xmlid: "pb.company_C1" } });
    expect(notes).toEqual([{ kind: "dangling-reference", detail: 'contact "P404" does not exist in the export; the value after `??` was used' }]);
  });

  it("keeps every operand's note when none gives a value", async () => {
    const { outcome, notes } = await evaluate(partner, { entity, key: "D2", values: { contact_id: "P404", company_id: "C404" } }, environment);
    expect(outcome).toEqual({ ok: true, value: null });
    expect(notes).toEqual([
      { kind: "dangling-reference", detail: 'contact "P404" does not exist in the export' },
      { kind: "dangling-reference", detail: 'company "C404" does not exist in the export' },
    ]);
  });
});
