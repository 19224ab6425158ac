/**
 * A check: one per file in this folder, each with a stable code, a name (for `rule name off` in
 * the migration block), a default severity, a summary and a documented example (docs/rules.md is
 * generated from these). `check` reads the analysed package and returns findings.
 */
import type { Fix, RelatedLocation, Severity, TextEdit } from "../../language/diagnostic.js";
import type { Range } from "../../language/location.js";
import type { BoundPackage } from "../bound-package.js";
import type { OdooSchema } from "../catalog/index.js";
import type { CheckedPackage } from "../checked-package.js";
import type { DependencyGraph } from "../dependencies.js";
import type { CustomFields, ResolvedTarget } from "../target.js";

export interface RuleContext {
  readonly bound: BoundPackage;
  readonly checked: CheckedPackage;
  /** The target's schema with the package's custom fields; undefined when the target is unknown. */
  readonly schema: OdooSchema | undefined;
  /** The target's schema as the server has it, before the package's custom fields. */
  readonly baseSchema: OdooSchema | undefined;
  readonly target: ResolvedTarget;
  readonly customFields: CustomFields;
  readonly dependencies: DependencyGraph;
}

export interface Finding {
  readonly file: string;
  readonly range: Range;
  readonly message: string;
  /** Overrides the rule's severity for this finding (e.g. a warning where the rule is usually an error). */
  readonly severity?: Severity;
  readonly fixes?: readonly Fix[];
  readonly related?: readonly RelatedLocation[];
}

export interface RuleExample {
  /** A mapping fragment the rule reports, in a package with EXAMPLE_PACKAGE (example-package.ts) beside it. */
  readonly wrong: string;
  /** What it reports, as `flitmap check` prints it (one finding per line). */
  readonly reported: string;
  /** The corrected fragment. */
  readonly right: string;
  /** The fragments are whole packages on their own (they are about the migration or source blocks). */
  readonly selfContained?: true;
}

export interface Rule {
  readonly code: string;
  readonly name: string;
  readonly defaultSeverity: Severity;
  readonly summary: string;
  readonly example: RuleExample;
  /**
   * What it reports is something no plan can be written with (the plan's emitter would have to
   * give up, or the runtime could not run it): it stays an error, and a `rule` line that would
   * switch it off or make it a warning is itself reported (FM901).
   */
  readonly guardsPlan?: true;
  check(context: RuleContext): Finding[];
}

/** A quick fix that replaces one range of one file. */
export function replaceFix(title: string, file: string, range: Range, newText: string): Fix {
  return { title, edits: [{ file, range, newText }] };
}

/**
 * An edit adding `line` as the last statement of the block that `blockRange` ends with (its last
 * character is the closing brace). On a one-line block the line goes on a line of its own.
 */
export function appendToBlock(file: string, fileText: string, blockRange: Range, line: string): TextEdit {
  const braceOffset = blockRange.end.offset - 1;
  const lineStart = fileText.lastIndexOf("\n", braceOffset - 1) + 1;
  const beforeBrace = fileText.slice(lineStart, braceOffset);
  const position = { offset: braceOffset, line: blockRange.end.line, column: blockRange.end.column - 1 };
  if (beforeBrace.trim() === "") {
    const indentation = `${beforeBrace}  `;
    const start = { offset: lineStart, line: blockRange.end.line, column: 1 };
    return { file, range: { start, end: start }, newText: `${indentation}${line}\n` };
  }
  return { file, range: { start: position, end: position }, newText: `\n  ${line}\n` };
}

/** "did you mean `a`, `b` or `c`?" */
export function didYouMean(candidates: readonly string[]): string {
  if (candidates.length === 0) return "";
  const quoted = candidates.slice(0, 3).map((candidate) => `\`${candidate}\``);
  const last = quoted.pop() ?? "";
  return quoted.length === 0 ? `; did you mean ${last}?` : `; did you mean ${quoted.join(", ")} or ${last}?`;
}
