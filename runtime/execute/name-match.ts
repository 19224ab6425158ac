/**
 * Matching a source value against records by a declared rule, for lookups that say `match` or
 * `ambiguous`: `exact` (trimmed, without case), `loose` (also without accents and with spaces
 * collapsed: "JOSÉ  van Dijk" is "Jose van Dijk"), `initials` (loose, and initials before a
 * surname stand for given names: "A. Hartley" is Alice Hartley, "A.J. van Dijk" Anna Jane van
 * Dijk), and a name's words in another order stand for it (the surname first, as ERPs and
 * French exports write users: "ROTA DAVIDE" and "Martin Julien" are Davide Rota and Julien
 * Martin); `surname_initial` (loose, and given names written in full before the initial of a
 * surname stand for the whole name: "Ana Paula F." is Ana Paula Ferreira, "Jan K." Jan Kowalski).
 * A value several records match is what the lookup's `ambiguous` policy says: the row is rejected
 * (the default), the first record is taken, or a fallback value is looked up.
 */
import type { LookupPlan } from "../../compiler/plan/schema.js";
import type { LookupResolution } from "../transform/evaluate.js";
import type { RecordRef } from "../transform/values.js";
import { foldCase } from "../../compiler/value-formats.js";
import { looseName } from "../source/match-keys.js";

export type MatchRule = "exact" | "loose" | "initials" | "surname_initial";

/** A value as a rule compares it: trimmed and without case, or loosely. */
export function matchKey(value: string, rule: MatchRule): string {
  return rule === "exact" ? foldCase(value.trim()) : looseName(value);
}

/** "a j van dijk" → initials [a, j] and surname "van dijk"; undefined when the value does not start with an initial. */
function initialsAndSurname(loose: string): { readonly initials: readonly string[]; readonly surname: string } | undefined {
  const words = loose.split(" ").filter((word) => word !== "");
  let count = 0;
  while (count < words.length - 1 && (words[count] ?? "").length === 1) count++;
  if (count === 0) return undefined;
  return { initials: words.slice(0, count), surname: words.slice(count).join(" ") };
}

/** A loose name's words in a fixed order, so that "rota davide" and "davide rota" are one key. */
function wordsKey(loose: string): string {
  return loose
    .split(" ")
    .filter((word) => word !== "")
    .sort()
    .join(" ");
}

/** Whether a record's loose name is given names whose first letters are `initials`, then `surname`. */
function matchesInitials(name: string, initials: readonly string[], surname: string): boolean {
  if (!name.endsWith(` ${surname}`)) return false;
  const given = name.slice(0, -surname.length - 1).split(" ");
  return given.length >= initials.length && initials.every((initial, index) => (given[index] ?? "").startsWith(initial));
}

/** "ana paula f" → given names [ana, paula] and initials [f]; undefined unless the value ends in an initial after a given name. */
function givenAndInitials(loose: string): { readonly given: readonly string[]; readonly initials: readonly string[] } | undefined {
  const words = loose.split(" ").filter((word) => word !== "");
  let start = words.length;
  while (start > 1 && (words[start - 1] ?? "").length === 1) start--;
  if (start === words.length || (words[start - 1] ?? "").length === 1) return undefined;
  return { given: words.slice(0, start), initials: words.slice(start) };
}

/**
 * Whether a record's loose name starts with the `given` names and has surnames after them whose
 * first letters are `initials`: the first surnames ("Ana F." for Ana Ferreira Souza) or the last
 * ("Maria S." for Maria da Silva, the particle not abbreviated).
 */
function matchesSurnameInitials(name: string, given: readonly string[], initials: readonly string[]): boolean {
  const words = name.split(" ");
  if (words.length < given.length + initials.length || given.some((word, index) => words[index] !== word)) return false;
  const surnames = words.slice(given.length);
  const initialsOf = (part: readonly string[]): boolean => part.every((word, index) => word.startsWith(initials[index] ?? ""));
  return initialsOf(surnames.slice(0, initials.length)) || initialsOf(surnames.slice(-initials.length));
}

function refsWhere(names: readonly { readonly ref: RecordRef; readonly name: string }[], fits: (name: string) => boolean): readonly RecordRef[] {
  return [...new Set(names.filter((entry) => fits(entry.name)).map((entry) => entry.ref))];
}

export interface NameCandidate {
  readonly ref: RecordRef;
  /** The values of the lookup's match fields, as text. */
  readonly names: readonly string[];
}

export interface NameMatcher {
  resolve(value: string): LookupResolution;
}

/**
 * Resolves values against `candidates` by `rule`, applying the lookup's ambiguity policy;
 * `fallback` resolves the value an `ambiguous fallback` names.
 */
export function nameMatcher(
  lookup: LookupPlan,
  rule: MatchRule,
  candidates: readonly NameCandidate[],
  fallback: (value: string) => LookupResolution,
): NameMatcher {
  const byKey = new Map<string, RecordRef[]>();
  const looseNames: { readonly ref: RecordRef; readonly name: string }[] = [];
  const byWords = new Map<string, RecordRef[]>();
  for (const candidate of candidates) {
    for (const name of candidate.names) {
      const key = matchKey(name, rule);
      if (key === "") continue;
      const refs = byKey.get(key) ?? [];
      if (!refs.includes(candidate.ref)) refs.push(candidate.ref);
      byKey.set(key, refs);
      if (rule === "exact" || rule === "loose") continue;
      looseNames.push({ ref: candidate.ref, name: key });
      if (rule !== "initials") continue;
      const words = byWords.get(wordsKey(key)) ?? [];
      if (!words.includes(candidate.ref)) words.push(candidate.ref);
      byWords.set(wordsKey(key), words);
    }
  }
  const matches = (value: string): readonly RecordRef[] => {
    const key = matchKey(value, rule);
    const direct = byKey.get(key);
    if (direct !== undefined) return direct;
    if (rule === "surname_initial") {
      const written = givenAndInitials(key);
      if (written === undefined) return [];
      return refsWhere(looseNames, (name) => matchesSurnameInitials(name, written.given, written.initials));
    }
    if (rule !== "initials") return [];
    const parts = initialsAndSurname(key);
    if (parts === undefined) return key.includes(" ") ? (byWords.get(wordsKey(key)) ?? []) : [];
    return refsWhere(looseNames, (name) => matchesInitials(name, parts.initials, parts.surname));
  };
  return { resolve: (value) => settleMatches(lookup, JSON.stringify(value), matches(value), fallback) };
}

/**
 * What the records a value (`shown` as written) matches give: none, the one, or, for several, what
 * the lookup's `ambiguous` policy says (the row is rejected unless it says otherwise).
 */
export function settleMatches(lookup: LookupPlan, shown: string, found: readonly RecordRef[], fallback: (value: string) => LookupResolution): LookupResolution {
  const first = found[0];
  if (first === undefined) return { status: "missing" };
  if (found.length === 1) return { status: "found", record: first };
  const names = found.map((ref) => JSON.stringify(ref.label ?? ref.xmlid ?? String(ref.id))).join(", ");
  const what = `${shown} matches ${found.length} ${lookup.model} records (${names})`;
  const policy = lookup.ambiguous ?? { policy: "reject" };
  switch (policy.policy) {
    case "reject":
      return { status: "ambiguous", reason: `${what}: say which with \`ambiguous first\` or \`ambiguous fallback "..."\`, or give the value in full` };
    case "first":
      return { status: "found", record: first, note: `${what}; the first was used` };
    case "fallback": {
      const chosen = fallback(String(policy.value));
      if (chosen.status !== "found") return { status: "ambiguous", reason: `${what}, and none has the fallback ${JSON.stringify(policy.value)}` };
      return { status: "found", record: chosen.record, note: `${what}; ${JSON.stringify(policy.value)} was used` };
    }
  }
}
