/**
 * Go to definition, find references and document highlights, for every name the package
 * declares (sources, entities, columns, groups, aliases, tables, lookups, records, custom fields,
 * settings, imports). Each symbol knows where it is declared; the compiler records every use it
 * resolved, also in code the chosen Odoo and settings leave out.
 */
import { DocumentHighlightKind, type DocumentHighlight, type Location } from "vscode-languageserver";
import type { PackageAnalysis } from "../../../compiler/analyze.js";
import type { PackageSymbol } from "../../../compiler/model.js";
import type { Range } from "../../../language/location.js";
import { meaningOf, namesakes, occurrenceAt, occurrencesOf } from "./occurrences.js";
import { toLspRange } from "./positions.js";

/** The symbol the name at `offset` stands for, when the package declares it. */
export function symbolAt(analysis: PackageAnalysis, file: string, offset: number): PackageSymbol | undefined {
  const occurrence = occurrenceAt(analysis, file, offset);
  return occurrence?.kind === "symbol" ? occurrence.symbol : undefined;
}

function byPlace(left: { file: string; range: Range }, right: { file: string; range: Range }): number {
  return left.file === right.file ? left.range.start.offset - right.range.start.offset : left.file < right.file ? -1 : 1;
}

/** Where the name at `offset` is declared: the declaration it resolves to, then its namesakes under other `if` branches. */
export function definition(analysis: PackageAnalysis, file: string, offset: number, uriOf: (file: string) => string): Location[] {
  const symbol = symbolAt(analysis, file, offset);
  if (symbol === undefined) return [];
  return namesakes(analysis, meaningOf(symbol)).map((declared) => ({ uri: uriOf(declared.file), range: toLspRange(declared.nameRange) }));
}

/**
 * Every use of the symbol at `offset` in the package's files (an imported name counts as the
 * symbol it imports), and its declarations when `includeDeclaration`, in file and text order.
 */
export function references(analysis: PackageAnalysis, file: string, offset: number, includeDeclaration: boolean, uriOf: (file: string) => string): Location[] {
  const symbol = symbolAt(analysis, file, offset);
  if (symbol === undefined) return [];
  const meaning = meaningOf(symbol);
  const locations: { file: string; range: Range }[] = occurrencesOf(analysis, meaning)
    .filter((occurrence) => !(occurrence.kind === "symbol" && occurrence.declaration))
    .map((occurrence) => ({ file: occurrence.file, range: occurrence.range }));
  if (includeDeclaration) locations.push(...namesakes(analysis, meaning).map((declared) => ({ file: declared.file, range: declared.nameRange })));
  const seen = new Set<string>();
  return locations
    .sort(byPlace)
    .filter((location) => {
      const key = `${location.file}:${location.range.start.offset}:${location.range.end.offset}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((location) => ({ uri: uriOf(location.file), range: toLspRange(location.range) }));
}

/** The declarations and uses of the symbol at `offset` within `file`: declarations marked as written. */
export function documentHighlights(analysis: PackageAnalysis, file: string, offset: number): DocumentHighlight[] {
  const symbol = symbolAt(analysis, file, offset);
  if (symbol === undefined) return [];
  const meaning = meaningOf(symbol);
  const highlights = new Map<number, DocumentHighlight & { offset: number }>();
  for (const occurrence of occurrencesOf(analysis, meaning)) {
    if (occurrence.file !== file || occurrence.kind !== "symbol") continue;
    const kind = occurrence.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read;
    if (highlights.get(occurrence.range.start.offset)?.kind === DocumentHighlightKind.Write) continue;
    highlights.set(occurrence.range.start.offset, { range: toLspRange(occurrence.range), kind, offset: occurrence.range.start.offset });
  }
  // An alias not written (the entity's name) is declared where the map's header names the entity.
  for (const declared of namesakes(analysis, meaning)) {
    if (declared.file === file && !highlights.has(declared.nameRange.start.offset))
      highlights.set(declared.nameRange.start.offset, {
        range: toLspRange(declared.nameRange),
        kind: DocumentHighlightKind.Write,
        offset: declared.nameRange.start.offset,
      });
  }
  return [...highlights.values()].sort((left, right) => left.offset - right.offset).map(({ range, kind }) => ({ range, kind }));
}
