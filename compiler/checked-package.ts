/** What checking the bodies of a package gives: every assignment and condition with its type and plan form, and what it found wrong. */
import type * as A from "../language/ast.js";
import type { Range } from "../language/location.js";
import type { Fix, Severity } from "../language/diagnostic.js";
import type { LetScope } from "./check-lets.js";
import type { OdooField } from "./catalog/index.js";
import type { ColumnSymbol, EntitySymbol, GroupSymbol, RecordSymbol, TargetSymbol } from "./model.js";
import type { Literal, PlanExpression } from "./plan/schema.js";
import type { ValueType } from "./types.js";

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

/** A map's `merge onto`: the record expression, checked in the map's row. */
export interface CheckedMerge {
  readonly target: TargetSymbol;
  readonly file: string;
  readonly clause: A.MergeClause;
  readonly onto: CheckedExpression;
}

export type TypeIssueKind =
  | "builtin-input"
  | "builtin-argument"
  | "condition"
  | "operand"
  | "arithmetic"
  | "constant"
  | "sibling"
  | "group"
  | "other-entity"
  | "ref-input"
  | "ref-by"
  | "lookup-fields"
  | "let"
  | "step";

/** A value used where its type does not fit, inside an expression. */
export interface TypeIssue {
  readonly kind: TypeIssueKind;
  readonly file: string;
  readonly range: Range;
  readonly message: string;
  readonly fixes?: readonly Fix[];
  /** Where the kind's rule reports some findings as warnings (a `let` nothing reads). */
  readonly severity?: Severity;
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
  readonly merges: CheckedMerge[];
  readonly typeIssues: TypeIssue[];
  readonly nestingProblems: NestingProblem[];
  readonly usedColumns: Set<ColumnSymbol>;
  readonly ignoredColumns: Map<ColumnSymbol, { readonly file: string; readonly range: Range }>;
  /** Records named in expressions, by symbol (for plan emission and unused checks). */
  readonly usedRecords: Set<RecordSymbol>;
}

/** Where an expression is being checked: the target, the body around it, the field it is assigned to. */
export interface Scope {
  readonly target: TargetSymbol;
  /** The model the body writes: the target's, or the other one of a fallback arrangement. */
  readonly model: string | undefined;
  readonly file: string;
  readonly entity: EntitySymbol | undefined;
  readonly group: GroupSymbol | undefined;
  readonly linked: LinkedRows | undefined;
  /** The field being assigned: record names resolve among its relation's records. */
  readonly field: OdooField | undefined;
  /** The `let`s the body declares, and those of the bodies around it. */
  readonly lets?: LetScope;
  /**
   * How deep the plan form of what is being checked sits: the levels of plan expressions above it
   * (a pipeline's input sits under each of its steps), or of bodies around it.
   */
  readonly depth: number;
}
