/** The syntax tree's expressions (a part of ast.ts, which re-exports them): values computed for each source row. */
import type { ComparisonOperator, Missing, Name, NodeBase, QualifiedName } from "./ast.js";

export type Expression =
  | ColumnPath
  | StringLiteral
  | NumberLiteral
  | BooleanLiteral
  | TemplateExpression
  | ListExpression
  | RefExpression
  | SettingExpression
  | PipeExpression
  | CoalesceExpression
  | IfExpression
  | LogicalExpression
  | NotExpression
  | ComparisonExpression
  | ArithmeticExpression
  | IsExpression
  | InExpression
  | ParenthesizedExpression
  | Missing;

export type Literal = StringLiteral | NumberLiteral | BooleanLiteral;

/** A source column: `name`, `contact.name` (a column group), `Company.name` (another entity). */
export interface ColumnPath extends NodeBase {
  readonly kind: "ColumnPath";
  readonly parts: readonly Name[];
  /** `contact[1].name`: the instance of the column group `parts[0]`, read outside `for each`. */
  readonly instance?: NumberLiteral;
}

export interface StringLiteral extends NodeBase {
  readonly kind: "StringLiteral";
  readonly value: string;
}

export interface NumberLiteral extends NodeBase {
  readonly kind: "NumberLiteral";
  readonly value: number;
  /** As written, so that `1.50` prints back as `1.50`. */
  readonly raw: string;
}

export interface BooleanLiteral extends NodeBase {
  readonly kind: "BooleanLiteral";
  readonly value: boolean;
}

/** `` `{first_name} {last_name}` `` */
export interface TemplateExpression extends NodeBase {
  readonly kind: "TemplateExpression";
  readonly parts: readonly (TemplateText | Expression)[];
}

export interface TemplateText extends NodeBase {
  readonly kind: "TemplateText";
  /** The text with escapes resolved. */
  readonly value: string;
  /** The text as written between holes. */
  readonly raw: string;
}

export interface ListExpression extends NodeBase {
  readonly kind: "ListExpression";
  readonly items: readonly Expression[];
}

/** `ref org`: the record a sibling target of the same split makes from the same row. */
export interface RefExpression extends NodeBase {
  readonly kind: "RefExpression";
  readonly alias: Name | Missing;
  /** `ref org optional`: a row the sibling made no record from leaves the field empty, said once in the run's notes. */
  readonly optional?: true;
}

/** `setting rate`: the value of a setting of the migration block (after `--set`), the same for every row. */
export interface SettingExpression extends NodeBase {
  readonly kind: "SettingExpression";
  readonly name: Name | Missing;
}

export interface PipeExpression extends NodeBase {
  readonly kind: "PipeExpression";
  readonly input: Expression;
  readonly steps: readonly PipeStep[];
}

export type PipeStep = CallStep | RefStep;

/** A built-in, a table or a lookup, with optional arguments: `trim`, `truncate(64)`, `deal_stage`, `user` */
export interface CallStep extends NodeBase {
  readonly kind: "CallStep";
  readonly callee: Name;
  readonly args?: readonly Expression[];
  /** `| get(Company.vat by name)`: the input names the row by this `unique` column instead of its key. */
  readonly by?: Name | Missing;
}

/** `| ref company`: the key of another map's record, as its external ID. */
export interface RefStep extends NodeBase {
  readonly kind: "RefStep";
  readonly alias: Name | Missing;
  /** `| ref company by trade_name`: the value names the row by this `unique` column instead of its key. */
  readonly by?: Name | Missing;
  /** `| ref person by name and company`: the value is a pair, the second matched against this column too. */
  readonly andBy?: Name | Missing;
  /** `| ref org optional`: a key without a record leaves the field empty, said once in the run's notes. */
  readonly optional?: true;
}

/** `a ?? b ?? "none"`: the first operand that is not empty. */
export interface CoalesceExpression extends NodeBase {
  readonly kind: "CoalesceExpression";
  readonly operands: readonly Expression[];
}

/** `if c then a else b`; without `else`, the value is empty when the condition does not hold. */
export interface IfExpression extends NodeBase {
  readonly kind: "IfExpression";
  readonly condition: Expression;
  readonly then: Expression;
  readonly else?: Expression;
}

export interface LogicalExpression extends NodeBase {
  readonly kind: "LogicalExpression";
  readonly operator: "and" | "or";
  readonly operands: readonly Expression[];
}

export interface NotExpression extends NodeBase {
  readonly kind: "NotExpression";
  readonly operand: Expression;
}

export interface ComparisonExpression extends NodeBase {
  readonly kind: "ComparisonExpression";
  readonly operator: ComparisonOperator;
  readonly left: Expression;
  readonly right: Expression;
}

export type ArithmeticOperator = "+" | "-" | "*" | "/";

/** `quantity * price`, `start + 30`: numbers only; `*` and `/` bind tighter than `+` and `-`, and each pair groups from the left. */
export interface ArithmeticExpression extends NodeBase {
  readonly kind: "ArithmeticExpression";
  readonly operator: ArithmeticOperator;
  readonly left: Expression;
  readonly right: Expression;
}

/** `x is present`, `x is not empty` */
export interface IsExpression extends NodeBase {
  readonly kind: "IsExpression";
  readonly operand: Expression;
  readonly negated: boolean;
  readonly test: "present" | "empty";
}

/** `status in ["won", "lost"]`, `status not in [...]` */
export interface InExpression extends NodeBase {
  readonly kind: "InExpression";
  readonly operand: Expression;
  readonly negated: boolean;
  readonly list: ListExpression | Missing;
}

/** Kept in the tree so that the printer can keep grouping the author chose for readability. */
export interface ParenthesizedExpression extends NodeBase {
  readonly kind: "ParenthesizedExpression";
  readonly expression: Expression;
}
