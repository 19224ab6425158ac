/**
 * The built-in pipeline steps: their signatures (checked by the compiler), documentation and an
 * example each (shown on hover, in completion and in docs/language.md). The runtime implements
 * each by name (runtime/transform/builtins.ts); a test keeps the two lists equal.
 */
import { type Builtin } from "./builtin-shape.js";
import { CHECK_BUILTINS } from "./builtins-checks.js";
import { TEXT_BUILTINS } from "./builtins-text.js";
import { VALUE_BUILTINS } from "./builtins-values.js";
import { UNKNOWN, describeType, isAssignableTo, type ValueType } from "./types.js";

export type { Builtin, BuiltinCategory, BuiltinParameter } from "./builtin-shape.js";

/** In the order docs/language.md and completion list them. */
export const BUILTINS: readonly Builtin[] = [...TEXT_BUILTINS, ...CHECK_BUILTINS, ...VALUE_BUILTINS];

const BY_NAME = new Map(BUILTINS.map((builtin) => [builtin.name, builtin]));

export function findBuiltin(name: string): Builtin | undefined {
  return BY_NAME.get(name);
}

/** `name(param: type, [param: type]): input → output`, as editors show it. */
export function builtinSignature(builtin: Builtin): string {
  const parameters = builtin.parameters.map((parameter) => `${parameter.optional ? "[" : ""}${parameter.name}${parameter.optional ? "]" : ""}`);
  const inputs = builtin.inputs.map((input) => describeType(input)).join(" or ");
  const output = builtin.output(builtin.inputs[0] ?? UNKNOWN, []);
  // A step whose output follows its input (`add_days` of a date is a date, of a datetime a datetime) says so.
  const followsInput = builtin.inputs.some((input) => describeType(builtin.output(input, [])) !== describeType(output));
  const written = output.kind === "unknown" || followsInput ? "the input's type" : describeType(output);
  return `${builtin.name}${parameters.length === 0 ? "" : `(${parameters.join(", ")})`}: ${inputs} → ${written}`;
}

export function acceptsInput(builtin: Builtin, input: ValueType): boolean {
  return builtin.inputs.some((accepted) => isAssignableTo(input, accepted));
}
