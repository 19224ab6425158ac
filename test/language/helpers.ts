import type { Declaration, Document } from "../../language/ast.js";
import type { Diagnostic } from "../../language/diagnostic.js";
import { parse } from "../../language/parse.js";
import { print } from "../../language/printer.js";

/** The tree without source ranges, for comparing structure. */
export function withoutRanges(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRanges);
  if (value !== null && typeof value === "object") {
    const copy: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) {
      if (key === "range") continue;
      copy[key] = withoutRanges(entry);
    }
    return copy;
  }
  return value;
}

/** Parses text that must be free of errors and returns its declarations. */
export function parseClean(text: string): readonly Declaration[] {
  const result = parse(text, "test.flitmap");
  if (result.diagnostics.length > 0) {
    throw new Error(`unexpected diagnostics:\n${result.diagnostics.map(describeDiagnostic).join("\n")}`);
  }
  return result.document.declarations;
}

export function onlyDeclaration(text: string): unknown {
  const declarations = parseClean(text);
  if (declarations.length !== 1) throw new Error(`expected one declaration, got ${declarations.length}`);
  return withoutRanges(declarations[0]);
}

export function describeDiagnostic(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${start.line}:${start.column}-${end.line}:${end.column} ${diagnostic.code} ${diagnostic.message}`;
}

export function diagnosticsOf(text: string): string[] {
  return parse(text, "test.flitmap").diagnostics.map(describeDiagnostic);
}

export function format(text: string): string {
  const result = parse(text, "test.flitmap");
  if (result.diagnostics.length > 0) throw new Error(result.diagnostics.map(describeDiagnostic).join("\n"));
  return print(result.document, { text });
}

export function documentOf(text: string): Document {
  return parse(text, "test.flitmap").document;
}

/** Helpers for building expected trees without ranges. */
export const n = (value: string) => ({ kind: "Name", value });
export const q = (value: string) => ({ kind: "QualifiedName", parts: value.split(".").map(n), value });
export const s = (value: string) => ({ kind: "StringLiteral", value });
export const num = (raw: string) => ({ kind: "NumberLiteral", value: Number(raw), raw });
export const bool = (value: boolean) => ({ kind: "BooleanLiteral", value });
export const col = (...parts: string[]) => ({ kind: "ColumnPath", parts: parts.map(n) });
export const ref = (value: string) => ({ kind: "NameReference", name: n(value) });
