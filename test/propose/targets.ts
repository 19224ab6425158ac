/**
 * What each source column of a package lands in, read from the package's syntax trees: for the
 * comparison of `flitmap init`'s proposal with a hand-written mapping (or the interim reference
 * in expected-targets.ts). A column's targets are the `model.field`s whose expressions read it
 * (`custom` for any custom field), `ignore`, `key` and `modified`.
 */
import picomatch from "picomatch";
import type * as A from "../../language/ast.js";
import { parse } from "../../language/parse.js";
import { findModel, type OdooSchema } from "../../compiler/catalog/index.js";
import type { ExpectedTargets } from "./expected-targets.js";

interface EntityColumns {
  readonly name: string;
  readonly pattern: string;
  /** Column name (`name`, `contact.name` for a group column) → header. */
  readonly headers: Map<string, string>;
  /** Header → targets. */
  readonly targets: Map<string, Set<string>>;
}

export interface PackageTargets {
  readonly entities: readonly EntityColumns[];
}

function columnPaths(node: unknown, found: A.ColumnPath[]): void {
  if (Array.isArray(node)) {
    for (const item of node) columnPaths(item, found);
    return;
  }
  if (node === null || typeof node !== "object") return;
  const candidate = node as { kind?: unknown };
  if (candidate.kind === "ColumnPath") {
    found.push(node as A.ColumnPath);
    return;
  }
  for (const [key, value] of Object.entries(node)) if (key !== "range") columnPaths(value, found);
}

/** Reads every entity's columns and what the package's maps and splits do with them. */
export function packageTargets(texts: readonly string[], schema: OdooSchema): PackageTargets {
  const documents = texts.map((text, index) => parse(text, `file${index}.flitmap`).document);
  const entities = new Map<string, EntityColumns>();
  for (const document of documents) {
    for (const declaration of document.declarations) {
      if (declaration.kind !== "SourceDeclaration") continue;
      for (const item of declaration.items) {
        if (item.kind !== "EntityDeclaration" || item.name.kind !== "Name" || item.pattern.kind !== "StringLiteral") continue;
        const entity: EntityColumns = { name: item.name.value, pattern: item.pattern.value, headers: new Map(), targets: new Map() };
        const add = (column: A.ColumnDeclaration, prefix: string): void => {
          const header = column.header?.value ?? column.name.value;
          entity.headers.set(`${prefix}${column.name.value}`, header);
          const targets = new Set<string>();
          if (column.modifiers.some((modifier) => modifier.kind === "ColumnModifier" && modifier.keyword === "modified")) targets.add("modified");
          entity.targets.set(header, targets);
        };
        for (const entry of item.items) {
          if (entry.kind === "ColumnDeclaration") add(entry, "");
          if (entry.kind === "ColumnGroup" && entry.name.kind === "Name") for (const column of entry.columns) add(column, `${entry.name.value}.`);
        }
        for (const key of item.key) {
          const header = entity.headers.get(key.value);
          if (header !== undefined) entity.targets.get(header)?.add("key");
        }
        entities.set(entity.name, entity);
      }
    }
  }
  const record = (entityName: string, path: readonly string[], target: string): void => {
    const entity = entities.get(entityName);
    if (entity === undefined) return;
    const header = entity.headers.get(path.join("."));
    if (header !== undefined) entity.targets.get(header)?.add(target);
  };
  const targetOf = (model: string, field: string): string => (field.startsWith("x_") ? "custom" : `${model}.${field}`);
  const walk = (items: readonly A.BodyItem[], entity: string, model: string, outerLets: ReadonlyMap<string, A.ColumnPath[]> = new Map()): void => {
    // A let's columns feed the fields that read it.
    const lets = new Map(outerLets);
    for (const item of items) {
      if (item.kind !== "LetStatement") continue;
      const read: A.ColumnPath[] = [];
      columnPaths(item.value, read);
      lets.set(item.name.value, read);
    }
    const expanded = (paths: readonly A.ColumnPath[], seen: ReadonlySet<string> = new Set()): A.ColumnPath[] =>
      paths.flatMap((path) => {
        const name = path.parts.length === 1 ? (path.parts[0]?.value ?? "") : "";
        const read = lets.get(name);
        return read === undefined || seen.has(name) ? [path] : expanded(read, new Set([...seen, name]));
      });
    for (const item of items) {
      if (item.kind === "IgnoreStatement") {
        for (const column of item.columns)
          record(
            entity,
            column.parts.map((part) => part.value),
            "ignore",
          );
      } else if (item.kind === "TargetIf") {
        walk(item.then, entity, model, lets);
        if (item.else !== undefined) walk(Array.isArray(item.else) ? item.else : [item.else as A.TargetIf<A.BodyItem>], entity, model, lets);
      } else if (item.kind === "WithBlock") {
        if (item.entity.kind === "Name") walk(item.body, item.entity.value, model);
      } else if (item.kind === "Assignment") {
        const field = item.field.value;
        if (item.value.kind === "EachBlock") {
          const child = item.value.entity.kind === "Name" ? item.value.entity.value : "";
          const relation = findModel(schema, model)?.fields[field]?.relation ?? "";
          if (item.value.by.kind === "Name") record(child, [item.value.by.value], `${model}.${field}`);
          walk(item.value.body, child, relation);
          continue;
        }
        const written: A.ColumnPath[] = [];
        columnPaths(item.value, written);
        for (const path of expanded(written))
          record(
            entity,
            path.parts.map((part) => part.value),
            targetOf(model, field),
          );
      }
    }
  };
  for (const document of documents) {
    for (const declaration of document.declarations) {
      if (declaration.kind === "MapDeclaration" && declaration.entity.kind === "Name" && declaration.model.kind === "QualifiedName") {
        walk(declaration.body, declaration.entity.value, declaration.model.value);
        if (declaration.fallback !== undefined && declaration.fallback.model.kind === "QualifiedName")
          walk(declaration.fallback.body, declaration.entity.value, declaration.fallback.model.value);
      }
      if (declaration.kind === "SplitDeclaration" && declaration.entity.kind === "Name") {
        for (const target of declaration.targets) if (target.model.kind === "QualifiedName") walk(target.body, declaration.entity.value, target.model.value);
      }
    }
  }
  return { entities: [...entities.values()] };
}

/** The entity of a package that reads an export file. */
export function entityReading(targets: PackageTargets, file: string): EntityColumns | undefined {
  return targets.entities.find((entity) => picomatch(entity.pattern)(file));
}

export interface Comparison {
  readonly compared: number;
  readonly equal: number;
  readonly share: number;
  /** `file: header → proposed (reference)` for each column that differs. */
  readonly differences: readonly string[];
}

function agree(proposed: ReadonlySet<string>, accepted: readonly string[]): boolean {
  return accepted.some((target) => proposed.has(target));
}

/** Compares a proposal with the interim reference: a column counts as equal when one of its targets is accepted. */
export function compareWithExpected(proposal: PackageTargets, expected: ExpectedTargets): Comparison {
  let compared = 0;
  let equal = 0;
  const differences: string[] = [];
  for (const [file, headers] of Object.entries(expected)) {
    const entity = entityReading(proposal, file);
    for (const [header, accepted] of Object.entries(headers)) {
      compared++;
      const proposed = entity?.targets.get(header) ?? new Set<string>();
      if (agree(proposed, accepted)) equal++;
      else differences.push(`${file}: ${header} → ${[...proposed].join(", ") || "nothing"} (expected ${accepted.join(" or ")})`);
    }
  }
  return { compared, equal, share: compared === 0 ? 0 : equal / compared, differences };
}

/** Compares a proposal with a hand-written package, over every column the hand-written package declares. */
export function compareWithPackage(proposal: PackageTargets, reference: PackageTargets, files: readonly string[], label = "shipped"): Comparison {
  let compared = 0;
  let equal = 0;
  const differences: string[] = [];
  for (const file of files) {
    const shipped = entityReading(reference, file);
    const proposed = entityReading(proposal, file);
    if (shipped === undefined) continue;
    for (const [header, targets] of shipped.targets) {
      if (targets.size === 0) continue;
      compared++;
      const mine = proposed?.targets.get(header) ?? new Set<string>();
      if (agree(mine, [...targets])) equal++;
      else differences.push(`${file}: ${header} → ${[...mine].join(", ") || "nothing"} (${label}: ${[...targets].join(", ")})`);
    }
  }
  return { compared, equal, share: compared === 0 ? 0 : equal / compared, differences };
}

/** How a package turns an entity into records: a map or a split, and the models of its targets. */
export interface EntityShape {
  readonly declaration: "map" | "split" | "none";
  /** The models of its targets, sorted (`res.partner, res.partner` for a split relation). */
  readonly models: readonly string[];
}

/** Each entity's shape, by name. */
export function packageShapes(texts: readonly string[]): Map<string, EntityShape> {
  const shapes = new Map<string, EntityShape>();
  for (const text of texts) {
    for (const declaration of parse(text, "shape.flitmap").document.declarations) {
      if (declaration.kind === "MapDeclaration" && declaration.entity.kind === "Name" && declaration.model.kind === "QualifiedName") {
        const previous = shapes.get(declaration.entity.value);
        // A second map of the same entity under a setting (tags made from companies) is an option, not its shape.
        if (previous === undefined) shapes.set(declaration.entity.value, { declaration: "map", models: [declaration.model.value] });
      }
      if (declaration.kind === "SplitDeclaration" && declaration.entity.kind === "Name") {
        const models = declaration.targets.flatMap((target) => (target.model.kind === "QualifiedName" ? [target.model.value] : [])).sort();
        shapes.set(declaration.entity.value, { declaration: "split", models });
      }
    }
  }
  return shapes;
}

/**
 * Whether a proposal has the hand-written package's structure, file by file: each entity a map or
 * a split into the same models, and every column the package uses to link migrated records (a
 * many2one, many2many or `res_id` pointing to a model some entity is loaded into) linking the same
 * field in the proposal. Returns what differs.
 */
export function compareStructure(
  proposal: { readonly texts: readonly string[]; readonly targets: PackageTargets },
  reference: { readonly texts: readonly string[]; readonly targets: PackageTargets },
  files: readonly string[],
  schema: OdooSchema,
): string[] {
  const mineShapes = packageShapes(proposal.texts);
  const theirShapes = packageShapes(reference.texts);
  const loadedModels = new Set([...theirShapes.values()].flatMap((shape) => shape.models));
  const isLink = (target: string): boolean => {
    const dot = target.lastIndexOf(".");
    const field = findModel(schema, target.slice(0, dot))?.fields[target.slice(dot + 1)];
    if (field === undefined) return false;
    return field.type === "many2one_reference" || (field.relation !== undefined && loadedModels.has(field.relation) && field.type !== "one2many");
  };
  const differences: string[] = [];
  for (const file of files) {
    const theirs = entityReading(reference.targets, file);
    if (theirs === undefined) continue;
    const mine = entityReading(proposal.targets, file);
    const theirShape = theirShapes.get(theirs.name) ?? { declaration: "none", models: [] };
    const myShape = (mine === undefined ? undefined : mineShapes.get(mine.name)) ?? { declaration: "none", models: [] };
    if (theirShape.declaration !== myShape.declaration || theirShape.models.join() !== myShape.models.join()) {
      differences.push(
        `${file}: ${myShape.declaration} ${myShape.models.join(", ")} (hand-written: ${theirShape.declaration} ${theirShape.models.join(", ")})`,
      );
    }
    for (const [header, targets] of theirs.targets) {
      const links = [...targets].filter(isLink);
      if (links.length === 0) continue;
      const proposed = mine?.targets.get(header) ?? new Set<string>();
      if (!agree(proposed, links)) differences.push(`${file}: ${header} links ${[...proposed].join(", ") || "nothing"} (hand-written: ${links.join(", ")})`);
    }
  }
  return differences;
}
