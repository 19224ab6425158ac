/**
 * `flitmap rollback`: puts Odoo back as it was before a run, from what the run's journal holds.
 *
 * 1. Records the run updated (they existed before it) get the values they had back, from the
 *    journal's before-values (the earliest the run read, so a resumed run's re-read does not count).
 * 2. Records the run created are deleted, in the reverse of the order the run wrote them (chatter,
 *    activities and attachments before the records they are on, lines before their order, people
 *    before their companies); Odoo deletes with them what it attached to them.
 * 3. Reference records and custom fields the run's setup created are removed when nothing uses
 *    them any more (kept, and said so, otherwise).
 *
 * Before anything, it compares each record's write_date with the one the journal stamped after
 * the run wrote it: a record changed in Odoo since then makes it refuse, naming the records,
 * unless forced. Each step is journaled once Odoo acknowledged it, so a rollback that is killed
 * resumes where it stopped; the run is marked rolled back at the end.
 */
import type { Plan } from "../../compiler/plan/schema.js";
import { summarizeRuns, type Journal, type JournalEvent, type RunSummary } from "../journal/journal.js";
import { QUIET_IMPORT_CONTEXT, type OdooClient } from "../odoo/index.js";

export interface RollbackOptions {
  readonly journal: Journal;
  readonly client: OdooClient;
  /** The plan of the package: which fields point to reference records, to tell whether they are used. */
  readonly plan: Plan;
  /** Default: the latest run not rolled back. */
  readonly run?: string;
  /** Roll back even records changed in Odoo after the run (their changes are lost), or a run later runs built on. */
  readonly force?: boolean;
  readonly say?: (text: string) => void;
}

export interface RolledBackModel {
  readonly model: string;
  readonly count: number;
}

export interface Refusal {
  readonly model: string;
  readonly id: number;
  readonly xmlid: string;
  readonly writtenByRun: string;
  readonly changedAt: string;
}

export interface RollbackResult {
  readonly status: "complete" | "refused" | "partial" | "nothing to do";
  readonly run?: string;
  readonly message: string;
  readonly deleted: readonly RolledBackModel[];
  readonly restored: readonly RolledBackModel[];
  readonly removed: readonly { readonly kind: "custom-field" | "record"; readonly model: string; readonly name: string }[];
  readonly kept: readonly { readonly kind: "custom-field" | "record"; readonly model: string; readonly name: string; readonly why: string }[];
  readonly refusals: readonly Refusal[];
  /** Records the journal has no stamp for (journals written before stamps existed): not checked. */
  readonly unchecked: number;
}

interface Target {
  readonly model: string;
  readonly id: number;
  readonly xmlid: string;
  /** The step that wrote it, and where that step came in the run (for the order of deletion). */
  readonly step: string;
  readonly order: number;
}

interface Restore extends Target {
  readonly values: Record<string, unknown>;
}

const QUIET: Readonly<Record<string, unknown>> = { ...QUIET_IMPORT_CONTEXT, active_test: false };
const CHUNK = 500;

type Event<T extends JournalEvent["type"]> = Extract<JournalEvent, { type: T }>;

function chooseRun(runs: readonly RunSummary[], wanted: string | undefined): { run?: RunSummary; problem?: string } {
  const live = runs.filter((run) => run.mode === "live");
  if (wanted !== undefined) {
    const run = live.find((candidate) => candidate.run === wanted || candidate.run.startsWith(wanted));
    if (run === undefined)
      return {
        problem: `the journal has no run ${wanted} into Odoo (it has ${live.map((candidate) => candidate.run).join(", ") || "none"}: see flitmap runs)`,
      };
    return { run };
  }
  const run = [...live].reverse().find((candidate) => candidate.status !== "rolled back");
  return run === undefined ? {} : { run };
}

/** What the run did, read from its journal events. */
function runActions(events: readonly JournalEvent[], run: string) {
  const created = new Map<string, Target>();
  const before = new Map<string, Restore>();
  const pending = new Map<string, Target>();
  const stamps = new Map<string, string>();
  const stepOrder = new Map<string, number>();
  const ended = new Set(events.filter((event): event is Event<"batch-end"> => event.type === "batch-end").map((event) => event.batch));
  const setup: Event<"setup">[] = [];
  const done = { deleted: new Set<string>(), restored: new Set<string>(), removed: new Set<string>() };
  const stamp = (xmlid: string, value: string | undefined): void => {
    if (value !== undefined && (stamps.get(xmlid) ?? "") < value) stamps.set(xmlid, value);
  };
  for (const event of events) {
    if (event.run !== run) continue;
    if (event.type === "setup" && event.action === "created") setup.push(event);
    if (event.type === "stamps") for (const [xmlid, value] of Object.entries(event.stamps)) stamp(xmlid, value);
    if (event.type === "rollback-step") {
      const into = event.action === "deleted" ? done.deleted : event.action === "restored" ? done.restored : done.removed;
      for (const xmlid of event.xmlids) into.add(xmlid);
    }
    if (event.type !== "batch-start" && event.type !== "batch-end") continue;
    if (!stepOrder.has(event.step)) stepOrder.set(event.step, stepOrder.size);
    const order = stepOrder.get(event.step) ?? 0;
    if (event.type === "batch-end") {
      for (const row of event.rows) {
        stamp(row.xmlid, row.stamp);
        if (row.action === "created" && !created.has(row.xmlid))
          created.set(row.xmlid, { model: event.model, id: row.id, xmlid: row.xmlid, step: event.step, order });
      }
      continue;
    }
    for (const xmlid of event.xmlids) {
      const existed = event.existing[xmlid];
      if (existed === undefined) {
        // Sent, never acknowledged: the batch may have created it.
        if (!ended.has(event.batch) && !pending.has(xmlid)) pending.set(xmlid, { model: event.model, id: 0, xmlid, step: event.step, order });
        continue;
      }
      const entry = before.get(xmlid) ?? { model: event.model, id: existed.id, xmlid, step: event.step, order, values: {} };
      // The first value read is the one before the run: a resumed run reads what its first attempt wrote.
      for (const [field, value] of Object.entries(existed.before)) if (!(field in entry.values)) entry.values[field] = value;
      before.set(xmlid, entry);
    }
  }
  for (const xmlid of created.keys()) {
    before.delete(xmlid);
    pending.delete(xmlid);
  }
  return { created, before, pending, stamps, setup, done };
}

/** A domain for records that hold a value in a field: numbers other than 0 (Odoo stores an empty number as 0), true, or anything set. */
function holdingValue(field: string, type: string): unknown[] {
  if (type === "boolean") return [[field, "=", true]];
  if (type === "integer" || type === "float" || type === "monetary") return ["|", [field, ">", 0], [field, "<", 0]];
  return [[field, "!=", false]];
}

/** A value read from Odoo, written back: x2many id lists are replaced whole. */
function writable(value: unknown): unknown {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return [[6, 0, value.filter((item) => typeof item === "number")]];
  return value;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [item]);
    else group.push(item);
  }
  return groups;
}

function tally(targets: readonly { model: string }[]): RolledBackModel[] {
  return [...groupBy(targets, (target) => target.model)].map(([model, list]) => ({ model, count: list.length }));
}

export async function rollbackRun(options: RollbackOptions): Promise<RollbackResult> {
  const { journal, client, plan } = options;
  const say = options.say ?? (() => undefined);
  const empty = { deleted: [], restored: [], removed: [], kept: [], refusals: [], unchecked: 0 };
  const runs = summarizeRuns(journal.events);
  const chosen = chooseRun(runs, options.run);
  if (chosen.problem !== undefined) return { status: "refused", message: chosen.problem, ...empty };
  const summary = chosen.run;
  if (summary === undefined) return { status: "nothing to do", message: "the journal holds no run into Odoo that is not rolled back", ...empty };
  const run = summary.run;
  if (summary.status === "rolled back") return { status: "nothing to do", run, message: `run ${run} is already rolled back`, ...empty };
  const start = journal.events.find((event): event is Event<"run-start"> => event.type === "run-start" && event.run === run);
  if (start !== undefined && !(start.target.includes(client.url) && start.target.includes(`database ${client.database}`))) {
    return { status: "refused", run, message: `run ${run} wrote to ${start.target}, not to ${client.describe()}: connect to that server`, ...empty };
  }
  const later = runs.filter((candidate) => candidate.mode === "live" && candidate.started > summary.started && candidate.status !== "rolled back");
  if (later.length > 0 && options.force !== true) {
    return {
      status: "refused",
      run,
      message: `run ${run} has later runs that were not rolled back (${later.map((candidate) => candidate.run).join(", ")}): roll them back first, or give --force`,
      ...empty,
    };
  }

  const actions = runActions(journal.events, run);
  // Records a killed batch may have created: they exist now under the external IDs it sent.
  if (actions.pending.size > 0) {
    const found = await client.externalIds([...actions.pending.keys()]);
    for (const [xmlid, target] of actions.pending) {
      const where = found.get(xmlid);
      if (where !== undefined && where.model === target.model) actions.created.set(xmlid, { ...target, id: where.resId });
    }
  }
  const toDelete = [...actions.created.values()].filter((target) => !actions.done.deleted.has(target.xmlid));
  // A custom field the run created had no value before it: it goes with the field, not back to one.
  const newFields = new Set(actions.setup.filter((event) => event.kind === "custom-field").map((event) => `${event.model}\u0000${event.name}`));
  const toRestore = [...actions.before.values()]
    .filter((target) => !actions.done.restored.has(target.xmlid))
    .map((target) => ({
      ...target,
      values: Object.fromEntries(Object.entries(target.values).filter(([field]) => !newFields.has(`${target.model}\u0000${field}`))),
    }));

  // Which of them still exist, and whether anyone changed them after the run.
  const current = new Map<string, string | false>();
  for (const [model, targets] of groupBy([...toDelete, ...toRestore], (target) => target.model)) {
    for (const chunk of chunks(targets, 1000)) {
      const records = await client.read(
        model,
        chunk.map((target) => target.id),
        ["write_date"],
      );
      const dates = new Map(records.map((record) => [record.id, typeof record["write_date"] === "string" ? record["write_date"] : ""]));
      for (const target of chunk) current.set(target.xmlid, dates.get(target.id) ?? false);
    }
  }
  const refusals: Refusal[] = [];
  let unchecked = 0;
  for (const target of [...toDelete, ...toRestore]) {
    const now = current.get(target.xmlid);
    if (now === false || now === undefined) continue;
    const stamped = actions.stamps.get(target.xmlid);
    if (stamped === undefined) {
      unchecked += 1;
      continue;
    }
    if (now > stamped) refusals.push({ model: target.model, id: target.id, xmlid: target.xmlid, writtenByRun: stamped, changedAt: now });
  }
  if (refusals.length > 0 && options.force !== true) {
    const listed = refusals
      .slice(0, 10)
      .map(
        (refusal) =>
          `  ${refusal.model} ${refusal.id} (${refusal.xmlid}): written by the run at ${refusal.writtenByRun} UTC, changed in Odoo at ${refusal.changedAt} UTC`,
      );
    return {
      status: "refused",
      run,
      message: [
        `${refusals.length} record${refusals.length === 1 ? " was" : "s were"} changed in Odoo after run ${run} wrote ${refusals.length === 1 ? "it" : "them"}; nothing was rolled back:`,
        ...listed,
        ...(refusals.length > 10 ? [`  ... and ${refusals.length - 10} more`] : []),
        "Roll back anyway with --force: those changes will be lost.",
      ].join("\n"),
      ...empty,
      refusals,
      unchecked,
    };
  }

  journal.append({ type: "rollback-start", run, time: new Date().toISOString(), forced: options.force === true });
  const removed: RollbackResult["removed"][number][] = [];
  const kept: RollbackResult["kept"][number][] = [];
  let deletedCount = 0;
  let restoredCount = 0;
  try {
    // 1. Values back on records that existed before the run (they may point to records about to go).
    const restorable = toRestore.filter((target) => current.get(target.xmlid) !== false);
    for (const [model, targets] of groupBy(restorable, (target) => target.model)) {
      // Records given the same values back share one write.
      for (const group of groupBy(targets, (target) => JSON.stringify(target.values)).values()) {
        const first = group[0];
        if (first === undefined) continue;
        const values = Object.fromEntries(Object.entries(first.values).map(([field, value]) => [field, writable(value)]));
        for (const chunk of chunks(group, CHUNK)) {
          if (Object.keys(values).length > 0)
            await client.write(
              model,
              chunk.map((target) => target.id),
              values,
              QUIET,
            );
          journal.append({
            type: "rollback-step",
            run,
            action: "restored",
            model,
            xmlids: chunk.map((target) => target.xmlid),
            ids: chunk.map((target) => target.id),
          });
          restoredCount += chunk.length;
        }
      }
    }
    say(`restored the earlier values of ${restoredCount} record${restoredCount === 1 ? "" : "s"}`);

    // 2. Created records, the last step first.
    const byStep = [...groupBy(toDelete, (target) => `${String(target.order).padStart(6, "0")}\u0000${target.step}`)].sort(([left], [right]) =>
      left < right ? 1 : -1,
    );
    for (const [, targets] of byStep) {
      const model = targets[0]?.model ?? "";
      for (const chunk of chunks(targets, CHUNK)) {
        // Odoo deleted some already with their parent (chatter of a deleted record, lines of an order).
        const alive = new Set(await client.search(model, [["id", "in", chunk.map((target) => target.id)]], { context: { active_test: false } }));
        const deleting = chunk.filter((target) => alive.has(target.id));
        if (deleting.length > 0)
          await client.unlink(
            model,
            deleting.map((target) => target.id),
            QUIET,
          );
        journal.append({
          type: "rollback-step",
          run,
          action: "deleted",
          model,
          xmlids: chunk.map((target) => target.xmlid),
          ids: chunk.map((target) => target.id),
        });
        deletedCount += chunk.length;
      }
      say(`deleted ${targets.length} ${model} record${targets.length === 1 ? "" : "s"} of step ${targets[0]?.step ?? ""}`);
    }

    // 3. What setup created, when nothing uses it any more: reference records first (the last created first), then custom fields.
    const setupDone = actions.done.removed;
    const records = actions.setup.filter((event) => event.kind === "record" && !setupDone.has(`${event.model}:${event.id}`)).reverse();
    const planned = new Map(plan.setup.records.map((record) => [record.xmlid, record]));
    // A kept reference record keeps what it points to (a stage its sales team): set up after it, so looked at later.
    const protectedBy = new Map<string, string>();
    for (const record of records) {
      const users: string[] = [];
      const keeper = record.xmlid === undefined ? undefined : protectedBy.get(record.xmlid);
      if (keeper !== undefined) users.push(`the reference record ${keeper}, which is kept`);
      const pointing = new Set<string>();
      for (const step of plan.steps)
        for (const operation of [...step.operations, ...step.deferred])
          if (operation.relation === record.model && (operation.fieldType === "many2one" || operation.fieldType === "many2many"))
            pointing.add(`${step.model}\u0000${operation.field}`);
      for (const entry of pointing) {
        const [model = "", field = ""] = entry.split("\u0000");
        const count = await client.searchCount(model, [[field, "=", record.id]], { active_test: false });
        if (count > 0) users.push(`${count} ${model} record${count === 1 ? "" : "s"} (${field})`);
      }
      const name = record.xmlid ?? record.name;
      if (users.length > 0) {
        for (const value of Object.values(planned.get(record.xmlid ?? "")?.values ?? {}))
          if (typeof value === "object" && value !== null && !protectedBy.has(value.xmlid)) protectedBy.set(value.xmlid, name);
        kept.push({ kind: "record", model: record.model, name, why: `still used by ${users.join(", ")}` });
        journal.append({
          type: "rollback-step",
          run,
          action: "kept",
          model: record.model,
          xmlids: [`${record.model}:${record.id}`],
          ids: [record.id],
          note: users.join(", "),
        });
        continue;
      }
      const alive = await client.search(record.model, [["id", "=", record.id]], { context: { active_test: false } });
      if (alive.length > 0) await client.unlink(record.model, [record.id], QUIET);
      journal.append({ type: "rollback-step", run, action: "removed-record", model: record.model, xmlids: [`${record.model}:${record.id}`], ids: [record.id] });
      removed.push({ kind: "record", model: record.model, name });
    }
    const fields = actions.setup.filter((event) => event.kind === "custom-field" && !setupDone.has(`${event.model}:${event.id}`)).reverse();
    for (const field of fields) {
      const description = (await client.fieldsGet(field.model, ["type"]))[field.name];
      if (description !== undefined) {
        // Records the run updated lose the run's values with the field; any other record holding one keeps it.
        const updated = new Set([...actions.before.values()].filter((target) => target.model === field.model).map((target) => target.id));
        const count = (await client.search(field.model, holdingValue(field.name, description.type), { context: { active_test: false } })).filter(
          (id) => !updated.has(id),
        ).length;
        if (count > 0) {
          const why = `${count} ${field.model} record${count === 1 ? "" : "s"} still hold a value in it`;
          kept.push({ kind: "custom-field", model: field.model, name: field.name, why });
          journal.append({
            type: "rollback-step",
            run,
            action: "kept",
            model: "ir.model.fields",
            xmlids: [`${field.model}:${field.id}`],
            ids: [field.id],
            note: why,
          });
          continue;
        }
        await client.unlink("ir.model.fields", [field.id], QUIET);
      }
      journal.append({
        type: "rollback-step",
        run,
        action: "removed-field",
        model: "ir.model.fields",
        xmlids: [`${field.model}:${field.id}`],
        ids: [field.id],
      });
      removed.push({ kind: "custom-field", model: field.model, name: field.name });
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    journal.append({ type: "rollback", run, time: new Date().toISOString(), deleted: deletedCount, restored: restoredCount, status: "partial", message });
    return {
      status: "partial",
      run,
      message: `the rollback of run ${run} stopped: ${message}\nRun the same command again to go on from where it stopped.`,
      deleted: tally(toDelete.slice(0, deletedCount)),
      restored: tally(toRestore.slice(0, restoredCount)),
      removed,
      kept,
      refusals,
      unchecked,
    };
  }
  journal.append({ type: "rollback", run, time: new Date().toISOString(), deleted: deletedCount, restored: restoredCount, status: "complete" });
  return {
    status: "complete",
    run,
    message: `run ${run} rolled back: ${deletedCount} record${deletedCount === 1 ? "" : "s"} deleted, ${restoredCount} restored, ${removed.length} set-up item${removed.length === 1 ? "" : "s"} removed${kept.length > 0 ? `, ${kept.length} kept (still in use)` : ""}${refusals.length > 0 ? ` (forced over ${refusals.length} records changed after the run)` : ""}`,
    deleted: tally(toDelete),
    restored: tally(toRestore.filter((target) => current.get(target.xmlid) !== false)),
    removed,
    kept,
    refusals,
    unchecked,
  };
}
