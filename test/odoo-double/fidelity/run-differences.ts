/**
 * The named differences between the double and the recorded runs: each one a fact about the real
 * database the double does not hold, documented in README.md ("Whole runs replayed"). A
 * difference narrows what is compared (both answers, the same way) and says so by name; the
 * replay test lists which exchanges needed which, and fails when a difference is no longer
 * needed anywhere (the list would be stale).
 */

import type { OdooDouble } from "../server.js";
import { isRecord, type IdMap } from "./compare.js";

export interface ReplayedCall {
  readonly model: string | undefined;
  readonly method: string;
  /** The request's arguments as sent to the double (ids rewritten). */
  readonly args: readonly unknown[];
  readonly kwargs: Readonly<Record<string, unknown>>;
}

export interface DifferenceContext {
  readonly double: OdooDouble;
  readonly ids: IdMap;
}

export interface KnownDifference {
  readonly name: string;
  /** Why the double cannot answer this as the recording does (README.md says the same). */
  readonly why: string;
  readonly applies: (call: ReplayedCall) => boolean;
  /** Both answers narrowed to what the double can be compared on. */
  readonly narrow: (context: DifferenceContext, recorded: unknown, actual: unknown) => { recorded: unknown; actual: unknown };
}

function domainOf(call: ReplayedCall): unknown[] {
  const domain = call.kwargs["domain"] ?? call.args[0];
  return Array.isArray(domain) ? domain : [];
}

function records(value: unknown): Array<Record<string, unknown>> {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

function byText(key: string): (a: Record<string, unknown>, b: Record<string, unknown>) => number {
  return (a, b) => (String(a[key]) < String(b[key]) ? -1 : String(a[key]) > String(b[key]) ? 1 : 0);
}

export const KNOWN_DIFFERENCES: readonly KnownDifference[] = [
  {
    name: "models-the-double-has",
    why: "the double has an ir.model row for each model it models (the 38 of models.json, and the models their fields point at as stubs named by their technical name), the real database one for every installed model (375 in 17.0, 397 in 18.0 and 19.0) in installation order: the listing is compared on the double's models, by model name, and a stub's description is not compared",
    applies: (call) => call.model === "ir.model" && call.method === "search_read",
    narrow: ({ double }, recorded, actual) => {
      const stub = (row: Record<string, unknown>): boolean => double.orm.catalog.models.get(String(row["model"]))?.stub === true;
      const withoutStubNames = (row: Record<string, unknown>): Record<string, unknown> =>
        stub(row) ? Object.fromEntries(Object.entries(row).filter(([key]) => key !== "display_name" && key !== "name")) : row;
      return {
        recorded: records(recorded)
          .filter((row) => double.orm.hasModel(String(row["model"])))
          .sort(byText("model"))
          .map(withoutStubNames),
        actual: records(actual).sort(byText("model")).map(withoutStubNames),
      };
    },
  },
  {
    name: "external-ids-of-models-the-double-has",
    why: "the external ids of ir.model rows (`<module>.model_<name>`, one per module that defines or extends the model) exist for the 38 models of models.json, whose modules it records; other models, stubs in the double, have none there",
    applies: (call) =>
      call.model === "ir.model.data" &&
      call.method === "search_read" &&
      domainOf(call).some((leaf) => Array.isArray(leaf) && leaf[0] === "model" && leaf[2] === "ir.model"),
    narrow: ({ double, ids }, recorded, actual) => {
      const recordedModel = (row: Record<string, unknown>): boolean => {
        if (typeof row["res_id"] !== "number" || !ids.has("ir.model", row["res_id"])) return false;
        const model = double.orm.store.get("ir.model", ids.forward("ir.model", row["res_id"]))?.["model"];
        return double.orm.catalog.models.get(String(model))?.stub === false;
      };
      return { recorded: records(recorded).filter(recordedModel), actual };
    },
  },
];

export function applyKnownDifferences(
  context: DifferenceContext,
  call: ReplayedCall,
  recorded: unknown,
  actual: unknown,
): { recorded: unknown; actual: unknown; excused: string[] } {
  const excused: string[] = [];
  let current = { recorded, actual };
  for (const difference of KNOWN_DIFFERENCES) {
    if (!difference.applies(call)) continue;
    current = difference.narrow(context, current.recorded, current.actual);
    excused.push(difference.name);
  }
  return { ...current, excused };
}
