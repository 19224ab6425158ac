/**
 * Executes a plan: reads the export, transforms every row, writes to the target in dependency
 * order, and accounts for every source row: loaded, linked, skipped by a condition, or rejected
 * with a reason. Nothing is lost silently; `rows in = loaded + linked + skipped + rejected +
 * duplicates + not selected` is checked per entity.
 *
 * `runPlan` is the table of contents of a run; each part has its module here:
 *   run-types.ts        what a run is given and gives back
 *   run-journal.ts      every journal write of a run, and what earlier runs wrote
 *   export-reads.ts     how the export is read: each entity as few times as the plan allows
 *   indexes.ts          what is kept of the export's rows for other rows
 *   lookups.ts          lookups fetched once, matched in memory, fallbacks, `missing halt`
 *   environment.ts      what the evaluator may ask while it computes a row
 *   collapse.ts         the N:N collapse of `with` blocks, and how linked rows are counted
 *   selection.ts        which rows a run writes (samples, deltas)
 *   deletions.ts        records whose row is gone: reported, archived, unarchived
 *   setup.ts            custom fields and reference records
 *   step-evaluator.ts   the seam: a row into cells, notes, or a reason to reject it
 *   step-writer.ts      a step's main pass, in batches (batch-writer.ts writes each)
 *   deferred-writes.ts  the second pass (self-references)
 *   write-stamps.ts     write dates of the records written, read once the run is over
 *   accounting.ts       outcomes, counts, rejects, notes, and the reconciliation
 */
import type { EntityPlan, Plan, StepPlan } from "../../compiler/plan/schema.js";
import type { SetupOutcome } from "../targets/target.js";
import type { EvaluationEnvironment } from "../transform/evaluate.js";
import type { RecordRef } from "../transform/values.js";
import { RunAccounting } from "./accounting.js";
import { writeDeferred } from "./deferred-writes.js";
import {
  archiveGone,
  findDisappeared,
  sayDisappeared,
  unarchiveBack,
  type DeletionContext,
  type DisappearedRecord,
  type UnarchivedRecord,
} from "./deletions.js";
import { runEnvironment } from "./environment.js";
import { FeedsDigests } from "./feeds.js";
import { ExportReads } from "./export-reads.js";
import type { Indexes } from "./indexes.js";
import { haltMisses, RunLookups } from "./lookups.js";
import { RunJournal, type EarlierRuns } from "./run-journal.js";
import type { EntitySource, RowFilter, RowSource, RunOptions, RunResult } from "./run-types.js";
import { chooseRows } from "./selection.js";
import { listMatchingFiles } from "../source/files.js";
import { setUp } from "./setup.js";
import { stepEvaluators } from "./step-evaluator.js";
import { MergeBases } from "./merges.js";
import { writeStep, type StepParts } from "./step-writer.js";
import { Hierarchies } from "./hierarchies.js";
import { readPlanEntity } from "./source-rows.js";
import { exportFingerprint } from "./export-fingerprint.js";
import { WrittenRecords } from "./write-stamps.js";

export type {
  EntityCounts,
  EntitySource,
  NoteCount,
  RejectRecord,
  RowFilter,
  RowId,
  RowSelection,
  RowSource,
  RowStatus,
  RunOptions,
  RunReporter,
  RunResult,
  SelectionContext,
  StepCounts,
  StepProgress,
} from "./run-types.js";
export type { DisappearedRecord, UnarchivedRecord } from "./deletions.js";

/** Misses a halted run lists by name. */
const MISSES_SHOWN = 20;

export async function runPlan(options: RunOptions): Promise<RunResult> {
  const { plan, target } = options;
  const run = await startRun(options);
  if (await exportHoldsNoFile(options)) return haltEmpty(run);
  const { reads } = run;
  const indexes = reads.indexes;
  run.say(`reading the export in ${options.sourceDirectory}`);
  if (wholeExportFirst(run)) await reads.indexAll();
  const lookups = await runLookups(run);
  const feeds = new FeedsDigests(plan, indexes);
  const filter = await chooseRows(options, {
    plan,
    indexes,
    rows: reads.again,
    ...(options.journal === undefined ? {} : { journal: options.journal }),
    stepsOf: run.stepsOf,
    feeds,
    environment: environmentOf(run, indexes, lookups, undefined),
    say: run.say,
  });
  const environment = environmentOf(run, indexes, lookups, filter);
  const disappeared = findDisappeared(plan, target, indexes, run.earlier.known);
  sayDisappeared(plan, target, disappeared, run.say);
  const misses = await haltMisses(plan, reads.again, filter, environment);
  if (misses.length > 0) return halt(run, indexes, misses, disappeared);
  run.journal.runStart();
  run.written.rememberEarlierAttempt(run.journal);
  const end = await write(run, { indexes, lookups, feeds, filter, environment }, disappeared);
  // The accounting covers every entity, those no step read too.
  await reads.indexAll();
  return runResult(run, indexes, end);
}

/**
 * Whether the whole export must be indexed before anything is written: a selection chooses rows
 * from all of it, a `missing halt` lookup is checked on every row first, and records earlier runs
 * wrote are looked up in it to tell which are gone. Otherwise each entity is indexed when a step
 * first needs it (runtime/execute/export-reads.ts).
 */
function wholeExportFirst(run: RunStart): boolean {
  const { plan, selection } = run.options;
  return selection !== undefined || plan.lookups.some((lookup) => lookup.missing.policy === "halt") || run.earlier.known.size > 0;
}

/** What every part of a run shares from its start. */
interface RunStart {
  readonly started: Date;
  readonly options: RunOptions;
  readonly rows: RowSource;
  readonly reads: ExportReads;
  readonly journal: RunJournal;
  readonly earlier: EarlierRuns;
  readonly accounting: RunAccounting;
  readonly written: WrittenRecords;
  /** The reference records the setup made or found, by external ID. */
  readonly setupRefs: Map<string, RecordRef>;
  readonly batchSize: number;
  readonly journalChecked: boolean;
  /** What the export's files hold (export-fingerprint.ts), when the run reads them and keeps a journal. */
  readonly exportFingerprint: string | undefined;
  readonly stepsOf: (entity: string) => readonly StepPlan[];
  say(text: string): void;
}

async function startRun(options: RunOptions): Promise<RunStart> {
  const { plan, target, sample, seed, since, settings } = options;
  const started = new Date();
  const identity = {
    plan,
    mode: target.mode,
    target: target.describe(),
    ...(sample === undefined ? {} : { sample }),
    ...(seed === undefined ? {} : { seed }),
    ...(since === undefined ? {} : { since }),
    ...(settings === undefined || Object.keys(settings).length === 0 ? {} : { settings }),
  };
  const journal = RunJournal.of(options.journal, identity, started);
  options.rejects?.start(journal.runId);
  const stepsByEntity = new Map<string, StepPlan[]>();
  for (const step of plan.steps) stepsByEntity.set(step.entity, [...(stepsByEntity.get(step.entity) ?? []), step]);
  const earlier = journal.earlierRuns();
  // Cells name the records earlier runs made by their external IDs, where the target can.
  target.recordsMade?.(earlier.known.values());
  const rows: RowSource = options.rows ?? ((entity, winners) => readPlanEntity(entity, options.sourceDirectory, winners));
  const say = (text: string): void => options.reporter?.line(text);
  const reads = new ExportReads(plan, rows, say);
  return {
    started,
    options,
    rows,
    reads,
    journal,
    earlier,
    accounting: new RunAccounting(plan, reads.indexes, options.rejects),
    written: new WrittenRecords(target),
    setupRefs: new Map(),
    batchSize: options.batchSize ?? target.capabilities.writeRows ?? 1000,
    journalChecked: options.journalChecked === true,
    exportFingerprint: options.rows === undefined && journal.keeping ? await exportFingerprint(options.sourceDirectory) : undefined,
    stepsOf: (entity) => stepsByEntity.get(entity) ?? [],
    say,
  };
}

/**
 * The lookups: the answers the last run gave when it read the same export with the same plan and
 * setup (nothing fetched), or else fetched from the target.
 */
async function runLookups(run: RunStart): Promise<RunLookups> {
  const { plan, target, refreshLookups, retryRefused } = run.options;
  // Rows refused before and sent again may ask what the last run never asked: their second pass.
  const answers =
    run.exportFingerprint === undefined || refreshLookups === true || retryRefused === true || run.journal.setupOfLastRun(plan) === undefined
      ? undefined
      : run.journal.lookupAnswersOfLastRun(run.exportFingerprint);
  return answers === undefined ? RunLookups.fetch(plan, target, run.say) : RunLookups.remembered(plan, target, answers, run.say);
}

function environmentOf(run: RunStart, indexes: Indexes, lookups: RunLookups, filter: RowFilter | undefined): EvaluationEnvironment {
  const { plan, target, sourceDirectory } = run.options;
  return runEnvironment({
    plan,
    indexes,
    lookup: lookups.lookup,
    sourceDirectory,
    stepRecord: (step, key) => run.accounting.stepRecord(step, key),
    known: run.earlier.known,
    filter,
    capabilities: target.capabilities,
    setupRefs: run.setupRefs,
  });
}

/** How a run ended, for its result. */
interface RunEnd {
  readonly status: RunResult["status"];
  readonly message?: string;
  readonly setup: readonly SetupOutcome[];
  readonly disappeared: readonly DisappearedRecord[];
  readonly unarchived: readonly UnarchivedRecord[];
}

/** Rows a `halt` lookup cannot match: the run stops before it writes anything, and says which. */
function halt(run: RunStart, indexes: Indexes, misses: readonly string[], disappeared: readonly DisappearedRecord[]): RunResult {
  run.say(`halted before writing anything: ${misses.length} row${misses.length === 1 ? "" : "s"} name a record a \`halt\` lookup cannot find`);
  for (const miss of misses.slice(0, MISSES_SHOWN)) run.say(`  ${miss}`);
  return runResult(run, indexes, { status: "halted", message: `${misses.length} lookup misses with the halt policy`, setup: [], disappeared, unarchived: [] });
}

/**
 * Whether the export folder holds none of the files of any entity (a wrong or empty `--source`):
 * such a run has nothing to migrate, so it stops before the setup writes anything to the target.
 */
async function exportHoldsNoFile(options: RunOptions): Promise<boolean> {
  if (options.rows !== undefined || options.plan.entities.length === 0) return false;
  for (const entity of options.plan.entities) {
    if ((await listMatchingFiles(options.sourceDirectory, entity.pattern)).length > 0) return false;
  }
  return true;
}

function haltEmpty(run: RunStart): RunResult {
  const message = `${run.options.sourceDirectory} holds none of the export's files`;
  run.say(`halted before writing anything: ${message}`);
  return runResult(run, run.reads.indexes, { status: "halted", message, setup: [], disappeared: [], unarchived: [] });
}

/** The writes of a run, journaled: setup, records back from the archive, every step, their second passes, archiving, write stamps. */
async function write(
  run: RunStart,
  prepared: {
    indexes: Indexes;
    lookups: RunLookups;
    feeds: FeedsDigests;
    filter: RowFilter | undefined;
    environment: EvaluationEnvironment;
  },
  disappeared: readonly DisappearedRecord[],
): Promise<RunEnd> {
  const { plan, target, reporter, sample } = run.options;
  const { journal } = run;
  const rewrite = new Set<string>();
  const evaluator = stepEvaluators(plan, prepared.environment, target.referenceStyle);
  const mergeBases = new MergeBases(plan);
  const steps: StepParts = { ...run, ...prepared, plan, target, rewrite, evaluator, mergeBases, reporter, retryRefused: run.options.retryRefused === true };
  const deletions: DeletionContext = { ...run, plan, target, indexes: prepared.indexes, known: run.earlier.known, sample: sample !== undefined };
  let end: RunEnd = { status: "complete", setup: [], disappeared, unarchived: [] };
  try {
    end = { ...end, setup: await setUp(plan, target, journal, run.setupRefs, run.say) };
    prepared.lookups.addSetupRecords(run.setupRefs);
    end = { ...end, unarchived: await unarchiveBack(deletions, rewrite) };
    for (const step of plan.steps) {
      await run.reads.prepare(step, "main");
      await writeStep(steps, step, entityOf(plan, step));
    }
    const hierarchies = new Hierarchies();
    for (const step of plan.steps) {
      if (step.deferred.length === 0) continue;
      await run.reads.prepare(step, "deferred");
      await writeDeferred(steps, step, entityOf(plan, step), hierarchies);
    }
    end = { ...end, disappeared: await archiveGone(deletions, disappeared) };
    await run.written.stamp(target, journal);
    if (run.exportFingerprint !== undefined) journal.lookups(run.exportFingerprint, prepared.lookups.answers());
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // What the run wrote before it failed is stamped too, when the target still answers.
    await run.written.stamp(target, journal).catch(() => undefined);
    journal.runEnd("failed", message);
    await target.close().catch(() => undefined);
    return { ...end, status: "failed", message };
  }
  await target.close();
  journal.runEnd("complete");
  return end;
}

function entityOf(plan: Plan, step: StepPlan): EntityPlan {
  const entity = plan.entities.find((candidate) => candidate.name === step.entity);
  if (entity === undefined) throw new Error(`the plan has no entity ${step.entity}`);
  return entity;
}

function runResult(run: RunStart, indexes: Indexes, end: RunEnd): RunResult {
  const { entities, errors } = run.accounting.reconcile(indexes, (entity) => run.stepsOf(entity).length > 0);
  run.options.rejects?.end();
  return {
    runId: run.journal.runId,
    status: end.status,
    ...(end.message === undefined ? {} : { message: end.message }),
    target: run.options.target.describe(),
    entities,
    sources: entitySources(indexes),
    steps: run.accounting.steps(),
    rejects: run.accounting.rejects,
    ...(run.accounting.merges.length === 0 ? {} : { merges: run.accounting.merges }),
    notes: run.accounting.noteCounts(),
    setup: end.setup,
    disappeared: end.disappeared,
    unarchived: end.unarchived,
    reconciliationErrors: errors,
    startedAt: run.started.toISOString(),
    durationMs: Date.now() - run.started.getTime(),
  };
}

/** The reader's findings per entity, for the verdict on the run (entities whose rows came from files). */
function entitySources(indexes: Indexes): EntitySource[] {
  return [...indexes.entities.values()].flatMap(({ entity, report }) =>
    report === undefined
      ? []
      : [
          {
            entity: entity.name,
            pattern: entity.pattern,
            files: report.files.map(({ file, encoding, encodingNote, rows, rejected, rejectedForEncoding, rejectedForMonthFirst, monthFirstExample }) => ({
              file,
              encoding,
              encodingNote,
              rows,
              rejected,
              rejectedForEncoding,
              rejectedForMonthFirst,
              monthFirstExample,
            })),
            problems: report.problems,
            missingHeaders: report.missingHeaders,
            extraHeaders: report.extraHeaders,
          },
        ],
  );
}
