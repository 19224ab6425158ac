/**
 * Lookups: the records of each lookup's model fetched from the target once per run, matched in
 * memory (trimmed, without case) by the lookup's fields; a `missing fallback` names a record by a
 * match value or by its external ID, the reference records the setup just made included; and rows
 * a `missing halt` lookup cannot match stop the run before anything is written.
 *
 * Every answer a run's lookups give is kept (`answers`), and journaled when the run completes. A
 * run of the same plan on the same export asks exactly the same questions: it takes the journaled
 * answers and fetches nothing (`RunLookups.remembered`), so that a re-run of an unchanged export
 * does not read every partner of the customer's database again.
 */
import type { LookupAnswer } from "../journal/journal.js";
import type { LookupPlan, Plan } from "../../compiler/plan/schema.js";
import type { LoadTarget, TargetRecord } from "../targets/target.js";
import { evaluate, matchFieldsText, type EvaluationEnvironment, type LookupResolution, type LookupRuntime } from "../transform/evaluate.js";
import { returning } from "./lookup-returns.js";
import { fieldText, togetherMatcher } from "./lookup-together.js";
import type { RecordRef } from "../transform/values.js";
import { nameMatcher, type NameCandidate, type NameMatcher } from "./name-match.js";
import { usesLookup } from "./plan-walk.js";
import type { RowFilter, RowSource } from "./run-types.js";
import { foldCase } from "../../compiler/value-formats.js";

interface TargetRecordLike {
  readonly id?: number;
  readonly xmlid?: string;
  readonly label: string;
  readonly values: Readonly<Record<string, unknown>>;
  readonly active: boolean;
}

/** The records a lookup may match: active ones unless it includes archived ones, with an external ID where the target needs one. */
function usable(lookup: LookupPlan, records: readonly TargetRecordLike[], style: "id" | "xmlid"): TargetRecordLike[] {
  return records.filter((record) => (lookup.includeArchived || record.active) && (style === "id" || record.xmlid !== undefined));
}

function recordRef(lookup: LookupPlan, record: TargetRecordLike): RecordRef {
  return {
    kind: "record",
    model: lookup.model,
    ...(record.id === undefined ? {} : { id: record.id }),
    ...(record.xmlid === undefined ? {} : { xmlid: record.xmlid }),
    label: record.label,
  };
}

/**
 * A lookup answered from the records the target holds, matched case-insensitively and trimmed
 * (the first record of a value wins); by its declared rule and ambiguity policy when it has them;
 * all its fields together when they are joined by `and` (lookup-together.ts).
 */
export function lookupRuntime(lookup: LookupPlan, records: readonly TargetRecordLike[], style: "id" | "xmlid"): LookupRuntime {
  const byXmlid = new Map<string, RecordRef>();
  for (const record of records) {
    if (record.xmlid === undefined || byXmlid.has(record.xmlid)) continue;
    byXmlid.set(record.xmlid, { ...recordRef(lookup, record), xmlid: record.xmlid });
  }
  // A fallback names a record by its external ID, else by a value of the match fields.
  const orByXmlid =
    (resolve: (value: string) => LookupResolution) =>
    (value: string): LookupResolution => {
      const found = byXmlid.get(value.trim());
      return found === undefined ? resolve(value) : { status: "found", record: found };
    };
  const give = returning(lookup, records, style);
  const runtime = (resolve: (value: string) => LookupResolution): LookupRuntime => ({
    name: lookup.name,
    model: lookup.model,
    matchFields: lookup.matchFields,
    ...(lookup.together === true ? { together: true as const } : {}),
    missing: lookup.missing,
    resolve: (value) => give(resolve(value)),
    resolveFallback: (value) => give(orByXmlid(resolve)(value)),
  });
  if (lookup.together === true) {
    const candidates = usable(lookup, records, style).map((record) => ({
      ref: recordRef(lookup, record),
      values: lookup.matchFields.map((field) => fieldText(record.values[field])),
    }));
    const matcher = togetherMatcher(lookup, candidates, (value) => orByXmlid(matcher.resolve)(value));
    return runtime((value) => matcher.resolve(value));
  }
  if (lookup.matchRule !== undefined || lookup.ambiguous !== undefined) {
    // A declared rule or ambiguity policy: every record a value matches counts (name-match.ts).
    const candidates = matchCandidates(lookup, records, style);
    let matcher: NameMatcher | undefined;
    const resolve = (value: string): LookupResolution =>
      (matcher ??= nameMatcher(lookup, lookup.matchRule ?? "exact", candidates, (fallback) => orByXmlid(resolve)(fallback))).resolve(value);
    return runtime(resolve);
  }
  const index = new Map<string, RecordRef>();
  for (const field of lookup.matchFields) {
    for (const record of usable(lookup, records, style)) {
      const value = record.values[field];
      if (value === undefined || value === null || value === false) continue;
      const key = foldCase(String(value).trim());
      if (key === "" || index.has(key)) continue;
      index.set(key, recordRef(lookup, record));
    }
  }
  return runtime((value) => {
    const found = index.get(foldCase(value.trim()));
    return found === undefined ? { status: "missing" } : { status: "found", record: found };
  });
}

/** The records a lookup may match, with the values of its match fields as text. */
function matchCandidates(lookup: LookupPlan, records: readonly TargetRecordLike[], style: "id" | "xmlid"): NameCandidate[] {
  return usable(lookup, records, style).map((record) => ({
    ref: recordRef(lookup, record),
    names: lookup.matchFields.flatMap((field) => {
      const value = record.values[field];
      return value === undefined || value === null || value === false ? [] : [String(value)];
    }),
  }));
}

/** The lookups of a run: fetched once, then answered in memory. */
export class RunLookups {
  private readonly runtimes = new Map<string, LookupRuntime>();
  private readonly fetched = new Map<string, readonly TargetRecord[]>();
  /** By lookup, every answer given: `resolve:` or `fallback:` and the value asked. */
  private readonly given = new Map<string, Map<string, LookupAnswer | null>>();

  private constructor(
    private readonly plan: Plan,
    private readonly target: LoadTarget,
  ) {}

  /** Reads the records every lookup may match from the target, once. */
  static async fetch(plan: Plan, target: LoadTarget, say: (text: string) => void): Promise<RunLookups> {
    const lookups = new RunLookups(plan, target);
    const all = target.lookupRecordsOf === undefined ? undefined : await target.lookupRecordsOf(plan.lookups);
    for (const lookup of plan.lookups) {
      const records = all?.get(lookup.name) ?? (await target.lookupRecords(lookup));
      lookups.fetched.set(lookup.name, records);
      lookups.install(lookup, lookupRuntime(lookup, records, target.capabilities.lookupMatches));
      say(`lookup ${lookup.name}: ${records.length} ${lookup.model} record${records.length === 1 ? "" : "s"} to match by ${matchFieldsText(lookup)}`);
    }
    return lookups;
  }

  /**
   * The answers an earlier run of the same plan on the same export gave, without asking the
   * target: this run asks the same questions. A question it did not answer means the run is not
   * the same after all, and stops it rather than answer it wrongly.
   */
  static remembered(
    plan: Plan,
    target: LoadTarget,
    answers: Readonly<Record<string, Readonly<Record<string, LookupAnswer | null>>>>,
    say: (text: string) => void,
  ): RunLookups {
    const lookups = new RunLookups(plan, target);
    for (const lookup of plan.lookups) {
      const known = answers[lookup.name] ?? {};
      const answer = (question: string): LookupResolution => {
        const found = known[question];
        if (found === undefined)
          throw new Error(
            `the lookup ${lookup.name} was not asked "${question}" by the last run, whose answers this run took: run again with --refresh-lookups`,
          );
        return resolutionOf(found);
      };
      lookups.install(lookup, {
        name: lookup.name,
        model: lookup.model,
        matchFields: lookup.matchFields,
        ...(lookup.together === true ? { together: true as const } : {}),
        missing: lookup.missing,
        resolve: (value) => answer(`resolve:${value}`),
        resolveFallback: (value) => answer(`fallback:${value}`),
      });
      say(`lookup ${lookup.name}: ${Object.keys(known).length} answer${Object.keys(known).length === 1 ? "" : "s"} of the last run (the same export)`);
    }
    return lookups;
  }

  /** Every answer the lookups gave, for the journal. */
  answers(): Record<string, Record<string, LookupAnswer | null>> {
    return Object.fromEntries([...this.given].map(([name, answers]) => [name, Object.fromEntries(answers)]));
  }

  /** Puts a lookup's runtime in place, keeping each answer it gives. */
  private install(lookup: LookupPlan, runtime: LookupRuntime): void {
    const given = this.given.get(lookup.name) ?? new Map<string, LookupAnswer | null>();
    this.given.set(lookup.name, given);
    // A runtime matches in memory, so a value asked again (an owner on every row) has the same answer:
    // it is matched and kept once.
    const resolved = new Map<string, LookupResolution>();
    const fallbacks = new Map<string, LookupResolution>();
    const kept = (asked: Map<string, LookupResolution>, question: "resolve" | "fallback", value: string): LookupResolution => {
      let resolution = asked.get(value);
      if (resolution === undefined) {
        resolution = question === "resolve" ? runtime.resolve(value) : runtime.resolveFallback(value);
        asked.set(value, resolution);
        given.set(`${question}:${value}`, answerOf(lookup, resolution));
      }
      return resolution;
    };
    this.runtimes.set(lookup.name, {
      ...runtime,
      answersKept: true,
      resolve: (value) => kept(resolved, "resolve", value),
      resolveFallback: (value) => kept(fallbacks, "fallback", value),
    });
  }

  readonly lookup = (name: string): LookupRuntime => {
    const lookup = this.runtimes.get(name);
    if (lookup === undefined) throw new Error(`the plan has no lookup ${name}`);
    return lookup;
  };

  /**
   * Reference records the setup just made are records of the target too: a lookup of their model
   * (a fallback to a product the package creates) finds them on the first run, not only on the next.
   */
  addSetupRecords(setupRefs: ReadonlyMap<string, RecordRef>): void {
    for (const lookup of this.plan.lookups) {
      const made = this.plan.setup.records
        .filter((record) => record.model === lookup.model)
        .flatMap((record) => {
          const ref = setupRefs.get(record.xmlid);
          if (ref === undefined) return [];
          const values: Record<string, unknown> = {};
          for (const [field, value] of Object.entries(record.values)) if (value === null || typeof value !== "object") values[field] = value;
          return [{ ...(ref.id === undefined ? {} : { id: ref.id }), xmlid: ref.xmlid ?? record.xmlid, label: ref.label ?? record.name, values, active: true }];
        });
      const fetched = this.fetched.get(lookup.name);
      // Remembered answers already hold the setup's records.
      if (made.length === 0 || fetched === undefined) continue;
      this.install(lookup, lookupRuntime(lookup, [...fetched, ...made], this.target.capabilities.lookupMatches));
    }
  }
}

/** A lookup's answer as the journal keeps it: the record (with how an ambiguous value was settled), why an ambiguous value was rejected, or null for none. */
function answerOf(lookup: LookupPlan, resolution: LookupResolution): LookupAnswer | null {
  if (resolution.status === "missing") return null;
  if (resolution.status === "ambiguous") return { model: lookup.model, ambiguous: resolution.reason };
  const record = resolution.record;
  return {
    model: record.model,
    ...(record.id === undefined ? {} : { id: record.id }),
    ...(record.xmlid === undefined ? {} : { xmlid: record.xmlid }),
    ...(record.label === undefined ? {} : { label: record.label }),
    ...(resolution.note === undefined ? {} : { note: resolution.note }),
    ...(resolution.value === undefined ? {} : { value: resolution.value }),
  };
}

/** The resolution a journaled answer stands for. */
function resolutionOf(answer: LookupAnswer | null): LookupResolution {
  if (answer === null) return { status: "missing" };
  const { note, ambiguous, value, ...record } = answer;
  if (ambiguous !== undefined) return { status: "ambiguous", reason: ambiguous };
  return { status: "found", record: { kind: "record", ...record }, ...(value === undefined ? {} : { value }), ...(note === undefined ? {} : { note }) };
}

/** Misses listed before a run halts, at most. */
const MISSES_KEPT = 1000;

/** The selected rows a `halt` lookup cannot match (inside a `with` block's filter too): the run stops before anything is written. */
export async function haltMisses(plan: Plan, rows: RowSource, filter: RowFilter | undefined, environment: EvaluationEnvironment): Promise<string[]> {
  const halting = new Set(plan.lookups.filter((lookup) => lookup.missing.policy === "halt").map((lookup) => lookup.name));
  if (halting.size === 0) return [];
  const misses: string[] = [];
  for (const step of plan.steps) {
    const operations = step.operations.filter((operation) => usesLookup(operation.value, halting));
    if (operations.length === 0) continue;
    const entity = environment.entity(step.entity);
    for await (const item of rows(entity).rows) {
      if (item.kind !== "row" || (filter !== undefined && !filter.includes(entity, item))) continue;
      for (const operation of operations) {
        const { outcome } = await evaluate(operation.value, { entity, key: item.key, values: item.values }, environment);
        if (!outcome.ok && misses.length < MISSES_KEPT) misses.push(`${entity.name} ${item.key} (${item.file}:${item.line}): ${outcome.reason}`);
      }
    }
  }
  return misses;
}
