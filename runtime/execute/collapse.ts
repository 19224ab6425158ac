/**
 * The N:N collapse: a `with` block reads the rows of a link table (a contact's companies) into the
 * one record of the row they link to, in the block's `order by`, where `first`, `rest` and `join`
 * make one value of them. The run and the assessment order linked rows with the one comparison
 * here. A linked row makes no record of its own: it is accounted for by the record it collapsed
 * into (linked with it, or rejected or skipped with it).
 */
import { textOf } from "../transform/evaluate.js";
import type { RuntimeValue } from "../transform/values.js";
import type { Indexes, LinkedRow } from "./indexes.js";

/**
 * The order of `order by`: numbers by value, false before true (so that `order by primary desc`
 * puts the primary row first), text by code point, empty values last.
 */
export function compareLinkOrder(left: RuntimeValue, right: RuntimeValue): number {
  if (left === right) return 0;
  if (left === null) return 1;
  if (right === null) return -1;
  if (typeof left === "number" && typeof right === "number") return left - right;
  if (typeof left === "boolean" && typeof right === "boolean") return left ? 1 : -1;
  return textOf(left) < textOf(right) ? -1 : textOf(left) > textOf(right) ? 1 : 0;
}

/** The rows of `entity` whose `by` column holds `key`, in file order. */
export function linkedRowsOf(indexes: Indexes, entity: string, by: string, key: string): readonly LinkedRow[] {
  return indexes.entities.get(entity)?.linked(by, key) ?? [];
}

/** The values of the rows a `with` block collapses into the record of the row with key `key`, in the block's order. */
export function collapsedRows(
  indexes: Indexes,
  entity: string,
  by: string,
  key: string,
  orderBy: string | undefined,
  descending: boolean,
): readonly Readonly<Record<string, RuntimeValue>>[] {
  const rows = linkedRowsOf(indexes, entity, by, key);
  const ordered = orderBy === undefined ? rows : [...rows].sort((left, right) => compareLinkOrder(left.order, right.order) * (descending ? -1 : 1));
  return ordered.map((row) => row.values);
}

/** What became of a linked row, from what became of the row it belongs to. */
export type LinkedRowOutcome = { readonly status: "linked" | "skipped" | "notSelected" } | { readonly status: "rejected"; readonly reason: string };

/**
 * A linked row lands with the record of the row it belongs to, or not at all: `parentRow` says
 * whether the export has that row (read, rejected by the reader, or absent), `parentOutcome` what
 * the run made of it (undefined when the run left it out). A refusal names the row refused, where.
 */
export function linkedRowOutcome(
  parent: { readonly entity: string; readonly key: string },
  parentRow: "read" | "absent" | { readonly file: string; readonly line: number; readonly reason: string },
  parentOutcome:
    { readonly status: "loaded" | "merged" | "skipped" } | { readonly status: "rejected"; readonly file: string; readonly line: number; readonly why: string } | undefined,
): LinkedRowOutcome {
  const named = `${parent.entity} ${JSON.stringify(parent.key)}`;
  if (parentRow === "absent") return { status: "rejected", reason: `it belongs to ${named}, which does not exist in the export` };
  if (parentRow !== "read")
    return { status: "rejected", reason: `refused because ${named}, ${parentRow.file} line ${parentRow.line}, was refused: ${parentRow.reason}` };
  if (parentOutcome === undefined) return { status: "notSelected" };
  if (parentOutcome.status === "rejected")
    return {
      status: "rejected",
      reason: `refused because ${named}, ${parentOutcome.file} line ${parentOutcome.line}, was refused: ${parentOutcome.why}`,
    };
  if (parentOutcome.status === "skipped") return { status: "skipped" };
  return { status: "linked" };
}
