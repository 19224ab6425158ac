/**
 * Frames of the declaration rules (see tree-parser.ts): what each rule of the grammar (parser.ts)
 * has read, and the syntax tree node it builds from that, in full or cut short by a syntax error.
 * Parts recovery left out become `Missing` nodes where the node needs one, placed where the syntax
 * error is (the error already says what is wrong); sub-rules that read nothing are dropped from
 * lists. Expressions are in build-expressions.ts, maps and their bodies in build-bodies.ts.
 */
import type { IToken } from "chevrotain";
import type * as A from "./ast.js";
import { isStringToken, literalOf, missing, name, nameOrMissing, numberLiteral, numberOrMissing, qualifiedNameOf, stringLiteral, stringOrMissing } from "./build-leaves.js";
import type { Position, Range } from "./location.js";
import { placed, realItems, tokenEnd, tokenRange, tokenStart, type Built, type Frame, type PartialOf } from "./tree-parser.js";
import type { BodyResults } from "./build-bodies.js";
import type { ExpressionResults } from "./build-expressions.js";

/** What each rule of the grammar builds. */
export interface RuleResults extends BodyResults, ExpressionResults {
  document: A.Declaration[];
  importDeclaration: A.ImportDeclaration;
  migrationDeclaration: A.MigrationDeclaration;
  sourceReference: A.SourceReference;
  targetSetting: A.TargetSetting;
  xmlidSetting: A.XmlidSetting;
  settingDeclaration: A.SettingDeclaration;
  deletedSetting: A.DeletedSetting;
  ruleSetting: A.RuleSetting;
  sourceDeclaration: A.SourceDeclaration;
  csvOptions: A.CsvOptions;
  optionSetting: A.OptionSetting;
  entityDeclaration: A.EntityDeclaration;
  columnDeclaration: A.ColumnDeclaration | undefined;
  duplicatesRule: A.DuplicatesRule;
  columnGroup: A.ColumnGroup;
  lookupDeclaration: A.LookupDeclaration;
  missingPolicy: A.MissingPolicy;
  archivedSetting: A.ArchivedSetting;
  recordsDeclaration: A.RecordsDeclaration;
  recordEntry: A.RecordEntry | undefined;
  fieldValueBlock: A.FieldValue[];
  fieldValue: A.FieldValue | undefined;
  value: A.Value | A.Missing;
  literal: A.Literal | A.Missing;
  tableDeclaration: A.TableDeclaration;
  tableEntry: A.TableEntry;
  tableDefault: A.TableDefault;
  extendDeclaration: A.ExtendDeclaration;
  extendBlock: A.ExtendItem[];
  extendIf: A.TargetIf<A.ExtendItem>;
  customField: A.CustomFieldDeclaration | undefined;
  selectionOptions: A.SelectionOption[];
  selectionOption: A.SelectionOption | undefined;
  qualifiedName: A.QualifiedName | A.Missing;
  testDeclaration: A.TestDeclaration;
  givenRow: A.GivenRow;
  expectation: A.ExpectRecord | A.ExpectOutcome;
}

/** The partial result of a rule a syntax error cut short, for the rule holding it. */
export type RulePartial = PartialOf<RuleResults>;

export function qualifiedAt(model: Built<A.QualifiedName | A.Missing> | undefined, at: Position): A.QualifiedName | A.Missing {
  return model === undefined ? missing("a model name", at) : placed(model, at);
}

/** The items of a list sub-rules built, without those that read nothing or had no name. */
export function presentItems<Item>(items: readonly Built<Item | undefined>[], at: Position): Item[] {
  const present: Item[] = [];
  for (const item of items) {
    const built = placed(item, at);
    if (built !== undefined) present.push(built);
  }
  return present;
}

function valueAt(value: Built<A.Value | A.Missing> | undefined, at: Position): A.Value | A.Missing {
  return value === undefined ? missing("a value", at) : placed(value, at);
}

export class DocumentFrame implements Frame<A.Declaration[], RulePartial> {
  readonly declarations: Built<A.Declaration>[] = [];

  build(): A.Declaration[] {
    return realItems(this.declarations);
  }

  adopt(partial: RulePartial): void {
    switch (partial.rule) {
      case "importDeclaration":
      case "migrationDeclaration":
      case "sourceDeclaration":
      case "lookupDeclaration":
      case "recordsDeclaration":
      case "tableDeclaration":
      case "extendDeclaration":
      case "mapDeclaration":
      case "splitDeclaration":
      case "testDeclaration":
        this.declarations.push(partial.value);
        break;
      default:
        break;
    }
  }
}

export class ImportFrame implements Frame<A.ImportDeclaration, RulePartial> {
  readonly names: IToken[] = [];
  from: IToken | undefined;

  build(range: Range): A.ImportDeclaration {
    return { kind: "ImportDeclaration", names: this.names.map(name), from: stringOrMissing(this.from, "a path in quotes", range.end), range };
  }
}

// ---------------------------------------------------------------------------------------------
// migration

export class MigrationFrame implements Frame<A.MigrationDeclaration, RulePartial> {
  name: IToken | undefined;
  readonly items: Built<A.MigrationItem>[] = [];

  build(range: Range): A.MigrationDeclaration {
    return { kind: "MigrationDeclaration", name: nameOrMissing(this.name, "a migration name", range.end), items: realItems(this.items), range };
  }

  adopt(partial: RulePartial): void {
    switch (partial.rule) {
      case "sourceReference":
      case "targetSetting":
      case "xmlidSetting":
      case "ruleSetting":
      case "settingDeclaration":
      case "deletedSetting":
        this.items.push(partial.value);
        break;
      default:
        break;
    }
  }
}

export class SourceReferenceFrame implements Frame<A.SourceReference, RulePartial> {
  source: IToken | undefined;

  build(range: Range): A.SourceReference {
    return { kind: "SourceReference", source: nameOrMissing(this.source, "a source name", range.end), range };
  }
}

export class TargetSettingFrame implements Frame<A.TargetSetting, RulePartial> {
  series: IToken | undefined;
  schema: IToken | undefined;
  schemaFile: IToken | undefined;

  build(range: Range): A.TargetSetting {
    if (this.schema !== undefined) return { kind: "TargetSetting", schemaFile: stringOrMissing(this.schemaFile, "a schema file name in quotes", range.end), range };
    return { kind: "TargetSetting", series: stringOrMissing(this.series, "a version in quotes", range.end), range };
  }
}

export class XmlidSettingFrame implements Frame<A.XmlidSetting, RulePartial> {
  namespace: IToken | undefined;

  build(range: Range): A.XmlidSetting {
    return { kind: "XmlidSetting", namespace: stringOrMissing(this.namespace, "a namespace in quotes", range.end), range };
  }
}

export class SettingDeclarationFrame implements Frame<A.SettingDeclaration, RulePartial> {
  name: IToken | undefined;
  value: IToken | undefined;

  build(range: Range): A.SettingDeclaration {
    return {
      kind: "SettingDeclaration",
      name: nameOrMissing(this.name, "a setting name", range.end),
      value: stringOrMissing(this.value, "a value in quotes", range.end),
      range,
    };
  }
}

export class DeletedSettingFrame implements Frame<A.DeletedSetting, RulePartial> {
  policy: IToken | undefined;

  build(range: Range): A.DeletedSetting {
    return { kind: "DeletedSetting", policy: nameOrMissing(this.policy, "`report` or `archive`", range.end), range };
  }
}

export class RuleSettingFrame implements Frame<A.RuleSetting, RulePartial> {
  rule: IToken | undefined;
  severity: IToken | undefined;

  build(range: Range): A.RuleSetting {
    return {
      kind: "RuleSetting",
      rule: nameOrMissing(this.rule, "a rule name", range.end),
      severity: nameOrMissing(this.severity, "`off`, `warn` or `error`", range.end),
      range,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// source

export class SourceFrame implements Frame<A.SourceDeclaration, RulePartial> {
  name: IToken | undefined;
  readonly items: Built<A.SourceItem>[] = [];

  build(range: Range): A.SourceDeclaration {
    return { kind: "SourceDeclaration", name: nameOrMissing(this.name, "a source name", range.end), items: realItems(this.items), range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "csvOptions" || partial.rule === "entityDeclaration") this.items.push(partial.value);
  }
}

export class CsvOptionsFrame implements Frame<A.CsvOptions, RulePartial> {
  readonly options: Built<A.OptionSetting>[] = [];

  build(range: Range): A.CsvOptions {
    return { kind: "CsvOptions", options: this.options.map((option) => placed(option, range.end)), range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "optionSetting") this.options.push(partial.value);
  }
}

export class OptionSettingFrame implements Frame<A.OptionSetting, RulePartial> {
  name: IToken | undefined;
  value: Built<A.Literal | A.Missing> | undefined;

  build(range: Range): A.OptionSetting {
    const optionName: A.Name = this.name === undefined ? { kind: "Name", value: "", range } : name(this.name);
    return { kind: "OptionSetting", name: optionName, value: this.value === undefined ? missing("a value", range.end) : placed(this.value, range.end), range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "literal") this.value = partial.value;
  }
}

export class EntityFrame implements Frame<A.EntityDeclaration, RulePartial> {
  name: IToken | undefined;
  pattern: IToken | undefined;
  readonly key: IToken[] = [];
  readonly items: Built<A.EntityItem | undefined>[] = [];

  build(range: Range): A.EntityDeclaration {
    const items: A.EntityItem[] = [];
    for (const item of realItems(this.items)) if (item !== undefined) items.push(item);
    return {
      kind: "EntityDeclaration",
      name: nameOrMissing(this.name, "an entity name", range.end),
      pattern: stringOrMissing(this.pattern, "a file pattern in quotes", range.end),
      key: this.key.map(name),
      items,
      range,
    };
  }

  adopt(partial: RulePartial): void {
    switch (partial.rule) {
      case "csvOptions":
      case "duplicatesRule":
      case "columnGroup":
      case "columnDeclaration":
        this.items.push(partial.value);
        break;
      default:
        break;
    }
  }
}

export class DuplicatesRuleFrame implements Frame<A.DuplicatesRule, RulePartial> {
  keep: A.DuplicatesKeep | undefined;
  by: IToken | undefined;

  build(range: Range): A.DuplicatesRule {
    return { kind: "DuplicatesRule", keep: this.keep, ...(this.by === undefined ? {} : { by: name(this.by) }), range };
  }
}

export class ColumnGroupFrame implements Frame<A.ColumnGroup, RulePartial> {
  name: IToken | undefined;
  from: IToken | undefined;
  to: IToken | undefined;
  readonly columns: Built<A.ColumnDeclaration | undefined>[] = [];

  build(range: Range): A.ColumnGroup {
    return {
      kind: "ColumnGroup",
      name: nameOrMissing(this.name, "a group name", range.end),
      from: numberOrMissing(this.from, range.end),
      to: numberOrMissing(this.to, range.end),
      columns: presentItems(this.columns, range.end),
      range,
    };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "columnDeclaration") this.columns.push(partial.value);
  }
}

export class ColumnDeclarationFrame implements Frame<A.ColumnDeclaration | undefined, RulePartial> {
  name: IToken | undefined;
  header: IToken | undefined;
  type: IToken | undefined;
  format: IToken | undefined;
  /** `required`, `personal`, `modified` and `references` keywords, in order. */
  readonly modifiers: IToken[] = [];
  referenced: IToken | undefined;

  build(range: Range): A.ColumnDeclaration | undefined {
    if (this.name === undefined) return undefined;
    const modifiers: (A.ColumnModifier | A.ColumnReference)[] = [];
    for (const keyword of this.modifiers) {
      const word = keyword.image;
      if (word === "references") {
        const entity = this.referenced;
        modifiers.push({
          kind: "ColumnReference",
          entity: entity === undefined ? missing("an entity name", tokenEnd(keyword)) : name(entity),
          range: { start: tokenStart(keyword), end: tokenEnd(entity ?? keyword) },
        });
      } else if (word === "required" || word === "personal" || word === "modified") {
        modifiers.push({ kind: "ColumnModifier", keyword: word, range: tokenRange(keyword) });
      }
    }
    return {
      kind: "ColumnDeclaration",
      name: name(this.name),
      ...(this.header === undefined ? {} : { header: stringLiteral(this.header) }),
      type: nameOrMissing(this.type, "a column type", range.end),
      ...(this.format === undefined ? {} : { format: stringLiteral(this.format) }),
      modifiers,
      range,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// lookup, records, table

export class LookupFrame implements Frame<A.LookupDeclaration, RulePartial> {
  name: IToken | undefined;
  model: Built<A.QualifiedName | A.Missing> | undefined;
  readonly match: IToken[] = [];
  readonly items: Built<A.LookupItem>[] = [];

  build(range: Range): A.LookupDeclaration {
    return {
      kind: "LookupDeclaration",
      name: nameOrMissing(this.name, "a lookup name", range.end),
      model: qualifiedAt(this.model, range.end),
      matchFields: this.match.map(name),
      items: realItems(this.items),
      range,
    };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "qualifiedName") this.model = partial.value;
    else if (partial.rule === "missingPolicy" || partial.rule === "archivedSetting") this.items.push(partial.value);
  }
}

export class MissingPolicyFrame implements Frame<A.MissingPolicy, RulePartial> {
  policy: A.MissingPolicyName | undefined;
  fallback: Built<A.Literal | A.Missing> | undefined;

  build(range: Range): A.MissingPolicy {
    const fallback = this.policy === "fallback" ? { fallback: this.fallback === undefined ? missing("a value", range.end) : placed(this.fallback, range.end) } : {};
    return { kind: "MissingPolicy", policy: this.policy, ...fallback, range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "literal") this.fallback = partial.value;
  }
}

export class ArchivedSettingFrame implements Frame<A.ArchivedSetting, RulePartial> {
  include = false;

  build(range: Range): A.ArchivedSetting {
    return { kind: "ArchivedSetting", include: this.include, range };
  }
}

export class RecordsFrame implements Frame<A.RecordsDeclaration, RulePartial> {
  model: Built<A.QualifiedName | A.Missing> | undefined;
  match: IToken | undefined;
  readonly entries: Built<A.RecordEntry | undefined>[] = [];

  build(range: Range): A.RecordsDeclaration {
    return {
      kind: "RecordsDeclaration",
      model: qualifiedAt(this.model, range.end),
      ...(this.match === undefined ? {} : { match: name(this.match) }),
      entries: presentItems(this.entries, range.end),
      range,
    };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "qualifiedName") this.model = partial.value;
    else if (partial.rule === "recordEntry") this.entries.push(partial.value);
  }
}

export class RecordEntryFrame implements Frame<A.RecordEntry | undefined, RulePartial> {
  name: IToken | undefined;
  existingKeyword: IToken | undefined;
  existing: IToken | undefined;
  values: Built<A.FieldValue[]> | undefined;

  build(range: Range): A.RecordEntry | undefined {
    if (this.name === undefined) return undefined;
    return {
      kind: "RecordEntry",
      name: name(this.name),
      ...(this.existingKeyword === undefined ? {} : { existing: stringOrMissing(this.existing, "an external ID in quotes", range.end) }),
      values: this.values === undefined ? [] : placed(this.values, range.end),
      range,
    };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "fieldValueBlock") this.values = partial.value;
  }
}

/** `{ name "Won"  sequence 70 }` */
export class FieldValueBlockFrame implements Frame<A.FieldValue[], RulePartial> {
  readonly entries: Built<A.FieldValue | undefined>[] = [];

  build(range: Range): A.FieldValue[] {
    return presentItems(this.entries, range.end);
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "fieldValue") this.entries.push(partial.value);
  }
}

export class FieldValueFrame implements Frame<A.FieldValue | undefined, RulePartial> {
  field: IToken | undefined;
  value: Built<A.Value | A.Missing> | undefined;

  build(range: Range): A.FieldValue | undefined {
    if (this.field === undefined) return undefined;
    const field = isStringToken(this.field) ? stringLiteral(this.field) : name(this.field);
    return { kind: "FieldValue", field, value: valueAt(this.value, range.end), range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "value") this.value = partial.value;
  }

  reset(): void {
    this.field = undefined;
    this.value = undefined;
  }
}

/** A literal, or the name of a record. */
export class ValueFrame implements Frame<A.Value | A.Missing, RulePartial> {
  record: IToken | undefined;
  literal: Built<A.Literal | A.Missing> | undefined;

  build(range: Range): A.Value | A.Missing {
    if (this.record !== undefined) return { kind: "NameReference", name: name(this.record), range: tokenRange(this.record) };
    return this.literal === undefined ? missing("a value", range.start) : placed(this.literal, range.start);
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "literal") this.literal = partial.value;
  }

  reset(): void {
    this.record = undefined;
    this.literal = undefined;
  }
}

export class LiteralFrame implements Frame<A.Literal | A.Missing, RulePartial> {
  token: IToken | undefined;

  build(range: Range): A.Literal | A.Missing {
    return this.token === undefined ? missing("a value", range.start) : literalOf(this.token);
  }

  reset(): void {
    this.token = undefined;
  }
}

export class TableFrame implements Frame<A.TableDeclaration, RulePartial> {
  name: IToken | undefined;
  input: Built<A.QualifiedName | A.Missing> | undefined;
  output: Built<A.QualifiedName | A.Missing> | undefined;
  readonly entries: Built<A.TableEntry | A.TableDefault>[] = [];

  build(range: Range): A.TableDeclaration {
    return {
      kind: "TableDeclaration",
      name: nameOrMissing(this.name, "a table name", range.end),
      input: qualifiedAt(this.input, range.end),
      output: qualifiedAt(this.output, range.end),
      entries: realItems(this.entries),
      range,
    };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "qualifiedName") {
      if (this.input === undefined) this.input = partial.value;
      else this.output = partial.value;
    } else if (partial.rule === "tableEntry" || partial.rule === "tableDefault") this.entries.push(partial.value);
  }
}

export class TableEntryFrame implements Frame<A.TableEntry, RulePartial> {
  readonly keys: Built<A.Literal | A.Missing>[] = [];
  value: Built<A.Value | A.Missing> | undefined;

  build(range: Range): A.TableEntry {
    const keys: A.Literal[] = [];
    for (const key of this.keys) {
      const literal = placed(key, range.start);
      if (literal.kind !== "Missing") keys.push(literal);
    }
    return { kind: "TableEntry", keys, value: valueAt(this.value, range.end), range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "literal") this.keys.push(partial.value);
    else if (partial.rule === "value") this.value = partial.value;
  }
}

export class TableDefaultFrame implements Frame<A.TableDefault, RulePartial> {
  action: IToken | undefined;
  value: Built<A.Value | A.Missing> | undefined;

  build(range: Range): A.TableDefault {
    const action = this.action?.image;
    if (action === "reject" || action === "flag" || action === "keep" || action === "empty") return { kind: "TableDefault", action, range };
    return { kind: "TableDefault", action: "value", value: valueAt(this.value, range.end), range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "value") this.value = partial.value;
  }
}

export class QualifiedNameFrame implements Frame<A.QualifiedName | A.Missing, RulePartial> {
  readonly parts: IToken[] = [];

  build(range: Range): A.QualifiedName | A.Missing {
    return qualifiedNameOf(this.parts, range.start);
  }
}

// ---------------------------------------------------------------------------------------------
// tests

export class TestFrame implements Frame<A.TestDeclaration, RulePartial> {
  name: IToken | undefined;
  readonly items: Built<A.TestItem>[] = [];

  build(range: Range): A.TestDeclaration {
    return { kind: "TestDeclaration", name: stringOrMissing(this.name, "a test name in quotes", range.end), items: realItems(this.items), range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "givenRow" || partial.rule === "expectation") this.items.push(partial.value);
  }
}

export class GivenRowFrame implements Frame<A.GivenRow, RulePartial> {
  entity: IToken | undefined;
  cells: Built<A.FieldValue[]> | undefined;

  build(range: Range): A.GivenRow {
    return {
      kind: "GivenRow",
      entity: nameOrMissing(this.entity, "an entity name", range.end),
      cells: this.cells === undefined ? [] : placed(this.cells, range.end),
      range,
    };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "fieldValueBlock") this.cells = partial.value;
  }
}

export class ExpectationFrame implements Frame<A.ExpectRecord | A.ExpectOutcome, RulePartial> {
  outcome: IToken | undefined;
  entity: IToken | undefined;
  message: IToken | undefined;
  count: IToken | undefined;
  model: Built<A.QualifiedName | A.Missing> | undefined;
  values: Built<A.FieldValue[]> | undefined;

  build(range: Range): A.ExpectRecord | A.ExpectOutcome {
    if (this.outcome !== undefined) {
      return {
        kind: "ExpectOutcome",
        outcome: this.outcome.image === "skip" ? "skip" : "reject",
        ...(this.entity === undefined ? {} : { entity: name(this.entity) }),
        ...(this.message === undefined ? {} : { message: stringLiteral(this.message) }),
        range,
      };
    }
    return {
      kind: "ExpectRecord",
      ...(this.count === undefined ? {} : { count: numberLiteral(this.count) }),
      model: qualifiedAt(this.model, range.end),
      values: this.values === undefined ? [] : placed(this.values, range.end),
      range,
    };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "qualifiedName") this.model = partial.value;
    else if (partial.rule === "fieldValueBlock") this.values = partial.value;
  }
}
