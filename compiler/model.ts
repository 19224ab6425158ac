/**
 * The semantic model of a package: every declared thing as a symbol, every use of a name as a
 * reference to its symbol. Checks, plan emission and the language server all read this model.
 */
import type * as A from "../language/ast.js";
import type { Range } from "../language/location.js";
import type { OdooSchema } from "./catalog/index.js";
import type { ValueType } from "./types.js";
import type { DeclaredEncoding } from "./value-formats.js";

export interface Declared {
  readonly name: string;
  readonly file: string;
  /** The range of the name where it is declared: where go-to-definition lands and rename edits. */
  readonly nameRange: Range;
}

export interface SourceOptions {
  readonly delimiter: string;
  readonly encoding: DeclaredEncoding;
  readonly quote: string;
  readonly date: string;
  readonly datetime: string;
  readonly timezone: string;
  readonly decimal: string;
  readonly currency?: string;
  readonly trueWords: readonly string[];
  readonly falseWords: readonly string[];
  /** `empty_values "TBC, -"`: cell values that mean no value (compared ignoring case and surrounding spaces). */
  readonly emptyValues: readonly string[];
}

export interface SourceSymbol extends Declared {
  readonly kind: "source";
  readonly declaration: A.SourceDeclaration;
  readonly entities: EntitySymbol[];
}

export interface EntitySymbol extends Declared {
  readonly kind: "entity";
  readonly declaration: A.EntityDeclaration;
  readonly source: SourceSymbol;
  readonly pattern: string;
  readonly columns: Map<string, ColumnSymbol>;
  readonly groups: Map<string, GroupSymbol>;
  readonly key: ColumnSymbol[];
  readonly options: SourceOptions;
  readonly duplicates: { readonly keep: "first" | "last" | "newest"; readonly by?: ColumnSymbol };
}

export interface ColumnSymbol extends Declared {
  readonly kind: "column";
  readonly entity: EntitySymbol;
  readonly group?: GroupSymbol;
  readonly declaration: A.ColumnDeclaration;
  /** The header in the export; `{n}` stands for the group instance number. */
  readonly header: string;
  readonly declaredType: string;
  readonly type: ValueType | undefined;
  readonly format?: string;
  readonly required: boolean;
  readonly personal: boolean;
  readonly modified: boolean;
  /** `empty when "TBC"`: the column's own placeholder values, instead of its entity's `empty_values`. */
  readonly emptyValues?: readonly string[];
  /** The entity whose keys the column holds (`references Contact`). */
  references?: EntitySymbol;
  /**
   * `unique [match ...] [ambiguous ...]`: other rows may name a row by this column (`| ref alias by
   * column`); how the values on both sides compare, and what a value several rows hold does.
   */
  readonly unique?: { readonly ambiguous: A.UniqueAmbiguity; readonly match: UniqueMatchRule };
}

export interface GroupSymbol extends Declared {
  readonly kind: "group";
  readonly entity: EntitySymbol;
  readonly declaration: A.ColumnGroup;
  readonly from: number;
  readonly to: number;
  readonly columns: Map<string, ColumnSymbol>;
}

export type MissingPolicyModel = { readonly policy: "reject" | "flag" | "halt" } | { readonly policy: "fallback"; readonly value: string | number | boolean };

export interface LookupSymbol extends Declared {
  readonly kind: "lookup";
  readonly declaration: A.LookupDeclaration;
  readonly model: string | undefined;
  readonly matchFields: readonly A.Name[];
  /** `returns partner_id`: the field of the record found that the lookup gives, instead of the record. */
  readonly returns?: A.Name;
  /** `by name and city`: every field matches one value of a list, in order (`or`: each field in turn). */
  readonly together: boolean;
  /** Undefined when the lookup does not say (a warning: rows would be rejected). */
  readonly missing: MissingPolicyModel | undefined;
  readonly includeArchived: boolean;
  /** `match loose|initials|surname_initial`: how values match (exact when undefined). */
  readonly matchRule?: LookupMatchRule;
  /** `ambiguous ...`: what a value matching several records does (reject when undefined). */
  readonly ambiguous?: AmbiguousPolicyModel;
}

export const LOOKUP_MATCH_RULES = ["exact", "loose", "initials", "surname_initial"] as const;
export type LookupMatchRule = (typeof LOOKUP_MATCH_RULES)[number];

/**
 * How the values of a `unique` column and the values naming its rows compare: `exact` (trimmed,
 * without case), `loose` (also without accents, punctuation and repeated spaces: "Kft" is "Kft.")
 * or `digits` (the digits alone: "12345678-2-03" is "12345678 2 03").
 */
export const UNIQUE_MATCH_RULES = ["exact", "loose", "company", "digits"] as const;
export type UniqueMatchRule = (typeof UNIQUE_MATCH_RULES)[number];

export type AmbiguousPolicyModel = { readonly policy: "reject" | "first" } | { readonly policy: "fallback"; readonly value: string | number | boolean };

export type TableOutput = { readonly kind: "record"; readonly model: string } | { readonly kind: "value"; readonly type: ValueType };

export interface TableSymbol extends Declared {
  readonly kind: "table";
  readonly declaration: A.TableDeclaration;
  readonly input: ValueType | undefined;
  readonly output: TableOutput | undefined;
}

/** `step fold = trim | upper`: steps named for the package, checked against each use's input and inlined there. */
export interface StepSymbol extends Declared {
  readonly kind: "step";
  readonly declaration: A.StepDeclaration;
}

export interface RecordSymbol extends Declared {
  readonly kind: "record";
  readonly model: string;
  readonly declaration: A.RecordEntry;
  readonly records: A.RecordsDeclaration;
  readonly existing?: string;
}

export interface CustomFieldSymbol extends Declared {
  readonly kind: "custom-field";
  readonly model: string;
  readonly declaration: A.CustomFieldDeclaration;
}

/** A map, a split target or a child block: one kind of record produced from source rows. */
export interface TargetSymbol extends Declared {
  readonly kind: "target";
  readonly role: "map" | "split" | "child";
  readonly alias: string;
  /** Whether the alias was written (`as x`, `x:`) or derived from the entity's name. */
  readonly aliasDeclared: boolean;
  readonly entityName: A.Name | A.Missing;
  entity: EntitySymbol | undefined;
  /** The model written in the declaration; children have none (theirs is the one2many's relation). */
  readonly declaredModel?: A.QualifiedName | A.Missing;
  readonly fallback?: A.FallbackTarget;
  /** The model records are loaded into: the declared one, or the fallback when the target lacks it. */
  model: string | undefined;
  usesFallback: boolean;
  /** The body chosen for the target Odoo (the declared or the fallback one). */
  body: readonly A.BodyItem[];
  /** Conditions that must hold for a row: the split's and the target's `when`. */
  readonly conditions: readonly A.Expression[];
  /** A map's `merge onto`: its rows that find another target's record are written onto it. */
  readonly merge?: A.MergeClause;
  readonly forEach?: A.Name | A.Missing;
  forEachGroup?: GroupSymbol;
  /** For a child block: the parent, the one2many field, and the column of the child rows that holds the parent's key. */
  readonly parent?: { readonly target: TargetSymbol; readonly field: A.Name; readonly by: A.Name | A.Missing };
  readonly declaration: A.MapDeclaration | A.SplitTarget | A.EachBlock;
  /** For split targets: the split they belong to. */
  readonly split?: A.SplitDeclaration;
}

/** `setting secondary_links "categories"` in the migration block: a switch `if setting ...` reads. */
export interface SettingSymbol extends Declared {
  readonly kind: "setting";
  readonly declaration: A.SettingDeclaration;
  /** The value the migration block gives it; a run may choose another (`--set name=value`). */
  readonly value: string | undefined;
}

export interface ImportSymbol extends Declared {
  readonly kind: "import";
  readonly declaration: A.ImportDeclaration;
  /** The symbol the name brings in, when found. */
  imported: PackageSymbol | undefined;
}

export type PackageSymbol =
  | SourceSymbol
  | EntitySymbol
  | ColumnSymbol
  | GroupSymbol
  | LookupSymbol
  | TableSymbol
  | StepSymbol
  | RecordSymbol
  | CustomFieldSymbol
  | TargetSymbol
  | SettingSymbol
  | ImportSymbol;

/** A use of a name, resolved to what it names. */
export interface SymbolReference {
  readonly file: string;
  readonly range: Range;
  readonly symbol: PackageSymbol;
}

export interface TargetResolution {
  readonly schema: OdooSchema | undefined;
  /** The Odoo series checked against, e.g. "17.0". */
  readonly series: string | undefined;
  readonly origin: "catalog" | "file" | undefined;
  readonly schemaFile?: string;
}
