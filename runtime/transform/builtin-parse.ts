/**
 * Built-ins that read typed values from text: number, integer, money, date, datetime, boolean,
 * email, phone, url (and round). They call the CSV reader's own `parseCell` with the source's
 * format, so a value reads the same whether a column is declared `date` or piped through `| date`.
 * Pure.
 */
import { compileDatePattern, formatOdooDateTime, isKnownTimeZone, zoneOffsetAt } from "../source/dates.js";
import type { ColumnType } from "../../language/column-types.js";
import { parseCell, type ValueFormat } from "../source/values.js";
import {
  argumentProblem,
  argumentsOk,
  defineBuiltin,
  describeValue,
  invalidValue,
  isInvalidPolicy,
  readInvalidPolicy,
  readPolicyOnly,
  sourceFormat,
  tooManyArguments,
  wrongInput,
  type ArgumentsResult,
  type DefinedBuiltin,
  type InvalidPolicy,
} from "./builtin-support.js";
import { plainNumber } from "./builtin-text.js";
import type { BuiltinContext } from "./builtins.js";
import { ok, reject, type RuntimeValue, type StepOutcome } from "./values.js";

function parsedOutcome(type: ColumnType, text: string, format: ValueFormat, policy: InvalidPolicy): StepOutcome {
  const parsed = parseCell(type, text, format);
  if (parsed.kind === "empty") return ok(null);
  if (parsed.kind === "invalid") return invalidValue(policy, parsed.reason);
  return ok(parsed.value);
}

/** The source's own formats are checked by the compiler; an unusable one still must not throw mid-run. */
function sourceFormatProblem(options: BuiltinContext["options"], needs: "date" | "datetime"): string | null {
  const pattern = needs === "date" ? options.date : options.datetime;
  const compiled = compileDatePattern(pattern);
  if (!compiled.ok) return `the source's ${needs} format cannot be used: ${compiled.reason}`;
  if (needs === "datetime" && !isKnownTimeZone(options.timezone)) return `the source's time zone '${options.timezone}' is not a known time zone`;
  return null;
}

/** A parsing step whose only argument is on_invalid; numbers (or booleans) already of the type pass as they are. */
function parsingStep(name: string, type: ColumnType, fromValue: (input: number | boolean, policy: InvalidPolicy) => StepOutcome | undefined): DefinedBuiltin {
  return defineBuiltin({
    name,
    readArguments: readPolicyOnly,
    apply: (input, policy, context) => {
      if (typeof input === "string") return parsedOutcome(type, input, sourceFormat(context.options), policy);
      if (typeof input === "number" || typeof input === "boolean") {
        const outcome = fromValue(input, policy);
        if (outcome !== undefined) return outcome;
      }
      return wrongInput(name, "text", input);
    },
  });
}

function keepNumber(input: number | boolean): StepOutcome | undefined {
  return typeof input === "number" ? ok(input) : undefined;
}

function textOnly(): undefined {
  return undefined;
}

/** Halves go away from zero (86.5 becomes 87, -86.5 becomes -87), as people round amounts by hand. */
export function roundHalfAwayFromZero(value: number, decimals: number): number {
  const magnitude = Math.abs(value);
  // Shifting through the decimal text (not multiplying) keeps 1.005 at 1.005, so it rounds to 1.01.
  const shifted = Math.round(Number(`${plainNumber(magnitude)}e${decimals}`));
  const rounded = Number(`${plainNumber(shifted)}e${-decimals}`);
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

const number = parsingStep("number", "decimal", keepNumber);

const integer = parsingStep("integer", "integer", (input, policy) => {
  if (typeof input !== "number") return undefined;
  const rounded = roundHalfAwayFromZero(input, 0);
  return Number.isSafeInteger(rounded) ? ok(rounded) : invalidValue(policy, `${String(input)} is too large for an integer`);
});

const money = parsingStep("money", "money", keepNumber);

const boolean = parsingStep("boolean", "boolean", (input, policy) => {
  if (typeof input === "boolean") return ok(input);
  if (input === 1) return ok(true);
  if (input === 0) return ok(false);
  return invalidValue(policy, `${String(input)} is not a yes/no value (expected 1 or 0)`);
});

const email = parsingStep("email", "email", textOnly);
const phone = parsingStep("phone", "phone", textOnly);
const url = parsingStep("url", "url", textOnly);

const round = defineBuiltin<number>({
  name: "round",
  readArguments: (args) => {
    if (args.length !== 1) return argumentProblem(`it takes 1 argument (decimals), but was given ${args.length}`);
    const decimals = args[0] ?? null;
    if (typeof decimals !== "number" || !Number.isInteger(decimals) || decimals < -15 || decimals > 15) {
      return argumentProblem(`decimals must be a whole number from -15 to 15, not ${describeValue(decimals)}`);
    }
    return argumentsOk(decimals);
  },
  apply: (input, decimals) => (typeof input === "number" ? ok(roundHalfAwayFromZero(input, decimals)) : wrongInput("round", "a number", input)),
});

interface DateArguments {
  /** Undefined: the source's date format. */
  readonly format: string | undefined;
  readonly policy: InvalidPolicy;
}

/** An absent, null or "" format means the source's own. */
function readFormat(value: RuntimeValue | undefined, what: "date" | "date and time"): ArgumentsResult<string | undefined> {
  if (value === undefined || value === null || value === "") return argumentsOk(undefined);
  if (typeof value !== "string") return argumentProblem(`the format must be text such as "dd-MM-yyyy", not ${describeValue(value)}`);
  const compiled = compileDatePattern(value);
  if (!compiled.ok) return argumentProblem(compiled.reason);
  if (what === "date and time" && !compiled.pattern.hasDate) return argumentProblem(`the format '${value}' has no date`);
  return argumentsOk(value);
}

function readDateArguments(args: readonly RuntimeValue[]): ArgumentsResult<DateArguments> {
  const tooMany = tooManyArguments(args, 2);
  if (tooMany !== null) return argumentProblem(tooMany);
  // `date("flag")` can only mean the policy: "flag" and "reject" are not date patterns.
  if (args.length === 1 && (args[0] === "flag" || args[0] === "reject")) return argumentsOk({ format: undefined, policy: args[0] });
  const format = readFormat(args[0], "date");
  if (!format.ok) return argumentProblem(format.problem);
  const policy = readInvalidPolicy(args[1]);
  if (!isInvalidPolicy(policy)) return argumentProblem(policy);
  return argumentsOk({ format: format.args, policy });
}

/** Odoo's datetime text, as datetime values are held: "YYYY-MM-DD HH:MM:SS" in UTC. */
const ODOO_DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

/**
 * The day of a datetime in the source's time zone: 2025-07-09 23:30:00 UTC is 10 July in
 * Amsterdam, the day the person who typed it saw. Undefined when the text is not Odoo's datetime.
 */
export function localDayOfDateTime(value: string, timeZone: string): string | undefined {
  const match = ODOO_DATETIME.exec(value);
  if (match === null) return undefined;
  const instant = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), Number(match[4]), Number(match[5]), Number(match[6]));
  if (Number.isNaN(instant)) return undefined;
  return formatOdooDateTime(instant + zoneOffsetAt(timeZone, instant)).slice(0, 10);
}

function dayOfDateTimeOutcome(input: string, context: BuiltinContext): StepOutcome {
  const timeZone = context.options.timezone;
  if (!isKnownTimeZone(timeZone)) return reject(`the source's time zone '${timeZone}' is not a known time zone`);
  const day = localDayOfDateTime(input, timeZone);
  return day === undefined ? wrongInput("date", "a datetime", input) : ok(day);
}

function dateFromTextOutcome(input: string, args: DateArguments, context: BuiltinContext): StepOutcome {
  if (args.format === undefined) {
    const problem = sourceFormatProblem(context.options, "date");
    if (problem !== null) return reject(problem);
  }
  const base = sourceFormat(context.options);
  return parsedOutcome("date", input, args.format === undefined ? base : { ...base, date: args.format }, args.policy);
}

/** `date` when the plan says its input is text: read as a date, never taken for a datetime. */
export const dateFromText = defineBuiltin<DateArguments>({
  name: "date",
  readArguments: readDateArguments,
  apply: (input, args, context) => (typeof input === "string" ? dateFromTextOutcome(input, args, context) : wrongInput("date", "text", input)),
});

/** `date` when the plan says its input is a datetime: its day in the source's time zone. */
export const dateOfDateTime = defineBuiltin<DateArguments>({
  name: "date",
  readArguments: readDateArguments,
  apply: (input, _args, context) => (typeof input === "string" ? dayOfDateTimeOutcome(input, context) : wrongInput("date", "a datetime", input)),
});

/**
 * `date` without knowing its input type: a value in Odoo's datetime form ("2025-07-09 23:30:00")
 * is a datetime (a date column never reads like that: the reader refuses a time of day in it).
 */
const date = defineBuiltin<DateArguments>({
  name: "date",
  readArguments: readDateArguments,
  apply: (input, args, context) => {
    if (typeof input !== "string") return wrongInput("date", "text or a datetime", input);
    return ODOO_DATETIME.test(input) ? dayOfDateTimeOutcome(input, context) : dateFromTextOutcome(input, args, context);
  },
});

interface DateTimeArguments {
  readonly format: string | undefined;
  readonly timeZone: string | undefined;
}

function readDateTimeArguments(args: readonly RuntimeValue[]): ArgumentsResult<DateTimeArguments> {
  const tooMany = tooManyArguments(args, 2);
  if (tooMany !== null) return argumentProblem(tooMany);
  const format = readFormat(args[0], "date and time");
  if (!format.ok) return argumentProblem(format.problem);
  const zone = args[1];
  if (zone === undefined || zone === null || zone === "") return argumentsOk({ format: format.args, timeZone: undefined });
  if (typeof zone !== "string" || !isKnownTimeZone(zone)) {
    return argumentProblem(`${describeValue(zone)} is not a known time zone (use an IANA name such as "Europe/Amsterdam")`);
  }
  return argumentsOk({ format: format.args, timeZone: zone });
}

/** Text read in the format and zone given (else the source's) and converted to UTC; a date value is midnight in that zone. */
const datetime = defineBuiltin<DateTimeArguments>({
  name: "datetime",
  readArguments: readDateTimeArguments,
  apply: (input, args, context) => {
    if (typeof input !== "string") return wrongInput("datetime", "text or a date", input);
    // A date value ("2025-07-09") falls back to the source's date pattern, which always accepts ISO dates.
    const problem =
      sourceFormatProblem(context.options, "date") ??
      (args.format === undefined || args.timeZone === undefined ? sourceFormatProblem(context.options, "datetime") : null);
    if (problem !== null) return reject(problem);
    const base = sourceFormat(context.options);
    const format: ValueFormat = { ...base, datetime: args.format ?? base.datetime, timezone: args.timeZone ?? base.timezone };
    return parsedOutcome("datetime", input, format, "reject");
  },
});

export const PARSE_BUILTINS: readonly DefinedBuiltin[] = [number, integer, money, round, date, datetime, boolean, email, phone, url];
