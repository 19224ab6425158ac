/**
 * Activities with a done flag (`Concluída`, `Afgerond`: yes/no) or a status one of whose values
 * says done (`Eseguito`): what is still to do is an activity in Odoo, what was done is history,
 * which Odoo keeps as a message in the record's chatter (a done activity is not kept, only its
 * message). Such a file is split by the flag, when its rows have one day, whether done or due: an
 * export that also gives the day an activity was done (`Erledigt am`) keeps its done activities as
 * Odoo 17 does, archived with that day. The flag is found by its words, in the lexicon's
 * languages, and by its values (both answers present). Pure.
 */
import type { ColumnProfile, EntityProfile } from "./entities.js";
import { timeOfDay } from "./agenda-rows.js";
import { quote } from "./literals.js";
import { NEGATED_HINTS } from "./odoo-knowledge.js";
import { conceptWords } from "./words.js";

/** A status is a pick-list: a few values. */
const MAX_STATUSES = 8;

/** The words saying an activity is done (its `active` negated). */
export const DONE_WORDS: readonly string[] = NEGATED_HINTS["mail.activity"]?.["active"] ?? [];

/** The one value of a status column (never blank, a few values) that says done, if there is one. */
export function doneStatusValue(column: ColumnProfile, doneWords: readonly string[] = DONE_WORDS): string | undefined {
  if (column.guess.type !== "text" || column.guess.blank > 0) return undefined;
  const values = [...new Set(column.values.map((value) => value.trim()))];
  if (values.length < 2 || values.length > MAX_STATUSES) return undefined;
  const done = values.filter((value) => conceptWords(value).some((word) => doneWords.includes(word)));
  return done.length === 1 ? done[0] : undefined;
}

/** The column saying which rows are done, and the conditions of the done rows and the open ones. */
export interface DoneColumn {
  readonly column: ColumnProfile;
  /** The condition of the done rows (`afgerond`, `status = "Done"`), and of the open ones. */
  readonly done: string;
  readonly open: string;
  /** With a status saying cancelled too (`Peruttu`), the condition of the rows that were not: an appointment called off is none. */
  readonly held?: string;
}

/** The one value of a status column saying cancelled (`Peruttu`, `Annullato`), beside the one saying done. */
function cancelledStatusValue(column: ColumnProfile): string | undefined {
  const values = [...new Set(column.values.map((value) => value.trim()))];
  const cancelled = values.filter((value) => conceptWords(value).includes("cancelled"));
  return cancelled.length === 1 ? cancelled[0] : undefined;
}

export interface DoneRows extends DoneColumn {
  /** The day, and the time of day when the export gives it in a column of its own. */
  readonly date?: ColumnProfile;
  readonly time?: ColumnProfile;
  /** `H:mm` or `H.mm`. */
  readonly timePattern?: string;
}

/**
 * An activity file's done flag (its header saying done, or its one yes/no) or done status, when
 * some rows are done and others not.
 */
export function doneColumn(entity: EntityProfile): DoneColumn | undefined {
  if (entity.kind !== "activity") return undefined;
  const answered = (column: ColumnProfile): boolean =>
    column.guess.type === "boolean" && new Set(column.values.map((value) => value.trim().toLowerCase()).filter((value) => value !== "")).size >= 2;
  const flags = entity.columns.filter(answered);
  // An activity's one yes/no says whether it was done, whatever its header says.
  const flag = flags.find((column) => column.words.some((word) => DONE_WORDS.includes(word))) ?? (flags.length === 1 ? flags[0] : undefined);
  const status = flag === undefined ? entity.columns.find((column) => doneStatusValue(column) !== undefined) : undefined;
  const statusValue = status === undefined ? undefined : doneStatusValue(status);
  const column = flag ?? status;
  if (column === undefined) return undefined;
  if (statusValue === undefined) return { column, done: column.name, open: `not ${column.name}` };
  const done = `${column.name} = ${quote(statusValue)}`;
  // A cancelled call or meeting is neither history nor still to do: skipped, as a specialist does.
  const cancelled = cancelledStatusValue(column);
  if (cancelled === undefined) return { column, done, open: `${column.name} != ${quote(statusValue)}` };
  return { column, done, open: `${column.name} not in [${quote(statusValue)}, ${quote(cancelled)}]`, held: `${column.name} != ${quote(cancelled)}` };
}

/** An activity file's done rows, when some rows are done and others not and each row has one day. */
export function doneRows(entity: EntityProfile): DoneRows | undefined {
  const done = doneColumn(entity);
  if (done === undefined) return undefined;
  const dates = entity.columns.filter((candidate) => candidate.guess.type === "date" || candidate.guess.type === "datetime");
  if (dates.length > 1) return undefined;
  const date = dates.find((candidate) => candidate.guess.type === "date");
  const time = entity.columns.find((candidate) => candidate.guess.type === "text" && timeOfDay(candidate.values, 1) !== undefined);
  const separator = time === undefined ? undefined : timeOfDay(time.values);
  return {
    ...done,
    ...(date === undefined ? {} : { date }),
    ...(time === undefined || separator === undefined ? {} : { time, timePattern: `H${separator}mm` }),
  };
}
