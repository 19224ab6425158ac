/**
 * A proposed package before it is written as text: what each entity maps to, line by line, with
 * the value tables, lookups, reference records and custom fields the lines use, and what became
 * of every source column (for the report and the tests). Plain data.
 */
import type { EntityProfile } from "./entities.js";

/** A line of a map or split target. Columns are the source columns it reads (`name`, `contact.e_mail`). */
export type BodyLine =
  | {
      readonly kind: "assign";
      readonly field: string;
      readonly operator: "=" | "<-";
      readonly expression: string;
      readonly columns: readonly string[];
      readonly comment?: string;
    }
  /** A proposal too unsure to write: a `// TODO` line for the specialist. */
  | { readonly kind: "todo"; readonly text: string }
  | { readonly kind: "ignore"; readonly column: string; readonly comment: string }
  /** `order_line <- each QuoteLine by offertenummer { ... }` or `with Link by contact_id { ... }` */
  | { readonly kind: "block"; readonly header: string; readonly body: readonly BodyLine[]; readonly comment?: string }
  | { readonly kind: "comment"; readonly text: string };

export interface TargetProposal {
  /** `org: res.partner when bedrijfsnaam is present` (a split target) or `map Company -> res.partner` (a map). */
  readonly header: string;
  readonly body: readonly BodyLine[];
}

export interface EntityProposal {
  readonly entity: EntityProfile;
  /** The .flitmap file the entity's map goes in, or undefined when it is not mapped. */
  readonly file?: string;
  /** Comments above the declaration: the model chosen and why. */
  readonly notes: readonly string[];
  readonly declaration?:
    | { readonly kind: "map"; readonly target: TargetProposal; readonly fallback?: TargetProposal }
    | { readonly kind: "split"; readonly header: string; readonly targets: readonly TargetProposal[] };
}

export interface TableEntryProposal {
  /** The source value. */
  readonly key: string;
  /** A record name or a quoted selection key; undefined when nothing matches (written as a TODO). */
  readonly value?: string;
  readonly comment?: string;
}

export interface TableProposal {
  readonly name: string;
  /** `text`, and a model or `text` (selection keys). */
  readonly output: string;
  /** The type of the values it reads, when not text: `integer` keys are written as numbers. */
  readonly input?: "integer";
  readonly entries: readonly TableEntryProposal[];
  /** `_ -> flag`: a value the table does not list leaves the field empty and is reported; `reject` rejects the row; `keep` keeps it. */
  readonly unmatched: "flag" | "reject" | "keep";
  readonly comment: string;
}

export interface RecordEntryProposal {
  readonly name: string;
  readonly existing?: string;
  readonly values?: readonly (readonly [string, string])[];
  readonly comment?: string;
}

export interface RecordsProposal {
  readonly model: string;
  readonly entries: readonly RecordEntryProposal[];
}

export interface CustomFieldProposal {
  readonly model: string;
  readonly name: string;
  readonly type: string;
  readonly relation?: string;
  readonly label: string;
  readonly options?: readonly { readonly key: string; readonly label: string }[];
  readonly comment?: string;
}

/**
 * A column other files name an entity's rows by (`| ref company by trade_name`), declared `unique`
 * with what a value several rows hold does, and why.
 */
export interface UniqueColumnProposal {
  readonly entity: string;
  readonly column: string;
  readonly ambiguous: "reject" | "first" | "last";
  /** How the values on both sides compare, when not trimmed and ignoring case: by their digits, or loosely. */
  readonly match?: "digits" | "loose";
  readonly comment: string;
}

/** `step NAME = ...`: a pipeline several fields use, named once (a reference tried in two files). */
export interface StepProposal {
  readonly name: string;
  readonly expression: string;
  readonly comment: string;
}

export interface LookupProposal {
  readonly name: string;
  readonly model: string;
  readonly by: string;
  readonly missing: "flag" | "reject";
  /** How a name matches (`initials`: "A. Hartley" is Alice Hartley), and what several matches do. */
  readonly match?: { readonly rule: "loose" | "initials" | "surname_initial"; readonly ambiguous: "reject" | "first" };
  readonly comment: string;
}

/** What became of a source column. */
export type ColumnOutcome =
  | { readonly kind: "field"; readonly model: string; readonly field: string; readonly confidence: number }
  | { readonly kind: "todo"; readonly model: string; readonly field: string; readonly confidence: number }
  | { readonly kind: "custom"; readonly model: string; readonly field: string }
  | { readonly kind: "ignore"; readonly reason: string }
  | { readonly kind: "key" }
  | { readonly kind: "modified" }
  | { readonly kind: "unmapped"; readonly reason: string };

export interface ColumnReport {
  readonly entity: string;
  readonly pattern: string;
  /** The header as in the file (`Contactpersoon {n}` for a group column). */
  readonly header: string;
  readonly column: string;
  readonly outcomes: readonly ColumnOutcome[];
}

export interface PackageProposal {
  readonly migrationName: string;
  readonly sourceName: string;
  readonly target: { readonly kind: "series"; readonly series: string } | { readonly kind: "schema"; readonly path: string };
  readonly entities: readonly EntityProposal[];
  readonly tables: readonly TableProposal[];
  readonly records: readonly RecordsProposal[];
  readonly customFields: readonly CustomFieldProposal[];
  readonly lookups: readonly LookupProposal[];
  readonly uniqueColumns: readonly UniqueColumnProposal[];
  readonly steps: readonly StepProposal[];
  /** Required fields no column could fill: the check reports them as warnings until they are set. */
  readonly missingRequired: readonly string[];
  /** Source-level csv options, and why. */
  readonly csv: readonly { readonly name: string; readonly value: string; readonly comment?: string }[];
  readonly sourceNotes: readonly string[];
  readonly columns: readonly ColumnReport[];
}
