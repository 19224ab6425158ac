/**
 * Emits the plan of an analysed package that has no errors: plain data, in a deterministic order,
 * validated with the plan's zod schema before it leaves the compiler.
 */
import { relative } from "node:path";
import type * as A from "../../language/ast.js";
import { isColumnType } from "../../language/column-types.js";
import type { PackageAnalysis } from "../analyze.js";
import { lookupOutputType } from "../lookup-returns.js";
import { findField, findModel, referenceRecords, type OdooSchema, type ReferenceRecord } from "../catalog/index.js";
import { recordXmlid } from "../check-expressions.js";
import type { CheckedAssignment, CheckedCondition, CheckedMerge, CheckedPackage } from "../checked-package.js";
import { referencedSteps, type DependencyEdge, type DependencyGraph } from "../dependencies.js";
import type { ColumnSymbol, EntitySymbol, LookupSymbol, RecordSymbol, TableSymbol, TargetSymbol } from "../model.js";
import { typeString } from "../check-expressions.js";
import { deletionPolicy, isExternalIdNamespace } from "../target.js";
import { stepConstraints } from "./step-constraints.js";
import {
  Plan,
  PLAN_FORMAT,
  PLAN_VERSION,
  type ColumnPlan,
  type EntityPlan,
  type ExpectedRecordPlan,
  type ExpectedValuePlan,
  type Literal,
  type LookupPlan,
  type OperationPlan,
  type PlanValue,
  type RecordPlan,
  type StepPlan,
  type TablePlan,
  type TestPlan,
} from "./schema.js";

export class PlanEmissionError extends Error {}

/**
 * The module that defines a model, for its ir.model external ID (`crm.model_crm_lead`): the
 * installed module named like the model's first part, else base (res.*, ir.*).
 */
function definingModule(schema: OdooSchema, model: string): string {
  const prefix = model.split(".")[0] ?? "";
  return schema.modules.some((module) => module.name === prefix) ? prefix : "base";
}

/** Records the target is known to hold: its reference data, and for ir.model, its models. */
function knownRecords(schema: OdooSchema, model: string): ReferenceRecord[] {
  if (model !== "ir.model") return [...referenceRecords(schema, model)];
  return Object.values(schema.models).map((entry) => ({
    xmlid: `${definingModule(schema, entry.name)}.model_${entry.name.replace(/\./g, "_")}`,
    name: entry.label,
    values: { model: entry.name, name: entry.label },
  }));
}

function columnPlan(column: ColumnSymbol): ColumnPlan {
  // An unknown type is FM209, an error: a package with errors has no plan.
  if (!isColumnType(column.declaredType)) throw new PlanEmissionError(`column ${column.name} has an unknown type ${column.declaredType}`);
  return {
    name: column.name,
    header: column.header,
    type: column.declaredType,
    ...(column.format === undefined ? {} : { format: column.format }),
    required: column.required,
    personal: column.personal,
    modified: column.modified,
    ...(column.references === undefined ? {} : { references: column.references.name }),
    ...(column.emptyValues === undefined ? {} : { emptyValues: [...column.emptyValues] }),
    ...(column.unique === undefined || column.unique.match === "exact" ? {} : { match: column.unique.match }),
  };
}

function entityPlan(entity: EntitySymbol): EntityPlan {
  return {
    name: entity.name,
    source: entity.source.name,
    pattern: entity.pattern,
    key: entity.key.map((column) => column.name),
    ...(entity.declaration.keyOptional === true ? { keyOptional: true } : {}),
    options: {
      delimiter: entity.options.delimiter,
      encoding: entity.options.encoding,
      quote: entity.options.quote,
      date: entity.options.date,
      datetime: entity.options.datetime,
      timezone: entity.options.timezone,
      decimal: entity.options.decimal === "," ? "," : ".",
      ...(entity.options.currency === undefined ? {} : { currency: entity.options.currency }),
      trueWords: [...entity.options.trueWords],
      falseWords: [...entity.options.falseWords],
      ...(entity.options.emptyValues.length === 0 ? {} : { emptyValues: [...entity.options.emptyValues] }),
    },
    duplicates: { keep: entity.duplicates.keep, ...(entity.duplicates.by === undefined ? {} : { by: entity.duplicates.by.name }) },
    columns: [...entity.columns.values()].map(columnPlan),
    groups: [...entity.groups.values()].map((group) => ({
      name: group.name,
      from: group.from,
      to: group.to,
      columns: [...group.columns.values()].map(columnPlan),
    })),
  };
}

/** What the plan's step of a target is made of, gathered for every target in one pass. */
interface StepParts {
  readonly assignments: CheckedAssignment[];
  readonly conditions: CheckedCondition[];
  readonly merges: CheckedMerge[];
  /** The edges from the target. */
  readonly edges: DependencyEdge[];
}

const NO_PARTS: StepParts = { assignments: [], conditions: [], merges: [], edges: [] };

function stepParts(checked: CheckedPackage, dependencies: DependencyGraph): Map<TargetSymbol, StepParts> {
  const parts = new Map<TargetSymbol, StepParts>();
  const of = (target: TargetSymbol): StepParts => {
    const found = parts.get(target);
    if (found !== undefined) return found;
    const created: StepParts = { assignments: [], conditions: [], merges: [], edges: [] };
    parts.set(target, created);
    return created;
  };
  for (const assignment of checked.assignments) of(assignment.target).assignments.push(assignment);
  for (const condition of checked.conditions) of(condition.target).conditions.push(condition);
  for (const merge of checked.merges) of(merge.target).merges.push(merge);
  for (const edge of dependencies.edges) of(edge.from).edges.push(edge);
  return parts;
}

class Emitter {
  private readonly records = new Map<string, RecordSymbol>();

  constructor(
    private readonly analysis: PackageAnalysis,
    private readonly schema: OdooSchema,
    private readonly namespace: string,
  ) {}

  private recordValue(symbol: RecordSymbol): PlanValue {
    this.records.set(`${symbol.model}\u0000${symbol.name}`, symbol);
    return { model: symbol.model, xmlid: recordXmlid(this.namespace, symbol) };
  }

  private value(value: A.Value | A.EmptyValue | A.KeyReference | A.ValueList | A.Missing, model: string | undefined): PlanValue {
    if (value.kind === "Missing") throw new PlanEmissionError("a value is missing");
    if (value.kind === "ValueList") throw new PlanEmissionError("a list of records stands only in a test's expect");
    if (value.kind === "EmptyValue") return null;
    if (value.kind === "KeyReference") throw new PlanEmissionError('`ref ALIAS "KEY"` stands only in a test\'s expect');
    if (value.kind === "NameReference") {
      const symbol = this.analysis.bound.binder.findRecord(value.name.value, model);
      if (symbol === undefined) throw new PlanEmissionError(`record ${value.name.value} is not declared`);
      return this.recordValue(symbol);
    }
    return value.value;
  }

  private expectedValue(value: A.Value | A.KeyReference | A.Missing, relation: string | undefined): PlanValue | ExpectedRecordPlan {
    return value.kind === "KeyReference" ? this.expectedRecord(value) : this.value(value, relation);
  }

  private expectedRecord(reference: A.KeyReference): ExpectedRecordPlan {
    if (reference.alias.kind === "Missing" || reference.key.kind === "Missing") throw new PlanEmissionError("a `ref` in a test names no alias or key");
    const target = this.analysis.bound.aliases.get(reference.alias.value);
    if (target === undefined) throw new PlanEmissionError(`no map or split target is called ${reference.alias.value}`);
    return { step: target.alias, key: reference.key.value };
  }

  private table(symbol: TableSymbol): TablePlan {
    const output = symbol.output;
    const outputModel = output?.kind === "record" ? output.model : undefined;
    const entries: TablePlan["entries"] = [];
    let unmatched: TablePlan["unmatched"] = { action: "flag" };
    for (const entry of symbol.declaration.entries) {
      if (entry.kind === "TableEntry") {
        entries.push({ keys: entry.keys.map((key) => key.value), value: this.value(entry.value, outputModel) });
      } else if (entry.action === "value") {
        unmatched = { action: "value", value: this.value(entry.value ?? { kind: "Missing", expected: "a value", range: entry.range }, outputModel) };
      } else {
        unmatched = { action: entry.action };
      }
    }
    return {
      name: symbol.name,
      input: typeString(symbol.input ?? { kind: "text" }),
      output: output === undefined ? "unknown" : output.kind === "record" ? `record:${output.model}` : typeString(output.type),
      entries,
      unmatched,
    };
  }

  private lookup(symbol: LookupSymbol): LookupPlan {
    const returns = symbol.returns === undefined ? undefined : { field: symbol.returns.value, type: typeString(lookupOutputType(this.schema, symbol)) };
    return {
      name: symbol.name,
      model: symbol.model ?? "",
      matchFields: symbol.matchFields.map((field) => field.value),
      ...(symbol.together ? { together: true as const } : {}),
      missing: symbol.missing === undefined ? { policy: "reject" } : symbol.missing,
      includeArchived: symbol.includeArchived,
      ...(symbol.matchRule === undefined || symbol.matchRule === "exact" ? {} : { matchRule: symbol.matchRule }),
      ...(symbol.ambiguous === undefined ? {} : { ambiguous: symbol.ambiguous }),
      ...(returns === undefined ? {} : { returns }),
      known: knownRecords(this.schema, symbol.model ?? "").map((record) => {
        const values: Record<string, unknown> = {};
        // The recordings keep a record's name beside its values, not among them.
        for (const field of [...symbol.matchFields.map((name) => name.value), ...(returns === undefined ? [] : [returns.field])]) {
          const value = record.values[field] ?? (field === "name" ? record.name : undefined);
          if (value !== undefined) values[field] = value;
        }
        if (symbol.includeArchived || record.values["active"] !== undefined) values["active"] = record.values["active"] ?? true;
        return {
          ...(record.id === undefined ? {} : { id: record.id }),
          ...(record.xmlid === undefined ? {} : { xmlid: record.xmlid }),
          name: record.name,
          values,
        };
      }),
    };
  }

  private recordPlan(symbol: RecordSymbol): RecordPlan {
    const values: Record<string, PlanValue> = {};
    for (const entry of symbol.declaration.values) {
      if (entry.field.kind !== "Name") continue;
      const relation = findField(this.schema, symbol.model, entry.field.value)?.relation;
      values[entry.field.value] = this.value(entry.value, relation);
    }
    const matchField = symbol.records.match?.value ?? (values["name"] !== undefined ? "name" : undefined);
    const matchValue = matchField === undefined ? undefined : values[matchField];
    return {
      name: symbol.name,
      model: symbol.model,
      xmlid: recordXmlid(this.namespace, symbol),
      existing: symbol.existing !== undefined,
      ...(matchField !== undefined && (matchValue === null || typeof matchValue !== "object") && matchValue !== undefined
        ? { match: { field: matchField, value: matchValue } }
        : {}),
      values,
    };
  }

  private operation(field: string, target: TargetSymbol, value: OperationPlan["value"]): OperationPlan {
    const odooField = findField(this.schema, target.model ?? "", field);
    if (odooField === undefined) throw new PlanEmissionError(`${target.model ?? "?"} has no field ${field}`);
    return {
      field,
      fieldType: odooField.type,
      ...(odooField.relation === undefined ? {} : { relation: odooField.relation }),
      required: odooField.required,
      ...(odooField.required && odooField.hasDefault ? { defaulted: true as const } : {}),
      ...(odooField.size === undefined ? {} : { size: odooField.size }),
      ...(odooField.selection === undefined ? {} : { selection: odooField.selection.map((option) => option.value) }),
      value,
    };
  }

  private step(target: TargetSymbol, parts: StepParts): StepPlan {
    const { dependencies } = this.analysis;
    if (target.entity === undefined || target.model === undefined) throw new PlanEmissionError(`target ${target.alias} is not resolved`);
    const operations: OperationPlan[] = [];
    const deferred: OperationPlan[] = [];
    for (const assignment of parts.assignments) {
      if (assignment.value === undefined) continue;
      const operation = this.operation(assignment.fieldName.value, target, assignment.value.ir);
      if (dependencies.deferred.has(assignment)) deferred.push(operation);
      else operations.push(operation);
    }
    const dependsOn = [
      ...new Set(
        parts.edges
          .filter((edge) => edge.to !== target && (edge.assignment === undefined || !dependencies.deferred.has(edge.assignment)))
          .map((edge) => edge.to.alias),
      ),
    ];
    let parent: StepPlan["parent"];
    if (target.parent !== undefined) {
      const parentModel = target.parent.target.model ?? "";
      const one2many = findField(this.schema, parentModel, target.parent.field.value);
      const by = target.parent.by.kind === "Name" ? target.parent.by.value : "";
      if (one2many?.relationField === undefined) throw new PlanEmissionError(`${parentModel}.${target.parent.field.value} is not a one2many`);
      parent = { step: target.parent.target.alias, field: target.parent.field.value, inverse: one2many.relationField, by };
    }
    const constraints = stepConstraints(this.schema, target.model, operations, deferred, parent?.inverse);
    return {
      id: target.alias,
      kind: target.role,
      entity: target.entity.name,
      model: target.model,
      conditions: parts.conditions.map((condition) => condition.expression.ir),
      ...(target.forEachGroup === undefined
        ? {}
        : { forEach: { group: target.forEachGroup.name, from: target.forEachGroup.from, to: target.forEachGroup.to } }),
      ...(parent === undefined ? {} : { parent }),
      operations,
      deferred,
      dependsOn,
      ...(constraints.length === 0 ? {} : { constraints }),
      ...mergePlan(parts.merges[0]),
    };
  }

  private tests(): TestPlan[] {
    const tests: TestPlan[] = [];
    for (const file of this.analysis.files) {
      for (const declaration of file.document.declarations) {
        if (declaration.kind !== "TestDeclaration" || declaration.name.kind === "Missing") continue;
        const given: TestPlan["given"] = [];
        const odoo: NonNullable<TestPlan["odoo"]> = [];
        const expect: TestPlan["expect"] = [];
        for (const item of declaration.items) {
          if (item.kind === "GivenRow") {
            if (item.entity.kind === "Missing") continue;
            const cells: Record<string, string> = {};
            for (const cell of item.cells) {
              if (cell.value.kind === "Missing" || cell.value.kind === "NameReference" || cell.value.kind === "KeyReference" || cell.value.kind === "ValueList")
                continue;
              cells[cell.field.value] = String(cell.value.value);
            }
            given.push({ entity: item.entity.value, cells });
          } else if (item.kind === "GivenOdooRecord") {
            if (item.model.kind === "Missing") continue;
            const model = item.model.value;
            const values: Record<string, PlanValue> = {};
            for (const entry of item.values) {
              if (entry.field.kind !== "Name" || entry.value.kind === "KeyReference") continue;
              values[entry.field.value] = this.value(entry.value, findField(this.schema, model, entry.field.value)?.relation);
            }
            odoo.push({ model, values });
          } else if (item.kind === "ExpectRecord") {
            if (item.model.kind === "Missing") continue;
            const model = item.model.value;
            const values: Record<string, ExpectedValuePlan> = {};
            for (const entry of item.values) {
              if (entry.field.kind !== "Name") continue;
              const relation = findField(this.schema, model, entry.field.value)?.relation;
              const value = entry.value;
              values[entry.field.value] =
                value.kind === "ValueList" ? value.items.map((one) => this.expectedValue(one, relation)) : this.expectedValue(value, relation);
            }
            expect.push({ kind: "record", model, values, line: item.range.start.line, ...(item.count === undefined ? {} : { count: item.count.value }) });
          } else if (item.entity !== undefined) {
            expect.push({
              kind: item.outcome,
              entity: item.entity.value,
              ...(item.message === undefined ? {} : { message: item.message.value }),
              line: item.range.start.line,
            });
          }
        }
        // Relative to the package, so that the plan is the same wherever the package is compiled.
        tests.push({
          name: declaration.name.value,
          given,
          ...(odoo.length === 0 ? {} : { odoo }),
          expect,
          file: relative(this.analysis.directory, file.path),
          line: declaration.range.start.line,
        });
      }
    }
    return tests;
  }

  emit(): Plan {
    const { bound, checked, dependencies, target, customFields } = this.analysis;
    const migration = target.migration;
    if (migration === undefined || migration.declaration.name.kind === "Missing") throw new PlanEmissionError("the package has no migration block");
    const parts = stepParts(checked, dependencies);
    const steps = dependencies.order.map((step) => this.step(step, parts.get(step) ?? NO_PARTS));
    const usedEntities = new Set<EntitySymbol>();
    for (const step of bound.targets) if (step.entity !== undefined) usedEntities.add(step.entity);
    for (const column of checked.usedColumns) usedEntities.add(column.entity);
    const usedSymbols = new Set(bound.references.map((reference) => reference.symbol));
    const tables = [...bound.tables.values()]
      .filter((table) => usedSymbols.has(table))
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((table) => this.table(table));
    const lookups = [...bound.lookups.values()]
      .filter((lookup) => usedSymbols.has(lookup))
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((lookup) => this.lookup(lookup));
    // Every record the package declares is ensured, used or not, unless the target lacks its model
    // (declared for another Odoo version); imported ones only when used.
    for (const byName of bound.records.values()) {
      for (const symbol of byName.values())
        if (findModel(this.schema, symbol.model) !== undefined) this.records.set(`${symbol.model}\u0000${symbol.name}`, symbol);
    }
    for (const symbol of checked.usedRecords) this.records.set(`${symbol.model}\u0000${symbol.name}`, symbol);
    const tests = this.tests();
    const deleted = deletionPolicy(target);
    const records = [...this.records.values()].map((symbol) => this.recordPlan(symbol));
    const plan: Plan = {
      format: PLAN_FORMAT,
      version: PLAN_VERSION,
      migration: {
        name: migration.declaration.name.value,
        namespace: this.namespace,
        ...(deleted.declaration === undefined ? {} : { deleted: deleted.policy }),
      },
      target: {
        series: this.schema.serie,
        serverVersion: this.schema.serverVersion,
        origin: target.origin ?? "catalog",
        modules: this.schema.modules.map((module) => module.name),
      },
      entities: [...usedEntities].map(entityPlan),
      lookups,
      tables,
      setup: {
        customFields: customFields.additions.map((addition) => ({
          model: addition.model,
          name: addition.name,
          type: addition.type,
          label: addition.label,
          ...(addition.help === undefined ? {} : { help: addition.help }),
          required: addition.required === true,
          ...(addition.relation === undefined ? {} : { relation: addition.relation }),
          ...(addition.selection === undefined ? {} : { selection: addition.selection.map((option) => ({ value: option.value, label: option.label })) }),
        })),
        records,
      },
      steps,
      tests,
    };
    const validated = Plan.safeParse(plan);
    if (!validated.success) throw new PlanEmissionError(`the emitted plan does not match its schema: ${validated.error.message}`);
    return validated.data;
  }
}

/** The plan of a package, or an error when the package has errors or no target. */
export function emitPlan(analysis: PackageAnalysis): Plan {
  if (analysis.diagnostics.some((diagnostic) => diagnostic.severity === "error"))
    throw new PlanEmissionError("the package has errors; `flitmap check` lists them");
  if (analysis.schema === undefined) throw new PlanEmissionError("the package has no usable target");
  const namespace = analysis.target.namespace;
  if (!isExternalIdNamespace(namespace)) throw new PlanEmissionError(`the external ID namespace "${namespace}" must be letters, digits and underscores`);
  return new Emitter(analysis, analysis.schema, namespace).emit();
}

/** The plan as the bytes `flitmap compile` writes: the same input always gives the same bytes. */
export function serializePlan(plan: Plan): string {
  return `${JSON.stringify(plan, null, 2)}\n`;
}

/** A map's `merge onto`: the steps its expression can find a record of, and the fields it overwrites. */
function mergePlan(merge: CheckedMerge | undefined): { merge?: StepPlan["merge"] } {
  if (merge === undefined) return {};
  const into = [...new Set(referencedSteps(merge.onto.ir).map(({ step }) => step))].filter((step) => step !== merge.target.alias);
  return { merge: { onto: merge.onto.ir, into, overwrite: merge.clause.overwrite.map((field) => field.value) } };
}
