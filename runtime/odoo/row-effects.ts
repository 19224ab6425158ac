/**
 * What creating a row of some models does to records besides its own, read from the row's cells,
 * for the load schedule (load-schedule.ts):
 *
 * - an activity subscribes its user to its document (mail.activity.create, whatever the context).
 *   Odoo 17 and 18 insert one follower per activity, repeats included, so two activities of one
 *   document and user in one call insert the same follower twice, the batch create fails and
 *   load() creates the batch again row by row (issue 14: 11.4 queries an activity instead of 1.2);
 *   19.0 subscribes each document and user once per call;
 * - a contact with a company may write the company (its address, the first time);
 * - an order's or an invoice's line makes Odoo recompute the order's totals.
 *
 * Calls in flight at once must not touch the same other record (deadlocks on mail_followers, row
 * locks); a call must not hold one document and user twice where Odoo inserts a follower per row;
 * and calls of activities or followers run alone, whatever the concurrency: parallel activity
 * loads deadlocked on mail_followers on the lab even for different documents (issue 14).
 */

import type { RowEffects } from "./load-schedule.js";

/** The many2one whose record a row's create writes besides its own, by model. */
const WRITES_PARENT: Readonly<Record<string, string>> = {
  "res.partner": "parent_id",
  "sale.order.line": "order_id",
  "account.move.line": "move_id",
  "purchase.order.line": "order_id",
};

/** A reference column of `field` (by database id or external ID) and its position, or undefined. */
function referenceColumn(fields: readonly string[], field: string): number | undefined {
  for (const column of [`${field}/.id`, `${field}/id`, `${field}.id`, `${field}:id`]) {
    const index = fields.indexOf(column);
    if (index >= 0) return index;
  }
  return undefined;
}

/** Odoo's major version from its series ("17.0", "saas~18.2"). */
function major(serie: string): number {
  return Number(/\d+/.exec(serie)?.[0] ?? "0");
}

export function rowEffects(model: string, fields: readonly string[], serie: string): RowEffects | undefined {
  // Issue 14: parallel loads of activities deadlocked on mail_followers; followers themselves too.
  if (model === "mail.activity") return { ...(activityEffects(fields, major(serie) < 19) ?? { touches: () => [] }), alone: true };
  if (model === "mail.followers") return { touches: () => [], alone: true };
  const parentField = WRITES_PARENT[model];
  const parent = parentField === undefined ? undefined : referenceColumn(fields, parentField);
  if (parent === undefined) return undefined;
  // One load() has one column for the parent, so a record has one name in all its rows.
  const prefix = `${model}:${fields[parent] ?? ""}:`;
  return { touches: (cells) => (cells[parent] === undefined || cells[parent] === "" ? [] : [`${prefix}${cells[parent]}`]) };
}

function activityEffects(fields: readonly string[], followerPerRow: boolean): RowEffects | undefined {
  const modelColumn = referenceColumn(fields, "res_model_id") ?? (fields.includes("res_model") ? fields.indexOf("res_model") : undefined);
  const idColumn = fields.indexOf("res_id");
  if (modelColumn === undefined || idColumn < 0) return undefined;
  const userColumn = referenceColumn(fields, "user_id");
  const document = (cells: readonly string[]): string | undefined =>
    cells[modelColumn] === undefined || cells[modelColumn] === "" || (cells[idColumn] ?? "") === ""
      ? undefined
      : `${cells[modelColumn]}#${cells[idColumn] ?? ""}`;
  return {
    touches: (cells) => {
      const touched = document(cells);
      return touched === undefined ? [] : [touched];
    },
    ...(followerPerRow
      ? {
          subscribes: (cells: readonly string[]) => {
            const touched = document(cells);
            // No user column: Odoo assigns the caller; an empty cell: no user, no follower.
            const user = userColumn === undefined ? "the caller" : (cells[userColumn] ?? "");
            return touched === undefined || user === "" ? undefined : `${touched}@${user}`;
          },
        }
      : {}),
  };
}
