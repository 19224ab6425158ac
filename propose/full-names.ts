/**
 * A column naming another file's people by full name ("Anna-Karin Lindholm", "dr. Nagy Éva")
 * where that file keeps each name in two columns (a given name and a surname, or a family name
 * and a given name, in either order): `| ref person by first and second`, which the run matches
 * against the first column's words then the second's. Names written with a prefix the columns do
 * not hold (an academic title, an honorific: "dr.", "Mrs", "Ing.") are matched without it, and
 * the proposal takes it off first (`without_prefixes`). Not when a name it gives is two people's:
 * such rows would be rejected rather than linked to a guess. Found from the values, whatever the
 * headers say. Pure.
 */
import { foldCase } from "../compiler/value-formats.js";
import { withoutPrefixes } from "../runtime/source/name-prefixes.js";
import type { ColumnProfile } from "./entities.js";
import { ID_WORDS } from "./entity-rows.js";
import type { Draft, ReferenceProfile } from "./references.js";

/** Of the column's distinct names, the share the other file's rows must make. */
const FOUND = 0.8;
const NO_EXTRA_WORDS: ReadonlySet<string> = new Set();

/** A name as the run compares it: trimmed, single-spaced, without case. */
function comparable(value: string): string {
  return foldCase(value.trim().replace(/\s+/gu, " "));
}

function filledValues(column: ColumnProfile): string[] {
  return [...new Set(column.values.map((value) => value.trim()).filter((value) => value !== ""))];
}

/** Names of people: two words or more, no digits, one line. */
function fullNames(column: ColumnProfile): string[] | undefined {
  if (column.guess.type !== "text" || column.guess.multiline || column.list !== undefined) return undefined;
  const values = filledValues(column);
  if (values.length < 3) return undefined;
  const named = values.filter((value) => !/\d/.test(value) && value.split(/\s+/).length >= 2 && value.length <= 60);
  return named.length >= values.length * 0.9 ? values : undefined;
}

/** A column of one part of people's names: a word or two without digits, varied, on most rows. */
function namePart(column: ColumnProfile, key: readonly string[]): boolean {
  if (column.guess.type !== "text" || column.guess.multiline || column.list !== undefined || key.includes(column.name)) return false;
  const values = column.values.map((value) => value.trim()).filter((value) => value !== "");
  if (values.length < column.values.length * 0.5) return false;
  const parts = values.filter((value) => !/[\d@]/.test(value) && value.split(/\s+/).length <= 3);
  return parts.length >= values.length * 0.95 && new Set(values).size >= 4;
}

/** Every row's two name parts joined, and the joined names several rows share. */
interface JoinedNames {
  readonly names: ReadonlySet<string>;
  readonly shared: ReadonlySet<string>;
}

const joinedNames = new WeakMap<ColumnProfile, WeakMap<ColumnProfile, JoinedNames>>();

/** Every row's two name parts, the first's then the second's, as the run joins them; built once a pair. */
function joined(first: ColumnProfile, second: ColumnProfile): JoinedNames {
  const bySecond = joinedNames.get(first) ?? new WeakMap<ColumnProfile, JoinedNames>();
  joinedNames.set(first, bySecond);
  let found = bySecond.get(second);
  if (found === undefined) {
    const names = new Set<string>();
    const shared = new Set<string>();
    first.values.forEach((value, row) => {
      const other = second.values[row]?.trim() ?? "";
      if (value.trim() === "" || other === "") return;
      const name = comparable(`${value} ${other}`);
      if (names.has(name)) shared.add(name);
      names.add(name);
    });
    found = { names, shared };
    bySecond.set(second, found);
  }
  return found;
}

/** The other entity whose two name columns make most of the column's names, with or without their prefixes. */
export function findFullNameReference(draft: Draft, column: ColumnProfile, drafts: readonly Draft[]): ReferenceProfile | undefined {
  const values = fullNames(column);
  if (values === undefined) return undefined;
  const plain = values.map(comparable);
  const bare = values.map((value) => comparable(withoutPrefixes(value, NO_EXTRA_WORDS)));
  let best: ReferenceProfile | undefined;
  for (const other of drafts) {
    if (other === draft) continue;
    const parts = other.columns.filter((candidate) => namePart(candidate, other.key.columns));
    for (const first of parts) {
      for (const second of parts) {
        if (first === second) continue;
        const { names, shared } = joined(first, second);
        const found = bare.filter((name, index) => names.has(name) || names.has(plain[index] ?? "")).length / values.length;
        if (found < FOUND || (best !== undefined && found <= best.found)) continue;
        // A name two people share names neither: the run would reject its rows rather than guess.
        if (bare.some((name) => shared.has(name))) continue;
        // Taken off where the name as written is no row's and without its prefix is.
        const prefixed = bare.some((name, index) => name !== plain[index] && names.has(name) && !names.has(plain[index] ?? ""));
        const meaningful = column.words.filter((word) => !ID_WORDS.has(word));
        best = {
          column: column.name,
          entity: other.group.name,
          found,
          distinct: values.length,
          byName: first.name,
          andName: second.name,
          ...(prefixed ? { prefixed } : {}),
          ...(meaningful.some((word) => other.group.words.includes(word)) ? {} : { byValuesOnly: true }),
        };
      }
    }
  }
  return best;
}
