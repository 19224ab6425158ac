/**
 * What the editor says about a name, as Markdown: one text per kind of thing (an Odoo field or
 * model, a source column, a built-in, a table...), shared by hover and by completion's
 * documentation, so both always say the same.
 */
import type * as A from "../../../language/ast.js";
import { valueText } from "../../../language/print-expressions.js";
import { MissingNodeError, print } from "../../../language/printer.js";
import { builtinSignature, type Builtin } from "../../../compiler/builtins.js";
import { fieldConstraints, listShippedSeries, seriesHavingField, seriesHavingModel, type OdooField, type OdooModel } from "../../../compiler/catalog/index.js";
import { recordXmlid } from "../../../compiler/check-expressions.js";
import type {
  ColumnSymbol,
  EntitySymbol,
  GroupSymbol,
  LookupSymbol,
  PackageSymbol,
  RecordSymbol,
  SettingSymbol,
  SourceSymbol,
  StepSymbol,
  TableSymbol,
  TargetSymbol,
} from "../../../compiler/model.js";

/** What the descriptions need to know about the package: its target and external ID namespace. */
export interface DescriptionContext {
  /** The Odoo series checked against, e.g. "17.0"; undefined when the target is unknown. */
  readonly series: string | undefined;
  readonly namespace: string;
}

const code = (text: string): string => `\`\`\`flitmap\n${text}\n\`\`\``;

/** "In Odoo 17.0, 18.0; not in 19.0": the shipped catalogs that have a model or field. */
function versionsLine(having: readonly string[]): string {
  const all = listShippedSeries();
  const missing = all.filter((serie) => !having.includes(serie));
  if (having.length === 0) return `Not in the Odoo versions Flitmap ships (${all.join(", ")})`;
  return missing.length === 0 ? `In Odoo ${having.join(", ")}` : `In Odoo ${having.join(", ")}; not in ${missing.join(", ")}`;
}

export function fieldSignature(model: string, field: OdooField): string {
  return `${model}.${field.name}: ${field.type}${field.relation === undefined ? "" : ` → ${field.relation}`}`;
}

/** The type of a field as completion shows it: `many2one → res.partner`. */
export function fieldType(field: OdooField): string {
  return `${field.type}${field.relation === undefined ? "" : ` → ${field.relation}`}`;
}

export function fieldMarkdown(model: string, field: OdooField): string {
  // What fields_get does not say: curated constraints Odoo enforces (a partner's name, a lead's probability).
  const constraints = fieldConstraints(model, field.name);
  const requiredByConstraint = !field.required && constraints.some((fact) => fact.kind === "required");
  const flags = [field.required ? "required" : requiredByConstraint ? "required by a constraint" : "", field.readonly ? "read-only" : ""].filter(
    (flag) => flag !== "",
  );
  const parts = [code(fieldSignature(model, field)), [`**${field.label === "" ? field.name : field.label}**`, ...flags].join(" · ")];
  if (field.help !== undefined && field.help.trim() !== "") parts.push(field.help.trim());
  for (const fact of constraints) {
    if (fact.kind === "required") parts.push(`Odoo refuses it empty ("${fact.odooMessage}")${fact.condition === undefined ? "" : ` when ${fact.condition}`}`);
    else if (fact.kind === "range") parts.push(`Odoo takes ${fact.min} to ${fact.max} ("${fact.odooMessage}")`);
    else parts.push(`Odoo refuses a record that would become its own ancestor ("${fact.odooMessage}")`);
  }
  if (field.selection !== undefined && field.selection.length > 0) {
    parts.push(`Keys: ${field.selection.map((option) => `\`"${option.value}"\` (${option.label})`).join(", ")}`);
  }
  if (field.writability.writable === "no") parts.push(`Not kept when written through the API: ${field.writability.reason}`);
  else if (field.writability.writable === "unknown") parts.push(`May be computed by Odoo: ${field.writability.reason}`);
  if (field.custom) parts.push(`Custom field, declared in an \`extend ${model}\` block: created before the load`);
  else parts.push(versionsLine(seriesHavingField(model, field.name)));
  return parts.join("\n\n");
}

/** A field the target's model lacks: which Odoo versions have it (the diagnostic says what to do). */
export function missingFieldMarkdown(model: string, field: string, series: string): string {
  return [code(`${model}.${field}`), `Not a field of ${model} in Odoo ${series}, the target`, versionsLine(seriesHavingField(model, field))].join("\n\n");
}

export function modelMarkdown(name: string, model: OdooModel | undefined, context: DescriptionContext): string {
  const parts = [code(`(model) ${name}`)];
  if (model === undefined) parts.push(context.series === undefined ? "The target Odoo is unknown" : `Not in Odoo ${context.series}, the target`);
  else parts.push(`**${model.label === "" ? name : model.label}**${model.modules.length === 0 ? "" : ` · modules ${model.modules.join(", ")}`}`);
  parts.push(versionsLine(seriesHavingModel(name)));
  return parts.join("\n\n");
}

export function builtinMarkdown(builtin: Builtin): string {
  const parts = [code(builtinSignature(builtin)), builtin.summary];
  if (builtin.parameters.length > 0) {
    parts.push(builtin.parameters.map((parameter) => `- \`${parameter.name}\`${parameter.optional ? " (optional)" : ""}: ${parameter.description}`).join("\n"));
  }
  if (builtin.onInvalid !== undefined) parts.push(builtin.onInvalid);
  parts.push(`Example:\n\n${code(builtin.example)}\n\n${builtin.exampleResult}`);
  return parts.join("\n\n");
}

function columnFlags(column: ColumnSymbol): string[] {
  const flags: string[] = [];
  if (column.entity.key.includes(column)) flags.push("key");
  if (column.required) flags.push("required");
  if (column.personal) flags.push("personal data");
  if (column.modified) flags.push("modified");
  if (column.references !== undefined) flags.push(`references ${column.references.name}`);
  if (column.format !== undefined) flags.push(`format "${column.format}"`);
  return flags;
}

export function columnMarkdown(column: ColumnSymbol): string {
  const owner = column.group === undefined ? column.entity.name : `${column.entity.name}.${column.group.name}`;
  const flags = columnFlags(column);
  return [
    code(`(column) ${owner}.${column.name}: ${column.declaredType}`),
    `Header \`"${column.header}"\` in \`${column.entity.pattern}\` (entity ${column.entity.name} of source ${column.entity.source.name})`,
    ...(flags.length === 0 ? [] : [flags.join(" · ")]),
  ].join("\n\n");
}

export function entityMarkdown(entity: EntitySymbol): string {
  const key = entity.key.map((column) => column.name);
  const header = `(entity) ${entity.name} "${entity.pattern}"${key.length === 0 ? "" : key.length === 1 ? ` key ${key[0] ?? ""}` : ` key (${key.join(", ")})`}`;
  const groups = entity.groups.size === 0 ? "" : `, ${entity.groups.size} column group${entity.groups.size === 1 ? "" : "s"}`;
  return [code(header), `${entity.columns.size} column${entity.columns.size === 1 ? "" : "s"}${groups}, source ${entity.source.name}`].join("\n\n");
}

function groupMarkdown(group: GroupSymbol): string {
  return [code(`(group) ${group.entity.name}.${group.name}[${group.from}..${group.to}]`), `Columns: ${[...group.columns.keys()].join(", ")}`].join("\n\n");
}

function sourceMarkdown(source: SourceSymbol): string {
  return [code(`(source) ${source.name}`), `Entities: ${source.entities.map((entity) => entity.name).join(", ") || "none"}`].join("\n\n");
}

function tableDefault(declaration: A.TableDeclaration): string {
  const fallback = declaration.entries.find((entry): entry is A.TableDefault => entry.kind === "TableDefault");
  if (fallback === undefined) return "no `_ ->` default: other values are rejected";
  if (fallback.action !== "value" || fallback.value === undefined || fallback.value.kind === "Missing") return `other values: ${fallback.action}`;
  const value = fallback.value;
  return `other values: ${value.kind === "NameReference" ? value.name.value : value.kind === "StringLiteral" ? `"${value.value}"` : String(value.value)}`;
}

export function tableSignature(table: TableSymbol): string {
  const side = (name: A.QualifiedName | A.Missing): string => (name.kind === "Missing" ? "?" : name.value);
  return `${table.name}: ${side(table.declaration.input)} -> ${side(table.declaration.output)}`;
}

function tableMarkdown(table: TableSymbol): string {
  const entries = table.declaration.entries.filter((entry) => entry.kind === "TableEntry").length;
  return [code(`(table) ${tableSignature(table)}`), `${entries} entr${entries === 1 ? "y" : "ies"}; ${tableDefault(table.declaration)}`].join("\n\n");
}

/** `step fold = trim | upper`, as the formatter writes it. */
export function stepSignature(step: StepSymbol): string {
  const document: A.Document = { kind: "Document", file: step.file, declarations: [step.declaration], comments: [], range: step.declaration.range };
  try {
    return print(document).trimEnd();
  } catch (error) {
    // A declaration still being typed has parts missing: its name says enough.
    if (error instanceof MissingNodeError) return `step ${step.name}`;
    throw error;
  }
}

export function stepMarkdown(step: StepSymbol): string {
  const count = step.declaration.steps.length;
  const fallbacks = step.declaration.fallbacks.length;
  const then = fallbacks === 0 ? "" : `, then, where ${count === 1 ? "it gives" : "they give"} nothing, ${fallbacks === 1 ? "its fallback" : `its ${fallbacks} fallbacks in turn`} (after \`??\`) to the same value`;
  return [code(stepSignature(step)), `A named step: \`| ${step.name}\` applies its ${count} step${count === 1 ? "" : "s"} to the value piped into it${then}`].join("\n\n");
}

export function lookupSignature(lookup: LookupSymbol): string {
  return `${lookup.name} in ${lookup.model ?? "?"} by ${lookup.matchFields.map((field) => field.value).join(" or ")}`;
}

function lookupMarkdown(lookup: LookupSymbol): string {
  const missing =
    lookup.missing === undefined
      ? "no `missing` policy: unmatched rows are rejected"
      : lookup.missing.policy === "fallback"
        ? `missing fallback ${JSON.stringify(lookup.missing.value)}`
        : `missing ${lookup.missing.policy}`;
  return [code(`(lookup) ${lookupSignature(lookup)}`), `${missing}${lookup.includeArchived ? " · archived records included" : ""}`].join("\n\n");
}

/** `map Company -> res.partner`, `split Relation: org -> res.partner`, `each QuoteLine (order_line)`. */
export function targetSummary(target: TargetSymbol): string {
  const entity = target.entity?.name ?? (target.entityName.kind === "Name" ? target.entityName.value : "?");
  const model = target.model ?? "?";
  if (target.role === "map") return `map ${entity} -> ${model}`;
  if (target.role === "split") return `split ${entity}: ${target.alias} -> ${model}`;
  return `${target.parent?.field.value ?? "?"} <- each ${entity} -> ${model}`;
}

function targetMarkdown(target: TargetSymbol, context: DescriptionContext): string {
  const key = target.entity?.key.map((column) => column.name).join("_") ?? "key";
  const derived = target.aliasDeclared ? "" : " (the entity's name, as no alias is written)";
  return [
    code(`(alias) ${target.alias}: ${targetSummary(target)}`),
    `Records get external IDs \`${context.namespace === "" ? "<namespace>" : context.namespace}.${target.alias}_<${key}>\`${derived}`,
  ].join("\n\n");
}

function recordMarkdown(record: RecordSymbol, context: DescriptionContext): string {
  const values = record.declaration.values.map((value) => {
    const field = value.field.kind === "Name" ? value.field.value : `"${value.field.value}"`;
    const written = value.value.kind === "Missing" ? "?" : valueText(value.value);
    return `${field} ${written}`;
  });
  const what =
    record.existing !== undefined
      ? `An existing record: \`${record.existing}\``
      : `Ensured before the load, matched by ${record.records.match?.value ?? "name"}: ${values.join(", ") || "no values"}`;
  return [
    code(`(record) ${record.model} ${record.name}`),
    what,
    `External ID \`${recordXmlid(context.namespace === "" ? "<namespace>" : context.namespace, record)}\``,
  ].join("\n\n");
}

/** A setting: its value in the migration block, and the values the package's conditions test it with. */
export function settingMarkdown(setting: SettingSymbol, testedValues: readonly string[]): string {
  return [
    code(`(setting) ${setting.name}${setting.value === undefined ? "" : ` "${setting.value}"`}`),
    `A switch of the package: \`flitmap ... --set ${setting.name}=...\` chooses another value for a run`,
    ...(testedValues.length === 0 ? [] : [`Tested values: ${testedValues.map((value) => `\`"${value}"\``).join(", ")}`]),
  ].join("\n\n");
}

/** A package symbol's description; custom fields are described as the Odoo fields they become, a setting's tested values are added (by the caller). */
export function symbolMarkdown(symbol: PackageSymbol, context: DescriptionContext): string {
  switch (symbol.kind) {
    case "source":
      return sourceMarkdown(symbol);
    case "entity":
      return entityMarkdown(symbol);
    case "column":
      return columnMarkdown(symbol);
    case "group":
      return groupMarkdown(symbol);
    case "lookup":
      return lookupMarkdown(symbol);
    case "table":
      return tableMarkdown(symbol);
    case "step":
      return stepMarkdown(symbol);
    case "record":
      return recordMarkdown(symbol, context);
    case "custom-field":
      return [code(`(custom field) ${symbol.model}.${symbol.name}`), `Declared in an \`extend ${symbol.model}\` block`].join("\n\n");
    case "target":
      return targetMarkdown(symbol, context);
    case "setting":
      return settingMarkdown(symbol, []);
    case "import": {
      const from = symbol.declaration.from.kind === "StringLiteral" ? symbol.declaration.from.value : "?";
      if (symbol.imported === undefined) return [code(`(import) ${symbol.name}`), `Not found in \`${from}\``].join("\n\n");
      return `${symbolMarkdown(symbol.imported, context)}\n\nImported from \`${from}\``;
    }
  }
}
