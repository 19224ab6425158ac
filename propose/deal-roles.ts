/**
 * What a deal's columns are, read from their values when the headers say nothing the lexicon
 * knows: the stage (the pick-list the probability follows), the expected revenue (large numbers
 * without a currency), the lost reason (a pick-list filled on the rows of one stage only), the
 * actual closing date (filled on closed rows only), the source (another pick-list, on most rows), the
 * contact's name (people's names, one each)
 * and the creation stamp (the one moment, on every row). They
 * refine the roles value-roles.ts gives every model's columns. Pure.
 */
import type { ColumnProfile, EntityProfile } from "./entities.js";
import { filledOnClosedRows } from "./closing-dates.js";
import { looksLikeInitials, looksLikePersonNames, namesOnePersonEach } from "./fields.js";
import { CURRENCY_CODES, filledValues } from "./value-shapes.js";
import type { ValueRole } from "./value-roles.js";
import { conceptWords } from "./words.js";

export type DealRole = "amount" | "lost" | "source" | "closed" | "contact";

function oneLineText(column: ColumnProfile): boolean {
  return column.guess.type === "text" && !column.guess.multiline && column.list === undefined;
}

/**
 * A pick-list of a few words filled on `share` of the rows at least, each value on two rows or
 * more: not staff (names, initials), not currencies, not numbers.
 */
function pickList(column: ColumnProfile, share: number): boolean {
  const filled = filledValues(column.values);
  const distinct = new Set(filled);
  return (
    oneLineText(column) &&
    filled.length >= Math.max(3, column.guess.total * share) &&
    distinct.size >= 2 &&
    distinct.size <= 15 &&
    distinct.size * 2 <= filled.length &&
    [...distinct].every((value) => /\p{L}/u.test(value) && !CURRENCY_CODES.has(value)) &&
    !looksLikePersonNames(column.values) &&
    !looksLikeInitials(column.values)
  );
}

/**
 * How closely a number follows a pick-list's value: the share of the rows holding both whose
 * number is its value's most common one, rows of a zero left out.
 */
function follows(numbers: ColumnProfile, list: ColumnProfile): number {
  const byValue = new Map<string, Map<string, number>>();
  let rows = 0;
  list.values.forEach((value, row) => {
    const number = numbers.values[row]?.trim() ?? "";
    // A lost deal keeps the stage it was lost at, its probability 0.
    if (value.trim() === "" || number === "" || Number(number.replace(/[%\s]/g, "").replace(",", ".")) === 0) return;
    rows++;
    const counts = byValue.get(value.trim()) ?? new Map<string, number>();
    counts.set(number, (counts.get(number) ?? 0) + 1);
    byValue.set(value.trim(), counts);
  });
  const modal = [...byValue.values()].reduce((sum, counts) => sum + Math.max(...counts.values()), 0);
  return rows === 0 ? 0 : modal / rows;
}

/**
 * The stage: of the pick-lists of three values or more, the one the probability follows (each
 * stage its probability, as CRMs set it), not a source or a funnel, whatever comes first in the file.
 */
function stageOf(columns: readonly ColumnProfile[], percent: ColumnProfile | undefined): ColumnProfile | undefined {
  if (percent === undefined) return undefined;
  const lists = columns.filter((column) => column !== percent && pickList(column, 0.9) && new Set(filledValues(column.values)).size >= 3);
  return lists
    .map((column) => ({ column, share: follows(percent, column) }))
    .filter(({ share }) => share >= 0.9)
    .sort((left, right) => right.share - left.share)[0]?.column;
}

/** Numbers of a hundred and more, mostly different (not years, not quantities): amounts without a currency. */
function amountShaped(column: ColumnProfile): boolean {
  if (column.guess.type !== "integer" && column.guess.type !== "decimal") return false;
  if (column.guess.percent === true) return false;
  const numbers = filledValues(column.values).map((value) => Number(value.replace(/[\s\u00a0]/g, "").replace(",", ".")));
  const readable = numbers.filter((number) => Number.isFinite(number));
  if (readable.length < 3 || readable.length < numbers.length * 0.9) return false;
  const sorted = [...readable].sort((left, right) => left - right);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const years = readable.every((number) => Number.isInteger(number) && number >= 1900 && number <= 2100);
  return median >= 100 && !years && new Set(readable).size * 2 >= readable.length;
}

function median(column: ColumnProfile): number {
  const numbers = filledValues(column.values)
    .map((value) => Number(value.replace(/[\s\u00a0]/g, "").replace(",", ".")))
    .filter((number) => Number.isFinite(number))
    .sort((left, right) => left - right);
  return numbers[Math.floor(numbers.length / 2)] ?? 0;
}

/**
 * A pick-list filled on the rows of one stage (or status) only, and on most of them: why those
 * deals were lost. A value of that stage saying lost in the lexicon's languages wins a tie.
 */
function lostReasonOf(columns: readonly ColumnProfile[], statuses: readonly ColumnProfile[]): ColumnProfile | undefined {
  const found = columns.flatMap((column) => {
    const filledRows = column.values.map((value) => filledValues([value]).length > 0);
    const filledCount = filledRows.filter(Boolean).length;
    const distinct = new Set(filledValues(column.values)).size;
    if (!oneLineText(column) || filledCount < 3 || filledCount > column.values.length * 0.6 || distinct < 2 || distinct > 15) return [];
    if (looksLikePersonNames(column.values)) return [];
    return statuses.flatMap((status) => {
      const when = new Map<string, number>();
      status.values.forEach((value, row) => {
        if (filledRows[row] === true) when.set(value.trim(), (when.get(value.trim()) ?? 0) + 1);
      });
      const [stage, count] = [...when.entries()].sort((left, right) => right[1] - left[1])[0] ?? ["", 0];
      const rowsOfStage = status.values.filter((value) => value.trim() === stage).length;
      if (count < filledCount * 0.9 || count < rowsOfStage * 0.5 || rowsOfStage > status.values.length * 0.6) return [];
      return [{ column, lost: conceptWords(stage).includes("lost") }];
    });
  });
  return found.sort((left, right) => Number(right.lost) - Number(left.lost))[0]?.column;
}

/** Mean words a column's filled values hold. */
function meanWords(column: ColumnProfile): number {
  const filled = filledValues(column.values);
  return filled.length === 0 ? 0 : filled.reduce((sum, value) => sum + value.split(/\s+/).length, 0) / filled.length;
}

/** Words a deal's title has on average at least: `Sistem VRF hotel`, not a source's `Site web` or `Recomandare`. */
const TITLE_WORDS = 2.5;

/**
 * A deal's title where no column was taken for it: one line on nearly every row, of several words
 * (the wordiest such column), even when a few titles repeat (`Sistem VRF hotel` on many rows), as
 * they would read as a pick-list. Odoo needs the name.
 */
function titleOf(columns: readonly ColumnProfile[]): ColumnProfile | undefined {
  return columns
    .filter((column) => oneLineText(column) && filledValues(column.values).length >= column.guess.total * 0.9 && meanWords(column) >= TITLE_WORDS)
    .filter((column) => !looksLikePersonNames(column.values))
    .sort((left, right) => meanWords(right) - meanWords(left))[0];
}

/** The source: of the other pick-lists of three values or more on most rows, the most filled, then the most varied. */
function sourceOf(columns: readonly ColumnProfile[]): ColumnProfile | undefined {
  return columns
    .filter((column) => pickList(column, 0.75) && new Set(filledValues(column.values)).size >= 3)
    .sort(
      (left, right) =>
        filledValues(right.values).length - filledValues(left.values).length ||
        new Set(filledValues(right.values)).size - new Set(filledValues(left.values)).size,
    )[0];
}

/**
 * Refines the roles of a deal's columns (value-roles.ts) by what a deal holds: the stage the
 * probability follows replaces a first pick-list taken for it (and a town taken beside a post
 * code, the post code going too); then the amount, the lost reason, the closing date and the
 * source, each to a column no role was given.
 */
export function refineDealRoles(entity: EntityProfile, columns: readonly ColumnProfile[], roles: Map<ColumnProfile, ValueRole>): void {
  const roleOf = (role: ValueRole): ColumnProfile | undefined => [...roles].find(([, given]) => given === role)?.[0];
  const give = (column: ColumnProfile | undefined, role: ValueRole): void => {
    if (column !== undefined && !roles.has(column) && roleOf(role) === undefined) roles.set(column, role);
  };
  const stage = stageOf(columns, roleOf("percent"));
  if (stage !== undefined && roles.get(stage) !== "status") {
    if (roles.get(stage) === "city") {
      const zip = roleOf("zip");
      if (zip !== undefined) roles.delete(zip);
    }
    const previous = roleOf("status");
    if (previous !== undefined) roles.delete(previous);
    roles.set(stage, "status");
  }
  const free = (): ColumnProfile[] => columns.filter((column) => !roles.has(column));
  give(titleOf(free()), "label");
  if (!columns.some((column) => column.guess.type === "money")) {
    give(
      free()
        .filter(amountShaped)
        .sort((left, right) => median(right) - median(left))[0],
      "amount",
    );
  }
  const statuses = columns.filter((column) => pickList(column, 0.9));
  give(lostReasonOf(free(), statuses), "lost");
  give(
    free().find((column) => filledOnClosedRows(entity, column)),
    "closed",
  );
  give(sourceOf(free()), "source");
  // The person the deal is with, a different one on nearly every row (not a handful of owners).
  give(
    free().find((column) => oneLineText(column) && namesOnePersonEach(column.values)),
    "contact",
  );
}

/**
 * A deal's creation stamp, which Odoo keeps its own of: its one moment, filled on nearly every
 * row (a time of day says when the row was entered, not a day agreed with the customer). A day on
 * every row may be when the deal was opened, which specialists keep: it is left to a custom field.
 */
export function dealCreationStamp(entity: EntityProfile): ColumnProfile | undefined {
  const moments = entity.columns.filter((column) => column.guess.type === "datetime");
  const [moment] = moments;
  return moments.length === 1 && moment !== undefined && moment.guess.total >= 3 && filledValues(moment.values).length >= moment.guess.total * 0.98
    ? moment
    : undefined;
}
