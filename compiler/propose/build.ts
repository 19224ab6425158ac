/**
 * Builds the proposal: for every entity of an export, the Odoo model it most likely maps to and,
 * column by column, the most likely field, with the value tables, lookups, reference records and
 * custom fields that takes. Unsure proposals become `// TODO` lines; columns without a plausible
 * field become custom fields (or are ignored when there is nothing to keep), so no data is lost
 * by default. Pure.
 */
import { computedOnCreate, findModel, requiredFields, type OdooField, type OdooModel, type OdooSchema } from "../catalog/index.js";
import { findBuiltin } from "../builtins.js";
import { readStep } from "./column-types.js";
import type { ColumnProfile, EntityProfile, GroupProfile } from "./entities.js";
import {
  ASSIGN_THRESHOLD,
  candidateFields,
  compareCandidates,
  percent,
  scoreCandidates,
  TODO_THRESHOLD,
  type ColumnRef,
  type Conversion,
  type FieldCandidate,
  type TableOutput,
} from "./fields.js";
import { EXTENSIBLE_MODELS, KIND_TARGETS, LOOKUPS, UNMAPPED_KINDS, type KindTarget } from "./odoo-knowledge.js";
import type {
  BodyLine,
  ColumnOutcome,
  ColumnReport,
  CustomFieldProposal,
  EntityProposal,
  LookupProposal,
  PackageProposal,
  RecordEntryProposal,
  RecordsProposal,
  TableEntryProposal,
  TableProposal,
  TargetProposal,
} from "./proposal.js";
import { countValues, matchValues, recordOptions, selectionOptions, type ValueOption } from "./value-tables.js";
import { DEFAULT_TRUE_WORDS } from "../../runtime/source/values.js";
import { foldText, identifierOf, isFormWord } from "./words.js";

const TRUE_WORDS: ReadonlySet<string> = new Set(DEFAULT_TRUE_WORDS);

const COMPUTED_THRESHOLD = 0.5;

export interface BuildOptions {
  readonly migrationName: string;
  readonly sourceName: string;
  readonly target: PackageProposal["target"];
  readonly schema: OdooSchema;
}

// ---------------------------------------------------------------------------------------------
// registries shared by every entity

function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t")}"`;
}

function snake(entity: string): string {
  return entity
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}

/** Names in the one namespace of tables, lookups and built-ins, each used once. */
class CallableNames {
  private readonly used = new Set<string>(Object.values(LOOKUPS).map((lookup) => lookup.name));

  isFree(name: string): boolean {
    return !this.used.has(name) && findBuiltin(name) === undefined;
  }

  take(wanted: string, fallback: string): string {
    let name = this.isFree(wanted) ? wanted : fallback;
    for (let counter = 2; !this.isFree(name); counter++) name = `${fallback}_${counter}`;
    this.used.add(name);
    return name;
  }
}

interface TableDraft {
  readonly name: string;
  readonly output: TableOutput;
  /** The field it was first made for, for its comment. */
  readonly fieldLabel: string;
  readonly values: Map<string, number>;
  /** For a custom selection field: its options, keyed by source value. */
  readonly customOptions?: ReadonlyMap<string, string>;
  /** What a value the table does not list becomes. */
  readonly unmatched?: "flag" | "reject";
}

const DEFINING_MODULE: Readonly<Record<string, string>> = {
  "res.partner": "base",
  "res.users": "base",
  "ir.attachment": "base",
  "crm.lead": "crm",
  "sale.order": "sale",
  "account.move": "account",
  "mail.message": "mail",
  "mail.activity": "mail",
  "helpdesk.ticket": "helpdesk",
};

/** The external ID of a model's ir.model record: `crm.model_crm_lead`. */
function modelXmlid(schema: OdooSchema, model: string): string {
  const known = DEFINING_MODULE[model];
  const modules = findModel(schema, model)?.modules ?? [];
  const module = known ?? modules.find((candidate) => model.startsWith(`${candidate}.`)) ?? modules[0] ?? model.split(".")[0] ?? "base";
  return `${module}.model_${model.replace(/\./g, "_")}`;
}

class Registries {
  readonly names = new CallableNames();
  readonly tables = new Map<string, TableDraft>();
  readonly lookups = new Map<string, LookupProposal>();
  readonly records = new Map<string, Map<string, RecordEntryProposal>>();
  readonly customFields = new Map<string, CustomFieldProposal>();
  readonly missingRequired: string[] = [];

  constructor(readonly schema: OdooSchema) {}

  private tableKey(output: TableOutput): string {
    return output.kind === "selection" ? `selection:${output.model}.${output.field}` : `records:${output.model}`;
  }

  /**
   * The table for an output, made on first use and fed every column's values; named after the
   * field, or the column when that is a built-in's name. Columns whose values hardly overlap
   * (a lead's status and a case's status, both stages) get tables of their own.
   */
  table(output: TableOutput, field: OdooField, column: string, entity: string, values: readonly string[]): string {
    const counts = countValues(values);
    const base = this.tableKey(output);
    let key = base;
    for (let counter = 2; ; counter++) {
      const existing = this.tables.get(key);
      if (existing === undefined || overlap(existing.values, counts) >= 0.5) break;
      key = `${base}#${counter}`;
    }
    let table = this.tables.get(key);
    if (table === undefined) {
      const base = field.name.replace(/_ids?$/, "");
      const owner = output.model.split(".").pop() ?? "value";
      const wanted = output.kind === "selection" ? `${owner}_${field.name}` : base;
      table = {
        name: this.names.take(wanted, this.names.isFree(column) ? column : `${entity}_${base}`),
        output,
        fieldLabel: `${output.model === field.relation ? field.name : `${output.model}.${field.name}`}`,
        values: new Map(),
      };
      this.tables.set(key, table);
    }
    for (const [value, count] of counts) table.values.set(value, (table.values.get(value) ?? 0) + count);
    return table.name;
  }

  /** A table feeding a custom selection field: every value is an option of its own. */
  customSelectionTable(model: string, field: string, entity: string, options: ReadonlyMap<string, string>, values: readonly string[]): string {
    const key = `selection:${model}.${field}`;
    const name = this.names.take(field.replace(/^x_/, ""), `${entity}_${field.replace(/^x_/, "")}`);
    const table: TableDraft = {
      name,
      output: { kind: "selection", model, field },
      fieldLabel: `${model}.${field}`,
      values: countValues(values),
      customOptions: options,
    };
    this.tables.set(key, table);
    return name;
  }

  /** The lookup of a model's existing records (LOOKUPS), declared once; its name for a pipeline step. */
  lookup(model: string): string {
    const spec = LOOKUPS[model];
    if (spec === undefined) throw new Error(`no lookup for ${model}`);
    if (!this.lookups.has(spec.name)) this.lookups.set(spec.name, { name: spec.name, model: spec.model, by: spec.by, comment: spec.comment });
    return spec.name;
  }

  /** A reference record's name in `records <model>`, declared once. */
  record(model: string, entry: RecordEntryProposal): string {
    const byName = this.records.get(model) ?? new Map<string, RecordEntryProposal>();
    this.records.set(model, byName);
    for (const [name, existing] of byName) {
      if (
        (entry.existing !== undefined && existing.existing === entry.existing) ||
        (entry.existing === undefined && JSON.stringify(existing.values) === JSON.stringify(entry.values))
      ) {
        return name;
      }
    }
    let name = entry.name;
    for (let counter = 2; byName.has(name); counter++) name = `${entry.name}_${counter}`;
    byName.set(name, { ...entry, name });
    return name;
  }

  /** The ir.model record of a model, for mail.activity.res_model_id. */
  modelRecord(model: string): string {
    return this.record("ir.model", { name: identifierOf(model.replace(/\./g, "_"), "model"), existing: modelXmlid(this.schema, model) });
  }

  customField(proposal: CustomFieldProposal): CustomFieldProposal {
    const key = `${proposal.model}.${proposal.name}`;
    const existing = this.customFields.get(key);
    if (existing === undefined) {
      this.customFields.set(key, proposal);
      return proposal;
    }
    if (existing.type === proposal.type && existing.relation === proposal.relation && existing.options === undefined && proposal.options === undefined)
      return existing;
    for (let counter = 2; ; counter++) {
      const renamed = { ...proposal, name: `${proposal.name}_${counter}` };
      if (!this.customFields.has(`${proposal.model}.${renamed.name}`)) {
        this.customFields.set(`${proposal.model}.${renamed.name}`, renamed);
        return renamed;
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// entities and their targets

interface MappedEntity {
  readonly profile: EntityProfile;
  readonly kind: KindTarget;
  /** The model loaded into (the fallback's when the target Odoo lacks the declared one). */
  readonly model: string;
  readonly usesFallback: boolean;
  /** The alias other maps `ref` these records by (the organisation, for a split relation). */
  readonly alias: string;
  readonly split?: { readonly org: string; readonly person: string; readonly group?: GroupProfile };
  /** For child lines: the parent entity and the column holding the parent's key. */
  readonly parent?: { readonly entity: string; readonly column: string; readonly field: string };
}

class OutcomeLog {
  private readonly byColumn = new Map<string, { entity: EntityProfile; column: ColumnProfile; outcomes: ColumnOutcome[] }>();

  constructor(entities: readonly EntityProfile[]) {
    for (const entity of entities) {
      for (const column of entity.columns) this.byColumn.set(`${entity.name}\u0000${column.name}`, { entity, column, outcomes: [] });
      for (const group of entity.groups) {
        for (const column of group.columns) this.byColumn.set(`${entity.name}\u0000${group.name}.${column.name}`, { entity, column, outcomes: [] });
      }
    }
  }

  add(entity: string, path: string, outcome: ColumnOutcome): void {
    this.byColumn.get(`${entity}\u0000${path}`)?.outcomes.push(outcome);
  }

  /** Replaces the outcome logged last for a column (a match that turned out to be a custom field). */
  replaceLast(entity: string, path: string, outcome: ColumnOutcome): void {
    const outcomes = this.byColumn.get(`${entity}\u0000${path}`)?.outcomes;
    if (outcomes === undefined) return;
    if (outcomes.length > 0) outcomes.pop();
    outcomes.push(outcome);
  }

  has(entity: string, path: string): boolean {
    return (this.byColumn.get(`${entity}\u0000${path}`)?.outcomes.length ?? 0) > 0;
  }

  reports(): ColumnReport[] {
    return [...this.byColumn.entries()].map(([key, { entity, column, outcomes }]) => ({
      entity: entity.name,
      pattern: entity.pattern,
      header: column.header,
      column: key.split("\u0000")[1] ?? column.name,
      outcomes: outcomes.length === 0 ? [{ kind: "unmapped", reason: "no proposal" }] : outcomes,
    }));
  }
}

/** What one target's body is being built from. */
interface TargetContext {
  readonly entity: MappedEntity;
  readonly model: OdooModel;
  readonly columns: readonly ColumnRef[];
  /** Fields already set (constants, parents), not to be proposed again. */
  readonly taken: Set<string>;
  /** Columns already read. */
  readonly used: Set<string>;
  /** Fields set by a constant of the kind (`type = "opportunity"`): only a column sure to decide them replaces it. */
  readonly constants: Set<string>;
  readonly lines: BodyLine[];
}

export class ProposalBuilder {
  private readonly registries: Registries;
  private readonly log: OutcomeLog;
  private readonly mapped = new Map<string, MappedEntity>();
  private readonly aliases = new Set<string>();

  constructor(
    private readonly entities: readonly EntityProfile[],
    private readonly options: BuildOptions,
  ) {
    this.registries = new Registries(options.schema);
    this.log = new OutcomeLog(entities);
  }

  private get schema(): OdooSchema {
    return this.options.schema;
  }

  private alias(wanted: string): string {
    let alias = wanted;
    for (let counter = 2; this.aliases.has(alias); counter++) alias = `${wanted}_${counter}`;
    this.aliases.add(alias);
    return alias;
  }

  /** Decides which entities are mapped, to which model, under which alias. */
  private chooseTargets(): void {
    for (const entity of this.entities) {
      const kind = KIND_TARGETS[entity.kind];
      if (kind === undefined || kind.childOf !== undefined) continue;
      // Stages are records others point to by name: only a definition with one row per name can be loaded.
      if (entity.kind === "stage" && (entity.key.length !== 1 || entity.keyUncertain)) continue;
      const declared = findModel(this.schema, kind.model) !== undefined;
      const fallback = kind.fallback !== undefined && findModel(this.schema, kind.fallback) !== undefined;
      if (!declared && !fallback) continue;
      const model = declared ? kind.model : (kind.fallback ?? kind.model);
      if (entity.kind === "relation") {
        const group = entity.groups.find((candidate) =>
          candidate.columns.some((column) => column.words.includes("person") || column.words.includes("contact")),
        );
        const org = this.alias("org");
        const person = this.alias("person");
        this.mapped.set(entity.name, {
          profile: entity,
          kind,
          model,
          usesFallback: !declared,
          alias: org,
          split: { org, person, ...(group === undefined ? {} : { group }) },
        });
      } else {
        this.mapped.set(entity.name, { profile: entity, kind, model, usesFallback: !declared, alias: this.alias(snake(entity.name)) });
      }
    }
    for (const entity of this.entities) {
      const kind = KIND_TARGETS[entity.kind];
      if (kind?.childOf === undefined || findModel(this.schema, kind.model) === undefined) continue;
      const childOf = kind.childOf;
      const reference = entity.references.find(
        (candidate) => entity.key.includes(candidate.column) && this.entities.find((other) => other.name === candidate.entity)?.kind === childOf.kind,
      );
      const parent = reference === undefined ? undefined : this.mapped.get(reference.entity);
      if (reference === undefined || parent === undefined || findModel(this.schema, parent.model)?.fields[childOf.field] === undefined) continue;
      this.mapped.set(entity.name, {
        profile: entity,
        kind,
        model: kind.model,
        usesFallback: false,
        alias: snake(entity.name),
        parent: { entity: reference.entity, column: reference.column, field: childOf.field },
      });
    }
  }

  /** The column as a body reads it, with the records it references when they are mapped. */
  private columnRef(entity: EntityProfile, column: ColumnProfile, path: string): ColumnRef {
    const reference = entity.references.find((candidate) => candidate.column === column.name);
    const target = reference === undefined ? undefined : this.mapped.get(reference.entity);
    if (target === undefined || target.parent !== undefined) return { profile: column, path };
    return { profile: column, path, reference: { alias: target.alias, model: target.model } };
  }

  // -------------------------------------------------------------------------------------------
  // lines

  private assign(
    context: TargetContext,
    field: string,
    expression: string,
    columns: readonly ColumnRef[],
    confidence: number | undefined,
    comment?: string,
  ): void {
    const note = [confidence === undefined ? undefined : percent(confidence), comment].filter((part): part is string => part !== undefined).join(": ");
    context.lines.push({
      kind: "assign",
      field,
      operator: "<-",
      expression,
      columns: columns.map((column) => column.path),
      ...(note === "" ? {} : { comment: note }),
    });
    context.taken.add(field);
    for (const column of columns) {
      context.used.add(column.path);
      this.log.add(context.entity.profile.name, column.path, { kind: "field", model: context.model.name, field, confidence: confidence ?? 1 });
    }
  }

  private constant(context: TargetContext, field: string, value: string, comment?: string): void {
    context.lines.push({ kind: "assign", field, operator: "=", expression: value, columns: [], ...(comment === undefined ? {} : { comment }) });
    context.taken.add(field);
    context.constants.add(field);
  }

  /** The expression a conversion writes, registering the tables and lookups it uses. */
  private expression(candidate: FieldCandidate, context: TargetContext): string {
    const { column, conversion, field } = candidate;
    switch (conversion.kind) {
      case "direct":
        return [column.path, ...conversion.steps].join(" | ");
      case "ref":
        return `${column.path} | ref ${conversion.alias}`;
      case "lookup":
        return `${column.path} | ${this.registries.lookup(conversion.lookup)}`;
      case "table":
        return `${column.path} | trim | ${this.registries.table(conversion.output, field, column.profile.name, snake(context.entity.profile.name), column.profile.values)}`;
    }
  }

  /** `name <- \`{first_name} {last_name}\` | trim` for people with first and last names. */
  private personName(context: TargetContext): void {
    if (context.taken.has("name") || context.model.fields["name"] === undefined) return;
    const first = context.columns.find((column) => column.profile.words.includes("first") && !context.used.has(column.path));
    const last = context.columns.find((column) => column.profile.words.includes("last") && !context.used.has(column.path));
    if (first === undefined || last === undefined) return;
    this.assign(context, "name", `\`{${first.path}} {${last.path}}\` | trim`, [first, last], 0.9, "Odoo has one name field");
  }

  /** The record a chatter line, activity or attachment belongs to: `model`/`res_model_id` and `res_id`. */
  private parentRecord(context: TargetContext): void {
    const fields = context.model.fields;
    if (fields["res_id"]?.type !== "many2one_reference") return;
    const modelField =
      fields["res_model_id"] !== undefined
        ? "res_model_id"
        : fields["model"] !== undefined
          ? "model"
          : fields["res_model"] !== undefined
            ? "res_model"
            : undefined;
    if (modelField === undefined) return;
    const entity = context.entity.profile;
    const polymorphic = entity.polymorphic;
    const modelValue = (model: string): string => (modelField === "res_model_id" ? this.registries.modelRecord(model) : quote(model));
    if (polymorphic !== undefined) {
      const typeColumn = context.columns.find((column) => column.profile.name === polymorphic.typeColumn);
      const idColumn = context.columns.find((column) => column.profile.name === polymorphic.idColumn);
      const targets = polymorphic.targets.flatMap((target) => {
        const mapped = this.mapped.get(target.entity);
        return mapped === undefined || mapped.parent !== undefined ? [] : [{ value: target.value, mapped }];
      });
      if (typeColumn === undefined || idColumn === undefined || targets.length === 0) return;
      const output: TableOutput =
        modelField === "res_model_id" ? { kind: "records", model: "ir.model" } : { kind: "selection", model: context.model.name, field: modelField };
      const tableName = this.registries.names.take(`${typeColumn.profile.name}_model`, `${snake(entity.name)}_parent_model`);
      const entries: TableEntryProposal[] = targets.map(({ value, mapped }) => ({ key: value, value: modelValue(mapped.model) }));
      this.registries.tables.set(`parent:${tableName}`, {
        name: tableName,
        output,
        fieldLabel: `${context.model.name}.${modelField}`,
        values: new Map(),
        customOptions: new Map(entries.map((entry) => [entry.key, entry.value ?? ""])),
        unmatched: "reject",
      });
      this.assign(context, modelField, `${typeColumn.path} | ${tableName}`, [typeColumn], 0.9, `${polymorphic.typeColumn} names the kind of record`);
      const chain = targets
        .slice(0, -1)
        .map(({ value, mapped }) => `if ${typeColumn.path} = ${quote(value)} then ${idColumn.path} | ref ${mapped.alias} else `)
        .join("");
      const last = targets[targets.length - 1];
      if (last === undefined) return;
      this.assign(
        context,
        "res_id",
        `${chain}${idColumn.path} | ref ${last.mapped.alias}`,
        [idColumn],
        0.9,
        `the ${polymorphic.typeColumn} record with this id`,
      );
      return;
    }
    // Several references: the most specific one that is filled (a lead before its relation).
    const references = context.columns
      .filter((column) => column.reference !== undefined && !context.used.has(column.path))
      .sort((left, right) => right.profile.guess.blank - left.profile.guess.blank);
    if (references.length === 0) return;
    const models = references.map((column) => this.mappedByAlias(column.reference?.alias ?? "")?.model ?? column.reference?.model ?? "");
    const last = references.length - 1;
    let modelExpression = modelValue(models[last] ?? "");
    for (let index = last - 1; index >= 0; index--) {
      modelExpression = `if ${references[index]?.path ?? ""} is present then ${modelValue(models[index] ?? "")} else ${modelExpression}`;
    }
    // One reference: the model is a constant (a name or a record); several: chosen by which is filled.
    const single = references.length === 1;
    context.lines.push({
      kind: "assign",
      field: modelField,
      operator: single ? "=" : "<-",
      expression: modelExpression,
      columns: single ? [] : references.slice(0, -1).map((column) => column.path),
      comment: "the record each row belongs to",
    });
    context.taken.add(modelField);
    const idExpression = references.map((column) => `${column.path} | ref ${column.reference?.alias ?? ""}`).join(" ?? ");
    this.assign(context, "res_id", idExpression, references, 0.9);
  }

  private mappedByAlias(alias: string): MappedEntity | undefined {
    return [...this.mapped.values()].find((candidate) => candidate.alias === alias || candidate.split?.org === alias);
  }

  /** How many of a column's values a table would match, 0 to 1 (new records count as matched where Odoo lets a migration add them). */
  private tableFit(output: TableOutput, values: readonly string[]): number {
    if (output.kind === "records" && EXTENSIBLE_MODELS.has(output.model)) return 1;
    const options = this.optionsFor(output);
    const counts = countValues(values);
    if (counts.size === 0 || options.length === 0) return 0;
    const matches = matchValues(counts, options);
    const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
    return matches.reduce((sum, match) => sum + (match.option === undefined ? 0 : match.count), 0) / total;
  }

  private optionsFor(output: TableOutput): ValueOption[] {
    if (output.kind === "selection") return selectionOptions(findModel(this.schema, output.model)?.fields[output.field]?.selection ?? []);
    return recordOptions(this.schema.references[output.model] ?? []);
  }

  /** Scores, then adjusts table conversions by how many values the table would match. */
  private candidates(context: TargetContext): FieldCandidate[] {
    const entityWords = context.entity.profile.group.words;
    const key = context.entity.profile.key;
    // A key feeds a field only when it names something besides the record (`Stage Name`), not when it is only its id (`Company ID`).
    const meaningful = (column: ColumnRef): boolean =>
      column.profile.group !== undefined ||
      !key.includes(column.profile.name) ||
      column.profile.words.some((word) => !entityWords.includes(word) && !isFormWord(word));
    const free = context.columns.filter((column) => !context.used.has(column.path) && meaningful(column));
    const fields = candidateFields(context.model).filter((field) => !context.taken.has(field.name) || context.constants.has(field.name));
    return scoreCandidates(free, fields, entityWords, this.schema, context.model.name)
      .map((candidate) => {
        if (candidate.conversion.kind !== "table") return candidate;
        const fit = this.tableFit(candidate.conversion.output, candidate.column.profile.values);
        const conversion: Conversion = { ...candidate.conversion, factor: candidate.conversion.factor * (0.5 + 0.5 * fit) };
        return { ...candidate, conversion, confidence: candidate.nameScore * conversion.factor };
      })
      .filter((candidate) => candidate.confidence >= TODO_THRESHOLD)
      .sort(compareCandidates);
  }

  /** Assigns fields greedily, best pairs first; references to the same field are chained with `??`. */
  private matchFields(context: TargetContext): void {
    const todo = new Set<string>();
    const refChains = new Map<string, { candidates: FieldCandidate[]; line: number }>();
    for (const candidate of this.candidates(context)) {
      const path = candidate.column.path;
      if (context.used.has(path) || todo.has(path)) continue;
      const field = candidate.field.name;
      if (context.constants.has(field) && candidate.confidence >= ASSIGN_THRESHOLD) {
        // A column saying what the constant assumed (a qualification where deals were all opportunities) replaces it.
        const index = context.lines.findIndex((line) => line.kind === "assign" && line.field === field && line.operator === "=");
        const replaced = context.lines[index];
        if (index >= 0) context.lines.splice(index, 1);
        context.constants.delete(field);
        const was = replaced?.kind === "assign" ? `instead of ${field} = ${replaced.expression} for every row` : undefined;
        this.assign(context, field, this.expression(candidate, context), [candidate.column], candidate.confidence, was);
        continue;
      }
      if (context.constants.has(field)) {
        // A column saying what a constant assumes (a qualification next to `type = "opportunity"`).
        todo.add(path);
        context.lines.push({
          kind: "todo",
          text: `TODO ${percent(candidate.confidence)} sure: instead of the constant, ${field} <- ${this.previewExpression(candidate)}  (${candidate.field.label})`,
        });
        this.log.add(context.entity.profile.name, path, { kind: "todo", model: context.model.name, field, confidence: candidate.confidence });
        continue;
      }
      const chain = refChains.get(field);
      if (context.taken.has(field) && !(chain !== undefined && candidate.conversion.kind === "ref" && candidate.confidence >= ASSIGN_THRESHOLD)) continue;
      // A key serves as the external ID already: it feeds a field when that is clear, and is no TODO otherwise.
      if (
        candidate.confidence < ASSIGN_THRESHOLD &&
        context.entity.profile.key.includes(candidate.column.profile.name) &&
        candidate.column.profile.group === undefined
      ) {
        continue;
      }
      if (candidate.confidence >= ASSIGN_THRESHOLD) {
        if (chain !== undefined) {
          chain.candidates.push(candidate);
          const expression = chain.candidates.map((item) => this.expression(item, context)).join(" ?? ");
          const line = context.lines[chain.line];
          if (line?.kind === "assign") context.lines[chain.line] = { ...line, expression, columns: [...line.columns, path] };
          context.used.add(path);
          this.log.add(context.entity.profile.name, path, { kind: "field", model: context.model.name, field, confidence: candidate.confidence });
          continue;
        }
        this.assign(context, field, this.expression(candidate, context), [candidate.column], candidate.confidence, this.explain(candidate));
        if (candidate.conversion.kind === "ref") refChains.set(field, { candidates: [candidate], line: context.lines.length - 1 });
      } else {
        todo.add(path);
        context.lines.push({
          kind: "todo",
          text: `TODO ${percent(candidate.confidence)} sure: ${field} <- ${this.previewExpression(candidate)}  (${candidate.field.label})`,
        });
        this.log.add(context.entity.profile.name, path, { kind: "todo", model: context.model.name, field, confidence: candidate.confidence });
      }
    }
  }

  /** The expression a TODO would use, without registering its table or lookup. */
  private previewExpression(candidate: FieldCandidate): string {
    const { column, conversion } = candidate;
    switch (conversion.kind) {
      case "direct":
        return [column.path, ...conversion.steps].join(" | ");
      case "ref":
        return `${column.path} | ref ${conversion.alias}`;
      case "lookup":
        return `${column.path} | ${LOOKUPS[conversion.lookup]?.name ?? conversion.lookup}`;
      case "table":
        return `${column.path} | trim | <a table of its ${candidate.column.profile.guess.distinct} values>`;
    }
  }

  private explain(candidate: FieldCandidate): string | undefined {
    if (candidate.confidence >= 0.85) return undefined;
    return `"${candidate.column.profile.header}" as ${candidate.field.label}`;
  }

  /** Required fields nothing fills: a TODO line each, and the check reports them as warnings. */
  private requireFields(context: TargetContext, inverse: string | undefined): void {
    const model = context.model.name;
    for (const { field } of requiredFields(this.schema, model)) {
      if (context.taken.has(field.name) || field.name === inverse) continue;
      if (field.hasDefault || field.writability.writable === "no") continue;
      const computed = computedOnCreate(model, field.name);
      if (computed !== undefined && (computed.from.length === 0 || computed.from.some((source) => context.taken.has(source)))) continue;
      if (model === "ir.attachment" && field.name === "name") {
        const file = context.columns.find((column) => column.profile.guess.type === "file");
        if (file !== undefined) {
          context.lines.push({
            kind: "assign",
            field: "name",
            operator: "<-",
            expression: `${file.path} | filename`,
            columns: [file.path],
            comment: "the file's own name",
          });
          context.taken.add("name");
          continue;
        }
      }
      context.lines.push({ kind: "todo", text: `TODO: ${model} requires ${field.name} (${field.label}) and no column fits: ${field.name} <- ...` });
      this.registries.missingRequired.push(`${context.entity.profile.name} → ${model}.${field.name}`);
    }
  }

  /** Columns nobody maps: a custom field keeps their data; blank ones and Odoo's own bookkeeping are ignored. */
  private keepLeftovers(context: TargetContext): void {
    const entity = context.entity.profile;
    for (const column of context.columns) {
      const path = column.path;
      if (context.used.has(path) || this.log.has(entity.name, path)) continue;
      const guess = column.profile.guess;
      if (guess.total > 0 && guess.blank === guess.total) {
        this.ignore(context, column, "always blank in the export");
        continue;
      }
      if (column.profile.words.includes("created") && (guess.type === "datetime" || guess.type === "date")) {
        this.ignore(context, column, "Odoo records its own creation time");
        continue;
      }
      const computed = this.computedField(context.model, column);
      if (computed !== undefined) {
        this.ignore(context, column, `Odoo computes ${computed.name} (${computed.label}) itself`);
        continue;
      }
      this.customFieldFor(context, column);
    }
  }

  /** A read-only field the column clearly is (an invoice total): Odoo computes it from other data. */
  private computedField(model: OdooModel, column: ColumnRef): OdooField | undefined {
    const fields = Object.values(model.fields).filter(
      (field) => field.writability.writable !== "yes" && field.store && (field.type === "monetary" || field.type === "float" || field.type === "integer"),
    );
    // The bar is lower than for a field to fill: ignoring a total Odoo computes loses nothing.
    const scored = scoreCandidates([column], fields, [], this.schema, model.name).filter((candidate) => candidate.nameScore >= COMPUTED_THRESHOLD);
    return scored[0]?.field;
  }

  private ignore(context: TargetContext, column: ColumnRef, reason: string): void {
    context.lines.push({ kind: "ignore", column: column.path, comment: reason });
    context.used.add(column.path);
    this.log.add(context.entity.profile.name, column.path, { kind: "ignore", reason });
  }

  private customFieldFor(context: TargetContext, column: ColumnRef): void {
    const profile = column.profile;
    const guess = profile.guess;
    const model = context.model.name;
    const name = `x_${profile.name}`.slice(0, 60).replace(/_+$/, "");
    const label = profile.header.replace(/\s*\{n\}/, "");
    if (column.reference !== undefined && findModel(this.schema, column.reference.model) !== undefined) {
      const field = this.registries.customField({ model, name, type: "many2one", relation: column.reference.model, label });
      this.assign(context, field.name, `${column.path} | ref ${column.reference.alias}`, [column], undefined, "new custom field");
      this.relog(context, column, field.name);
      return;
    }
    const nonBlank = guess.total - guess.blank;
    // A pick-list: few short values, each repeated.
    if (guess.type === "text" && guess.distinct <= 12 && guess.distinct * 3 <= nonBlank && guess.maxLength <= 40 && !guess.multiline) {
      const values = countValues(profile.values);
      const keys = new Map<string, string>();
      const taken = new Set<string>();
      for (const value of [...values.keys()].sort()) {
        let key = identifierOf(value, "value");
        for (let counter = 2; taken.has(key); counter++) key = `${identifierOf(value, "value")}_${counter}`;
        taken.add(key);
        keys.set(value, key);
      }
      const field = this.registries.customField({
        model,
        name,
        type: "selection",
        label,
        options: [...keys.entries()].map(([value, key]) => ({ key, label: value })),
      });
      const table = this.registries.customSelectionTable(model, field.name, snake(context.entity.profile.name), keys, profile.values);
      this.assign(context, field.name, `${column.path} | trim | ${table}`, [column], undefined, "new custom pick-list");
      this.relog(context, column, field.name);
      return;
    }
    const type = customFieldType(profile);
    const field = this.registries.customField({ model, name, type, label });
    const read = readStep(guess);
    const expression = read !== undefined ? `${column.path} | ${read}` : type === "char" && guess.type === "text" ? `${column.path} | trim` : column.path;
    this.assign(context, field.name, expression, [column], undefined, "new custom field");
    this.relog(context, column, field.name);
  }

  /** A column kept in a custom field is logged as such, not as a match. */
  private relog(context: TargetContext, column: ColumnRef, field: string): void {
    this.log.replaceLast(context.entity.profile.name, column.path, { kind: "custom", model: context.model.name, field });
  }

  // -------------------------------------------------------------------------------------------
  // targets

  private newContext(entity: MappedEntity, model: OdooModel, columns: readonly ColumnRef[]): TargetContext {
    return { entity, model, columns, taken: new Set(), used: new Set(), constants: new Set(), lines: [] };
  }

  private finishBody(context: TargetContext, inverse?: string): void {
    this.personName(context);
    this.parentRecord(context);
    this.matchFields(context);
    this.requireFields(context, inverse);
    this.keepLeftovers(context);
  }

  /** The columns of an entity a map reads: all but the key and the modification stamp. */
  /**
   * The columns of an entity a map reads: all but the modification stamp. The key is among them,
   * since it may mean something (a stage's name); as the key it needs no other use.
   */
  private plainColumns(entity: EntityProfile): ColumnProfile[] {
    return entity.columns.filter((column) => column.name !== entity.modifiedColumn);
  }

  private mapBody(entity: MappedEntity, model: OdooModel): BodyLine[] {
    const profile = entity.profile;
    const context = this.newContext(
      entity,
      model,
      this.plainColumns(profile).map((column) => this.columnRef(profile, column, column.name)),
    );
    for (const constant of entity.kind.constants) if (model.fields[constant.field] !== undefined) this.constant(context, constant.field, constant.value);
    this.subtype(context);
    this.children(entity, context);
    this.links(entity, context);
    this.finishBody(context);
    return context.lines;
  }

  /** Notes are internal notes, not messages sent to followers. */
  private subtype(context: TargetContext): void {
    if (context.entity.profile.kind !== "note" || context.model.fields["subtype_id"] === undefined) return;
    const note = this.schema.references["mail.message.subtype"]?.find((record) => record.xmlid === "mail.mt_note");
    if (note?.xmlid === undefined) return;
    this.constant(context, "subtype_id", this.registries.record("mail.message.subtype", { name: "note", existing: note.xmlid }), "an internal note");
  }

  /** Quote lines and invoice lines, as the one2many of their header record. */
  private children(parent: MappedEntity, context: TargetContext): void {
    for (const child of this.mapped.values()) {
      if (child.parent?.entity !== parent.profile.name) continue;
      const model = findModel(this.schema, child.model);
      if (model === undefined) continue;
      const profile = child.profile;
      const columns = profile.columns
        .filter((column) => column.name !== child.parent?.column && column.name !== profile.modifiedColumn)
        .map((column) => this.columnRef(profile, column, column.name));
      const childContext = this.newContext(child, model, columns);
      const inverse = findModel(this.schema, parent.model)?.fields[child.parent.field]?.relationField;
      this.finishBody(childContext, inverse);
      context.lines.push({
        kind: "block",
        header: `${child.parent.field} <- each ${profile.name} by ${child.parent.column}`,
        body: childContext.lines,
        comment: `${percent(0.9)}: ${child.kind.note}`,
      });
      context.taken.add(child.parent.field);
      this.log.add(profile.name, child.parent.column, { kind: "field", model: parent.model, field: child.parent.field, confidence: 0.9 });
    }
  }

  /**
   * A link entity (contact ↔ company) read from the records it links: a person's company is
   * the first linked company, primary links first; the rest stay visible in the link table.
   */
  private links(entity: MappedEntity, context: TargetContext): void {
    if (entity.profile.kind !== "person" || context.model.fields["parent_id"]?.relation !== context.model.name) return;
    for (const link of this.entities) {
      if (link.kind !== "link") continue;
      const own = link.references.find((reference) => reference.entity === entity.profile.name && link.key.includes(reference.column));
      const other = link.references.find((reference) => reference !== own && link.key.includes(reference.column));
      const otherEntity = other === undefined ? undefined : this.mapped.get(other.entity);
      if (own === undefined || other === undefined || otherEntity === undefined || otherEntity.model !== context.model.name || otherEntity === entity) continue;
      if (context.taken.has("parent_id")) continue;
      const primary = link.columns.find((column) => column.guess.type === "boolean" && !link.key.includes(column.name));
      const header = `with ${link.name} by ${own.column}${primary === undefined ? "" : ` order by ${primary.name} desc`}`;
      const body: BodyLine[] = [
        {
          kind: "assign",
          field: "parent_id",
          operator: "<-",
          expression: `${other.column} | first | ref ${otherEntity.alias}`,
          columns: [other.column],
          comment: `${percent(0.8)}: Odoo keeps one company per person`,
        },
      ];
      // The other linked records would be lost with a single parent: their names are kept as text.
      const otherProfile = otherEntity.profile;
      const otherName =
        otherProfile.columns.find((column) => column.words.includes("name") && column.words.some((word) => otherProfile.group.words.includes(word))) ??
        otherProfile.columns.find((column) => column.words.includes("name"));
      if (otherName !== undefined) {
        const plural = `${snake(otherProfile.name)}s`.replace(/ys$/, "ies");
        const field = this.registries.customField({
          model: context.model.name,
          name: `x_other_${plural}`,
          type: "char",
          label: `Other ${plural.replace(/_/g, " ")}`,
        });
        body.push({
          kind: "assign",
          field: field.name,
          operator: "<-",
          expression: `${other.column} | rest | get(${otherProfile.name}.${otherName.name}) | join("; ")`,
          columns: [],
          comment: "new custom field: the others, by name",
        });
      }
      for (const column of link.columns) {
        if (link.key.includes(column.name) || column === primary) continue;
        if (column.guess.blank < column.guess.total) {
          const field = this.registries.customField({ model: context.model.name, name: `x_${column.name}`.slice(0, 60), type: "char", label: column.header });
          body.push({
            kind: "assign",
            field: field.name,
            operator: "<-",
            expression: `${column.name} | first`,
            columns: [column.name],
            comment: "new custom field: at the first link",
          });
          this.log.add(link.name, column.name, { kind: "custom", model: context.model.name, field: field.name });
          continue;
        }
        body.push({ kind: "ignore", column: column.name, comment: "always blank in the export" });
        this.log.add(link.name, column.name, { kind: "ignore", reason: "always blank in the export" });
      }
      context.lines.push({ kind: "block", header, body, comment: `the links of ${link.pattern}` });
      context.taken.add("parent_id");
      this.log.add(link.name, own.column, { kind: "key" });
      this.log.add(link.name, other.column, { kind: "field", model: context.model.name, field: "parent_id", confidence: 0.8 });
      if (primary !== undefined) this.log.add(link.name, primary.name, { kind: "ignore", reason: "orders the links" });
    }
  }

  private splitTargets(entity: MappedEntity, model: OdooModel): TargetProposal[] {
    const profile = entity.profile;
    const split = entity.split;
    if (split === undefined) return [];
    const orgColumns = this.plainColumns(profile).map((column) => this.columnRef(profile, column, column.name));
    const org = this.newContext(entity, model, orgColumns);
    const orgName =
      orgColumns.find((column) => column.profile.words.includes("company") && column.profile.words.includes("name")) ??
      orgColumns.find((column) => column.profile.words.includes("company"));
    this.constant(org, "is_company", "true");
    if (orgName !== undefined) this.assign(org, "name", `${orgName.path} | trim`, [orgName], 0.95);
    this.finishBody(org);
    const targets: TargetProposal[] = [
      { header: `${split.org}: ${model.name}${orgName === undefined ? "" : ` when ${orgName.path} is present`}`, body: org.lines },
    ];
    const group = split.group;
    if (group !== undefined) {
      const personColumns = group.columns.map((column) => this.columnRef(profile, column, `${group.name}.${column.name}`));
      const person = this.newContext(entity, model, personColumns);
      const personName = personColumns.find((column) => column.profile.words.includes("person") || column.profile.words.includes("name")) ?? personColumns[0];
      if (personName !== undefined) this.assign(person, "name", `${personName.path} | trim`, [personName], 0.9);
      person.lines.push({
        kind: "assign",
        field: "parent_id",
        operator: "<-",
        expression: `ref ${split.org}`,
        columns: [],
        comment: "the organisation of the same row",
      });
      person.taken.add("parent_id");
      this.finishBody(person);
      if (orgName !== undefined) {
        person.lines.push({
          kind: "todo",
          text: `TODO: a row without ${orgName.path} is a private person: no organisation is made, and its address columns reach no record; copy them here (street <- ...) if they are the person's`,
        });
      }
      targets.push({
        header: `${split.person}: ${model.name} for each ${group.name}${personName === undefined ? "" : ` when ${personName.path} is present`}`,
        body: person.lines,
      });
    }
    return targets;
  }

  private fallbackNote(entity: MappedEntity): string | undefined {
    if (!entity.usesFallback) return undefined;
    return `${entity.kind.model} is not in the target Odoo ${this.schema.serie} (its app is not installed): the fallback below loads into ${entity.model}`;
  }

  private proposeEntity(entity: EntityProfile): EntityProposal {
    const mapped = this.mapped.get(entity.name);
    for (const key of entity.key) this.log.add(entity.name, key, { kind: "key" });
    if (entity.modifiedColumn !== undefined) this.log.add(entity.name, entity.modifiedColumn, { kind: "modified" });
    if (mapped === undefined) {
      const reason =
        UNMAPPED_KINDS[entity.kind] ?? `${KIND_TARGETS[entity.kind]?.model ?? "its model"} is not in the target Odoo ${this.schema.serie}: map it by hand`;
      for (const column of entity.columns) if (!this.log.has(entity.name, column.name)) this.log.add(entity.name, column.name, { kind: "unmapped", reason });
      return { entity, notes: [`not mapped: ${reason}`] };
    }
    if (mapped.parent !== undefined) return { entity, notes: [`mapped inside ${mapped.parent.entity}: ${mapped.kind.note}`] };
    const model = findModel(this.schema, mapped.model);
    if (model === undefined) return { entity, notes: [`not mapped: ${mapped.model} is not in the target Odoo`] };
    const file = `${snake(entity.name).replace(/_/g, "-")}.flitmap`;
    const notes = [`${entity.name} → ${mapped.kind.model} (${percent(entity.kindConfidence)}: ${entity.kindEvidence}; ${mapped.kind.note})`];
    const fallbackNote = this.fallbackNote(mapped);
    if (fallbackNote !== undefined) notes.push(fallbackNote);
    if (mapped.split !== undefined) {
      return { entity, file, notes, declaration: { kind: "split", header: `split ${entity.name}`, targets: this.splitTargets(mapped, model) } };
    }
    const body = this.mapBody(mapped, model);
    if (mapped.usesFallback) {
      const primary: TargetProposal = {
        header: `map ${entity.name} -> ${mapped.kind.model}`,
        body: [
          {
            kind: "todo",
            text: `TODO: ${mapped.kind.model} cannot be checked against Odoo ${this.schema.serie}; propose its fields with \`flitmap init --schema\` on a server that has it`,
          },
        ],
      };
      return { entity, file, notes, declaration: { kind: "map", target: primary, fallback: { header: `fallback ${mapped.model}`, body } } };
    }
    return { entity, file, notes, declaration: { kind: "map", target: { header: `map ${entity.name} -> ${mapped.model}`, body } } };
  }

  // -------------------------------------------------------------------------------------------
  // tables and records

  private buildTable(draft: TableDraft): TableProposal {
    if (draft.customOptions !== undefined) {
      const entries = [...draft.customOptions.entries()].map(([key, value]) => ({
        key,
        value: draft.output.kind === "selection" && !value.startsWith('"') && !this.isRecordName(value) ? quote(value) : value,
      }));
      return {
        name: draft.name,
        output: draft.output.kind === "records" ? draft.output.model : "text",
        entries,
        unmatched: draft.unmatched ?? "flag",
        comment: `values of ${draft.fieldLabel}`,
      };
    }
    const options = this.optionsFor(draft.output);
    const matches = matchValues(draft.values, options);
    const extensible = draft.output.kind === "records" && EXTENSIBLE_MODELS.has(draft.output.model);
    const entries: TableEntryProposal[] = matches.map((match) => {
      const rows = `${match.count} row${match.count === 1 ? "" : "s"}`;
      if (match.option !== undefined) {
        const value = draft.output.kind === "selection" ? quote(match.option.key) : this.recordFor(draft.output.model, match.option);
        const exact = match.confidence >= 1;
        return { key: match.value, value, comment: `${rows}${exact ? "" : `; ${percent(match.confidence)}: ${match.option.label}`}` };
      }
      if (extensible && draft.output.kind === "records") {
        const defined = draft.output.model === "crm.stage" ? this.stageDefinitions().get(foldText(match.value.trim())) : undefined;
        const name = this.registries.record(draft.output.model, {
          name: identifierOf(match.value, "value"),
          values: [["name", quote(match.value)], ...(defined ?? [])],
        });
        return { key: match.value, value: name, comment: `${rows}; no match: choose, or keep this new record` };
      }
      const choices = options
        .slice(0, 6)
        .map((option) => (draft.output.kind === "selection" ? quote(option.key) : option.label))
        .join(", ");
      return { key: match.value, comment: `${rows}; no match: choose${choices === "" ? "" : ` (${choices}${options.length > 6 ? ", …" : ""})`}` };
    });
    const matched = matches.filter((match) => match.option !== undefined).length;
    return {
      name: draft.name,
      output: draft.output.kind === "records" ? draft.output.model : "text",
      entries,
      unmatched: "flag",
      comment: `${draft.fieldLabel}: ${matched} of ${matches.length} value${matches.length === 1 ? "" : "s"} match${matches.length === 1 ? "es" : ""} ${draft.output.kind === "records" ? `an existing ${draft.output.model} record` : "a selection key"}${extensible ? "; the others are created" : ""}`,
    };
  }

  private stageValues: Map<string, (readonly [string, string])[]> | undefined;

  /**
   * What an export's stage definitions (a pipelines file) say of each stage, by folded name:
   * its order, whether it is won, whether the board folds it.
   */
  private stageDefinitions(): Map<string, (readonly [string, string])[]> {
    if (this.stageValues !== undefined) return this.stageValues;
    const stages = new Map<string, (readonly [string, string])[]>();
    this.stageValues = stages;
    const fields = findModel(this.schema, "crm.stage")?.fields ?? {};
    for (const entity of this.entities) {
      if (entity.kind !== "stage") continue;
      const name =
        entity.columns.find((column) => column.words.includes("stage") && column.words.includes("name")) ??
        entity.columns.find((column) => column.words.includes("name"));
      if (name === undefined) continue;
      const flags: { field: string; column: ColumnProfile | undefined }[] = [
        { field: "sequence", column: entity.columns.find((column) => column.words.includes("sequence") && column.guess.type === "integer") },
        { field: "is_won", column: entity.columns.find((column) => column.words.includes("won") && column.guess.type === "boolean") },
        {
          field: "fold",
          column: entity.columns.find((column) => column.words.some((word) => word === "folded" || word === "fold") && column.guess.type === "boolean"),
        },
      ];
      name.values.forEach((value, row) => {
        const key = foldText(value.trim());
        if (key === "" || stages.has(key)) return;
        const values: (readonly [string, string])[] = [];
        for (const { field, column } of flags) {
          const raw = column?.values[row]?.trim() ?? "";
          if (column === undefined || raw === "" || fields[field] === undefined) continue;
          if (column.guess.type === "integer" && /^\d+$/.test(raw)) values.push([field, raw]);
          if (column.guess.type === "boolean") values.push([field, String(TRUE_WORDS.has(raw.toLowerCase()))]);
        }
        stages.set(key, values);
      });
    }
    return stages;
  }

  private isRecordName(value: string): boolean {
    return [...this.registries.records.values()].some((byName) => byName.has(value));
  }

  private recordFor(model: string, option: ValueOption): string {
    if (option.xmlid !== undefined) return this.registries.record(model, { name: identifierOf(option.label, "record"), existing: option.xmlid });
    return this.registries.record(model, { name: identifierOf(option.label, "record"), values: [["name", quote(option.label)]] });
  }

  // -------------------------------------------------------------------------------------------

  build(): PackageProposal {
    this.chooseTargets();
    const entities = this.entities.map((entity) => this.proposeEntity(entity));
    const tables = [...this.registries.tables.values()].map((draft) => this.buildTable(draft));
    const records: RecordsProposal[] = [...this.registries.records.entries()].map(([model, byName]) => ({ model, entries: [...byName.values()] }));
    return {
      migrationName: this.options.migrationName,
      sourceName: this.options.sourceName,
      target: this.options.target,
      entities,
      tables,
      records,
      customFields: [...this.registries.customFields.values()],
      lookups: [...this.registries.lookups.values()],
      missingRequired: this.registries.missingRequired,
      csv: [],
      sourceNotes: [],
      columns: this.log.reports(),
    };
  }
}

function customFieldType(column: ColumnProfile): string {
  switch (column.guess.type) {
    case "integer":
      return "integer";
    case "decimal":
    case "money":
      return "float";
    case "date":
      return "date";
    case "datetime":
      return "datetime";
    case "boolean":
      return "boolean";
    case "text":
      return column.guess.multiline || column.guess.maxLength > 200 ? "text" : "char";
    default:
      return "char";
  }
}

/** The share of the smaller value set found in the other. */
function overlap(left: ReadonlyMap<string, number>, right: ReadonlyMap<string, number>): number {
  const [small, large] = left.size <= right.size ? [left, right] : [right, left];
  if (small.size === 0) return 1;
  let shared = 0;
  for (const value of small.keys()) if (large.has(value)) shared++;
  return shared / small.size;
}
