/**
 * Binding: a symbol for every declaration of a package (sources, entities, columns, lookups,
 * tables, records, targets, custom fields, settings, imports), with the names outside map and
 * split bodies resolved. Names inside bodies are resolved by check-expressions.ts, which adds to
 * the same model. Every name that names a declaration is recorded as a reference to it, also in
 * code the chosen Odoo and settings leave out (the editor navigates and renames those too).
 */
import { dirname, resolve } from "node:path";
import type * as A from "../language/ast.js";
import type { Range } from "../language/location.js";
import { forEachNode } from "../language/visit.js";
import { findField, findModel, suggestNames, type OdooSchema } from "./catalog/index.js";
import { documentFacts } from "./document-facts.js";
import type { CompilerHost } from "./host.js";
import type {
  ColumnSymbol,
  CustomFieldSymbol,
  EntitySymbol,
  GroupSymbol,
  ImportSymbol,
  LookupSymbol,
  MissingPolicyModel,
  PackageSymbol,
  RecordSymbol,
  SettingSymbol,
  SourceOptions,
  SourceSymbol,
  SymbolReference,
  TableOutput,
  TableSymbol,
  TargetSymbol,
} from "./model.js";
import { describeTargetCondition, effectiveItems, evaluateTargetCondition, type ParsedFileLike, type TargetChoice } from "./target.js";
import { COLUMN_TYPES } from "../language/column-types.js";
import { columnValueType, withArticle, type ValueType } from "./types.js";
import { DEFAULT_VALUE_FORMAT } from "./value-formats.js";

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
  readonly kind: "entity-key" | "source-option" | "group-range" | "rule-setting" | "migration";
}

export interface BoundPackage {
  readonly directory: string;
  readonly files: readonly ParsedFileLike[];
  readonly sources: Map<string, SourceSymbol>;
  readonly entities: Map<string, EntitySymbol>;
  readonly lookups: Map<string, LookupSymbol>;
  readonly tables: Map<string, TableSymbol>;
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
  readonly unresolved: Unresolved[];
  readonly duplicates: Duplicate[];
  readonly shapeProblems: ShapeProblem[];
  /** Packages (or files) brought in by imports, bound on their own. */
  readonly importedPackages: BoundPackage[];
}

export const DEFAULT_SOURCE_OPTIONS: SourceOptions = {
  delimiter: "auto",
  encoding: "auto",
  quote: '"',
  ...DEFAULT_VALUE_FORMAT,
};

export const SOURCE_OPTION_NAMES = [
  "delimiter",
  "encoding",
  "quote",
  "date",
  "datetime",
  "timezone",
  "decimal",
  "currency",
  "true_words",
  "false_words",
] as const;

const ENCODINGS = ["utf-8", "windows-1252", "latin-1", "auto"];

function isValidTimezone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** snake_case of an entity name, the alias of a map that does not name one: `ContactCompany` → `contact_company`. */
export function defaultAlias(entity: string): string {
  return entity
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}

/** The body a target's declaration writes for the chosen Odoo (with its `if` blocks), and the one its fallback arrangement leaves out. */
export function writtenBodies(target: TargetSymbol): { body: readonly A.BodyItem[]; leftOut?: { model: string | undefined; body: readonly A.BodyItem[] } } {
  const declaration = target.declaration;
  if (declaration.kind === "EachBlock") return { body: declaration.body };
  const fallback = declaration.fallback;
  if (fallback === undefined) return { body: declaration.body };
  const declared = declaration.model.kind === "QualifiedName" ? declaration.model.value : undefined;
  const fallbackModel = fallback.model.kind === "QualifiedName" ? fallback.model.value : undefined;
  return target.usesFallback
    ? { body: fallback.body, leftOut: { model: declared, body: declaration.body } }
    : { body: declaration.body, leftOut: { model: fallbackModel, body: fallback.body } };
}

/** The custom fields `extend` blocks declare under `if` branches the chosen target does not take (`active` are the others). */
function inactiveCustomFieldsOf(files: readonly ParsedFileLike[], active: readonly CustomFieldSymbol[]): CustomFieldSymbol[] {
  const declared = new Set(active.map((field) => field.declaration));
  const inactive: CustomFieldSymbol[] = [];
  for (const file of files) {
    for (const declaration of file.document.declarations) {
      if (declaration.kind !== "ExtendDeclaration" || declaration.model.kind === "Missing") continue;
      const model = declaration.model.value;
      forEachNode(declaration.items, (node) => {
        if (node.kind !== "CustomFieldDeclaration" || declared.has(node)) return;
        inactive.push({ kind: "custom-field", name: node.name.value, file: file.path, nameRange: node.name.range, model, declaration: node });
      });
    }
  }
  return inactive;
}

class Binder {
  readonly sources = new Map<string, SourceSymbol>();
  readonly entities = new Map<string, EntitySymbol>();
  readonly lookups = new Map<string, LookupSymbol>();
  readonly tables = new Map<string, TableSymbol>();
  readonly records = new Map<string, Map<string, RecordSymbol>>();
  readonly targets: TargetSymbol[] = [];
  readonly aliases = new Map<string, TargetSymbol>();
  readonly inactiveAliases = new Map<string, string>();
  readonly imports: ImportSymbol[] = [];
  readonly settings = new Map<string, SettingSymbol>();
  readonly references: SymbolReference[] = [];
  readonly inactiveTargets: TargetSymbol[] = [];
  readonly inactiveCustomFields: CustomFieldSymbol[] = [];
  readonly inactiveReferences: SymbolReference[] = [];
  readonly unresolved: Unresolved[] = [];
  readonly duplicates: Duplicate[] = [];
  readonly shapeProblems: ShapeProblem[] = [];
  readonly importedPackages: BoundPackage[] = [];
  /** Top-level names in one namespace: tables, lookups and imports must not collide with each other. */
  private readonly callables = new Map<string, { file: string; nameRange: Range; what: string }>();
  /** Custom fields by model and name: those the target gets first, then those an `if` leaves out. */
  private readonly customFieldsByName = new Map<string, CustomFieldSymbol>();
  /** While binding code left out for the chosen target: names are recorded as inactive references, and what is wrong there is not reported. */
  private quiet = false;

  readonly schema: OdooSchema | undefined;

  constructor(
    readonly directory: string,
    readonly files: readonly ParsedFileLike[],
    readonly choice: TargetChoice,
    readonly host: CompilerHost,
    readonly loadImport: (path: string) => BoundPackage | undefined,
    readonly customFields: readonly CustomFieldSymbol[],
  ) {
    this.schema = choice.schema;
    this.inactiveCustomFields.push(...inactiveCustomFieldsOf(files, customFields));
    for (const field of [...customFields, ...this.inactiveCustomFields]) {
      const key = `${field.model}\u0000${field.name}`;
      if (!this.customFieldsByName.has(key)) this.customFieldsByName.set(key, field);
    }
  }

  reference(file: string, range: Range, symbol: PackageSymbol): void {
    const inactive = this.quiet || (symbol.kind === "custom-field" && this.inactiveCustomFields.includes(symbol));
    (inactive ? this.inactiveReferences : this.references).push({ file, range, symbol });
  }

  private unknown(entry: Unresolved): void {
    if (!this.quiet) this.unresolved.push(entry);
  }

  /** Binds what `bind` binds as code left out for the chosen target when `inactive`. */
  private inactively<T>(inactive: boolean, bind: () => T): T {
    const was = this.quiet;
    this.quiet = was || inactive;
    try {
      return bind();
    } finally {
      this.quiet = was;
    }
  }

  /** A field name of `model` that names a custom field the package declares: recorded as a reference to it. */
  private customFieldName(name: A.Name | A.StringLiteral, model: string | undefined, file: string): void {
    if (name.kind !== "Name" || model === undefined) return;
    const field = this.customFieldsByName.get(`${model}\u0000${name.value}`);
    if (field !== undefined) this.reference(file, name.range, field);
  }

  private declareCallable(what: string, name: A.Name, file: string): boolean {
    const existing = this.callables.get(name.value);
    if (existing !== undefined) {
      this.duplicates.push({ what, name: name.value, first: existing, second: { file, nameRange: name.range } });
      return false;
    }
    this.callables.set(name.value, { file, nameRange: name.range, what });
    return true;
  }

  bind(): void {
    for (const file of this.files)
      for (const declaration of file.document.declarations) if (declaration.kind === "ImportDeclaration") this.bindImport(declaration, file.path);
    for (const file of this.files)
      for (const declaration of file.document.declarations) if (declaration.kind === "SourceDeclaration") this.bindSource(declaration, file.path);
    for (const file of this.files)
      for (const declaration of file.document.declarations) if (declaration.kind === "MigrationDeclaration") this.bindMigration(declaration, file.path);
    for (const file of this.files) this.bindSettingConditions(file);
    for (const file of this.files) {
      for (const declaration of file.document.declarations) {
        if (declaration.kind === "LookupDeclaration") this.bindLookup(declaration, file.path);
        else if (declaration.kind === "RecordsDeclaration") this.bindRecords(declaration, file.path);
      }
    }
    for (const file of this.files)
      for (const declaration of file.document.declarations) if (declaration.kind === "RecordsDeclaration") this.bindRecordValues(declaration, file.path);
    for (const file of this.files)
      for (const declaration of file.document.declarations) if (declaration.kind === "TableDeclaration") this.bindTable(declaration, file.path);
    for (const entity of this.entities.values()) this.resolveColumnReferences(entity);
    for (const file of this.files) {
      for (const declaration of file.document.declarations) {
        if (declaration.kind === "MapDeclaration") this.bindMap(declaration, file.path);
        else if (declaration.kind === "SplitDeclaration") this.bindSplit(declaration, file.path);
      }
    }
    for (const file of this.files)
      for (const declaration of file.document.declarations) if (declaration.kind === "TestDeclaration") this.bindTest(declaration, file.path);
  }

  // -------------------------------------------------------------------------------------------
  // migration and settings

  /** The migration block's `source` items name sources (FM205 reports one that names none), and its settings are declared. */
  private bindMigration(declaration: A.MigrationDeclaration, file: string): void {
    for (const item of declaration.items) {
      if (item.kind === "SourceReference" && item.source.kind === "Name") {
        const source = this.sources.get(item.source.value);
        if (source !== undefined) this.reference(file, item.source.range, source);
      } else if (item.kind === "SettingDeclaration" && item.name.kind === "Name" && !this.settings.has(item.name.value)) {
        this.settings.set(item.name.value, {
          kind: "setting",
          name: item.name.value,
          file,
          nameRange: item.name.range,
          declaration: item,
          value: item.value.kind === "StringLiteral" ? item.value.value : undefined,
        });
      }
    }
  }

  /** Every `if setting name ...`, taken or not, reads its setting (FM210 reports one the migration does not declare). */
  private bindSettingConditions(file: ParsedFileLike): void {
    for (const condition of documentFacts(file.document).settingConditions) {
      if (condition.name.kind !== "Name") continue;
      const setting = this.settings.get(condition.name.value);
      if (setting !== undefined) this.reference(file.path, condition.name.range, setting);
    }
  }

  // -------------------------------------------------------------------------------------------
  // imports

  private bindImport(declaration: A.ImportDeclaration, file: string): void {
    if (declaration.from.kind === "Missing") return;
    const path = resolve(dirname(file), declaration.from.value);
    const imported = this.loadImport(path);
    if (imported === undefined) {
      this.unknown({ kind: "import", name: declaration.from.value, file, range: declaration.from.range, candidates: [], scope: path });
    } else {
      this.importedPackages.push(imported);
    }
    for (const name of declaration.names) {
      const symbol: ImportSymbol = { kind: "import", name: name.value, file, nameRange: name.range, declaration, imported: undefined };
      this.imports.push(symbol);
      if (imported === undefined) continue;
      const found = imported.tables.get(name.value) ?? imported.lookups.get(name.value) ?? imported.entities.get(name.value);
      if (found === undefined) {
        const names = [...imported.tables.keys(), ...imported.lookups.keys(), ...imported.entities.keys()];
        this.unknown({
          kind: "import",
          name: name.value,
          file,
          range: name.range,
          candidates: suggestNames(name.value, names),
          scope: declaration.from.value,
        });
        continue;
      }
      symbol.imported = found;
      this.reference(file, name.range, found);
      if (!this.declareCallable("import", name, file)) continue;
      if (found.kind === "table") this.tables.set(name.value, found);
      else if (found.kind === "lookup") this.lookups.set(name.value, found);
      else if (found.kind === "entity") this.entities.set(name.value, found);
    }
  }

  // -------------------------------------------------------------------------------------------
  // sources

  private sourceOptions(base: SourceOptions, options: readonly A.CsvOptions[], file: string): SourceOptions {
    const result: { -readonly [K in keyof SourceOptions]: SourceOptions[K] } = { ...base };
    for (const block of options) {
      for (const option of block.options) {
        const name = option.name.value;
        const value = option.value.kind === "StringLiteral" ? option.value.value : option.value.kind === "Missing" ? undefined : String(option.value.value);
        if (value === undefined) continue;
        const problem = (message: string): void => {
          this.shapeProblems.push({ file, range: option.range, message, kind: "source-option" });
        };
        switch (name) {
          case "delimiter": {
            const delimiter = value === "tab" || value === "\\t" ? "\t" : value;
            if (delimiter !== "auto" && delimiter.length !== 1) problem(`a delimiter is one character ("," ";" or "tab") or "auto", not "${value}"`);
            else result.delimiter = delimiter;
            break;
          }
          case "encoding":
            if (!ENCODINGS.includes(value.toLowerCase())) problem(`encoding "${value}" is not supported: use ${ENCODINGS.join(", ")}`);
            else result.encoding = value.toLowerCase();
            break;
          case "quote":
            if (value.length !== 1) problem(`a quote is one character, not "${value}"`);
            else result.quote = value;
            break;
          case "date":
            result.date = value;
            break;
          case "datetime":
            result.datetime = value;
            break;
          case "timezone":
            if (!isValidTimezone(value)) problem(`"${value}" is not a time zone: use an IANA name such as "Europe/Amsterdam" or "UTC"`);
            else result.timezone = value;
            break;
          case "decimal":
            if (value !== "." && value !== ",") problem(`the decimal separator is "." or ",", not "${value}"`);
            else result.decimal = value;
            break;
          case "currency":
            result.currency = value;
            break;
          case "true_words":
            result.trueWords = value
              .split(",")
              .map((word) => word.trim().toLowerCase())
              .filter((word) => word !== "");
            break;
          case "false_words":
            result.falseWords = value
              .split(",")
              .map((word) => word.trim().toLowerCase())
              .filter((word) => word !== "");
            break;
          default:
            this.unknown({ kind: "option", name, file, range: option.name.range, candidates: suggestNames(name, [...SOURCE_OPTION_NAMES]) });
        }
      }
    }
    return result;
  }

  private bindSource(declaration: A.SourceDeclaration, file: string): void {
    if (declaration.name.kind === "Missing") return;
    const name = declaration.name;
    const symbol: SourceSymbol = { kind: "source", name: name.value, file, nameRange: name.range, declaration, entities: [] };
    const existing = this.sources.get(name.value);
    if (existing !== undefined) this.duplicates.push({ what: "source", name: name.value, first: existing, second: symbol });
    else this.sources.set(name.value, symbol);
    const sourceOptions = this.sourceOptions(
      DEFAULT_SOURCE_OPTIONS,
      declaration.items.filter((item): item is A.CsvOptions => item.kind === "CsvOptions"),
      file,
    );
    for (const item of declaration.items) if (item.kind === "EntityDeclaration") this.bindEntity(item, symbol, sourceOptions, file);
  }

  private bindColumn(column: A.ColumnDeclaration, entity: EntitySymbol, group: GroupSymbol | undefined, file: string): ColumnSymbol {
    const declaredType = column.type.kind === "Name" ? column.type.value : "text";
    const type: ValueType | undefined = columnValueType(declaredType);
    if (column.type.kind === "Name" && type === undefined) {
      this.unknown({
        kind: "column-type",
        name: declaredType,
        file,
        range: column.type.range,
        candidates: suggestNames(declaredType, [...COLUMN_TYPES]),
      });
    }
    const has = (keyword: A.ColumnModifierKeyword): boolean =>
      column.modifiers.some((modifier) => modifier.kind === "ColumnModifier" && modifier.keyword === keyword);
    return {
      kind: "column",
      name: column.name.value,
      file,
      nameRange: column.name.range,
      entity,
      ...(group === undefined ? {} : { group }),
      declaration: column,
      header: column.header?.value ?? column.name.value,
      declaredType,
      type,
      ...(column.format === undefined ? {} : { format: column.format.value }),
      required: has("required"),
      personal: has("personal"),
      modified: has("modified"),
    };
  }

  private bindEntity(declaration: A.EntityDeclaration, source: SourceSymbol, sourceOptions: SourceOptions, file: string): void {
    if (declaration.name.kind === "Missing") return;
    const name = declaration.name;
    const options = this.sourceOptions(
      sourceOptions,
      declaration.items.filter((item): item is A.CsvOptions => item.kind === "CsvOptions"),
      file,
    );
    const entity: EntitySymbol = {
      kind: "entity",
      name: name.value,
      file,
      nameRange: name.range,
      declaration,
      source,
      pattern: declaration.pattern.kind === "StringLiteral" ? declaration.pattern.value : "",
      columns: new Map(),
      groups: new Map(),
      key: [],
      options,
      duplicates: { keep: "last" },
    };
    const existing = this.entities.get(name.value);
    if (existing !== undefined) {
      this.duplicates.push({ what: "entity", name: name.value, first: existing, second: entity });
      return;
    }
    this.entities.set(name.value, entity);
    source.entities.push(entity);
    const declareColumn = (column: ColumnSymbol): void => {
      const previous = entity.columns.get(column.name) ?? entity.groups.get(column.name);
      if (previous !== undefined) this.duplicates.push({ what: "column", name: column.name, first: previous, second: column });
      else entity.columns.set(column.name, column);
    };
    for (const item of declaration.items) {
      if (item.kind === "ColumnDeclaration") declareColumn(this.bindColumn(item, entity, undefined, file));
      else if (item.kind === "ColumnGroup" && item.name.kind === "Name") {
        const from = item.from.kind === "NumberLiteral" ? item.from.value : 1;
        const to = item.to.kind === "NumberLiteral" ? item.to.value : from;
        if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) {
          this.shapeProblems.push({
            file,
            range: item.range,
            message: `a column group counts from a whole number to a larger one, e.g. [1..3], not [${from}..${to}]`,
            kind: "group-range",
          });
        }
        const group: GroupSymbol = {
          kind: "group",
          name: item.name.value,
          file,
          nameRange: item.name.range,
          entity,
          declaration: item,
          from,
          to,
          columns: new Map(),
        };
        if (entity.columns.has(group.name) || entity.groups.has(group.name)) {
          this.duplicates.push({
            what: "column",
            name: group.name,
            first: entity.columns.get(group.name) ?? entity.groups.get(group.name) ?? group,
            second: group,
          });
        } else entity.groups.set(group.name, group);
        for (const column of item.columns) {
          const symbol = this.bindColumn(column, entity, group, file);
          if (!symbol.header.includes("{n}")) {
            this.shapeProblems.push({
              file,
              range: column.header?.range ?? column.name.range,
              message: `a column of a group needs "{n}" in its header, where the group's number stands, e.g. "Contactpersoon {n}"`,
              kind: "group-range",
            });
          }
          if (group.columns.has(symbol.name))
            this.duplicates.push({ what: "column", name: symbol.name, first: group.columns.get(symbol.name) ?? symbol, second: symbol });
          else group.columns.set(symbol.name, symbol);
        }
      }
    }
    if (declaration.key.length === 0) {
      this.shapeProblems.push({
        file,
        range: name.range,
        message: `entity ${name.value} has no key: add \`key column\` (or \`key (a, b)\`) after its file pattern; the key makes each row's external ID`,
        kind: "entity-key",
      });
    }
    for (const keyName of declaration.key) {
      const column = entity.columns.get(keyName.value);
      if (column === undefined) {
        this.unknown({
          kind: "column",
          name: keyName.value,
          file,
          range: keyName.range,
          candidates: suggestNames(keyName.value, [...entity.columns.keys()]),
          scope: `entity ${entity.name}`,
        });
        continue;
      }
      entity.key.push(column);
      this.reference(file, keyName.range, column);
    }
    const duplicatesRule = declaration.items.find((item): item is A.DuplicatesRule => item.kind === "DuplicatesRule");
    if (duplicatesRule !== undefined) {
      let by: ColumnSymbol | undefined;
      if (duplicatesRule.by !== undefined) {
        by = entity.columns.get(duplicatesRule.by.value);
        if (by === undefined) {
          this.unknown({
            kind: "column",
            name: duplicatesRule.by.value,
            file,
            range: duplicatesRule.by.range,
            candidates: suggestNames(duplicatesRule.by.value, [...entity.columns.keys()]),
            scope: `entity ${entity.name}`,
          });
        } else this.reference(file, duplicatesRule.by.range, by);
      } else if (duplicatesRule.keep === "newest") {
        by = [...entity.columns.values()].find((column) => column.modified);
        if (by === undefined) {
          this.shapeProblems.push({
            file,
            range: duplicatesRule.range,
            message: "`keep newest` needs a column to compare: write `keep newest by column`, or mark a column `modified`",
            kind: "entity-key",
          });
        }
      }
      Object.assign(entity, { duplicates: { keep: duplicatesRule.keep ?? "last", ...(by === undefined ? {} : { by }) } });
    }
  }

  private resolveColumnReferences(entity: EntitySymbol): void {
    const columns = [...entity.columns.values(), ...[...entity.groups.values()].flatMap((group) => [...group.columns.values()])];
    for (const column of columns) {
      for (const modifier of column.declaration.modifiers) {
        if (modifier.kind !== "ColumnReference" || modifier.entity.kind === "Missing") continue;
        const target = this.entities.get(modifier.entity.value);
        if (target === undefined) {
          this.unknown({
            kind: "entity",
            name: modifier.entity.value,
            file: column.file,
            range: modifier.entity.range,
            candidates: suggestNames(modifier.entity.value, [...this.entities.keys()]),
          });
          continue;
        }
        column.references = target;
        this.reference(column.file, modifier.entity.range, target);
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // lookups, records, tables

  private bindLookup(declaration: A.LookupDeclaration, file: string): void {
    if (declaration.name.kind === "Missing") return;
    const policy = declaration.items.find((item): item is A.MissingPolicy => item.kind === "MissingPolicy");
    let missing: MissingPolicyModel | undefined;
    if (policy?.policy === "fallback") {
      const value = policy.fallback !== undefined && policy.fallback.kind !== "Missing" ? policy.fallback.value : "";
      missing = { policy: "fallback", value };
    } else if (policy?.policy !== undefined) missing = { policy: policy.policy };
    const archived = declaration.items.find((item): item is A.ArchivedSetting => item.kind === "ArchivedSetting");
    const symbol: LookupSymbol = {
      kind: "lookup",
      name: declaration.name.value,
      file,
      nameRange: declaration.name.range,
      declaration,
      model: declaration.model.kind === "QualifiedName" ? declaration.model.value : undefined,
      matchFields: declaration.matchFields,
      missing,
      includeArchived: archived?.include === true,
    };
    if (this.declareCallable("lookup", declaration.name, file)) this.lookups.set(symbol.name, symbol);
    for (const field of declaration.matchFields) this.customFieldName(field, symbol.model, file);
  }

  private bindRecords(declaration: A.RecordsDeclaration, file: string): void {
    if (declaration.model.kind === "Missing") return;
    const model = declaration.model.value;
    const byName = this.records.get(model) ?? new Map<string, RecordSymbol>();
    this.records.set(model, byName);
    for (const entry of declaration.entries) {
      const symbol: RecordSymbol = {
        kind: "record",
        name: entry.name.value,
        file,
        nameRange: entry.name.range,
        model,
        declaration: entry,
        records: declaration,
        ...(entry.existing !== undefined && entry.existing.kind === "StringLiteral" ? { existing: entry.existing.value } : {}),
      };
      const existing = byName.get(symbol.name);
      if (existing !== undefined) this.duplicates.push({ what: `${model} record`, name: symbol.name, first: existing, second: symbol });
      else byName.set(symbol.name, symbol);
    }
  }

  /** The fields a records block sets and matches by, and the records its values name (declared in any file). */
  private bindRecordValues(declaration: A.RecordsDeclaration, file: string): void {
    if (declaration.model.kind === "Missing") return;
    const model = declaration.model.value;
    if (declaration.match !== undefined) this.customFieldName(declaration.match, model, file);
    for (const entry of declaration.entries) this.bindFieldValues(entry.values, model, file);
  }

  /**
   * `field value` pairs of a records entry or a test's `expect` block: custom fields, and record
   * names. A bare name names a record of the field's relation (of any model, when unique, for a
   * field that has none), as the plan's emitter resolves it; one that names none is reported.
   */
  private bindFieldValues(values: readonly A.FieldValue[], model: string, file: string): void {
    for (const value of values) {
      this.customFieldName(value.field, model, file);
      if (value.value.kind !== "NameReference") continue;
      const field = value.field.kind === "Name" && this.schema !== undefined ? findField(this.schema, model, value.field.value) : undefined;
      const relation = field?.relation;
      const name = value.value.name;
      if (relation !== undefined) {
        this.resolveRecordName(name, relation, file);
        continue;
      }
      const found = this.findRecord(name.value, undefined);
      if (found !== undefined) this.reference(file, name.range, found);
      else {
        const scope = field === undefined ? undefined : `${model}.${field.name} is ${withArticle(field.type)} field`;
        this.unknown({ kind: "bare-value", name: name.value, file, range: name.range, candidates: [], ...(scope === undefined ? {} : { scope }) });
      }
    }
  }

  /** A record by name, among the records of `model` (or of every model when it is not known). */
  findRecord(name: string, model: string | undefined): RecordSymbol | undefined {
    if (model !== undefined) return this.records.get(model)?.get(name) ?? this.importedRecord(name, model);
    const matches = [...this.records.values()].flatMap((byName) => (byName.get(name) === undefined ? [] : [byName.get(name) as RecordSymbol]));
    return matches.length === 1 ? matches[0] : undefined;
  }

  private importedRecord(name: string, model: string): RecordSymbol | undefined {
    for (const imported of this.importedPackages) {
      const found = imported.records.get(model)?.get(name);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  recordNames(model: string | undefined): string[] {
    if (model !== undefined) return [...(this.records.get(model)?.keys() ?? [])];
    return [...this.records.values()].flatMap((byName) => [...byName.keys()]);
  }

  private typeOfTableSide(name: A.QualifiedName | A.Missing): TableOutput | undefined {
    if (name.kind === "Missing") return undefined;
    const scalar = columnValueType(name.value);
    if (scalar !== undefined) return { kind: "value", type: scalar };
    return { kind: "record", model: name.value };
  }

  private bindTable(declaration: A.TableDeclaration, file: string): void {
    if (declaration.name.kind === "Missing") return;
    const input = this.typeOfTableSide(declaration.input);
    if (declaration.input.kind === "QualifiedName" && input?.kind !== "value") {
      this.unknown({
        kind: "column-type",
        name: declaration.input.value,
        file,
        range: declaration.input.range,
        candidates: suggestNames(declaration.input.value, [...COLUMN_TYPES]),
      });
    }
    const output = this.typeOfTableSide(declaration.output);
    const symbol: TableSymbol = {
      kind: "table",
      name: declaration.name.value,
      file,
      nameRange: declaration.name.range,
      declaration,
      input: input?.kind === "value" ? input.type : undefined,
      output,
    };
    if (this.declareCallable("table", declaration.name, file)) this.tables.set(symbol.name, symbol);
    const outputModel = output?.kind === "record" ? output.model : undefined;
    const values = declaration.entries.flatMap((entry) => (entry.kind === "TableEntry" ? [entry.value] : entry.value === undefined ? [] : [entry.value]));
    for (const value of values) if (value.kind === "NameReference") this.resolveRecordName(value.name, outputModel, file);
  }

  /** A record named in a table, a records entry or a test: it must be declared by a `records` block. */
  resolveRecordName(name: A.Name, model: string | undefined, file: string): RecordSymbol | undefined {
    const found = this.findRecord(name.value, model);
    if (found === undefined) {
      this.unknown({
        kind: "record",
        name: name.value,
        file,
        range: name.range,
        candidates: suggestNames(name.value, this.recordNames(model)),
        ...(model === undefined ? {} : { scope: model }),
      });
      return undefined;
    }
    this.reference(file, name.range, found);
    return found;
  }

  // -------------------------------------------------------------------------------------------
  // maps and splits

  private resolveEntity(name: A.Name | A.Missing, file: string): EntitySymbol | undefined {
    if (name.kind === "Missing") return undefined;
    const entity = this.entities.get(name.value);
    if (entity === undefined) {
      this.unknown({ kind: "entity", name: name.value, file, range: name.range, candidates: suggestNames(name.value, [...this.entities.keys()]) });
      return undefined;
    }
    this.reference(file, name.range, entity);
    return entity;
  }

  /** The declared model, or the fallback one when the target Odoo lacks it (an app not installed). */
  private chooseModel(
    model: A.QualifiedName | A.Missing,
    fallback: A.FallbackTarget | undefined,
    body: readonly A.BodyItem[],
  ): { model: string | undefined; usesFallback: boolean; body: readonly A.BodyItem[] } {
    const declared = model.kind === "QualifiedName" ? model.value : undefined;
    if (fallback !== undefined && this.schema !== undefined && declared !== undefined && findModel(this.schema, declared) === undefined) {
      return {
        model: fallback.model.kind === "QualifiedName" ? fallback.model.value : undefined,
        usesFallback: true,
        body: effectiveItems(fallback.body, this.choice),
      };
    }
    return { model: declared, usesFallback: false, body: effectiveItems(body, this.choice) };
  }

  private declareAlias(target: TargetSymbol, aliasName: A.Name | undefined): void {
    const existing = this.aliases.get(target.alias);
    if (existing !== undefined) {
      if (aliasName !== undefined || existing.aliasDeclared) {
        this.duplicates.push({ what: "alias", name: target.alias, first: existing, second: target });
      } else if (target.role !== "child" || existing.role !== "child") {
        // Two maps of one entity without `as` would give their records the same external IDs.
        this.duplicates.push({
          what: "alias",
          name: target.alias,
          first: existing,
          second: target,
          message: `${target.entityName.kind === "Name" ? target.entityName.value : target.alias} is mapped twice without \`as\`: both maps would make records ${target.alias}_<key>, so one would overwrite the other; name this one with \`as\``,
        });
      }
      return;
    }
    this.aliases.set(target.alias, target);
  }

  /** False when a map's or split's `if` does not hold for the chosen target and settings; unknown counts as on. */
  private switchedOff(condition: A.TargetCondition | A.Missing | undefined, alias: string): boolean {
    if (condition === undefined || condition.kind === "Missing") return false;
    if (evaluateTargetCondition(condition, this.choice) !== false) return false;
    this.inactiveAliases.set(alias, describeTargetCondition(condition));
    return true;
  }

  private bindMap(declaration: A.MapDeclaration, file: string): void {
    const entity = this.resolveEntity(declaration.entity, file);
    const entityAlias = declaration.alias?.value ?? (declaration.entity.kind === "Name" ? defaultAlias(declaration.entity.value) : "");
    const off = this.switchedOff(declaration.enabledIf, entityAlias);
    const chosen = this.chooseModel(declaration.model, declaration.fallback, declaration.body);
    const entityName = declaration.entity.kind === "Name" ? declaration.entity.value : "";
    const aliasName = declaration.alias;
    const target: TargetSymbol = {
      kind: "target",
      role: "map",
      name: aliasName?.value ?? defaultAlias(entityName),
      file,
      nameRange: aliasName?.range ?? declaration.entity.range,
      alias: aliasName?.value ?? defaultAlias(entityName),
      aliasDeclared: aliasName !== undefined,
      entityName: declaration.entity,
      entity,
      declaredModel: declaration.model,
      ...(declaration.fallback === undefined ? {} : { fallback: declaration.fallback }),
      model: chosen.model,
      usesFallback: chosen.usesFallback,
      body: chosen.body,
      conditions: declaration.when === undefined ? [] : [declaration.when],
      declaration,
    };
    this.addTarget(target, aliasName, !off);
  }

  private bindSplit(declaration: A.SplitDeclaration, file: string): void {
    const entity = this.resolveEntity(declaration.entity, file);
    for (const splitTarget of declaration.targets) {
      const off = this.switchedOff(declaration.enabledIf, splitTarget.alias.value) || this.switchedOff(splitTarget.enabledIf, splitTarget.alias.value);
      const chosen = this.chooseModel(splitTarget.model, splitTarget.fallback, splitTarget.body);
      const conditions = [...(declaration.when === undefined ? [] : [declaration.when]), ...(splitTarget.when === undefined ? [] : [splitTarget.when])];
      const target: TargetSymbol = {
        kind: "target",
        role: "split",
        name: splitTarget.alias.value,
        file,
        nameRange: splitTarget.alias.range,
        alias: splitTarget.alias.value,
        aliasDeclared: true,
        entityName: declaration.entity,
        entity,
        declaredModel: splitTarget.model,
        ...(splitTarget.fallback === undefined ? {} : { fallback: splitTarget.fallback }),
        model: chosen.model,
        usesFallback: chosen.usesFallback,
        body: chosen.body,
        conditions,
        ...(splitTarget.forEach === undefined ? {} : { forEach: splitTarget.forEach }),
        declaration: splitTarget,
        split: declaration,
      };
      this.inactively(off, () => {
        if (splitTarget.forEach === undefined || splitTarget.forEach.kind !== "Name" || entity === undefined) return;
        const group = entity.groups.get(splitTarget.forEach.value);
        if (group === undefined) {
          this.unknown({
            kind: "group",
            name: splitTarget.forEach.value,
            file,
            range: splitTarget.forEach.range,
            candidates: suggestNames(splitTarget.forEach.value, [...entity.groups.keys()]),
            scope: `entity ${entity.name}`,
          });
        } else {
          target.forEachGroup = group;
          this.reference(file, splitTarget.forEach.range, group);
        }
      });
      this.addTarget(target, splitTarget.alias, !off);
    }
  }

  /**
   * A target the chosen Odoo and settings run is checked and planned; one switched off is kept
   * aside, for the editor. The `each` blocks of its body become child targets, active or not as
   * the code they are written in.
   */
  private addTarget(target: TargetSymbol, aliasName: A.Name | undefined, active: boolean): void {
    this.registerTarget(target, aliasName, active);
    const written = writtenBodies(target);
    this.bindChildren([
      ...(written.leftOut === undefined ? [] : [{ parent: target, body: written.leftOut.body, model: written.leftOut.model, active: false }]),
      { parent: target, body: written.body, model: target.model, active },
    ]);
  }

  private registerTarget(target: TargetSymbol, aliasName: A.Name | undefined, active: boolean): void {
    if (active) {
      this.targets.push(target);
      this.declareAlias(target, aliasName);
    } else this.inactiveTargets.push(target);
  }

  /**
   * `field <- each Entity by column { ... }` blocks in bodies as written (also inside `with`
   * blocks and `if` branches, and in the bodies of `each` blocks) become child targets; those in
   * an `if` branch the chosen target does not take, or in an inactive body, are inactive. A body's
   * `model` is the model it writes. `bodies` is a stack, the next one last; the walk keeps one
   * rather than recursing, in the order a recursive walk would take, as deep as bodies nest.
   */
  private bindChildren(bodies: { parent: TargetSymbol; body: readonly A.BodyItem[]; model: string | undefined; active: boolean }[]): void {
    const pending: { parent: TargetSymbol; item: A.BodyItem; model: string | undefined; active: boolean }[] = [];
    const push = (parent: TargetSymbol, body: readonly A.BodyItem[], model: string | undefined, active: boolean): void => {
      for (let index = body.length - 1; index >= 0; index--) pending.push({ parent, item: body[index] as A.BodyItem, model, active });
    };
    for (const { parent, body, model, active } of bodies) push(parent, body, model, active);
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      const { parent, item, model, active } = next;
      if (item.kind === "WithBlock") {
        push(parent, item.body, model, active);
        continue;
      }
      if (item.kind === "TargetIf") {
        const holds = evaluateTargetCondition(item.condition, this.choice) ?? true;
        if (item.else !== undefined) push(parent, Array.isArray(item.else) ? item.else : [item.else as A.TargetIf<A.BodyItem>], model, active && !holds);
        push(parent, item.then, model, active && holds);
        continue;
      }
      if (item.kind !== "Assignment" || item.value.kind !== "EachBlock") continue;
      const each = item.value;
      const child = this.inactively(!active, () => this.childTarget(parent, item, each, model));
      this.registerTarget(child, each.alias, active);
      push(child, each.body, child.model, active);
    }
  }

  /** The child target of an `each` block in `parent`'s body, whose records `model`'s one2many field holds. */
  private childTarget(parent: TargetSymbol, item: A.Assignment, each: A.EachBlock, model: string | undefined): TargetSymbol {
    const entity = this.resolveEntity(each.entity, parent.file);
    const relation = this.schema !== undefined && model !== undefined ? findField(this.schema, model, item.field.value) : undefined;
    const alias = each.alias?.value ?? `${parent.alias}_${item.field.value}`;
    if (entity !== undefined && each.by.kind === "Name") {
      const by = entity.columns.get(each.by.value);
      if (by === undefined) {
        this.unknown({
          kind: "column",
          name: each.by.value,
          file: parent.file,
          range: each.by.range,
          candidates: suggestNames(each.by.value, [...entity.columns.keys()]),
          scope: `entity ${entity.name}`,
        });
      } else this.reference(parent.file, each.by.range, by);
    }
    return {
      kind: "target",
      role: "child",
      name: alias,
      file: parent.file,
      nameRange: each.alias?.range ?? (each.entity.kind === "Name" ? each.entity.range : item.field.range),
      alias,
      aliasDeclared: each.alias !== undefined,
      entityName: each.entity,
      entity,
      model: relation?.type === "one2many" ? relation.relation : undefined,
      usesFallback: false,
      body: effectiveItems(each.body, this.choice),
      conditions: [],
      parent: { target: parent, field: item.field, by: each.by },
      declaration: each,
    };
  }

  // -------------------------------------------------------------------------------------------
  // tests

  private bindTest(declaration: A.TestDeclaration, file: string): void {
    for (const item of declaration.items) {
      if (item.kind === "GivenRow") {
        const entity = this.resolveEntity(item.entity, file);
        if (entity === undefined) continue;
        for (const cell of item.cells) {
          if (cell.value.kind === "NameReference") {
            const name = cell.value.name;
            this.unknown({ kind: "bare-value", name: name.value, file, range: name.range, candidates: [], scope: "a `given` row holds the export's text" });
          }
          if (cell.field.kind !== "Name") continue;
          const column = entity.columns.get(cell.field.value);
          if (column === undefined) {
            this.unknown({
              kind: "column",
              name: cell.field.value,
              file,
              range: cell.field.range,
              candidates: suggestNames(cell.field.value, [...entity.columns.keys()]),
              scope: `entity ${entity.name}`,
            });
          } else this.reference(file, cell.field.range, column);
        }
      } else if (item.kind === "ExpectOutcome" && item.entity !== undefined) {
        this.resolveEntity(item.entity, file);
      } else if (item.kind === "ExpectRecord" && item.model.kind === "QualifiedName") {
        this.bindFieldValues(item.values, item.model.value, file);
      }
    }
  }
}

/** A bound package, with the name lookups the later passes share. */
export type ResolvedPackage = BoundPackage & { readonly binder: BinderQueries };

export function bindPackage(
  directory: string,
  files: readonly ParsedFileLike[],
  choice: TargetChoice,
  host: CompilerHost,
  customFields: readonly CustomFieldSymbol[],
  loadImport: (path: string) => BoundPackage | undefined,
): ResolvedPackage {
  const binder = new Binder(directory, files, choice, host, loadImport, customFields);
  binder.bind();
  return {
    directory,
    files,
    sources: binder.sources,
    entities: binder.entities,
    lookups: binder.lookups,
    tables: binder.tables,
    records: binder.records,
    targets: binder.targets,
    aliases: binder.aliases,
    inactiveAliases: binder.inactiveAliases,
    customFields,
    settings: binder.settings,
    imports: binder.imports,
    references: binder.references,
    inactiveTargets: binder.inactiveTargets,
    inactiveCustomFields: binder.inactiveCustomFields,
    inactiveReferences: binder.inactiveReferences,
    unresolved: binder.unresolved,
    duplicates: binder.duplicates,
    shapeProblems: binder.shapeProblems,
    importedPackages: binder.importedPackages,
    binder,
  };
}

/** Name lookups the expression checker shares with the binder. */
export interface BinderQueries {
  findRecord(name: string, model: string | undefined): RecordSymbol | undefined;
  recordNames(model: string | undefined): string[];
  resolveRecordName(name: A.Name, model: string | undefined, file: string): RecordSymbol | undefined;
}
