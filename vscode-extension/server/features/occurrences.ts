/**
 * Every name in a package's files and what it stands for: a symbol the package declares (where it
 * is declared, and every use the compiler resolved to it, also in code the chosen Odoo and
 * settings leave out), an Odoo field or model, or a built-in. Hover, go to definition, find
 * references and rename are all questions to this one index.
 */
import type * as A from "../../../language/ast.js";
import type { Range } from "../../../language/location.js";
import { forEachNode } from "../../../language/visit.js";
import type { PackageAnalysis } from "../../../compiler/analyze.js";
import { findBuiltin, type Builtin } from "../../../compiler/builtins.js";
import { findField, findModel, type OdooSchema } from "../../../compiler/catalog/index.js";
import type { GroupSymbol, PackageSymbol } from "../../../compiler/model.js";
import { columnValueType } from "../../../compiler/types.js";

interface Located {
  readonly file: string;
  readonly range: Range;
}

export type Occurrence = Located &
  (
    | { readonly kind: "symbol"; readonly symbol: PackageSymbol; readonly declaration: boolean }
    /** An Odoo field name; `model` is undefined where the model is not known (a broken header). */
    | { readonly kind: "field"; readonly model: string | undefined; readonly field: string }
    | { readonly kind: "model"; readonly model: string }
    | { readonly kind: "builtin"; readonly builtin: Builtin }
  );

export interface OccurrenceIndex {
  /** Occurrences per file, in text order. */
  readonly byFile: ReadonlyMap<string, readonly Occurrence[]>;
  /** The files of the package itself (imports from elsewhere are not among them). */
  readonly packageFiles: ReadonlySet<string>;
}

const indexes = new WeakMap<PackageAnalysis, OccurrenceIndex>();

/** The index of an analysis, built once per analysis. */
export function occurrenceIndex(analysis: PackageAnalysis): OccurrenceIndex {
  const cached = indexes.get(analysis);
  if (cached !== undefined) return cached;
  const index = buildIndex(analysis);
  indexes.set(analysis, index);
  return index;
}

/** The name at `offset` of `file`: the innermost one, a declared symbol before anything else at the same place. */
export function occurrenceAt(analysis: PackageAnalysis, file: string, offset: number): Occurrence | undefined {
  let best: Occurrence | undefined;
  for (const occurrence of occurrenceIndex(analysis).byFile.get(file) ?? []) {
    const { start, end } = occurrence.range;
    if (start.offset > offset || offset > end.offset) continue;
    const length = end.offset - start.offset;
    const bestLength = best === undefined ? Infinity : best.range.end.offset - best.range.start.offset;
    if (length < bestLength || (length === bestLength && occurrence.kind === "symbol" && best?.kind !== "symbol")) best = occurrence;
  }
  return best;
}

/**
 * The declarations that stand for the same thing as `symbol`, itself first: a custom field or an
 * alias declared once per branch of an `if` (`if odoo >= "19.0" { x_mobile char } else { ... }`)
 * is one name, found and renamed together.
 */
export function namesakes(analysis: PackageAnalysis, symbol: PackageSymbol): PackageSymbol[] {
  const { bound } = analysis;
  let others: PackageSymbol[] = [];
  if (symbol.kind === "custom-field")
    others = [...bound.customFields, ...bound.inactiveCustomFields].filter((field) => field.model === symbol.model && field.name === symbol.name);
  else if (symbol.kind === "target") others = [...bound.targets, ...bound.inactiveTargets].filter((target) => target.alias === symbol.alias);
  return [symbol, ...others.filter((other) => other !== symbol)];
}

/** Every occurrence of `symbol` and its namesakes in the package's files, their declarations included. */
export function occurrencesOf(analysis: PackageAnalysis, symbol: PackageSymbol): Occurrence[] {
  const symbols = new Set(namesakes(analysis, symbol));
  const found: Occurrence[] = [];
  for (const occurrences of occurrenceIndex(analysis).byFile.values()) {
    for (const occurrence of occurrences) if (occurrence.kind === "symbol" && symbols.has(occurrence.symbol)) found.push(occurrence);
  }
  return found;
}

/** The symbol an import brings in, or the symbol itself: what a use of the name means. */
export function meaningOf(symbol: PackageSymbol): PackageSymbol {
  return symbol.kind === "import" && symbol.imported !== undefined ? symbol.imported : symbol;
}

function buildIndex(analysis: PackageAnalysis): OccurrenceIndex {
  const { bound, schema } = analysis;
  const packageFiles = new Set(analysis.files.map((file) => file.path));
  const byFile = new Map<string, Occurrence[]>([...packageFiles].map((file) => [file, []]));
  // A name walked twice (a split's `when`, checked with each of its targets) is one occurrence.
  const seen = new Map<PackageSymbol, Set<string>>();
  const add = (occurrence: Occurrence): void => {
    if (occurrence.range.end.offset <= occurrence.range.start.offset) return;
    if (occurrence.kind === "symbol") {
      const place = `${occurrence.file}:${occurrence.range.start.offset}:${occurrence.range.end.offset}`;
      const places = seen.get(occurrence.symbol) ?? new Set<string>();
      seen.set(occurrence.symbol, places);
      if (places.has(place)) return;
      places.add(place);
    }
    byFile.get(occurrence.file)?.push(occurrence);
  };
  const declare = (symbol: PackageSymbol): void => add({ kind: "symbol", file: symbol.file, range: symbol.nameRange, symbol, declaration: true });

  for (const source of bound.sources.values()) declare(source);
  for (const entity of bound.entities.values()) {
    declare(entity);
    for (const column of entity.columns.values()) declare(column);
    for (const group of entity.groups.values()) {
      declare(group);
      for (const column of group.columns.values()) declare(column);
    }
  }
  for (const lookup of bound.lookups.values()) declare(lookup);
  for (const table of bound.tables.values()) declare(table);
  for (const records of bound.records.values()) for (const record of records.values()) declare(record);
  for (const field of [...bound.customFields, ...bound.inactiveCustomFields]) declare(field);
  for (const setting of bound.settings.values()) declare(setting);
  // An alias not written is the entity's name in the header: that name is the entity's there.
  for (const target of bound.targets) if (target.aliasDeclared && bound.aliases.get(target.alias) === target) declare(target);
  for (const target of bound.inactiveTargets) if (target.aliasDeclared) declare(target);
  for (const symbol of bound.imports) if (symbol.imported === undefined) declare(symbol);
  const texts = new Map(analysis.files.map((file) => [file.path, file.text]));
  for (const reference of [...bound.references, ...bound.inactiveReferences]) {
    const parts = groupPathParts(reference.symbol, reference.range, texts.get(reference.file));
    if (parts === undefined) {
      add({ kind: "symbol", file: reference.file, range: reference.range, symbol: reference.symbol, declaration: false });
      continue;
    }
    // `ignore group.column` is recorded as one reference to the column: it names the group too.
    add({ kind: "symbol", file: reference.file, range: parts.group, symbol: parts.groupSymbol, declaration: false });
    add({ kind: "symbol", file: reference.file, range: parts.column, symbol: reference.symbol, declaration: false });
  }

  const walker = new TreeWalker(analysis, schema, add);
  for (const file of analysis.files) walker.document(file.path, file.document);
  for (const occurrences of byFile.values()) occurrences.sort((left, right) => left.range.start.offset - right.range.start.offset);
  return { byFile, packageFiles };
}

/** Every setting declaration and `if setting ...` condition in a file, wherever the grammar allows them. */
export function settingNodes(document: A.Document): (A.SettingDeclaration | A.SettingCondition)[] {
  const found: (A.SettingDeclaration | A.SettingCondition)[] = [];
  forEachNode(document.declarations, (node) => {
    if (node.kind === "SettingDeclaration" || node.kind === "SettingCondition") found.push(node);
  });
  return found;
}

/** The ranges of both names in a reference to a group's column that covers `group.column`. */
function groupPathParts(symbol: PackageSymbol, range: Range, text: string | undefined): { group: Range; column: Range; groupSymbol: GroupSymbol } | undefined {
  if (symbol.kind !== "column" || symbol.group === undefined || text === undefined) return undefined;
  const written = text.slice(range.start.offset, range.end.offset);
  const match = /^([A-Za-z_][A-Za-z0-9_]*)\s*\.\s*([A-Za-z_][A-Za-z0-9_]*)$/.exec(written);
  if (match === null || range.start.line !== range.end.line) return undefined;
  const at = (shift: number): Range["start"] => ({ offset: range.start.offset + shift, line: range.start.line, column: range.start.column + shift });
  const groupName = match[1] ?? "";
  const columnName = match[2] ?? "";
  return {
    group: { start: range.start, end: at(groupName.length) },
    column: { start: at(written.length - columnName.length), end: range.end },
    groupSymbol: symbol.group,
  };
}

/**
 * Finds the Odoo names (models, fields) and built-ins in the trees, which the binder does not
 * record as references. A field name that is a custom field the package declares is also the
 * binder's reference to it, which wins at the same place.
 */
class TreeWalker {
  constructor(
    private readonly analysis: PackageAnalysis,
    private readonly schema: OdooSchema | undefined,
    private readonly add: (occurrence: Occurrence) => void,
  ) {}

  private model(file: string, name: A.QualifiedName | A.Missing | undefined): string | undefined {
    if (name === undefined || name.kind === "Missing") return undefined;
    this.add({ kind: "model", file, range: name.range, model: name.value });
    return name.value;
  }

  private field(file: string, model: string | undefined, name: A.Name): void {
    this.add({ kind: "field", file, range: name.range, model, field: name.value });
  }

  document(file: string, document: A.Document): void {
    for (const declaration of document.declarations) this.declaration(file, declaration);
  }

  private declaration(file: string, declaration: A.Declaration): void {
    switch (declaration.kind) {
      case "LookupDeclaration": {
        const model = this.model(file, declaration.model);
        for (const field of declaration.matchFields) this.field(file, model, field);
        return;
      }
      case "RecordsDeclaration": {
        const model = this.model(file, declaration.model);
        if (declaration.match !== undefined) this.field(file, model, declaration.match);
        for (const entry of declaration.entries) this.fieldValues(file, model, entry.values);
        return;
      }
      case "TableDeclaration":
        for (const side of [declaration.input, declaration.output])
          if (side.kind === "QualifiedName" && columnValueType(side.value) === undefined) this.model(file, side);
        return;
      case "ExtendDeclaration": {
        const model = this.model(file, declaration.model);
        this.extendItems(file, model, declaration.items);
        return;
      }
      case "MapDeclaration": {
        const model = this.model(file, declaration.model);
        if (declaration.when !== undefined) this.expression(file, declaration.when);
        this.body(file, model, declaration.body);
        if (declaration.fallback !== undefined) this.body(file, this.model(file, declaration.fallback.model), declaration.fallback.body);
        return;
      }
      case "SplitDeclaration":
        if (declaration.when !== undefined) this.expression(file, declaration.when);
        for (const target of declaration.targets) {
          const model = this.model(file, target.model);
          if (target.when !== undefined) this.expression(file, target.when);
          this.body(file, model, target.body);
          if (target.fallback !== undefined) this.body(file, this.model(file, target.fallback.model), target.fallback.body);
        }
        return;
      case "TestDeclaration":
        for (const item of declaration.items) if (item.kind === "ExpectRecord") this.fieldValues(file, this.model(file, item.model), item.values);
        return;
      case "ImportDeclaration":
      case "SourceDeclaration":
      case "MigrationDeclaration":
        return;
    }
  }

  private fieldValues(file: string, model: string | undefined, values: readonly A.FieldValue[]): void {
    for (const value of values) if (value.field.kind === "Name") this.field(file, model, value.field);
  }

  private extendItems(file: string, model: string | undefined, items: readonly A.ExtendItem[]): void {
    for (const item of items) {
      if (item.kind === "TargetIf") {
        this.condition(file, item.condition);
        this.extendItems(file, model, item.then);
        this.elseItems(item.else, (branch) => this.extendItems(file, model, branch));
        continue;
      }
      this.field(file, model, item.name);
      if (item.relation !== undefined) this.model(file, item.relation);
    }
  }

  private elseItems<Item>(otherwise: readonly Item[] | A.TargetIf<Item> | undefined, visit: (items: readonly (Item | A.TargetIf<Item>)[]) => void): void {
    if (otherwise === undefined) return;
    visit(Array.isArray(otherwise) ? (otherwise as readonly Item[]) : [otherwise as A.TargetIf<Item>]);
  }

  private condition(file: string, condition: A.TargetCondition | A.Missing): void {
    if (condition.kind !== "HasCondition" || condition.name.kind === "Missing") return;
    const name = condition.name;
    const dot = name.value.lastIndexOf(".");
    const owner = dot > 0 ? name.value.slice(0, dot) : undefined;
    // `odoo has res.partner.mobile` names a field when its first parts name a model.
    if (this.schema !== undefined && findModel(this.schema, name.value) === undefined && owner !== undefined && findModel(this.schema, owner) !== undefined) {
      const last = name.parts[name.parts.length - 1];
      if (last !== undefined) this.add({ kind: "field", file, range: last.range, model: owner, field: last.value });
      return;
    }
    this.add({ kind: "model", file, range: name.range, model: name.value });
  }

  private body(file: string, model: string | undefined, items: readonly A.BodyItem[]): void {
    for (const item of items) {
      switch (item.kind) {
        case "Assignment":
          this.field(file, model, item.field);
          if (item.value.kind === "EachBlock") {
            const relation = this.schema !== undefined && model !== undefined ? findField(this.schema, model, item.field.value)?.relation : undefined;
            this.body(file, relation, item.value.body);
          } else this.expression(file, item.value);
          break;
        case "WithBlock":
          this.body(file, model, item.body);
          break;
        case "TargetIf":
          this.condition(file, item.condition);
          this.body(file, model, item.then);
          this.elseItems(item.else, (branch) => this.body(file, model, branch as readonly A.BodyItem[]));
          break;
        case "IgnoreStatement":
          break;
      }
    }
  }

  /** Built-ins named in pipeline steps (tables and lookups are references the binder recorded). */
  private expression(file: string, expression: A.Expression): void {
    forEachNode(expression, (node) => {
      if (node.kind !== "CallStep") return;
      const name = node.callee.value;
      const builtin = this.analysis.bound.tables.has(name) || this.analysis.bound.lookups.has(name) ? undefined : findBuiltin(name);
      if (builtin !== undefined) this.add({ kind: "builtin", file, range: node.callee.range, builtin });
    });
  }
}
