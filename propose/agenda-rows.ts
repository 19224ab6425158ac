/**
 * An agenda whose rows are of two sorts, told apart by a type column: appointments, which have an
 * end time (a site survey from 17.30 to 19.00), and calls, e-mails and reminders, which do not.
 * Odoo keeps the first as calendar events and the others as activities, so such a file is split
 * by its type. Found from the rows, whatever the language: for each value of the type column, the
 * rows have an end time nearly always, or nearly never. Also the times of day themselves (`9.30`,
 * `14:00`), which read as decimals but are text a date-time is built from. Pure.
 */
import type { ColumnProfile, EntityProfile } from "./entities.js";
import { readDuration } from "../runtime/source/durations.js";
import { rowTypes } from "./row-types.js";
import { conceptWords } from "./words.js";

/** A time of day as agendas write it: `9.30`, `09:30`, `17.00`. */
const TIME_OF_DAY = /^([01]?\d|2[0-3])([.:])[0-5]\d$/;

/** Values needed before small decimals (`9.30`, `12.00`) are read as times rather than amounts. */
const MIN_TIMES = 5;

/** Whether a column holds times of day (`minimum` at least), and with which separator. */
export function timeOfDay(values: readonly string[], minimum = 1): "." | ":" | undefined {
  const filled = values.map((value) => value.trim()).filter((value) => value !== "");
  if (filled.length < minimum) return undefined;
  const separators = new Set(filled.map((value) => TIME_OF_DAY.exec(value)?.[2]));
  const [separator] = separators;
  return separators.size === 1 && (separator === "." || separator === ":") ? separator : undefined;
}

/**
 * Columns of times of day are text: read as decimals, `9.30` would become 9.3. A file with one
 * such column of several values has its others too, however few their values (an end time).
 */
export function asTimesOfDay(columns: readonly ColumnProfile[]): ColumnProfile[] {
  const timed = (column: ColumnProfile): boolean => column.guess.type === "decimal" || column.guess.type === "text";
  if (!columns.some((column) => timed(column) && timeOfDay(column.values, MIN_TIMES) !== undefined)) return [...columns];
  return columns.map((column) => {
    const separator = timed(column) ? timeOfDay(column.values) : undefined;
    if (separator === undefined) return column;
    const filled = column.guess.total - column.guess.blank;
    const evidence = `${filled} of ${column.guess.total} values are times of day (H${separator}mm)${column.guess.blank > 0 ? `; ${column.guess.blank} blank` : ""}`;
    return { ...column, guess: { ...column.guess, type: "text", evidence, parsed: filled, failed: 0, failures: [] } };
  });
}

export interface AgendaRows {
  readonly type: ColumnProfile;
  readonly eventValues: readonly string[];
  readonly activityValues: readonly string[];
  /**
   * When it starts and ends: a day and two times of day (`H.mm` or `H:mm`), two date-times
   * (`Początek`, `Koniec`), or a date-time and how long it lasts (`Start`, `Duration (min)`),
   * beside, perhaps, the day an activity is due.
   */
  readonly moments: DayAndTimes | DateTimes | StartAndDuration;
  readonly start: ColumnProfile;
  /** What says when it ends: an end time, or a duration. */
  readonly end: ColumnProfile;
}

export interface DayAndTimes {
  readonly kind: "times";
  readonly date: ColumnProfile;
  readonly timePattern: string;
}

export interface DateTimes {
  readonly kind: "datetimes";
  /** A day filled on some rows only: when an activity is due, else its start's day. */
  readonly due?: ColumnProfile;
}

export interface StartAndDuration {
  readonly kind: "duration";
  /** Minutes in the duration's unit: 1, or 60 for hours. */
  readonly minutes: number;
  /** Whether the duration is written with its unit (`1 h 30 min`), read by the `duration` built-in. */
  readonly inWords?: boolean;
  readonly due?: ColumnProfile;
}

/** A type's rows have an end time nearly always (appointments), or nearly never (calls, reminders). */
const EVENT_TYPE = 0.8;
const ACTIVITY_TYPE = 0.05;
const MAX_TYPES = 8;

/** An activity file's rows that are appointments, by a type column and whether they end, or by the types' words. */
export function agendaRows(entity: EntityProfile): AgendaRows | undefined {
  if (entity.kind !== "activity") return undefined;
  const moments = dayAndTimes(entity) ?? dateTimes(entity);
  if (moments === undefined) return startAndDuration(entity);
  const { start, end } = moments;
  const ending = (rows: readonly number[]): number => rows.filter((row) => (end.values[row] ?? "").trim() !== "").length / rows.length;
  const types = rowTypes(
    entity.columns,
    (column) => entity.key.includes(column.name),
    MAX_TYPES,
    // A call lasts too: its end says how long it took, and Odoo keeps it an activity.
    (rows, value) => (ending(rows) <= ACTIVITY_TYPE || isCall(value) ? "second" : ending(rows) >= EVENT_TYPE ? "first" : undefined),
  );
  if (types === undefined) return undefined;
  return { type: types.column, eventValues: types.first, activityValues: types.second, ...moments };
}

/** Whether a type's value reads as a telephone call in the lexicon's languages (`Call`, `Anruf`, `Τηλεφώνημα`). */
function isCall(value: string): boolean {
  const words = conceptWords(value);
  return words.includes("call") && !words.some((word) => APPOINTMENT_WORDS.has(word));
}

/** A day and two columns of times of day: the first when it starts, the second when it ends. */
function dayAndTimes(entity: EntityProfile): Pick<AgendaRows, "moments" | "start" | "end"> | undefined {
  const times = entity.columns.filter((column) => column.guess.type === "text" && timeOfDay(column.values) !== undefined);
  const [start, end] = times;
  const date = entity.columns.find((column) => column.guess.type === "date");
  if (start === undefined || end === undefined || date === undefined) return undefined;
  return { moments: { kind: "times", date, timePattern: `H${timeOfDay(start.values) ?? "."}mm` }, start, end };
}

/** The share of an appointment's ends on the day it starts (a completion stamp is days later). */
const SAME_DAY = 0.8;

/** The day of a date-time as written (`03.02.2025` of `03.02.2025 09:00`). */
function dayOf(value: string): string {
  return value.trim().split(/[\sT]/)[0] ?? "";
}

/**
 * Two date-times: the start, filled on every row, and the end, filled on some, nearly always on
 * the day it starts (not when a task was completed); a plain day filled on some rows is when an
 * activity is due.
 */
function dateTimes(entity: EntityProfile): Pick<AgendaRows, "moments" | "start" | "end"> | undefined {
  const datetimes = entity.columns.filter((column) => column.guess.type === "datetime" && column.name !== entity.modifiedColumn);
  const due = entity.columns.find((column) => column.guess.type === "date" && column.guess.blank > 0);
  // A task may have no start, only the day it is due: the start is then filled wherever the due day is not.
  const dueOnly = (column: ColumnProfile): boolean =>
    due !== undefined && column.values.every((value, row) => value.trim() !== "" || (due.values[row] ?? "").trim() !== "");
  const start = datetimes.find((column) => column.guess.blank === 0) ?? datetimes.find(dueOnly);
  const end = datetimes.find((column) => column !== start && column.guess.blank > 0 && column.guess.pattern === start?.guess.pattern);
  if (start === undefined || end === undefined) return undefined;
  const ends = end.values.flatMap((value, row) => (value.trim() === "" ? [] : [dayOf(value) === dayOf(start.values[row] ?? "")]));
  if (ends.filter(Boolean).length < ends.length * SAME_DAY) return undefined;
  return { moments: { kind: "datetimes", ...(due === undefined ? {} : { due }) }, start, end };
}

/** The words of a type's value that make it an appointment (`Meeting`, `Visit`, `Ziyaret`, `Spotkanie`). */
const APPOINTMENT_WORDS: ReadonlySet<string> = new Set(["meeting", "visit", "appointment"]);

/**
 * How long each row lasted, in minutes, whatever the header says: whole numbers from 1 to 720,
 * each on several rows, blank on some (an e-mail lasts nothing), a good share of them quarters of
 * an hour (`15`, `30`, `90`), as an agenda books meetings; a call's are any number (`22`).
 */
export function minutesShaped(column: ColumnProfile): boolean {
  if (column.guess.type !== "integer") return false;
  const filled = column.values.map((value) => value.trim()).filter((value) => value !== "");
  const numbers = filled.map(Number);
  return (
    filled.length >= 5 &&
    numbers.every((number) => Number.isInteger(number) && number >= 1 && number <= 720) &&
    new Set(numbers).size * 3 <= numbers.length &&
    numbers.filter((number) => number % 15 === 0).length >= numbers.length * 0.4
  );
}

/**
 * Lengths of time written with their unit (`20 min`, `1 h 30 min`, `2,5 h`, `90 min.`), in the
 * unit words of any language the runtime's duration parser knows: every filled value read by it,
 * on several rows, blank on some or none.
 */
export function durationsInWords(column: ColumnProfile): boolean {
  if (column.guess.type !== "text") return false;
  const filled = column.values.map((value) => value.trim()).filter((value) => value !== "");
  // A time of day (`9:30`) reads as a length of time too: a unit word says which it is.
  return filled.length >= 5 && filled.every((value) => /\p{L}/u.test(value) && readDuration(value).ok);
}

/**
 * A date-time on every row and how long each lasted (`Duration (min)`, or minutes by their values), no end: the rows whose
 * type reads as a meeting or a visit, in the lexicon's languages, are appointments, the others
 * (calls, e-mails, tasks, notes) activities, since a call has a duration too.
 */
function startAndDuration(entity: EntityProfile): AgendaRows | undefined {
  const start = entity.columns.find((column) => column.guess.type === "datetime" && column.guess.blank === 0 && column.name !== entity.modifiedColumn);
  const duration =
    entity.columns.find((column) => column.words.includes("duration") && (column.guess.type === "integer" || column.guess.type === "decimal")) ??
    entity.columns.find((column) => !entity.key.includes(column.name) && minutesShaped(column)) ??
    entity.columns.find(durationsInWords);
  if (start === undefined || duration === undefined) return undefined;
  const types = rowTypes(
    entity.columns,
    (column) => entity.key.includes(column.name),
    MAX_TYPES,
    (_rows, value) => (conceptWords(value).some((word) => APPOINTMENT_WORDS.has(word)) ? "first" : "second"),
  );
  if (types === undefined) return undefined;
  const due = entity.columns.find((column) => column.guess.type === "date" && column.guess.blank > 0);
  const inWords = duration.guess.type === "text";
  const minutes = duration.words.includes("hour") && !inWords ? 60 : 1;
  return {
    type: types.column,
    eventValues: types.first,
    activityValues: types.second,
    moments: { kind: "duration", minutes, ...(inWords ? { inWords } : {}), ...(due === undefined ? {} : { due }) },
    start,
    end: duration,
  };
}
