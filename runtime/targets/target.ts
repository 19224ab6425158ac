/**
 * Where a run writes: a live Odoo, a folder of Odoo-import CSV files, or nowhere (a dry run).
 * The executor decides what to write; a target only knows how, and declares what it can do
 * (`TargetCapabilities`): the executor asks that, never which kind of target it is.
 */
import type { CustomFieldPlan, LookupPlan, RecordPlan } from "../../compiler/plan/schema.js";
import type { RunMode } from "../journal/journal.js";
import type { RecordRef } from "../transform/values.js";

export interface TargetRecord {
  readonly id?: number;
  readonly xmlid?: string;
  readonly label: string;
  /** Values of the lookup's match fields (lower-cased for matching by the executor). */
  readonly values: Readonly<Record<string, unknown>>;
  readonly active: boolean;
}

/** Without a server, the target's reference data recorded in the plan is all there is to match. */
export function knownTargetRecords(lookup: LookupPlan): readonly TargetRecord[] {
  return lookup.known.map((record) => ({
    ...(record.xmlid === undefined ? {} : { xmlid: record.xmlid }),
    label: record.name,
    values: record.values,
    active: record.values["active"] !== false,
  }));
}

export interface SetupOutcome {
  readonly kind: "custom-field" | "record";
  readonly model: string;
  readonly name: string;
  readonly xmlid?: string;
  readonly id: number;
  readonly action: "created" | "matched" | "existing";
}

/** A custom field or reference record about to be created: journaled before the create is sent. */
export type SetupIntent = Pick<SetupOutcome, "kind" | "model" | "name" | "xmlid">;

export interface WriteRow {
  readonly key: string;
  readonly xmlid: string;
  /** One cell per field of the batch, as load() and Odoo's import screen take them. */
  readonly cells: readonly string[];
  /**
   * Fields of the batch to leave out of this row's write so that Odoo fills its default: their
   * cells are empty, and an empty cell would make load() write False into a required field.
   */
  readonly defaulted?: readonly string[];
}

export interface WriteBatch {
  readonly step: string;
  readonly model: string;
  /** A step's records, their second pass, or its rows merged onto another step's records (`merge onto`). */
  readonly pass: "main" | "deferred" | "merge";
  /** `id` first, then one column per field: `field`, `field/id` (external IDs) or `field/.id` (database ids). */
  readonly fields: readonly string[];
  readonly rows: readonly WriteRow[];
  /** The model each reference column points into, so that a target may name the records another way. */
  readonly relations?: Readonly<Record<string, string>>;
}

export interface WriteResult {
  readonly loaded: readonly { readonly key: string; readonly id: number }[];
  readonly rejected: readonly { readonly key: string; readonly message: string }[];
}

export interface ExistingRecord {
  readonly id: number;
  readonly values: Readonly<Record<string, unknown>>;
}

/** What the journal knows of a batch's records: the database ids of the ones earlier runs wrote. */
export interface JournalIds {
  readonly ids: ReadonlyMap<string, number>;
  /**
   * Whether no other record can exist under these external IDs: the journal was checked against
   * Odoo before the run (`flitmap run`'s guard) and none of them was sent without an answer.
   */
  readonly complete: boolean;
}

export interface ActiveRefusal {
  readonly id: number;
  readonly message: string;
}

/** What a target can do, as the executor asks it. */
export interface TargetCapabilities {
  /**
   * Whether the records it writes stay for later runs (a live Odoo). Then the records the journal
   * holds are there: an unchanged record is not written again, a record about to be updated is
   * read first (its values before, for rollback), the ids it returns are database ids to point
   * to and to stamp, and records whose row left the export can be found. Import files and a dry
   * run keep nothing.
   */
  readonly keepsRecords: boolean;
  /**
   * How a cell points to the record an earlier run made of a row this run leaves out (a sample, a
   * delta): by the database id the journal holds, by its external ID alone (import files: a record
   * imported before keeps it), or not at all (the reference is left empty, with why).
   */
  readonly earlierRecords: "journal-id" | "external-id" | "none";
  /**
   * How a cell points to a record a lookup matched: import files can name one only by its external
   * ID, so a record without one cannot be matched; a live Odoo and a dry run may match any record.
   */
  readonly lookupMatches: "id" | "xmlid";
  /** Why it cannot archive records whose row is gone, said when a package asks for `deleted archive`; undefined when it has nothing to say. */
  readonly cannotArchive?: string;
  /**
   * What a write leaves: records in Odoo (created or updated now), rows of import files (Odoo
   * creates or updates the records when they are imported), or nothing (a dry run). What the run
   * says it did is worded by it: a dry run never says "created".
   */
  readonly output: "records" | "import-rows" | "nothing";
  /** Rows a write should carry to use the target fully (every call in flight a full batch); the run's default batch otherwise. */
  readonly writeRows?: number;
}

export interface LoadTarget {
  /** Recorded in the journal and reports; the executor does not branch on it, it asks `capabilities`. */
  readonly mode: RunMode;
  readonly capabilities: TargetCapabilities;
  /** How records are pointed to in cells: database ids (a live Odoo) or external IDs (files). */
  readonly referenceStyle: "id" | "xmlid";
  /** For the journal and messages: the server, or the folder. */
  describe(): string;
  /** The records of a lookup's model that it may match. */
  lookupRecords(lookup: LookupPlan): Promise<readonly TargetRecord[]>;
  /** The same for several lookups at once, by lookup name, where the target reads them in fewer calls together. */
  lookupRecordsOf?(lookups: readonly LookupPlan[]): Promise<ReadonlyMap<string, readonly TargetRecord[]>>;
  /** Creates the custom fields that do not exist yet, telling `intend` about each just before its create is sent. */
  ensureCustomFields(fields: readonly CustomFieldPlan[], intend?: (item: SetupIntent) => void): Promise<readonly SetupOutcome[]>;
  /**
   * Finds or creates reference records; `valueOf` turns a record's planned values into cells.
   * Returns the records as references to use in rows. `intend` hears of each create before it is sent.
   */
  ensureRecords(
    records: readonly RecordPlan[],
    refOf: (model: string, xmlid: string) => RecordRef,
    intend?: (item: SetupIntent) => void,
  ): Promise<{ readonly outcomes: readonly SetupOutcome[]; readonly refs: ReadonlyMap<string, RecordRef> }>;
  /** Records that already exist under these external IDs, with the current values of `fields`; `journal` says which the journal knows. */
  existing(model: string, xmlids: readonly string[], fields: readonly string[], journal?: JournalIds): Promise<ReadonlyMap<string, ExistingRecord>>;
  write(batch: WriteBatch): Promise<WriteResult>;
  /** Reference records the journal shows an earlier run set up, when the setup is not asked of the target again. */
  knowSetup?(refs: Iterable<RecordRef>): void;
  /** Records earlier runs made (the journal's), so that cells may name them by external ID. */
  recordsMade?(records: Iterable<{ readonly model: string; readonly id: number; readonly xmlid: string }>): void;
  /**
   * The external ID the target names a record by for the rest of the run, when it knows one (the
   * records it wrote, set up, or found): what the run would keep of each record it wrote anyway.
   */
  recordName?(model: string, id: number): string | undefined;
  /** Odoo's write_date of the last record written: no record the run wrote has a later one (a live target only). */
  lastWriteStamp?(): Promise<string | undefined>;
  /** Whether records of the model can be archived (it has an `active` field): a live target only, for `deleted archive`. */
  hasActiveField?(model: string): Promise<boolean>;
  /** Archives (false) or unarchives (true) records; returns those Odoo refused, with its reason. A live target only. */
  setActive?(model: string, ids: readonly number[], active: boolean): Promise<readonly ActiveRefusal[]>;
  /** Odoo's write_date of records (a live target only), so that rollback can tell a later edit. */
  writeDates?(model: string, ids: readonly number[]): Promise<ReadonlyMap<number, string>>;
  close(): Promise<void>;
}
