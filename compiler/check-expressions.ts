/**
 * Resolves the names inside map, split and child bodies (columns, built-ins, tables, lookups,
 * aliases, records, custom fields), computes every expression's type and builds its plan form in
 * one pass. What it finds wrong is recorded as facts; rules/ turns facts into diagnostics. Code the
 * chosen Odoo and settings leave out is walked too, quietly: only its references are kept.
 */
import type * as A from "../language/ast.js";
import type { Range } from "../language/location.js";
import { findField, suggestNames, type OdooField, type OdooSchema } from "./catalog/index.js";
import { writtenBodies, type BinderQueries, type BoundPackage, type Unresolved, type UnresolvedKind } from "./bind.js";
import { acceptsInput, BUILTINS, findBuiltin } from "./builtins.js";
import type { ColumnSymbol, CustomFieldSymbol, EntitySymbol, GroupSymbol, PackageSymbol, RecordSymbol, SymbolReference, TargetSymbol } from "./model.js";
import { expressionDepth, MAX_EXPRESSION_DEPTH } from "./plan/expressions.js";
import type { Literal, PlanExpression } from "./plan/schema.js";
import { evaluateTargetCondition, type TargetChoice } from "./target.js";
import { BOOLEAN, DECIMAL, describeType, INTEGER, isAssignableTo, list, record, TEXT, unify, UNKNOWN, type ValueType } from "./types.js";

export interface CheckedExpression {
  readonly node: A.Expression;
  readonly type: ValueType;
  readonly ir: PlanExpression;
  /** Every value the expression can have, when they are all constants (for selection checks). */
  readonly constants?: readonly Literal[];
  /** The table that decides the value, when the expression ends in one (for default checks). */
  readonly table?: string;
}

export interface LinkedRows {
  readonly node: A.WithBlock;
  readonly entity: EntitySymbol;
  readonly by: ColumnSymbol | undefined;
  readonly orderBy: ColumnSymbol | undefined;
  /** The block's `when`, read in each linked row. */
  readonly filter?: CheckedExpression;
  /** How deep the filter's plan form nests: every linked column read inside the block carries it. */
  readonly filterDepth: number;
}

export interface CheckedAssignment {
  readonly target: TargetSymbol;
  readonly file: string;
  readonly node: A.Assignment;
  readonly fieldName: A.Name;
  /** The Odoo field written, when the target's model and the field are known. */
  readonly field: OdooField | undefined;
  readonly value?: CheckedExpression;
  /** For `field <- each Entity by column { ... }`: the child target. */
  readonly child?: TargetSymbol;
  readonly linked?: LinkedRows;
}

export interface CheckedCondition {
  readonly target: TargetSymbol;
  readonly file: string;
  readonly expression: CheckedExpression;
}

export type TypeIssueKind = "builtin-input" | "builtin-argument" | "condition" | "operand" | "constant" | "sibling" | "group" | "other-entity" | "ref-input";

/** A value used where its type does not fit, inside an expression. */
export interface TypeIssue {
  readonly kind: TypeIssueKind;
  readonly file: string;
  readonly range: Range;
  readonly message: string;
}

/** An expression or body nested deeper than a plan may be (MAX_EXPRESSION_DEPTH); what is inside it is not checked. */
export interface NestingProblem {
  readonly file: string;
  readonly range: Range;
  readonly message: string;
}

export interface CheckedPackage {
  readonly assignments: CheckedAssignment[];
  readonly conditions: CheckedCondition[];
  readonly typeIssues: TypeIssue[];
  readonly nestingProblems: NestingProblem[];
  readonly usedColumns: Set<ColumnSymbol>;
  readonly ignoredColumns: Map<ColumnSymbol, { readonly file: string; readonly range: Range }>;
  /** Records named in expressions, by symbol (for plan emission and unused checks). */
  readonly usedRecords: Set<RecordSymbol>;
}

interface Scope {
  readonly target: TargetSymbol;
  /** The model the body writes: the target's, or the other one of a fallback arrangement. */
  readonly model: string | undefined;
  readonly file: string;
  readonly entity: EntitySymbol | undefined;
  readonly group: GroupSymbol | undefined;
  readonly linked: LinkedRows | undefined;
  /** The field being assigned: record names resolve among its relation's records. */
  readonly field: OdooField | undefined;
  /**
   * How deep the plan form of what is being checked sits: the levels of plan expressions above it
   * (a pipeline's input sits under each of its steps), or of bodies around it.
   */
  readonly depth: number;
}

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

class ExpressionChecker {
  readonly result: CheckedPackage = {
    assignments: [],
    conditions: [],
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
    private readonly bound: BoundPackage,
    private readonly queries: BinderQueries,
    private readonly choice: TargetChoice,
    private readonly namespace: string,
    private readonly unresolved: Unresolved[],
    private readonly references: SymbolReference[],
    private readonly inactiveReferences: SymbolReference[],
    private readonly quiet = false,
  ) {
    for (const field of [...bound.customFields, ...bound.inactiveCustomFields]) {
      const key = `${field.model}\u0000${field.name}`;
      if (!this.customFields.has(key)) this.customFields.set(key, field);
    }
    this.quietTwin = quiet ? undefined : new ExpressionChecker(bound, queries, choice, namespace, [], inactiveReferences, inactiveReferences, true);
  }

  /** This checker for code the chosen target runs, its quiet twin for the rest. */
  private walker(active: boolean): ExpressionChecker {
    return active || this.quietTwin === undefined ? this : this.quietTwin;
  }

  private issue(kind: TypeIssueKind, file: string, range: Range, message: string): void {
    this.result.typeIssues.push({ kind, file, range, message });
  }

  private reference(file: string, range: Range, symbol: PackageSymbol): void {
    const inactive =
      (symbol.kind === "custom-field" && this.bound.inactiveCustomFields.includes(symbol)) ||
      (symbol.kind === "target" && this.bound.inactiveTargets.includes(symbol));
    (inactive ? this.inactiveReferences : this.references).push({ file, range, symbol });
  }

  private useColumn(column: ColumnSymbol, file: string, range: Range): void {
    this.result.usedColumns.add(column);
    this.reference(file, range, column);
  }

  private failed(node: A.Expression): CheckedExpression {
    return { node, type: UNKNOWN, ir: { op: "const", type: "unknown", value: null } };
  }

  /**
   * Whether something at `depth` is nested deeper than a plan may be; if so it is reported, and
   * the caller checks nothing inside it (which also keeps this checker's own recursion bounded).
   */
  private tooDeep(depth: number, file: string, range: Range, what: string): boolean {
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
      this.expectBoolean(checked, scope, "a `when` condition");
      this.result.conditions.push({ target, file: target.file, expression: checked });
    }
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
    const scope: Scope = { ...outer, depth: outer.depth + 1 };
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
      }
    }
  }

  private get schema(): OdooSchema | undefined {
    return this.choice.schema;
  }

  private checkAssignment(node: A.Assignment, scope: Scope): void {
    const model = scope.model;
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
        return node.parts.length === 1 && scope.entity?.columns.has(name) !== true && scope.linked?.entity.columns.has(name) !== true;
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
    this.reference(scope.file, path.range, column);
    this.result.ignoredColumns.set(column, { file: scope.file, range: path.range });
  }

  private checkWith(node: A.WithBlock, scope: Scope): void {
    if (node.entity.kind === "Missing") return;
    const entity = this.bound.entities.get(node.entity.value);
    if (entity === undefined) {
      this.unknownName("entity", node.entity, scope.file, this.bound.entities.keys());
      return;
    }
    this.reference(scope.file, node.entity.range, entity);
    const column = (name: A.Name | A.Missing | undefined): ColumnSymbol | undefined => {
      if (name === undefined || name.kind === "Missing") return undefined;
      const found = entity.columns.get(name.value);
      if (found === undefined) {
        this.unknownName("column", name, scope.file, entity.columns.keys(), `entity ${entity.name}`);
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
      this.expectBoolean(filter, scope, "the `when` of a `with` block");
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

  private expectBoolean(checked: CheckedExpression, scope: Scope, what: string): void {
    if (checked.type.kind === "unknown" || checked.type.kind === "boolean") return;
    this.issue(
      "condition",
      scope.file,
      checked.node.range,
      `${what} must be true or false, but this is ${describeType(checked.type)}: compare it (\`status = "won"\`) or test it (\`column is present\`)`,
    );
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
        return this.columnPath(node, scope);
      case "TemplateExpression": {
        const parts: (string | PlanExpression)[] = [];
        for (const part of node.parts) {
          if (part.kind === "TemplateText") {
            parts.push(part.value);
            continue;
          }
          const checked = this.expression(part, scope);
          if (checked.type.kind === "list")
            this.issue(
              "operand",
              scope.file,
              part.range,
              `a template hole takes one value, but this is ${describeType(checked.type)}: join it with \`| join(", ")\``,
            );
          parts.push(checked.ir);
        }
        return { node, type: TEXT, ir: { op: "template", type: "text", parts } };
      }
      case "ListExpression": {
        const items = node.items.map((item) => this.expression(item, scope));
        const itemType = unify(items.map((item) => item.type));
        if (itemType === undefined)
          this.issue(
            "operand",
            scope.file,
            node.range,
            `the items of a list must have one type, but these are ${items.map((item) => describeType(item.type)).join(", ")}`,
          );
        const type = list(itemType ?? UNKNOWN);
        return { node, type, ir: { op: "list", type: typeString(type), items: items.map((item) => item.ir) } };
      }
      case "ParenthesizedExpression": {
        const inner = this.expression(node.expression, scope);
        return { ...inner, node };
      }
      case "RefExpression":
        return this.siblingRef(node, scope);
      case "PipeExpression":
        return this.pipe(node, scope);
      case "CoalesceExpression": {
        const operands = node.operands.map((operand) => this.expression(operand, scope));
        const type = unify(operands.map((operand) => operand.type));
        if (type === undefined) {
          this.issue(
            "operand",
            scope.file,
            node.range,
            `the alternatives of \`??\` must have one type, but these are ${operands.map((operand) => describeType(operand.type)).join(", ")}`,
          );
        }
        const constants = operands.every((operand) => operand.constants !== undefined) ? operands.flatMap((operand) => operand.constants ?? []) : undefined;
        const resultType = type ?? UNKNOWN;
        return {
          node,
          type: resultType,
          ir: { op: "coalesce", type: typeString(resultType), operands: operands.map((operand) => operand.ir) },
          ...(constants === undefined ? {} : { constants }),
        };
      }
      case "IfExpression": {
        const condition = this.expression(node.condition, scope);
        this.expectBoolean(condition, scope, "the condition of `if`");
        const then = this.expression(node.then, scope);
        // Without `else` the value is empty when the condition does not hold.
        const otherwise: CheckedExpression =
          node.else === undefined
            ? { node, type: then.type, ir: { op: "const", type: typeString(then.type), value: null }, constants: [null] }
            : this.expression(node.else, scope);
        const type = unify([then.type, otherwise.type]);
        if (type === undefined) {
          this.issue(
            "operand",
            scope.file,
            node.range,
            `both branches of \`if\` must have one type, but \`then\` is ${describeType(then.type)} and \`else\` is ${describeType(otherwise.type)}`,
          );
        }
        const constants = then.constants !== undefined && otherwise.constants !== undefined ? [...then.constants, ...otherwise.constants] : undefined;
        const resultType = type ?? UNKNOWN;
        return {
          node,
          type: resultType,
          ir: { op: "if", type: typeString(resultType), condition: condition.ir, then: then.ir, else: otherwise.ir },
          ...(constants === undefined ? {} : { constants }),
        };
      }
      case "LogicalExpression": {
        const operands = node.operands.map((operand) => this.expression(operand, scope));
        for (const operand of operands) this.expectBoolean(operand, scope, `an operand of \`${node.operator}\``);
        return { node, type: BOOLEAN, ir: { op: node.operator, type: "boolean", operands: operands.map((operand) => operand.ir) } };
      }
      case "NotExpression": {
        const operand = this.expression(node.operand, scope);
        this.expectBoolean(operand, scope, "the operand of `not`");
        return { node, type: BOOLEAN, ir: { op: "not", type: "boolean", operand: operand.ir } };
      }
      case "ComparisonExpression": {
        const left = this.expression(node.left, scope);
        const right = this.expression(node.right, { ...scope, field: undefined });
        this.expectComparable(left, right, scope, node);
        return { node, type: BOOLEAN, ir: { op: "compare", type: "boolean", operator: node.operator, left: left.ir, right: right.ir } };
      }
      case "IsExpression": {
        const operand = this.expression(node.operand, scope);
        return { node, type: BOOLEAN, ir: { op: "is", type: "boolean", test: node.test, negated: node.negated, operand: operand.ir } };
      }
      case "InExpression": {
        const operand = this.expression(node.operand, scope);
        const items = node.list.kind === "Missing" ? [] : node.list.items.map((item) => this.expression(item, { ...scope, field: undefined }));
        for (const item of items) this.expectComparable(operand, item, scope, item.node);
        return { node, type: BOOLEAN, ir: { op: "in", type: "boolean", negated: node.negated, operand: operand.ir, items: items.map((item) => item.ir) } };
      }
    }
  }

  private expectComparable(left: CheckedExpression, right: CheckedExpression, scope: Scope, node: A.Node): void {
    const a = left.type;
    const b = right.type;
    if (a.kind === "unknown" || b.kind === "unknown") return;
    const numeric = (type: ValueType): boolean => type.kind === "integer" || type.kind === "decimal";
    const dated = (type: ValueType): boolean => type.kind === "date" || type.kind === "datetime";
    const comparable =
      (a.kind === "text" && b.kind === "text") ||
      (numeric(a) && numeric(b)) ||
      (a.kind === "boolean" && b.kind === "boolean") ||
      // Dates compare with ISO text written in the mapping: `closed >= "2024-01-01"`.
      (dated(a) && (dated(b) || (b.kind === "text" && right.constants !== undefined))) ||
      (dated(b) && a.kind === "text" && left.constants !== undefined) ||
      (a.kind === "record" && b.kind === "record");
    if (!comparable) this.issue("operand", scope.file, node.range, `${describeType(a)} cannot be compared with ${describeType(b)}`);
  }

  // -------------------------------------------------------------------------------------------
  // names

  private columnPath(node: A.ColumnPath, scope: Scope): CheckedExpression {
    const [first, second, third] = node.parts;
    if (first === undefined) return this.failed(node);
    const entity = scope.entity;
    // The entity itself is unknown (reported once): its columns cannot be checked.
    if (entity === undefined && scope.target.entityName.kind === "Name") return this.failed(node);
    if (third !== undefined) {
      this.unresolved.push({ kind: "column", name: node.parts.map((part) => part.value).join("."), file: scope.file, range: node.range, candidates: [] });
      return this.failed(node);
    }
    if (node.instance !== undefined) return this.groupInstanceColumn(node, node.instance, scope);
    if (second === undefined) {
      const linkedColumn = scope.linked?.entity.columns.get(first.value);
      if (linkedColumn !== undefined && scope.linked !== undefined) return this.linkedColumn(node, linkedColumn, scope.linked, scope);
      const column = entity?.columns.get(first.value);
      if (column !== undefined) {
        this.useColumn(column, scope.file, first.range);
        const type = column.type ?? UNKNOWN;
        return { node, type, ir: { op: "column", type: typeString(type), column: column.name } };
      }
      if (entity?.groups.has(first.value) === true) {
        this.issue(
          "group",
          scope.file,
          node.range,
          `${first.value} is a group of columns: read one of them, e.g. \`${first.value}.${[...(entity.groups.get(first.value)?.columns.keys() ?? ["name"])][0] ?? "name"}\`, in a split target with \`for each ${first.value}\``,
        );
        return this.failed(node);
      }
      const recordSymbol = this.recordByName(first.value, scope);
      if (recordSymbol !== undefined) {
        this.reference(scope.file, first.range, recordSymbol);
        this.result.usedRecords.add(recordSymbol);
        const type = record(recordSymbol.model);
        return { node, type, ir: { op: "record", type: typeString(type), model: recordSymbol.model, xmlid: recordXmlid(this.namespace, recordSymbol) } };
      }
      const candidates = [
        ...(entity?.columns.keys() ?? []),
        ...(scope.linked?.entity.columns.keys() ?? []),
        ...this.queries.recordNames(scope.field?.relation),
      ];
      this.unresolved.push({
        kind: "column",
        name: first.value,
        file: scope.file,
        range: first.range,
        candidates: suggestNames(first.value, candidates),
        ...(entity === undefined ? {} : { scope: `entity ${entity.name}` }),
      });
      return this.failed(node);
    }
    const group = entity?.groups.get(first.value);
    if (group !== undefined) {
      const column = group.columns.get(second.value);
      if (column === undefined) {
        this.unresolved.push({
          kind: "column",
          name: `${first.value}.${second.value}`,
          file: scope.file,
          range: second.range,
          candidates: suggestNames(second.value, [...group.columns.keys()]),
          scope: `group ${group.name}`,
        });
        return this.failed(node);
      }
      this.reference(scope.file, first.range, group);
      this.useColumn(column, scope.file, second.range);
      if (scope.group !== group) {
        this.issue(
          "group",
          scope.file,
          node.range,
          `${first.value}.${second.value} is in the column group ${group.name}, repeated ${group.from} to ${group.to} times in a row: read it in a split target with \`for each ${group.name}\``,
        );
        return this.failed(node);
      }
      const type = column.type ?? UNKNOWN;
      return { node, type, ir: { op: "group-column", type: typeString(type), group: group.name, column: column.name } };
    }
    const other = this.bound.entities.get(first.value);
    if (other !== undefined) {
      const column = other.columns.get(second.value);
      if (scope.linked?.entity === other && column !== undefined) {
        this.reference(scope.file, first.range, other);
        return this.linkedColumn(node, column, scope.linked, scope);
      }
      this.reference(scope.file, first.range, other);
      if (column === undefined) {
        this.unresolved.push({
          kind: "column",
          name: `${first.value}.${second.value}`,
          file: scope.file,
          range: second.range,
          candidates: suggestNames(second.value, [...other.columns.keys()]),
          scope: `entity ${other.name}`,
        });
      } else {
        this.useColumn(column, scope.file, second.range);
        this.issue(
          "other-entity",
          scope.file,
          node.range,
          `${first.value}.${second.value} belongs to another entity: read it through a key column, e.g. \`company_id | get(${first.value}.${second.value})\``,
        );
      }
      return this.failed(node);
    }
    this.unresolved.push({
      kind: "column",
      name: `${first.value}.${second.value}`,
      file: scope.file,
      range: node.range,
      candidates: suggestNames(first.value, [...(entity?.groups.keys() ?? []), ...this.bound.entities.keys()]).map((name) => `${name}.${second.value}`),
      ...(entity === undefined ? {} : { scope: `entity ${entity.name}` }),
    });
    return this.failed(node);
  }

  /** A name looked up among `known` names (an entity's columns, the package's entities...) that is not one of them. */
  private unknownName(kind: UnresolvedKind, name: A.Name, file: string, known: Iterable<string>, scope?: string): void {
    this.unresolved.push({
      kind,
      name: name.value,
      file,
      range: name.range,
      candidates: suggestNames(name.value, [...known]),
      ...(scope === undefined ? {} : { scope }),
    });
  }

  /**
   * `contact[1].name`: a column of one instance of a column group, read like any column of the
   * row (a private person is the relation's first contact, whatever the split's `for each` does).
   */
  private groupInstanceColumn(node: A.ColumnPath, instance: A.NumberLiteral, scope: Scope): CheckedExpression {
    const [first, second] = node.parts;
    const entity = scope.entity;
    if (first === undefined || entity === undefined) return this.failed(node);
    const group = entity.groups.get(first.value);
    if (group === undefined) {
      this.unknownName("group", first, scope.file, entity.groups.keys(), `entity ${entity.name}`);
      return this.failed(node);
    }
    this.reference(scope.file, first.range, group);
    if (!Number.isInteger(instance.value) || instance.value < group.from || instance.value > group.to) {
      this.issue("group", scope.file, instance.range, `the column group ${group.name} has instances ${group.from} to ${group.to}, not ${instance.raw}`);
      return this.failed(node);
    }
    if (second === undefined) {
      const example = [...group.columns.keys()][0] ?? "name";
      this.issue(
        "group",
        scope.file,
        node.range,
        `${group.name}[${instance.raw}] is one instance of a column group: read one of its columns, e.g. \`${group.name}[${instance.raw}].${example}\``,
      );
      return this.failed(node);
    }
    const column = group.columns.get(second.value);
    if (column === undefined) {
      this.unresolved.push({
        kind: "column",
        name: `${group.name}[${instance.raw}].${second.value}`,
        file: scope.file,
        range: second.range,
        candidates: suggestNames(second.value, [...group.columns.keys()]),
        scope: `group ${group.name}`,
      });
      return this.failed(node);
    }
    this.useColumn(column, scope.file, second.range);
    const type = column.type ?? UNKNOWN;
    // The runtime reads a group instance under this flat name (runtime/execute/source-rows.ts).
    return { node, type, ir: { op: "column", type: typeString(type), column: `${group.name}[${instance.value}].${column.name}` } };
  }

  private linkedColumn(node: A.ColumnPath, column: ColumnSymbol, linked: LinkedRows, scope: Scope): CheckedExpression {
    if (this.tooDeep(scope.depth + linked.filterDepth, scope.file, node.range, "this column with its `with` block's `when`")) return this.failed(node);
    const nameRange = node.parts[node.parts.length - 1]?.range ?? node.range;
    this.useColumn(column, scope.file, nameRange);
    const type = list(column.type ?? UNKNOWN);
    return {
      node,
      type,
      ir: {
        op: "linked",
        type: typeString(type),
        entity: linked.entity.name,
        by: linked.by?.name ?? "",
        column: column.name,
        ...(linked.orderBy === undefined ? {} : { orderBy: linked.orderBy.name }),
        descending: linked.node.descending,
        ...(linked.filter === undefined ? {} : { filter: linked.filter.ir }),
      },
    };
  }

  /** A record named in an expression: among the records of the field's relation, else any unique one. */
  private recordByName(name: string, scope: Scope): RecordSymbol | undefined {
    const relation = scope.field?.relation;
    return (relation === undefined ? undefined : this.queries.findRecord(name, relation)) ?? this.queries.findRecord(name, undefined);
  }

  /** The target an alias names, recorded as a reference; else reported (a switched-off alias as such, not as a typo). */
  private resolveAlias(alias: A.Name, file: string): TargetSymbol | undefined {
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
  private forEachRefMessage(target: TargetSymbol): string {
    const group = target.forEach?.kind === "Name" ? target.forEach.value : "group";
    const entity = target.entity?.name ?? "its entity";
    return `${target.alias} makes one record per filled ${group} of a ${entity} row, so a ${entity} key names none of them: point to a target without \`for each\`, or make the one you mean a target of its own (reading \`${group}[1].column\`)`;
  }

  /**
   * Each step's plan form holds the one before it: the input sits under every step. A pipeline
   * too long for a plan is still resolved (its columns are read, its tables used), as if it were
   * no deeper than where it starts, and then left out.
   */
  private pipe(node: A.PipeExpression, scope: Scope): CheckedExpression {
    const steps = node.steps.length;
    const tooLong = this.tooDeep(scope.depth + steps, scope.file, node.range, `this pipeline of ${steps} steps`);
    const depthOf = (index: number): number => (tooLong ? scope.depth : scope.depth + steps - 1 - index);
    let current = this.expression(node.input, { ...scope, field: undefined, depth: depthOf(0) });
    node.steps.forEach((step, index) => {
      current = this.step(step, current, node, { ...scope, depth: depthOf(index) });
    });
    return tooLong ? this.failed(node) : { ...current, node };
  }

  /** A step applies to each item of a list input, unless it takes lists itself. */
  private unwrap(input: ValueType, takesList: boolean): { item: ValueType; itemwise: boolean } {
    if (!takesList && input.kind === "list") return { item: input.item, itemwise: true };
    return { item: input, itemwise: false };
  }

  private wrap(output: ValueType, itemwise: boolean): ValueType {
    return itemwise ? list(output) : output;
  }

  private step(step: A.PipeStep, input: CheckedExpression, pipeNode: A.PipeExpression, scope: Scope): CheckedExpression {
    if (step.kind === "RefStep") {
      if (step.alias.kind === "Missing") return this.failed(pipeNode);
      const target = this.resolveAlias(step.alias, scope.file);
      if (target === undefined) return this.failed(pipeNode);
      const { item, itemwise } = this.unwrap(input.type, false);
      if (target.forEach !== undefined) {
        this.issue("ref-input", scope.file, step.range, this.forEachRefMessage(target));
      } else if (item.kind === "record" || item.kind === "binary" || item.kind === "list") {
        this.issue(
          "ref-input",
          scope.file,
          step.range,
          `\`ref ${target.alias}\` takes the key of a ${target.entity?.name ?? target.alias} row, not ${describeType(item)}`,
        );
      }
      const type = this.wrap(record(target.model), itemwise);
      return {
        node: pipeNode,
        type,
        ir: {
          op: "ref",
          type: typeString(type),
          step: target.alias,
          entity: target.entity?.name ?? "",
          input: input.ir,
          itemwise,
          ...(step.optional === true ? { optional: true } : {}),
        },
      };
    }
    const name = step.callee.value;
    const table = this.bound.tables.get(name);
    if (table !== undefined) {
      this.reference(scope.file, step.callee.range, table);
      const { item, itemwise } = this.unwrap(input.type, false);
      if (table.input !== undefined && !isAssignableTo(item, table.input)) {
        this.issue("builtin-input", scope.file, step.range, `table ${table.name} takes ${describeType(table.input)}, but gets ${describeType(item)}`);
      }
      if (step.args !== undefined) this.issue("builtin-argument", scope.file, step.range, `a table takes no arguments: write \`| ${name}\``);
      const outputType: ValueType = table.output === undefined ? UNKNOWN : table.output.kind === "record" ? record(table.output.model) : table.output.type;
      const type = this.wrap(outputType, itemwise);
      const constants = table.output?.kind === "value" ? this.tableConstants(table.declaration) : undefined;
      return {
        node: pipeNode,
        type,
        ir: { op: "table", type: typeString(type), table: name, input: input.ir, itemwise },
        table: name,
        ...(constants === undefined ? {} : { constants }),
      };
    }
    const lookup = this.bound.lookups.get(name);
    if (lookup !== undefined) {
      this.reference(scope.file, step.callee.range, lookup);
      const { item, itemwise } = this.unwrap(input.type, false);
      if (item.kind !== "text" && item.kind !== "integer" && item.kind !== "unknown") {
        this.issue("builtin-input", scope.file, step.range, `lookup ${lookup.name} matches text or numbers, but gets ${describeType(item)}`);
      }
      if (step.args !== undefined) this.issue("builtin-argument", scope.file, step.range, `a lookup takes no arguments: write \`| ${name}\``);
      const type = this.wrap(record(lookup.model), itemwise);
      return { node: pipeNode, type, ir: { op: "lookup", type: typeString(type), lookup: name, input: input.ir, itemwise } };
    }
    const builtin = findBuiltin(name);
    if (builtin === undefined) {
      const names = [...BUILTINS.map((candidate) => candidate.name), ...this.bound.tables.keys(), ...this.bound.lookups.keys()];
      this.unresolved.push({ kind: "step", name, file: scope.file, range: step.callee.range, candidates: suggestNames(name, names) });
      return this.failed(pipeNode);
    }
    const { item, itemwise } = this.unwrap(input.type, builtin.takesList);
    if (!acceptsInput(builtin, item)) {
      this.issue(
        "builtin-input",
        scope.file,
        step.range,
        `\`${name}\` takes ${builtin.inputs.map((accepted) => describeType(accepted)).join(" or ")}, but gets ${describeType(item)}${builtin.takesList && item.kind !== "list" ? " (it works on the lists of a `with` block or of `split`)" : ""}`,
      );
    }
    if (name === "get") return this.getStep(step, input, pipeNode, scope, itemwise);
    const args = (step.args ?? []).map((arg) => this.expression(arg, { ...scope, field: undefined }));
    const required = builtin.parameters.filter((parameter) => !parameter.optional).length;
    if (args.length < required || args.length > builtin.parameters.length) {
      const expected = required === builtin.parameters.length ? `${required}` : `${required} to ${builtin.parameters.length}`;
      this.issue(
        "builtin-argument",
        scope.file,
        step.range,
        `\`${name}\` takes ${expected} argument${builtin.parameters.length === 1 ? "" : "s"} (${builtin.parameters.map((parameter) => parameter.name).join(", ") || "none"}), not ${args.length}`,
      );
    }
    args.forEach((arg, index) => {
      const parameter = builtin.parameters[index];
      if (parameter === undefined) return;
      if (!isAssignableTo(arg.type, parameter.type)) {
        this.issue(
          "builtin-argument",
          scope.file,
          arg.node.range,
          `the ${parameter.name} of \`${name}\` must be ${describeType(parameter.type)}, not ${describeType(arg.type)}`,
        );
      }
      if (parameter.oneOf !== undefined && arg.node.kind === "StringLiteral" && !parameter.oneOf.includes(arg.node.value)) {
        this.issue(
          "builtin-argument",
          scope.file,
          arg.node.range,
          `the ${parameter.name} of \`${name}\` is ${parameter.oneOf.map((option) => `"${option}"`).join(" or ")}, not "${arg.node.value}"`,
        );
      }
    });
    const outputType = builtin.output(
      item,
      args.map((arg) => arg.type),
    );
    const type = this.wrap(outputType, itemwise);
    const constants =
      name === "default" && input.constants !== undefined && args[0]?.constants !== undefined ? [...input.constants, ...args[0].constants] : undefined;
    return {
      node: pipeNode,
      type,
      ir: { op: "call", type: typeString(type), builtin: name, input: input.ir, args: args.map((arg) => arg.ir), itemwise },
      ...(constants === undefined ? {} : { constants }),
    };
  }

  private getStep(step: A.CallStep, input: CheckedExpression, pipeNode: A.PipeExpression, scope: Scope, itemwise: boolean): CheckedExpression {
    const argument = step.args?.[0];
    if (argument === undefined || step.args?.length !== 1 || argument.kind !== "ColumnPath" || argument.parts.length !== 2) {
      this.issue(
        "builtin-argument",
        scope.file,
        step.range,
        "`get` takes one argument, Entity.column: the column to read from the row whose key is the input, e.g. `| get(Company.name)`",
      );
      return this.failed(pipeNode);
    }
    const [entityName, columnName] = argument.parts as [A.Name, A.Name];
    const entity = this.bound.entities.get(entityName.value);
    if (entity === undefined) {
      this.unknownName("entity", entityName, scope.file, this.bound.entities.keys());
      return this.failed(pipeNode);
    }
    this.reference(scope.file, entityName.range, entity);
    const column = entity.columns.get(columnName.value);
    if (column === undefined) {
      this.unknownName("column", columnName, scope.file, entity.columns.keys(), `entity ${entity.name}`);
      return this.failed(pipeNode);
    }
    this.useColumn(column, scope.file, columnName.range);
    const type = this.wrap(column.type ?? UNKNOWN, itemwise);
    return { node: pipeNode, type, ir: { op: "get", type: typeString(type), entity: entity.name, column: column.name, input: input.ir, itemwise } };
  }

  /** The constants a value table can produce, including its default value. */
  private tableConstants(declaration: A.TableDeclaration): Literal[] | undefined {
    const values: Literal[] = [];
    for (const entry of declaration.entries) {
      const value = entry.kind === "TableEntry" ? entry.value : entry.value;
      if (entry.kind === "TableDefault" && entry.action === "keep") return undefined;
      if (value === undefined) continue;
      if (value.kind === "StringLiteral" || value.kind === "NumberLiteral" || value.kind === "BooleanLiteral") values.push(value.value);
    }
    return values;
  }
}

export function checkExpressions(bound: BoundPackage, queries: BinderQueries, choice: TargetChoice, namespace: string): CheckedPackage {
  return new ExpressionChecker(bound, queries, choice, namespace, bound.unresolved, bound.references, bound.inactiveReferences).checkAll();
}
