/**
 * The syntax tree's source declarations: `source`, its entities, columns, column groups and csv
 * options (the rest of the tree is in ast.ts, expressions in ast-expressions.ts).
 */
import type { Literal, NumberLiteral, StringLiteral } from "./ast-expressions.js";
import type { Missing, Name, NodeBase } from "./ast.js";

// ---------------------------------------------------------------------------------------------
// source

export interface SourceDeclaration extends NodeBase {
  readonly kind: "SourceDeclaration";
  readonly name: Name | Missing;
  readonly items: readonly SourceItem[];
}

export type SourceItem = CsvOptions | EntityDeclaration;

/** `csv { delimiter ";"  encoding "windows-1252"  date "dd-MM-yyyy" }` */
export interface CsvOptions extends NodeBase {
  readonly kind: "CsvOptions";
  readonly options: readonly OptionSetting[];
}

export interface OptionSetting extends NodeBase {
  readonly kind: "OptionSetting";
  readonly name: Name;
  readonly value: Literal | Missing;
}

export interface EntityDeclaration extends NodeBase {
  readonly kind: "EntityDeclaration";
  readonly name: Name | Missing;
  readonly pattern: StringLiteral | Missing;
  readonly key: readonly Name[];
  /** `key firma optional`: a row without a key is not one of the entity's rows, and is skipped. */
  readonly keyOptional?: true;
  readonly items: readonly EntityItem[];
}

export type EntityItem = CsvOptions | ColumnDeclaration | DuplicatesRule | ColumnGroup;

export type ColumnModifierKeyword = "required" | "personal" | "modified";

export type ColumnDeclarationModifier = ColumnModifier | ColumnReference | EmptyWhenModifier | UniqueModifier;

export interface ColumnModifier extends NodeBase {
  readonly kind: "ColumnModifier";
  readonly keyword: ColumnModifierKeyword;
}

/** `references Contact`: the column holds keys of another entity. */
export interface ColumnReference extends NodeBase {
  readonly kind: "ColumnReference";
  readonly entity: Name | Missing;
}

/** `empty when "TBC", "n/a"`: cell values that mean no value in this column (its own, instead of the source's `empty_values`). */
export interface EmptyWhenModifier extends NodeBase {
  readonly kind: "EmptyWhenModifier";
  readonly values: readonly StringLiteral[];
}

export type UniqueAmbiguity = "reject" | "first" | "last";

/**
 * `unique [match loose|digits] [ambiguous reject|first|last]`: other rows name a row by this column
 * (`| ref company by trade_name`); the match rule says how the values on both sides compare
 * (trimmed, without case when not said), the policy what a value several rows hold does (reject
 * the naming row, the default, or take the first or last such row in file order).
 */
export interface UniqueModifier extends NodeBase {
  readonly kind: "UniqueModifier";
  readonly match?: Name;
  readonly ambiguous?: UniqueAmbiguity;
}

/** `company_name "Bedrijfsnaam" text required` */
export interface ColumnDeclaration extends NodeBase {
  readonly kind: "ColumnDeclaration";
  readonly name: Name;
  readonly header?: StringLiteral;
  readonly type: Name | Missing;
  readonly format?: StringLiteral;
  readonly modifiers: readonly ColumnDeclarationModifier[];
}

export type DuplicatesKeep = "first" | "last" | "newest";

/** `duplicates keep last` | `duplicates keep newest by modified_at` */
export interface DuplicatesRule extends NodeBase {
  readonly kind: "DuplicatesRule";
  readonly keep: DuplicatesKeep | undefined;
  readonly by?: Name;
}

/** `group contact[1..3] { name "Contactpersoon {n}" text }`: a column group repeated in one row. */
export interface ColumnGroup extends NodeBase {
  readonly kind: "ColumnGroup";
  readonly name: Name | Missing;
  readonly from: NumberLiteral | Missing;
  readonly to: NumberLiteral | Missing;
  readonly columns: readonly ColumnDeclaration[];
}
