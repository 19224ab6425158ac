/**
 * Frames of the expression rules (see tree-parser.ts): what each rule has read, and the node it
 * builds from that. Binary operators are read flat, in source order, by one rule; `BinaryFrame`
 * arranges them by precedence (precedence climbing over the flat parts).
 */
import type { IToken } from "chevrotain";
import type * as A from "./ast.js";
import { missing, name, nameOrMissing, numberLiteral, unescapeString } from "./build-leaves.js";
import type { Position, Range } from "./location.js";
import { Deferred, placed, rangeBetween, tokenEnd, tokenRange, tokenStart, type Built, type Frame } from "./tree-parser.js";
import type { RulePartial } from "./build-ast.js";

/** What each expression rule builds. */
export interface ExpressionResults {
  expression: A.Expression;
  ifExpression: A.IfExpression;
  pipeStep: A.PipeStep | undefined;
  primary: A.Expression;
  parenthesized: A.ParenthesizedExpression;
  columnPath: A.ColumnPath | undefined;
  listExpression: A.ListExpression;
  templateExpression: A.TemplateExpression;
}

export function placedOrMissing(built: Built<A.Expression> | undefined, at: Position): A.Expression {
  return built === undefined ? missing("a value", at) : placed(built, at);
}

export class IfExpressionFrame implements Frame<A.IfExpression, RulePartial> {
  condition: Built<A.Expression> | undefined;
  then: Built<A.Expression> | undefined;
  elseKeyword: IToken | undefined;
  else: Built<A.Expression> | undefined;

  build(range: Range): A.IfExpression {
    const otherwise = this.else === undefined && this.elseKeyword === undefined ? {} : { else: placedOrMissing(this.else, range.end) };
    return { kind: "IfExpression", condition: placedOrMissing(this.condition, range.end), then: placedOrMissing(this.then, range.end), ...otherwise, range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule !== "expression") return;
    if (this.condition === undefined) this.condition = partial.value;
    else if (this.then === undefined) this.then = partial.value;
    else this.else = partial.value;
  }
}

type BinaryOperator = "or" | "and" | "??" | A.ComparisonOperator | A.ArithmeticOperator;

/**
 * An operand as read: its leading `not`s, its value and the value's pipeline (`name | trim`),
 * with the first and last token it consumed.
 */
class Operand {
  input: Built<A.Expression> | undefined;
  /** Where the pipeline starts: its value's first token, or its first `|` when the value is missing. */
  pipeFirst: IToken | undefined;
  steps: Built<A.PipeStep | undefined>[] | undefined;
  first: IToken | undefined;
  last: IToken | undefined;
  readonly kind = "operand";

  constructor(readonly nots: readonly IToken[]) {
    this.first = nots[0];
    this.last = nots[nots.length - 1];
  }

  extend(first: IToken | undefined, last: IToken | undefined): void {
    this.first ??= first;
    if (last !== undefined) this.last = last;
  }

  /** The value, or the pipeline it starts: a missing value stands at `fallback`. */
  build(fallback: Position): A.Expression {
    const input = placedOrMissing(this.input, fallback);
    if (this.steps === undefined) return input;
    const start = this.pipeFirst;
    const end = this.last;
    const range = start === undefined || end === undefined ? { start: fallback, end: fallback } : rangeBetween(start, end);
    const steps: A.PipeStep[] = [];
    for (const step of this.steps) {
      const built = placed(step, range.end);
      if (built !== undefined) steps.push(built);
    }
    return { kind: "PipeExpression", input, steps, range };
  }
}

/** One part of a flat expression: an operand, an operator, or a postfix test. */
type Part =
  | Operand
  | { readonly kind: "operator"; readonly operator: BinaryOperator; readonly token: IToken }
  | { readonly kind: "is"; readonly negated: boolean; test: IToken | undefined; readonly first: IToken; last: IToken }
  | { readonly kind: "in"; readonly negated: boolean; list: Built<A.ListExpression> | undefined; readonly first: IToken; last: IToken };

function isComparisonOperator(text: string): text is A.ComparisonOperator {
  return text === "=" || text === "!=" || text === "<" || text === "<=" || text === ">" || text === ">=";
}

function isArithmeticOperator(text: string): text is A.ArithmeticOperator {
  return text === "+" || text === "-" || text === "*" || text === "/";
}

/** Operators that neither join conditions (`and`, `or`) nor compare: `??` and arithmetic. */
function isValueOperator(operator: BinaryOperator): boolean {
  return operator === "??" || isArithmeticOperator(operator);
}

function firstOf(part: Part): IToken | undefined {
  return part.kind === "operator" ? part.token : part.first;
}

function lastOf(part: Part): IToken | undefined {
  return part.kind === "operator" ? part.token : part.last;
}

const NO_NOTS: readonly IToken[] = [];

/**
 * An expression: an `if`, or operands and binary operators read flat, in source order: `a or b and
 * not c = d ?? e`. What may follow an operand depends on the comparison of the current `and`/`or`
 * operand: none yet (`open`), its right side being read (`right`: only `??` continues it), or a
 * finished `is`/`in` test (`closed`). Comparisons do not chain. `build` arranges the parts by
 * precedence (precedence climbing over the flat parts).
 */
export class ExpressionFrame implements Frame<A.Expression, RulePartial> {
  ifExpression: Built<A.IfExpression> | undefined;
  /** Allocated at the first operator: most expressions are one operand. */
  private parts: Part[] | undefined;
  private single: Part | undefined;
  /** The operand being read. */
  private operand: Operand | undefined;
  comparison: "open" | "right" | "closed" = "open";
  /** `not`s read before the next operand. */
  private nots: IToken[] | undefined;

  get notCount(): number {
    return this.nots?.length ?? 0;
  }

  not(token: IToken): void {
    (this.nots ??= []).push(token);
  }

  private push(part: Part): void {
    if (this.parts !== undefined) this.parts.push(part);
    else if (this.single === undefined) this.single = part;
    else {
      this.parts = [this.single, part];
      this.single = undefined;
    }
  }

  /** An operand starts, with the `not`s read before it. */
  startOperand(): void {
    const operand = new Operand(this.nots ?? NO_NOTS);
    this.nots = undefined;
    this.operand = operand;
    this.push(operand);
  }

  input(value: Built<A.Expression>, first: IToken | undefined, last: IToken | undefined): void {
    const operand = this.operand;
    if (operand === undefined) return;
    operand.input = value;
    operand.pipeFirst = first;
    operand.extend(first, last);
  }

  pipe(token: IToken | undefined): void {
    const operand = this.operand;
    if (operand === undefined || token === undefined) return;
    operand.pipeFirst ??= token;
    operand.extend(token, token);
  }

  step(step: Built<A.PipeStep | undefined>, first: IToken | undefined, last: IToken | undefined): void {
    const operand = this.operand;
    if (operand === undefined) return;
    (operand.steps ??= []).push(step);
    operand.extend(first, last);
  }

  operator(token: IToken | undefined): void {
    if (token === undefined) return;
    const text = token.image;
    const operator: BinaryOperator | undefined =
      text === "or" || text === "and" || text === "??" || isArithmeticOperator(text) ? text : isComparisonOperator(text) ? text : undefined;
    if (operator === undefined) return;
    this.operand = undefined;
    this.push({ kind: "operator", operator, token });
    this.comparison = operator === "or" || operator === "and" ? "open" : isValueOperator(operator) ? this.comparison : "right";
  }

  /** `is [not]`, before its test is read. */
  isTest(keyword: IToken, negated: IToken | undefined): void {
    this.operand = undefined;
    this.push({ kind: "is", negated: negated !== undefined, test: undefined, first: keyword, last: negated ?? keyword });
    this.comparison = "closed";
  }

  /** `present` or `empty` after `is`. */
  test(token: IToken | undefined): void {
    const part = this.last();
    if (part?.kind !== "is" || token === undefined) return;
    part.test = token;
    part.last = token;
  }

  /** `[not] in`, before its list is read. */
  inTest(negated: IToken | undefined, keyword: IToken): void {
    this.operand = undefined;
    this.push({ kind: "in", negated: negated !== undefined, list: undefined, first: negated ?? keyword, last: keyword });
    this.comparison = "closed";
  }

  list(list: Built<A.ListExpression>, last: IToken | undefined): void {
    const part = this.last();
    if (part?.kind !== "in") return;
    part.list = list;
    if (last !== undefined) part.last = last;
  }

  private last(): Part | undefined {
    return this.parts === undefined ? this.single : this.parts[this.parts.length - 1];
  }

  adopt(partial: RulePartial, first: IToken | undefined, last: IToken | undefined): void {
    if (partial.rule === "primary") this.input(partial.value, first, last);
    else if (partial.rule === "pipeStep") this.step(partial.value, first, last);
    else if (partial.rule === "listExpression") this.list(partial.value, last);
    else if (partial.rule === "ifExpression") this.ifExpression = partial.value;
  }

  build(range: Range): A.Expression {
    if (this.ifExpression !== undefined) return placed(this.ifExpression, range.start);
    const single = this.single;
    if (single instanceof Operand && single.nots.length === 0) return single.build(range.start);
    const parts = this.parts ?? (single === undefined ? [] : [single]);
    return new Climb(parts).expression(0, parts.length, range.start, false);
  }

  reset(): void {
    this.ifExpression = undefined;
    this.parts = undefined;
    this.single = undefined;
    this.operand = undefined;
    this.comparison = "open";
    this.nots = undefined;
  }
}

/** Builds the tree of parts [from, to) by precedence: `or`, `and`, `not`, comparisons, `??`. */
class Climb {
  constructor(private readonly parts: readonly Part[]) {}

  expression(from: number, to: number, fallback: Position, notsTaken: boolean): A.Expression {
    const logical = this.split(from, to, "or") ?? this.split(from, to, "and");
    if (logical !== undefined) {
      const operator = logical.operator === "or" ? "or" : "and";
      const operands = logical.bounds.map(([start, end]) => this.expression(start, end, fallback, false));
      return { kind: "LogicalExpression", operator, operands, range: this.range(from, to, fallback) };
    }
    const head = this.parts[from];
    if (!notsTaken && head instanceof Operand && head.nots.length > 0) return this.negated(head.nots, from, to, fallback);
    for (let index = from; index < to; index++) {
      const part = this.parts[index];
      if (part === undefined) continue;
      if (part.kind === "operator" && isComparisonOperator(part.operator)) {
        const left = this.expression(from, index, fallback, true);
        const range = this.range(from, to, fallback);
        return { kind: "ComparisonExpression", operator: part.operator, left, right: this.expression(index + 1, to, range.end, false), range };
      }
      if (part.kind === "is") {
        const operand = this.expression(from, index, fallback, true);
        return { kind: "IsExpression", operand, negated: part.negated, test: part.test?.image === "empty" ? "empty" : "present", range: this.range(from, to, fallback) };
      }
      if (part.kind === "in") {
        const operand = this.expression(from, index, fallback, true);
        const range = this.range(from, to, fallback);
        const list = part.list === undefined ? missing('a list such as `["a", "b"]`', range.end) : placed(part.list, range.end);
        return { kind: "InExpression", operand, negated: part.negated, list, range };
      }
    }
    const coalesce = this.split(from, to, "??");
    if (coalesce !== undefined) {
      const operands = coalesce.bounds.map(([start, end]) => this.expression(start, end, fallback, true));
      return { kind: "CoalesceExpression", operands, range: this.range(from, to, fallback) };
    }
    return this.arithmetic(from, to, fallback) ?? (head instanceof Operand ? head.build(fallback) : missing("a value", fallback));
  }

  /**
   * `a - b + c * d`: the last top-level `+` or `-` splits first (so that they group from the left),
   * then the last `*` or `/`; undefined when [from, to) holds no arithmetic operator.
   */
  private arithmetic(from: number, to: number, fallback: Position): A.ArithmeticExpression | undefined {
    const at = this.lastOperator(from, to, "+", "-") ?? this.lastOperator(from, to, "*", "/");
    if (at === undefined) return undefined;
    const part = this.parts[at];
    if (part?.kind !== "operator" || !isArithmeticOperator(part.operator)) return undefined;
    const range = this.range(from, to, fallback);
    const left = this.expression(from, at, fallback, true);
    return { kind: "ArithmeticExpression", operator: part.operator, left, right: this.expression(at + 1, to, range.end, true), range };
  }

  private lastOperator(from: number, to: number, first: BinaryOperator, second: BinaryOperator): number | undefined {
    for (let index = to - 1; index >= from; index--) {
      const part = this.parts[index];
      if (part?.kind === "operator" && (part.operator === first || part.operator === second)) return index;
    }
    return undefined;
  }

  /** `not not x`: the `not`s wrap the comparison that follows them, each from its own `not` to the comparison's end. */
  private negated(nots: readonly IToken[], from: number, to: number, fallback: Position): A.Expression {
    const end = this.range(from, to, fallback).end;
    let expression = this.expression(from, to, end, true);
    for (let index = nots.length - 1; index >= 0; index--) {
      const not = nots[index];
      if (not !== undefined) expression = { kind: "NotExpression", operand: expression, range: { start: tokenStart(not), end } };
    }
    return expression;
  }

  /** The operand bounds between the top-level `operator`s of [from, to), or undefined when there are none. */
  private split(from: number, to: number, operator: "or" | "and" | "??"): { operator: string; bounds: [number, number][] } | undefined {
    let start = from;
    const bounds: [number, number][] = [];
    for (let index = from; index < to; index++) {
      const part = this.parts[index];
      if (part?.kind === "operator" && part.operator === operator) {
        bounds.push([start, index]);
        start = index + 1;
      }
    }
    if (bounds.length === 0) return undefined;
    bounds.push([start, to]);
    return { operator, bounds };
  }

  /** From the first to the last token the parts [from, to) consumed. */
  private range(from: number, to: number, fallback: Position): Range {
    let first: IToken | undefined;
    let last: IToken | undefined;
    for (let index = from; index < to; index++) {
      const part = this.parts[index];
      if (part === undefined) continue;
      first ??= firstOf(part);
      last = lastOf(part) ?? last;
    }
    if (first === undefined) return { start: fallback, end: fallback };
    return { start: tokenStart(first), end: tokenEnd(last ?? first) };
  }
}

export class PipeStepFrame implements Frame<A.PipeStep | undefined, RulePartial> {
  ref: IToken | undefined;
  alias: IToken | undefined;
  /** `| ref company by trade_name`, `| get(Company.vat by name)` */
  byKeyword: IToken | undefined;
  by: IToken | undefined;
  /** `| ref person by name and company` */
  andKeyword: IToken | undefined;
  andBy: IToken | undefined;
  /** `| ref org optional` */
  optional: IToken | undefined;
  callee: IToken | undefined;
  openParen: IToken | undefined;
  /** Allocated at `(`: most steps take no arguments. */
  args: Built<A.Expression>[] | undefined;

  argument(arg: Built<A.Expression>): void {
    (this.args ??= []).push(arg);
  }

  build(range: Range): A.PipeStep | undefined {
    if (this.ref !== undefined) {
      const by = this.byKeyword === undefined ? {} : { by: nameOrMissing(this.by, "a column", tokenEnd(this.byKeyword)) };
      const andBy = this.andKeyword === undefined ? {} : { andBy: nameOrMissing(this.andBy, "a column", tokenEnd(this.andKeyword)) };
      const optional = this.optional === undefined ? {} : { optional: true as const };
      return { kind: "RefStep", alias: nameOrMissing(this.alias, "an alias", range.end), ...by, ...andBy, ...optional, range };
    }
    if (this.callee === undefined) return undefined;
    const args = this.openParen === undefined ? {} : { args: (this.args ?? []).map((arg) => placed(arg, range.end)) };
    const by = this.byKeyword === undefined ? {} : { by: nameOrMissing(this.by, "a column", tokenEnd(this.byKeyword)) };
    return { kind: "CallStep", callee: name(this.callee), ...args, ...by, range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "expression") this.argument(partial.value);
  }

  reset(): void {
    this.ref = undefined;
    this.alias = undefined;
    this.byKeyword = undefined;
    this.by = undefined;
    this.andKeyword = undefined;
    this.andBy = undefined;
    this.optional = undefined;
    this.callee = undefined;
    this.openParen = undefined;
    this.args = undefined;
  }
}

/** The parts of a column path as read: `name`, `contact.name`, `contact[1].name`. */
export class ColumnPathParts {
  first: IToken | undefined;
  /** Parts after the first; allocated at the first `.`. */
  rest: IToken[] | undefined;
  instance: IToken | undefined;

  part(token: IToken | undefined): void {
    if (token === undefined) return;
    if (this.first === undefined) this.first = token;
    else (this.rest ??= []).push(token);
  }

  protected columnPath(): A.ColumnPath | undefined {
    const first = this.first;
    if (first === undefined) return undefined;
    const parts = [name(first)];
    if (this.rest !== undefined) for (const part of this.rest) parts.push(name(part));
    const last = this.rest?.[this.rest.length - 1] ?? first;
    const instance = this.instance === undefined ? {} : { instance: numberLiteral(this.instance) };
    return { kind: "ColumnPath", parts, ...instance, range: rangeBetween(first, last) };
  }

  protected resetPath(): void {
    this.first = undefined;
    this.rest = undefined;
    this.instance = undefined;
  }
}

/** A value: a literal, a template, a list, `( ... )`, `ref alias` or a column (read in place, it is the commonest value). */
export class PrimaryFrame extends ColumnPathParts implements Frame<A.Expression, RulePartial> {
  literal: A.Literal | undefined;
  template: Built<A.TemplateExpression> | undefined;
  list: Built<A.ListExpression> | undefined;
  parenthesized: Built<A.ParenthesizedExpression> | undefined;
  ref: IToken | undefined;
  alias: IToken | undefined;
  /** `ref org optional` */
  optional: IToken | undefined;
  /** `setting rate` */
  setting: IToken | undefined;
  settingName: IToken | undefined;

  build(range: Range): A.Expression {
    if (this.literal !== undefined) return this.literal;
    if (this.template !== undefined) return placed(this.template, range.start);
    if (this.list !== undefined) return placed(this.list, range.start);
    if (this.parenthesized !== undefined) return placed(this.parenthesized, range.start);
    if (this.ref !== undefined)
      return { kind: "RefExpression", alias: nameOrMissing(this.alias, "an alias", range.end), ...(this.optional === undefined ? {} : { optional: true }), range };
    if (this.setting !== undefined) return { kind: "SettingExpression", name: nameOrMissing(this.settingName, "a setting name", range.end), range };
    return this.columnPath() ?? missing("a value", range.start);
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "templateExpression") this.template = partial.value;
    else if (partial.rule === "listExpression") this.list = partial.value;
    else if (partial.rule === "parenthesized") this.parenthesized = partial.value;
  }

  reset(): void {
    this.literal = undefined;
    this.template = undefined;
    this.list = undefined;
    this.parenthesized = undefined;
    this.ref = undefined;
    this.alias = undefined;
    this.optional = undefined;
    this.setting = undefined;
    this.settingName = undefined;
    this.resetPath();
  }
}

export class ParenthesizedFrame implements Frame<A.ParenthesizedExpression, RulePartial> {
  expression: Built<A.Expression> | undefined;

  build(range: Range): A.ParenthesizedExpression {
    return { kind: "ParenthesizedExpression", expression: placedOrMissing(this.expression, range.end), range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "expression") this.expression = partial.value;
  }
}

/** A column path on its own (in `ignore`). */
export class ColumnPathFrame extends ColumnPathParts implements Frame<A.ColumnPath | undefined, RulePartial> {
  build(): A.ColumnPath | undefined {
    return this.columnPath();
  }

  reset(): void {
    this.resetPath();
  }
}

export class ListExpressionFrame implements Frame<A.ListExpression, RulePartial> {
  readonly items: Built<A.Expression>[] = [];

  build(range: Range): A.ListExpression {
    return { kind: "ListExpression", items: this.items.map((item) => placed(item, range.end)), range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "expression") this.items.push(partial.value);
  }
}

export class TemplateExpressionFrame implements Frame<A.TemplateExpression, RulePartial> {
  readonly parts: (A.TemplateText | Built<A.Expression>)[] = [];

  text(token: IToken | undefined): void {
    if (token !== undefined) this.parts.push({ kind: "TemplateText", value: unescapeString(token.image), raw: token.image, range: tokenRange(token) });
  }

  build(range: Range): A.TemplateExpression {
    const parts: (A.TemplateText | A.Expression)[] = [];
    // A hole that read nothing has no place in the text: dropped, as the syntax error says what is missing.
    for (const part of this.parts) if (!(part instanceof Deferred)) parts.push(part);
    return { kind: "TemplateExpression", parts, range };
  }

  adopt(partial: RulePartial): void {
    if (partial.rule === "expression") this.parts.push(partial.value);
  }
}
