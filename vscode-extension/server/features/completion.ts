/**
 * Completion: the keywords the grammar allows at the cursor, and the names that fit there —
 * fields of the target's model at a body's statement start (only those that fit the value
 * already written), columns after `<-`, built-ins, tables and lookups after `|`, aliases whose
 * model fits the field after `ref`, selection keys and records after `=`, table keys where a
 * column read through a table is compared or given in a test, models and entities in headers.
 *
 * Where the cursor is comes from the current text (completion-context.ts); the names come from
 * the package's latest analysis, which may be a keystroke behind: names declared elsewhere do not
 * change while one types here.
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Range as LspRange } from "vscode-languageserver";
import type * as A from "../../../language/ast.js";
import type { PackageAnalysis } from "../../../compiler/analyze.js";
import { SOURCE_OPTION_NAMES } from "../../../compiler/value-formats.js";
import { BUILTINS, builtinSignature, type Builtin } from "../../../compiler/builtins.js";
import {
  CUSTOM_FIELD_TYPES,
  findField,
  findModel,
  listShippedSeries,
  requiredFields,
  type OdooField,
  type OdooSchema,
} from "../../../compiler/catalog/index.js";
import type { EntitySymbol, TargetSymbol } from "../../../compiler/model.js";
import { RULES } from "../../../compiler/rules/index.js";
import { COLUMN_TYPES } from "../../../language/column-types.js";
import { tokenize } from "../../../language/lexer.js";
import { positionAt } from "../../../language/location.js";
import { literalText, valueText } from "../../../language/print-expressions.js";
import { forEachNode } from "../../../language/visit.js";
import { completionContext, type BodyFrame, type CompletionContext, type ModelSource, type Slot } from "./completion-context.js";
import {
  builtinMarkdown,
  columnMarkdown,
  entityMarkdown,
  fieldMarkdown,
  fieldType,
  lookupSignature,
  stepMarkdown,
  tableSignature,
  targetSummary,
  type DescriptionContext,
} from "./descriptions.js";
import { keywordCompletions } from "./keyword-completion.js";
import { toLspRange } from "./positions.js";

export interface CompletionInput {
  readonly text: string;
  readonly offset: number;
  /** The current text's tree (possibly broken). */
  readonly document: A.Document;
  readonly lineStarts: readonly number[];
  /** The package's latest analysis; undefined before the first one. */
  readonly analysis: PackageAnalysis | undefined;
}

/** Names sort before keywords; among names, what fits best first. */
const FIRST = "0";
const NAME = "1";
const LATER = "2";

interface Builder {
  readonly range: LspRange;
  readonly context: CompletionContext;
  readonly items: CompletionItem[];
}

interface ItemDetails {
  readonly detail?: string;
  /** Shown right after the label in the list (a field's type). */
  readonly labelDetail?: string;
  /** Shown at the list's right edge (a field's label). */
  readonly description?: string;
  readonly documentation?: string;
  readonly rank?: string;
  readonly newText?: string;
  readonly snippet?: string;
}

function item(builder: Builder, label: string, kind: CompletionItemKind, details: ItemDetails = {}): void {
  const newText = details.newText ?? label;
  const completion: CompletionItem = {
    label,
    kind,
    sortText: `${details.rank ?? NAME}${label}`,
    textEdit: { range: builder.range, newText: details.snippet ?? newText },
  };
  if (details.detail !== undefined) completion.detail = details.detail;
  if (details.description !== undefined || details.labelDetail !== undefined) {
    completion.labelDetails = {
      ...(details.labelDetail === undefined ? {} : { detail: details.labelDetail }),
      ...(details.description === undefined ? {} : { description: details.description }),
    };
  }
  if (details.documentation !== undefined) completion.documentation = { kind: MarkupKind.Markdown, value: details.documentation };
  if (newText !== label) completion.filterText = newText;
  if (details.snippet !== undefined) completion.insertTextFormat = InsertTextFormat.Snippet;
  builder.items.push(completion);
}

const NOT_COLUMNS = new Set(["csv", "duplicates", "group"]);

/** The columns the block after `offset` declares (an entity's header is being written: its body is the current text's). */
function columnsDeclaredBelow(text: string, offset: number): string[] {
  const tokens = tokenize(text.slice(offset), "").tokens;
  const open = tokens.findIndex((token) => token.tokenType.name === "LCurly");
  const names: string[] = [];
  let depth = 0;
  for (let index = open; open >= 0 && index < tokens.length; index++) {
    const token = tokens[index];
    if (token === undefined) break;
    const kind = token.tokenType.name;
    if (kind === "LCurly") depth++;
    else if (kind === "RCurly" && --depth === 0) break;
    const previous = tokens[index - 1];
    const startsLine = previous !== undefined && (previous.tokenType.name === "LCurly" || (previous.endLine ?? 0) < (token.startLine ?? 0));
    if (depth === 1 && startsLine && /^[A-Za-z_]/.test(token.image) && !NOT_COLUMNS.has(token.image)) names.push(token.image);
  }
  return names;
}

/** The model a body writes: written in its header, or the relation of the one2many an `each` block fills. */
export function resolveModel(source: ModelSource | undefined, schema: OdooSchema | undefined): string | undefined {
  if (source === undefined) return undefined;
  if (source.kind === "named") return source.model;
  const parent = resolveModel(source.parent, schema);
  return parent === undefined || schema === undefined ? undefined : findField(schema, parent, source.field)?.relation;
}

function fieldOf(schema: OdooSchema | undefined, model: string | undefined, field: string | undefined): OdooField | undefined {
  return schema === undefined || model === undefined || field === undefined ? undefined : findField(schema, model, field);
}

const quoted = (value: string): string => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/** The tables a column of `entity` is read through (`column | table` anywhere in the entity's maps). */
function tablesReading(analysis: PackageAnalysis, entity: string | undefined, column: string): string[] {
  const tables = new Set<string>();
  const visit = (root: A.Node | readonly A.Node[]): void =>
    forEachNode(root, (node) => {
      if (node.kind !== "PipeExpression" || node.input.kind !== "ColumnPath" || node.input.parts.length !== 1 || node.input.parts[0]?.value !== column) return;
      const first = node.steps[0];
      if (first?.kind === "CallStep" && analysis.bound.tables.has(first.callee.value)) tables.add(first.callee.value);
    });
  for (const target of analysis.bound.targets) {
    if (entity !== undefined && target.entity?.name !== entity) continue;
    visit(target.conditions);
    visit(target.declaration.kind === "EachBlock" ? target.declaration.body : target.body);
  }
  return [...tables].sort();
}

function tableKeys(builder: Builder, analysis: PackageAnalysis, entity: string | undefined, column: string | undefined): void {
  if (column === undefined) return;
  for (const name of tablesReading(analysis, entity, column)) {
    const table = analysis.bound.tables.get(name);
    if (table === undefined) continue;
    for (const entry of table.declaration.entries) {
      if (entry.kind !== "TableEntry") continue;
      const value = entry.value.kind === "Missing" ? "?" : valueText(entry.value);
      for (const key of entry.keys)
        item(builder, literalText(key), CompletionItemKind.EnumMember, { detail: `${name}: ${literalText(key)} -> ${value}`, rank: FIRST });
    }
  }
}

function columns(builder: Builder, entity: EntitySymbol | undefined, rank = NAME): void {
  if (entity === undefined) return;
  for (const column of entity.columns.values())
    item(builder, column.name, CompletionItemKind.Field, {
      detail: `${column.declaredType} · column of ${entity.name}`,
      documentation: columnMarkdown(column),
      rank,
    });
}

function groups(builder: Builder, entity: EntitySymbol | undefined): void {
  if (entity === undefined) return;
  for (const group of entity.groups.values())
    item(builder, group.name, CompletionItemKind.Module, { detail: `column group [${group.from}..${group.to}] of ${entity.name}` });
}

function models(builder: Builder, schema: OdooSchema | undefined): void {
  if (schema === undefined) return;
  for (const model of Object.values(schema.models)) {
    if (model.transient) continue;
    item(builder, model.name, CompletionItemKind.Module, { detail: model.label });
  }
}

function entities(builder: Builder, analysis: PackageAnalysis): void {
  for (const entity of analysis.bound.entities.values())
    item(builder, entity.name, CompletionItemKind.Class, { detail: `entity "${entity.pattern}"`, documentation: entityMarkdown(entity) });
}

/**
 * The model of the records the value after the cursor makes, when the cursor is on the field
 * name of an assignment whose value ends in `ref alias`, a record table or a lookup (read from the
 * rest of the line: `‸ <- parent_id | ref company`).
 */
function valueModelAfter(text: string, offset: number, analysis: PackageAnalysis): string | undefined {
  let start = offset;
  while (start < text.length && /[A-Za-z0-9_]/.test(text.charAt(start))) start++;
  const lineEnd = text.indexOf("\n", start);
  const tokens = tokenize(text.slice(start, lineEnd < 0 ? text.length : lineEnd), "").tokens;
  const first = tokens[0]?.tokenType.name;
  if (first !== "LeftArrow" && first !== "Equals") return undefined;
  const name = (index: number): string | undefined => {
    const token = tokens[index];
    return token !== undefined && /^[A-Za-z_]/.test(token.image) ? token.image : undefined;
  };
  for (let index = tokens.length - 2; index >= 1; index--) {
    const kind = tokens[index]?.tokenType.name;
    const alias = name(index + 1);
    if (kind === "Keyword_ref" && alias !== undefined) return analysis.bound.aliases.get(alias)?.model;
    if (kind === "Pipe" && alias !== undefined && tokens[index + 1]?.tokenType.name !== "Keyword_ref") {
      const table = analysis.bound.tables.get(alias);
      if (table !== undefined) return table.output?.kind === "record" ? table.output.model : undefined;
      return analysis.bound.lookups.get(alias)?.model;
    }
  }
  return undefined;
}

/** Fields set by the body the cursor is in (read from the current tree), but the one being typed. */
function assignedInBody(document: A.Document, frame: BodyFrame, offset: number): Set<string> {
  const assigned = new Set<string>();
  const collect = (items: readonly A.BodyItem[]): void => {
    for (const bodyItem of items) {
      if (bodyItem.kind === "Assignment") {
        const typing = bodyItem.field.range.start.offset <= offset && offset <= bodyItem.field.range.end.offset;
        if (!typing) assigned.add(bodyItem.field.value);
      } else if (bodyItem.kind === "WithBlock") collect(bodyItem.body);
      else if (bodyItem.kind === "TargetIf") {
        collect(bodyItem.then);
        const otherwise = bodyItem.else;
        if (Array.isArray(otherwise)) collect(otherwise as readonly A.BodyItem[]);
        else if (otherwise !== undefined) collect([otherwise as A.BodyItem]);
      }
    }
  };
  // The body's items: the innermost map, split target, fallback or `each` body holding the cursor.
  let innermost: readonly A.BodyItem[] | undefined;
  let innermostStart = -1;
  forEachNode(document.declarations, (node) => {
    if (node.range.start.offset > offset || node.range.end.offset < frame.open) return "skip";
    const holdsBody = node.kind === "MapDeclaration" || node.kind === "SplitTarget" || node.kind === "FallbackTarget" || node.kind === "EachBlock";
    if (holdsBody && node.range.start.offset > innermostStart) {
      innermost = node.body;
      innermostStart = node.range.start.offset;
    }
    return undefined;
  });
  if (innermost !== undefined) collect(innermost);
  return assigned;
}

function fields(
  builder: Builder,
  input: CompletionInput,
  analysis: PackageAnalysis,
  slot: Extract<Slot, { kind: "fields" }>,
  frame: BodyFrame | undefined,
  describe: DescriptionContext,
): void {
  const schema = analysis.schema;
  const model = resolveModel(slot.model, schema);
  if (schema === undefined || model === undefined) return;
  const found = findModel(schema, model);
  if (found === undefined) return;
  const assigned = new Set(slot.assigned);
  let wanted: string | undefined;
  if (slot.context === "body" && frame !== undefined) {
    for (const name of assignedInBody(input.document, frame, input.offset)) assigned.add(name);
    // Retyping the field of an assignment that already has a value: only fields that value fits.
    wanted = valueModelAfter(input.text, input.offset, analysis);
  }
  // What a new record needs and Odoo does not fill (the ORM's required fields, and those a constraint requires) comes first.
  const needed = new Set(
    requiredFields(schema, model)
      .filter((required) => !required.field.hasDefault)
      .map((required) => required.field.name),
  );
  for (const field of Object.values(found.fields)) {
    if (assigned.has(field.name)) continue;
    // Values of a new record: Odoo would not keep what it computes.
    if ((slot.context === "body" || slot.context === "record") && field.writability.writable === "no") continue;
    if (wanted !== undefined && (field.relation !== wanted || (field.type !== "many2one" && field.type !== "many2many"))) continue;
    const rank = slot.context === "body" && needed.has(field.name) ? FIRST : NAME;
    item(builder, field.name, CompletionItemKind.Field, {
      detail: fieldType(field),
      labelDetail: ` ${fieldType(field)}`,
      description: field.label,
      documentation: fieldMarkdown(model, field),
      rank,
    });
  }
}

function sourceValues(builder: Builder, analysis: PackageAnalysis, entityName: string | undefined, frame: BodyFrame | undefined): void {
  const entity = entityName === undefined ? undefined : analysis.bound.entities.get(entityName);
  const linked = frame?.linked === undefined ? undefined : analysis.bound.entities.get(frame.linked);
  // A column of the `with` block's entity wins over the row's own of the same name (as the compiler reads it).
  columns(builder, linked, FIRST);
  if (entity !== undefined) {
    for (const column of entity.columns.values()) {
      if (linked?.columns.has(column.name) === true) continue;
      item(builder, column.name, CompletionItemKind.Field, {
        detail: `${column.declaredType} · column of ${entity.name}`,
        documentation: columnMarkdown(column),
      });
    }
  }
  groups(builder, entity);
}

function steps(builder: Builder, analysis: PackageAnalysis, frame: BodyFrame | undefined, field: string | undefined): void {
  const schema = analysis.schema;
  const relation = fieldOf(schema, resolveModel(frame?.model, schema), field)?.relation;
  for (const table of analysis.bound.tables.values()) {
    const output = table.output?.kind === "record" ? table.output.model : undefined;
    item(builder, table.name, CompletionItemKind.Enum, {
      detail: `table ${tableSignature(table)}`,
      rank: relation !== undefined && output === relation ? FIRST : NAME,
    });
  }
  for (const lookup of analysis.bound.lookups.values()) {
    item(builder, lookup.name, CompletionItemKind.Interface, {
      detail: `lookup ${lookupSignature(lookup)}`,
      rank: relation !== undefined && lookup.model === relation ? FIRST : NAME,
    });
  }
  for (const step of analysis.bound.steps.values())
    item(builder, step.name, CompletionItemKind.Function, { detail: `step ${step.name}`, documentation: stepMarkdown(step), rank: NAME });
  for (const builtin of BUILTINS)
    item(builder, builtin.name, CompletionItemKind.Function, {
      detail: builtinSignature(builtin),
      documentation: builtinMarkdown(builtin),
      rank: LATER,
      ...builtinSnippet(builtin),
    });
}

/** `truncate(${1:length})`: the required parameters as tab stops. */
function builtinSnippet(builtin: Builtin): { snippet?: string } {
  const required = builtin.parameters.filter((parameter) => !parameter.optional);
  if (required.length === 0) return {};
  return { snippet: `${builtin.name}(${required.map((parameter, index) => `\${${index + 1}:${parameter.name}}`).join(", ")})` };
}

function aliases(builder: Builder, targets: readonly { alias: string; model: string | undefined; summary: string }[], relation: string | undefined): void {
  for (const target of targets) {
    if (relation !== undefined && target.model !== relation) continue;
    item(builder, target.alias, CompletionItemKind.Variable, { detail: target.summary });
  }
}

function aliasTargets(analysis: PackageAnalysis): { alias: string; model: string | undefined; summary: string }[] {
  return [...analysis.bound.aliases.values()].map((target: TargetSymbol) => ({ alias: target.alias, model: target.model, summary: targetSummary(target) }));
}

/** The other targets of the split the cursor is in, read from the current tree. */
function siblings(document: A.Document, frame: BodyFrame): { alias: string; model: string | undefined; summary: string }[] {
  const split = document.declarations.find(
    (declaration): declaration is A.SplitDeclaration => declaration.kind === "SplitDeclaration" && declaration.range.start.offset === frame.splitStart,
  );
  if (split === undefined) return [];
  const entity = split.entity.kind === "Name" ? split.entity.value : "?";
  return split.targets
    .filter((target) => target.alias.value !== frame.alias)
    .map((target) => {
      const model = target.model.kind === "QualifiedName" ? target.model.value : undefined;
      return { alias: target.alias.value, model, summary: `split ${entity}: ${target.alias.value} -> ${model ?? "?"}` };
    });
}

function constants(builder: Builder, analysis: PackageAnalysis, field: OdooField | undefined): void {
  if (field === undefined) return;
  for (const option of field.selection ?? []) item(builder, quoted(option.value), CompletionItemKind.EnumMember, { detail: option.label, rank: FIRST });
  if (field.relation !== undefined) {
    for (const record of analysis.bound.records.get(field.relation)?.values() ?? []) {
      item(builder, record.name, CompletionItemKind.EnumMember, {
        detail: `${record.model} record${record.existing === undefined ? "" : ` (existing ${record.existing})`}`,
        rank: FIRST,
      });
    }
  }
}

function nameItems(builder: Builder, input: CompletionInput, analysis: PackageAnalysis): void {
  const { context } = builder;
  const slot = context.slot;
  const schema = analysis.schema;
  const describe: DescriptionContext = { series: analysis.target.series, namespace: analysis.target.namespace };
  const frame = context.frame.kind === "body" ? context.frame : undefined;
  const entity = (name: string | undefined): EntitySymbol | undefined => (name === undefined ? undefined : analysis.bound.entities.get(name));
  switch (slot.kind) {
    case "keywords":
      return;
    case "entities":
      return entities(builder, analysis);
    case "models":
      return models(builder, schema);
    case "types":
      for (const type of COLUMN_TYPES) item(builder, type, CompletionItemKind.TypeParameter, { detail: "column type", rank: FIRST });
      if (slot.models) models(builder, schema);
      return;
    case "custom-field-types":
      for (const type of CUSTOM_FIELD_TYPES) item(builder, type, CompletionItemKind.TypeParameter, { detail: "Odoo field type" });
      return;
    case "columns":
      return columns(builder, entity(slot.entity));
    case "key-columns":
      for (const column of columnsDeclaredBelow(input.text, input.offset)) item(builder, column, CompletionItemKind.Field, { detail: "column declared below" });
      return;
    case "groups":
      return groups(builder, entity(slot.entity));
    case "fields":
      return fields(builder, input, analysis, slot, frame, describe);
    case "source-value":
      return sourceValues(builder, analysis, slot.entity, slot.frame);
    case "compare-value":
      tableKeys(builder, analysis, slot.entity, slot.column);
      return sourceValues(builder, analysis, slot.entity, slot.frame);
    case "constant": {
      const model = resolveModel(slot.model, schema);
      return constants(builder, analysis, fieldOf(schema, model, slot.field));
    }
    case "given-value":
      return tableKeys(builder, analysis, slot.entity, slot.column);
    case "steps":
      return steps(builder, analysis, slot.frame, slot.field);
    case "ref-aliases": {
      const field = fieldOf(schema, resolveModel(slot.frame?.model, schema), slot.field);
      return aliases(builder, aliasTargets(analysis), field?.relation);
    }
    case "sibling-aliases":
      return aliases(builder, siblings(input.document, slot.frame), undefined);
    case "member":
      return memberColumns(builder, slot, entity);
    case "entity-columns":
      for (const each of analysis.bound.entities.values()) {
        for (const column of each.columns.values())
          item(builder, `${each.name}.${column.name}`, CompletionItemKind.Field, { detail: column.declaredType, documentation: columnMarkdown(column) });
      }
      return;
    case "table-value":
      for (const record of slot.output === undefined ? [] : (analysis.bound.records.get(slot.output)?.values() ?? []))
        item(builder, record.name, CompletionItemKind.EnumMember, { detail: `${record.model} record` });
      return;
    case "sources":
      for (const source of analysis.bound.sources.keys()) item(builder, source, CompletionItemKind.Module, { detail: "source" });
      return;
    case "rules":
      for (const rule of RULES) item(builder, rule.name, CompletionItemKind.Property, { detail: rule.code, documentation: rule.summary });
      return;
    case "severities":
      for (const severity of ["off", "warn", "error"]) item(builder, severity, CompletionItemKind.EnumMember, { detail: "rule severity" });
      return;
    case "series":
      for (const serie of listShippedSeries()) item(builder, quoted(serie), CompletionItemKind.Constant, { detail: "a catalog Flitmap ships" });
      return;
    case "settings":
    case "setting-values":
      return settingItems(builder, analysis, slot);
    case "option-names":
      for (const option of SOURCE_OPTION_NAMES) item(builder, option, CompletionItemKind.Property, { detail: "csv option" });
      return;
  }
}

/** The columns of a group or of another entity, after `owner.`. */
function memberColumns(builder: Builder, slot: Extract<Slot, { kind: "member" }>, entity: (name: string | undefined) => EntitySymbol | undefined): void {
  const own = entity(slot.entity);
  const group = own?.groups.get(slot.owner);
  const columnsOf = group?.columns ?? entity(slot.owner)?.columns;
  for (const column of columnsOf?.values() ?? []) {
    item(builder, column.name, CompletionItemKind.Field, {
      detail: `${column.declaredType} · column of ${slot.owner}`,
      documentation: columnMarkdown(column),
      newText: `${slot.owner}.${column.name}`,
    });
  }
}

/** Every setting declaration and `if setting ...` condition in a file, wherever the grammar allows them. */
function settingNodes(document: A.Document): (A.SettingDeclaration | A.SettingCondition)[] {
  const found: (A.SettingDeclaration | A.SettingCondition)[] = [];
  forEachNode(document.declarations, (node) => {
    if (node.kind === "SettingDeclaration" || node.kind === "SettingCondition") found.push(node);
  });
  return found;
}

/** The settings the migration declares, or the values a setting is given across the package's files. */
function settingItems(builder: Builder, analysis: PackageAnalysis, slot: Extract<Slot, { kind: "settings" | "setting-values" }>): void {
  const nodes = analysis.files.flatMap((file) => settingNodes(file.document));
  if (slot.kind === "settings") {
    for (const setting of nodes) {
      if (setting.kind !== "SettingDeclaration" || setting.name.kind !== "Name") continue;
      item(builder, setting.name.value, CompletionItemKind.Variable, {
        detail: setting.value.kind === "StringLiteral" ? `setting "${setting.value.value}"` : "setting",
      });
    }
    return;
  }
  const values = new Set<string>();
  for (const setting of nodes)
    if (setting.name.kind === "Name" && setting.name.value === slot.name && setting.value.kind === "StringLiteral") values.add(setting.value.value);
  for (const value of [...values].sort()) item(builder, quoted(value), CompletionItemKind.Constant, { detail: `a value of ${slot.name}` });
}

/** Slots where a keyword may stand as well as a name; in the others (a header's entity or model, a type, a column list) only names do. */
const KEYWORD_SLOTS: ReadonlySet<Slot["kind"]> = new Set([
  "keywords",
  "source-value",
  "compare-value",
  "constant",
  "steps",
  "table-value",
  "severities",
  "series",
]);

/** The completion items at `offset`: names that fit there, then the keywords the grammar allows. */
export function completions(input: CompletionInput): CompletionItem[] {
  const context = completionContext(input.text, input.offset, input.document);
  if (context === undefined) return [];
  const range = toLspRange({ start: positionAt(input.lineStarts, context.replaceStart), end: positionAt(input.lineStarts, context.replaceEnd) });
  const builder: Builder = { range, context, items: [] };
  if (input.analysis !== undefined) nameItems(builder, input, input.analysis);
  // In a quoted value only quoted values fit.
  const names = context.inString ? builder.items.filter((candidate) => candidate.label.startsWith('"')) : builder.items;
  const withKeywords = KEYWORD_SLOTS.has(context.slot.kind) || (context.slot.kind === "fields" && context.slot.context === "body");
  const keywords = context.inString || !withKeywords ? [] : keywordCompletions(input.text, input.offset, input.document);
  const seen = new Set(names.map((candidate) => candidate.label));
  return [...names, ...keywords.filter((keyword) => !seen.has(keyword.label))];
}
