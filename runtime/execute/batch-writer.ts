/**
 * Writing one batch of a step's records: the records about to be updated read first (their values
 * before, for rollback), the batch journaled before it is sent and once the target answers, and
 * each record's outcome accounted for: loaded (created or updated), or refused with Odoo's reason.
 */
import type { EntityPlan, Plan, StepPlan } from "../../compiler/plan/schema.js";
import type { RowRefusal, RowWrite } from "../journal/journal.js";
import type { SourceRow } from "../source/index.js";
import type { ExistingRecord, JournalIds, LoadTarget, WriteRow } from "../targets/target.js";
import type { RunAccounting } from "./accounting.js";
import type { MergeRecord } from "./run-types.js";
import { columnRelations } from "./cells.js";
import type { EarlierRuns, RunJournal } from "./run-journal.js";
import type { WrittenRecords } from "./write-stamps.js";

/** A row's record waiting for its batch. */
export interface PendingWrite {
  readonly row: SourceRow;
  readonly instanceKey: string;
  readonly write: WriteRow;
  /** The hash of its cells, when the run is journaled. */
  readonly hash: string | undefined;
  /** The digest of what it read from other rows (runtime/execute/feeds.ts), journaled with it. */
  readonly feeds: string | undefined;
  /** A merged row (`merge onto`): the row whose record it is written onto. */
  readonly merge?: MergeRecord["into"];
}

/** What writing a batch needs from the run. */
export interface BatchParts {
  readonly plan: Plan;
  readonly target: LoadTarget;
  readonly journal: RunJournal;
  readonly earlier: EarlierRuns;
  readonly accounting: RunAccounting;
  readonly written: WrittenRecords;
  /** Whether the journal was checked against Odoo before the run (no record it does not account for is there). */
  readonly journalChecked: boolean;
}

export async function writeBatch(
  parts: BatchParts,
  step: StepPlan,
  entity: EntityPlan,
  fields: readonly string[],
  batch: readonly PendingWrite[],
  pass: "main" | "deferred" | "merge",
): Promise<void> {
  const { target, journal } = parts;
  const keepsRecords = target.capabilities.keepsRecords;
  const xmlids = batch.map((entry) => entry.write.xmlid);
  const existing: ReadonlyMap<string, ExistingRecord> = keepsRecords ? await target.existing(step.model, xmlids, fields, journalIds(parts, xmlids)) : new Map();
  const batchId = journal.batchStart({
    step: step.id,
    model: step.model,
    pass,
    xmlids,
    existing: Object.fromEntries([...existing].map(([xmlid, record]) => [xmlid, { id: record.id, before: record.values }])),
  });
  const relations = columnRelations(parts.plan, step, fields);
  const result = await target.write({ step: step.id, model: step.model, pass, fields, rows: batch.map((entry) => entry.write), relations });
  // The records' write_date is read once the run is over (write-stamps.ts), not after each batch.
  const byKey = new Map(batch.map((entry) => [entry.instanceKey, entry]));
  const rows: RowWrite[] = [];
  const writtenIds = parts.written.of(step.model);
  for (const loaded of result.loaded) {
    const entry = byKey.get(loaded.key);
    if (entry === undefined) continue;
    const wasThere = existing.has(entry.write.xmlid) && !parts.earlier.pendingCreated.has(entry.write.xmlid);
    const action = wasThere ? "updated" : "created";
    if (journal.keeping)
      rows.push({
        key: entry.instanceKey,
        xmlid: entry.write.xmlid,
        id: loaded.id,
        action,
        hash: entry.hash ?? "",
        ...(entry.feeds === undefined ? {} : { feeds: entry.feeds }),
      });
    if (keepsRecords) writtenIds.set(loaded.id, entry.write.xmlid);
    if (pass === "deferred") {
      parts.accounting.counts(step).deferredWritten += 1;
      continue;
    }
    if (entry.merge !== undefined) {
      parts.accounting.merged(step, entity, entry.row, entry.instanceKey, { ...entry.merge, xmlid: entry.write.xmlid, ...(keepsRecords ? { id: loaded.id } : {}) });
      continue;
    }
    parts.accounting.loaded(step, entity, entry.row, entry.instanceKey, { xmlid: entry.write.xmlid, ...(keepsRecords ? { id: loaded.id } : {}) }, action);
  }
  const refusals: RowRefusal[] = [];
  for (const refused of result.rejected) {
    const entry = byKey.get(refused.key);
    if (entry === undefined) continue;
    if (pass === "main" && journal.keeping)
      refusals.push({ key: entry.instanceKey, xmlid: entry.write.xmlid, hash: entry.hash ?? "", message: refused.message });
    if (pass === "deferred") parts.accounting.secondPassRefused(step, entity, entry.row, `second pass refused by Odoo: ${refused.message}`);
    else parts.accounting.rejected(step, entity, entry.row, entry.instanceKey, `refused by Odoo: ${refused.message}`);
  }
  journal.batchEnd(batchId, {
    step: step.id,
    model: step.model,
    pass,
    rows,
    rejected: result.rejected.length,
    ...(refusals.length === 0 ? {} : { refused: refusals }),
  });
}

/**
 * What the journal knows of a batch's records: the ids earlier runs wrote them under, and whether
 * no other record can be under their external IDs (the journal was checked against Odoo, and none
 * was sent without an answer or made outside Flitmap).
 */
function journalIds(parts: BatchParts, xmlids: readonly string[]): JournalIds {
  const ids = new Map<string, number>();
  if (parts.earlier.known.size > 0)
    for (const xmlid of xmlids) {
      const known = parts.earlier.known.get(xmlid);
      if (known !== undefined) ids.set(xmlid, known.id);
    }
  const complete = parts.journalChecked && xmlids.every((xmlid) => !parts.earlier.pendingCreated.has(xmlid) && !parts.earlier.adopted.has(xmlid));
  return { ids, complete };
}
