/**
 * Go to definition, find references and document highlights, for every name the package
 * declares (entities, columns, groups, aliases, tables, lookups, records, custom fields, sources,
 * imports). Each symbol knows where it is declared; the compiler records every use it resolved.
 */
import { DocumentHighlightKind, type DocumentHighlight, type Location } from "vscode-languageserver";
import type { PackageAnalysis } from "../../../compiler/analyze.js";
import type { PackageSymbol } from "../../../compiler/model.js";
import type { Range } from "../../../language/location.js";
import { meaningOf, occurrenceAt, occurrencesOf, settingOccurrences } from "./occurrences.js";
import { toLspRange } from "./positions.js";

/** The symbol the name at `offset` stands for, when the package declares it. */
export function symbolAt(analysis: PackageAnalysis, file: string, offset: number): PackageSymbol | undefined {
  const occurrence = occurrenceAt(analysis, file, offset);
  return occurrence?.kind === "symbol" ? occurrence.symbol : undefined;
}

export function definition(analysis: PackageAnalysis, file: string, offset: number, uriOf: (file: string) => string): Location[] {
  const occurrence = occurrenceAt(analysis, file, offset);
  if (occurrence?.kind === "setting") {
    return settingOccurrences(analysis, occurrence.name)
      .filter((candidate) => candidate.kind === "setting" && candidate.declaration)
      .map((candidate) => ({ uri: uriOf(candidate.file), range: toLspRange(candidate.range) }));
  }
  const symbol = symbolAt(analysis, file, offset);
  if (symbol === undefined) return [];
  const declared = meaningOf(symbol);
  return [{ uri: uriOf(declared.file), range: toLspRange(declared.nameRange) }];
}

/**
 * Every use of the symbol at `offset` in the package's files (an imported name counts as the
 * symbol it imports), and its declaration when `includeDeclaration`, in file and text order.
 */
export function references(analysis: PackageAnalysis, file: string, offset: number, includeDeclaration: boolean, uriOf: (file: string) => string): Location[] {
  const at = occurrenceAt(analysis, file, offset);
  const locations: { file: string; range: Range }[] = [];
  if (at?.kind === "setting") {
    for (const occurrence of settingOccurrences(analysis, at.name)) {
      if (includeDeclaration || !(occurrence.kind === "setting" && occurrence.declaration)) locations.push({ file: occurrence.file, range: occurrence.range });
    }
  } else {
    const symbol = symbolAt(analysis, file, offset);
    if (symbol === undefined) return [];
    const meaning = meaningOf(symbol);
    const uses = occurrencesOf(analysis, meaning).filter((occurrence) => !(occurrence.kind === "symbol" && occurrence.declaration));
    locations.push(...uses.map((occurrence) => ({ file: occurrence.file, range: occurrence.range })));
    if (includeDeclaration) locations.push({ file: meaning.file, range: meaning.nameRange });
  }
  const seen = new Set<string>();
  return locations
    .sort((left, right) => (left.file === right.file ? left.range.start.offset - right.range.start.offset : left.file < right.file ? -1 : 1))
    .filter((location) => {
      const key = `${location.file}:${location.range.start.offset}:${location.range.end.offset}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .map((location) => ({ uri: uriOf(location.file), range: toLspRange(location.range) }));
}

/** The declaration and uses of the symbol at `offset` within `file`: the declaration marked as written. */
export function documentHighlights(analysis: PackageAnalysis, file: string, offset: number): DocumentHighlight[] {
  const at = occurrenceAt(analysis, file, offset);
  if (at?.kind === "setting") {
    return settingOccurrences(analysis, at.name)
      .filter((occurrence) => occurrence.file === file)
      .map((occurrence) => ({
        range: toLspRange(occurrence.range),
        kind: occurrence.kind === "setting" && occurrence.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
      }));
  }
  const symbol = symbolAt(analysis, file, offset);
  if (symbol === undefined) return [];
  const meaning = meaningOf(symbol);
  const highlights = occurrencesOf(analysis, meaning)
    .filter((occurrence) => occurrence.file === file)
    .map((occurrence) => ({
      range: toLspRange(occurrence.range),
      kind: occurrence.kind === "symbol" && occurrence.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
    }));
  if (meaning.file === file && !highlights.some((highlight) => highlight.kind === DocumentHighlightKind.Write)) {
    highlights.push({ range: toLspRange(meaning.nameRange), kind: DocumentHighlightKind.Write });
  }
  return highlights.sort((left, right) => left.range.start.line - right.range.start.line || left.range.start.character - right.range.start.character);
}
