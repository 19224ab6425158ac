import { analyzePackage, type AnalyzeOptions, type PackageAnalysis } from "../../compiler/analyze.js";
import { overlayHost } from "../../compiler/host.js";
import type { Diagnostic } from "../../language/diagnostic.js";

export const PACKAGE_DIRECTORY = "/virtual/package";

/** A migration and sources most rule tests share; tests add maps and declarations to it. */
export const BASE = `migration pb {
  source perfectbooks
  target odoo "17.0"
  xmlid "pb"
}

source perfectbooks {
  csv { delimiter ","  date "dd/MM/yyyy" }
  entity Company "companies.csv" key id {
    id          text
    name        text required
    domain      text
    parent_id   text references Company
    owner_email email
    employees   integer
    status      text
    modified_at datetime modified
  }
  entity Contact "contacts.csv" key id {
    id         text
    first_name text
    last_name  text
    email      email
    company_id text references Company
  }
  entity Deal "deals.csv" key id {
    id         text
    name       text
    amount     money
    stage      text
    close_date date
    contact_id text references Contact
  }
}
`;

/** Analyses a package of in-memory files (name → text) in a virtual folder. */
export function analyze(files: Readonly<Record<string, string>>, options: AnalyzeOptions = {}): PackageAnalysis {
  const contents = new Map(Object.entries(files).map(([name, text]) => [`${PACKAGE_DIRECTORY}/${name}`, text]));
  const host = overlayHost(contents);
  return analyzePackage(
    [...contents.entries()].map(([path, text]) => ({ path, text })),
    { ...options, host },
  );
}

export function describe(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  const file = diagnostic.file.slice(PACKAGE_DIRECTORY.length + 1);
  return `${file}:${start.line}:${start.column}-${end.line}:${end.column} ${diagnostic.severity} ${diagnostic.code} ${diagnostic.message}`;
}

/** The diagnostics of one code for `BASE` plus `extra` (in a second file, main.flitmap). */
export function diagnosticsOf(code: string, extra: string, options: AnalyzeOptions & { base?: string } = {}): string[] {
  const analysis = analyze({ "base.flitmap": options.base ?? BASE, "main.flitmap": extra }, options);
  return analysis.diagnostics.filter((diagnostic) => diagnostic.code === code).map(describe);
}

/** Every diagnostic, for checking that a valid case is clean. */
export function allDiagnostics(extra: string, options: AnalyzeOptions & { base?: string } = {}): string[] {
  return analyze({ "base.flitmap": options.base ?? BASE, "main.flitmap": extra }, options).diagnostics.map(describe);
}

/** The quick fixes a diagnostic of `code` offers, applied to main.flitmap's text, one result per fix. */
export function applyFixes(code: string, extra: string, options: AnalyzeOptions & { base?: string } = {}): string[] {
  const analysis = analyze({ "base.flitmap": options.base ?? BASE, "main.flitmap": extra }, options);
  const results: string[] = [];
  for (const diagnostic of analysis.diagnostics.filter((candidate) => candidate.code === code)) {
    for (const fix of diagnostic.fixes ?? []) {
      let text = extra;
      const edits = [...fix.edits].filter((edit) => edit.file.endsWith("main.flitmap")).sort((left, right) => right.range.start.offset - left.range.start.offset);
      for (const edit of edits) text = text.slice(0, edit.range.start.offset) + edit.newText + text.slice(edit.range.end.offset);
      results.push(`${fix.title}\n${text}`);
    }
  }
  return results;
}
