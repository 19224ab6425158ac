/**
 * Records earlier runs wrote whose source row is gone from the export. A run always reports them;
 * with `deleted archive` in the package a live run also archives them (`active` = false), and
 * unarchives those it archived once their row is back. Each such write is journaled like an
 * update, with the value before, so that `flitmap rollback` of the run puts it back.
 *
 * Never deleted: a deleted record could not be rolled back, and Odoo deletes its chatter, its
 * activities and attachments, an order's lines with it. Never archived either when the export
 * cannot tell that the row is gone: a sample run, or an entity whose read was incomplete (a file
 * missing or unreadable, rows without a key, no row at all).
 */
import type { Plan, StepPlan } from "../../compiler/plan/schema.js";
import type { KnownRecord } from "../journal/journal.js";
import type { LoadTarget } from "../targets/target.js";
import type { EntityIndex, Indexes } from "./indexes.js";
import type { RunJournal } from "./run-journal.js";
import type { WrittenRecords } from "./write-stamps.js";

export interface DisappearedRecord {
  readonly step: string;
  readonly model: string;
  readonly xmlid: string;
  readonly id: number;
  /** The source row's key (without a `for each` instance). */
  readonly key: string;
  /** The run that last wrote it. */
  readonly run: string;
  /**
   * What this run did about it: `reported` (the package's default), `archived`, `already archived`
   * (by an earlier run, or in Odoo), or `not archived` with why (`deleted archive` could not apply).
   */
  readonly action: "reported" | "archived" | "already archived" | "not archived";
  readonly why?: string;
}

/** A record an earlier run archived whose row is back in the export: this run unarchived it. */
export interface UnarchivedRecord {
  readonly step: string;
  readonly model: string;
  readonly xmlid: string;
  readonly id: number;
  readonly key: string;
  /** The run that had archived it. */
  readonly archivedBy: string;
}

/** Why an entity's read cannot tell that a row is gone from the export; undefined when it can. */
export function incompleteRead(index: EntityIndex): string | undefined {
  const name = index.entity.name;
  const problem = index.report?.problems[0];
  if (problem !== undefined) return `the export's ${name} rows could not all be read (${problem.message})`;
  const keyless = index.rejections.filter((rejection) => index.entity.key.some((column) => (rejection.raw[column] ?? "").trim() === "")).length;
  if (keyless > 0) return `${keyless} ${name} row${keyless === 1 ? "" : "s"} could not be read and have no key: this record's row may be one of them`;
  if (index.keys.size === 0 && index.rejectedKeys.size === 0)
    return `the export holds no ${name} row at all: a run does not archive every record of an entity (is a file missing?)`;
  return undefined;
}

/** What the archiving needs from the run. */
export interface DeletionContext {
  readonly plan: Plan;
  readonly target: LoadTarget;
  readonly journal: RunJournal;
  readonly batchSize: number;
  readonly indexes: Indexes;
  readonly known: ReadonlyMap<string, KnownRecord>;
  /** A sample run looks at a few rows: it archives nothing. */
  readonly sample: boolean;
  /** The records this run wrote, to stamp their write_date once the run is over. */
  readonly written: WrittenRecords;
  say(text: string): void;
}

interface Candidate {
  readonly xmlid: string;
  readonly id: number;
  /** The key the journal has for it (with the `for each` instance). */
  readonly instanceKey: string;
  readonly hash: string;
}

/** Writes `active` on records in journaled batches; returns the external IDs written and those Odoo refused, with why. */
async function setActiveJournaled(
  context: DeletionContext,
  step: StepPlan,
  records: readonly Candidate[],
  active: boolean,
): Promise<{ written: Set<string>; refused: Map<string, string> }> {
  const { target, journal } = context;
  const written = new Set<string>();
  const refused = new Map<string, string>();
  if (target.setActive === undefined) return { written, refused };
  const pass = active ? "unarchive" : "archive";
  for (let start = 0; start < records.length; start += context.batchSize) {
    const chunk = records.slice(start, start + context.batchSize);
    const batch = journal.batchStart({
      step: step.id,
      model: step.model,
      pass,
      xmlids: chunk.map((record) => record.xmlid),
      existing: Object.fromEntries(chunk.map((record) => [record.xmlid, { id: record.id, before: { active: !active } }])),
    });
    const refusals = new Map(
      (
        await target.setActive(
          step.model,
          chunk.map((record) => record.id),
          active,
        )
      ).map((refusal) => [refusal.id, refusal.message]),
    );
    const done = chunk.filter((record) => !refusals.has(record.id));
    const stamps =
      target.writeDates === undefined || done.length === 0
        ? new Map<number, string>()
        : await target.writeDates(
            step.model,
            done.map((record) => record.id),
          );
    journal.batchEnd(batch, {
      step: step.id,
      model: step.model,
      pass,
      rows: done.map((record) => {
        const stamp = stamps.get(record.id);
        return {
          key: record.instanceKey,
          xmlid: record.xmlid,
          id: record.id,
          action: "updated" as const,
          hash: record.hash,
          ...(stamp === undefined ? {} : { stamp }),
        };
      }),
      rejected: refusals.size,
    });
    for (const record of done) {
      written.add(record.xmlid);
      context.written.wrote(step.model, record.id, record.xmlid);
    }
    for (const record of chunk) {
      const message = refusals.get(record.id);
      if (message !== undefined) refused.set(record.xmlid, message);
    }
  }
  return { written, refused };
}

/** The records of a step that still exist in Odoo, with whether they are active now. */
async function activeNow(target: LoadTarget, model: string, xmlids: readonly string[]): Promise<Map<string, boolean>> {
  const found = await target.existing(model, xmlids, ["active"]);
  return new Map([...found].map(([xmlid, record]) => [xmlid, record.values["active"] !== false]));
}

function byStep<T extends { readonly step: string }>(records: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records) groups.set(record.step, [...(groups.get(record.step) ?? []), record]);
  return groups;
}

/** `deleted archive`: archives what can be archived of the records whose row is gone, and says what was done with each. */
export async function archiveDisappeared(context: DeletionContext, records: readonly DisappearedRecord[]): Promise<DisappearedRecord[]> {
  const { plan, target } = context;
  const marks = context.journal.archiveMarks();
  const steps = new Map(plan.steps.map((step) => [step.id, step]));
  const outcome: DisappearedRecord[] = [];
  const decide = (record: DisappearedRecord, action: DisappearedRecord["action"], why?: string): void => {
    const { step, model, xmlid, id, key, run } = record;
    outcome.push({ step, model, xmlid, id, key, run, action, ...(why === undefined ? {} : { why }) });
  };
  for (const [stepId, group] of byStep(records)) {
    const step = steps.get(stepId);
    if (step === undefined) continue;
    const index = context.indexes.entities.get(step.entity);
    const incomplete = index === undefined ? `the export has no ${step.entity} entity` : incompleteRead(index);
    const cannot = context.sample
      ? "a sample run archives nothing: run the whole export"
      : incomplete !== undefined
        ? incomplete
        : target.setActive === undefined || target.hasActiveField === undefined
          ? "this target cannot archive"
          : !(await target.hasActiveField(step.model))
            ? `${step.model} has no active field`
            : undefined;
    const open: DisappearedRecord[] = [];
    for (const record of group) {
      const mark = marks.get(record.xmlid);
      if (mark?.archived === true) decide(record, "already archived", `by run ${mark.run}`);
      else if (cannot !== undefined) decide(record, "not archived", cannot);
      else open.push(record);
    }
    if (open.length === 0) continue;
    const now = await activeNow(
      target,
      step.model,
      open.map((record) => record.xmlid),
    );
    const archiving: Candidate[] = [];
    for (const record of open) {
      const active = now.get(record.xmlid);
      if (active === undefined) decide(record, "not archived", "it is no longer in Odoo");
      else if (!active) decide(record, "already archived", "in Odoo");
      else {
        const known = context.known.get(record.xmlid);
        archiving.push({ xmlid: record.xmlid, id: record.id, instanceKey: known?.key ?? record.key, hash: known?.hash ?? "" });
      }
    }
    const { written, refused } = await setActiveJournaled(context, step, archiving, false);
    for (const record of open) {
      if (written.has(record.xmlid)) decide(record, "archived");
      const message = refused.get(record.xmlid);
      if (message !== undefined) decide(record, "not archived", `Odoo refused: ${message}`);
    }
  }
  const order = new Map(records.map((record, index) => [record.xmlid, index]));
  return outcome.sort((left, right) => (order.get(left.xmlid) ?? 0) - (order.get(right.xmlid) ?? 0));
}

/** Records runs archived whose row is back in the export get `active` back, before the steps write. */
export async function unarchiveReturned(context: DeletionContext): Promise<UnarchivedRecord[]> {
  const { plan, target } = context;
  if (context.sample || target.setActive === undefined) return [];
  const steps = new Map(plan.steps.map((step) => [step.id, step]));
  const returned: (UnarchivedRecord & { readonly candidate: Candidate })[] = [];
  for (const [xmlid, mark] of context.journal.archiveMarks()) {
    const known = context.known.get(xmlid);
    const step = known === undefined ? undefined : steps.get(known.step);
    if (!mark.archived || known === undefined || step === undefined) continue;
    const key = step.forEach === undefined ? known.key : known.key.replace(/#\d+$/, "");
    if (context.indexes.entities.get(step.entity)?.keys.has(key) !== true) continue;
    returned.push({
      step: step.id,
      model: step.model,
      xmlid,
      id: known.id,
      key,
      archivedBy: mark.run,
      candidate: { xmlid, id: known.id, instanceKey: known.key, hash: known.hash },
    });
  }
  const unarchived: UnarchivedRecord[] = [];
  for (const [stepId, group] of byStep(returned)) {
    const step = steps.get(stepId);
    if (step === undefined) continue;
    // Someone may have unarchived it in Odoo already: only archived ones are written.
    const now = await activeNow(
      target,
      step.model,
      group.map((record) => record.xmlid),
    );
    const archived = group.filter((record) => now.get(record.xmlid) === false);
    const { written } = await setActiveJournaled(
      context,
      step,
      archived.map((record) => record.candidate),
      true,
    );
    for (const record of archived)
      if (written.has(record.xmlid))
        unarchived.push({ step: record.step, model: record.model, xmlid: record.xmlid, id: record.id, key: record.key, archivedBy: record.archivedBy });
  }
  if (unarchived.length > 0)
    context.say(
      `${unarchived.length} record${unarchived.length === 1 ? "" : "s"} archived by earlier runs ha${unarchived.length === 1 ? "s its row" : "ve their rows"} back in the export: unarchived`,
    );
  return unarchived;
}

/**
 * Records earlier runs wrote whose row is gone from the export: looked up in the index of the
 * whole export, so rows a sample or a delta leaves out are not gone. A row the reader rejected
 * is still there (its reject says why it was not written). Only a target that keeps records has any.
 */
export function findDisappeared(plan: Plan, target: LoadTarget, indexes: Indexes, known: ReadonlyMap<string, KnownRecord>): DisappearedRecord[] {
  if (!target.capabilities.keepsRecords) return [];
  const steps = new Map(plan.steps.map((step) => [step.id, step]));
  const archiving = plan.migration.deleted === "archive";
  const gone: DisappearedRecord[] = [];
  for (const record of known.values()) {
    const step = steps.get(record.step);
    if (step === undefined) continue;
    const key = step.forEach === undefined ? record.key : record.key.replace(/#\d+$/, "");
    const index = indexes.entities.get(step.entity);
    if (index?.keys.has(key) === true || index?.rejectedKeys.has(key) === true) continue;
    gone.push({
      step: step.id,
      model: record.model,
      xmlid: record.xmlid,
      id: record.id,
      key,
      run: record.run,
      ...(archiving ? { action: "not archived" as const, why: "the run ended before archiving" } : { action: "reported" as const }),
    });
  }
  return gone;
}

/** Records listed by name before the run writes; run-summary.json lists them all. */
const DISAPPEARED_SHOWN = 10;

/** Says, before anything is written, what becomes of records whose row is gone. */
export function sayDisappeared(plan: Plan, target: LoadTarget, disappeared: readonly DisappearedRecord[], say: (text: string) => void): void {
  const archiving = plan.migration.deleted === "archive";
  if (target.capabilities.cannotArchive !== undefined && archiving) say(`deleted archive: ${target.capabilities.cannotArchive}`);
  if (disappeared.length === 0) return;
  const count = disappeared.length;
  say(
    `${count} record${count === 1 ? "" : "s"} written by earlier runs ha${count === 1 ? "s" : "ve"} no row in the export any more (${archiving ? "archived once the rows are written, where they can be" : "reported, not archived: the package does not say `deleted archive`"}):`,
  );
  for (const record of disappeared.slice(0, DISAPPEARED_SHOWN))
    say(`  ${record.xmlid} (${record.model} ${record.id}, ${record.step} row ${JSON.stringify(record.key)})`);
  if (count > DISAPPEARED_SHOWN) say(`  ... and ${count - DISAPPEARED_SHOWN} more (run-summary.json lists them all)`);
}

/** `deleted archive`, once the rows are written: archives the records whose row is gone, and says what became of each. */
export async function archiveGone(context: DeletionContext, disappeared: readonly DisappearedRecord[]): Promise<readonly DisappearedRecord[]> {
  if (context.plan.migration.deleted !== "archive" || !context.journal.keeping || disappeared.length === 0) return disappeared;
  const outcome = await archiveDisappeared(context, disappeared);
  const archived = outcome.filter((record) => record.action === "archived").length;
  if (archived > 0)
    context.say(`archived ${archived} record${archived === 1 ? "" : "s"} whose row is gone (active = false; flitmap rollback of this run unarchives them)`);
  const reasons = new Map<string, number>();
  for (const record of outcome) {
    if (record.action === "archived") continue;
    const reason = `${record.action}${record.why === undefined ? "" : ` (${record.why})`}`;
    reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  for (const [reason, count] of reasons) context.say(`  ${count} ${reason}`);
  return outcome;
}

/**
 * Before the steps write, where a journal is kept on a target that keeps records: records runs
 * archived whose row is back get `active` back. A step that writes `active` itself (a lost deal
 * stays archived) writes its records again, so that its own value wins: they join `rewrite`.
 */
export async function unarchiveBack(context: DeletionContext, rewrite: Set<string>): Promise<readonly UnarchivedRecord[]> {
  if (!context.journal.keeping || !context.target.capabilities.keepsRecords) return [];
  const unarchived = await unarchiveReturned(context);
  const writesActive = new Set(context.plan.steps.filter((step) => step.operations.some((operation) => operation.field === "active")).map((step) => step.id));
  for (const record of unarchived) if (writesActive.has(record.step)) rewrite.add(record.xmlid);
  return unarchived;
}
