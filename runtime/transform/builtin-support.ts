/**
 * What every built-in step shares: reading and checking its arguments, the empty-input rule, the
 * on_invalid policy, and words for values in reasons. Pure.
 */
import type { SourceOptionsPlan } from "../../compiler/plan/schema.js";
import { isBlank, valueFormat, type ValueFormat } from "../source/values.js";
import type { BuiltinContext, BuiltinImplementation } from "./builtins.js";
import { isRecordRef, ok, reject, type RuntimeValue, type StepOutcome } from "./values.js";

export type ArgumentsResult<A> = { readonly ok: true; readonly args: A } | { readonly ok: false; readonly problem: string };

export function argumentsOk<A>(args: A): ArgumentsResult<A> {
  return { ok: true, args };
}

export function argumentProblem<A>(problem: string): ArgumentsResult<A> {
  return { ok: false, problem };
}

export interface BuiltinDefinition<A> {
  readonly name: string;
  /**
   * Reads and checks the arguments. A problem here is the mapping's, the same for every row (a
   * bad date pattern, a length of 0), so it is also offered to the integrator to check once.
   */
  readonly readArguments: (args: readonly RuntimeValue[]) => ArgumentsResult<A>;
  /** What an empty input (null or blank text) gives; without it, empty passes through as null. */
  readonly whenEmpty?: (args: A, context: BuiltinContext) => StepOutcome;
  /** The step for a non-empty input. */
  readonly apply: (input: Exclude<RuntimeValue, null>, args: A, context: BuiltinContext) => StepOutcome | Promise<StepOutcome>;
  /** Whether `apply` may answer with a promise (it reads a file): an evaluation then waits for it. */
  readonly asynchronous?: boolean;
}

/** A built-in with its arguments read once: what a compiled plan calls for each row when the arguments are constants. */
export type BoundBuiltin = (input: RuntimeValue, context: BuiltinContext) => StepOutcome | Promise<StepOutcome>;

export interface DefinedBuiltin {
  readonly name: string;
  readonly implementation: BuiltinImplementation;
  /** The implementation with these arguments read and checked once. */
  readonly bind: (args: readonly RuntimeValue[]) => BoundBuiltin;
  /** Whether the implementation may answer with a promise. */
  readonly asynchronous: boolean;
  /** The mapping's mistake in these arguments, or null when they can work. */
  readonly argumentProblem: (args: readonly RuntimeValue[]) => string | null;
}

/** Null and text that is blank or only whitespace (non-breaking spaces included) are empty. */
export function isBlankInput(value: RuntimeValue): value is null | string {
  return value === null || (typeof value === "string" && isBlank(value));
}

const EMPTY_OUTCOME = ok(null);

export function defineBuiltin<A>(definition: BuiltinDefinition<A>): DefinedBuiltin {
  const withArguments = (read: ArgumentsResult<A>, input: RuntimeValue, context: BuiltinContext): StepOutcome | Promise<StepOutcome> => {
    if (!read.ok) return reject(`\`${definition.name}\`: ${read.problem}`);
    if (isBlankInput(input)) return definition.whenEmpty === undefined ? EMPTY_OUTCOME : definition.whenEmpty(read.args, context);
    return definition.apply(input, read.args, context);
  };
  const implementation: BuiltinImplementation = (input, args, context) => withArguments(definition.readArguments(args), input, context);
  const bind = (args: readonly RuntimeValue[]): BoundBuiltin => {
    const read = definition.readArguments(args);
    return (input, context) => withArguments(read, input, context);
  };
  const argumentProblem = (args: readonly RuntimeValue[]): string | null => {
    const read = definition.readArguments(args);
    return read.ok ? null : `\`${definition.name}\`: ${read.problem}`;
  };
  return { name: definition.name, implementation, bind, asynchronous: definition.asynchronous === true, argumentProblem };
}

/** A value as a reason names it: 'text' in quotes, numbers and yes/no as written, records by what a person knows them by. */
export function describeValue(value: RuntimeValue): string {
  if (value === null) return "nothing";
  if (typeof value === "string") return `'${value}'`;
  if (typeof value === "number") return `the number ${String(value)}`;
  if (typeof value === "boolean") return value ? "yes (true)" : "no (false)";
  if (isRecordRef(value)) return `the ${value.model} record ${value.label ?? value.xmlid ?? (value.id === undefined ? "(unnamed)" : `#${value.id}`)}`;
  return `a list of ${value.length} item${value.length === 1 ? "" : "s"}`;
}

/**
 * The compiler checks input types, so a mismatch here means the plan and the data disagree (an
 * old plan, or an evaluator bug): the row is rejected with that said, never silently converted.
 */
export function wrongInput(name: string, expected: string, input: RuntimeValue): StepOutcome {
  return reject(`\`${name}\` takes ${expected}, but was given ${describeValue(input)}; the plan does not match the data (compile the mapping again)`);
}

export function noArguments(name: string): (args: readonly RuntimeValue[]) => ArgumentsResult<undefined> {
  return (args) => (args.length === 0 ? argumentsOk(undefined) : argumentProblem(`it takes no arguments, but was given ${args.length}`));
}

export function tooManyArguments(args: readonly RuntimeValue[], most: number): string | null {
  return args.length > most ? `it takes at most ${most} argument${most === 1 ? "" : "s"}, but was given ${args.length}` : null;
}

export type InvalidPolicy = "reject" | "flag";

/** The optional on_invalid argument: absent or null means "reject". */
export function readInvalidPolicy(value: RuntimeValue | undefined): InvalidPolicy | string {
  if (value === undefined || value === null || value === "reject") return "reject";
  if (value === "flag") return "flag";
  return `on_invalid is "reject" or "flag", not ${describeValue(value)}`;
}

export function isInvalidPolicy(value: InvalidPolicy | string): value is InvalidPolicy {
  return value === "reject" || value === "flag";
}

/**
 * `(option?, on_invalid?)`: a lone "reject" or "flag" is the policy, since no option is written so
 * (`vat("flag")`, `duration("flag")`); a blank option is none. The caller checks the option, then
 * the policy (`isInvalidPolicy`), so that a wrong option is the one reported.
 */
export function readOptionThenPolicy(
  args: readonly RuntimeValue[],
): ArgumentsResult<{ readonly option: RuntimeValue | undefined; readonly policy: InvalidPolicy | string }> {
  const tooMany = tooManyArguments(args, 2);
  if (tooMany !== null) return argumentProblem(tooMany);
  const [first, second] = args;
  const firstIsPolicy = args.length === 1 && (first === "reject" || first === "flag");
  const option = firstIsPolicy || first === null || first === "" ? undefined : first;
  return argumentsOk({ option, policy: readInvalidPolicy(firstIsPolicy ? first : second) });
}

/** The arguments of a step whose only argument is on_invalid. */
export function readPolicyOnly(args: readonly RuntimeValue[]): ArgumentsResult<InvalidPolicy> {
  const tooMany = tooManyArguments(args, 1);
  if (tooMany !== null) return argumentProblem(tooMany);
  const policy = readInvalidPolicy(args[0]);
  return isInvalidPolicy(policy) ? argumentsOk(policy) : argumentProblem(policy);
}

/** A value the step cannot read: the row is rejected, or (flag) the field is left empty and the value reported. */
export function invalidValue(policy: InvalidPolicy, reason: string): StepOutcome {
  return policy === "flag" ? ok(null, [{ kind: "flagged", detail: reason }]) : reject(reason);
}

const formats = new WeakMap<SourceOptionsPlan, ValueFormat>();

/** The CSV reader's value format for the source's options, so steps parse exactly as the reader does. */
export function sourceFormat(options: SourceOptionsPlan): ValueFormat {
  let format = formats.get(options);
  if (format === undefined) {
    format = valueFormat({
      date: options.date,
      datetime: options.datetime,
      timezone: options.timezone,
      decimal: options.decimal,
      ...(options.currency === undefined ? {} : { currency: options.currency }),
      trueWords: options.trueWords,
      falseWords: options.falseWords,
    });
    formats.set(options, format);
  }
  return format;
}
