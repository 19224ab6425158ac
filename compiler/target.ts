/**
 * The Odoo a package is checked against: the migration's `target` (a shipped catalog or a pulled
 * schema file), with the package's `extend` custom fields added, and the `if odoo ...` choices
 * made for it.
 */
import { dirname, resolve } from "node:path";
import type * as A from "../language/ast.js";
import type { Range } from "../language/location.js";
import {
  compareSeries,
  findField,
  findModel,
  listShippedSeries,
  loadShippedCatalog,
  ODOO_FIELD_TYPES,
  parseSchemaText,
  withCustomFields,
  type CustomFieldAddition,
  type OdooFieldType,
  type OdooSchema,
} from "./catalog/index.js";
import type { CompilerHost } from "./host.js";
import type { CustomFieldSymbol } from "./model.js";

export interface ParsedFileLike {
  readonly path: string;
  readonly text: string;
  readonly document: A.Document;
}

export interface TargetProblem {
  readonly file: string;
  readonly range: Range;
  readonly message: string;
}

export interface MigrationFacts {
  readonly declaration: A.MigrationDeclaration;
  readonly file: string;
}

export interface ResolvedTarget {
  readonly migration: MigrationFacts | undefined;
  readonly otherMigrations: readonly MigrationFacts[];
  /** The schema as the target Odoo has it, before this package's custom fields. */
  readonly baseSchema: OdooSchema | undefined;
  readonly series: string | undefined;
  readonly origin: "catalog" | "file" | undefined;
  readonly schemaFile?: string;
  readonly problems: readonly TargetProblem[];
  /** The external ID namespace: `xmlid "..."`, or the migration's name. */
  readonly namespace: string;
  /** `setting name "value"` of the migration block, by name, with the node that declares it. */
  readonly settings: ReadonlyMap<string, { readonly value: string; readonly declaration: A.SettingDeclaration }>;
}

function migrationsOf(files: readonly ParsedFileLike[]): MigrationFacts[] {
  return files.flatMap((file) =>
    file.document.declarations
      .filter((declaration): declaration is A.MigrationDeclaration => declaration.kind === "MigrationDeclaration")
      .map((declaration) => ({ declaration, file: file.path })),
  );
}

/** A target chosen from outside the package: `flitmap check --target 19.0`, or the editor's settings. */
export interface TargetOverride {
  /** Another shipped catalog than the one the package names, to find what breaks on another Odoo version. */
  readonly series?: string;
  /** An absolute path to a pulled schema file, used instead of the package's target. */
  readonly schemaFile?: string;
}

function loadSchemaFileInto(
  path: string,
  shownAs: string,
  host: CompilerHost,
  report: (message: string) => void,
): { schema: OdooSchema; series: string } | undefined {
  const text = host.readFile(path);
  if (text === undefined) {
    report(`schema file ${shownAs} not found (looked for ${path}); pull it with \`flitmap schema pull -o ${shownAs}\``);
    return undefined;
  }
  const parsed = parseSchemaText(text, path);
  if ("error" in parsed) {
    report(parsed.error);
    return undefined;
  }
  return { schema: parsed.schema, series: parsed.schema.serie };
}

export function resolveTarget(files: readonly ParsedFileLike[], host: CompilerHost, override: TargetOverride = {}): ResolvedTarget {
  const seriesOverride = override.series;
  const [migration, ...otherMigrations] = migrationsOf(files);
  const problems: TargetProblem[] = [];
  let baseSchema: OdooSchema | undefined;
  let series: string | undefined;
  let origin: "catalog" | "file" | undefined;
  let schemaFile: string | undefined;
  let namespace = "";
  const settings = new Map<string, { value: string; declaration: A.SettingDeclaration }>();
  if (migration !== undefined) {
    for (const item of migration.declaration.items) {
      if (item.kind !== "SettingDeclaration" || item.name.kind !== "Name" || item.value.kind === "Missing" || settings.has(item.name.value)) continue;
      settings.set(item.name.value, { value: item.value.kind === "NumberLiteral" ? item.value.raw : item.value.value, declaration: item });
    }
    const { declaration, file } = migration;
    if (declaration.name.kind === "Name") namespace = declaration.name.value;
    for (const item of declaration.items) if (item.kind === "XmlidSetting" && item.namespace.kind === "StringLiteral") namespace = item.namespace.value;
    const target = declaration.items.find((item): item is A.TargetSetting => item.kind === "TargetSetting");
    if (override.schemaFile !== undefined) {
      const loaded = loadSchemaFileInto(override.schemaFile, override.schemaFile, host, (message) => problems.push({ file, range: declaration.range, message }));
      if (loaded !== undefined) {
        baseSchema = loaded.schema;
        series = loaded.series;
        origin = "file";
        schemaFile = override.schemaFile;
      }
    } else if (seriesOverride !== undefined) {
      if (!listShippedSeries().includes(seriesOverride)) {
        problems.push({
          file,
          range: declaration.range,
          message: `--target ${seriesOverride}: Flitmap ships catalogs for Odoo ${listShippedSeries().join(", ")}`,
        });
      } else {
        baseSchema = loadShippedCatalog(seriesOverride);
        series = seriesOverride;
        origin = "catalog";
      }
    } else if (target === undefined) {
      const name = declaration.name.kind === "Name" ? ` ${declaration.name.value}` : "";
      problems.push({
        file,
        range: declaration.name.range,
        message: `the migration${name} names no target: add \`target odoo "17.0"\` (or \`target odoo schema "file.json"\`)`,
      });
    } else if (target.series !== undefined && target.series.kind === "StringLiteral") {
      const wanted = target.series.value;
      if (listShippedSeries().includes(wanted)) {
        baseSchema = loadShippedCatalog(wanted);
        series = wanted;
        origin = "catalog";
      } else {
        problems.push({
          file,
          range: target.series.range,
          message: `Flitmap ships catalogs for Odoo ${listShippedSeries().join(", ")}, not "${wanted}": pick one, or pull your server's schema with \`flitmap schema pull\` and use \`target odoo schema "odoo-schema.json"\``,
        });
      }
    } else if (target.schemaFile !== undefined && target.schemaFile.kind === "StringLiteral") {
      schemaFile = resolve(dirname(file), target.schemaFile.value);
      const range = target.schemaFile.range;
      const loaded = loadSchemaFileInto(schemaFile, target.schemaFile.value, host, (message) => problems.push({ file, range, message }));
      if (loaded !== undefined) {
        baseSchema = loaded.schema;
        series = loaded.series;
        origin = "file";
      }
    }
  }
  return { migration, otherMigrations, baseSchema, series, origin, ...(schemaFile === undefined ? {} : { schemaFile }), problems, namespace, settings };
}

/** Whether `namespace` can start an external ID (`namespace.name`): letters, digits and underscores, not starting with a digit. */
export function isExternalIdNamespace(namespace: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(namespace);
}

/**
 * What a live run does with records earlier runs wrote whose source row is gone from the export:
 * `report` them (the default) or `archive` them, as the migration block's first `deleted` says.
 */
export function deletionPolicy(target: ResolvedTarget): { readonly policy: "report" | "archive"; readonly declaration?: A.DeletedSetting } {
  const declaration = target.migration?.declaration.items.find((item): item is A.DeletedSetting => item.kind === "DeletedSetting");
  if (declaration === undefined) return { policy: "report" };
  return { policy: declaration.policy.kind === "Name" && declaration.policy.value === "archive" ? "archive" : "report", declaration };
}

/** Whether `odoo has x.y` holds: a model named x.y, else field y of model x, else an installed module. */
export function targetHas(schema: OdooSchema, name: string): boolean {
  if (findModel(schema, name) !== undefined) return true;
  const dot = name.lastIndexOf(".");
  if (dot > 0 && findField(schema, name.slice(0, dot), name.slice(dot + 1)) !== undefined) return true;
  return schema.modules.some((module) => module.name === name);
}

/** What `if odoo ...` and `if setting ...` are decided by. */
export interface TargetChoice {
  readonly schema: OdooSchema | undefined;
  /** The package's settings, after command-line overrides (`--set name=value`). */
  readonly settings: ReadonlyMap<string, string>;
}

/** Evaluates `odoo >= "19.0"`, `odoo has helpdesk.ticket` or `setting x = "y"`; undefined when it cannot be told. */
/** The condition as the specialist wrote it, for messages. */
export function describeTargetCondition(condition: A.TargetCondition): string {
  const text = (node: A.Name | A.StringLiteral | A.QualifiedName | A.Missing): string => (node.kind === "Missing" ? "…" : node.value);
  switch (condition.kind) {
    case "SettingCondition":
      return `setting ${text(condition.name)} ${condition.operator} "${text(condition.value)}"`;
    case "HasCondition":
      return `odoo ${condition.negated ? "lacks" : "has"} ${text(condition.name)}`;
    case "VersionCondition":
      return `odoo ${condition.operator} "${text(condition.version)}"`;
  }
}

export function evaluateTargetCondition(condition: A.TargetCondition | A.Missing, choice: TargetChoice): boolean | undefined {
  if (condition.kind === "SettingCondition") {
    if (condition.name.kind === "Missing" || condition.value.kind === "Missing") return undefined;
    const value = choice.settings.get(condition.name.value);
    if (value === undefined) return undefined;
    return (value === condition.value.value) === (condition.operator === "=");
  }
  const schema = choice.schema;
  if (schema === undefined || condition.kind === "Missing") return undefined;
  if (condition.kind === "HasCondition") {
    if (condition.name.kind === "Missing") return undefined;
    const has = targetHas(schema, condition.name.value);
    return condition.negated ? !has : has;
  }
  if (condition.version.kind === "Missing") return undefined;
  const comparison = compareSeries(schema.serie, condition.version.value);
  switch (condition.operator) {
    case "=":
      return comparison === 0;
    case "!=":
      return comparison !== 0;
    case "<":
      return comparison < 0;
    case "<=":
      return comparison <= 0;
    case ">":
      return comparison > 0;
    case ">=":
      return comparison >= 0;
  }
}

/** An item with every `if odoo ...` taken out. */
export type Effective<Item> = Exclude<Item, { readonly kind: "TargetIf" }>;

/**
 * The items that apply to the target Odoo, with every `if odoo ...` replaced by the branch it
 * takes. Without a schema the `then` branches are taken, so that their names are still checked.
 */
export function effectiveItems<Item extends { readonly kind: string }>(items: readonly Item[], choice: TargetChoice): Effective<Item>[] {
  const result: Effective<Item>[] = [];
  // Iterative, in written order: the items still to look at, the next one last.
  const pending: Item[] = [...items].reverse();
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (item.kind !== "TargetIf") {
      result.push(item as Effective<Item>);
      continue;
    }
    const targetIf = item as unknown as A.TargetIf<Item>;
    const holds = evaluateTargetCondition(targetIf.condition, choice) ?? true;
    const elseBranch = targetIf.else;
    const branch = holds ? targetIf.then : elseBranch === undefined ? [] : Array.isArray(elseBranch) ? (elseBranch as readonly Item[]) : [elseBranch as unknown as Item];
    for (let index = branch.length - 1; index >= 0; index--) pending.push(branch[index] as Item);
  }
  return result;
}

export interface CustomFields {
  readonly additions: readonly CustomFieldAddition[];
  readonly symbols: readonly CustomFieldSymbol[];
  /** Declarations whose type Odoo does not know, left out of the additions. */
  readonly unknownTypes: readonly { readonly file: string; readonly declaration: A.CustomFieldDeclaration }[];
}

const FIELD_TYPE_SET: ReadonlySet<string> = new Set(ODOO_FIELD_TYPES);

/** The custom fields the package's `extend` blocks declare for the target. */
export function customFieldsOf(files: readonly ParsedFileLike[], choice: TargetChoice): CustomFields {
  const additions: CustomFieldAddition[] = [];
  const symbols: CustomFieldSymbol[] = [];
  const unknownTypes: { file: string; declaration: A.CustomFieldDeclaration }[] = [];
  for (const file of files) {
    for (const declaration of file.document.declarations) {
      if (declaration.kind !== "ExtendDeclaration" || declaration.model.kind === "Missing") continue;
      const model = declaration.model.value;
      for (const field of effectiveItems(declaration.items, choice)) {
        symbols.push({ kind: "custom-field", name: field.name.value, file: file.path, nameRange: field.name.range, model, declaration: field });
        if (field.type.kind === "Missing") continue;
        if (!FIELD_TYPE_SET.has(field.type.value)) {
          unknownTypes.push({ file: file.path, declaration: field });
          continue;
        }
        const addition: CustomFieldAddition = {
          model,
          name: field.name.value,
          type: field.type.value as OdooFieldType,
          label: field.label?.value ?? field.name.value,
          ...(field.help === undefined ? {} : { help: field.help.value }),
          ...(field.required ? { required: true } : {}),
          ...(field.relation === undefined ? {} : { relation: field.relation.value }),
          ...(field.options.length === 0
            ? {}
            : {
                selection: field.options.map((option) => ({
                  value: option.value.value,
                  label: option.label.kind === "StringLiteral" ? option.label.value : option.value.value,
                })),
              }),
        };
        additions.push(addition);
      }
    }
  }
  return { additions, symbols, unknownTypes };
}

export function schemaWithCustomFields(schema: OdooSchema | undefined, customFields: CustomFields): OdooSchema | undefined {
  return schema === undefined ? undefined : withCustomFields(schema, customFields.additions);
}
