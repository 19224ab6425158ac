/**
 * Every name in a package's files and what it stands for: a symbol the package declares (where it
 * is declared, and every use the compiler resolved to it, also in code the chosen Odoo and
 * settings leave out), an Odoo field or model, or a built-in. Hover, go to definition, find
 * references and rename are all questions to this one index, built from what the binder and the
 * checker recorded (compiler/bound-package.ts) without reading the trees again.
 */
import type { Range } from "../../../language/location.js";
import type { PackageAnalysis } from "../../../compiler/analyze.js";
import type { BoundPackage, ExternalName } from "../../../compiler/bound-package.js";
import type { PackageSymbol } from "../../../compiler/model.js";

interface Located {
  readonly file: string;
  readonly range: Range;
}

/** A name the package declares (its declaration, or a use the compiler resolved to it), or one of Odoo's or Flitmap's it uses. */
export type Occurrence = (Located & { readonly kind: "symbol"; readonly symbol: PackageSymbol; readonly declaration: boolean }) | ExternalName;

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
  const { bound } = analysis;
  const packageFiles = new Set(analysis.files.map((file) => file.path));
  const byFile = new Map<string, Occurrence[]>([...packageFiles].map((file) => [file, []]));
  // A name checked twice (a split's `when`, checked with each of its targets) is one occurrence.
  const seen = new Map<PackageSymbol | ExternalName["kind"], Set<string>>();
  const add = (occurrence: Occurrence): void => {
    if (occurrence.range.end.offset <= occurrence.range.start.offset) return;
    const what = occurrence.kind === "symbol" ? occurrence.symbol : occurrence.kind;
    const place = `${occurrence.file}:${occurrence.range.start.offset}:${occurrence.range.end.offset}`;
    const places = seen.get(what) ?? new Set<string>();
    seen.set(what, places);
    if (places.has(place)) return;
    places.add(place);
    byFile.get(occurrence.file)?.push(occurrence);
  };
  for (const symbol of declaredSymbols(bound)) add({ kind: "symbol", file: symbol.file, range: symbol.nameRange, symbol, declaration: true });
  for (const reference of [...bound.references, ...bound.inactiveReferences])
    add({ kind: "symbol", file: reference.file, range: reference.range, symbol: reference.symbol, declaration: false });
  for (const name of bound.externalNames) add(name);
  for (const occurrences of byFile.values()) occurrences.sort((left, right) => left.range.start.offset - right.range.start.offset);
  return { byFile, packageFiles };
}

/** Every symbol the package declares where its name is written. */
function* declaredSymbols(bound: BoundPackage): Iterable<PackageSymbol> {
  yield* bound.sources.values();
  for (const entity of bound.entities.values()) {
    yield entity;
    yield* entity.columns.values();
    for (const group of entity.groups.values()) {
      yield group;
      yield* group.columns.values();
    }
  }
  yield* bound.lookups.values();
  yield* bound.tables.values();
  yield* bound.steps.values();
  for (const records of bound.records.values()) yield* records.values();
  yield* bound.customFields;
  yield* bound.inactiveCustomFields;
  yield* bound.settings.values();
  // An alias not written is the entity's name in the header: that name is the entity's there.
  for (const target of bound.targets) if (target.aliasDeclared && bound.aliases.get(target.alias) === target) yield target;
  for (const target of bound.inactiveTargets) if (target.aliasDeclared) yield target;
  for (const symbol of bound.imports) if (symbol.imported === undefined) yield symbol;
}
