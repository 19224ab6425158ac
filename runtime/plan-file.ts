/** Reading a compiled plan: the runtime trusts nothing it has not validated with the plan's schema. */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { MAX_EXPRESSION_DEPTH } from "../compiler/plan/expressions.js";
import { Plan } from "../compiler/plan/schema.js";

/**
 * How deep a plan's JSON may nest: the compiler never emits expressions deeper than
 * MAX_EXPRESSION_DEPTH, each taking a few JSON levels; zod validates recursively, so a deeper
 * hand-made file would run it out of stack instead of being refused.
 */
const MAX_JSON_DEPTH = 4 * MAX_EXPRESSION_DEPTH + 32;

export class PlanFileError extends Error {}

export function parsePlan(text: string, origin: string): Plan {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PlanFileError(`${origin} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (jsonDepth(json) > MAX_JSON_DEPTH) {
    throw new PlanFileError(`${origin} nests deeper than a compiled plan can (${MAX_JSON_DEPTH} levels); compile the package again with \`flitmap compile\``);
  }
  const result = Plan.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue === undefined ? "" : ` at ${issue.path.join(".") || "the top"}: ${issue.message}`;
    throw new PlanFileError(`${origin} is not a Flitmap plan this version can run${where}; compile the package again with \`flitmap compile\``);
  }
  return result.data;
}

function jsonDepth(value: unknown): number {
  let deepest = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    deepest = Math.max(deepest, next.depth);
    if (typeof next.value !== "object" || next.value === null) continue;
    for (const child of Object.values(next.value)) stack.push({ value: child, depth: next.depth + 1 });
  }
  return deepest;
}

export function readPlan(path: string): Plan {
  return parsePlan(readFileSync(path, "utf8"), path);
}

/** Identifies a plan in the journal, so that a run can tell it continues the same mapping. */
export function planHash(plan: Plan): string {
  return createHash("sha256").update(JSON.stringify(plan)).digest("hex").slice(0, 16);
}
