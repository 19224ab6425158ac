/**
 * A time zone's offset from UTC at an instant, asked of Intl once per day of the export's
 * timestamps (and per quarter hour on the few days the offset changes), and the arithmetic of
 * calendar fields as UTC instants that it and runtime/source/dates.ts share.
 */
import type { CalendarFields } from "./dates.js";

const QUARTER_HOUR = 15 * 60 * 1000;
export const DAY = 24 * 60 * 60 * 1000;

/** Days (from 1970-01-01) of 1900 to 2099: what caches by day keep by position from FIRST_CACHED_DAY. */
export const FIRST_CACHED_DAY = -25_567;
export const CACHED_DAYS = 73_049;

/**
 * The instant of calendar fields read as UTC, by arithmetic (H. Hinnant's days_from_civil, the
 * inverse of civilDate): every timestamp cell is converted, and Date.UTC cost more than the rest.
 * Proleptic Gregorian for every year, 0 to 99 included (which Date.UTC would read as 1900 to 1999).
 */
export function fieldsAsUtc(fields: CalendarFields): number {
  const year = fields.month <= 2 ? fields.year - 1 : fields.year;
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * ((fields.month + 9) % 12) + 2) / 5) + fields.day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  const days = era * 146_097 + dayOfEra - 719_468;
  return days * DAY + fields.hour * 3_600_000 + fields.minute * 60_000 + fields.second * 1000;
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = zoneFormatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
        era: "short",
      });
    } catch {
      formatter = null;
    }
    zoneFormatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isKnownTimeZone(timeZone: string): boolean {
  return formatterFor(timeZone) !== null;
}

/** The zone's offset at an instant, asked of Intl (slow: a formatter call). */
function intlOffsetAt(timeZone: string, instant: number): number {
  const formatter = formatterFor(timeZone);
  if (formatter === null) throw new Error(`unknown time zone '${timeZone}'`);
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatter.formatToParts(new Date(instant))) parts[part.type] = part.value;
  let year = Number(parts.year);
  if (parts.era === "BC" || parts.era === "B") year = 1 - year;
  const local = fieldsAsUtc({
    year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  });
  return local - instant;
}

/**
 * Per zone, per UTC day: the zone's offset all that day, or NaN when the offset changes during
 * it. An export's timestamps span years but only a few thousand days, so this stays small and
 * is never cleared; a day is asked of Intl at its start, noon and the next day's start (no zone
 * changes its offset twice within half a day), its start shared with the day before.
 */
const dayOffsets = new Map<string, Map<number, number>>();
/** Per zone, per UTC day: the zone's offset at the day's first instant. */
const dayStartOffsets = new Map<string, Map<number, number>>();
// On the few days a zone changes its offset, the offset is read per quarter hour: offsets change
// on quarter-hour boundaries in every zone in use, so that is exact.
const quarterHourOffsets = new Map<string, Map<number, number>>();
/** A day not asked yet, in the typed arrays of ZoneDays. */
const UNKNOWN = Number.POSITIVE_INFINITY;

function cacheOf(caches: Map<string, Map<number, number>>, timeZone: string): Map<number, number> {
  let cache = caches.get(timeZone);
  if (cache === undefined) {
    cache = new Map();
    caches.set(timeZone, cache);
  }
  return cache;
}

function offsetAtDayStart(timeZone: string, day: number): number {
  const starts = cacheOf(dayStartOffsets, timeZone);
  let offset = starts.get(day);
  if (offset === undefined) {
    offset = intlOffsetAt(timeZone, day * DAY);
    starts.set(day, offset);
  }
  return offset;
}

/** The zone's offset all of a UTC day, or NaN when it changes during the day. */
function offsetOfDay(timeZone: string, day: number): number {
  const days = cacheOf(dayOffsets, timeZone);
  let offset = days.get(day);
  if (offset === undefined) {
    const start = offsetAtDayStart(timeZone, day);
    const steady = start === intlOffsetAt(timeZone, day * DAY + DAY / 2) && start === offsetAtDayStart(timeZone, day + 1);
    offset = steady ? start : Number.NaN;
    days.set(day, offset);
  }
  return offset;
}

/**
 * A typed array per zone of one number per day of 1900 to 2099 (UNKNOWN until asked), the last
 * zone's kept at hand: an export has one zone, and every timestamp cell asks.
 */
class ZoneDays {
  private readonly arrays = new Map<string, Float64Array>();
  private lastZone = "";
  private last: Float64Array = new Float64Array(0);

  of(timeZone: string): Float64Array {
    if (timeZone !== this.lastZone) {
      let array = this.arrays.get(timeZone);
      if (array === undefined) {
        array = new Float64Array(CACHED_DAYS).fill(UNKNOWN);
        this.arrays.set(timeZone, array);
      }
      this.lastZone = timeZone;
      this.last = array;
    }
    return this.last;
  }
}

/**
 * The per-day offsets above, for the days of 1900 to 2099, found by position: a hash lookup for
 * every timestamp cell cost more than the rest of its conversion.
 */
const dayOffsetArrays = new ZoneDays();

/** The zone's offset from UTC, in milliseconds, at an instant. */
export function zoneOffsetAt(timeZone: string, epochMilliseconds: number): number {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return 0;
  const day = Math.floor(epochMilliseconds / DAY);
  const position = day - FIRST_CACHED_DAY;
  let offset: number;
  if (position >= 0 && position < CACHED_DAYS) {
    const days = dayOffsetArrays.of(timeZone);
    offset = days[position] ?? UNKNOWN;
    if (offset === UNKNOWN) {
      offset = offsetOfDay(timeZone, day);
      days[position] = offset;
    }
  } else offset = offsetOfDay(timeZone, day);
  if (!Number.isNaN(offset)) return offset;
  const quarters = cacheOf(quarterHourOffsets, timeZone);
  const bucket = Math.floor(epochMilliseconds / QUARTER_HOUR);
  let exact = quarters.get(bucket);
  if (exact === undefined) {
    exact = intlOffsetAt(timeZone, bucket * QUARTER_HOUR);
    quarters.set(bucket, exact);
  }
  return exact;
}

/**
 * Per zone, per local day (wall-clock fields read as UTC, days from 1970-01-01, 1900 to 2099): the
 * offset a wall-clock time of that day has when the zone keeps one offset from the day before it
 * to the day after it, else NaN. localTimeToUtc asks the offsets a day either side of a time; when
 * both are one day's steady offset, every time of the day gets that answer, with one lookup.
 */
const localDayOffsets = new ZoneDays();

/**
 * The offset of every wall-clock time of the local day holding `local` (fields read as UTC, in
 * milliseconds), or NaN when the zone's offset may change near that day (or the day is outside
 * 1900 to 2099): the caller then works the time out on its own.
 */
export function steadyLocalOffset(timeZone: string, local: number): number {
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return 0;
  const day = Math.floor(local / DAY);
  const position = day - FIRST_CACHED_DAY;
  if (position < 0 || position >= CACHED_DAYS) return Number.NaN;
  const days = localDayOffsets.of(timeZone);
  let offset = days[position] ?? UNKNOWN;
  if (offset === UNKNOWN) {
    const before = zoneOffsetAt(timeZone, (day - 1) * DAY);
    const after = zoneOffsetAt(timeZone, (day + 1) * DAY);
    // The days either side are steady (zoneOffsetAt gives their one offset) and agree.
    const steady = before === after && !Number.isNaN(offsetOfDay(timeZone, day - 1)) && !Number.isNaN(offsetOfDay(timeZone, day + 1));
    offset = steady ? before : Number.NaN;
    days[position] = offset;
  }
  return offset;
}
