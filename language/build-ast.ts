/**
 * Frames of the declaration rules (see tree-parser.ts): what each rule of the grammar (parser.ts)
 * has read, and the syntax tree node it builds from that, in full or cut short by a syntax error.
 * Parts recovery left out become `Missing` nodes where the node needs one, placed where the syntax
 * error is (the error already says what is wrong); sub-rules that read nothing are dropped from
 * lists. Lookups, records, tables and tests are in build-data.ts, expressions in build-expressions.ts,
 * maps and their bodies in build-bodies.ts.
 */
import type { IToken } from "chevrotain";
import type * as A from "./ast.js";
import { missing, name, nameOrMissing, numberOrMissing, stringLiteral, stringOrMissing } from "./build-leaves.js";
import * as T from "./tokens.js";
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
  matchRule: A.MatchRule;
  ambiguousPolicy: A.AmbiguousPolicy;
  recordsDeclaration: A.RecordsDeclaration;
  recordEntry: A.RecordEntry | undefined;
  fieldValueBlock: A.FieldValue[];
  fieldValue: A.FieldValue | undefined;
  valueList: A.ValueList;
  valueListItem: A.Value | A.KeyReference | A.Missing;
  value: A.Value | A.Missing;
  literal: A.Literal | A.Missing;
  tableDeclaration: A.TableDeclaration;
  stepDeclaration: A.StepDeclaration;
  stepFallback: A.StepFallback;
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
  givenOdooRecord: A.GivenOdooRecord;
  expectation: A.ExpectRecord | A.ExpectOutcome;
}

/** The partial result of a rule a syntax error cut short, for the rule holding it. */
export type RulePartial = PartialOf<RuleResults>;

/** Whether `partial` comes from one of `rules`: its value is then one of theirs. */
export function isPartialOf<Rule extends keyof RuleResults>(partial: RulePartial, rules: readonly Rule[]): partial is Extract<RulePartial, { readonly rule: Rule }> {
  return rules.some((rule) => rule === partial.rule);
}

const DECLARATION_RULES = [
  "importDeclaration",
  "migrationDeclaration",
  "sourceDeclaration",
  "lookupDeclaration",
  "recordsDeclaration",
  "tableDeclaration",
  "stepDeclaration",
  "extendDeclaration",
  "mapDeclaration",
  "splitDeclaration",
  "testDeclaration",
] as const;
const MIGRATION_ITEM_RULES = ["sourceReference", "targetSetting", "xmlidSetting", "ruleSetting", "settingDeclaration", "deletedSetting"] as const;
const ENTITY_ITEM_RULES = ["csvOptions", "duplicatesRule", "columnGroup", "columnDeclaration"] as const;

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

/** A block of one kind of item: the items its sub-rule built, without those that read nothing or had no name. */
export abstract class ItemsFrame<Item> implements Frame<Item[], RulePartial> {
  readonly items: Built<Item | undefined>[] = [];

  build(range: Range): Item[] {
    return presentItems(this.items, range.end);
  }

  abstract adopt(partial: RulePartial): void;
}

export function valueAt(value: Built<A.Value | A.Missing> | undefined, at: Position): A.Value | A.Missing {
  return value === undefined ? missing("a value", at) : placed(value, at);
}

export class DocumentFrame implements Frame<A.Declaration[], RulePartial> {
  readonly declarations: Built<A.Declaration>[] = [];

  build(): A.Declaration[] {
    return realItems(this.declarations);
  }

  adopt(partial: RulePartial): void {
    if (isPartialOf(partial, DECLARATION_RULES)) this.declarations.push(partial.value);
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
    if (isPartialOf(partial, MIGRATION_ITEM_RULES)) this.items.push(partial.value);
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
      value: this.value?.tokenType === T.NumberLiteral ? numberOrMissing(this.value, range.end) : stringOrMissing(this.value, "a value in quotes or a number", range.end),
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
  keyOptional: IToken | undefined;
  readonly items: Built<A.EntityItem | undefined>[] = [];

  build(range: Range): A.EntityDeclaration {
    const items: A.EntityItem[] = [];
    for (const item of realItems(this.items)) if (item !== undefined) items.push(item);
    return {
      kind: "EntityDeclaration",
      name: nameOrMissing(this.name, "an entity name", range.end),
      pattern: stringOrMissing(this.pattern, "a file pattern in quotes", range.end),
      key: this.key.map(name),
      ...(this.keyOptional === undefined ? {} : { keyOptional: true }),
      items,
      range,
    };
  }

  adopt(partial: RulePartial): void {
    if (isPartialOf(partial, ENTITY_ITEM_RULES)) this.items.push(partial.value);
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
  /** `empty when "TBC", "-"`: the keyword and the strings. */
  emptyWhen: { readonly keyword: IToken | undefined; readonly values: IToken[] } | undefined;
  /** `unique match loose ambiguous first`: the keyword, the match rule's name and the policy's word. */
  unique: { readonly keyword: IToken | undefined; match: IToken | undefined; ambiguous: IToken | undefined } | undefined;

  build(range: Range): A.ColumnDeclaration | undefined {
    if (this.name === undefined) return undefined;
    const modifiers: A.ColumnDeclarationModifier[] = [];
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
    const emptyWhen = this.emptyWhen;
    if (emptyWhen?.keyword !== undefined) {
      const last = emptyWhen.values[emptyWhen.values.length - 1] ?? emptyWhen.keyword;
      modifiers.push({ kind: "EmptyWhenModifier", values: emptyWhen.values.map(stringLiteral), range: { start: tokenStart(emptyWhen.keyword), end: tokenEnd(last) } });
    }
    const unique = this.unique;
    if (unique?.keyword !== undefined) {
      const policy = unique.ambiguous?.image;
      const ambiguous: { ambiguous?: A.UniqueAmbiguity } = policy === "reject" || policy === "first" || policy === "last" ? { ambiguous: policy } : {};
      const match = unique.match === undefined ? {} : { match: name(unique.match) };
      const last = unique.ambiguous ?? unique.match ?? unique.keyword;
      modifiers.push({ kind: "UniqueModifier", ...match, ...ambiguous, range: { start: tokenStart(unique.keyword), end: tokenEnd(last) } });
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
