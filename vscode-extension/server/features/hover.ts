/**
 * Hover: what the name under the cursor stands for. An Odoo field shows its label, type,
 * relation, required/read-only, help and the Odoo versions that have it; a source column its type,
 * header and file; a built-in its signature and an example; every declared name its declaration.
 */
import { MarkupKind, type Hover } from "vscode-languageserver";
import type { PackageAnalysis } from "../../../compiler/analyze.js";
import { findField, findModel } from "../../../compiler/catalog/index.js";
import { documentFacts } from "../../../compiler/document-facts.js";
import {
  builtinMarkdown,
  fieldMarkdown,
  missingFieldMarkdown,
  modelMarkdown,
  settingMarkdown,
  symbolMarkdown,
  type DescriptionContext,
} from "./descriptions.js";
import { occurrenceAt, type Occurrence } from "./occurrences.js";
import { toLspRange } from "./positions.js";

export function descriptionContext(analysis: PackageAnalysis): DescriptionContext {
  return { series: analysis.target.series, namespace: analysis.target.namespace };
}

function markdownOf(analysis: PackageAnalysis, occurrence: Occurrence): string | undefined {
  const context = descriptionContext(analysis);
  const schema = analysis.schema;
  switch (occurrence.kind) {
    case "symbol": {
      const symbol = occurrence.symbol;
      if (symbol.kind === "custom-field") {
        const field = schema === undefined ? undefined : findField(schema, symbol.model, symbol.name);
        return field === undefined ? symbolMarkdown(symbol, context) : fieldMarkdown(symbol.model, field);
      }
      if (symbol.kind === "setting") return settingMarkdown(symbol, testedValues(analysis, symbol.name));
      return symbolMarkdown(symbol, context);
    }
    case "field": {
      if (occurrence.model === undefined || schema === undefined) return undefined;
      const field = findField(schema, occurrence.model, occurrence.field);
      if (field !== undefined) return fieldMarkdown(occurrence.model, field);
      // Not in the target: say so, and which versions have it (the diagnostic says what to do).
      if (findModel(schema, occurrence.model) === undefined) return undefined;
      return missingFieldMarkdown(occurrence.model, occurrence.field, schema.serie);
    }
    case "model":
      return modelMarkdown(occurrence.model, schema === undefined ? undefined : findModel(schema, occurrence.model), context);
    case "builtin":
      return builtinMarkdown(occurrence.builtin);
  }
}

/** The values the package's `if setting` conditions test `name` with, in the order written. */
function testedValues(analysis: PackageAnalysis, name: string): string[] {
  const conditions = analysis.files.flatMap((file) => documentFacts(file.document).settingConditions);
  return [
    ...new Set(
      conditions.flatMap((node) => (node.name.kind === "Name" && node.name.value === name && node.value.kind === "StringLiteral" ? [node.value.value] : [])),
    ),
  ];
}

/** The hover at `offset` of `file`, from an analysis of the text the editor shows. */
export function hover(analysis: PackageAnalysis, file: string, offset: number): Hover | null {
  const occurrence = occurrenceAt(analysis, file, offset);
  if (occurrence === undefined) return null;
  const value = markdownOf(analysis, occurrence);
  if (value === undefined) return null;
  return { contents: { kind: MarkupKind.Markdown, value }, range: toLspRange(occurrence.range) };
}
