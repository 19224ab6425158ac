/**
 * The steps of `flitmap rollback` that talk to Odoo, in the order it takes them: read which
 * records changed since the run, give updated records their values back, delete created records
 * (the last step first), remove set-up items nothing uses any more, and check that nothing the run
 * created is left. Each write is journaled once Odoo acknowledged it (`rollback-step`), so that a
 * killed rollback resumes after it.
 */
import type { Plan } from "../../compiler/plan/schema.js";
import type { Journal } from "../journal/journal.js";
import { QUIET_IMPORT_CONTEXT, type OdooClient } from "../odoo/index.js";
import { UNKNOWN_ID, type Restore, type RunActions, type SetupItem, type Target } from "./rollback-actions.js";

export interface StepContext {
  readonly journal: Journal;
  readonly client: OdooClient;
  readonly plan: Plan;
  readonly run: string;
  readonly say: (text: string) => void;
}

export interface Refusal {
  readonly model: string;
  readonly id: number;
  readonly xmlid: string;
  readonly writtenByRun: string;
  readonly changedAt: string;
}

export type SetupOutcome = { readonly kind: SetupItem["kind"]; readonly model: string; readonly name: string };
export type KeptItem = SetupOutcome & { readonly why: string };

const QUIET: Readonly<Record<string, unknown>> = { ...QUIET_IMPORT_CONTEXT, active_test: false };
const CHUNK = 500;

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group === undefined) groups.set(name, [item]);
    else group.push(item);
  }
  return groups;
}

/** Each record's write_date now, by external ID; false for a record that is gone. */
export async function currentDates(client: OdooClient, targets: readonly Target[]): Promise<Map<string, string | false>> {
  const current = new Map<string, string | false>();
  for (const [model, group] of groupBy(targets, (target) => target.model)) {
    for (const chunk of chunks(group, 1000)) {
      const records = await client.read(
        model,
        chunk.map((target) => target.id),
        ["write_date"],
      );
      const dates = new Map(records.map((record) => [record.id, typeof record["write_date"] === "string" ? record["write_date"] : ""]));
      for (const target of chunk) current.set(target.xmlid, dates.get(target.id) ?? false);
    }
  }
  return current;
}

/** Records changed in Odoo after the run stamped them, and how many had no stamp to compare with. */
export function changedSince(targets: readonly Target[], current: ReadonlyMap<string, string | false>, stamps: ReadonlyMap<string, string>) {
  const refusals: Refusal[] = [];
  let unchecked = 0;
  for (const target of targets) {
    const now = current.get(target.xmlid);
    if (now === false || now === undefined) continue;
    const stamped = stamps.get(target.xmlid);
    if (stamped === undefined) {
      unchecked += 1;
      continue;
    }
    if (now > stamped) refusals.push({ model: target.model, id: target.id, xmlid: target.xmlid, writtenByRun: stamped, changedAt: now });
  }
  return { refusals, unchecked };
}

/** A value read from Odoo, written back: x2many id lists are replaced whole. */
function writable(value: unknown): unknown {
  if (value === null || value === undefined) return false;
  if (Array.isArray(value)) return [[6, 0, value.filter((item) => typeof item === "number")]];
  return value;
}

/** 1. Values back on records that existed before the run (they may point to records about to go). Returns how many. */
export async function restoreValues(
  context: StepContext,
  targets: readonly Restore[],
  current: ReadonlyMap<string, string | false>,
  counted: (count: number) => void,
) {
  const { client, journal, run } = context;
  const restorable = targets.filter((target) => current.get(target.xmlid) !== false);
  for (const [model, group] of groupBy(restorable, (target) => target.model)) {
    // Records given the same values back share one write.
    for (const same of groupBy(group, (target) => JSON.stringify(target.values)).values()) {
      const first = same[0];
      if (first === undefined) continue;
      const values = Object.fromEntries(Object.entries(first.values).map(([field, value]) => [field, writable(value)]));
      for (const chunk of chunks(same, CHUNK)) {
        const ids = chunk.map((target) => target.id);
        if (Object.keys(values).length > 0) await client.write(model, ids, values, QUIET);
        journal.append({ type: "rollback-step", run, action: "restored", model, xmlids: chunk.map((target) => target.xmlid), ids });
        counted(chunk.length);
      }
    }
  }
}

/** 2. Created records, the last step first. */
/** Deletes what the run created, children first; `counted` gets each chunk's size and how many of it Odoo no longer held. */
export async function deleteCreated(context: StepContext, targets: readonly Target[], counted: (count: number, gone: number) => void): Promise<void> {
  const { client, journal, run, say } = context;
  const byStep = [...groupBy(targets, (target) => `${String(target.order).padStart(6, "0")}\u0000${target.step}`)].sort(([left], [right]) =>
    left < right ? 1 : -1,
  );
  for (const [, group] of byStep) {
    const model = group[0]?.model ?? "";
    let gone = 0;
    for (const chunk of chunks(group, CHUNK)) {
      // Odoo deleted some already with their parent (chatter of a deleted record, lines of an order).
      const alive = new Set(await client.search(model, [["id", "in", chunk.map((target) => target.id)]], { context: { active_test: false } }));
      const deleting = chunk.filter((target) => alive.has(target.id)).map((target) => target.id);
      if (deleting.length > 0) await client.unlink(model, deleting, QUIET);
      journal.append({
        type: "rollback-step",
        run,
        action: "deleted",
        model,
        xmlids: chunk.map((target) => target.xmlid),
        ids: chunk.map((target) => target.id),
      });
      counted(chunk.length, chunk.length - deleting.length);
      gone += chunk.length - deleting.length;
    }
    const deleted = group.length - gone;
    say(`deleted ${deleted} ${model} record${deleted === 1 ? "" : "s"} of step ${group[0]?.step ?? ""}${gone > 0 ? ` (${gone} no longer in Odoo)` : ""}`);
  }
}

/** The fields of the plan that point to a model: where a reference record of it may be used. */
function pointingFields(plan: Plan, model: string): { model: string; field: string }[] {
  const pointing = new Map<string, { model: string; field: string }>();
  for (const step of plan.steps)
    for (const operation of [...step.operations, ...step.deferred])
      if (operation.relation === model && (operation.fieldType === "many2one" || operation.fieldType === "many2many"))
        pointing.set(`${step.model}\u0000${operation.field}`, { model: step.model, field: operation.field });
  return [...pointing.values()];
}

/** 3a. Reference records the setup created, the last created first, when nothing uses them any more. */
export async function removeSetupRecords(context: StepContext, actions: RunActions, removed: SetupOutcome[], kept: KeptItem[]): Promise<void> {
  const { client, journal, run, plan } = context;
  const records = actions.setup.filter((item) => item.kind === "record" && !actions.done.removed.has(`${item.model}:${item.id}`)).reverse();
  const planned = new Map(plan.setup.records.map((record) => [record.xmlid, record]));
  // A kept reference record keeps what it points to (a stage its sales team): set up after it, so looked at later.
  const protectedBy = new Map<string, string>();
  for (const record of records) {
    const users: string[] = [];
    const keeper = record.xmlid === undefined ? undefined : protectedBy.get(record.xmlid);
    if (keeper !== undefined) users.push(`the reference record ${keeper}, which is kept`);
    for (const { model, field } of pointingFields(plan, record.model)) {
      const count = await client.searchCount(model, [[field, "=", record.id]], { active_test: false });
      if (count > 0) users.push(`${count} ${model} record${count === 1 ? "" : "s"} (${field})`);
    }
    const name = record.xmlid ?? record.name;
    const key = `${record.model}:${record.id}`;
    if (users.length > 0) {
      for (const value of Object.values(planned.get(record.xmlid ?? "")?.values ?? {}))
        if (typeof value === "object" && value !== null && !protectedBy.has(value.xmlid)) protectedBy.set(value.xmlid, name);
      kept.push({ kind: "record", model: record.model, name, why: `still used by ${users.join(", ")}` });
      journal.append({ type: "rollback-step", run, action: "kept", model: record.model, xmlids: [key], ids: [record.id], note: users.join(", ") });
      continue;
    }
    const alive = await client.search(record.model, [["id", "=", record.id]], { context: { active_test: false } });
    if (alive.length > 0) await client.unlink(record.model, [record.id], QUIET);
    journal.append({ type: "rollback-step", run, action: "removed-record", model: record.model, xmlids: [key], ids: [record.id] });
    removed.push({ kind: "record", model: record.model, name });
  }
}

/** A domain for records that hold a value in a field: numbers other than 0 (Odoo stores an empty number as 0), true, or anything set. */
function holdingValue(field: string, type: string): unknown[] {
  if (type === "boolean") return [[field, "=", true]];
  if (type === "integer" || type === "float" || type === "monetary") return ["|", [field, ">", 0], [field, "<", 0]];
  return [[field, "!=", false]];
}

/** 3b. Custom fields the setup created, when no record other than those the run updated holds a value in them. */
export async function removeCustomFields(context: StepContext, actions: RunActions, removed: SetupOutcome[], kept: KeptItem[]): Promise<void> {
  const { client, journal, run } = context;
  const fields = actions.setup.filter((item) => item.kind === "custom-field" && !actions.done.removed.has(`${item.model}:${item.id}`)).reverse();
  for (const field of fields) {
    const key = `${field.model}:${field.id}`;
    // A field of that name with another id is not the run's: the run's own is gone already.
    const [alive] = await client.search("ir.model.fields", [["id", "=", field.id]]);
    const description = alive === undefined ? undefined : (await client.fieldsGet(field.model, ["type"]))[field.name];
    if (description !== undefined) {
      // Records the run updated lose the run's values with the field; any other record holding one keeps it.
      const updated = new Set([...actions.before.values()].filter((target) => target.model === field.model).map((target) => target.id));
      const holding = await client.search(field.model, holdingValue(field.name, description.type), { context: { active_test: false } });
      const count = holding.filter((id) => !updated.has(id)).length;
      if (count > 0) {
        const why = `${count} ${field.model} record${count === 1 ? "" : "s"} still hold a value in it`;
        kept.push({ kind: "custom-field", model: field.model, name: field.name, why });
        journal.append({ type: "rollback-step", run, action: "kept", model: "ir.model.fields", xmlids: [key], ids: [field.id], note: why });
        continue;
      }
      await client.unlink("ir.model.fields", [field.id], QUIET);
    }
    journal.append({ type: "rollback-step", run, action: "removed-field", model: "ir.model.fields", xmlids: [key], ids: [field.id] });
    removed.push({ kind: "custom-field", model: field.model, name: field.name });
  }
}

/**
 * Records the run created that Odoo still holds under their external IDs after the rollback deleted
 * them. A record there with another id than the run's is not the run's (a later run made it again,
 * or Odoo merged the run's record into another): the run's own is gone. Where the run never learned
 * the id (a call that landed after the settle time), any record there is taken for it.
 */
export async function leftBehind(client: OdooClient, created: readonly Target[]): Promise<Target[]> {
  if (created.length === 0) return [];
  const found = await client.externalIds(created.map((target) => target.xmlid));
  return created.flatMap((target) => {
    const where = found.get(target.xmlid);
    const same = where?.model === target.model && (target.id === UNKNOWN_ID || where.resId === target.id);
    return same ? [{ ...target, id: where.resId }] : [];
  });
}
