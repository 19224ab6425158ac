/**
 * The assessment (`flitmap plan`): what a run of the package on this export would do, before
 * anything moves. The executor itself does the work, as a dry run (every row read, transformed
 * and checked, nothing written), so the counts and rejects are the ones a real run gets; around
 * it the assessment adds what a dry run does not tell: which lookup values match the target and
 * which fall to their missing policy, how many-to-many links collapse, which source data no
 * mapping reads, and what the target already holds (custom fields, records, apps).
 */
import type { EntityPlan, MissingPolicyPlan, Plan } from "../../compiler/plan/schema.js";
import { buildIndexes, type Indexes } from "../execute/indexes.js";
import { runPlan, type RowFilter, type RowSource, type RunReporter, type RunResult } from "../execute/run.js";
import { readPlanEntity } from "../execute/source-rows.js";
import { headersNoEntityDeclares } from "../execute/unread-headers.js";
import { judgeRun, type RejectLimit } from "../execute/verdict.js";
import { listMatchingFiles, type SourceReadReport } from "../source/index.js";
import { DryRunTarget } from "../targets/dry-run-target.js";
import type { LoadTarget, TargetCapabilities, TargetRecord } from "../targets/target.js";
import { columnsReadByPlan, linkBlocks, type LinkBlock } from "./expressions.js";
import { lookupCensus, type LookupCensus } from "./lookup-census.js";
import { Masker } from "./mask.js";
import { maskedNotes, type ValueNote } from "./notes.js";
import { groupRejects, type RejectGroup } from "./rejects.js";
import type { AppFact, CustomFieldFact, RecordFact, TargetFacts } from "./target-facts.js";
import { findWorkflowExports } from "./workflows.js";

export const ASSESSMENT_FORMAT = "flitmap-assessment";

export interface FileFact {
  readonly file: string;
  readonly rows: number;
  readonly encoding: string;
  readonly delimiter: string;
  /** Whether the encoding or delimiter was detected rather than declared. */
  readonly detected: boolean;
  /** Why the encoding was detected or overrode the declaration (`not UTF-8 ...; read as Windows-1252`). */
  readonly note?: string;
}

export interface EntityAssessment {
  readonly entity: string;
  readonly files: readonly FileFact[];
  readonly read: number;
  /** Rows that make at least one record. */
  readonly loaded: number;
  /** Rows written onto another entity's row's record (`merge onto`). */
  readonly merged: number;
  /** Rows read into another entity's records by a `with` block. */
  readonly linked: number;
  readonly skipped: number;
  readonly rejected: number;
  /** Rows whose key repeats one already read, merged by the entity's rule. */
  readonly duplicates: number;
  readonly duplicateRule: string;
}

export interface StepAssessment {
  readonly step: string;
  readonly entity: string;
  readonly model: string;
  readonly records: number;
  readonly skipped: number;
  readonly rejected: number;
  /** Records that get a second write (self-references) once all exist. */
  readonly deferred: number;
}

export interface LookupAssessment extends LookupCensus {
  /** What happens to a row whose value matches nothing, in words. */
  readonly consequence: string;
}

export interface LinkAssessment extends LinkBlock {
  /** Rows of the linked entity that name a record (before the block's `when`). */
  readonly linkRows: number;
  /** Records with at least one linked row. */
  readonly withLinks: number;
  /** Records with more than one: where the collapse decides something. */
  readonly withSeveral: number;
  readonly mostOnOne: number;
  /** Linked rows naming a record the export does not have. */
  readonly dangling: number;
}

export type ValueNoteAssessment = ValueNote;

export interface UnusedData {
  /** Declared columns no mapping reads: ignored on purpose (`ignore`), or by no decision at all. */
  readonly columns: readonly { readonly entity: string; readonly column: string; readonly header: string; readonly why: "ignored" | "read by no mapping" }[];
  /** Headers in the files that no column declares. */
  readonly headers: readonly { readonly entity: string; readonly file: string; readonly header: string }[];
  /** CSV files of the export no entity reads. */
  readonly files: readonly string[];
  /** Those of them that hold workflow definitions: not data, `flitmap workflows` renders them for a person to rebuild. */
  readonly workflowFiles: readonly string[];
}

export interface Assessment {
  readonly format: typeof ASSESSMENT_FORMAT;
  readonly version: 1;
  readonly migration: string;
  readonly sourceDirectory: string;
  readonly target: { readonly series: string; readonly knowledge: "server" | "catalog"; readonly description: string };
  /** ready: a run would go through; halted: a `halt` lookup misses, so the run would stop before writing. */
  readonly outcome: "ready" | "halted" | "failed";
  readonly message?: string;
  readonly totals: {
    readonly rowsRead: number;
    readonly records: number;
    readonly rejectedRows: number;
    readonly unmatchedLookupRows: number;
    readonly customFieldsToCreate: number;
    readonly recordsToCreate: number;
    readonly appsMissing: number;
  };
  readonly entities: readonly EntityAssessment[];
  readonly steps: readonly StepAssessment[];
  readonly customFields: readonly CustomFieldFact[];
  readonly records: readonly RecordFact[];
  readonly lookups: readonly LookupAssessment[];
  readonly links: readonly LinkAssessment[];
  readonly rejects: { readonly total: number; readonly groups: readonly RejectGroup[] };
  readonly values: readonly ValueNoteAssessment[];
  readonly unused: UnusedData;
  readonly apps: { readonly needed: readonly AppFact[]; readonly installed: readonly string[]; readonly missing: readonly string[] };
  readonly warnings: readonly string[];
  /** What would make a run's result not what the package promises (among the warnings too): a run would end with exit code 1. */
  readonly problems: readonly string[];
  /** Whether the package marks personal columns, masked everywhere in this assessment. */
  readonly masked: boolean;
}

export interface AssessOptions {
  readonly plan: Plan;
  readonly sourceDirectory: string;
  readonly facts: TargetFacts;
  /** A live target to resolve lookups against; without it, the plan's catalog knowledge. */
  readonly reader?: LoadTarget;
  /** Columns the package ignores on purpose (`ignore x`), by entity: known to the compiler, not to the plan. */
  readonly ignoredColumns?: ReadonlyMap<string, ReadonlySet<string>>;
  readonly reporter?: RunReporter;
  readonly filter?: RowFilter;
  /** The `--max-rejects` a run would be held to (default: the run's default). */
  readonly rejectLimit?: RejectLimit;
}

/**
 * A dry-run target that remembers the records each lookup was offered. Records without an external
 * ID (a user created by hand) get a stand-in one: a dry run references records by external ID, and
 * would otherwise match none of them although a live run would.
 */
class AssessmentTarget implements LoadTarget {
  readonly mode = "dry-run" as const;
  readonly referenceStyle = "xmlid" as const;
  get capabilities(): TargetCapabilities {
    return this.inner.capabilities;
  }
  readonly offered = new Map<string, readonly TargetRecord[]>();
  private readonly inner: DryRunTarget;

  constructor(private readonly reader: LoadTarget | undefined) {
    this.inner = new DryRunTarget(reader);
  }

  describe(): string {
    return this.inner.describe();
  }

  async lookupRecords(lookup: Parameters<LoadTarget["lookupRecords"]>[0]): Promise<readonly TargetRecord[]> {
    const records = (await this.inner.lookupRecords(lookup)).map((record) =>
      record.xmlid === undefined && record.id !== undefined ? { ...record, xmlid: `__assessment__.${lookup.model.replace(/\./g, "_")}_${record.id}` } : record,
    );
    this.offered.set(lookup.name, records);
    return records;
  }

  ensureCustomFields: LoadTarget["ensureCustomFields"] = (fields) => this.inner.ensureCustomFields(fields);
  ensureRecords: LoadTarget["ensureRecords"] = (records) => this.inner.ensureRecords(records);
  existing: LoadTarget["existing"] = () => this.inner.existing();
  write: LoadTarget["write"] = (batch) => this.inner.write(batch);

  async close(): Promise<void> {
    // The reader belongs to the caller, who may still ask it questions.
  }
}

export function missingConsequence(missing: MissingPolicyPlan, fallbackRecord: string | undefined): string {
  switch (missing.policy) {
    case "reject":
      return "the row is rejected";
    case "flag":
      return "the field is left empty and reported";
    case "halt":
      return "the run stops before anything is written";
    case "fallback":
      return fallbackRecord === undefined
        ? `the fallback ${JSON.stringify(missing.value)} matches nothing either: the row is rejected`
        : `${JSON.stringify(missing.value)} (${fallbackRecord}) is used instead`;
  }
}

function duplicateRule(entity: EntityPlan): string {
  switch (entity.duplicates.keep) {
    case "first":
      return "the first row of a key is kept";
    case "last":
      return "the row in the last file is kept";
    case "newest":
      return `the row with the newest ${entity.duplicates.by ?? "modification"} is kept`;
  }
}

function linkAssessment(block: LinkBlock, indexes: Indexes): LinkAssessment {
  const rows = indexes.entities.get(block.linkedEntity)?.linkGroups(block.by) ?? [];
  const keys = indexes.entities.get(block.entity)?.keys ?? new Set<string>();
  let linkRows = 0;
  let withLinks = 0;
  let withSeveral = 0;
  let mostOnOne = 0;
  let dangling = 0;
  for (const [key, linked] of rows) {
    linkRows += linked;
    if (!keys.has(key)) {
      dangling += linked;
      continue;
    }
    withLinks += 1;
    if (linked > 1) withSeveral += 1;
    mostOnOne = Math.max(mostOnOne, linked);
  }
  return { ...block, linkRows, withLinks, withSeveral, mostOnOne, dangling };
}

function fileFacts(report: SourceReadReport | undefined): FileFact[] {
  return (report?.files ?? []).map((file) => ({
    file: file.file,
    rows: file.rows,
    encoding: file.encoding,
    delimiter: file.delimiter === "\t" ? "tab" : file.delimiter,
    detected: file.encodingDetected || file.delimiterDetected,
    ...(file.encodingNote === null ? {} : { note: file.encodingNote }),
  }));
}

async function unusedData(
  plan: Plan,
  sourceDirectory: string,
  reports: ReadonlyMap<string, SourceReadReport>,
  ignored: ReadonlyMap<string, ReadonlySet<string>>,
): Promise<UnusedData> {
  const read = columnsReadByPlan(plan);
  const columns: UnusedData["columns"][number][] = [];
  for (const entity of plan.entities) {
    const used = read.get(entity.name) ?? new Set<string>();
    const always = new Set([...entity.key, ...(entity.duplicates.by === undefined ? [] : [entity.duplicates.by])]);
    const candidates = [
      ...entity.columns.map((column) => ({ name: column.name, header: column.header, modified: column.modified })),
      ...entity.groups.flatMap((group) =>
        group.columns.map((column) => ({ name: `${group.name}.${column.name}`, header: column.header, modified: column.modified })),
      ),
    ];
    for (const column of candidates) {
      // A modification column serves delta pickup and duplicate resolution: it is used without a mapping reading it.
      if (used.has(column.name) || always.has(column.name) || column.modified) continue;
      const isIgnored = ignored.get(entity.name)?.has(column.name) === true;
      columns.push({ entity: entity.name, column: column.name, header: column.header, why: isIgnored ? "ignored" : "read by no mapping" });
    }
  }
  const headers: UnusedData["headers"][number][] = [];
  const readFiles = new Set<string>();
  const readings = [...reports].map(([entity, report]) => ({ entity, files: report.files, extraHeaders: report.extraHeaders }));
  for (const [entity, unread] of headersNoEntityDeclares(readings))
    for (const extra of unread) headers.push({ entity, file: extra.file, header: extra.header });
  for (const report of reports.values()) for (const file of report.files) readFiles.add(file.file);
  const files = (await listMatchingFiles(sourceDirectory, "*.{csv,CSV,txt,TXT}").catch(() => [] as string[])).filter((file) => !readFiles.has(file));
  const workflowFiles = (await findWorkflowExports(sourceDirectory).catch(() => [])).map((exported) => exported.file).filter((file) => files.includes(file));
  return { columns, headers, files, workflowFiles };
}

export async function assess(options: AssessOptions): Promise<Assessment> {
  const { plan, sourceDirectory, facts } = options;
  const masker = new Masker(plan);
  const reports = new Map<string, SourceReadReport>();
  // The reader's report of each entity (files, encodings, headers no column declares), kept from the first full read.
  const rows: RowSource = (entity) => {
    const reading = readPlanEntity(entity, sourceDirectory);
    return {
      rows: reading.rows,
      report: () => {
        const report = reading.report();
        if (report.complete && !reports.has(entity.name)) reports.set(entity.name, report);
        return report;
      },
    };
  };
  const target = new AssessmentTarget(options.reader);
  const result = await runPlan({
    plan,
    sourceDirectory,
    target,
    rows,
    ...(options.reporter === undefined ? {} : { reporter: options.reporter }),
    ...(options.filter === undefined ? {} : { filter: options.filter }),
  });
  const indexes = await buildIndexes(plan, rows);
  const filter = options.filter;
  const census = await lookupCensus({
    plan,
    rows,
    indexes,
    records: target.offered,
    masker,
    rejected: new Set(
      result.rejects.filter((reject) => reject.step !== undefined && reject.key !== undefined).map((reject) => `${reject.step ?? ""}\u0000${reject.key ?? ""}`),
    ),
    ...(filter === undefined ? {} : { includes: (entity: EntityPlan, row: Parameters<RowFilter["includes"]>[1]) => filter.includes(entity, row) }),
  });
  const lookups: LookupAssessment[] = census.map((entry) => ({ ...entry, consequence: missingConsequence(entry.missing, entry.fallbackRecord) }));
  const { entities, steps } = entityAndStepCounts(plan, result, reports);
  // What would make a run's result not what the package promises: the run's own verdict, so that both say the same.
  const problems = judgeRun(result, options.rejectLimit).problems.filter((problem) => problem.kind !== "run-not-complete");
  const { warnings, missingApps } = assessmentWarnings(problems, facts, lookups);
  const rejectGroups = groupRejects(result.rejects, masker);
  return {
    format: ASSESSMENT_FORMAT,
    version: 1,
    migration: plan.migration.name,
    sourceDirectory,
    target: { series: plan.target.series, knowledge: facts.knowledge, description: facts.description },
    outcome: result.status === "complete" ? "ready" : result.status,
    ...(result.message === undefined ? {} : { message: result.message }),
    totals: {
      rowsRead: entities.reduce((sum, entity) => sum + entity.read, 0),
      records: steps.reduce((sum, step) => sum + step.records, 0),
      rejectedRows: result.rejects.length,
      unmatchedLookupRows: lookups.reduce((sum, lookup) => sum + lookup.unmatchedRows, 0),
      customFieldsToCreate: facts.customFields.filter((field) => field.status === "create").length,
      recordsToCreate: facts.records.filter((record) => record.status === "create").length,
      appsMissing: missingApps.length,
    },
    entities,
    steps,
    customFields: facts.customFields,
    records: facts.records,
    lookups,
    links: linkBlocks(plan).map((block) => linkAssessment(block, indexes)),
    rejects: { total: result.rejects.length, groups: rejectGroups },
    values: maskedNotes(result.notes, plan, masker),
    unused: await unusedData(plan, sourceDirectory, reports, options.ignoredColumns ?? new Map()),
    apps: { needed: facts.needed, installed: facts.installedApps, missing: missingApps.map((app) => app.module) },
    warnings,
    problems: problems.map((problem) => problem.message),
    masked: masker.active,
  };
}

/** What the assessment warns of: the run's problems, records and custom fields the target lacks or has otherwise, apps missing, fallbacks that match nothing. */
function assessmentWarnings(
  problems: readonly { readonly message: string }[],
  facts: AssessOptions["facts"],
  lookups: readonly LookupAssessment[],
): { warnings: string[]; missingApps: AssessOptions["facts"]["needed"] } {
  const warnings: string[] = problems.map((problem) => problem.message);
  for (const record of facts.records)
    if (record.status === "missing") warnings.push(`${record.model} ${record.xmlid}: ${record.detail ?? "missing from the target"}`);
  for (const field of facts.customFields) if (field.detail !== undefined) warnings.push(`${field.model}.${field.name} ${field.detail}`);
  const missingApps = facts.needed.filter((app) => !app.installed || app.models.some((model) => !model.present));
  for (const app of missingApps)
    warnings.push(
      `the target lacks ${app.module}${app.installed ? "" : " (not installed)"}: ${app.models
        .filter((model) => !model.present)
        .map((model) => model.model)
        .join(", ")} cannot be loaded`,
    );
  for (const lookup of lookups) {
    if (lookup.missing.policy === "fallback" && lookup.fallbackRecord === undefined && lookup.unmatchedRows > 0)
      warnings.push(
        `lookup ${lookup.lookup}: its fallback ${JSON.stringify(lookup.missing.value)} matches no ${lookup.model} record, so ${lookup.unmatchedRows} rows would be rejected`,
      );
  }
  return { warnings, missingApps };
}

/** Rows per entity (in load order) and records per step, as the dry run counted them. */
function entityAndStepCounts(
  plan: Plan,
  result: RunResult,
  reports: ReadonlyMap<string, SourceReadReport>,
): { entities: EntityAssessment[]; steps: StepAssessment[] } {
  // In load order: the entities of the first steps first.
  const order = (name: string): number => {
    const index = plan.steps.findIndex((step) => step.entity === name);
    return index < 0 ? plan.steps.length : index;
  };
  const entities: EntityAssessment[] = [...plan.entities]
    .sort((left, right) => order(left.name) - order(right.name))
    .map((entity) => {
      const counts = result.entities.find((candidate) => candidate.entity === entity.name);
      return {
        entity: entity.name,
        files: fileFacts(reports.get(entity.name)),
        read: counts?.read ?? 0,
        loaded: counts?.loaded ?? 0,
        merged: counts?.merged ?? 0,
        linked: counts?.linked ?? 0,
        skipped: counts?.skipped ?? 0,
        rejected: counts?.rejected ?? 0,
        duplicates: counts?.duplicates ?? 0,
        duplicateRule: duplicateRule(entity),
      };
    });
  const steps: StepAssessment[] = plan.steps.map((step) => {
    const counts = result.steps.find((candidate) => candidate.step === step.id);
    return {
      step: step.id,
      entity: step.entity,
      model: step.model,
      records: counts?.loaded ?? 0,
      skipped: counts?.skipped ?? 0,
      rejected: counts?.rejected ?? 0,
      deferred: counts?.deferredWritten ?? 0,
    };
  });
  return { entities, steps };
}
