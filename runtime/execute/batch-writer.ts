/**
 * Writing one batch of a step's records: the records about to be updated read first (their values
 * before, for rollback), the batch journaled before it is sent and once the target answers, and
 * each record's outcome accounted for: loaded (created or updated), or refused with Odoo's reason.
 */
import type { EntityPlan, StepPlan } from "../../compiler/plan/schema.js";
import type { RowWrite } from "../journal/journal.js";
import type { SourceRow } from "../source/index.js";
import type { ExistingRecord, LoadTarget, WriteRow } from "../targets/target.js";
import type { RunAccounting } from "./accounting.js";
import type { EarlierRuns, RunJournal } from "./run-journal.js";
import type { WrittenRecords } from "./write-stamps.js";

/** A row's record waiting for its batch. */
export interface PendingWrite {
  readonly row: SourceRow;
  readonly instanceKey: string;
  readonly write: WriteRow;
  readonly hash: string;
  /** The digest of what it read from other rows (runtime/execute/feeds.ts), journaled with it. */
  readonly feeds?: string;
}

/** What writing a batch needs from the run. */
export interface BatchParts {
  readonly target: LoadTarget;
  readonly journal: RunJournal;
  readonly earlier: EarlierRuns;
  readonly accounting: RunAccounting;
  readonly written: WrittenRecords;
}

export async function writeBatch(
  parts: BatchParts,
  step: StepPlan,
  entity: EntityPlan,
  fields: readonly string[],
  batch: readonly PendingWrite[],
  pass: "main" | "deferred",
): Promise<void> {
  const { target, journal } = parts;
  const keepsRecords = target.capabilities.keepsRecords;
  const xmlids = batch.map((entry) => entry.write.xmlid);
  const existing: ReadonlyMap<string, ExistingRecord> = keepsRecords ? await target.existing(step.model, xmlids, fields) : new Map();
  const batchId = journal.batchStart({
    step: step.id,
    model: step.model,
    pass,
    xmlids,
    existing: Object.fromEntries([...existing].map(([xmlid, record]) => [xmlid, { id: record.id, before: record.values }])),
  });
  const result = await target.write({ step: step.id, model: step.model, pass, fields, rows: batch.map((entry) => entry.write) });
  const stamps =
    journal.keeping && target.writeDates !== undefined && result.loaded.length > 0
      ? await target.writeDates(
          step.model,
          result.loaded.map((loaded) => loaded.id),
        )
      : new Map<number, string>();
  const byKey = new Map(batch.map((entry) => [entry.instanceKey, entry]));
  const rows: RowWrite[] = [];
  const writtenIds = parts.written.of(step.model);
  for (const loaded of result.loaded) {
    const entry = byKey.get(loaded.key);
    if (entry === undefined) continue;
    const wasThere = existing.has(entry.write.xmlid) && !parts.earlier.pendingCreated.has(entry.write.xmlid);
    const action = wasThere ? "updated" : "created";
    const stamp = stamps.get(loaded.id);
    rows.push({
      key: entry.instanceKey,
      xmlid: entry.write.xmlid,
      id: loaded.id,
      action,
      hash: entry.hash,
      ...(stamp === undefined ? {} : { stamp }),
      ...(entry.feeds === undefined ? {} : { feeds: entry.feeds }),
    });
    if (keepsRecords) writtenIds.set(loaded.id, entry.write.xmlid);
    if (pass === "deferred") {
      parts.accounting.counts(step).deferredWritten += 1;
      continue;
    }
    parts.accounting.loaded(step, entity, entry.row, entry.instanceKey, { xmlid: entry.write.xmlid, ...(keepsRecords ? { id: loaded.id } : {}) }, action);
  }
  for (const refused of result.rejected) {
    const entry = byKey.get(refused.key);
    if (entry === undefined) continue;
    if (pass === "deferred") parts.accounting.secondPassRefused(step, entity, entry.row, `second pass refused by Odoo: ${refused.message}`);
    else parts.accounting.rejected(step, entity, entry.row, entry.instanceKey, `refused by Odoo: ${refused.message}`);
  }
  journal.batchEnd(batchId, { step: step.id, model: step.model, pass, rows, rejected: result.rejected.length });
}
