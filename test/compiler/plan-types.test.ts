/**
 * The plan's zod schema and its TypeScript types agree both ways, checked by the type checker
 * (`tsc -p tsconfig.test.json`, a step of `npm test`): the schema of an expression infers exactly
 * the PlanExpression union written out in compiler/plan/schema.ts, and what a plan file must hold
 * (the schema's input) is exactly what the runtime reads (its output, the Plan type).
 */
import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { EntityPlan, Plan, PlanExpression, StepPlan } from "../../compiler/plan/schema.js";
import type * as S from "../../compiler/plan/schema.js";

describe("the plan's schema and types", () => {
  it("infer exactly the PlanExpression union from the expression schema, both ways", () => {
    expectTypeOf<z.output<typeof S.PlanExpression>>().toEqualTypeOf<PlanExpression>();
    expectTypeOf<z.input<typeof S.PlanExpression>>().toEqualTypeOf<PlanExpression>();
    // The comparison tells a union with one member more, or one field less, apart.
    expectTypeOf<z.output<typeof S.PlanExpression>>().not.toEqualTypeOf<PlanExpression | { op: "extra"; type: string }>();
    expectTypeOf<Extract<z.output<typeof S.PlanExpression>, { op: "column" }>>().not.toEqualTypeOf<{ op: "column"; type: string }>();
  });

  it("read a plan file as exactly the types the runtime uses", () => {
    expectTypeOf<z.input<typeof S.Plan>>().toEqualTypeOf<Plan>();
    expectTypeOf<z.input<typeof S.StepPlan>>().toEqualTypeOf<StepPlan>();
    expectTypeOf<z.input<typeof S.EntityPlan>>().toEqualTypeOf<EntityPlan>();
  });
});
