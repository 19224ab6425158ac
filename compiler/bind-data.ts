/**
 * Binding the data declarations: lookups, `records` blocks (their entries, then the fields and
 * records their values name, once every block is bound) and value tables; and the Odoo names
 * written in them and in `extend` blocks.
 */
import type * as A from "../language/ast.js";
import { COLUMN_TYPES } from "../language/column-types.js";
import type { Binder } from "./bind.js";
import { findField, suggestNames, type OdooField } from "./catalog/index.js";
import { LOOKUP_MATCH_RULES } from "./model.js";
import type { AmbiguousPolicyModel, LookupMatchRule, LookupSymbol, MissingPolicyModel, RecordSymbol, StepSymbol, TableOutput, TableSymbol } from "./model.js";
import { columnValueType, withArticle } from "./types.js";
import { recordFieldName, recordModelName } from "./external-names.js";

export function bindLookup(binder: Binder, declaration: A.LookupDeclaration, file: string): void {
  const model = recordModelName(binder.externalNames, file, declaration.model);
  for (const field of declaration.matchFields) recordFieldName(binder.externalNames, file, model, field);
  if (declaration.returns !== undefined) recordFieldName(binder.externalNames, file, model, declaration.returns);
  if (declaration.name.kind === "Missing") return;
  const policy = declaration.items.find((item): item is A.MissingPolicy => item.kind === "MissingPolicy");
  let missing: MissingPolicyModel | undefined;
  if (policy?.policy === "fallback") {
    const value = policy.fallback !== undefined && policy.fallback.kind !== "Missing" ? policy.fallback.value : "";
    missing = { policy: "fallback", value };
  } else if (policy?.policy !== undefined) missing = { policy: policy.policy };
  const archived = declaration.items.find((item): item is A.ArchivedSetting => item.kind === "ArchivedSetting");
  const matchRule = lookupMatchRule(binder, declaration, file);
  const ambiguousItem = declaration.items.find((item): item is A.AmbiguousPolicy => item.kind === "AmbiguousPolicy");
  let ambiguous: AmbiguousPolicyModel | undefined;
  if (ambiguousItem?.policy === "fallback") {
    ambiguous = {
      policy: "fallback",
      value: ambiguousItem.fallback !== undefined && ambiguousItem.fallback.kind !== "Missing" ? ambiguousItem.fallback.value : "",
    };
  } else if (ambiguousItem?.policy !== undefined) ambiguous = { policy: ambiguousItem.policy };
  const symbol: LookupSymbol = {
    kind: "lookup",
    name: declaration.name.value,
    file,
    nameRange: declaration.name.range,
    declaration,
    model,
    matchFields: declaration.matchFields,
    ...(declaration.returns === undefined ? {} : { returns: declaration.returns }),
    together: declaration.joiners.length > 0 && declaration.joiners.every((word) => word === "and"),
    missing,
    includeArchived: archived?.include === true,
    ...(matchRule === undefined ? {} : { matchRule }),
    ...(ambiguous === undefined ? {} : { ambiguous }),
  };
  if (binder.declareCallable("lookup", declaration.name, file)) binder.lookups.set(symbol.name, symbol);
  for (const field of [...declaration.matchFields, ...(declaration.returns === undefined ? [] : [declaration.returns])]) binder.customFieldName(field, symbol.model, file);
}

function lookupMatchRule(binder: Binder, declaration: A.LookupDeclaration, file: string): LookupMatchRule | undefined {
  const item = declaration.items.find((candidate): candidate is A.MatchRule => candidate.kind === "MatchRule");
  const written = item?.rule;
  if (written === undefined || written.kind === "Missing") return undefined;
  const rule = LOOKUP_MATCH_RULES.find((candidate) => candidate === written.value);
  if (rule === undefined) {
    binder.shapeProblems.push({
      file,
      range: written.range,
      kind: "lookup",
      message: `a lookup matches \`exact\` (the default), \`loose\` (ignoring case, accents and extra spaces), by \`initials\` ("A. Hartley" for Alice Hartley) or by \`surname_initial\` ("Ana Paula F." for Ana Paula Ferreira), not \`${written.value}\``,
    });
  }
  return rule;
}

export function bindRecords(binder: Binder, declaration: A.RecordsDeclaration, file: string): void {
  if (declaration.model.kind === "Missing") return;
  const model = declaration.model.value;
  const byName = binder.records.get(model) ?? new Map<string, RecordSymbol>();
  binder.records.set(model, byName);
  for (const entry of declaration.entries) {
    const symbol: RecordSymbol = {
      kind: "record",
      name: entry.name.value,
      file,
      nameRange: entry.name.range,
      model,
      declaration: entry,
      records: declaration,
      ...(entry.existing !== undefined && entry.existing.kind === "StringLiteral" ? { existing: entry.existing.value } : {}),
    };
    const existing = byName.get(symbol.name);
    if (existing !== undefined) binder.duplicates.push({ what: `${model} record`, name: symbol.name, first: existing, second: symbol });
    else byName.set(symbol.name, symbol);
  }
}

/** The fields a records block sets and matches by, and the records its values name (declared in any file). */
export function bindRecordValues(binder: Binder, declaration: A.RecordsDeclaration, file: string): void {
  const model = recordModelName(binder.externalNames, file, declaration.model);
  if (model === undefined) return;
  if (declaration.match !== undefined) {
    recordFieldName(binder.externalNames, file, model, declaration.match);
    binder.customFieldName(declaration.match, model, file);
  }
  for (const entry of declaration.entries) bindFieldValues(binder, entry.values, model, file, "records");
}

/**
 * `field value` pairs of a records entry or a test's `expect` block: custom fields, and record
 * names. A bare name names a record of the field's relation (of any model, when unique, for a
 * field that has none), as the plan's emitter resolves it; one that names none is reported.
 */
export function bindFieldValues(binder: Binder, values: readonly A.FieldValue[], model: string, file: string, place: "records" | "expect"): void {
  for (const value of values) {
    recordFieldName(binder.externalNames, file, model, value.field);
    binder.customFieldName(value.field, model, file);
    const field = value.field.kind === "Name" && binder.schema !== undefined ? findField(binder.schema, model, value.field.value) : undefined;
    if (value.value.kind !== "ValueList") {
      bindFieldValue(binder, value.value, { model, field }, file, place);
      continue;
    }
    const problem = valueListProblem(place, model, field);
    if (problem !== undefined) binder.shapeProblems.push({ file, range: value.value.range, kind: "test-value", message: problem });
    for (const item of value.value.items) bindFieldValue(binder, item, { model, field }, file, place);
  }
}

/** Why a list of records cannot stand here; undefined when it can (a test expecting a field that holds several). */
function valueListProblem(place: "records" | "expect", model: string, field: OdooField | undefined): string | undefined {
  if (place !== "expect") return "a list of records stands in a test's `expect` only, for a field that holds several";
  if (field === undefined || field.type === "many2many" || field.type === "one2many") return undefined;
  return `${model}.${field.name} is ${withArticle(field.type)} field, which holds one value: a list is for a field that holds several records`;
}

function bindFieldValue(
  binder: Binder,
  value: A.Value | A.KeyReference | A.Missing,
  where: { readonly model: string; readonly field: OdooField | undefined },
  file: string,
  place: "records" | "expect",
): void {
  if (value.kind === "KeyReference") {
    binder.bindKeyReference(value, place, file);
    return;
  }
  if (value.kind !== "NameReference") return;
  const { model, field } = where;
  const name = value.name;
  if (field?.relation !== undefined) {
    binder.resolveRecordName(name, field.relation, file);
    return;
  }
  const found = binder.findRecord(name.value, undefined);
  if (found !== undefined) binder.reference(file, name.range, found);
  else {
    const scope = field === undefined ? undefined : `${model}.${field.name} is ${withArticle(field.type)} field`;
    binder.unknown({ kind: "bare-value", name: name.value, file, range: name.range, candidates: [], ...(scope === undefined ? {} : { scope }) });
  }
}

export function typeOfTableSide(binder: Binder, name: A.QualifiedName | A.Missing): TableOutput | undefined {
  if (name.kind === "Missing") return undefined;
  const scalar = columnValueType(name.value);
  if (scalar !== undefined) return { kind: "value", type: scalar };
  return { kind: "record", model: name.value };
}

export function bindTable(binder: Binder, declaration: A.TableDeclaration, file: string): void {
  const input = typeOfTableSide(binder, declaration.input);
  const output = typeOfTableSide(binder, declaration.output);
  // A side that is no column type names a model (the input side may not: unknown-type says so).
  if (input?.kind === "record") recordModelName(binder.externalNames, file, declaration.input);
  if (output?.kind === "record") recordModelName(binder.externalNames, file, declaration.output);
  if (declaration.name.kind === "Missing") return;
  if (declaration.input.kind === "QualifiedName" && input?.kind !== "value") {
    binder.unknown({
      kind: "column-type",
      name: declaration.input.value,
      file,
      range: declaration.input.range,
      candidates: suggestNames(declaration.input.value, [...COLUMN_TYPES]),
    });
  }
  const symbol: TableSymbol = {
    kind: "table",
    name: declaration.name.value,
    file,
    nameRange: declaration.name.range,
    declaration,
    input: input?.kind === "value" ? input.type : undefined,
    output,
  };
  if (binder.declareCallable("table", declaration.name, file)) binder.tables.set(symbol.name, symbol);
  const outputModel = output?.kind === "record" ? output.model : undefined;
  const values = declaration.entries.flatMap((entry) => (entry.kind === "TableEntry" ? [entry.value] : entry.value === undefined ? [] : [entry.value]));
  for (const value of values) if (value.kind === "NameReference") binder.resolveRecordName(value.name, outputModel, file);
}

/** A named step: declared in the namespace of tables and lookups; the names in its steps are resolved by the checker (check-steps.ts). */
export function bindStep(binder: Binder, declaration: A.StepDeclaration, file: string): void {
  if (declaration.name.kind === "Missing") return;
  const symbol: StepSymbol = { kind: "step", name: declaration.name.value, file, nameRange: declaration.name.range, declaration };
  if (binder.declareCallable("step", declaration.name, file)) binder.steps.set(symbol.name, symbol);
}

/** The model an `extend` block adds to, and the fields it declares with their relations, in every `if` branch. */
export function bindExtendNames(binder: Binder, declaration: A.ExtendDeclaration, file: string): void {
  const model = recordModelName(binder.externalNames, file, declaration.model);
  const items = (list: readonly A.ExtendItem[]): void => {
    for (const item of list) {
      if (item.kind === "CustomFieldDeclaration") {
        recordFieldName(binder.externalNames, file, model, item.name);
        recordModelName(binder.externalNames, file, item.relation);
        continue;
      }
      items(item.then);
      if (item.else !== undefined) items(Array.isArray(item.else) ? item.else : [item.else as A.TargetIf<A.ExtendItem>]);
    }
  };
  items(declaration.items);
}
