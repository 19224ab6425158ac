/**
 * The `duration` built-in: a length of time written in words (runtime/source/durations.ts) as the
 * number of hours Odoo's calendar.event.duration holds, or of minutes. Pure.
 */
import { readDuration } from "../source/durations.js";
import {
  argumentProblem,
  argumentsOk,
  defineBuiltin,
  describeValue,
  invalidValue,
  isInvalidPolicy,
  readOptionThenPolicy,
  wrongInput,
  type ArgumentsResult,
  type DefinedBuiltin,
  type InvalidPolicy,
} from "./builtin-support.js";
import { ok, type RuntimeValue } from "./values.js";

type DurationUnit = "hours" | "minutes";

interface DurationArguments {
  readonly unit: DurationUnit;
  readonly policy: InvalidPolicy;
}

/** `(unit?, on_invalid?)`; a lone "reject" or "flag" is the policy, as `vat("flag")` has it. */
function readDurationArguments(args: readonly RuntimeValue[]): ArgumentsResult<DurationArguments> {
  const read = readOptionThenPolicy(args);
  if (!read.ok) return argumentProblem(read.problem);
  const { option, policy } = read.args;
  const unit = option ?? "hours";
  if (unit !== "hours" && unit !== "minutes") return argumentProblem(`unit is "hours" or "minutes", not ${describeValue(unit)}`);
  if (!isInvalidPolicy(policy)) return argumentProblem(policy);
  return argumentsOk({ unit, policy });
}

const duration = defineBuiltin<DurationArguments>({
  name: "duration",
  readArguments: readDurationArguments,
  apply: (input, { unit, policy }) => {
    if (typeof input !== "string") return wrongInput("duration", "text", input);
    const reading = readDuration(input);
    if (!reading.ok) return invalidValue(policy, reading.reason);
    return ok(unit === "hours" ? reading.minutes / 60 : reading.minutes);
  },
});

export const DURATION_BUILTINS: readonly DefinedBuiltin[] = [duration];
