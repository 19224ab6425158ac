/**
 * The outline of one file: every declaration, and inside it what it declares (entities and
 * columns of a source, entries of a records block, fields set by a map, targets of a split).
 */
import { SymbolKind, type DocumentSymbol } from "vscode-languageserver";
import type * as A from "../../../language/ast.js";
import { toLspRange } from "./positions.js";

const UNNAMED = "(unnamed)";

function nameOf(node: A.Name | A.QualifiedName | A.StringLiteral | A.Missing | undefined): string {
  if (node === undefined || node.kind === "Missing") return UNNAMED;
  return node.value === "" ? UNNAMED : node.value;
}

function symbol(name: string, kind: SymbolKind, node: { readonly range: A.Node["range"] }, nameNode: { readonly range: A.Node["range"] } | undefined, detail?: string, children?: DocumentSymbol[]): DocumentSymbol {
  const range = toLspRange(node.range);
  // A broken declaration may lack its name: select the declaration's start instead.
  const selectionRange = toLspRange(nameNode !== undefined && nameNode.range.end.offset > nameNode.range.start.offset ? nameNode.range : { start: node.range.start, end: node.range.start });
  const result: DocumentSymbol = { name, kind, range, selectionRange };
  if (detail !== undefined && detail !== "") result.detail = detail;
  if (children !== undefined && children.length > 0) result.children = children;
  return result;
}

function columnSymbol(column: A.ColumnDeclaration): DocumentSymbol {
  return symbol(column.name.value, SymbolKind.Field, column, column.name, column.type.kind === "Missing" ? undefined : column.type.value);
}

function entityItemSymbols(items: readonly A.EntityItem[]): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  for (const item of items) {
    if (item.kind === "ColumnDeclaration") symbols.push(columnSymbol(item));
    else if (item.kind === "ColumnGroup") {
      const bounds = item.from.kind === "Missing" || item.to.kind === "Missing" ? undefined : `[${item.from.raw}..${item.to.raw}]`;
      symbols.push(symbol(nameOf(item.name), SymbolKind.Array, item, item.name, bounds, item.columns.map(columnSymbol)));
    }
  }
  return symbols;
}

function sourceItemSymbols(items: readonly A.SourceItem[]): DocumentSymbol[] {
  return items
    .filter((item): item is A.EntityDeclaration => item.kind === "EntityDeclaration")
    .map((entity) => symbol(nameOf(entity.name), SymbolKind.Class, entity, entity.name, entity.pattern.kind === "Missing" ? undefined : entity.pattern.value, entityItemSymbols(entity.items)));
}

/** The items of both branches of `if odoo ...`, as if written in the enclosing block. */
function flattenTargetIf<Item extends { readonly kind: string }>(items: readonly (Item | A.TargetIf<Item>)[]): Item[] {
  const flat: Item[] = [];
  for (const item of items) {
    if (item.kind !== "TargetIf") {
      flat.push(item as Item);
      continue;
    }
    const branch = item as A.TargetIf<Item>;
    flat.push(...flattenTargetIf<Item>(branch.then));
    const otherwise = branch.else;
    if (otherwise === undefined) continue;
    if (Array.isArray(otherwise)) flat.push(...flattenTargetIf<Item>(otherwise as readonly (Item | A.TargetIf<Item>)[]));
    else flat.push(...flattenTargetIf<Item>([otherwise as A.TargetIf<Item>]));
  }
  return flat;
}

function bodySymbols(body: readonly A.BodyItem[]): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  for (const item of flattenTargetIf<A.BodyItem>(body)) {
    if (item.kind === "Assignment") {
      if (item.value.kind === "EachBlock") {
        const each = item.value;
        symbols.push(symbol(item.field.value, SymbolKind.Property, item, item.field, `each ${nameOf(each.entity)}`, bodySymbols(each.body)));
      } else {
        symbols.push(symbol(item.field.value, SymbolKind.Property, item, item.field));
      }
    } else if (item.kind === "WithBlock") {
      symbols.push(...bodySymbols(item.body));
    }
  }
  return symbols;
}

function fallbackSymbols(fallback: A.FallbackTarget | undefined): DocumentSymbol[] {
  if (fallback === undefined) return [];
  return [symbol(`fallback ${nameOf(fallback.model)}`, SymbolKind.Object, fallback, fallback.model, undefined, bodySymbols(fallback.body))];
}

function declarationSymbol(declaration: A.Declaration): DocumentSymbol {
  switch (declaration.kind) {
    case "ImportDeclaration":
      return symbol(`import ${declaration.names.map((name) => name.value).join(", ")}`, SymbolKind.Module, declaration, declaration.names[0], declaration.from.kind === "Missing" ? undefined : `from "${declaration.from.value}"`);
    case "MigrationDeclaration": {
      const target = declaration.items.find((item): item is A.TargetSetting => item.kind === "TargetSetting");
      const series = target?.series !== undefined && target.series.kind !== "Missing" ? `odoo ${target.series.value}` : target?.schemaFile !== undefined && target.schemaFile.kind !== "Missing" ? `schema ${target.schemaFile.value}` : undefined;
      return symbol(nameOf(declaration.name), SymbolKind.Module, declaration, declaration.name, series);
    }
    case "SourceDeclaration":
      return symbol(nameOf(declaration.name), SymbolKind.Namespace, declaration, declaration.name, "source", sourceItemSymbols(declaration.items));
    case "LookupDeclaration":
      return symbol(nameOf(declaration.name), SymbolKind.Function, declaration, declaration.name, `lookup in ${nameOf(declaration.model)}`);
    case "RecordsDeclaration":
      return symbol(
        nameOf(declaration.model),
        SymbolKind.Enum,
        declaration,
        declaration.model,
        "records",
        declaration.entries.map((entry) => symbol(entry.name.value, SymbolKind.EnumMember, entry, entry.name, entry.existing !== undefined && entry.existing.kind !== "Missing" ? `existing ${entry.existing.value}` : undefined)),
      );
    case "TableDeclaration":
      return symbol(nameOf(declaration.name), SymbolKind.Function, declaration, declaration.name, `table ${nameOf(declaration.input)} -> ${nameOf(declaration.output)}`);
    case "StepDeclaration":
      return symbol(nameOf(declaration.name), SymbolKind.Function, declaration, declaration.name, "step");
    case "ExtendDeclaration":
      return symbol(
        nameOf(declaration.model),
        SymbolKind.Interface,
        declaration,
        declaration.model,
        "extend",
        flattenTargetIf<A.CustomFieldDeclaration>(declaration.items as readonly (A.CustomFieldDeclaration | A.TargetIf<A.CustomFieldDeclaration>)[]).map((field) =>
          symbol(field.name.value, SymbolKind.Field, field, field.name, field.type.kind === "Missing" ? undefined : field.type.value),
        ),
      );
    case "MapDeclaration":
      return symbol(
        `${nameOf(declaration.entity)} -> ${nameOf(declaration.model)}`,
        SymbolKind.Struct,
        declaration,
        declaration.entity,
        declaration.alias === undefined ? "map" : `map as ${declaration.alias.value}`,
        [...bodySymbols(declaration.body), ...fallbackSymbols(declaration.fallback)],
      );
    case "SplitDeclaration":
      return symbol(
        nameOf(declaration.entity),
        SymbolKind.Class,
        declaration,
        declaration.entity,
        "split",
        declaration.targets.map((target) => symbol(target.alias.value, SymbolKind.Object, target, target.alias, nameOf(target.model), [...bodySymbols(target.body), ...fallbackSymbols(target.fallback)])),
      );
    case "TestDeclaration":
      return symbol(nameOf(declaration.name), SymbolKind.Method, declaration, declaration.name, "test");
  }
}

export function documentSymbols(document: A.Document): DocumentSymbol[] {
  return document.declarations.map(declarationSymbol);
}
