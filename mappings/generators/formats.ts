/**
 * Value formats of the two source systems. Dates are whole days since 1970-01-01 and times are
 * minutes after midnight, both as civil (wall-clock) values: the exports carry local time with no
 * offset, so no time zone arithmetic happens here. Generated times stay within office hours,
 * which never fall into a daylight-saving gap in Europe/London or Europe/Amsterdam.
 */

import { civilDate } from "../../runtime/source/dates.js";

export interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day counted from 1970-01-01 (the runtime's own arithmetic). */
export function civilFromDays(days: number): CivilDate {
  return civilDate(days);
}

export function isValidCivilDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const date = civilFromDays(daysFromCivil(year, month, day));
  return date.year === year && date.month === month && date.day === day;
}

function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

/** `dd/MM/yyyy` (Perfect Books) or `dd-MM-yyyy` (PerfectView), by separator. */
export function formatDate(days: number, separator: "/" | "-"): string {
  const { year, month, day } = civilFromDays(days);
  return `${pad2(day)}${separator}${pad2(month)}${separator}${year}`;
}

/** `dd/MM/yyyy HH:mm` or `dd-MM-yyyy HH:mm`. */
export function formatDateTime(days: number, minuteOfDay: number, separator: "/" | "-"): string {
  return `${formatDate(days, separator)} ${pad2(Math.floor(minuteOfDay / 60))}:${pad2(minuteOfDay % 60)}`;
}

/** A moment as one sortable number: minutes since 1970-01-01 00:00 local time. */
export interface Moment {
  readonly days: number;
  readonly minute: number;
}

export function momentValue(moment: Moment): number {
  return moment.days * 1440 + moment.minute;
}

function groupThousands(integerPart: number, separator: string): string {
  const digits = String(integerPart);
  let out = "";
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += separator;
    out += digits[i];
  }
  return out;
}

/** `£1,234.50` from pence. */
export function formatPounds(pence: number): string {
  const sign = pence < 0 ? "-" : "";
  const abs = Math.abs(pence);
  return `${sign}£${groupThousands(Math.floor(abs / 100), ",")}.${pad2(abs % 100)}`;
}

/** `1.234,50` from cents: thousands dots, decimal comma, always two decimals. */
export function formatEuros(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${groupThousands(Math.floor(abs / 100), ".")},${pad2(abs % 100)}`;
}

/** A Dutch decimal with the fewest decimals needed (`2`, `2,5`, `12,25`), from hundredths. */
export function formatDutchDecimal(hundredths: number): string {
  const whole = Math.floor(hundredths / 100);
  const fraction = hundredths % 100;
  if (fraction === 0) return String(whole);
  if (fraction % 10 === 0) return `${whole},${fraction / 10}`;
  return `${whole},${pad2(fraction)}`;
}

export const UK_BAD_DATES = ["31/02/2024", "30/13/2023", "TBC", "00/00/0000", "2024-05-17", "29/02/2023"] as const;
export const NL_BAD_DATES = ["31-02-2024", "n.v.t.", "00-00-0000", "30-13-2023", "2024/05/17", "29-02-2023"] as const;
export const UK_BAD_NUMBERS = ["abc", "1,2,3", "n/a", "TBC", "12.5.0"] as const;
export const NL_BAD_NUMBERS = ["abc", "1,2,3", "n.v.t.", "12,50,00", "?"] as const;

/** Reads back a `dd-MM-yyyy HH:mm` or `dd/MM/yyyy HH:mm` value written by formatDateTime. */
export function parseDateTime(text: string, separator: "/" | "-"): Moment | null {
  const match = new RegExp(`^(\\d{2})\\${separator}(\\d{2})\\${separator}(\\d{4}) (\\d{2}):(\\d{2})$`).exec(text);
  if (match === null) return null;
  const [, dd, mm, yyyy, hh, mi] = match.map(Number) as [number, number, number, number, number, number];
  if (!isValidCivilDate(yyyy, mm, dd)) return null;
  return { days: daysFromCivil(yyyy, mm, dd), minute: hh * 60 + mi };
}
