/**
 * `flitmap journal rebuild`: a journal rebuilt from Odoo when the one on disk is damaged, cut
 * short or gone. What still reads back is kept (its events, in order, chained again); every record
 * of the package's namespace in Odoo that it does not account for, and every custom field of the
 * package that Odoo has and it does not mention, is journaled as made by one more run, marked
 * rebuilt, so that `flitmap rollback` deletes them (custom fields only once no other record holds
 * a value in them). Their values before are unknown: such a run deletes what it "created" and
 * restores nothing. The journal as it was, and its head, are kept beside it, renamed.
 */
import { existsSync, renameSync } from "node:fs";
import { randomUUID } from "node:crypto";
import type { Plan, StepPlan } from "../../compiler/plan/schema.js";
import type { OdooClient } from "../odoo/index.js";
import { keyOfRecordXmlid } from "../transform/keys.js";
import { headPathOf, type JournalProblem } from "./file.js";
import { unaccountedRecords, type NamespaceRecord } from "./guard.js";
import { Journal, summarizeRuns, type JournalEvent } from "./journal.js";

export interface RebuildOptions {
  /** The journal file (journal.jsonl), there or not. */
  readonly path: string;
  readonly client: OdooClient;
  readonly plan: Plan;
}

export interface RebuildResult {
  readonly status: "rebuilt" | "nothing to rebuild";
  /** The rebuilt run, when there was anything to journal in it. */
  readonly run?: string;
  /** Events of the old journal kept. */
  readonly kept: number;
  /** What was wrong with the old journal. */
  readonly problems: readonly JournalProblem[];
  /** Where the old journal went. */
  readonly movedTo?: string;
  readonly records: readonly { readonly model: string; readonly count: number }[];
  readonly customFields: readonly string[];
  readonly setupRecords: readonly string[];
}

/** The step whose external IDs start like this one (the longest step id wins: `company_tag_` before `company_`). */
function stepOf(plan: Plan, record: NamespaceRecord): { step: StepPlan; key: string } | undefined {
  const steps = [...plan.steps].filter((step) => step.model === record.model).sort((left, right) => right.id.length - left.id.length);
  for (const step of steps) {
    const key = keyOfRecordXmlid(plan.migration.namespace, step.id, record.xmlid, step.forEach !== undefined);
    if (key !== undefined) return { step, key };
  }
  return undefined;
}

/**
 * Custom fields of the package that Odoo has and no run that is not rolled back made or found: by
 * name and id, since a field of the same name with another id is another field (made again by a
 * run the journal lost, after a rollback had removed the first); by name alone where the journal
 * never learned the id (set-up begun and not acknowledged).
 */
async function unaccountedFields(journal: Journal, client: OdooClient, plan: Plan): Promise<{ model: string; name: string; id: number }[]> {
  const live = new Set(
    summarizeRuns(journal.events)
      .filter((run) => run.status !== "rolled back")
      .map((run) => run.run),
  );
  const named = (model: string, name: string): string => `${model}\u0000${name}`;
  const knownIds = new Map<string, Set<number>>();
  const begun = new Set<string>();
  for (const event of journal.events) {
    if ((event.type !== "setup" && event.type !== "setup-start") || event.kind !== "custom-field" || !live.has(event.run)) continue;
    const key = named(event.model, event.name);
    if (event.type === "setup-start") begun.add(key);
    else knownIds.set(key, (knownIds.get(key) ?? new Set<number>()).add(event.id));
  }
  const found: { model: string; name: string; id: number }[] = [];
  for (const field of plan.setup.customFields) {
    const key = named(field.model, field.name);
    const ids = knownIds.get(key);
    if (ids === undefined && begun.has(key)) continue;
    const [id] = await client.search("ir.model.fields", [
      ["model", "=", field.model],
      ["name", "=", field.name],
      ["state", "=", "manual"],
    ]);
    if (id !== undefined && ids?.has(id) !== true) found.push({ model: field.model, name: field.name, id });
  }
  return found;
}

/** The rebuilt run's events: set-up items, then one acknowledged batch per step, in the plan's order. */
function rebuiltEvents(
  run: string,
  client: OdooClient,
  plan: Plan,
  records: readonly NamespaceRecord[],
  fields: readonly { model: string; name: string; id: number }[],
) {
  const time = new Date().toISOString();
  const events: JournalEvent[] = [
    { type: "run-start", run, time, mode: "live", target: client.describe(), planHash: "rebuilt", series: plan.target.series, origin: plan.target.origin },
  ];
  for (const field of fields) events.push({ type: "setup", run, kind: "custom-field", model: field.model, name: field.name, id: field.id, action: "created" });
  const setupXmlids = new Map(plan.setup.records.map((record) => [record.xmlid, record]));
  const setupRecords: string[] = [];
  const batches = new Map<string, { step: string; model: string; rows: { key: string; xmlid: string; id: number }[] }>();
  for (const record of records) {
    const planned = setupXmlids.get(record.xmlid);
    if (planned !== undefined && planned.model === record.model) {
      events.push({ type: "setup", run, kind: "record", model: record.model, name: planned.name, xmlid: record.xmlid, id: record.id, action: "created" });
      setupRecords.push(record.xmlid);
      continue;
    }
    const found = stepOf(plan, record);
    // Records of no step of this plan (an earlier version of the package) go first, so that rollback deletes them last.
    const step = found?.step.id ?? `(no step) ${record.model}`;
    const batch = batches.get(step) ?? { step, model: record.model, rows: [] };
    batch.rows.push({ key: found?.key ?? record.xmlid, xmlid: record.xmlid, id: record.id });
    batches.set(step, batch);
  }
  const order = new Map(plan.steps.map((step, index) => [step.id, index]));
  const sorted = [...batches.values()].sort((left, right) => (order.get(left.step) ?? -1) - (order.get(right.step) ?? -1));
  for (const batch of sorted) {
    const id = randomUUID().slice(0, 12);
    const common = { run, batch: id, step: batch.step, model: batch.model, pass: "main" as const };
    events.push({ type: "batch-start", ...common, xmlids: batch.rows.map((row) => row.xmlid), existing: {} });
    // An empty hash: the values written are unknown, so the next run writes each record again.
    events.push({ type: "batch-end", ...common, rows: batch.rows.map((row) => ({ ...row, action: "created" as const, hash: "" })), rejected: 0, time });
  }
  const message = `rebuilt from Odoo's external IDs of ${plan.migration.namespace}: ${records.length} records, ${fields.length} custom fields; their values before are unknown`;
  events.push({ type: "run-end", run, time, status: "complete", message });
  const counts = new Map<string, number>();
  for (const batch of sorted) counts.set(batch.model, (counts.get(batch.model) ?? 0) + batch.rows.length);
  return { events, setupRecords, records: [...counts].map(([model, count]) => ({ model, count })) };
}

function moveAside(path: string, stamp: string): string | undefined {
  const base = path.replace(/\.jsonl$/, "");
  const movedTo = `${base}.before-rebuild-${stamp}.jsonl`;
  const head = headPathOf(path);
  if (existsSync(head)) renameSync(head, headPathOf(movedTo));
  if (!existsSync(path)) return undefined;
  renameSync(path, movedTo);
  return movedTo;
}

export async function rebuildJournal(options: RebuildOptions): Promise<RebuildResult> {
  const { path, client, plan } = options;
  const old = Journal.open(path);
  old.close();
  const records = await unaccountedRecords(old, client, plan);
  const fields = await unaccountedFields(old, client, plan);
  const problems = old.problems;
  if (problems.length === 0 && records.length === 0 && fields.length === 0)
    return { status: "nothing to rebuild", kept: old.events.length, problems, records: [], customFields: [], setupRecords: [] };
  const stamp = new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "");
  const movedTo = moveAside(path, stamp);
  const journal = Journal.open(path);
  try {
    for (const entry of old.meta) if (entry.type === "adopted") journal.adopt(entry.namespace, entry.xmlids);
    if (old.events.length > 0) journal.appendAll(old.events);
    if (records.length === 0 && fields.length === 0)
      return {
        status: "rebuilt",
        kept: old.events.length,
        problems,
        ...(movedTo === undefined ? {} : { movedTo }),
        records: [],
        customFields: [],
        setupRecords: [],
      };
    const run = `${stamp}-rebuilt`;
    const rebuilt = rebuiltEvents(run, client, plan, records, fields);
    journal.appendAll(rebuilt.events);
    return {
      status: "rebuilt",
      run,
      kept: old.events.length,
      problems,
      ...(movedTo === undefined ? {} : { movedTo }),
      records: rebuilt.records,
      customFields: fields.map((field) => `${field.model}.${field.name}`),
      setupRecords: rebuilt.setupRecords,
    };
  } finally {
    journal.close();
  }
}
