/**
 * Frames of the rules of maps, splits, their bodies, target conditions and `extend` blocks (see
 * tree-parser.ts and build-ast.ts): what each rule has read, and the node it builds from that.
 */
import type { IToken } from "chevrotain";
import type * as A from "./ast.js";
import { placedOrMissing } from "./build-expressions.js";
import { isStringToken, missing, name, nameOrMissing, stringLiteral, stringOrMissing } from "./build-leaves.js";
import { isPartialOf, ItemsFrame, presentItems, qualifiedAt, type RulePartial } from "./build-ast.js";
import type { Position, Range } from "./location.js";
import { placed, realItems, tokenEnd, type Built, type Frame } from "./tree-parser.js";

/** What each rule of maps, bodies, conditions and `extend` builds. */
export interface BodyResults {
  extendDeclaration: A.ExtendDeclaration;
  extendBlock: A.ExtendItem[];
  extendIf: A.TargetIf<A.ExtendItem>;
  customField: A.CustomFieldDeclaration | undefined;
  selectionOptions: A.SelectionOption[];
  selectionOption: A.SelectionOption | undefined;
  targetCondition: A.TargetCondition;
  enabledIf: A.TargetCondition | A.Missing;
  mapDeclaration: A.MapDeclaration;
  mergeClause: A.MergeClause;
  fallbackTarget: A.FallbackTarget;
  splitDeclaration: A.SplitDeclaration;
  splitTarget: A.SplitTarget | undefined;
  body: A.BodyItem[];
  assignment: A.Assignment | undefined;
  eachBlock: A.EachBlock;
  ignoreStatement: A.IgnoreStatement;
  letStatement: A.LetStatement | undefined;
  withBlock: A.WithBlock;
  bodyIf: A.TargetIf<A.BodyItem>;
}

const BODY_ITEM_RULES = ["assignment", "letStatement", "ignoreStatement", "withBlock", "bodyIf"] as const;

const CONDITION_EXPECTED = 'a condition on the target, such as `odoo >= "19.0"`';

function itemsAt<Item>(items: Built<Item[]> | undefined, at: Position): Item[] {
  return items === undefined ? [] : placed(items, at);
}

function comparisonOperator(token: IToken | undefined): A.ComparisonOperator | undefined {
  const text = token?.image;
  return text === "=" || text === "!=" || text === "<" || text === "<=" || text === ">" || text === ">=" ? text : undefined;
}

// ---------------------------------------------------------------------------------------------
// extend

export class ExtendFrame implements Frame<A.ExtendDeclaration, RulePartial> {
  model: Built<A.QualifiedName | A.Missing> | undefined;
  items: Built<A.ExtendItem[]> | undefined;

  build(range: Range): A.ExtendDeclaration {
    return { kind: "ExtendDeclaration", model: qualifiedAt(this.model, range.end), items: itemsAt(this.items, range.end), range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "qualifiedName") this.model = partial.value;
    else if (partial.rule === "extendBlock") this.items = partial.value;
  }
}

export class ExtendBlockFrame implements Frame<A.ExtendItem[], RulePartial> {
  readonly items: Built<A.ExtendItem | undefined>[] = [];

  build(): A.ExtendItem[] {
    const items: A.ExtendItem[] = [];
    for (const item of realItems(this.items)) if (item !== undefined) items.push(item);
    return items;
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "customField" || partial.rule === "extendIf") this.items.push(partial.value);
  }
}

export class CustomFieldFrame implements Frame<A.CustomFieldDeclaration | undefined, RulePartial> {
  name: IToken | undefined;
  type: IToken | undefined;
  relation: Built<A.QualifiedName | A.Missing> | undefined;
  label: IToken | undefined;
  help: IToken | undefined;
  required = false;
  options: Built<A.SelectionOption[]> | undefined;

  build(range: Range): A.CustomFieldDeclaration | undefined {
    if (this.name === undefined) return undefined;
    const relation = this.relation === undefined ? undefined : placed(this.relation, range.end);
    return {
      kind: "CustomFieldDeclaration",
      name: name(this.name),
      type: nameOrMissing(this.type, "a field type", range.end),
      ...(relation === undefined || relation.kind === "Missing" ? {} : { relation }),
      ...(this.label === undefined ? {} : { label: stringLiteral(this.label) }),
      ...(this.help === undefined ? {} : { help: stringLiteral(this.help) }),
      required: this.required,
      options: itemsAt(this.options, range.end),
      range,
    };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "qualifiedName") this.relation = partial.value;
    else if (partial.rule === "selectionOptions") this.options = partial.value;
  }
}

export class SelectionOptionsFrame extends ItemsFrame<A.SelectionOption> {
  adopt(partial: RulePartial): void {
    if (partial.rule === "selectionOption") this.items.push(partial.value);
  }
}

export class SelectionOptionFrame implements Frame<A.SelectionOption | undefined, RulePartial> {
  key: IToken | undefined;
  label: IToken | undefined;

  build(range: Range): A.SelectionOption | undefined {
    if (this.key === undefined) return undefined;
    const value = isStringToken(this.key) ? stringLiteral(this.key) : name(this.key);
    return { kind: "SelectionOption", value, label: stringOrMissing(this.label, "a label in quotes", range.end), range };
  }
}

// ---------------------------------------------------------------------------------------------
// target conditions: `if odoo >= "19.0"`, `if odoo has helpdesk.ticket`, `if setting x = "v"`

/** `if ... { } else if ... { } else { }` around body items or custom fields, chosen when the package is compiled. */
export class TargetIfFrame<Item> {
  condition: Built<A.TargetCondition> | undefined;
  then: Built<Item[]> | undefined;
  elseIf: Built<A.TargetIf<Item>> | undefined;
  else: Built<Item[]> | undefined;

  build(range: Range): A.TargetIf<Item> {
    const elseBranch = this.elseIf !== undefined ? { else: placed(this.elseIf, range.end) } : this.else !== undefined ? { else: placed(this.else, range.end) } : {};
    return {
      kind: "TargetIf",
      condition: this.condition === undefined ? missing(CONDITION_EXPECTED, range.start) : placed(this.condition, range.start),
      then: itemsAt(this.then, range.end),
      ...elseBranch,
      range,
    };
  }

  /** A branch block cut short: the `then` block, or the `else` one when `then` was read. */
  protected adoptBlock(block: Built<Item[]>): void {
    if (this.then === undefined) this.then = block;
    else this.else = block;
  }
}

export class BodyIfFrame extends TargetIfFrame<A.BodyItem> implements Frame<A.TargetIf<A.BodyItem>, RulePartial> {
  adopt(partial: RulePartial): void {
    if (partial.rule === "targetCondition") this.condition = partial.value;
    else if (partial.rule === "body") this.adoptBlock(partial.value);
    else if (partial.rule === "bodyIf") this.elseIf = partial.value;
  }
}

export class ExtendIfFrame extends TargetIfFrame<A.ExtendItem> implements Frame<A.TargetIf<A.ExtendItem>, RulePartial> {
  adopt(partial: RulePartial): void {
    if (partial.rule === "targetCondition") this.condition = partial.value;
    else if (partial.rule === "extendBlock") this.adoptBlock(partial.value);
    else if (partial.rule === "extendIf") this.elseIf = partial.value;
  }
}

export class TargetConditionFrame implements Frame<A.TargetCondition, RulePartial> {
  setting: IToken | undefined;
  settingName: IToken | undefined;
  settingOperator: IToken | undefined;
  settingValue: IToken | undefined;
  /** `has` or `lacks`. */
  test: IToken | undefined;
  name: Built<A.QualifiedName | A.Missing> | undefined;
  operator: IToken | undefined;
  version: IToken | undefined;

  build(range: Range): A.TargetCondition {
    if (this.setting !== undefined) {
      return {
        kind: "SettingCondition",
        name: nameOrMissing(this.settingName, "a setting name", range.end),
        operator: this.settingOperator?.image === "!=" ? "!=" : "=",
        value: stringOrMissing(this.settingValue, "a value in quotes", range.end),
        range,
      };
    }
    if (this.test !== undefined) return { kind: "HasCondition", negated: this.test.image === "lacks", name: qualifiedAt(this.name, range.end), range };
    return {
      kind: "VersionCondition",
      operator: comparisonOperator(this.operator) ?? "=",
      version: stringOrMissing(this.version, "a version in quotes", range.end),
      range,
    };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "qualifiedName") this.name = partial.value;
  }
}

/** `if setting x = "v"` / `if odoo >= "18.0"` after a map or split head: whether it loads at all. */
export class EnabledIfFrame implements Frame<A.TargetCondition | A.Missing, RulePartial> {
  condition: Built<A.TargetCondition> | undefined;

  build(range: Range): A.TargetCondition | A.Missing {
    return this.condition === undefined ? missing(CONDITION_EXPECTED, range.end) : placed(this.condition, range.end);
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "targetCondition") this.condition = partial.value;
  }
}

// ---------------------------------------------------------------------------------------------
// map and split

/** The parts a map head, a split target and a split share: `if`, `when`, the body and the fallback. */
class TargetParts {
  model: Built<A.QualifiedName | A.Missing> | undefined;
  enabledIf: Built<A.TargetCondition | A.Missing> | undefined;
  when: Built<A.Expression> | undefined;
  body: Built<A.BodyItem[]> | undefined;
  fallback: Built<A.FallbackTarget> | undefined;

  protected enabledAndWhen(at: Position): { enabledIf?: A.TargetCondition | A.Missing; when?: A.Expression } {
    return {
      ...(this.enabledIf === undefined ? {} : { enabledIf: placed(this.enabledIf, at) }),
      ...(this.when === undefined ? {} : { when: placed(this.when, at) }),
    };
  }

  protected fallbackAt(at: Position): { fallback?: A.FallbackTarget } {
    return this.fallback === undefined ? {} : { fallback: placed(this.fallback, at) };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "qualifiedName") this.model = partial.value;
    else if (partial.rule === "enabledIf") this.enabledIf = partial.value;
    else if (partial.rule === "expression") this.when = partial.value;
    else if (partial.rule === "body") this.body = partial.value;
    else if (partial.rule === "fallbackTarget") this.fallback = partial.value;
  }
}

export class MapFrame extends TargetParts implements Frame<A.MapDeclaration, RulePartial> {
  entity: IToken | undefined;
  alias: IToken | undefined;
  merge: Built<A.MergeClause> | undefined;

  build(range: Range): A.MapDeclaration {
    const { enabledIf, when } = this.enabledAndWhen(range.end);
    return {
      kind: "MapDeclaration",
      entity: nameOrMissing(this.entity, "an entity name", range.end),
      model: qualifiedAt(this.model, range.end),
      ...(this.alias === undefined ? {} : { alias: name(this.alias) }),
      ...(enabledIf === undefined ? {} : { enabledIf }),
      ...(when === undefined ? {} : { when }),
      ...(this.merge === undefined ? {} : { merge: placed(this.merge, range.end) }),
      body: itemsAt(this.body, range.end),
      ...this.fallbackAt(range.end),
      range,
    };
  }

  override adopt(partial: RulePartial): void {
    if (partial.rule === "mergeClause") this.merge = partial.value;
    else super.adopt(partial);
  }
}

export class MergeClauseFrame implements Frame<A.MergeClause, RulePartial> {
  onto: Built<A.Expression> | undefined;
  readonly overwrite: (IToken | undefined)[] = [];

  build(range: Range): A.MergeClause {
    const overwrite = this.overwrite.filter((token): token is IToken => token !== undefined).map(name);
    return { kind: "MergeClause", onto: placedOrMissing(this.onto, range.end), overwrite, range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "expression") this.onto = partial.value;
  }
}

export class FallbackTargetFrame extends TargetParts implements Frame<A.FallbackTarget, RulePartial> {
  build(range: Range): A.FallbackTarget {
    return { kind: "FallbackTarget", model: qualifiedAt(this.model, range.end), body: itemsAt(this.body, range.end), range };
  }
}

export class SplitFrame implements Frame<A.SplitDeclaration, RulePartial> {
  entity: IToken | undefined;
  enabledIf: Built<A.TargetCondition | A.Missing> | undefined;
  when: Built<A.Expression> | undefined;
  readonly targets: Built<A.SplitTarget | undefined>[] = [];

  build(range: Range): A.SplitDeclaration {
    return {
      kind: "SplitDeclaration",
      entity: nameOrMissing(this.entity, "an entity name", range.end),
      ...(this.enabledIf === undefined ? {} : { enabledIf: placed(this.enabledIf, range.end) }),
      ...(this.when === undefined ? {} : { when: placed(this.when, range.end) }),
      targets: presentItems(this.targets, range.end),
      range,
    };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "enabledIf") this.enabledIf = partial.value;
    else if (partial.rule === "expression") this.when = partial.value;
    else if (partial.rule === "splitTarget") this.targets.push(partial.value);
  }
}

export class SplitTargetFrame extends TargetParts implements Frame<A.SplitTarget | undefined, RulePartial> {
  alias: IToken | undefined;
  forKeyword: IToken | undefined;
  forEach: IToken | undefined;

  build(range: Range): A.SplitTarget | undefined {
    if (this.alias === undefined) return undefined;
    const { enabledIf, when } = this.enabledAndWhen(range.end);
    return {
      kind: "SplitTarget",
      alias: name(this.alias),
      model: qualifiedAt(this.model, range.end),
      ...(this.forKeyword === undefined ? {} : { forEach: nameOrMissing(this.forEach, "a column group name", tokenEnd(this.forKeyword)) }),
      ...(enabledIf === undefined ? {} : { enabledIf }),
      ...(when === undefined ? {} : { when }),
      body: itemsAt(this.body, range.end),
      ...this.fallbackAt(range.end),
      range,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// bodies

export class BodyFrame implements Frame<A.BodyItem[], RulePartial> {
  readonly items: Built<A.BodyItem | undefined>[] = [];

  build(): A.BodyItem[] {
    const items: A.BodyItem[] = [];
    for (const item of realItems(this.items)) if (item !== undefined) items.push(item);
    return items;
  }

  adopt(partial: RulePartial): void {
    if (isPartialOf(partial, BODY_ITEM_RULES)) this.items.push(partial.value);
  }
}

export class AssignmentFrame implements Frame<A.Assignment | undefined, RulePartial> {
  field: IToken | undefined;
  operator: IToken | undefined;
  value: Built<A.Expression | A.EachBlock> | undefined;

  build(range: Range): A.Assignment | undefined {
    if (this.field === undefined) return undefined;
    const afterOperator = tokenEnd(this.operator ?? this.field);
    const value = this.value === undefined ? missing("a value", afterOperator) : placed(this.value, afterOperator);
    return { kind: "Assignment", field: name(this.field), operator: this.operator?.image === "=" ? "=" : "<-", value, range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "eachBlock" || partial.rule === "expression") this.value = partial.value;
  }

  reset(): void {
    this.field = undefined;
    this.operator = undefined;
    this.value = undefined;
  }
}

export class EachBlockFrame implements Frame<A.EachBlock, RulePartial> {
  entity: IToken | undefined;
  by: IToken | undefined;
  alias: IToken | undefined;
  body: Built<A.BodyItem[]> | undefined;

  build(range: Range): A.EachBlock {
    return {
      kind: "EachBlock",
      entity: nameOrMissing(this.entity, "an entity name", range.end),
      by: nameOrMissing(this.by, "a column name", range.end),
      ...(this.alias === undefined ? {} : { alias: name(this.alias) }),
      body: itemsAt(this.body, range.end),
      range,
    };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "body") this.body = partial.value;
  }
}

export class LetStatementFrame implements Frame<A.LetStatement | undefined, RulePartial> {
  name: IToken | undefined;
  arrow: IToken | undefined;
  value: Built<A.Expression> | undefined;

  build(range: Range): A.LetStatement | undefined {
    if (this.name === undefined) return undefined;
    const afterArrow = tokenEnd(this.arrow ?? this.name);
    return { kind: "LetStatement", name: name(this.name), value: this.value === undefined ? missing("a value", afterArrow) : placed(this.value, afterArrow), range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "expression") this.value = partial.value;
  }

  reset(): void {
    this.name = undefined;
    this.arrow = undefined;
    this.value = undefined;
  }
}

export class IgnoreStatementFrame implements Frame<A.IgnoreStatement, RulePartial> {
  readonly columns: Built<A.ColumnPath | undefined>[] = [];

  build(range: Range): A.IgnoreStatement {
    return { kind: "IgnoreStatement", columns: presentItems(this.columns, range.end), range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "columnPath") this.columns.push(partial.value);
  }
}

export class WithBlockFrame implements Frame<A.WithBlock, RulePartial> {
  entity: IToken | undefined;
  by: IToken | undefined;
  when: Built<A.Expression> | undefined;
  orderKeyword: IToken | undefined;
  orderBy: IToken | undefined;
  direction: IToken | undefined;
  body: Built<A.BodyItem[]> | undefined;

  build(range: Range): A.WithBlock {
    return {
      kind: "WithBlock",
      entity: nameOrMissing(this.entity, "an entity name", range.end),
      by: nameOrMissing(this.by, "a column name", range.end),
      ...(this.when === undefined ? {} : { when: placedOrMissing(this.when, range.end) }),
      ...(this.orderKeyword === undefined ? {} : { orderBy: nameOrMissing(this.orderBy, "a column name", tokenEnd(this.orderKeyword)) }),
      descending: this.direction?.image === "desc",
      body: itemsAt(this.body, range.end),
      range,
    };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "expression") this.when = partial.value;
    else if (partial.rule === "body") this.body = partial.value;
  }
}
