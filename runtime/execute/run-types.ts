/**
 * What a run is given and what it gives back: its options (where rows come from, the target, the
 * journal, which rows to write), the reporter it talks to, and its result (every source row
 * accounted for, per entity and per step, with the rejects and the notes on values).
 */
import type { EntityPlan, Plan, StepPlan } from "../../compiler/plan/schema.js";
import type { Journal } from "../journal/journal.js";
import type { KeyIndex, SourceItem, SourceReadReport, SourceRow } from "../source/index.js";
import type { LoadTarget, SetupOutcome } from "../targets/target.js";
import type { ValueNote } from "../transform/values.js";
import type { DisappearedRecord, UnarchivedRecord } from "./deletions.js";
import type { Indexes } from "./indexes.js";

/** Where a step stands, for a progress bar or a log line. */
export interface StepProgress {
  readonly step: string;
  readonly model: string;
  readonly pass: "main" | "deferred";
  /** Source rows seen so far. */
  readonly rows: number;
  /** Rows the step will see, when known. */
  readonly total?: number;
  readonly rejected: number;
  readonly elapsedMs: number;
  readonly done: boolean;
}

export interface RunReporter {
  line(text: string): void;
  progress?(update: StepProgress): void;
}

/** Decides which rows a run writes (a sample, rows changed since a date); rows it drops are not counted as skipped. */
export interface RowFilter {
  readonly description: string;
  includes(entity: EntityPlan, row: SourceRow): boolean;
  /** How many rows of the entity it keeps, when it knows (for progress). */
  selectedCount?(entity: EntityPlan): number | undefined;
}

/** A row of the export: its entity and key. */
export interface RowId {
  readonly entity: string;
  readonly key: string;
}

/** What a selection (a sample, a delta) may ask once the export is indexed and lookups resolved. */
export interface SelectionContext {
  readonly plan: Plan;
  readonly indexes: Indexes;
  readonly rows: RowSource;
  readonly journal?: Journal;
  /**
   * The rows this row needs for its records to be whole: rows it refers to (`ref`, `get`, also
   * inside `with` blocks and in the second pass) and, for a child (`each`), its parent.
   */
  dependencies(entity: EntityPlan, row: SourceRow): Promise<readonly RowId[]>;
  /**
   * For each record the row makes that reads other rows (`with` blocks, `get`): its external ID
   * and the digest of what it reads now, to compare with the one the journal holds.
   */
  feedDigests(entity: EntityPlan, row: SourceRow): Promise<readonly { readonly step: string; readonly xmlid: string; readonly digest: string }[]>;
  /** The external ID a step gives the record of a row (instance for `for each` steps). */
  xmlidOf(step: StepPlan, key: string, instance?: number): string;
  say(text: string): void;
}

/** Chooses the rows a run writes once the export is indexed (e.g. a referentially closed sample). */
export interface RowSelection {
  prepare(context: SelectionContext): Promise<RowFilter>;
}

/**
 * Where rows come from: the export's CSV files, or rows given in memory (test blocks). A source
 * that reads files may take the key winners of its earlier reading of the entity to the end, and
 * give them once it has read to the end (runtime/source/csv-reader.ts `winners`).
 */
export type RowSource = (entity: EntityPlan, winners?: KeyIndex) => RowReading;

/** One reading of an entity's rows: iterate `rows` or (one wait per chunk read) `batches`, not both. */
export interface RowReading {
  readonly rows: AsyncIterable<SourceItem>;
  readonly batches?: AsyncIterable<readonly SourceItem[]>;
  readonly report?: () => SourceReadReport;
  readonly winners?: () => KeyIndex | undefined;
}

/**
 * Where a run sends each rejected row as it is rejected, its cells as read included (the CLI's
 * reject files): the run's result then keeps its rejects without their cells, so a run with many
 * rejects does not hold them all in memory.
 */
export interface RejectSink {
  /** Called once, before any reject, with the run's id. */
  start(runId: string): void;
  write(reject: RejectRecord): void;
  /** The run is over: nothing more comes. */
  end(): void;
}

export interface RunOptions {
  readonly plan: Plan;
  /** Default: the CSV files of `sourceDirectory`. */
  readonly rows?: RowSource;
  readonly sourceDirectory: string;
  readonly target: LoadTarget;
  /** Live runs journal every write; files and dry runs do not need one. */
  readonly journal?: Journal;
  readonly reporter?: RunReporter;
  /** Rows per write batch (default: what the target asks for, `capabilities.writeRows`, else 1,000). */
  readonly batchSize?: number;
  /**
   * Whether the journal was checked against the target before the run (`flitmap run` does: no
   * record is there under the package's external IDs that the journal does not account for). Then
   * a batch's records are read before an update by the ids the journal holds, without asking the
   * target which exist first.
   */
  readonly journalChecked?: boolean;
  /** Send rows Odoo refused in an earlier run again, though nothing they write changed (default: they are rejected again with Odoo's reason, unsent). */
  readonly retryRefused?: boolean;
  /** Fetch the lookups even when the last run read the same export (default: take its answers). */
  readonly refreshLookups?: boolean;
  readonly filter?: RowFilter;
  /** Chooses the rows once the export is indexed; wins over `filter`. */
  readonly selection?: RowSelection;
  /** Recorded in the journal: this run is a sample of about this many records, drawn with `seed`. */
  readonly sample?: number;
  readonly seed?: number;
  /** Recorded in the journal: a delta pickup of rows changed since this time. */
  readonly since?: string;
  /** Recorded in the journal: the package settings overridden for this run (`--set`), so that rollback compiles the same plan. */
  readonly settings?: Readonly<Record<string, string>>;
  /** Where rejected rows go as they are rejected, with their cells. */
  readonly rejects?: RejectSink;
}

/** What became of a row: loaded (a record of its own), merged onto another step's record (`merge onto`), skipped, rejected. */
export type RowStatus = "loaded" | "merged" | "skipped" | "rejected";

/** A row written onto another step's record (`merge onto`): which row, and the row whose record it is. */
export interface MergeRecord {
  readonly entity: string;
  readonly step: string;
  readonly key: string;
  readonly into: { readonly entity: string; readonly step: string; readonly key: string };
}

export interface RejectRecord {
  readonly entity: string;
  readonly step?: string;
  readonly file?: string;
  readonly line?: number;
  readonly key?: string;
  readonly reason: string;
  readonly cells?: Readonly<Record<string, string>>;
}

export interface StepCounts {
  readonly step: string;
  readonly model: string;
  loaded: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Rows written onto another step's records (`merge onto`); those unchanged since the last run are counted, not written. */
  merged: number;
  skipped: number;
  rejected: number;
  deferredWritten: number;
}

export interface EntityCounts {
  readonly entity: string;
  /** Physical records in the files after the header. */
  read: number;
  duplicates: number;
  loaded: number;
  /** Rows written onto the record of another entity's row (`merge onto`), not loaded on their own. */
  merged: number;
  /** Rows used by another step's `with` block rather than loaded on their own. */
  linked: number;
  skipped: number;
  rejected: number;
  /** Rows the filter (sample, since) left out of this run. */
  notSelected: number;
}

export interface NoteCount {
  readonly kind: ValueNote["kind"];
  readonly step: string;
  readonly field: string;
  count: number;
  readonly examples: string[];
}

/** What the reader found in one entity's files: which files, their encodings, what they lack, what could not be read. */
export interface EntitySource {
  readonly entity: string;
  /** The entity's file pattern (`deals.csv`, `relations_*.csv`). */
  readonly pattern: string;
  readonly files: readonly {
    readonly file: string;
    readonly encoding: string;
    /** Why the encoding was detected or overrode the declaration. */
    readonly encodingNote: string | null;
    readonly rows: number;
    readonly rejected: number;
    /** Rows rejected because their bytes are not text in the file's encoding. */
    readonly rejectedForEncoding: number;
    /** Rows rejected for a date that reads only month first (`5/16/2024` under `dd/MM/yyyy`), and the first such value. */
    readonly rejectedForMonthFirst: number;
    readonly monthFirstExample: string | null;
  }[];
  /** File-level problems: no file matches, a file cannot be read or is empty, a header twice, a quote never closes, a file cut short. */
  readonly problems: SourceReadReport["problems"];
  /** Declared columns a file lacks (every row rejected when the column is required or a key). */
  readonly missingHeaders: SourceReadReport["missingHeaders"];
  /** Headers no column declares: data no mapping reads. */
  readonly extraHeaders: SourceReadReport["extraHeaders"];
}

export interface RunResult {
  readonly runId: string;
  readonly status: "complete" | "halted" | "failed";
  readonly message?: string;
  readonly target: string;
  readonly entities: readonly EntityCounts[];
  /** What the reader found in each entity's files (entities whose rows came from files). */
  readonly sources: readonly EntitySource[];
  readonly steps: readonly StepCounts[];
  readonly rejects: readonly RejectRecord[];
  /** Rows merged onto another step's records (`merge onto`): each "merged into <entity> <key>"; absent when none. */
  readonly merges?: readonly MergeRecord[];
  readonly notes: readonly NoteCount[];
  readonly setup: readonly SetupOutcome[];
  /** Records earlier runs wrote whose source row is no longer in the export: reported, archived with `deleted archive`, never deleted. */
  readonly disappeared: readonly DisappearedRecord[];
  /** Records earlier runs archived whose row is back in the export: unarchived by this run. */
  readonly unarchived: readonly UnarchivedRecord[];
  /** Rows whose entity counts do not add up: always empty unless Flitmap has a bug. */
  readonly reconciliationErrors: readonly string[];
  readonly startedAt: string;
  readonly durationMs: number;
}
