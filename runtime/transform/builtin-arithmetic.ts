/**
 * Computing with values: the operators `+ - * /` on numbers, and the built-ins that compute rather
 * than read, `add_days` and `add_minutes` (a date or a time moved by a number of days or minutes)
 * and `discount_chain` (`10+5` as one discount). Pure.
 *
 * - An empty operand makes the result empty (a missing quantity gives no amount, never 0).
 * - A division by zero rejects the row with both operands named: no amount is better than a wrong one.
 * - Results are rounded to 15 significant digits, so that 0.1 + 0.2 is 0.3 as a person expects,
 *   not 0.30000000000000004 in an Odoo field.
 * - `add_days` moves a date by calendar days, and a datetime (UTC, as Odoo stores it) by n × 24
 *   hours; `add_minutes` moves a datetime by minutes. Fractions of a day or a minute are refused.
 */
import type { ArithmeticOperator } from "../../language/ast.js";
import { parseLocaleNumber } from "../source/numbers.js";
import {
  argumentProblem,
  argumentsOk,
  defineBuiltin,
  describeValue,
  invalidValue,
  readPolicyOnly,
  sourceFormat,
  wrongInput,
  type ArgumentsResult,
  type DefinedBuiltin,
  type InvalidPolicy,
} from "./builtin-support.js";
import { ok, type RuntimeValue, type StepOutcome } from "./values.js";

export type ArithmeticResult = { readonly ok: true; readonly value: number | null } | { readonly ok: false; readonly reason: string };

const EMPTY_RESULT: ArithmeticResult = { ok: true, value: null };

function isEmptyOperand(value: RuntimeValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/** Drops the binary noise of floating point (0.30000000000000004) that no export or Odoo field means. */
function settled(value: number): number {
  return Number(value.toPrecision(15));
}

/** `left operator right` on the row's values. */
export function computeArithmetic(left: RuntimeValue, operator: ArithmeticOperator, right: RuntimeValue): ArithmeticResult {
  if (isEmptyOperand(left) || isEmptyOperand(right)) return EMPTY_RESULT;
  if (typeof left !== "number" || typeof right !== "number") {
    const other = typeof left !== "number" ? left : right;
    return { ok: false, reason: `\`${operator}\` takes numbers, but was given ${describeValue(other)}; the plan does not match the data (compile the mapping again)` };
  }
  let value: number;
  switch (operator) {
    case "+":
      value = left + right;
      break;
    case "-":
      value = left - right;
      break;
    case "*":
      value = left * right;
      break;
    case "/":
      if (right === 0) return { ok: false, reason: `division by zero: ${String(left)} / 0` };
      value = left / right;
      break;
  }
  if (!Number.isFinite(value)) return { ok: false, reason: `${String(left)} ${operator} ${String(right)} is too large a number` };
  return { ok: true, value: settled(value) };
}

// ------------------------------------------------------------------------------------------------
// add_days, add_minutes

function readWholeNumber(what: string, args: readonly RuntimeValue[]): ArgumentsResult<number | null> {
  if (args.length !== 1) return argumentProblem(`it takes 1 argument (${what}), but was given ${args.length}`);
  const value = args[0] ?? null;
  if (value === null) return argumentsOk(null);
  if (typeof value !== "number" || !Number.isSafeInteger(value)) return argumentProblem(`the ${what} must be a whole number, not ${describeValue(value)}`);
  return argumentsOk(value);
}

const ODOO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ODOO_DATETIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;

function two(value: number): string {
  return String(value).padStart(2, "0");
}

function isoDay(instant: Date): string {
  return `${String(instant.getUTCFullYear()).padStart(4, "0")}-${two(instant.getUTCMonth() + 1)}-${two(instant.getUTCDate())}`;
}

function isoDateTime(instant: Date): string {
  return `${isoDay(instant)} ${two(instant.getUTCHours())}:${two(instant.getUTCMinutes())}:${two(instant.getUTCSeconds())}`;
}

function instantOf(parts: RegExpExecArray): Date {
  const field = (index: number): number => Number(parts[index] ?? "0");
  const instant = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0 to 99 as 1900 to 1999.
  instant.setUTCFullYear(field(1), field(2) - 1, field(3));
  instant.setUTCHours(field(4), field(5), field(6), 0);
  return instant;
}

/** A date or datetime in Odoo's form moved by `minutes`; a date moves by whole days and stays a date. */
function shifted(name: string, input: Exclude<RuntimeValue, null>, minutes: number, datesToo: boolean): StepOutcome {
  if (typeof input === "string") {
    const dateTime = ODOO_DATETIME.exec(input);
    if (dateTime !== null) return ok(isoDateTime(new Date(instantOf(dateTime).getTime() + minutes * 60_000)));
    const date = datesToo ? ODOO_DATE.exec(input) : null;
    if (date !== null) return ok(isoDay(new Date(instantOf(date).getTime() + minutes * 60_000)));
  }
  return wrongInput(name, datesToo ? "a date or a datetime" : "a datetime", input);
}

const addDays = defineBuiltin<number | null>({
  name: "add_days",
  readArguments: (args) => readWholeNumber("days", args),
  apply: (input, days, _context) => (days === null ? ok(null) : shifted("add_days", input, days * 24 * 60, true)),
});

const addMinutes = defineBuiltin<number | null>({
  name: "add_minutes",
  readArguments: (args) => readWholeNumber("minutes", args),
  apply: (input, minutes, _context) => (minutes === null ? ok(null) : shifted("add_minutes", input, minutes, false)),
});

// ------------------------------------------------------------------------------------------------
// discount_chain

/** `10+5`, `10 + 5 + 2,5`, `10%+5%`: discounts applied one after the other. */
const CHAIN_SEPARATOR = /\s*\+\s*/;

/**
 * The one discount, in percent, that a chain of discounts applied one after the other gives:
 * `10+5` is 1 − (1 − 0.10)(1 − 0.05) = 0.145, so 14.5. Percentages use the source's decimal separator.
 */
export function discountChain(text: string, decimal: "." | ","): { ok: true; value: number } | { ok: false; reason: string } {
  const parts = text.trim().split(CHAIN_SEPARATOR);
  let remaining = 1;
  for (const part of parts) {
    const percent = parseLocaleNumber(part.replace(/\s*%$/, ""), decimal);
    if (!percent.ok || percent.value < 0 || percent.value > 100) {
      return { ok: false, reason: `'${text.trim()}' is not a chain of discounts such as 10+5 (each a percentage from 0 to 100)` };
    }
    remaining *= 1 - percent.value / 100;
  }
  return { ok: true, value: settled((1 - remaining) * 100) };
}

const discountChainStep = defineBuiltin<InvalidPolicy>({
  name: "discount_chain",
  readArguments: readPolicyOnly,
  apply: (input, policy, context) => {
    if (typeof input === "number") return input >= 0 && input <= 100 ? ok(input) : invalidValue(policy, `${String(input)} is not a discount from 0 to 100`);
    if (typeof input !== "string") return wrongInput("discount_chain", "text", input);
    const chain = discountChain(input, sourceFormat(context.options).decimal);
    return chain.ok ? ok(chain.value) : invalidValue(policy, chain.reason);
  },
});

export const ARITHMETIC_BUILTINS: readonly DefinedBuiltin[] = [addDays, addMinutes, discountChainStep];
