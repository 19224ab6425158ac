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
import type { CompilerHost } from "./host.js";
import { LOOKUP_MATCH_RULES } from "./model.js";
import type {
  AmbiguousPolicyModel,
  ColumnSymbol,
  CustomFieldSymbol,
  EntitySymbol,
  GroupSymbol,
  ImportSymbol,
  LookupMatchRule,
  LookupSymbol,
  MissingPolicyModel,
  PackageSymbol,
  RecordSymbol,
  SettingSymbol,
  SourceOptions,
  SourceSymbol,
  StepSymbol,
  SymbolReference,
  TableOutput,
  TableSymbol,
  TargetSymbol,
} from "./model.js";
import { describeTargetCondition, effectiveItems, evaluateTargetCondition, type ParsedFileLike, type TargetChoice } from "./target.js";
import { COLUMN_TYPES } from "../language/column-types.js";
import { columnValueType, withArticle, type ValueType } from "./types.js";
import { bindExtendNames, bindLookup, bindRecords, bindRecordValues, bindFieldValues, bindStep, bindTable } from "./bind-data.js";
import { bindImport, bindMigration, bindConditions } from "./bind-migration.js";
import { bindSource, resolveColumnReferences } from "./bind-sources.js";
import type { BoundPackage, Duplicate, ExternalName, ShapeProblem, Unresolved } from "./bound-package.js";
import { recordModelName } from "./external-names.js";

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

export class Binder {
  readonly sources = new Map<string, SourceSymbol>();
  readonly entities = new Map<string, EntitySymbol>();
  readonly lookups = new Map<string, LookupSymbol>();
  readonly tables = new Map<string, TableSymbol>();
  readonly steps = new Map<string, StepSymbol>();
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
  readonly externalNames: ExternalName[] = [];
  readonly unresolved: Unresolved[] = [];
  readonly duplicates: Duplicate[] = [];
  readonly shapeProblems: ShapeProblem[] = [];
  readonly importedPackages: BoundPackage[] = [];
  /** Top-level names in one namespace: tables, lookups, steps and imports must not collide with each other. */
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

  unknown(entry: Unresolved): void {
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
  customFieldName(name: A.Name | A.StringLiteral, model: string | undefined, file: string): void {
    if (name.kind !== "Name" || model === undefined) return;
    const field = this.customFieldsByName.get(`${model}\u0000${name.value}`);
    if (field !== undefined) this.reference(file, name.range, field);
  }

  declareCallable(what: string, name: A.Name, file: string): boolean {
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
      for (const declaration of file.document.declarations) if (declaration.kind === "ImportDeclaration") bindImport(this, declaration, file.path);
    for (const file of this.files)
      for (const declaration of file.document.declarations) if (declaration.kind === "SourceDeclaration") bindSource(this, declaration, file.path);
    for (const file of this.files)
      for (const declaration of file.document.declarations) if (declaration.kind === "MigrationDeclaration") bindMigration(this, declaration, file.path);
    for (const file of this.files) bindConditions(this, file);
    for (const file of this.files) {
      for (const declaration of file.document.declarations) {
        if (declaration.kind === "LookupDeclaration") bindLookup(this, declaration, file.path);
        else if (declaration.kind === "RecordsDeclaration") bindRecords(this, declaration, file.path);
      }
    }
    for (const file of this.files)
      for (const declaration of file.document.declarations) if (declaration.kind === "RecordsDeclaration") bindRecordValues(this, declaration, file.path);
    for (const file of this.files) {
      for (const declaration of file.document.declarations) {
        if (declaration.kind === "TableDeclaration") bindTable(this, declaration, file.path);
        else if (declaration.kind === "StepDeclaration") bindStep(this, declaration, file.path);
        else if (declaration.kind === "ExtendDeclaration") bindExtendNames(this, declaration, file.path);
      }
    }
    for (const entity of this.entities.values()) resolveColumnReferences(this, entity);
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
  // records (the migration, imports, sources, lookups, records and tables are bound in
  // bind-migration.ts, bind-sources.ts and bind-data.ts)

  /** `ref contact "C1"`: a test's expectation of the record a map or split target made from a key; a value anywhere else. */
  bindKeyReference(reference: A.KeyReference, place: "records" | "expect" | "given", file: string): void {
    if (place !== "expect") {
      const where = place === "given" ? "a `given` row holds the export's text" : "a reference record's values are constants or record names";
      this.shapeProblems.push({
        file,
        range: reference.range,
        kind: "test-value",
        message: `\`ref ALIAS "KEY"\` names a migrated record in a test's \`expect\` only: ${where}`,
      });
      return;
    }
    if (reference.alias.kind === "Missing") return;
    const target = this.aliases.get(reference.alias.value);
    if (target !== undefined) this.reference(file, reference.alias.range, target);
    else
      this.unknown({
        kind: "alias",
        name: reference.alias.value,
        file,
        range: reference.alias.range,
        candidates: suggestNames(reference.alias.value, [...this.aliases.keys()]),
      });
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
    recordModelName(this.externalNames, file, declaration.model);
    recordModelName(this.externalNames, file, declaration.fallback?.model);
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
      ...(declaration.merge === undefined ? {} : { merge: declaration.merge }),
      declaration,
    };
    this.addTarget(target, aliasName, !off);
  }

  private bindSplit(declaration: A.SplitDeclaration, file: string): void {
    const entity = this.resolveEntity(declaration.entity, file);
    for (const splitTarget of declaration.targets) {
      recordModelName(this.externalNames, file, splitTarget.model);
      recordModelName(this.externalNames, file, splitTarget.fallback?.model);
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
          if (cell.value.kind === "KeyReference") this.bindKeyReference(cell.value, "given", file);
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
      } else if (item.kind === "ExpectRecord" || item.kind === "GivenOdooRecord") {
        const model = recordModelName(this.externalNames, file, item.model);
        if (model !== undefined) bindFieldValues(this, item.values, model, file, item.kind === "ExpectRecord" ? "expect" : "records");
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
    steps: binder.steps,
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
    externalNames: binder.externalNames,
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
