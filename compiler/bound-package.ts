/** What binding a package gives: its symbols, the references to them, and what binding found wrong (names unresolved, declared twice, ill-shaped). */
import type { Range } from "../language/location.js";
import type { Builtin } from "./builtins.js";
import type {
  CustomFieldSymbol,
  EntitySymbol,
  ImportSymbol,
  LookupSymbol,
  RecordSymbol,
  SettingSymbol,
  SourceSymbol,
  StepSymbol,
  SymbolReference,
  TableSymbol,
  TargetSymbol,
} from "./model.js";
import type { ParsedFileLike } from "./target.js";

export type UnresolvedKind =
  | "entity"
  | "column"
  | "group"
  | "alias"
  | "inactive-alias"
  | "step"
  | "record"
  /** A bare name written where text or a record is meant (a records entry, a test): it names no record. */
  | "bare-value"
  | "import"
  | "source"
  | "column-type"
  | "option";

/** A name that names nothing: rules turn these into "unknown ..." diagnostics with suggestions. */
export interface Unresolved {
  readonly kind: UnresolvedKind;
  readonly name: string;
  readonly file: string;
  readonly range: Range;
  readonly candidates: readonly string[];
  /** What the name was looked up in, e.g. "entity Company" or "package ../shared". */
  readonly scope?: string;
}

export interface Duplicate {
  readonly what: string;
  readonly name: string;
  /** Said instead of "declared twice" when the clash is not between two written names. */
  readonly message?: string;
  readonly first: { readonly file: string; readonly nameRange: Range };
  readonly second: { readonly file: string; readonly nameRange: Range };
}

/** A declaration whose shape is wrong in a way the grammar cannot see (a missing key, a bad option). */
export interface ShapeProblem {
  readonly file: string;
  readonly range: Range;
  readonly message: string;
  readonly kind: "entity-key" | "source-option" | "column-format" | "group-range" | "rule-setting" | "migration" | "lookup" | "test-value" | "column-match";
  /** The text that would put it right, written over `fixRange`. */
  readonly replacement?: { readonly title: string; readonly range: Range; readonly text: string };
}

/**
 * A name the package uses but does not declare: an Odoo model, a field of a model (`model` is
 * undefined where the model is not known), or a built-in named in a pipeline. Recorded where it is
 * written, in code the chosen Odoo and settings run or leave out alike: the editor's hover,
 * navigation and rename read these, as they read the references for the package's own names.
 */
export type ExternalName = { readonly file: string; readonly range: Range } & (
  | { readonly kind: "model"; readonly model: string }
  | { readonly kind: "field"; readonly model: string | undefined; readonly field: string }
  | { readonly kind: "builtin"; readonly builtin: Builtin }
);

export interface BoundPackage {
  readonly directory: string;
  readonly files: readonly ParsedFileLike[];
  readonly sources: Map<string, SourceSymbol>;
  readonly entities: Map<string, EntitySymbol>;
  readonly lookups: Map<string, LookupSymbol>;
  readonly tables: Map<string, TableSymbol>;
  /** Named steps (`step fold = trim | upper`), in the namespace of tables and lookups. */
  readonly steps: Map<string, StepSymbol>;
  /** Records by model, then by name. */
  readonly records: Map<string, Map<string, RecordSymbol>>;
  readonly targets: TargetSymbol[];
  readonly aliases: Map<string, TargetSymbol>;
  /** Aliases of maps and split targets switched off by their `if` (a setting, the Odoo version): alias to condition. */
  readonly inactiveAliases: Map<string, string>;
  readonly customFields: readonly CustomFieldSymbol[];
  /** `setting name "value"` of the migration block, by name. */
  readonly settings: Map<string, SettingSymbol>;
  readonly imports: ImportSymbol[];
  /** Uses of names in what the migration runs for the chosen Odoo and settings, and in its tests: the rules and the plan read these. */
  readonly references: SymbolReference[];
  /**
   * Maps and split targets an `if` switches off, and `each` blocks in code left out for the chosen
   * Odoo and settings (an `if` branch not taken, the body a fallback replaces): bound so that their
   * names can be navigated and renamed; nothing checks or runs them.
   */
  readonly inactiveTargets: TargetSymbol[];
  /** Custom fields declared under an `if` branch of an `extend` block that is not taken. */
  readonly inactiveCustomFields: readonly CustomFieldSymbol[];
  /** Uses of names in code left out for the chosen Odoo and settings, and uses of inactive declarations: for the editor only. */
  readonly inactiveReferences: SymbolReference[];
  /** Odoo's models and fields and Flitmap's built-ins where the package names them (the binder records those outside bodies, the checker those inside). */
  readonly externalNames: ExternalName[];
  readonly unresolved: Unresolved[];
  readonly duplicates: Duplicate[];
  readonly shapeProblems: ShapeProblem[];
  /** Packages (or files) brought in by imports, bound on their own. */
  readonly importedPackages: BoundPackage[];
}
