/** Reading a compiled plan: the runtime trusts nothing it has not validated with the plan's schema. */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Plan } from "../compiler/plan/schema.js";

export class PlanFileError extends Error {}

export function parsePlan(text: string, origin: string): Plan {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PlanFileError(`${origin} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = Plan.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue === undefined ? "" : ` at ${issue.path.join(".") || "the top"}: ${issue.message}`;
    throw new PlanFileError(`${origin} is not a Flitmap plan this version can run${where}; compile the package again with \`flitmap compile\``);
  }
  return result.data;
}

export function readPlan(path: string): Plan {
  return parsePlan(readFileSync(path, "utf8"), path);
}

/** Identifies a plan in the journal, so that a run can tell it continues the same mapping. */
export function planHash(plan: Plan): string {
  return createHash("sha256").update(JSON.stringify(plan)).digest("hex").slice(0, 16);
}
