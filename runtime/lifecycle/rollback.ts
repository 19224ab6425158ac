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
 * resumes where it stopped; the run is marked rolled back at the end, once Odoo was checked to
 * hold none of the records the run created.
 *
 * It refuses, before writing anything, a damaged journal, records of the package's namespace in
 * Odoo that the journal does not account for (it lost what a run did: a rollback would leave
 * them), and a plan checked against another Odoo version than the run was (rollback-steps.ts
 * reads fields of the plan). A run that wrote nothing needs no rollback and blocks none.
 */
import type { Plan } from "../../compiler/plan/schema.js";
import { damagedJournalMessage, unaccountedMessage, unaccountedRecords } from "../journal/guard.js";
import { runStart, summarizeRuns, type Journal, type RunSummary } from "../journal/journal.js";
import type { OdooClient } from "../odoo/index.js";
import { DEFAULT_SETTLE_MS, inFlight, settleInFlight } from "./in-flight.js";
import { resolvePending, rollbackTargets, runActions } from "./rollback-actions.js";
import {
  changedSince,
  currentDates,
  deleteCreated,
  groupBy,
  leftBehind,
  removeCustomFields,
  removeSetupRecords,
  restoreValues,
  type KeptItem,
  type Refusal,
  type SetupOutcome,
  type StepContext,
} from "./rollback-steps.js";

export type { Refusal } from "./rollback-steps.js";

export interface RollbackOptions {
  readonly journal: Journal;
  readonly client: OdooClient;
  /** The plan of the package, checked against the Odoo version the run was: which fields point to reference records, to tell whether they are used. */
  readonly plan: Plan;
  /** Default: the latest run that wrote something and is not rolled back. */
  readonly run?: string;
  /** Roll back even records changed in Odoo after the run (their changes are lost), or a run later runs built on. */
  readonly force?: boolean;
  readonly say?: (text: string) => void;
  /** How the package was named on the command line, for the commands a refusal suggests. */
  readonly packageArgument?: string;
  /** How long after a stopped run's last step its unanswered calls may still land in Odoo (default 120 s). */
  readonly settleMs?: number;
}

export interface RolledBackModel {
  readonly model: string;
  readonly count: number;
}

export interface RollbackResult {
  readonly status: "complete" | "refused" | "partial" | "nothing to do";
  readonly run?: string;
  readonly message: string;
  readonly deleted: readonly RolledBackModel[];
  readonly restored: readonly RolledBackModel[];
  readonly removed: readonly SetupOutcome[];
  readonly kept: readonly KeptItem[];
  readonly refusals: readonly Refusal[];
  /** Records the journal has no stamp for (journals written before stamps existed): not checked. */
  readonly unchecked: number;
}

const EMPTY = { deleted: [], restored: [], removed: [], kept: [], refusals: [], unchecked: 0 } as const;

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
  const run = [...live].reverse().find((candidate) => candidate.status !== "rolled back" && candidate.wrote);
  return run === undefined ? {} : { run };
}

/** The run `flitmap rollback` takes: the one named (or by a prefix of its id), else the latest that wrote something and is not rolled back. */
export function runToRollBack(journal: Journal, wanted?: string): RunSummary | undefined {
  return chooseRun(summarizeRuns(journal.events), wanted).run;
}

function tally(targets: readonly { model: string }[]): RolledBackModel[] {
  return [...groupBy(targets, (target) => target.model)].map(([model, list]) => ({ model, count: list.length }));
}

/** What stops a rollback before it reads Odoo: the run to roll back, or why there is none or it may not be. */
function preflight(options: RollbackOptions): { summary: RunSummary } | { result: RollbackResult } {
  const { journal, client, plan } = options;
  if (journal.damaged) return { result: { status: "refused", message: damagedJournalMessage(journal, options.packageArgument), ...EMPTY } };
  const runs = summarizeRuns(journal.events);
  const chosen = chooseRun(runs, options.run);
  if (chosen.problem !== undefined) return { result: { status: "refused", message: chosen.problem, ...EMPTY } };
  const summary = chosen.run;
  if (summary === undefined)
    return { result: { status: "nothing to do", message: "the journal holds no run into Odoo that wrote something and is not rolled back", ...EMPTY } };
  const run = summary.run;
  if (summary.status === "rolled back") return { result: { status: "nothing to do", run, message: `run ${run} is already rolled back`, ...EMPTY } };
  if (!summary.wrote) return { result: { status: "nothing to do", run, message: `run ${run} wrote nothing to Odoo: there is nothing to roll back`, ...EMPTY } };
  const start = runStart(journal.events, run);
  if (start !== undefined && !(start.target.includes(client.url) && start.target.includes(`database ${client.database}`))) {
    return {
      result: { status: "refused", run, message: `run ${run} wrote to ${start.target}, not to ${client.describe()}: connect to that server`, ...EMPTY },
    };
  }
  if (start?.series !== undefined && start.series !== plan.target.series) {
    const message = `run ${run} was checked against Odoo ${start.series}, but this plan against ${plan.target.series}: compile the package for ${start.series} (--target ${start.series}) to roll it back`;
    return { result: { status: "refused", run, message, ...EMPTY } };
  }
  // Runs that wrote nothing do not build on this one.
  const later = runs.filter(
    (candidate) => candidate.mode === "live" && candidate.started > summary.started && candidate.status !== "rolled back" && candidate.wrote,
  );
  if (later.length > 0 && options.force !== true) {
    const message = `run ${run} has later runs that were not rolled back (${later.map((candidate) => candidate.run).join(", ")}): roll them back first, or give --force`;
    return { result: { status: "refused", run, message, ...EMPTY } };
  }
  return { summary };
}

function refusedForChanges(run: string, refusals: readonly Refusal[], unchecked: number): RollbackResult {
  const listed = refusals
    .slice(0, 10)
    .map(
      (refusal) =>
        `  ${refusal.model} ${refusal.id} (${refusal.xmlid}): written by the run at ${refusal.writtenByRun} UTC, changed in Odoo at ${refusal.changedAt} UTC`,
    );
  const message = [
    `${refusals.length} record${refusals.length === 1 ? " was" : "s were"} changed in Odoo after run ${run} wrote ${refusals.length === 1 ? "it" : "them"}; nothing was rolled back:`,
    ...listed,
    ...(refusals.length > 10 ? [`  ... and ${refusals.length - 10} more`] : []),
    "Roll back anyway with --force: those changes will be lost.",
  ].join("\n");
  return { status: "refused", run, message, ...EMPTY, refusals, unchecked };
}

export async function rollbackRun(options: RollbackOptions): Promise<RollbackResult> {
  const { journal, client, plan } = options;
  const checked = preflight(options);
  if ("result" in checked && checked.result.status !== "nothing to do") return checked.result;
  // Nothing to do by the journal, while Odoo holds records it lost, is not nothing to do.
  const unaccounted = await unaccountedRecords(journal, client, plan);
  if (unaccounted.length > 0) {
    const message = unaccountedMessage(unaccounted, journal.path, plan.migration.namespace, options.packageArgument);
    return { status: "refused", ...("summary" in checked ? { run: checked.summary.run } : {}), message, ...EMPTY };
  }
  if ("result" in checked) return checked.result;
  const run = checked.summary.run;

  const say = options.say ?? (() => undefined);
  await settleInFlight(inFlight(journal.events, run), client, { settleMs: options.settleMs ?? DEFAULT_SETTLE_MS, say });
  const actions = runActions(journal.events, run);
  await resolvePending(actions, client);
  const { toDelete, toRestore } = rollbackTargets(actions);
  // Which of them still exist, and whether anyone changed them after the run.
  const current = await currentDates(client, [...toDelete, ...toRestore]);
  const { refusals, unchecked } = changedSince([...toDelete, ...toRestore], current, actions.stamps);
  if (refusals.length > 0 && options.force !== true) return refusedForChanges(run, refusals, unchecked);

  journal.append({ type: "rollback-start", run, time: new Date().toISOString(), forced: options.force === true });
  const context: StepContext = { journal, client, plan, run, say };
  const removed: SetupOutcome[] = [];
  const kept: KeptItem[] = [];
  let deletedCount = 0;
  // Records the journal says the run created that Odoo no longer held (deleted already, by hand or by an earlier rollback the journal lost).
  let goneCount = 0;
  let restoredCount = 0;
  const partial = (message: string): RollbackResult => {
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
  };
  try {
    await restoreValues(context, toRestore, current, (count) => (restoredCount += count));
    context.say(`restored the earlier values of ${restoredCount} record${restoredCount === 1 ? "" : "s"}`);
    await deleteCreated(context, toDelete, (count, gone) => {
      deletedCount += count;
      goneCount += gone;
    });
    await removeSetupRecords(context, actions, removed, kept);
    await removeCustomFields(context, actions, removed, kept);
  } catch (error) {
    return partial(error instanceof Error ? error.message : String(error));
  }
  // A call of the run that landed after the settle time shows here too: its records are left behind.
  const unseen = [...actions.pending.values()].filter((target) => !actions.created.has(target.xmlid));
  const left = await leftBehind(client, [...actions.created.values(), ...unseen]);
  if (left.length > 0)
    return partial(
      `Odoo still holds ${left.length} record${left.length === 1 ? "" : "s"} the run created: ${left
        .slice(0, 5)
        .map((target) => `${target.xmlid} (${target.model} ${target.id})`)
        .join(", ")}`,
    );
  journal.append({ type: "rollback", run, time: new Date().toISOString(), deleted: deletedCount, restored: restoredCount, status: "complete" });
  return {
    status: "complete",
    run,
    message: `run ${run} rolled back: ${deletedCount - goneCount} record${deletedCount - goneCount === 1 ? "" : "s"} deleted${goneCount > 0 ? ` (${goneCount} more no longer in Odoo)` : ""}, ${restoredCount} restored, ${removed.length} set-up item${removed.length === 1 ? "" : "s"} removed${kept.length > 0 ? `, ${kept.length} kept (still in use)` : ""}${refusals.length > 0 ? ` (forced over ${refusals.length} records changed after the run)` : ""}`,
    deleted: tally(toDelete),
    restored: tally(toRestore.filter((target) => current.get(target.xmlid) !== false)),
    removed,
    kept,
    refusals,
    unchecked,
  };
}
