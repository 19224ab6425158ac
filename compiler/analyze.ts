/**
 * The compiler core's entry point for checking: one package (the .flitmap files of a folder) at a
 * time, returning diagnostics per file. The CLI and the language server both call this.
 */
import type { Document } from "../language/ast.js";
import { compareDiagnostics, type Diagnostic } from "../language/diagnostic.js";
import { parse } from "../language/parse.js";

export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

export interface ParsedFile {
  readonly path: string;
  readonly text: string;
  readonly document: Document;
  readonly syntaxDiagnostics: readonly Diagnostic[];
}

export interface PackageAnalysis {
  readonly files: readonly ParsedFile[];
  readonly diagnostics: readonly Diagnostic[];
}

export function parseFiles(files: readonly SourceFile[]): ParsedFile[] {
  return files.map((file) => {
    const { document, diagnostics } = parse(file.text, file.path);
    return { path: file.path, text: file.text, document, syntaxDiagnostics: diagnostics };
  });
}

export function analyzePackage(files: readonly SourceFile[]): PackageAnalysis {
  const parsed = parseFiles(files);
  const diagnostics = parsed.flatMap((file) => file.syntaxDiagnostics);
  return { files: parsed, diagnostics: [...diagnostics].sort(compareDiagnostics) };
}
