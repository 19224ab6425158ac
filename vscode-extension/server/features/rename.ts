/**
 * Rename a name the package declares, in every file of the package. Renaming keeps what the
 * name stood for outside the mapping: a column keeps reading its header (`naam` becomes
 * `name "naam"`), and an entity whose map derives its alias from it keeps that alias (and so
 * the external IDs of its records). Uses in code the chosen Odoo and settings leave out are renamed
 * too, and a custom field or alias declared once per `if` branch is renamed in every branch. Names
 * that are not the package's to rename are refused with a message: Odoo's models and fields,
 * built-ins, keywords, names declared in another package.
 */
import type { IToken } from "chevrotain";
import type { PackageAnalysis } from "../../../compiler/analyze.js";
import { findField } from "../../../compiler/catalog/index.js";
import type { PackageSymbol, TargetSymbol } from "../../../compiler/model.js";
import type { TextEdit } from "../../../language/diagnostic.js";
import { tokenize } from "../../../language/lexer.js";
import type { Range } from "../../../language/location.js";
import { isReservedWord } from "../../../language/tokens.js";
import { meaningOf, namesakes, occurrenceAt, occurrencesOf, type Occurrence } from "./occurrences.js";

export type RenameTarget = { readonly range: Range; readonly placeholder: string } | { readonly refused: string };

export type RenameResult = { readonly edits: readonly TextEdit[] } | { readonly refused: string };

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

const WHAT: Record<PackageSymbol["kind"], string> = {
  source: "source",
  entity: "entity",
  column: "column",
  group: "column group",
  lookup: "lookup",
  table: "table",
  step: "step",
  record: "record",
  "custom-field": "custom field",
  target: "alias",
  setting: "setting",
  import: "imported name",
};

/** Why the name at `offset` cannot be renamed, when it is not a declared name: keyword, Odoo name, built-in. */
function refusalAt(analysis: PackageAnalysis, file: string, offset: number, occurrence: Occurrence | undefined): string {
  if (occurrence?.kind === "field")
    return `${occurrence.model === undefined ? "" : `${occurrence.model}.`}${occurrence.field} is a field of Odoo, not a name of this package: it cannot be renamed here`;
  if (occurrence?.kind === "model") return `${occurrence.model} is a model of Odoo, not a name of this package: it cannot be renamed here`;
  if (occurrence?.kind === "builtin") return `${occurrence.builtin.name} is a built-in step of Flitmap: it cannot be renamed`;
  const text = analysis.files.find((candidate) => candidate.path === file)?.text ?? "";
  const token = tokenAt(text, file, offset);
  if (token !== undefined && token.tokenType.name.startsWith("Keyword_"))
    return `\`${token.image}\` is a keyword of the language: only names this package declares can be renamed`;
  return "only names this package declares can be renamed (entities, columns, aliases, tables, lookups, steps, records, custom fields, sources, settings)";
}

function tokenAt(text: string, file: string, offset: number): IToken | undefined {
  return tokenize(text, file).tokens.find((token) => token.startOffset <= offset && offset <= (token.endOffset ?? token.startOffset) + 1);
}

/** Whether the symbol at `offset` may be renamed, and the range of its name there. */
export function prepareRename(analysis: PackageAnalysis, file: string, offset: number): RenameTarget {
  const occurrence = occurrenceAt(analysis, file, offset);
  if (occurrence?.kind !== "symbol") return { refused: refusalAt(analysis, file, offset, occurrence) };
  const symbol = meaningOf(occurrence.symbol);
  const packageFiles = analysis.files.map((candidate) => candidate.path);
  if (!packageFiles.includes(symbol.file)) {
    return { refused: `${WHAT[symbol.kind]} ${symbol.name} is declared in ${symbol.file}, outside this package: rename it there` };
  }
  return { range: occurrence.range, placeholder: symbol.name };
}

/** Why `newName` cannot be any name: not an identifier, or a reserved word. */
function nameProblem(newName: string): string | undefined {
  if (!NAME.test(newName)) return `"${newName}" is not a name: use letters, digits and underscores, not starting with a digit`;
  if (isReservedWord(newName)) return `\`${newName}\` is a reserved word of the language and cannot be a name`;
  return undefined;
}

/** Why `newName` cannot be the symbol's new name, or undefined when it can. */
function conflict(analysis: PackageAnalysis, symbol: PackageSymbol, newName: string): string | undefined {
  const problem = nameProblem(newName);
  if (problem !== undefined) return problem;
  const { bound } = analysis;
  const taken = (what: string): string => `${newName} is already ${what}: choose another name`;
  switch (symbol.kind) {
    case "source":
      return bound.sources.has(newName) ? taken("a source") : undefined;
    case "entity":
      return bound.entities.has(newName) ? taken("an entity") : undefined;
    case "column":
    case "group": {
      const siblings = symbol.kind === "column" && symbol.group !== undefined ? symbol.group.columns : undefined;
      const inEntity = symbol.entity.columns.has(newName) || symbol.entity.groups.has(newName);
      return (siblings?.has(newName) ?? inEntity) ? taken(`a column of ${symbol.entity.name}`) : undefined;
    }
    case "lookup":
    case "table":
    case "step":
    case "import":
      return bound.tables.has(newName) || bound.lookups.has(newName) || bound.steps.has(newName) ? taken("a table, lookup or step") : undefined;
    case "record":
      return bound.records.get(symbol.model)?.has(newName) === true ? taken(`a ${symbol.model} record`) : undefined;
    case "target":
      return bound.aliases.has(newName) || bound.inactiveTargets.some((target) => target.alias === newName) ? taken("an alias") : undefined;
    case "custom-field":
      if (!/^x_[a-z0-9_]+$/.test(newName))
        return `a custom field's name starts with "x_" and has lower-case letters, digits and underscores (Odoo refuses "${newName}")`;
      if (bound.inactiveCustomFields.some((field) => field.model === symbol.model && field.name === newName)) return taken(`a custom field of ${symbol.model}`);
      return analysis.schema !== undefined && findField(analysis.schema, symbol.model, newName) !== undefined ? taken(`a field of ${symbol.model}`) : undefined;
    case "setting":
      // A command line or CI script that names it (`--set old=...`) is outside the package and must follow by hand.
      return bound.settings.has(newName) ? taken("a setting") : undefined;
  }
}

/** ` as alias` written after a map's model, or after an `each` block's `by` column. */
function aliasInsertion(target: TargetSymbol, alias: string): TextEdit | undefined {
  const declaration = target.declaration;
  const anchor = declaration.kind === "MapDeclaration" ? declaration.model : declaration.kind === "EachBlock" ? declaration.by : undefined;
  if (anchor === undefined || anchor.kind === "Missing") return undefined;
  return { file: target.file, range: { start: anchor.range.end, end: anchor.range.end }, newText: ` as ${alias}` };
}

/** The edits renaming the symbol at `offset` to `newName`, in every file of the package. */
export function rename(analysis: PackageAnalysis, file: string, offset: number, newName: string): RenameResult {
  const prepared = prepareRename(analysis, file, offset);
  if ("refused" in prepared) return prepared;
  const occurrence = occurrenceAt(analysis, file, offset);
  if (occurrence?.kind !== "symbol") return { refused: "nothing to rename here" };
  const symbol = meaningOf(occurrence.symbol);
  if (newName === symbol.name) return { edits: [] };
  const problem = conflict(analysis, symbol, newName);
  if (problem !== undefined) return { refused: problem };
  const packageFiles = new Set(analysis.files.map((candidate) => candidate.path));
  const edits: TextEdit[] = [];
  const uses = occurrencesOf(analysis, symbol).filter((use) => packageFiles.has(use.file) && !(use.kind === "symbol" && use.declaration));
  for (const use of uses) edits.push({ file: use.file, range: use.range, newText: newName });

  for (const declared of namesakes(analysis, symbol)) {
    if (declared.kind === "target" && !declared.aliasDeclared) {
      // The alias was derived from the entity's name: it gets written, the entity keeps its name.
      const insertion = aliasInsertion(declared, newName);
      if (insertion === undefined)
        return { refused: `the alias ${declared.name} is not written in the mapping and cannot be added here: write \`as ${newName}\` yourself` };
      edits.push(insertion);
    } else if (declared.kind === "column" && declared.declaration.header === undefined) {
      // The header in the export stays what it was: the column's old name becomes its header string.
      edits.push({ file: declared.file, range: declared.nameRange, newText: `${newName} "${declared.name}"` });
    } else {
      edits.push({ file: declared.file, range: declared.nameRange, newText: newName });
    }
  }
  if (symbol.kind === "entity") {
    // A map whose alias is derived from the entity's name keeps that alias, and so its records' external IDs.
    for (const target of [...analysis.bound.targets, ...analysis.bound.inactiveTargets]) {
      if (target.entity !== symbol || target.aliasDeclared || target.role !== "map" || !packageFiles.has(target.file)) continue;
      const insertion = aliasInsertion(target, target.alias);
      if (insertion !== undefined) edits.push(insertion);
    }
  }
  return {
    edits: dedupe(edits).sort((left, right) =>
      left.file === right.file ? left.range.start.offset - right.range.start.offset : left.file < right.file ? -1 : 1,
    ),
  };
}

function dedupe(edits: readonly TextEdit[]): TextEdit[] {
  const seen = new Set<string>();
  return edits.filter((edit) => {
    const key = `${edit.file}:${edit.range.start.offset}:${edit.range.end.offset}:${edit.newText}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
