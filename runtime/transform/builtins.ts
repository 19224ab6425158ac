/**
 * The runtime of the built-in pipeline steps (`name <- company_name | trim | truncate(64)`). The
 * compiler's registry (compiler/builtins.ts) is the specification; every built-in there has an
 * implementation here except `get`, which the evaluator runs itself because it reads other
 * entities. A test keeps the two lists equal.
 *
 * Rules every step follows:
 * - Empty input (null, or text that is blank or only whitespace) gives null, so `??` and `default`
 *   can act; except `default` (its value, with a "default" note), `required` (rejects the row, with
 *   the reason given or that the field requires a value) and
 *   `count` (0). A text step whose result is blank also gives null.
 * - Parsing steps (number, integer, money, date, datetime, boolean, email, phone, url) call the CSV
 *   reader's `parseCell` with the source's options, so `| date` reads exactly as a `date` column.
 *   Their on_invalid "reject" (the default) rejects the row with the reader's reason; "flag" gives
 *   null with a "flagged" note holding that reason. `datetime` has no on_invalid: it rejects.
 * - An argument the step cannot use (truncate(0), a bad date pattern, an unknown time zone) rejects
 *   the row with the problem; `builtinArgumentProblem` tells it once, before any row, for constants.
 * - A value of a type the compiler would not have let through (a number into `trim`) rejects the
 *   row, saying the plan does not match the data: nothing is converted silently.
 *
 * Choices a specialist should know (the registry's one-line summaries leave them open):
 * - trim: runs of spaces, tabs and non-breaking spaces become one space; line breaks are kept
 *   (spaces around them removed), so notes keep their lines.
 * - title: first letter of each word upper-case, the rest lower-case; a word starts after a space,
 *   hyphen, slash, full stop or "(" (not after an apostrophe: "O'brien", "'s-Hertogenbosch");
 *   Dutch "ij" starting a word becomes "IJ". Particles get no special case ("Van Der Berg").
 * - truncate counts characters as Odoo does (code points) and notes "cut from 83 to 64 characters".
 * - html escapes &, < and >; a single line break becomes <br>, a blank line starts a new <p>.
 * - text: text as it is (dates "yyyy-MM-dd" and datetimes "yyyy-MM-dd HH:mm:ss" UTC are already
 *   text), numbers without exponent, booleans "yes"/"no", records by label, else external ID,
 *   else "model,id".
 * - integer and round: halves go away from zero (86.5 → 87, -0.5 → -1).
 * - boolean of a number: 1 is true, 0 is false, anything else is invalid.
 * - date of a datetime keeps the day in the SOURCE'S time zone (2025-07-09 23:30:00 UTC is
 *   2025-07-10 in Europe/Amsterdam), the day the person who entered it saw. Without knowing the
 *   input type (the table below), a value in Odoo's datetime form is taken for a datetime; use
 *   `builtinFor(name, inputType)` to decide by the plan's type instead.
 *   `date("flag")` means the source's format with on_invalid "flag"; "" as format means the source's.
 * - datetime of a date value is midnight in the zone (the argument, else the source's), in UTC.
 * - split trims the parts and drops empty ones; join leaves out empty items and writes the others
 *   as `text` does, and gives null when nothing is left. unique keeps the first-seen order, texts
 *   compared exactly, records by model and external ID (else id). first and last of an empty list
 *   are null; rest of an empty list is the empty list; count counts every item. A single value
 *   where a list was expected counts as a list of one.
 * - file and mimetype read through `context.readFile` (each call reads: cache there if a mapping
 *   uses both on one path) and reject with its reason; filename splits on both \ and /.
 */
import type { SourceOptionsPlan } from "../../compiler/plan/schema.js";
import { ARITHMETIC_BUILTINS } from "./builtin-arithmetic.js";
import { FILE_BUILTINS } from "./builtin-files.js";
import { DURATION_BUILTINS } from "./builtin-durations.js";
import { IDENTIFIER_BUILTINS } from "./builtin-identifiers.js";
import { LIST_BUILTINS } from "./builtin-lists.js";
import { NAME_BUILTINS } from "./builtin-names.js";
import { dateFromText, dateOfDateTime, PARSE_BUILTINS } from "./builtin-parse.js";
import { argumentProblem, argumentsOk, defineBuiltin, describeValue, tooManyArguments, type DefinedBuiltin } from "./builtin-support.js";
import { TEXT_BUILTINS } from "./builtin-text.js";
import { ok, reject, type RuntimeValue, type StepOutcome } from "./values.js";

export interface BuiltinContext {
  /** The source's parse options (plan's SourceOptionsPlan): date, datetime, timezone, decimal, currency, trueWords, falseWords. */
  readonly options: SourceOptionsPlan;
  /**
   * Reads a file referenced from the export (relative path): runtime/source/attachments.ts. A run
   * answers at once (an answer now spares the row a second evaluation); an answer may also come later.
   */
  readonly readFile: (path: string) => FileRead | Promise<FileRead>;
}

/** A file read for `file` and `mimetype`, or why it cannot be. */
export type FileRead = { ok: true; base64: string; mimetype: string; size: number; name: string } | { ok: false; reason: string };

export type BuiltinImplementation = (input: RuntimeValue, args: readonly RuntimeValue[], context: BuiltinContext) => StepOutcome | Promise<StepOutcome>;

const defaultValue = defineBuiltin<RuntimeValue>({
  name: "default",
  readArguments: (args) => (args.length === 1 ? argumentsOk(args[0] ?? null) : argumentProblem(`it takes 1 argument (value), but was given ${args.length}`)),
  whenEmpty: (value) =>
    value === null || (typeof value === "string" && value.trim() === "")
      ? ok(null)
      : ok(value, [{ kind: "default", detail: `the value was empty; ${describeValue(value)} was used` }]),
  apply: (input) => ok(input),
});

const REQUIRED_REASON = "the value is empty, and this field requires one";

/** `required("reason")`: the reject reason in the specialist's words; an empty reason (a template of empty values) is the default one. */
const required = defineBuiltin<string>({
  name: "required",
  readArguments: (args) => {
    const tooMany = tooManyArguments(args, 1);
    if (tooMany !== null) return argumentProblem(tooMany);
    const reason = args[0] ?? null;
    if (reason === null || (typeof reason === "string" && reason.trim() === "")) return argumentsOk(REQUIRED_REASON);
    return typeof reason === "string" ? argumentsOk(reason.trim()) : argumentProblem(`the reason is text, not ${describeValue(reason)}`);
  },
  whenEmpty: (reason) => reject(reason),
  apply: (input) => ok(input),
});

const DEFINED: readonly DefinedBuiltin[] = [...TEXT_BUILTINS, ...PARSE_BUILTINS, ...LIST_BUILTINS, ...FILE_BUILTINS, ...ARITHMETIC_BUILTINS, ...IDENTIFIER_BUILTINS, ...DURATION_BUILTINS, ...NAME_BUILTINS, defaultValue, required];

function byName<T>(pick: (builtin: DefinedBuiltin) => T): Readonly<Record<string, T>> {
  // No prototype, so a step named "constructor" or "toString" is simply unknown.
  const table = Object.create(null) as Record<string, T>;
  for (const builtin of DEFINED) table[builtin.name] = pick(builtin);
  return Object.freeze(table);
}

/** Every built-in the runtime runs, by name. `get` is not here: the evaluator runs it. */
export const BUILTIN_IMPLEMENTATIONS: Readonly<Record<string, BuiltinImplementation>> = byName((builtin) => builtin.implementation);

/** The names in BUILTIN_IMPLEMENTATIONS: the registry's names less `get`. */
export const IMPLEMENTED_BUILTIN_NAMES: readonly string[] = Object.freeze(DEFINED.map((builtin) => builtin.name));

const ARGUMENT_CHECKS = byName((builtin) => builtin.argumentProblem);

/**
 * The implementation for a call whose input has the plan's type `inputType` (the value the step
 * receives: for an item-by-item call, the list's item type; "list<...>" is unwrapped). Only `date`
 * differs by type: a datetime input gives its day in the source's zone, a text input is always
 * read as text. Undefined for a name that is not implemented (`get`, or a typo).
 */
export function builtinFor(name: string, inputType: string): BuiltinImplementation | undefined {
  return builtinDefinitionFor(name, inputType)?.implementation;
}

const DEFINED_BY_NAME = byName((builtin) => builtin);

/** The built-in `builtinFor` picks, whole: to bind its arguments once, and to know whether it answers with a promise. */
export function builtinDefinitionFor(name: string, inputType: string): DefinedBuiltin | undefined {
  if (name === "date") {
    const item = /^list<(.*)>$/.exec(inputType)?.[1] ?? inputType;
    if (item === "datetime") return dateOfDateTime;
    if (item === "text" || item.startsWith("text:")) return dateFromText;
  }
  return DEFINED_BY_NAME[name];
}

/**
 * What is wrong with these arguments whatever the row (a zero length, a bad date pattern, an
 * unknown time zone, an on_invalid that is neither "reject" nor "flag"), or null. For the
 * integrator to check constant arguments once before the run instead of rejecting every row.
 */
export function builtinArgumentProblem(name: string, args: readonly RuntimeValue[]): string | null {
  const check = ARGUMENT_CHECKS[name];
  return check === undefined ? `there is no built-in step named \`${name}\`` : check(args);
}
