/**
 * How `flitmap check` prints diagnostics: stylish (grouped by file, like eslint), json, sarif
 * (2.1.0, for code-scanning tools) and github (workflow commands that annotate pull requests).
 * Each is a pure function from diagnostics to text.
 */
import { relative } from "node:path";
import type { Diagnostic } from "../language/diagnostic.js";

export type DiagnosticFormat = "stylish" | "json" | "sarif" | "github";
export const DIAGNOSTIC_FORMATS: readonly DiagnosticFormat[] = ["stylish", "json", "sarif", "github"];

export interface FileDiagnostics {
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
}

export interface RuleDescription {
  readonly code: string;
  readonly name: string;
  readonly summary: string;
}

function displayPath(file: string, cwd: string): string {
  const shown = relative(cwd, file);
  return shown === "" || shown.startsWith("..") ? file : shown;
}

function count(files: readonly FileDiagnostics[], severity: Diagnostic["severity"]): number {
  return files.reduce((total, file) => total + file.diagnostics.filter((diagnostic) => diagnostic.severity === severity).length, 0);
}

function plural(amount: number, word: string): string {
  return `${amount} ${word}${amount === 1 ? "" : "s"}`;
}

export function formatStylish(files: readonly FileDiagnostics[], cwd: string): string {
  const lines: string[] = [];
  for (const { file, diagnostics } of files) {
    if (diagnostics.length === 0) continue;
    lines.push(displayPath(file, cwd));
    const positions = diagnostics.map((diagnostic) => `${diagnostic.range.start.line}:${diagnostic.range.start.column}`);
    const positionWidth = Math.max(...positions.map((position) => position.length));
    const severityWidth = Math.max(...diagnostics.map((diagnostic) => diagnostic.severity.length));
    diagnostics.forEach((diagnostic, index) => {
      lines.push(
        `  ${(positions[index] ?? "").padEnd(positionWidth)}  ${diagnostic.severity.padEnd(severityWidth)}  ${diagnostic.message}  ${diagnostic.code}`,
      );
    });
    lines.push("");
  }
  const errors = count(files, "error");
  const warnings = count(files, "warning");
  const infos = count(files, "info");
  const problems = errors + warnings + infos;
  if (problems === 0) return "";
  lines.push(`✖ ${plural(problems, "problem")} (${plural(errors, "error")}, ${plural(warnings, "warning")}${infos > 0 ? `, ${infos} info` : ""})`);
  return `${lines.join("\n")}\n`;
}

export function formatJson(files: readonly FileDiagnostics[]): string {
  const report = files.map(({ file, diagnostics }) => ({
    filePath: file,
    errorCount: diagnostics.filter((diagnostic) => diagnostic.severity === "error").length,
    warningCount: diagnostics.filter((diagnostic) => diagnostic.severity === "warning").length,
    messages: diagnostics.map((diagnostic) => ({
      code: diagnostic.code,
      severity: diagnostic.severity,
      message: diagnostic.message,
      line: diagnostic.range.start.line,
      column: diagnostic.range.start.column,
      endLine: diagnostic.range.end.line,
      endColumn: diagnostic.range.end.column,
      ...(diagnostic.fixes === undefined || diagnostic.fixes.length === 0 ? {} : { fixes: diagnostic.fixes }),
    })),
  }));
  return `${JSON.stringify(report, null, 2)}\n`;
}

const SARIF_LEVEL: Record<Diagnostic["severity"], string> = { error: "error", warning: "warning", info: "note" };

export function formatSarif(files: readonly FileDiagnostics[], cwd: string, rules: readonly RuleDescription[], version: string): string {
  const used = new Set(files.flatMap((file) => file.diagnostics.map((diagnostic) => diagnostic.code)));
  const sarif = {
    version: "2.1.0",
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    runs: [
      {
        tool: {
          driver: {
            name: "flitmap",
            version,
            informationUri: "https://github.com/flitmap/flitmap/blob/main/docs/rules.md",
            rules: rules
              .filter((rule) => used.has(rule.code))
              .map((rule) => ({
                id: rule.code,
                name: rule.name,
                shortDescription: { text: rule.summary },
                helpUri: `https://github.com/flitmap/flitmap/blob/main/docs/rules.md#${rule.code.toLowerCase()}`,
              })),
          },
        },
        results: files.flatMap(({ file, diagnostics }) =>
          diagnostics.map((diagnostic) => ({
            ruleId: diagnostic.code,
            level: SARIF_LEVEL[diagnostic.severity],
            message: { text: diagnostic.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: displayPath(file, cwd).split("\\").join("/") },
                  region: {
                    startLine: diagnostic.range.start.line,
                    startColumn: diagnostic.range.start.column,
                    endLine: diagnostic.range.end.line,
                    endColumn: diagnostic.range.end.column,
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

/** GitHub workflow command escaping: data and property values differ. */
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

const GITHUB_COMMAND: Record<Diagnostic["severity"], string> = { error: "error", warning: "warning", info: "notice" };

export function formatGithub(files: readonly FileDiagnostics[], cwd: string): string {
  const lines = files.flatMap(({ file, diagnostics }) =>
    diagnostics.map((diagnostic) => {
      const properties = [
        `file=${escapeProperty(displayPath(file, cwd))}`,
        `line=${diagnostic.range.start.line}`,
        `col=${diagnostic.range.start.column}`,
        `endLine=${diagnostic.range.end.line}`,
        `endColumn=${diagnostic.range.end.column}`,
        `title=${escapeProperty(diagnostic.code)}`,
      ];
      return `::${GITHUB_COMMAND[diagnostic.severity]} ${properties.join(",")}::${escapeData(diagnostic.message)}`;
    }),
  );
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

export function formatDiagnostics(
  format: DiagnosticFormat,
  files: readonly FileDiagnostics[],
  cwd: string,
  rules: readonly RuleDescription[],
  version: string,
): string {
  switch (format) {
    case "stylish":
      return formatStylish(files, cwd);
    case "json":
      return formatJson(files);
    case "sarif":
      return formatSarif(files, cwd, rules, version);
    case "github":
      return formatGithub(files, cwd);
  }
}
