/**
 * Workspace symbols: the names declared in every `.flitmap` file of the workspace, matched against
 * what the user typed the way VS Code matches (the query's characters in order, any case).
 */
import { SymbolKind, type DocumentSymbol, type SymbolInformation } from "vscode-languageserver";
import type { Document } from "../../../language/ast.js";
import { documentSymbols } from "./document-symbols.js";

export interface WorkspaceFile {
  readonly uri: string;
  readonly document: Document;
}

/** Whether `query`'s characters appear in `name` in order, ignoring case ("mpRes" matches "map Res"). */
export function matchesQuery(name: string, query: string): boolean {
  const haystack = name.toLowerCase();
  let from = 0;
  for (const character of query.toLowerCase()) {
    if (character === " ") continue;
    const found = haystack.indexOf(character, from);
    if (found < 0) return false;
    from = found + 1;
  }
  return true;
}

/**
 * Declarations and what they declare. Maps (structs) declare nothing but their alias, and the
 * fields they set (properties) are Odoo's names, not the package's: both stay out of the list.
 */
function collect(symbols: readonly DocumentSymbol[], uri: string, container: string | undefined, into: SymbolInformation[]): void {
  for (const symbol of symbols) {
    if (symbol.kind === SymbolKind.Property) continue;
    const information: SymbolInformation = { name: symbol.name, kind: symbol.kind, location: { uri, range: symbol.selectionRange } };
    if (container !== undefined) information.containerName = container;
    into.push(information);
    if (symbol.kind !== SymbolKind.Struct && symbol.children !== undefined) collect(symbol.children, uri, symbol.name, into);
  }
}

export function workspaceSymbols(files: readonly WorkspaceFile[], query: string): SymbolInformation[] {
  const all: SymbolInformation[] = [];
  for (const file of files) collect(documentSymbols(file.document), file.uri, undefined, all);
  return all.filter((information) => matchesQuery(information.name, query));
}
