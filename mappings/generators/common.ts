/**
 * Pieces shared by the two generators: sizing, the row loop, identifiers, names and moments.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type { RowPosition, WrittenFile } from "./csv-sink.js";
import { DefectLog, EntityDefects, type AppliedWithKind, type DefectSpec, type DefectRate, type EntitySummary } from "./defects.js";
import type { Moment } from "./formats.js";
import { ColumnIndex, RowDraft, type FileLayout } from "./layout.js";
import { Rng } from "./prng.js";

export interface GenerateOptions {
  /** Total records of the independent entities (see EXPORTS.md, "What --rows counts"). */
  readonly rows: number;
  readonly seed: string;
  readonly outDir: string;
  /** PerfectView only: records per chunk file. */
  readonly chunkSize?: number;
}

export interface GenerationSummary {
  readonly system: string;
  readonly outDir: string;
  readonly files: readonly WrittenFile[];
  readonly entities: Readonly<Record<string, EntitySummary>>;
  readonly defectCounts: Readonly<Record<string, number>>;
  readonly attachmentFiles: number;
}

export const MIN_ROWS = 100;
export const MAX_ROWS = 10_000_000;

export function validateRows(rows: number): void {
  if (!Number.isInteger(rows) || rows < MIN_ROWS || rows > MAX_ROWS) {
    throw new RangeError(`--rows must be an integer from ${MIN_ROWS} to ${MAX_ROWS}, got ${rows}`);
  }
}

/** Splits `rows` over entities by share; what rounding leaves over goes to the last entity. */
export function splitRows<Name extends string>(rows: number, shares: readonly (readonly [Name, number])[]): Record<Name, number> {
  const counts = {} as Record<Name, number>;
  let assigned = 0;
  shares.forEach(([name, share], index) => {
    const count = index === shares.length - 1 ? rows - assigned : Math.floor(rows * share);
    counts[name] = count;
    assigned += count;
  });
  return counts;
}

/** Record ids step by 3 so that the numbers in between can stand for deleted records. */
export function idOf(base: number, index: number): number {
  return base + 3 * index;
}

/** An id that no record has: it falls in a gap between two real ids. */
export function missingId(base: number, count: number, rng: Rng): number {
  return base + 3 * rng.int(0, Math.max(0, count - 1)) + rng.int(1, 2);
}

/** Lower-case ASCII for an email local part or domain: accents dropped, others removed. */
export function emailSlug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "");
}

/** A moment on a working day between `fromDays` and `toDays` (inclusive), 08:00 to 18:59. */
export function officeMoment(rng: Rng, fromDays: number, toDays: number): Moment {
  let days = rng.int(fromDays, Math.max(fromDays, toDays));
  // 1970-01-01 was a Thursday: day 2 is Saturday, day 3 Sunday.
  const weekday = ((days % 7) + 7) % 7;
  if (weekday === 2) days = days > fromDays ? days - 1 : days + 2;
  else if (weekday === 3) days = days + 1 <= toDays ? days + 1 : days - 2;
  return { days, minute: rng.int(8 * 60, 18 * 60 + 59) };
}

/** A moment strictly after `after`, no later than the end of `toDays`. */
export function laterMoment(rng: Rng, after: Moment, toDays: number): Moment {
  const days = rng.int(after.days, Math.max(after.days, toDays));
  if (days === after.days) {
    const minute = Math.min(23 * 60 + 59, after.minute + rng.int(1, 90));
    return { days, minute };
  }
  return { days, minute: rng.int(8 * 60, 18 * 60 + 59) };
}

export interface RowSink {
  writeRow(values: readonly string[], key: string): RowPosition;
}

export function keyOf(layout: FileLayout, draft: RowDraft): string {
  return layout.key.map((header) => draft.get(header)).join("/");
}

/** Builds, damages and writes `count` rows of one entity, logging each injected defect. */
export function writeEntityRows(options: {
  readonly layout: FileLayout;
  readonly count: number;
  readonly base: Rng;
  readonly sink: RowSink;
  readonly log: DefectLog;
  readonly defects: EntityDefects;
  readonly build: (index: number, rng: Rng, draft: RowDraft) => void;
  readonly afterWrite?: (index: number, draft: RowDraft, applied: readonly AppliedWithKind[], position: RowPosition) => void;
}): void {
  const columns = new ColumnIndex(options.layout);
  const stream = Rng.streamId(options.layout.entity);
  for (let index = 0; index < options.count; index++) {
    const rng = options.base.fork(stream, index);
    const draft = new RowDraft(columns);
    options.build(index, rng, draft);
    const applied = options.defects.applyTo(index, draft, rng);
    const key = keyOf(options.layout, draft);
    const position = options.sink.writeRow(draft.values, key);
    options.log.recordApplied(options.layout.entity, position, key, applied, draft);
    options.afterWrite?.(index, draft, applied, position);
  }
}

export function ratesOf(specs: readonly DefectSpec[]): DefectRate[] {
  return specs.map((spec) => ({ kind: spec.kind, entity: spec.entity, columns: spec.columns, every: spec.every, appearance: spec.appearance }));
}

/**
 * Prepares the output folder. A folder that already holds files is refused unless `overwrite`
 * is set, and then only the names a generator writes are removed, never anything else.
 */
export function prepareOutDir(outDir: string, overwrite: boolean, isGeneratedName: (name: string) => boolean): void {
  mkdirSync(outDir, { recursive: true });
  // Dot files (such as a .gitattributes kept with a committed sample) are left alone.
  const existing = readdirSync(outDir).filter((name) => !name.startsWith("."));
  if (existing.length === 0) return;
  if (!overwrite) {
    throw new Error(`${outDir} is not empty (${existing.length} entries); pass --overwrite to replace a previous export there`);
  }
  const foreign = existing.filter((name) => !isGeneratedName(name));
  if (foreign.length > 0) {
    throw new Error(`${outDir} holds files this generator does not write (${foreign.slice(0, 3).join(", ")}); choose an empty folder`);
  }
  for (const name of existing) {
    const path = join(outDir, name);
    rmSync(path, { recursive: statSync(path).isDirectory(), force: true });
  }
}
