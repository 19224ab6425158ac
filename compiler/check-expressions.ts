/**
 * Resolves the names inside map, split and child bodies (columns, built-ins, tables, lookups,
 * aliases, records, custom fields), computes every expression's type and builds its plan form in
 * one pass. What it finds wrong is recorded as facts; rules/ turns facts into diagnostics. Code the
 * chosen Odoo and settings leave out is walked too, quietly: only its references are kept.
 */
import type * as A from "../language/ast.js";
import type { Range } from "../language/location.js";
import type { Fix, Severity } from "../language/diagnostic.js";
import { findField, suggestNames, type OdooField, type OdooSchema } from "./catalog/index.js";
import { writtenBodies, type BinderQueries } from "./bind.js";
import type { BoundPackage, Unresolved, UnresolvedKind } from "./bound-package.js";
import { acceptsInput, BUILTINS, findBuiltin } from "./builtins.js";
import type { ColumnSymbol, CustomFieldSymbol, EntitySymbol, GroupSymbol, PackageSymbol, RecordSymbol, SymbolReference, TargetSymbol } from "./model.js";
import { expressionDepth, MAX_EXPRESSION_DEPTH } from "./plan/expressions.js";
import type { Literal, PlanExpression } from "./plan/schema.js";
import { evaluateTargetCondition, type TargetChoice } from "./target.js";
import type {
  CheckedAssignment,
  CheckedCondition,
  CheckedExpression,
  CheckedPackage,
  LinkedRows,
  NestingProblem,
  Scope,
  TypeIssueKind,
} from "./checked-package.js";
import { checkArithmetic } from "./check-arithmetic.js";
import { checkCoalesce, checkComparison, checkIf, checkIn, checkList, checkLogical, checkNot, checkTemplate, expectBoolean } from "./check-operators.js";
import { checkPipe } from "./check-pipes.js";
import { declareLets, reportUnusedLets } from "./check-lets.js";
import { checkStepDeclarations, StepChecks } from "./check-steps.js";
import { checkColumnPath, checkSetting, reportUnknownName } from "./check-columns.js";
import { recordFieldName } from "./external-names.js";
import { BOOLEAN, DECIMAL, describeType, INTEGER, isAssignableTo, list, record, TEXT, unify, UNKNOWN, type ValueType } from "./types.js";

export function typeString(type: ValueType): string {
  switch (type.kind) {
    case "text":
      return type.flavor === undefined ? "text" : `text:${type.flavor}`;
    case "record":
      return type.model === undefined ? "record" : `record:${type.model}`;
    case "list":
      return `list<${typeString(type.item)}>`;
    default:
      return type.kind;
  }
}

/** The external ID the migration gives a record it ensures: `<namespace>.<model_with_underscores>_<name>`. */
export function recordXmlid(namespace: string, symbol: RecordSymbol): string {
  return symbol.existing ?? `${namespace}.${symbol.model.replace(/\./g, "_")}_${symbol.name}`;
}

function literalOf(node: A.Literal): Literal {
  return node.value;
}

function literalType(node: A.Literal): ValueType {
  if (node.kind === "StringLiteral") return TEXT;
  if (node.kind === "BooleanLiteral") return BOOLEAN;
  return Number.isInteger(node.value) && !node.raw.includes(".") ? INTEGER : DECIMAL;
}

export class ExpressionChecker {
  readonly result: CheckedPackage = {
    assignments: [],
    conditions: [], merges: [],
    typeIssues: [],
    nestingProblems: [],
    usedColumns: new Set(),
    ignoredColumns: new Map(),
    usedRecords: new Set(),
  };

  /** Custom fields by model and name: those the target gets first, then those an `if` leaves out. */
  private readonly customFields = new Map<string, CustomFieldSymbol>();
  /** The first place the expression being checked goes too deep (root() reports it). */
  private firstTooDeep: NestingProblem | undefined;
  /** Walks code left out for the chosen target: what it finds is thrown away, but for its references. */
  private readonly quietTwin: ExpressionChecker | undefined;

  constructor(
    readonly bound: BoundPackage,
    readonly queries: BinderQueries,
    readonly choice: TargetChoice,
    readonly namespace: string,
    readonly unresolved: Unresolved[],
    private readonly references: SymbolReference[],
    private readonly inactiveReferences: SymbolReference[],
    private readonly quiet = false,
    readonly steps = new StepChecks(),
  ) {
    for (const field of [...bound.customFields, ...bound.inactiveCustomFields]) {
      const key = `${field.model}\u0000${field.name}`;
      if (!this.customFields.has(key)) this.customFields.set(key, field);
    }
    this.quietTwin = quiet ? undefined : new ExpressionChecker(bound, queries, choice, namespace, [], inactiveReferences, inactiveReferences, true, this.steps);
  }

  /** This checker for code the chosen target runs, its quiet twin for the rest. */
  private walker(active: boolean): ExpressionChecker {
    return active || this.quietTwin === undefined ? this : this.quietTwin;
  }

  issue(kind: TypeIssueKind, file: string, range: Range, message: string, fixes?: readonly Fix[], severity?: Severity): void {
    this.result.typeIssues.push({ kind, file, range, message, ...(fixes === undefined ? {} : { fixes }), ...(severity === undefined ? {} : { severity }) });
  }

  reference(file: string, range: Range, symbol: PackageSymbol): void {
    const inactive =
      (symbol.kind === "custom-field" && this.bound.inactiveCustomFields.includes(symbol)) ||
      (symbol.kind === "target" && this.bound.inactiveTargets.includes(symbol));
    (inactive ? this.inactiveReferences : this.references).push({ file, range, symbol });
  }

  useColumn(column: ColumnSymbol, file: string, range: Range): void {
    this.result.usedColumns.add(column);
    this.reference(file, range, column);
  }

  failed(node: A.Expression): CheckedExpression {
    return { node, type: UNKNOWN, ir: { op: "const", type: "unknown", value: null } };
  }

  /**
   * Whether something at `depth` is nested deeper than a plan may be; if so it is reported, and
   * the caller checks nothing inside it (which also keeps this checker's own recursion bounded).
   */
  tooDeep(depth: number, file: string, range: Range, what: string): boolean {
    if (depth <= MAX_EXPRESSION_DEPTH) return false;
    this.firstTooDeep ??= {
      file,
      range,
      message: `${what} nests more than ${MAX_EXPRESSION_DEPTH} levels deep, more than a plan may hold: simplify it (a table instead of nested \`if\`s, fewer steps)`,
    };
    return true;
  }

  /** A whole expression (a value, a condition): nested too deep, it is reported once, where it first goes too deep. */
  private root(node: A.Expression, scope: Scope): CheckedExpression {
    const checked = this.expression(node, { ...scope, depth: 0 });
    if (this.firstTooDeep !== undefined) this.result.nestingProblems.push(this.firstTooDeep);
    this.firstTooDeep = undefined;
    return checked;
  }

  // -------------------------------------------------------------------------------------------
  // targets

  checkAll(): CheckedPackage {
    for (const target of this.bound.targets) this.checkTarget(target);
    for (const target of this.bound.inactiveTargets) this.walker(false).checkTarget(target);
    return this.result;
  }

  private checkTarget(target: TargetSymbol): void {
    const scope: Scope = {
      target,
      model: target.model,
      file: target.file,
      entity: target.entity,
      group: target.forEachGroup,
      linked: undefined,
      field: undefined,
      depth: 0,
    };
    for (const condition of target.conditions) {
      const checked = this.root(condition, scope);
      expectBoolean(this, checked, scope, "a `when` condition");
      this.result.conditions.push({ target, file: target.file, expression: checked });
    }
    if (target.merge !== undefined) this.result.merges.push({ target, file: target.file, clause: target.merge, onto: this.root(target.merge.onto, scope) });
    if (target.parent !== undefined && target.entity !== undefined) {
      const by = target.parent.by.kind === "Name" ? target.entity.columns.get(target.parent.by.value) : undefined;
      if (by !== undefined) this.result.usedColumns.add(by);
    }
    const written = writtenBodies(target);
    this.checkBody(written.body, scope);
    if (written.leftOut !== undefined) this.walker(false).checkBody(written.leftOut.body, { ...scope, model: written.leftOut.model });
  }

  /** The items of a body, each `if` by the branch the chosen target takes; the quiet twin walks the other branches (and, itself, all of them). */
  private checkBody(items: readonly A.BodyItem[], outer: Scope): void {
    const first = items[0];
    if (first === undefined) return;
    if (outer.depth + 1 > MAX_EXPRESSION_DEPTH) {
      this.result.nestingProblems.push({
        file: outer.file,
        range: first.range,
        message: `this block nests more than ${MAX_EXPRESSION_DEPTH} levels deep: simplify it`,
      });
      return;
    }
    const scope = declareLets(this, items, { ...outer, depth: outer.depth + 1 });
    for (const item of items) {
      switch (item.kind) {
        case "TargetIf": {
          const holds = this.quiet || (evaluateTargetCondition(item.condition, this.choice) ?? true);
          this.walker(holds).checkBody(item.then, scope);
          if (item.else !== undefined)
            this.walker(this.quiet || !holds).checkBody(Array.isArray(item.else) ? item.else : [item.else as A.TargetIf<A.BodyItem>], scope);
          break;
        }
        case "Assignment":
          this.checkAssignment(item, scope);
          break;
        case "IgnoreStatement":
          for (const path of item.columns) this.ignoreColumn(path, scope);
          break;
        case "WithBlock":
          this.checkWith(item, scope);
          break;
        case "LetStatement":
          break;
      }
    }
    reportUnusedLets(this, scope, outer);
  }

  get schema(): OdooSchema | undefined {
    return this.choice.schema;
  }

  private checkAssignment(node: A.Assignment, scope: Scope): void {
    const model = scope.model;
    recordFieldName(this.bound.externalNames, scope.file, model, node.field);
    const field = this.schema !== undefined && model !== undefined ? findField(this.schema, model, node.field.value) : undefined;
    const custom = model === undefined ? undefined : this.customFields.get(`${model}\u0000${node.field.value}`);
    if (custom !== undefined) this.reference(scope.file, node.field.range, custom);
    if (node.value.kind === "EachBlock") {
      const child = this.bound.targets.find((candidate) => candidate.declaration === node.value);
      this.result.assignments.push({
        target: scope.target,
        file: scope.file,
        node,
        fieldName: node.field,
        field,
        ...(child === undefined ? {} : { child }),
        ...(scope.linked === undefined ? {} : { linked: scope.linked }),
      });
      return;
    }
    const fieldScope: Scope = { ...scope, field };
    const value = this.root(node.value, fieldScope);
    if (node.operator === "=" && !this.isConstant(node.value, fieldScope)) {
      this.issue(
        "constant",
        scope.file,
        node.value.range,
        "`=` sets a constant (a quoted string, a number, true/false or a record name); to take a value from the source, write `<-`",
      );
    }
    this.result.assignments.push({
      target: scope.target,
      file: scope.file,
      node,
      fieldName: node.field,
      field,
      value,
      ...(scope.linked === undefined ? {} : { linked: scope.linked }),
    });
  }

  /** Literals, record names and lists of them: what `=` may set. */
  private isConstant(node: A.Expression, scope: Scope): boolean {
    switch (node.kind) {
      case "StringLiteral":
      case "NumberLiteral":
      case "BooleanLiteral":
        return true;
      case "ColumnPath": {
        const name = node.parts[0]?.value ?? "";
        return (
          node.parts.length === 1 && scope.entity?.columns.has(name) !== true && scope.linked?.entity.columns.has(name) !== true && scope.lets?.find(name) === undefined
        );
      }
      case "ListExpression":
        return node.items.every((item) => this.isConstant(item, scope));
      default:
        return false;
    }
  }

  private ignoreColumn(path: A.ColumnPath, scope: Scope): void {
    const entity = scope.entity;
    if (entity === undefined) return;
    const [first, second] = path.parts;
    if (first === undefined) return;
    let column: ColumnSymbol | undefined;
    if (second === undefined) column = entity.columns.get(first.value);
    else column = entity.groups.get(first.value)?.columns.get(second.value);
    if (column === undefined) {
      const candidates = second === undefined ? [...entity.columns.keys()] : [...(entity.groups.get(first.value)?.columns.keys() ?? [])];
      const name = second === undefined ? first.value : `${first.value}.${second.value}`;
      this.unresolved.push({
        kind: "column",
        name,
        file: scope.file,
        range: path.range,
        candidates: suggestNames(second?.value ?? first.value, candidates),
        scope: `entity ${entity.name}`,
      });
      return;
    }
    // `ignore group.column` names the group, then its column, as a column path in an expression does.
    if (second !== undefined && column.group !== undefined) this.reference(scope.file, first.range, column.group);
    this.reference(scope.file, second?.range ?? first.range, column);
    this.result.ignoredColumns.set(column, { file: scope.file, range: path.range });
  }

  private checkWith(node: A.WithBlock, scope: Scope): void {
    if (node.entity.kind === "Missing") return;
    const entity = this.bound.entities.get(node.entity.value);
    if (entity === undefined) {
      reportUnknownName(this, "entity", node.entity, scope.file, this.bound.entities.keys());
      return;
    }
    this.reference(scope.file, node.entity.range, entity);
    const column = (name: A.Name | A.Missing | undefined): ColumnSymbol | undefined => {
      if (name === undefined || name.kind === "Missing") return undefined;
      const found = entity.columns.get(name.value);
      if (found === undefined) {
        reportUnknownName(this, "column", name, scope.file, entity.columns.keys(), `entity ${entity.name}`);
        return undefined;
      }
      this.useColumn(found, scope.file, name.range);
      return found;
    };
    let filter: CheckedExpression | undefined;
    if (node.when !== undefined) {
      // The condition reads one linked row at a time, so its columns are plain values, not lists.
      const rowScope: Scope = {
        target: scope.target,
        model: scope.model,
        file: scope.file,
        entity,
        group: undefined,
        linked: undefined,
        field: undefined,
        depth: 0,
      };
      filter = this.root(node.when, rowScope);
      expectBoolean(this, filter, scope, "the `when` of a `with` block");
    }
    const linked: LinkedRows = {
      node,
      entity,
      by: column(node.by),
      orderBy: column(node.orderBy),
      ...(filter === undefined ? {} : { filter }),
      filterDepth: filter === undefined ? 0 : expressionDepth(filter.ir),
    };
    this.checkBody(node.body, { ...scope, linked });
  }

  // -------------------------------------------------------------------------------------------
  // expressions

  expression(node: A.Expression, outer: Scope): CheckedExpression {
    if (this.tooDeep(outer.depth + 1, outer.file, node.range, "this expression")) return this.failed(node);
    const scope: Scope = { ...outer, depth: outer.depth + 1 };
    switch (node.kind) {
      case "Missing":
        return this.failed(node);
      case "StringLiteral":
      case "NumberLiteral":
      case "BooleanLiteral": {
        const type = literalType(node);
        return { node, type, ir: { op: "const", type: typeString(type), value: literalOf(node) }, constants: [literalOf(node)] };
      }
      case "ColumnPath":
        return checkColumnPath(this, node, scope);
      case "TemplateExpression":
        return checkTemplate(this, node, scope);
      case "ListExpression":
        return checkList(this, node, scope);
      case "ParenthesizedExpression":
        return { ...this.expression(node.expression, scope), node };
      case "SettingExpression":
        return checkSetting(this, node, scope);
      case "RefExpression":
        return this.siblingRef(node, scope);
      case "PipeExpression":
        return checkPipe(this, node, scope);
      case "CoalesceExpression":
        return checkCoalesce(this, node, scope);
      case "IfExpression":
        return checkIf(this, node, scope);
      case "LogicalExpression":
        return checkLogical(this, node, scope);
      case "NotExpression":
        return checkNot(this, node, scope);
      case "ArithmeticExpression":
        return checkArithmetic(this, node, scope);
      case "ComparisonExpression":
        return checkComparison(this, node, scope);
      case "IsExpression": {
        const operand = this.expression(node.operand, scope);
        return { node, type: BOOLEAN, ir: { op: "is", type: "boolean", test: node.test, negated: node.negated, operand: operand.ir } };
      }
      case "InExpression":
        return checkIn(this, node, scope);
    }
  }

  // -------------------------------------------------------------------------------------------
  // names

  /** A record named in an expression: among the records of the field's relation, else any unique one. */
  recordByName(name: string, scope: Scope): RecordSymbol | undefined {
    const relation = scope.field?.relation;
    return (relation === undefined ? undefined : this.queries.findRecord(name, relation)) ?? this.queries.findRecord(name, undefined);
  }

  /** The target an alias names, recorded as a reference; else reported (a switched-off alias as such, not as a typo). */
  resolveAlias(alias: A.Name, file: string): TargetSymbol | undefined {
    const target = this.bound.aliases.get(alias.value);
    if (target !== undefined) {
      this.reference(file, alias.range, target);
      return target;
    }
    // A map or split target switched off is still where the alias is written.
    const switchedOff = this.bound.inactiveTargets.find((candidate) => candidate.alias === alias.value && candidate.aliasDeclared);
    if (switchedOff !== undefined) this.reference(file, alias.range, switchedOff);
    const condition = this.bound.inactiveAliases.get(alias.value);
    this.unresolved.push({
      ...(condition === undefined
        ? { kind: "alias" as const, candidates: suggestNames(alias.value, [...this.bound.aliases.keys()]) }
        : { kind: "inactive-alias" as const, candidates: [], scope: condition }),
      name: alias.value,
      file,
      range: alias.range,
    });
    return undefined;
  }

  private siblingRef(node: A.RefExpression, scope: Scope): CheckedExpression {
    if (node.alias.kind === "Missing") return this.failed(node);
    const target = this.resolveAlias(node.alias, scope.file);
    if (target === undefined) return this.failed(node);
    const sameSplit = target.split !== undefined && target.split === scope.target.split && target !== scope.target;
    if (!sameSplit) {
      this.issue(
        "sibling",
        scope.file,
        node.range,
        scope.target.split === undefined
          ? `\`ref ${target.alias}\` alone names a record of the same row, which only a split has; to point to ${target.alias} records by key, write \`key_column | ref ${target.alias}\``
          : `\`ref ${target.alias}\` alone names another target of this split; ${target.alias} is not one: write \`key_column | ref ${target.alias}\``,
      );
      return this.failed(node);
    }
    if (target.forEach !== undefined) {
      this.issue("sibling", scope.file, node.range, this.forEachRefMessage(target));
      return this.failed(node);
    }
    const type = record(target.model);
    return { node, type, ir: { op: "sibling", type: typeString(type), step: target.alias, ...(node.optional === true ? { optional: true } : {}) } };
  }

  /**
   * A `for each` target makes one record per filled instance of a column group, all from one row:
   * the row's key names none of them in particular, so a ref to it would find nothing.
   */
  forEachRefMessage(target: TargetSymbol): string {
    const group = target.forEach?.kind === "Name" ? target.forEach.value : "group";
    const entity = target.entity?.name ?? "its entity";
    return `${target.alias} makes one record per filled ${group} of a ${entity} row, so a ${entity} key names none of them: point to a target without \`for each\`, or make the one you mean a target of its own (reading \`${group}[1].column\`)`;
  }
}

export function checkExpressions(bound: BoundPackage, queries: BinderQueries, choice: TargetChoice, namespace: string): CheckedPackage {
  const checker = new ExpressionChecker(bound, queries, choice, namespace, bound.unresolved, bound.references, bound.inactiveReferences);
  checkStepDeclarations(checker);
  return checker.checkAll();
}
