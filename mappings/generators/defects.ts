/**
 * Injected messiness: which kinds exist, when each is injected, and the `defects.json` manifest
 * that lists every injected defect with its file, line and key so tests can count them exactly.
 */
import { Rng } from "./prng.js";
import type { RowPosition, WrittenFile } from "./csv-sink.js";
import { TextSink } from "./csv-sink.js";
import type { RowDraft } from "./layout.js";

export const DEFECT_KINDS = [
  "blank_required",
  "duplicate_key",
  "dangling_reference",
  "unknown_owner",
  "inactive_owner",
  "bad_date",
  "bad_number",
  "stray_whitespace",
  "quoted_newline",
  "multi_company_contact",
  "company_only_relation",
  "person_only_relation",
  "same_role_trio",
  "unknown_product",
  "paid_invoice",
  "missing_file",
  "mixed_encoding",
] as const;

export type DefectKind = (typeof DEFECT_KINDS)[number];

export type DetailValue = string | number | boolean;

export interface Defect {
  readonly kind: DefectKind;
  readonly entity: string;
  readonly file: string;
  /** Physical line the row starts on (header = line 1); null for a file-level defect. */
  readonly line: number | null;
  /** Data row number within the file (first row after the header = 1); null for a file-level defect. */
  readonly row: number | null;
  /** The row's key as written (composite keys joined with `/`); null for a file-level defect. */
  readonly key: string | null;
  readonly column?: string;
  /** The defective value exactly as written in the cell. */
  readonly value?: string;
  readonly detail?: Readonly<Record<string, DetailValue>>;
}

/** What a spec did to a row: the cell it changed (already written into the draft). */
export interface AppliedDefect {
  readonly column: string;
  readonly detail?: Readonly<Record<string, DetailValue>>;
}

/** A defect kind as injected into one entity: documented in EXPORTS.md and in the manifest. */
export interface DefectRate {
  readonly kind: DefectKind;
  readonly entity: string;
  /** The columns this kind may touch. */
  readonly columns: readonly string[];
  /** One row (or chunk boundary, or file) in `every` gets this defect; see DefectSchedule. */
  readonly every: number;
  /** How the defect shows in the file. */
  readonly appearance: string;
}

export interface DefectSpec extends DefectRate {
  /**
   * Changes the draft and locks the cells it changed, or returns null when this row cannot
   * carry the defect (its target cells are already taken); the defect is then owed to the
   * next row.
   */
  readonly apply: (draft: RowDraft, rng: Rng) => AppliedDefect | null;
}

/**
 * Stratified schedule: rows are cut into blocks of `every` consecutive rows and one row per
 * block, at a random position, is due. The first block's position is drawn within the rows that
 * exist, so every entity with at least one row carries every kind at least once; a final partial
 * block carries one only if its drawn position falls inside it. A due defect that cannot be
 * applied is carried to the following rows until one accepts it.
 */
export class DefectSchedule {
  private block = -1;
  private position = 0;
  private pending = 0;

  constructor(
    private readonly rng: Rng,
    private readonly every: number,
    private readonly total: number,
  ) {}

  /**
   * Whether row `index` is drawn, ignoring carried defects. A pure function of the index, so a
   * generator may ask it about any row (e.g. to know a contact's companies from a deal).
   */
  isScheduled(index: number): boolean {
    const block = Math.floor(index / this.every);
    if (block !== this.block) {
      this.block = block;
      const span = block === 0 ? Math.min(this.every, this.total) : this.every;
      this.position = this.rng.fork(0x5eed, block).int(0, Math.max(0, span - 1));
    }
    return index % this.every === this.position;
  }

  /** Must be called once per row, in row order. True if a defect is owed at this row. */
  isOwed(index: number): boolean {
    if (this.isScheduled(index)) this.pending++;
    return this.pending > 0;
  }

  settle(): void {
    this.pending--;
  }
}

export interface AppliedWithKind extends AppliedDefect {
  readonly kind: DefectKind;
}

/** The defect specs of one entity, each with its own schedule stream. */
export class EntityDefects {
  private readonly schedules: DefectSchedule[];

  constructor(
    private readonly specs: readonly DefectSpec[],
    seedRng: Rng,
    total: number,
  ) {
    this.schedules = specs.map((spec) =>
      new DefectSchedule(seedRng.fork(Rng.streamId(`schedule:${spec.entity}:${spec.kind}`), 0), spec.every, total),
    );
  }

  /** Applies every owed defect to the draft, in spec order; `rng` is the row's own generator. */
  applyTo(index: number, draft: RowDraft, rng: Rng): AppliedWithKind[] {
    const applied: AppliedWithKind[] = [];
    for (let i = 0; i < this.specs.length; i++) {
      const spec = this.specs[i] as DefectSpec;
      const schedule = this.schedules[i] as DefectSchedule;
      if (!schedule.isOwed(index)) continue;
      const result = spec.apply(draft, rng);
      if (result === null) continue;
      schedule.settle();
      applied.push({ kind: spec.kind, ...result });
    }
    return applied;
  }
}

export interface ManifestHeader {
  readonly system: string;
  readonly generator: string;
  readonly seed: string;
  readonly rows: number;
  readonly chunkSize: number | null;
  readonly exportedAt: string;
  readonly timezone: string;
}

export interface EntitySummary {
  readonly files: readonly string[];
  /** Distinct records (keys). */
  readonly records: number;
  /** Data rows written, repeated keys included. */
  readonly rows: number;
}

/** Streams `defects.json`: a header, then one defect per line, then files and counts. */
export class DefectLog {
  private readonly sink: TextSink;
  private first = true;
  private readonly byKind = new Map<DefectKind, number>();
  private readonly byKindEntity = new Map<DefectKind, Map<string, number>>();
  private total = 0;

  constructor(path: string, header: ManifestHeader) {
    this.sink = new TextSink(path, "utf-8", false);
    const head = JSON.stringify(header, null, 2);
    this.sink.write(`${head.slice(0, head.length - 2)},\n  "defects": [`);
  }

  record(defect: Defect): void {
    this.sink.write(`${this.first ? "\n" : ",\n"}    ${JSON.stringify(defect)}`);
    this.first = false;
    this.total++;
    this.byKind.set(defect.kind, (this.byKind.get(defect.kind) ?? 0) + 1);
    let perEntity = this.byKindEntity.get(defect.kind);
    if (perEntity === undefined) {
      perEntity = new Map();
      this.byKindEntity.set(defect.kind, perEntity);
    }
    perEntity.set(defect.entity, (perEntity.get(defect.entity) ?? 0) + 1);
  }

  /** Records the defects a spec applied to a row once the row's position is known. */
  recordApplied(entity: string, position: RowPosition, key: string, applied: readonly AppliedWithKind[], draft: RowDraft): void {
    for (const defect of applied) {
      this.record({
        kind: defect.kind,
        entity,
        file: position.file,
        line: position.line,
        row: position.row,
        key,
        column: defect.column,
        value: draft.get(defect.column),
        ...(defect.detail === undefined ? {} : { detail: defect.detail }),
      });
    }
  }

  /** Defects recorded so far, by kind. */
  counts(): Record<string, number> {
    const byKind: Record<string, number> = {};
    for (const kind of [...this.byKind.keys()].sort()) byKind[kind] = this.byKind.get(kind) ?? 0;
    return byKind;
  }

  close(rates: readonly DefectRate[], entities: Readonly<Record<string, EntitySummary>>, files: readonly WrittenFile[]): void {
    const byKind: Record<string, number> = {};
    const byEntity: Record<string, Record<string, number>> = {};
    for (const kind of [...this.byKind.keys()].sort()) {
      byKind[kind] = this.byKind.get(kind) ?? 0;
      const perEntity = this.byKindEntity.get(kind) ?? new Map<string, number>();
      const sorted: Record<string, number> = {};
      for (const entity of [...perEntity.keys()].sort()) sorted[entity] = perEntity.get(entity) ?? 0;
      byEntity[kind] = sorted;
    }
    const indent = (value: unknown): string => JSON.stringify(value, null, 2).replaceAll("\n", "\n  ");
    const fileLines = files.map((file) => `    ${JSON.stringify(file)}`).join(",\n");
    this.sink.write(`${this.first ? "" : "\n  "}],\n`);
    this.sink.write(`  "counts": ${indent({ total: this.total, byKind, byEntity })},\n`);
    this.sink.write(`  "rates": [\n${rates.map((rate) => `    ${JSON.stringify(rate)}`).join(",\n")}\n  ],\n`);
    this.sink.write(`  "entities": ${indent(entities)},\n`);
    this.sink.write(`  "files": [\n${fileLines}\n  ]\n}\n`);
    this.sink.close();
  }
}
