/**
 * The compiler core: one package (the .flitmap files of a folder, plus what they import) parsed,
 * bound, type-checked against the target Odoo and run through every rule. `flitmap check`, `flitmap
 * compile` and the language server all call analyzePackage; nothing else implements a check.
 */
import { dirname } from "node:path";
import type { Document } from "../language/ast.js";
import { compareDiagnostics, type Diagnostic, type Severity } from "../language/diagnostic.js";
import { parse } from "../language/parse.js";
import { parseIncrementally, reparse, type IncrementalParse } from "../language/reparse.js";
import { bindPackage, type ResolvedPackage } from "./bind.js";
import type { BoundPackage } from "./bound-package.js";
import type { OdooSchema } from "./catalog/index.js";
import { checkExpressions } from "./check-expressions.js";
import type { CheckedPackage } from "./checked-package.js";
import { buildDependencyGraph, type DependencyGraph } from "./dependencies.js";
import { diskHost, type CompilerHost } from "./host.js";
import { RULES, findRule } from "./rules/index.js";
import type { Rule, RuleContext } from "./rules/rule.js";
import { customFieldsOf, resolveTarget, schemaWithCustomFields, type CustomFields, type ResolvedTarget, type TargetChoice } from "./target.js";

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

export interface AnalyzeOptions {
  readonly host?: CompilerHost;
  /** Check against this shipped series instead of the package's target (`--target 19.0`). */
  readonly seriesOverride?: string;
  /** Check against this pulled schema file (an absolute path) instead of the package's target. */
  readonly schemaFileOverride?: string;
  /** Overrides of the package's settings (`--set secondary_links=text`). */
  readonly settings?: Readonly<Record<string, string>>;
  /**
   * Rule severities from outside the package (the editor's `flitmap.rules`), by rule name or code:
   * off, warn or error. The package's own `rule` lines win over them.
   */
  readonly ruleSeverities?: Readonly<Record<string, string>>;
  /**
   * Told how long each phase took, in milliseconds, in order: `parse`, `target`, `bind`, `types`,
   * `dependencies`, then `rule:<name>` for each rule that runs. For bench/check.ts.
   */
  readonly onPhase?: (name: string, milliseconds: number) => void;
  /** Parses kept from earlier analyses, reused for files whose text has not changed (the language server's). */
  readonly parseCache?: ParseCache;
}

export interface PackageAnalysis {
  readonly directory: string;
  readonly files: readonly ParsedFile[];
  readonly diagnostics: readonly Diagnostic[];
  readonly target: ResolvedTarget;
  readonly schema: OdooSchema | undefined;
  readonly customFields: CustomFields;
  readonly bound: ResolvedPackage;
  readonly checked: CheckedPackage;
  readonly dependencies: DependencyGraph;
  /** The severity each rule has in this package after its `rule` settings. */
  readonly severities: ReadonlyMap<string, Severity | "off">;
  /** The settings the package was compiled with (declared values after `--set` overrides). */
  readonly settings: ReadonlyMap<string, string>;
  /** `--set` overrides of settings the package does not declare. */
  readonly unknownSettingOverrides: readonly string[];
}

/** Rules that judge the package as a whole, wrong while any file cannot be read completely. */
const WHOLE_PACKAGE_RULES = new Set(["unmapped_column", "unused_declaration", "missing_required_field", "dependency_cycle"]);

function parseFile(file: SourceFile): ParsedFile {
  const { document, diagnostics } = parse(file.text, file.path);
  return { path: file.path, text: file.text, document, syntaxDiagnostics: diagnostics };
}

/**
 * The last parse of each file, by path. The editor re-checks a whole package on every keystroke,
 * and parsing was most of a check; the syntax tree is immutable, so an unchanged text's tree is
 * reused as it is, and a changed one is parsed again only in the declarations the edit touched
 * (language/reparse.ts).
 */
export class ParseCache {
  private readonly byPath = new Map<string, { readonly parse: IncrementalParse; readonly file: ParsedFile }>();

  parse(file: SourceFile): ParsedFile {
    const cached = this.byPath.get(file.path);
    if (cached !== undefined && cached.file.text === file.text) return cached.file;
    const parse = cached === undefined ? parseIncrementally(file.text, file.path) : reparse(cached.parse, file.text);
    const parsed: ParsedFile = { path: file.path, text: file.text, document: parse.document, syntaxDiagnostics: parse.diagnostics };
    this.byPath.set(file.path, { parse, file: parsed });
    return parsed;
  }

  get size(): number {
    return this.byPath.size;
  }
}

export function parseFiles(files: readonly SourceFile[], cache?: ParseCache): ParsedFile[] {
  return files.map((file) => (cache === undefined ? parseFile(file) : cache.parse(file)));
}

function severityOf(setting: string): Severity | "off" | undefined {
  if (setting === "off" || setting === "error") return setting;
  return setting === "warn" || setting === "warning" ? "warning" : undefined;
}

function ruleSettings(target: ResolvedTarget, diagnostics: Diagnostic[], outside: Readonly<Record<string, string>> = {}): Map<string, Severity | "off"> {
  const severities = new Map<string, Severity | "off">(RULES.map((rule) => [rule.code, rule.defaultSeverity]));
  for (const [name, setting] of Object.entries(outside)) {
    const rule = findRule(name);
    const severity = severityOf(setting);
    if (rule !== undefined && severity !== undefined) severities.set(rule.code, severity);
  }
  const migration = target.migration;
  if (migration === undefined) return severities;
  for (const item of migration.declaration.items) {
    if (item.kind !== "RuleSetting" || item.rule.kind === "Missing" || item.severity.kind === "Missing") continue;
    const rule = findRule(item.rule.value);
    if (rule === undefined) {
      diagnostics.push({
        code: "FM901",
        severity: "error",
        message: `there is no rule "${item.rule.value}": name a rule by its name (e.g. unmapped_column) or code (e.g. FM501); docs/rules.md lists them`,
        file: migration.file,
        range: item.rule.range,
      });
      continue;
    }
    const severity = item.severity.value;
    if (severity !== "off" && severity !== "warn" && severity !== "error") {
      diagnostics.push({
        code: "FM901",
        severity: "error",
        message: `a rule is set to off, warn or error, not "${severity}"`,
        file: migration.file,
        range: item.severity.range,
      });
      continue;
    }
    if (rule.guardsPlan === true && severity !== "error") {
      diagnostics.push({
        code: "FM901",
        severity: "error",
        message: `${rule.name} cannot be set to ${severity}: no plan can be written while it reports something; correct what it reports instead`,
        file: migration.file,
        range: item.severity.range,
      });
      continue;
    }
    severities.set(rule.code, severity === "warn" ? "warning" : severity);
  }
  return severities;
}

/** Binds an imported package or file on its own, once, guarding against import cycles. */
function importLoader(host: CompilerHost, choice: TargetChoice, parseCache: ParseCache | undefined): (path: string) => BoundPackage | undefined {
  const cache = new Map<string, BoundPackage | undefined>();
  const load = (path: string): BoundPackage | undefined => {
    if (cache.has(path)) return cache.get(path);
    cache.set(path, undefined);
    const paths = host.isDirectory(path) ? host.packageFiles(path) : host.readFile(path) === undefined ? [] : [path];
    if (paths.length === 0) return undefined;
    const files = parseFiles(
      paths.map((file) => ({ path: file, text: host.readFile(file) ?? "" })),
      parseCache,
    );
    const directory = host.isDirectory(path) ? path : dirname(path);
    const bound = bindPackage(directory, files, choice, host, customFieldsOf(files, choice).symbols, load);
    cache.set(path, bound);
    return bound;
  };
  return load;
}

function runRule(rule: Rule, context: RuleContext, severity: Severity): Diagnostic[] {
  try {
    return rule.check(context).map((finding) => ({
      code: rule.code,
      severity: finding.severity === undefined ? severity : severity === "error" ? finding.severity : severity,
      message: finding.message,
      file: finding.file,
      range: finding.range,
      ...(finding.fixes === undefined ? {} : { fixes: finding.fixes }),
      ...(finding.related === undefined ? {} : { related: finding.related }),
    }));
  } catch (error) {
    // A rule must never take the whole check down; its failure is itself reported.
    const file = context.bound.files[0]?.path ?? "";
    const position = { offset: 0, line: 1, column: 1 };
    return [
      {
        code: "FM999",
        severity: "error",
        message: `internal error in rule ${rule.name}: ${error instanceof Error ? error.message : String(error)}`,
        file,
        range: { start: position, end: position },
      },
    ];
  }
}

export function analyzePackage(sources: readonly SourceFile[], options: AnalyzeOptions = {}): PackageAnalysis {
  const host = options.host ?? diskHost;
  const onPhase = options.onPhase;
  let phaseStart = onPhase === undefined ? 0 : performance.now();
  const phaseDone = (name: string): void => {
    if (onPhase === undefined) return;
    const now = performance.now();
    onPhase(name, now - phaseStart);
    phaseStart = now;
  };
  const files = parseFiles(sources, options.parseCache);
  phaseDone("parse");
  const directory = files[0] === undefined ? "." : dirname(files[0].path);
  const diagnostics: Diagnostic[] = files.flatMap((file) => [...file.syntaxDiagnostics]);
  const target = resolveTarget(files, host, {
    ...(options.seriesOverride === undefined ? {} : { series: options.seriesOverride }),
    ...(options.schemaFileOverride === undefined ? {} : { schemaFile: options.schemaFileOverride }),
  });
  const settings = new Map<string, string>([...target.settings].map(([name, setting]) => [name, setting.value]));
  for (const [name, value] of Object.entries(options.settings ?? {})) settings.set(name, value);
  const customFields = customFieldsOf(files, { schema: target.baseSchema, settings });
  const schema = schemaWithCustomFields(target.baseSchema, customFields);
  const choice: TargetChoice = { schema, settings };
  phaseDone("target");
  const bound = bindPackage(directory, files, choice, host, customFields.symbols, importLoader(host, choice, options.parseCache));
  phaseDone("bind");
  const checked = checkExpressions(bound, bound.binder, choice, target.namespace);
  phaseDone("types");
  const dependencies = buildDependencyGraph(bound.targets, checked);
  const severities = ruleSettings(target, diagnostics, options.ruleSeverities);
  phaseDone("dependencies");
  const context: RuleContext = { bound, checked, schema, baseSchema: target.baseSchema, target, customFields, dependencies };
  const brokenFiles = new Set(files.filter((file) => file.syntaxDiagnostics.some((diagnostic) => diagnostic.severity === "error")).map((file) => file.path));
  for (const rule of RULES) {
    const severity = severities.get(rule.code) ?? rule.defaultSeverity;
    if (severity === "off") continue;
    if (brokenFiles.size > 0 && WHOLE_PACKAGE_RULES.has(rule.name)) continue;
    for (const diagnostic of runRule(rule, context, severity)) {
      // A file whose syntax is broken gets its syntax errors only: the rest would follow from them.
      if (brokenFiles.has(diagnostic.file)) continue;
      diagnostics.push(diagnostic);
    }
    phaseDone(`rule:${rule.name}`);
  }
  return {
    directory,
    files,
    diagnostics: diagnostics.sort(compareDiagnostics),
    target,
    schema,
    customFields,
    bound,
    checked,
    dependencies,
    severities,
    settings,
    unknownSettingOverrides: Object.keys(options.settings ?? {}).filter((name) => !target.settings.has(name)),
  };
}

/** Analyses the package in a folder: every .flitmap file directly in it. */
export function analyzeDirectory(directory: string, options: AnalyzeOptions = {}): PackageAnalysis {
  const host = options.host ?? diskHost;
  const sources = host.packageFiles(directory).map((path) => ({ path, text: host.readFile(path) ?? "" }));
  return analyzePackage(sources, { ...options, host });
}
