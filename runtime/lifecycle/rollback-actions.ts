/**
 * What a run did, read from its journal events, for `flitmap rollback`: the records it created
 * (to delete, the last step first), those it updated with their values before (to restore), the
 * batches and set-up items it sent without an answer (looked up in Odoo: they may exist), the
 * write_date it stamped on each record, and what an earlier attempt of the rollback already did.
 */
import { setupKey, type JournalEvent, type SetupKind } from "../journal/journal.js";
import type { OdooClient } from "../odoo/index.js";

/** The id of a record sent and never acknowledged, until Odoo is asked for it by its external ID. */
export const UNKNOWN_ID = 0;

export interface Target {
  readonly model: string;
  readonly id: number;
  readonly xmlid: string;
  /** The step that wrote it, and where that step came in the run (for the order of deletion). */
  readonly step: string;
  readonly order: number;
}

export interface Restore extends Target {
  readonly values: Record<string, unknown>;
}

/** A custom field or reference record the run's setup created. */
export interface SetupItem {
  readonly kind: SetupKind;
  readonly model: string;
  readonly name: string;
  readonly xmlid?: string;
  readonly id: number;
}

export interface RunActions {
  readonly created: Map<string, Target>;
  readonly before: Map<string, Restore>;
  /** Records of batches sent and never acknowledged: the batch may have created them. */
  readonly pending: Map<string, Target>;
  /** Set-up items the run was about to create when it stopped: it may have. */
  readonly pendingSetup: Omit<SetupItem, "id">[];
  readonly stamps: Map<string, string>;
  readonly setup: SetupItem[];
  /** What an earlier attempt of this rollback did, by external ID (or `model:id` for set-up items). */
  readonly done: { readonly deleted: Set<string>; readonly restored: Set<string>; readonly removed: Set<string> };
}

type Event<T extends JournalEvent["type"]> = Extract<JournalEvent, { type: T }>;

export function runActions(events: readonly JournalEvent[], run: string): RunActions {
  const actions: RunActions = {
    created: new Map(),
    before: new Map(),
    pending: new Map(),
    pendingSetup: [],
    stamps: new Map(),
    setup: [],
    done: { deleted: new Set(), restored: new Set(), removed: new Set() },
  };
  const stepOrder = new Map<string, number>();
  const ended = new Set(events.filter((event): event is Event<"batch-end"> => event.type === "batch-end").map((event) => event.batch));
  const intents = new Map<string, Omit<SetupItem, "id">>();
  for (const event of events) {
    if (event.run !== run) continue;
    if (event.type === "setup-start")
      intents.set(setupKey(event), { kind: event.kind, model: event.model, name: event.name, ...(event.xmlid === undefined ? {} : { xmlid: event.xmlid }) });
    if (event.type === "setup") {
      intents.delete(setupKey(event));
      if (event.action === "created")
        actions.setup.push({
          kind: event.kind,
          model: event.model,
          name: event.name,
          ...(event.xmlid === undefined ? {} : { xmlid: event.xmlid }),
          id: event.id,
        });
    }
    if (event.type === "stamps") for (const [xmlid, value] of Object.entries(event.stamps)) stamp(actions, xmlid, value);
    if (event.type === "rollback-step") {
      const into = event.action === "deleted" ? actions.done.deleted : event.action === "restored" ? actions.done.restored : actions.done.removed;
      for (const xmlid of event.xmlids) into.add(xmlid);
    }
    if (event.type !== "batch-start" && event.type !== "batch-end") continue;
    if (!stepOrder.has(event.step)) stepOrder.set(event.step, stepOrder.size);
    const order = stepOrder.get(event.step) ?? 0;
    if (event.type === "batch-end") readBatchEnd(actions, event, order);
    else readBatchStart(actions, event, order, ended.has(event.batch));
  }
  actions.pendingSetup.push(...intents.values());
  for (const xmlid of actions.created.keys()) {
    actions.before.delete(xmlid);
    actions.pending.delete(xmlid);
  }
  return actions;
}

function stamp(actions: RunActions, xmlid: string, value: string | undefined): void {
  if (value !== undefined && (actions.stamps.get(xmlid) ?? "") < value) actions.stamps.set(xmlid, value);
}

function readBatchEnd(actions: RunActions, event: Event<"batch-end">, order: number): void {
  for (const row of event.rows) {
    stamp(actions, row.xmlid, row.stamp);
    if (row.action === "created" && !actions.created.has(row.xmlid))
      actions.created.set(row.xmlid, { model: event.model, id: row.id, xmlid: row.xmlid, step: event.step, order });
  }
}

function readBatchStart(actions: RunActions, event: Event<"batch-start">, order: number, acknowledged: boolean): void {
  for (const xmlid of event.xmlids) {
    const existed = event.existing[xmlid];
    if (existed === undefined) {
      // Sent, never acknowledged: the batch may have created it.
      if (!acknowledged && !actions.pending.has(xmlid)) actions.pending.set(xmlid, { model: event.model, id: UNKNOWN_ID, xmlid, step: event.step, order });
      continue;
    }
    const entry = actions.before.get(xmlid) ?? { model: event.model, id: existed.id, xmlid, step: event.step, order, values: {} };
    // The first value read is the one before the run: a resumed run reads what its first attempt wrote.
    for (const [field, value] of Object.entries(existed.before)) if (!(field in entry.values)) entry.values[field] = value;
    actions.before.set(xmlid, entry);
  }
}

/**
 * Looks up in Odoo what the run sent without an answer: records under the external IDs of an
 * unacknowledged batch, custom fields by model and name, reference records by external ID. What
 * exists now, the run created (a batch or set-up item is only sent for what did not exist).
 */
export async function resolvePending(actions: RunActions, client: OdooClient): Promise<void> {
  const wanted = [...actions.pending.keys(), ...actions.pendingSetup.flatMap((item) => (item.xmlid === undefined ? [] : [item.xmlid]))];
  const found = wanted.length === 0 ? new Map() : await client.externalIds(wanted);
  for (const [xmlid, target] of actions.pending) {
    const where = found.get(xmlid);
    if (where !== undefined && where.model === target.model) actions.created.set(xmlid, { ...target, id: where.resId });
  }
  for (const item of actions.pendingSetup) {
    let id: number | undefined;
    if (item.kind === "record" && item.xmlid !== undefined) {
      const where = found.get(item.xmlid);
      if (where !== undefined && where.model === item.model) id = where.resId;
    }
    if (item.kind === "custom-field") {
      [id] = await client.search("ir.model.fields", [
        ["model", "=", item.model],
        ["name", "=", item.name],
      ]);
    }
    if (id !== undefined) actions.setup.push({ ...item, id });
  }
}

/** Records to delete and records to give their values back, less what an earlier attempt did. */
export function rollbackTargets(actions: RunActions): { toDelete: Target[]; toRestore: Restore[] } {
  const toDelete = [...actions.created.values()].filter((target) => !actions.done.deleted.has(target.xmlid));
  // A custom field the run created had no value before it: it goes with the field, not back to one.
  const newFields = new Set(actions.setup.filter((item) => item.kind === "custom-field").map((item) => `${item.model}\u0000${item.name}`));
  const toRestore = [...actions.before.values()]
    .filter((target) => !actions.done.restored.has(target.xmlid))
    .map((target) => ({
      ...target,
      values: Object.fromEntries(Object.entries(target.values).filter(([field]) => !newFields.has(`${target.model}\u0000${field}`))),
    }));
  return { toDelete, toRestore };
}
