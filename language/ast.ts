/**
 * The syntax tree of a `.flitmap` file: a discriminated union on `kind`. Every node carries the
 * range of source text it was parsed from. Trees built from broken input may hold `Missing`
 * nodes where the parser expected something and found nothing; checks skip those quietly because
 * the syntax error already says what is wrong.
 */
import type { Expression, Literal, ColumnPath, StringLiteral, NumberLiteral, TemplateText, PipeStep } from "./ast-expressions.js";
import type { Range } from "./location.js";
import type {
  ColumnDeclaration,
  ColumnDeclarationModifier,
  ColumnGroup,
  ColumnModifier,
  ColumnReference,
  CsvOptions,
  DuplicatesRule,
  EmptyWhenModifier,
  EntityDeclaration,
  EntityItem,
  OptionSetting,
  SourceDeclaration,
  SourceItem,
  UniqueModifier,
} from "./ast-source.js";

export type * from "./ast-source.js";

export interface NodeBase {
  readonly range: Range;
}

export interface Name extends NodeBase {
  readonly kind: "Name";
  readonly value: string;
}

/** A dotted name such as `res.partner` or `sale.order.line`. */
export interface QualifiedName extends NodeBase {
  readonly kind: "QualifiedName";
  readonly parts: readonly Name[];
  readonly value: string;
}

/** Stands where the parser expected a node but could not build one. */
export interface Missing extends NodeBase {
  readonly kind: "Missing";
  readonly expected: string;
}

export interface Comment extends NodeBase {
  readonly kind: "LineComment" | "BlockComment";
  /** The comment's full text, including `//` or the slash-star delimiters. */
  readonly text: string;
}

export interface Document extends NodeBase {
  readonly kind: "Document";
  readonly file: string;
  readonly declarations: readonly Declaration[];
  readonly comments: readonly Comment[];
}

export type Declaration =
  | ImportDeclaration
  | MigrationDeclaration
  | SourceDeclaration
  | LookupDeclaration
  | RecordsDeclaration
  | TableDeclaration
  | StepDeclaration
  | ExtendDeclaration
  | MapDeclaration
  | SplitDeclaration
  | TestDeclaration;

// ---------------------------------------------------------------------------------------------
// import

export interface ImportDeclaration extends NodeBase {
  readonly kind: "ImportDeclaration";
  readonly names: readonly Name[];
  readonly from: StringLiteral | Missing;
}

// ---------------------------------------------------------------------------------------------
// migration

export interface MigrationDeclaration extends NodeBase {
  readonly kind: "MigrationDeclaration";
  readonly name: Name | Missing;
  readonly items: readonly MigrationItem[];
}

export type MigrationItem = SourceReference | TargetSetting | XmlidSetting | RuleSetting | SettingDeclaration | DeletedSetting;

/**
 * `deleted archive`: what a live run does with records earlier runs wrote whose source row is gone
 * from the export: `report` them (the default) or `archive` them. Never delete: see docs/language.md.
 */
export interface DeletedSetting extends NodeBase {
  readonly kind: "DeletedSetting";
  readonly policy: Name | Missing;
}

/**
 * `setting secondary_links "categories"`: a switch the package's `if setting ...` blocks read;
 * `setting eur 395`: a number, read in expressions as `setting eur`.
 */
export interface SettingDeclaration extends NodeBase {
  readonly kind: "SettingDeclaration";
  readonly name: Name | Missing;
  readonly value: StringLiteral | NumberLiteral | Missing;
}

export interface SourceReference extends NodeBase {
  readonly kind: "SourceReference";
  readonly source: Name | Missing;
}

/** `target odoo "17.0"` (a shipped catalog) or `target odoo schema "odoo-schema.json"` (a pulled schema). */
export interface TargetSetting extends NodeBase {
  readonly kind: "TargetSetting";
  readonly series?: StringLiteral | Missing;
  readonly schemaFile?: StringLiteral | Missing;
}

export interface XmlidSetting extends NodeBase {
  readonly kind: "XmlidSetting";
  readonly namespace: StringLiteral | Missing;
}

export type RuleSeverityName = "off" | "warn" | "error";

export interface RuleSetting extends NodeBase {
  readonly kind: "RuleSetting";
  readonly rule: Name | Missing;
  readonly severity: Name | Missing;
}

// ---------------------------------------------------------------------------------------------
// lookup, records, table, extend

/**
 * `lookup user in res.users by email or login { missing fallback "admin" }`; `by name and city`
 * matches a list of values, one per field, all together; `returns partner_id` gives that field of
 * the record found instead of the record.
 */
export interface LookupDeclaration extends NodeBase {
  readonly kind: "LookupDeclaration";
  readonly name: Name | Missing;
  readonly model: QualifiedName | Missing;
  readonly matchFields: readonly Name[];
  readonly returns?: Name;
  /** The word before each match field after the first: `or` (each in turn) or `and` (all together). */
  readonly joiners: readonly LookupJoiner[];
  readonly items: readonly LookupItem[];
}

export type LookupJoiner = "or" | "and";

export type LookupItem = MissingPolicy | ArchivedSetting | MatchRule | AmbiguousPolicy;

/**
 * `match initials`: how a source value matches the lookup's fields: `exact` (the default), `loose`
 * (ignoring case, accents and extra spaces), `initials` (loose, and "A. Hartley" matches "Alice
 * Hartley") or `surname_initial` (loose, and "Ana Paula F." matches "Ana Paula Ferreira").
 */
export interface MatchRule extends NodeBase {
  readonly kind: "MatchRule";
  readonly rule: Name | Missing;
}

export type AmbiguousPolicyName = "reject" | "first" | "fallback";

/** `ambiguous first`: what a value that matches several records does (the default: reject the row). */
export interface AmbiguousPolicy extends NodeBase {
  readonly kind: "AmbiguousPolicy";
  readonly policy: AmbiguousPolicyName | undefined;
  readonly fallback?: Literal | Missing;
}

export type MissingPolicyName = "reject" | "flag" | "halt" | "fallback";

export interface MissingPolicy extends NodeBase {
  readonly kind: "MissingPolicy";
  readonly policy: MissingPolicyName | undefined;
  readonly fallback?: Literal | Missing;
}

/** `archived include`: also match archived (inactive) records. */
export interface ArchivedSetting extends NodeBase {
  readonly kind: "ArchivedSetting";
  readonly include: boolean;
}

/** `records crm.stage match name { won { name "Won" is_won true } }` */
export interface RecordsDeclaration extends NodeBase {
  readonly kind: "RecordsDeclaration";
  readonly model: QualifiedName | Missing;
  readonly match?: Name;
  readonly entries: readonly RecordEntry[];
}

/** A named reference record: ensured from `values`, or an `existing "module.xmlid"` one. */
export interface RecordEntry extends NodeBase {
  readonly kind: "RecordEntry";
  readonly name: Name;
  readonly existing?: StringLiteral | Missing;
  readonly values: readonly FieldValue[];
}

/** `sequence 70`, `is_won true`, `team_id sales` (a record name), `res_id ref contact "C1"` (in an expect) */
export interface FieldValue extends NodeBase {
  readonly kind: "FieldValue";
  readonly field: Name | StringLiteral;
  readonly value: Value | KeyReference | ValueList | Missing;
}

/** `[ref tag "vip", ref tag "b2b"]`, `[vip, b2b]`: the records a many-to-many holds, in any order (tests only). */
export interface ValueList extends NodeBase {
  readonly kind: "ValueList";
  readonly items: readonly (Value | KeyReference | Missing)[];
}

/** `ref contact "C1"`: the record a map made from the row with that key (tests only). */
export interface KeyReference extends NodeBase {
  readonly kind: "KeyReference";
  readonly alias: Name | Missing;
  readonly key: StringLiteral | Missing;
}

/** A constant in a records entry, table or test: a literal or the name of a record. */
export type Value = Literal | NameReference;

export interface NameReference extends NodeBase {
  readonly kind: "NameReference";
  readonly name: Name;
}

/** `table deal_stage: text -> crm.stage { "Closed Won" -> won  _ -> reject }` */
export interface TableDeclaration extends NodeBase {
  readonly kind: "TableDeclaration";
  readonly name: Name | Missing;
  readonly input: QualifiedName | Missing;
  readonly output: QualifiedName | Missing;
  readonly entries: readonly (TableEntry | TableDefault)[];
}

export interface TableEntry extends NodeBase {
  readonly kind: "TableEntry";
  readonly keys: readonly Literal[];
  readonly value: Value | EmptyValue | Missing;
}

/** `"Unassigned" -> empty`: the table gives no value for these keys. */
export interface EmptyValue extends NodeBase {
  readonly kind: "EmptyValue";
}

export type TableDefaultAction = "reject" | "flag" | "keep" | "empty" | "value";

/** `_ -> reject` | `_ -> flag` | `_ -> keep` | `_ -> empty` | `_ -> "other"` */
export interface TableDefault extends NodeBase {
  readonly kind: "TableDefault";
  readonly action: TableDefaultAction;
  readonly value?: Value | Missing;
}

/** `step fold = trim | upper`: steps named once for the package, used in any pipeline as `| fold`. */
export interface StepDeclaration extends NodeBase {
  readonly kind: "StepDeclaration";
  readonly name: Name | Missing;
  readonly steps: readonly PipeStep[];
  /** `?? lyhyt | ref asiakas by nimi`: steps tried on the same input, in turn, where those before give nothing. */
  readonly fallbacks: readonly StepFallback[];
}

/** `?? STEP | STEP` in a step declaration: another pipeline of the step's input. */
export interface StepFallback extends NodeBase { readonly kind: "StepFallback"; readonly steps: readonly PipeStep[] }

/** `extend crm.lead { x_deal_score integer "Deal score" }` */
export interface ExtendDeclaration extends NodeBase {
  readonly kind: "ExtendDeclaration";
  readonly model: QualifiedName | Missing;
  readonly items: readonly ExtendItem[];
}

export type ExtendItem = CustomFieldDeclaration | TargetIf<ExtendItem>;

export interface CustomFieldDeclaration extends NodeBase {
  readonly kind: "CustomFieldDeclaration";
  readonly name: Name;
  readonly type: Name | Missing;
  /** The related model of a many2one or many2many custom field. */
  readonly relation?: QualifiedName;
  readonly label?: StringLiteral;
  readonly help?: StringLiteral;
  readonly required: boolean;
  readonly options: readonly SelectionOption[];
}

export interface SelectionOption extends NodeBase {
  readonly kind: "SelectionOption";
  readonly value: Name | StringLiteral;
  readonly label: StringLiteral | Missing;
}

// ---------------------------------------------------------------------------------------------
// map and split

/** `map Company -> res.partner as company when status != "deleted" { ... } fallback crm.lead { ... }` */
export interface MapDeclaration extends NodeBase {
  readonly kind: "MapDeclaration";
  readonly entity: Name | Missing;
  readonly model: QualifiedName | Missing;
  readonly alias?: Name;
  /** Target condition under which the map loads at all (`if setting x = "v"`). */
  readonly enabledIf?: TargetCondition | Missing;
  readonly when?: Expression;
  /** `merge onto ...`: rows whose record another map loads are written onto that record. */
  readonly merge?: MergeClause;
  readonly body: readonly BodyItem[];
  readonly fallback?: FallbackTarget;
}

/**
 * `merge onto ico | ref adresa by ic ?? nazev | ref adresa by firma overwrite user_id`: a row for
 * which `onto` finds a record another map loads fills that record's empty fields (and the fields
 * named after `overwrite`) instead of making a record of its own.
 */
export interface MergeClause extends NodeBase {
  readonly kind: "MergeClause";
  readonly onto: Expression;
  readonly overwrite: readonly Name[];
}

/** The model to load into instead when the target Odoo lacks the declared one (an uninstalled app). */
export interface FallbackTarget extends NodeBase {
  readonly kind: "FallbackTarget";
  readonly model: QualifiedName | Missing;
  readonly body: readonly BodyItem[];
}

export interface SplitDeclaration extends NodeBase {
  readonly kind: "SplitDeclaration";
  readonly entity: Name | Missing;
  readonly enabledIf?: TargetCondition | Missing;
  readonly when?: Expression;
  readonly targets: readonly SplitTarget[];
}

/** `person: res.partner for each contact when contact.name is present { ... }` */
export interface SplitTarget extends NodeBase {
  readonly kind: "SplitTarget";
  readonly alias: Name;
  readonly model: QualifiedName | Missing;
  readonly forEach?: Name | Missing;
  readonly enabledIf?: TargetCondition | Missing;
  readonly when?: Expression;
  readonly body: readonly BodyItem[];
  readonly fallback?: FallbackTarget;
}

export type BodyItem = Assignment | IgnoreStatement | TargetIf<BodyItem> | WithBlock | LetStatement;

/** `field = constant` or `field <- expression` or `field <- each Entity by column { ... }` */
export interface Assignment extends NodeBase {
  readonly kind: "Assignment";
  readonly field: Name;
  readonly operator: "=" | "<-";
  readonly value: Expression | EachBlock;
}

/** Child records of a one-to-many field, one per row of another entity: `order_line <- each QuoteLine by quote_id { ... }` */
export interface EachBlock extends NodeBase {
  readonly kind: "EachBlock";
  readonly entity: Name | Missing;
  readonly by: Name | Missing;
  readonly alias?: Name;
  readonly body: readonly BodyItem[];
}

/**
 * `let clean_name <- name | trim`: a value computed from the row, named once for the statements of
 * its body (and of the `if` blocks in it), where the name reads like a column.
 */
export interface LetStatement extends NodeBase {
  readonly kind: "LetStatement";
  readonly name: Name;
  readonly value: Expression;
}

/** `ignore fax, telex`: source columns deliberately left behind. */
export interface IgnoreStatement extends NodeBase {
  readonly kind: "IgnoreStatement";
  readonly columns: readonly ColumnPath[];
}

/** Rows of a linked entity, seen as lists: `with ContactCompany by contact_id order by is_primary desc { ... }` */
export interface WithBlock extends NodeBase {
  readonly kind: "WithBlock";
  readonly entity: Name | Missing;
  readonly by: Name | Missing;
  /** Only the linked rows for which this holds (read in the linked entity's columns). */
  readonly when?: Expression;
  readonly orderBy?: Name | Missing;
  readonly descending: boolean;
  readonly body: readonly BodyItem[];
}

/** Chosen when the package is compiled, from the target Odoo: `if odoo >= "19.0" { ... } else { ... }` */
export interface TargetIf<Item> extends NodeBase {
  readonly kind: "TargetIf";
  readonly condition: TargetCondition | Missing;
  readonly then: readonly Item[];
  readonly else?: readonly Item[] | TargetIf<Item>;
}

export type TargetCondition = VersionCondition | HasCondition | SettingCondition;

/** `setting secondary_links = "text"` */
export interface SettingCondition extends NodeBase {
  readonly kind: "SettingCondition";
  readonly name: Name | Missing;
  readonly operator: "=" | "!=";
  readonly value: StringLiteral | Missing;
}

export type ComparisonOperator = "=" | "!=" | "<" | "<=" | ">" | ">=";

/** `odoo >= "19.0"` */
export interface VersionCondition extends NodeBase {
  readonly kind: "VersionCondition";
  readonly operator: ComparisonOperator;
  readonly version: StringLiteral | Missing;
}

/** `odoo has helpdesk.ticket` (a model) or `odoo has res.partner.mobile` (a field), optionally negated. */
export interface HasCondition extends NodeBase {
  readonly kind: "HasCondition";
  readonly negated: boolean;
  readonly name: QualifiedName | Missing;
}

// ---------------------------------------------------------------------------------------------
// expressions: in ast-expressions.ts, part of this one tree

export type * from "./ast-expressions.js";

// ---------------------------------------------------------------------------------------------
// tests

export interface TestDeclaration extends NodeBase {
  readonly kind: "TestDeclaration";
  readonly name: StringLiteral | Missing;
  readonly items: readonly TestItem[];
}

export type TestItem = GivenRow | GivenOdooRecord | ExpectRecord | ExpectOutcome;

/** `given Deal { id "D1"  amount "£1,200.00" }`: one source row, written as it appears in the export. */
export interface GivenRow extends NodeBase {
  readonly kind: "GivenRow";
  readonly entity: Name | Missing;
  readonly cells: readonly FieldValue[];
}

/**
 * `given odoo res.users { name "Ana Paula Ferreira"  login "ana@example.com" }`: a record the test
 * takes the target Odoo to hold, which the package's lookups find (a test runs without an Odoo).
 */
export interface GivenOdooRecord extends NodeBase {
  readonly kind: "GivenOdooRecord";
  readonly model: QualifiedName | Missing;
  readonly values: readonly FieldValue[];
}

/** `expect crm.lead { name "Smith v Jones"  stage_id won }` */
export interface ExpectRecord extends NodeBase {
  readonly kind: "ExpectRecord";
  /** `expect 3 res.partner { ... }`: exactly this many records have the values (0: none has). */
  readonly count?: NumberLiteral;
  readonly model: QualifiedName | Missing;
  readonly values: readonly FieldValue[];
}

/** `expect reject Deal "no stage"` | `expect skip Deal` */
export interface ExpectOutcome extends NodeBase {
  readonly kind: "ExpectOutcome";
  readonly outcome: "reject" | "skip";
  readonly entity?: Name;
  readonly message?: StringLiteral;
}

export type Node =
  | Document
  | Declaration
  | MigrationItem
  | SourceItem
  | EntityItem
  | ColumnModifier
  | ColumnReference
  | EmptyWhenModifier
  | UniqueModifier
  | OptionSetting
  | LookupItem
  | RecordEntry
  | FieldValue
  | ValueList
  | NameReference
  | KeyReference
  | EmptyValue
  | TableEntry
  | TableDefault
  | StepFallback
  | ExtendItem
  | SelectionOption
  | FallbackTarget
  | MergeClause
  | SplitTarget
  | BodyItem
  | EachBlock
  | TargetCondition
  | Expression
  | TemplateText
  | PipeStep
  | TestItem
  | Name
  | QualifiedName
  | Comment;

export function isMissing(node: { readonly kind: string } | undefined): node is Missing {
  return node !== undefined && node.kind === "Missing";
}
