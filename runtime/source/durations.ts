/**
 * Lengths of time written in words, as CRMs keep a meeting's or a call's length: `45 min`, `1 h`,
 * `1 h 30 min`, `2,5 h`, `90 min.`, `1:30`, `1h30`, in the unit words of the languages the
 * readers already know. Read to minutes, or refused with the reason. Pure.
 */
import { foldCase } from "../../compiler/value-formats.js";

/** Result of reading a length of time: its minutes, or why it has none. */
export type DurationReading = { readonly ok: true; readonly minutes: number } | { readonly ok: false; readonly reason: string };

/**
 * The words for an hour, by language, in lower case and without the full stop an abbreviation may
 * have: en h/hr/hour, fi t/tunti, sv tim/timme, da and no t/time, de Std./Stunde, nl u/uur, fr
 * heure, es and pt hora, it ora/ore, ro oră/ore, pl godz./godzina, cs and sk hod./hodina, hu óra/ó,
 * tr saat/sa, el ώρα/ώρες.
 */
export const HOUR_WORDS: readonly string[] = (
  "h hr hrs hour hours t tunti tuntia tunnin tim timme timmar time timer std stunde " +
  "stunden u uur uren heure heures hora horas ora ore oră godz godzina godziny godzin " +
  "hod hodina hodiny hodin óra ó saat sa ώρα ώρες"
).split(" ");

/**
 * The words for a minute: en min/minute, fi min/minuutti, sv, da, no, pl and cs min/minut/minuter/
 * minutter/minuty, de Min./Minute, nl minuut/minuten, fr, es, pt, it minute/minuto/minuti, hu perc/p.,
 * tr dakika/dk, el λεπτά. A bare `m` is not one: it is as often a month or a metre.
 */
export const MINUTE_WORDS: readonly string[] = (
  "min mins minute minutes minuutti minuuttia minuutin minut minuter minutter " +
  "minuty minuta minuten minuut minuto minutos minuti perc p dakika dk λεπτά λεπτό " +
  "λεπ"
).split(" ");

const HOURS: ReadonlySet<string> = new Set(HOUR_WORDS.map(foldCase));
const MINUTES: ReadonlySet<string> = new Set(MINUTE_WORDS.map(foldCase));

const CLOCK = /^(\d{1,3}):([0-5]\d)(?::([0-5]\d))?$/u;
/** A number (a decimal comma or point), then a word, which may end in a full stop. */
const PART = /^(\d+(?:[.,]\d+)?)\s*(\p{L}+)?\.?\s*/u;

const EXAMPLES = "45 min, 1 h 30 min, 2,5 h, 1:30";

function refused(text: string, why: string): DurationReading {
  return { ok: false, reason: `'${text}' is not a length of time (${EXAMPLES}): ${why}` };
}

/**
 * A length of time in minutes. An amount of hours, of minutes or both (hours first), each with its
 * unit word; a whole number after hours is minutes (`1h30`, `1 h 30`, as French writes it); or
 * hours and minutes (and seconds) with colons. A number without a unit, a unit the reader does
 * not know, or a unit given twice is refused: which unit was meant cannot be guessed.
 */
export function readDuration(text: string): DurationReading {
  const value = text.trim();
  const clock = CLOCK.exec(value);
  if (clock !== null) return { ok: true, minutes: Number(clock[1]) * 60 + Number(clock[2]) + Number(clock[3] ?? 0) / 60 };
  let rest = value;
  let hours: number | undefined;
  let minutes: number | undefined;
  while (rest !== "") {
    const part = PART.exec(rest);
    if (part === null) return refused(text, `'${rest}' is not a number followed by a unit`);
    const [whole, digits = "", word] = part;
    const amount = Number(digits.replace(",", "."));
    rest = rest.slice(whole.length);
    const unit =
      word === undefined ? (hours !== undefined && minutes === undefined && rest === "" && /^\d+$/.test(digits) ? "minute" : undefined) : unitOf(word);
    if (unit === undefined) return refused(text, word === undefined ? `${digits} has no unit (h or min)` : `'${word}' is not a unit of time the reader knows`);
    if (unit === "hour" && hours === undefined && minutes === undefined) hours = amount;
    else if (unit === "minute" && minutes === undefined) minutes = amount;
    else return refused(text, (unit === "hour" ? hours : minutes) === undefined ? "hours come before minutes" : `it gives ${unit}s twice`);
  }
  if (hours === undefined && minutes === undefined) return refused(text, "it has no number");
  return { ok: true, minutes: (hours ?? 0) * 60 + (minutes ?? 0) };
}

function unitOf(word: string): "hour" | "minute" | undefined {
  const folded = foldCase(word);
  if (HOURS.has(folded)) return "hour";
  return MINUTES.has(folded) ? "minute" : undefined;
}
