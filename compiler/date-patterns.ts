/**
 * The syntax of date and datetime patterns (`dd-MM-yyyy`, `dd/MM/yyyy HH:mm`, `A|B`): which
 * letters are fields, what a pattern must hold. Shared by `flitmap check`, which reports a bad
 * pattern where it is written, and the runtime, which matches values against it.
 *
 * Tokens: d dd (day), M MM (month), yy yyyy (year), H HH (hour 0-23), h hh (hour 1-12) with a
 * (AM/PM, or a language's own words for them), m mm (minute), s ss (second). Anything else is
 * literal; text in single quotes is literal too (`yyyy-MM-dd'T'HH:mm`). `A|B` is a column written
 * two ways, each pattern tried in turn.
 */

export type FieldToken = "day" | "month" | "year2" | "year4" | "hour24" | "hour12" | "minute" | "second" | "meridiem";

export interface PatternPart {
  readonly token: FieldToken | null;
  readonly literal: string;
}

/** One pattern read: its parts in order, its fields in order, and whether it holds a time. */
export interface ReadPattern {
  readonly parts: readonly PatternPart[];
  readonly groups: readonly FieldToken[];
  readonly hasTime: boolean;
}

export type ReadPatternResult = { ok: true; pattern: ReadPattern } | { ok: false; reason: string };

const TOKEN_OF_RUN: Readonly<Record<string, Readonly<Record<number, FieldToken>>>> = {
  d: { 1: "day", 2: "day" },
  M: { 1: "month", 2: "month" },
  y: { 2: "year2", 4: "year4" },
  H: { 1: "hour24", 2: "hour24" },
  h: { 1: "hour12", 2: "hour12" },
  m: { 1: "minute", 2: "minute" },
  s: { 1: "second", 2: "second" },
  a: { 1: "meridiem" },
};

/** Why a pattern (alternatives included) cannot be read, or null: what `flitmap check` reports. */
export function datePatternProblem(pattern: string, kind: "date" | "datetime"): string | null {
  for (const alternative of splitAlternatives(pattern)) {
    if (alternative === "") return `date pattern '${pattern}' has an empty alternative between its '|'`;
    const read = readDatePattern(alternative);
    if (!read.ok) return read.reason;
    if (kind === "date" && read.pattern.hasTime) return `date pattern '${pattern}' has a time in it; use it as the datetime pattern`;
  }
  return null;
}

/** The patterns of `A|B|C` (a `|` inside single quotes is text), trimmed. */
export function splitAlternatives(pattern: string): string[] {
  const alternatives: string[] = [];
  let start = 0;
  let quoted = false;
  for (let index = 0; index < pattern.length; index++) {
    const character = pattern.charAt(index);
    if (character === "'") quoted = !quoted;
    else if (character === "|" && !quoted) {
      alternatives.push(pattern.slice(start, index).trim());
      start = index + 1;
    }
  }
  alternatives.push(pattern.slice(start).trim());
  return alternatives;
}

/** One pattern (no `|`) read into its parts, with what it must hold checked. */
export function readDatePattern(pattern: string): ReadPatternResult {
  const parts = splitPattern(pattern);
  if (typeof parts === "string") return { ok: false, reason: `date pattern '${pattern}': ${parts}` };
  const groups: FieldToken[] = [];
  for (const part of parts) {
    if (part.token === null) continue;
    if (groups.includes(part.token)) return { ok: false, reason: `date pattern '${pattern}' has two ${part.token} fields` };
    groups.push(part.token);
  }
  const hasDate = groups.includes("day") || groups.includes("month") || groups.includes("year2") || groups.includes("year4");
  if (hasDate && !(groups.includes("day") && groups.includes("month") && (groups.includes("year2") || groups.includes("year4"))))
    return { ok: false, reason: `date pattern '${pattern}' needs a day, a month and a year (for example dd-MM-yyyy)` };
  if (groups.includes("hour12") !== groups.includes("meridiem"))
    return {
      ok: false,
      reason: `date pattern '${pattern}': h/hh (12-hour clock) and a (AM/PM, π.μ./μ.μ., fm/em, ...) go together; use HH for a 24-hour clock`,
    };
  if (!hasDate) return { ok: false, reason: `date pattern '${pattern}' has no date (for example dd-MM-yyyy)` };
  return { ok: true, pattern: { parts, groups, hasTime: groups.includes("hour24") || groups.includes("hour12") } };
}

function splitPattern(pattern: string): PatternPart[] | string {
  const parts: PatternPart[] = [];
  let index = 0;
  while (index < pattern.length) {
    const character = pattern.charAt(index);
    if (character === "'") {
      const close = pattern.indexOf("'", index + 1);
      if (close < 0) return `the quote at position ${index + 1} is never closed`;
      parts.push({ token: null, literal: close === index + 1 ? "'" : pattern.slice(index + 1, close) });
      index = close + 1;
      continue;
    }
    const runs = TOKEN_OF_RUN[character];
    if (runs !== undefined) {
      let end = index;
      while (pattern.charAt(end) === character) end++;
      const token = runs[end - index];
      if (token === undefined) return `'${pattern.slice(index, end)}' is not a pattern token (use ${describeRuns(character)})`;
      parts.push({ token, literal: "" });
      index = end;
      continue;
    }
    if (/[A-Za-z]/.test(character)) return `'${character}' is not a pattern token; put literal text in single quotes`;
    parts.push({ token: null, literal: character });
    index++;
  }
  return parts;
}

function describeRuns(character: string): string {
  const widths = Object.keys(TOKEN_OF_RUN[character] ?? {});
  return widths.map((width) => character.repeat(Number(width))).join(" or ");
}
