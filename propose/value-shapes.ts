/**
 * Shapes of values that say what a cell means rather than what it holds: placeholders an export
 * writes for "no value" ("TBC", "n.v.t.", "k.A.", "-", "0000-00-00"), yes/no words in the
 * languages exports are written in, currency codes, and cells holding several values ("Acme
 * Ltd|Bolt plc", "Top-Kunde, Newsletter"). Pure.
 */
import { DEFAULT_FALSE_WORDS, DEFAULT_TRUE_WORDS } from "../compiler/value-formats.js";
import { foldText } from "./words.js";

/** Written for "no value": not available, to be confirmed, unknown, none (folded, letters only). */
const PLACEHOLDER_WORDS: ReadonlySet<string> = new Set([
  "na",
  "nvt",
  "nb",
  "tbc",
  "tbd",
  "tba",
  "ka",
  "nc",
  "ns",
  "nr",
  "unknown",
  "onbekend",
  "unbekannt",
  "inconnu",
  "none",
  "null",
  "nil",
  "keine",
  "keineangabe",
  "nonrenseigne",
  "noncommunique",
  "xx",
  "xxx",
  // not available, no data, none, unknown, unassigned in the lexicon's other languages
  "nd",
  "sd",
  "ninguno",
  "ninguna",
  "nessuno",
  "nenhum",
  "ingen",
  "brak",
  "desconocido",
  "sconosciuto",
  "desconhecido",
  "okand",
  "ukendt",
  "ukjent",
  "nieznany",
  "unassigned",
  "sinasignar",
  "nonassegnato",
  "naoatribuido",
  "nietoegewezen",
  // Czech and Slovak: not given, not entered, unknown
  "neuvedeno",
  "neuvedene",
  "nezadano",
  "neznamy",
  // Romanian: unspecified, unknown, not given
  "nespecificat",
  "nespecificata",
  "necunoscut",
  "necunoscuta",
  "neprecizat",
]);

/** Punctuation alone (`-`, `--`, `?`, `/`), or a date or time of zeros (`00.00.0000`, `0000-00-00 00:00`). */
const PLACEHOLDER_SHAPE = /^(?:[-–—_?.*/\\]+|0+([-./])0+(?:\1)0+(?:[ T]0+:0+(?::0+)?)?)$/;

/** Whether an export most likely wrote this for "no value". */
export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length > 20) return false;
  if (PLACEHOLDER_SHAPE.test(trimmed)) return true;
  const letters = foldText(trimmed).replace(/[^a-z]/g, "");
  // `n/a`, `k.A.`, `n.v.t.`: short words with dots or slashes, or the words themselves.
  return letters.length > 0 && letters.length <= 14 && PLACEHOLDER_WORDS.has(letters) && !/\d/.test(trimmed);
}

/** A column's values trimmed, without the blank ones and those an export writes for "no value". */
export function filledValues(values: readonly string[]): string[] {
  return values.map((value) => value.trim()).filter((value) => value !== "" && !isPlaceholder(value));
}

/** ISO 639-1 codes of the languages customers are served in. */
const LANGUAGE_CODES: ReadonlySet<string> = new Set(
  "ar bg ca cs da de el en es et eu fi fr ga he hr hu is it ja ko lt lv mt nb nl nn no pl pt ro ru sk sl sq sr sv tr uk zh".split(" "),
);

/**
 * `fi`, `sv`, `en`, `de-CH`, `fi_FI`: a customer's language as an export writes it, a code in
 * small letters (a country's are written in capitals), with its region now and then.
 */
export function isLanguageCode(value: string): boolean {
  const match = /^([a-z]{2})(?:[-_][A-Z]{2})?$/.exec(value.trim());
  return match !== null && LANGUAGE_CODES.has(match[1] ?? "");
}

/**
 * A number and a percent sign (`60 %`, `12,5%`), or the sign first as Turkish and Persian write
 * it (`%60`): a share, read as its number (the reader takes the sign on either side).
 */
const PERCENTAGE = /^(?:-?\d+(?:[.,]\d+)?\s?%|%\s?-?\d+(?:[.,]\d+)?)$/;

export function isPercentage(value: string): boolean {
  return PERCENTAGE.test(value.trim());
}

export interface PlaceholderValue {
  readonly value: string;
  /** Rows holding it. */
  readonly count: number;
}

/** The distinct placeholder values of a column (trimmed), most frequent first. */
export function findPlaceholders(samples: readonly string[]): PlaceholderValue[] {
  const counts = new Map<string, number>();
  for (const sample of samples) counts.set(sample, (counts.get(sample) ?? 0) + 1);
  return [...counts.entries()]
    .filter(([value]) => isPlaceholder(value))
    .map(([value, count]) => ({ value, count }))
    .sort((left, right) => right.count - left.count || (left.value < right.value ? -1 : 1));
}

/** Yes/no words of the languages exports come in, beyond the reader's defaults (folded). */
const YES_WORDS: ReadonlySet<string> = new Set([
  ...DEFAULT_TRUE_WORDS,
  "oui",
  "o",
  "si",
  "sim",
  "s",
  "tak",
  "t",
  "wahr",
  "vrai",
  "vero",
  "verdadero",
  "ok",
  "ano",
  "igen",
  // Hungarian one-letter flags (Igen/Nem), as invoicing programs write them: I/N.
  "i",
  "evet",
  // Turkish one-letter answers (Evet/Hayır), as ERPs write flags: E/H.
  "e",
  "kylla",
  "da",
  "ναι",
]);
const NO_WORDS: ReadonlySet<string> = new Set([
  ...DEFAULT_FALSE_WORDS,
  "nein",
  "non",
  "nao",
  "nej",
  "nei",
  "nie",
  "ne",
  "nem",
  "hayir",
  "h",
  "οχι",
  "ei",
  "nu",
  "f",
  "falsch",
  "faux",
  "falso",
]);

/**
 * One-letter answers whose meaning hangs on the other letter beside them: Finnish `K`/`E`
 * (kyllä/ei), where a Turkish `E` (evet) beside `H` says yes; Czech and Slovak `A`/`N` (ano/ne,
 * áno/nie), where `A` alone is no answer.
 */
const LETTER_PAIRS: readonly (readonly [string, string])[] = [
  ["k", "e"],
  ["a", "n"],
];

export interface BooleanWords {
  readonly true: readonly string[];
  readonly false: readonly string[];
}

/**
 * The yes/no words of a column whose values are all such words, both answers present
 * (`ja`/`nein`, `Oui`/`Non`, `Y`/`N`, `Sí`/`No`, `S`/`N`), lower case as written: the reader
 * compares them without folding accents, so `sí` stays `sí`. Undefined for any other column.
 */
export function booleanWords(samples: readonly string[]): BooleanWords | undefined {
  const raw = new Set(samples);
  if (raw.size > 8) return undefined;
  const distinct = new Set([...raw].map((sample) => sample.trim().toLowerCase()));
  const pair = LETTER_PAIRS.find(([yes, no]) => distinct.size === 2 && distinct.has(yes) && distinct.has(no));
  if (pair !== undefined) return { true: [pair[0]], false: [pair[1]] };
  const yes = [...distinct].filter((word) => YES_WORDS.has(foldText(word)));
  const no = [...distinct].filter((word) => NO_WORDS.has(foldText(word)));
  if (yes.length === 0 || no.length === 0 || yes.length + no.length !== distinct.size) return undefined;
  return { true: yes.sort(), false: no.sort() };
}

/**
 * The reader's own yes/no words a column uses (`x` and blanks for done, `1`/`0`): a source that
 * declares words of its own for other columns replaces the reader's list, so it must name these
 * too, or every `x` is refused as no yes/no value.
 */
export function defaultWordsUsed(samples: readonly string[]): BooleanWords {
  const distinct = [...new Set(samples.map((sample) => sample.trim().toLowerCase()))];
  return { true: distinct.filter((word) => DEFAULT_TRUE_WORDS.includes(word)).sort(), false: distinct.filter((word) => DEFAULT_FALSE_WORDS.includes(word)).sort() };
}

/** Whether the reader's default words read these (or the source must say its own). */
export function defaultBooleanWords(words: BooleanWords): boolean {
  return words.true.every((word) => DEFAULT_TRUE_WORDS.includes(word)) && words.false.every((word) => DEFAULT_FALSE_WORDS.includes(word));
}

/** Currency codes amounts are written with (a three-letter word alone is not one: `HRB 26762`). */
export const CURRENCY_CODES: ReadonlySet<string> = new Set([
  "EUR",
  "USD",
  "GBP",
  "CHF",
  "JPY",
  "CAD",
  "AUD",
  "NZD",
  "SEK",
  "NOK",
  "DKK",
  "PLN",
  "CZK",
  "HUF",
  "INR",
  "CNY",
  "ZAR",
  // Eastern and southern Europe's, and others exports write after an amount (`12.500,00 RON`)
  "RON",
  "BGN",
  "RSD",
  "TRY",
  "ISK",
  "BRL",
  "MXN",
]);

/** Separators cells list several values with, most specific first (a slash only between spaces: `A / B`, not `Wholesale/Retail`). */
const LIST_SEPARATORS = ["|", " / ", ";", ","] as const;
export type ListSeparator = (typeof LIST_SEPARATORS)[number];

export interface ValueList {
  readonly separator: ListSeparator;
  /** Every part of every cell, trimmed. */
  readonly parts: readonly string[];
  /** Cells holding more than one part. */
  readonly multiple: number;
}

/**
 * Whether some part of a cell listing several is found in another of the column's distinct values
 * (alone or with others): a list's items recombine, a pick-list's labels (`Feira / Evento`,
 * `Hospital / Clínica`) keep their words together.
 */
function recombined(samples: readonly string[], separator: ListSeparator): boolean {
  const valuesHolding = new Map<string, number>();
  const distinct = [...new Set(samples.map((sample) => sample.trim()))].map((value) => [...new Set(value.split(separator).map((part) => part.trim()))]);
  for (const parts of distinct) for (const part of parts) valuesHolding.set(part, (valuesHolding.get(part) ?? 0) + 1);
  return distinct.some((parts) => parts.length > 1 && parts.some((part) => (valuesHolding.get(part) ?? 0) > 1));
}

/** Distinct values each position of a cell listing several must hold before its positions tell a list from a title. */
const POSITIONAL_MIN = 3;

/**
 * Whether the cells listing several values hold one sort of value first and another after it,
 * never the same part in both places: a title made of fields (`Latausasemat, Tampere`: the work,
 * then the town), not a list, whose items stand anywhere (`Huolto, LVI` beside `LVI, Huolto`).
 * Only with several values in each place, as a list of two tags kept in one order would not.
 */
function positional(samples: readonly string[], separator: ListSeparator): boolean {
  const first = new Set<string>();
  const later = new Set<string>();
  for (const sample of samples) {
    const parts = sample.split(separator).map((part) => part.trim()).filter((part) => part !== "");
    if (parts.length < 2) continue;
    first.add(parts[0] ?? "");
    for (const part of parts.slice(1)) later.add(part);
  }
  return first.size >= POSITIONAL_MIN && later.size >= POSITIONAL_MIN && ![...first].some((part) => later.has(part));
}

/**
 * How a column lists several values in one cell, if it does: a separator found in at least a
 * tenth of the cells (three at least), cells holding different numbers of parts (not every
 * cell "Vogel, Klaus"), parts short (a few words, not pieces of sentences), single-line, not
 * numbers, and repeating across cells, in other combinations.
 */
export function valueList(samples: readonly string[], delimiter: string): ValueList | undefined {
  for (const separator of LIST_SEPARATORS) {
    if (separator === delimiter) continue;
    const multiple = samples.filter((sample) => sample.includes(separator)).length;
    if (multiple < 3 || multiple < samples.length / 10) continue;
    const counts = new Set(samples.map((sample) => sample.split(separator).filter((part) => part.trim() !== "").length));
    if (counts.size < 2) continue;
    const parts = samples.flatMap((sample) => sample.split(separator).map((part) => part.trim())).filter((part) => part !== "");
    // List items are names or labels, not pieces of sentences: a pipe is rarely anything but a separator.
    const longest = separator === "|" ? 60 : 30;
    const words = separator === "|" ? 8 : 3;
    if (parts.some((part) => part.length > longest || part.split(/\s+/).length > words || /[\r\n]/.test(part) || /^\d+$/.test(part))) continue;
    const distinct = new Set(parts).size;
    // Parts that repeat across cells are values of a list (tags, names), not pieces of one text.
    if (distinct * 1.5 > parts.length && separator !== "|") continue;
    if (!recombined(samples, separator) || positional(samples, separator)) continue;
    return { separator, parts, multiple };
  }
  return undefined;
}
