/**
 * An expected closing date and an actual one, told apart by their values: a deal's actual closing
 * date is filled on the rows a status column says are closed (won, lost) and on no other, while
 * the expected one is filled whatever the status. A header saying "close date" fits both; the
 * values decide. Pure.
 */
import type { OdooField, OdooSchema } from "../compiler/catalog/index.js";
import type { ColumnProfile, EntityProfile } from "./entities.js";
import { conversionFor, type FieldCandidate } from "./fields.js";

/** At most this many distinct values make a status column. */
const MAX_STATUSES = 8;

/** A pick-list never blank: a status that says, row by row, where a record stands. */
function statusColumns(entity: EntityProfile): ColumnProfile[] {
  return entity.columns.filter((column) => {
    if (column.guess.type !== "text" || column.guess.total === 0) return false;
    const filled = column.values.filter((value) => value.trim() !== "");
    const distinct = new Set(filled.map((value) => value.trim())).size;
    return filled.length === column.values.length && distinct >= 2 && distinct <= MAX_STATUSES && distinct * 2 <= filled.length;
  });
}

/**
 * Whether a date column is filled on the rows of some statuses only, and blank on the others
 * (an actual closing date, filled on won and lost deals): the statuses of its filled rows and
 * those of its blank rows do not meet.
 */
export function filledOnClosedRows(entity: EntityProfile, column: ColumnProfile): boolean {
  if (column.guess.type !== "date" && column.guess.type !== "datetime") return false;
  const filledRows = column.values.map((value) => value.trim() !== "");
  const filledCount = filledRows.filter(Boolean).length;
  if (filledCount === 0 || filledCount === filledRows.length) return false;
  return statusColumns(entity).some((status) => {
    const whenFilled = new Set<string>();
    const whenBlank = new Set<string>();
    status.values.forEach((value, row) => (filledRows[row] === true ? whenFilled : whenBlank).add(value.trim()));
    return [...whenFilled].every((value) => !whenBlank.has(value));
  });
}

/**
 * A deadline proposed for a date filled on closed rows only is the record's closing date
 * (crm.lead's date_closed), as sure as its header made it a deadline.
 */
export function closingDateCandidates(
  candidates: readonly FieldCandidate[],
  entity: EntityProfile,
  fields: readonly OdooField[],
  schema: OdooSchema,
  model: string,
): FieldCandidate[] {
  const closed = fields.find((field) => field.name === "date_closed");
  return candidates.map((candidate) => {
    if (closed === undefined || candidate.field.name !== "date_deadline" || candidate.column.profile.group !== undefined) return candidate;
    if (!filledOnClosedRows(entity, candidate.column.profile)) return candidate;
    const conversion = conversionFor(candidate.column, closed, schema, model);
    return conversion === undefined ? candidate : { ...candidate, field: closed, conversion, confidence: candidate.nameScore * conversion.factor };
  });
}
