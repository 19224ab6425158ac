/**
 * What an activity's, event's or message's columns are, read from their values when the headers
 * say nothing the lexicon knows: the type is the pick-list whose values are kinds of activity in
 * the lexicon's languages (`Telefonata`, `Spotkanie`, `Email`), not a first pick-list of subjects
 * (`Pricing call`, `Product demo`); outcomes written as short sentences (`Confermato.`,
 * `Interessato, attende l'offerta.`) are the notes. They refine the roles value-roles.ts gives
 * every model's columns. Pure.
 */
import type { ColumnProfile } from "./entities.js";
import { filledValues } from "./value-shapes.js";
import type { ValueRole } from "./value-roles.js";
import { conceptWords } from "./words.js";

/** The models whose records an agenda's rows become. */
export const ACTIVITY_MODELS: ReadonlySet<string> = new Set(["mail.activity", "calendar.event", "mail.message"]);

/** Words that name a kind of activity, once a value is brought to English concept words. */
const KIND_WORDS: ReadonlySet<string> = new Set([
  "call",
  "meeting",
  "email",
  "mail",
  "task",
  "visit",
  "phone",
  "appointment",
  "note",
  "letter",
  "reminder",
  "todo",
  "sms",
  "fax",
]);

/** The share of a column's distinct values that are kinds of activity, every word of them. */
function kindShare(column: ColumnProfile): number {
  const distinct = [...new Set(filledValues(column.values))];
  const kinds = distinct.filter((value) => {
    const words = conceptWords(value);
    return words.length > 0 && words.every((word) => KIND_WORDS.has(word));
  });
  return distinct.length === 0 ? 0 : kinds.length / distinct.length;
}

/** A few values on nearly every row, each on several. */
function pickList(column: ColumnProfile): boolean {
  const filled = filledValues(column.values);
  const distinct = new Set(filled).size;
  return (
    column.guess.type === "text" &&
    column.list === undefined &&
    filled.length >= column.guess.total * 0.9 &&
    distinct >= 2 &&
    distinct <= 15 &&
    distinct * 2 <= filled.length
  );
}

/** Short sentences closed by a full stop, each written on several rows or not: what came of the activity. */
function sentences(column: ColumnProfile): boolean {
  const filled = filledValues(column.values);
  const distinct = [...new Set(filled)];
  if (column.guess.type !== "text" || column.list !== undefined || filled.length < 3 || distinct.length < 2) return false;
  const sentence = (value: string): boolean => /^\p{Lu}/u.test(value) && /[.!?]$/.test(value) && value.length >= 8;
  return distinct.filter(sentence).length >= distinct.length * 0.8;
}

/**
 * Refines the roles of an activity's columns: the pick-list of kinds of activity is the type,
 * the column first taken for it then the label it outranked; sentences are the notes.
 */
export function refineActivityRoles(columns: readonly ColumnProfile[], roles: Map<ColumnProfile, ValueRole>): void {
  const roleOf = (role: ValueRole): ColumnProfile | undefined => [...roles].find(([, given]) => given === role)?.[0];
  const type = columns
    .filter(pickList)
    .map((column) => ({ column, share: kindShare(column) }))
    .filter(({ share }) => share >= 0.5)
    .sort((left, right) => right.share - left.share)[0]?.column;
  const previous = roleOf("status");
  if (type !== undefined && previous !== undefined && previous !== type && kindShare(previous) < kindShare(type)) {
    const label = roles.get(type) === "label";
    roles.delete(previous);
    roles.set(type, "status");
    if (label) roles.set(previous, "label");
  }
  refineNotes(columns, roles);
}

/** Short sentences closed by a full stop are the notes, when no column was taken for them. */
export function refineNotes(columns: readonly ColumnProfile[], roles: Map<ColumnProfile, ValueRole>): void {
  if ([...roles.values()].includes("longtext")) return;
  const notes = columns.find((column) => !roles.has(column) && sentences(column));
  if (notes !== undefined) roles.set(notes, "longtext");
}
