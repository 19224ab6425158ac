/**
 * Compiler diagnostics as LSP diagnostics, grouped per file of a package. The server publishes
 * exactly what `analyzePackage` returned (the function `flitmap check` calls), so editor and CLI agree.
 */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from "vscode-languageserver";
import type { Diagnostic, Severity } from "../../../language/diagnostic.js";
import { toLspRange } from "./positions.js";

export const DIAGNOSTIC_SOURCE = "flitmap";

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export function toLspDiagnostic(diagnostic: Diagnostic, uriOf: (file: string) => string): LspDiagnostic {
  const converted: LspDiagnostic = {
    range: toLspRange(diagnostic.range),
    severity: SEVERITIES[diagnostic.severity],
    code: diagnostic.code,
    source: DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
  };
  if (diagnostic.related !== undefined && diagnostic.related.length > 0) {
    converted.relatedInformation = diagnostic.related.map((related) => ({
      location: { uri: uriOf(related.file), range: toLspRange(related.range) },
      message: related.message,
    }));
  }
  return converted;
}

/**
 * What to publish after analysing a package: every file of the package gets an entry, an empty
 * one when it is clean, so that squiggles of fixed problems disappear. Diagnostics about a file
 * outside `files` (an imported file of another folder) are published too.
 */
export function diagnosticsByFile(
  files: readonly string[],
  diagnostics: readonly Diagnostic[],
  uriOf: (file: string) => string,
): Map<string, LspDiagnostic[]> {
  const byUri = new Map<string, LspDiagnostic[]>(files.map((file) => [uriOf(file), []]));
  for (const diagnostic of diagnostics) {
    const uri = uriOf(diagnostic.file);
    const list = byUri.get(uri);
    const converted = toLspDiagnostic(diagnostic, uriOf);
    if (list === undefined) byUri.set(uri, [converted]);
    else list.push(converted);
  }
  return byUri;
}
