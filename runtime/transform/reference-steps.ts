/**
 * The steps that link a row to another: `| ref alias` by key, `| ref alias by column [and column]`
 * by a `unique` column's value, `| get(Entity.column)`, and what a reference that finds no record
 * says in the run's notes.
 */
import type { GetBy, RefBy } from "../../compiler/plan/schema.js";
import type { Computed, EvaluationScope, FAILED, Step } from "./compile.js";
import type { EvaluationEnvironment, ReferenceResolution } from "./evaluate.js";
import { isEmpty, type RuntimeValue } from "./values.js";
import { textOf } from "./value-words.js";

/** The key a value takes when it names another row: trimmed text; numbers as written. */
function referenceKey(value: RuntimeValue): string {
  return textOf(value).trim();
}

export function referenceStep(step: string, optional: boolean): Step {
  return (value, _row, environment, scope) => {
    if (isEmpty(value)) return null;
    const key = referenceKey(value);
    return resolved(environment.reference(step, key), step, key, optional, scope);
  };
}

interface NamedRows {
  readonly keys: readonly string[];
  /** The value as the notes quote it, and the columns and values the rows were looked for by. */
  readonly shown: string;
  readonly columns: string;
  readonly holds: string;
}

/**
 * The keys of the rows a value names by a column, in file order, and how to say what it named;
 * undefined for a blank value, which names nothing. A pair (`by name and company`) names the rows
 * holding both; its second value blank, the first alone names them. One text by two columns is a
 * full name (`by first and last`).
 */
function namedRows(entity: string, by: RefBy, value: RuntimeValue, environment: EvaluationEnvironment): NamedRows | undefined {
  if (by.and !== undefined && !Array.isArray(value)) return fullNameRows(entity, by.column, by.and, value, environment);
  const [first, second] = by.and !== undefined && Array.isArray(value) ? [value[0] ?? null, value[1] ?? null] : [value, null];
  if (isEmpty(first)) return undefined;
  const wanted = textOf(first).trim();
  const keys = environment.keysBy(entity, by.column, wanted);
  const shown = JSON.stringify(wanted);
  if (by.and === undefined || isEmpty(second)) return { keys, shown, columns: by.column, holds: `${by.column} ${shown}` };
  const secondText = textOf(second).trim();
  const also = JSON.stringify(secondText);
  const holding = new Set(environment.keysBy(entity, by.and, secondText));
  return {
    keys: keys.filter((key) => holding.has(key)),
    shown: `${shown} and ${also}`,
    columns: `${by.column} and ${by.and}`,
    holds: `${by.column} ${shown} and ${by.and} ${also}`,
  };
}

/**
 * The rows whose two columns, first then last, make the full name a value gives ("Anna Maria
 * Lind" is "Anna Maria" and "Lind", or "Anna" and "Maria Lind"): each place the name's words may
 * be cut is tried, since neither column's word count is known.
 */
function fullNameRows(entity: string, first: string, last: string, value: RuntimeValue, environment: EvaluationEnvironment): NamedRows | undefined {
  if (isEmpty(value)) return undefined;
  const words = textOf(value).trim().split(/\s+/);
  const cuts = words.slice(1).map((_, index) => ({ first: words.slice(0, index + 1).join(" "), last: words.slice(index + 1).join(" ") }));
  const named = new Set<string>();
  for (const cut of cuts) {
    const holding = new Set(environment.keysBy(entity, last, cut.last));
    for (const key of holding.size === 0 ? [] : environment.keysBy(entity, first, cut.first)) if (holding.has(key)) named.add(key);
  }
  // In file order, which `unique ambiguous first` and `last` go by, whichever cut named each row.
  const keys = named.size === 0 ? [] : environment.keysBy(entity, first, ...cuts.map((cut) => cut.first)).filter((key) => named.has(key));
  const shown = JSON.stringify(words.join(" "));
  return { keys, shown, columns: `${first} and ${last}`, holds: `${first} and ${last} making ${shown}` };
}

/**
 * `| ref alias by column`: the row the value names by a `unique` column, then its record. A blank
 * value links nothing; a value several rows hold rejects the row naming them, or takes the first
 * or last of them in file order, as the column declares; a value no row holds is reported, or
 * with `optional` counted once per field.
 */
export function referenceByStep(entity: string, by: RefBy, optional: boolean, reference: Step): Step {
  return (value, row, environment, scope) => {
    const named = namedRows(entity, by, value, environment);
    if (named === undefined) return null;
    const key = chosenKey(entity, by, named, optional, scope);
    return typeof key === "string" ? reference(key, row, environment, scope) : (key ?? null);
  };
}

/**
 * The key of the one row a value names by a unique column; undefined when no row holds it (said
 * in the notes, or with `optional` counted once per field); several rows reject the row naming
 * them, or give the first or last in file order, as the column declares.
 */
function chosenKey(entity: string, by: GetBy, named: NamedRows, optional: boolean, scope: EvaluationScope): string | typeof FAILED | undefined {
  const { keys, shown, columns, holds } = named;
  if (keys.length === 0) {
    // `optional`: a name no row holds is expected (a prospect the register lacks), counted once per field.
    if (optional) scope.notes.push({ kind: "optional-link", detail: `no ${entity} row has ${holds} (an optional link)` });
    else scope.notes.push({ kind: "dangling-reference", detail: `no ${entity} row has ${holds}`, unmatchedName: true });
    return undefined;
  }
  if (keys.length > 1) {
    const rows = `${keys.length} ${entity} rows by ${columns} (keys ${keys
      .slice(0, 5)
      .map((key) => JSON.stringify(key))
      .join(", ")}${keys.length > 5 ? ", ..." : ""})`;
    if (by.ambiguous === "reject")
      return scope.fail(`${shown} names ${rows}: say which with \`unique ambiguous first\` or \`last\` on ${entity}.${by.column}, or give a value one row holds`);
    scope.notes.push({ kind: "ref-ambiguous", detail: `${shown} names ${rows}; the ${by.ambiguous} was linked` });
  }
  return by.ambiguous === "last" ? keys[keys.length - 1] : keys[0];
}

/**
 * A reference's record, or why the field is left empty. An optional link to a row that made no
 * record by the mapping's own conditions is counted once per field, not told row by row; a key
 * the export lacks, or a row that was rejected, is a problem either way.
 */
export function resolved(resolution: ReferenceResolution, step: string, key: string, optional: boolean, scope: EvaluationScope): Computed {
  switch (resolution.status) {
    case "found":
      return resolution.record;
    case "missing":
      scope.notes.push({ kind: "dangling-reference", detail: `${step} ${JSON.stringify(key)} does not exist in the export` });
      return null;
    case "not-loaded":
      if (optional && resolution.rejected !== true) {
        scope.notes.push({ kind: "optional-link", detail: `${step} made no record from the row (an optional link)` });
        return null;
      }
      scope.notes.push({ kind: "dangling-reference", detail: `${step} ${JSON.stringify(key)} was not loaded (${resolution.why})` });
      return null;
  }
}

/** `| get(Entity.column)`: the column of the row whose key is the value, or with `by` the row the value names by a unique column. */
export function getStep(entity: string, column: string, by: GetBy | undefined): Step {
  const read = getByKey(entity, column);
  if (by === undefined) return read;
  return (value, row, environment, scope) => {
    const named = namedRows(entity, by, value, environment);
    if (named === undefined) return null;
    const key = chosenKey(entity, by, named, false, scope);
    return typeof key === "string" ? read(key, row, environment, scope) : (key ?? null);
  };
}

function getByKey(entity: string, column: string): Step {
  return (value, _row, environment, scope) => {
    if (isEmpty(value)) return null;
    const key = referenceKey(value);
    const found = environment.get(entity, column, key);
    if (found !== undefined) return found;
    // A row the reader rejected is in the export: saying there is none would send the reader looking for a typo.
    const why = environment.rejected?.(entity, key);
    const shown = JSON.stringify(key);
    scope.notes.push({
      kind: "dangling-reference",
      detail: why === undefined ? `no ${entity} row has key ${shown}` : `the ${entity} row with key ${shown} was rejected: ${why}`,
    });
    return null;
  };
}
