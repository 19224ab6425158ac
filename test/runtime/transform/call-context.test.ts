/**
 * A built-in call reads its row's entity's source options (a date's pattern) through the
 * environment's context for that entity, whichever entity or environment asked last: an
 * evaluation's scope keeps the last context it was given, and must not answer one entity's row
 * with another's (a `with` block's filter reads another entity's rows in the step's scope).
 */
import { describe, expect, it } from "vitest";
import type { EntityPlan, PlanExpression, SourceOptionsPlan } from "../../../compiler/plan/schema.js";
import { compileExpression, EvaluationScope, FAILED, runCompiled } from "../../../runtime/transform/compile.js";
import type { EvaluationEnvironment } from "../../../runtime/transform/evaluate.js";
import { perfectBooks, perfectView } from "./source-options.js";

const asDate: PlanExpression = {
  op: "call",
  type: "date",
  builtin: "date",
  input: { op: "column", type: "text", column: "closed" },
  args: [],
  itemwise: false,
};

function entityWith(name: string, options: SourceOptionsPlan): EntityPlan {
  return { name, options } as unknown as EntityPlan;
}

function environmentWith(optionsOf: (entity: EntityPlan) => SourceOptionsPlan): EvaluationEnvironment {
  return {
    builtinContext: (entity: EntityPlan) => ({ options: optionsOf(entity), readFile: () => ({ ok: false, reason: "no files here" }) }),
  } as unknown as EvaluationEnvironment;
}

const slashes = entityWith("Deal", perfectBooks);
const dashes = entityWith("Kans", perfectView);
const byEntity = environmentWith((entity) => entity.options);

/** One scope for every row, as a step's evaluator keeps it. */
const scope = new EvaluationScope();

async function closed(entity: EntityPlan, text: string, environment: EvaluationEnvironment = byEntity): Promise<unknown> {
  const value = await runCompiled(compileExpression(asDate), { entity, key: "1", values: { closed: text } }, environment, scope);
  return value === FAILED ? "rejected" : value;
}

describe("a built-in call's source options", () => {
  it("are those of the row's entity, rows of two entities taking turns", async () => {
    expect(await closed(slashes, "12/03/2024")).toBe("2024-03-12");
    expect(await closed(dashes, "12-03-2024")).toBe("2024-03-12");
    expect(await closed(dashes, "12/03/2024")).toBe("rejected");
    expect(await closed(slashes, "12/03/2024")).toBe("2024-03-12");
    expect(await closed(slashes, "12-03-2024")).toBe("rejected");
  });

  it("are the environment's at hand, two environments taking turns for one entity", async () => {
    const asViewed = environmentWith(() => perfectView);
    expect(await closed(slashes, "12/03/2024", byEntity)).toBe("2024-03-12");
    expect(await closed(slashes, "12/03/2024", asViewed)).toBe("rejected");
    expect(await closed(slashes, "12-03-2024", asViewed)).toBe("2024-03-12");
    expect(await closed(slashes, "12/03/2024", byEntity)).toBe("2024-03-12");
  });
});
