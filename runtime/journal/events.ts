/**
 * The journal's vocabulary: every event a run or a rollback appends, as TypeScript types and as
 * the zod schemas each line is checked against when the journal is read. A line that does not
 * match is damage, reported with its number: it is never read as an event of the wrong shape.
 */
import { z } from "zod";

export type RunMode = "live" | "files" | "dry-run";

export interface RowWrite {
  readonly key: string;
  readonly xmlid: string;
  readonly id: number;
  readonly action: "created" | "updated" | "unchanged";
  /** A hash of the values written: equal hashes mean nothing changed. */
  readonly hash: string;
  /** Odoo's write_date of the record right after this write: a later one means someone changed it since. */
  readonly stamp?: string;
  /**
   * A digest of what the record read from other rows of the export (rows a `with` block links
   * to it, values `get` reads): a delta takes the row again when that changes, though its own
   * modification date does not (runtime/execute/plan-walk.ts stepFeeds).
   */
  readonly feeds?: string;
}

/**
 * Which writes a batch holds: a step's records (`main`), their second pass (`deferred`), its rows
 * written onto another step's records (`merge`, journaled with those records' values before), or, with
 * `deleted archive`, records archived because their source row is gone (`archive`) or unarchived
 * because it came back (`unarchive`). The last two write only `active`, journaled with the value
 * before like any update, so that rollback puts it back.
 */
export type BatchPass = "main" | "deferred" | "merge" | "archive" | "unarchive";

export type SetupKind = "custom-field" | "record";

/** A row Odoo refused, journaled with the hash of what was sent: a later run sends it again only when that changes. */
export interface RowRefusal {
  readonly key: string;
  readonly xmlid: string;
  readonly hash: string;
  readonly message: string;
}

/** What a lookup answered for a value: the record it matched (as a reference), or null for none. */
export interface LookupAnswer {
  readonly model: string;
  readonly id?: number;
  readonly xmlid?: string;
  readonly label?: string;
  /** How a value several records match was settled (`ambiguous first` or `fallback`). */
  readonly note?: string;
  /** Several records match and the lookup rejects the row, for this reason (no record then). */
  readonly ambiguous?: string;
  /** The plain field a lookup `returns`, of the record it matched. */
  readonly value?: string | number | boolean | null;
}

/** A set-up item's identity: the same custom field or reference record in its `setup-start` and its `setup`. */
export function setupKey(item: { readonly kind: SetupKind; readonly model: string; readonly name: string }): string {
  return `${item.kind}\u0000${item.model}\u0000${item.name}`;
}

export type JournalEvent =
  | {
      readonly type: "run-start";
      readonly run: string;
      readonly time: string;
      readonly mode: RunMode;
      readonly target: string;
      readonly planHash: string;
      /** The Odoo series the plan was checked against (`--target 19.0`): rollback and later commands check against the same. */
      readonly series?: string;
      /** Whether that was a shipped catalog or the package's pulled schema file. */
      readonly origin?: "catalog" | "file";
      /** The package settings the run overrode (`--set name=value`). */
      readonly settings?: Readonly<Record<string, string>>;
      readonly sample?: number;
      /** The seed the sample was drawn with: the same seed draws the same rows. */
      readonly seed?: number;
      readonly since?: string;
      readonly resumes?: string;
    }
  /**
   * Written before a custom field or reference record is created: if the process dies before
   * the `setup` event after it, rollback looks the item up in Odoo by its name or external ID.
   */
  | {
      readonly type: "setup-start";
      readonly run: string;
      readonly kind: SetupKind;
      readonly model: string;
      readonly name: string;
      readonly xmlid?: string;
      /** When it was sent: Odoo may still be creating it for a while after the process died (in-flight.ts). */
      readonly time?: string;
    }
  | {
      readonly type: "setup";
      readonly run: string;
      readonly kind: SetupKind;
      readonly model: string;
      readonly name: string;
      readonly xmlid?: string;
      readonly id: number;
      readonly action: "created" | "matched" | "existing";
    }
  /** Written before a batch is sent: which of its records already existed, and their values then. */
  | {
      readonly type: "batch-start";
      readonly run: string;
      readonly batch: string;
      readonly step: string;
      readonly model: string;
      readonly pass: BatchPass;
      readonly xmlids: readonly string[];
      readonly existing: Readonly<Record<string, { readonly id: number; readonly before: Readonly<Record<string, unknown>> }>>;
      /** When it was sent: Odoo goes on with a call whose client died, so rollback waits for it (in-flight.ts). */
      readonly time?: string;
    }
  | {
      readonly type: "batch-end";
      readonly run: string;
      readonly batch: string;
      readonly step: string;
      readonly model: string;
      readonly pass: BatchPass;
      readonly rows: readonly RowWrite[];
      readonly rejected: number;
      /** The rows Odoo refused (a main pass), with the hash of what was sent. */
      readonly refused?: readonly RowRefusal[];
      readonly time?: string;
    }
  /**
   * The feeds digests of records a run found unchanged while what they read from other rows did
   * change (or had no digest yet): written once per step, so that the next delta does not take
   * them again.
   */
  | { readonly type: "feeds"; readonly run: string; readonly step: string; readonly model: string; readonly feeds: Readonly<Record<string, string>> }
  /**
   * Every answer the run's lookups gave (by lookup, by the value asked), written when the run
   * completes, with the fingerprint of the export it read: a later run of the same plan on the same
   * export asks the same questions, and takes these answers instead of fetching the lookups again.
   */
  | {
      readonly type: "lookups";
      readonly run: string;
      readonly export: string;
      readonly answers: Readonly<Record<string, Readonly<Record<string, LookupAnswer | null>>>>;
    }
  /** write_date of the run's records once the run is over (later batches may have touched earlier records). */
  | { readonly type: "stamps"; readonly run: string; readonly model: string; readonly stamps: Readonly<Record<string, string>> }
  | { readonly type: "run-end"; readonly run: string; readonly time: string; readonly status: "complete" | "halted" | "failed"; readonly message?: string }
  | { readonly type: "rollback-start"; readonly run: string; readonly time: string; readonly forced: boolean }
  /** One step of a rollback, written once Odoo acknowledged it, so that a killed rollback resumes after it. */
  | {
      readonly type: "rollback-step";
      readonly run: string;
      readonly action: "deleted" | "restored" | "removed-field" | "removed-record" | "kept";
      readonly model: string;
      readonly xmlids: readonly string[];
      readonly ids: readonly number[];
      readonly note?: string;
    }
  | {
      readonly type: "rollback";
      readonly run: string;
      readonly time: string;
      readonly deleted: number;
      readonly restored: number;
      readonly status: "complete" | "partial";
      readonly message?: string;
    };

/**
 * Lines about the journal itself rather than a run: the header that opens a chained journal
 * (format 2), the note that a torn line was terminated, and records of the package's namespace
 * that a person declared as made outside Flitmap (`flitmap journal adopt`).
 */
export type JournalMeta =
  | { readonly type: "journal"; readonly format: number; readonly id: string; readonly time: string }
  | { readonly type: "repair"; readonly line: number; readonly time: string }
  | { readonly type: "adopted"; readonly time: string; readonly namespace: string; readonly xmlids: readonly string[] };

export type JournalLine = JournalEvent | JournalMeta;

/** The format this Flitmap writes. Format 1 (no header, no chain) is read, and upgraded on the next append. */
export const JOURNAL_FORMAT = 2;

const id = z.number().int();
const text = z.string();
const kind = z.enum(["custom-field", "record"]);
const pass = z.enum(["main", "deferred", "merge", "archive", "unarchive"]);
const stringMap = z.record(z.string(), z.string());

const rowRefusal = z.object({ key: text, xmlid: text.min(1), hash: text, message: text });
const lookupAnswer = z.object({
  model: text,
  id: id.optional(),
  xmlid: text.optional(),
  label: text.optional(),
  note: text.optional(),
  ambiguous: text.optional(),
  value: z.union([z.string(), z.number(), z.boolean(), z.null()]).optional(),
});

const rowWrite = z.object({
  key: text,
  xmlid: text.min(1),
  id,
  action: z.enum(["created", "updated", "unchanged"]),
  hash: text,
  stamp: text.optional(),
  feeds: text.optional(),
});

const eventSchemas = [
  z.object({
    type: z.literal("run-start"),
    run: text.min(1),
    time: text,
    mode: z.enum(["live", "files", "dry-run"]),
    target: text,
    planHash: text,
    series: text.optional(),
    origin: z.enum(["catalog", "file"]).optional(),
    settings: stringMap.optional(),
    sample: z.number().optional(),
    seed: z.number().optional(),
    since: text.optional(),
    resumes: text.optional(),
  }),
  z.object({ type: z.literal("setup-start"), run: text.min(1), kind, model: text, name: text, xmlid: text.optional(), time: text.optional() }),
  z.object({
    type: z.literal("setup"),
    run: text.min(1),
    kind,
    model: text,
    name: text,
    xmlid: text.optional(),
    id,
    action: z.enum(["created", "matched", "existing"]),
  }),
  z.object({
    type: z.literal("batch-start"),
    run: text.min(1),
    batch: text,
    step: text,
    model: text,
    pass,
    xmlids: z.array(text.min(1)),
    existing: z.record(z.string(), z.object({ id, before: z.record(z.string(), z.unknown()) })),
    time: text.optional(),
  }),
  z.object({
    type: z.literal("batch-end"),
    run: text.min(1),
    batch: text,
    step: text,
    model: text,
    pass,
    rows: z.array(rowWrite),
    rejected: z.number().int().nonnegative(),
    refused: z.array(rowRefusal).optional(),
    time: text.optional(),
  }),
  z.object({ type: z.literal("feeds"), run: text.min(1), step: text, model: text, feeds: stringMap }),
  z.object({ type: z.literal("stamps"), run: text.min(1), model: text, stamps: stringMap }),
  z.object({ type: z.literal("lookups"), run: text.min(1), export: text, answers: z.record(z.string(), z.record(z.string(), lookupAnswer.nullable())) }),
  z.object({ type: z.literal("run-end"), run: text.min(1), time: text, status: z.enum(["complete", "halted", "failed"]), message: text.optional() }),
  z.object({ type: z.literal("rollback-start"), run: text.min(1), time: text, forced: z.boolean() }),
  z.object({
    type: z.literal("rollback-step"),
    run: text.min(1),
    action: z.enum(["deleted", "restored", "removed-field", "removed-record", "kept"]),
    model: text,
    xmlids: z.array(text),
    ids: z.array(id),
    note: text.optional(),
  }),
  z.object({
    type: z.literal("rollback"),
    run: text.min(1),
    time: text,
    deleted: z.number().int().nonnegative(),
    restored: z.number().int().nonnegative(),
    status: z.enum(["complete", "partial"]),
    message: text.optional(),
  }),
] as const;

const metaSchemas = [
  z.object({ type: z.literal("journal"), format: z.number().int().positive(), id: text.min(1), time: text }),
  z.object({ type: z.literal("repair"), line: z.number().int().positive(), time: text }),
  z.object({ type: z.literal("adopted"), time: text, namespace: text.min(1), xmlids: z.array(text.min(1)) }),
] as const;

const journalEvent: z.ZodType<JournalEvent> = z.discriminatedUnion("type", [...eventSchemas]);
const journalMeta: z.ZodType<JournalMeta> = z.discriminatedUnion("type", [...metaSchemas]);
const EVENT_TYPES: ReadonlySet<string> = new Set(eventSchemas.map((schema) => schema.shape.type.value));
const META_TYPES: ReadonlySet<string> = new Set(metaSchemas.map((schema) => schema.shape.type.value));

export type ParsedLine = { readonly ok: true; readonly line: JournalLine } | { readonly ok: false; readonly reason: string };

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "string" ? `the string ${JSON.stringify(value.slice(0, 40))}` : `${typeof value} ${JSON.stringify(value)}`;
}

/** Checks one parsed line (chain field already taken off) against the schemas; the reason names the first wrong field. */
export function checkLine(value: unknown): ParsedLine {
  if (!isRecord(value)) return { ok: false, reason: `${describeValue(value)} where a journal event (an object with a "type") belongs` };
  const type = value["type"];
  const isEvent = typeof type === "string" && EVENT_TYPES.has(type);
  if (!isEvent && !(typeof type === "string" && META_TYPES.has(type)))
    return { ok: false, reason: `"type" is ${type === undefined ? "missing" : describeValue(type)}, not one of ${[...EVENT_TYPES, ...META_TYPES].join(", ")}` };
  const parsed = isEvent ? journalEvent.safeParse(value) : journalMeta.safeParse(value);
  if (parsed.success) return { ok: true, line: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? "" : `${issue.path.map(String).join(".")}: `;
  return { ok: false, reason: `a ${String(type)} event of the wrong shape (${where}${issue?.message ?? "invalid"})` };
}

export function isRunEvent(line: JournalLine): line is JournalEvent {
  return EVENT_TYPES.has(line.type);
}
