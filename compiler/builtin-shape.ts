/**
 * What a built-in pipeline step is (its parameters, input and output types, documentation) and the
 * pieces several built-ins share: the on_invalid policy, a country, a language, text steps.
 */
import { BINARY, BOOLEAN, DATE, DATETIME, DECIMAL, FILE, INTEGER, TEXT, type ValueType } from "./types.js";

export type BuiltinCategory = "text" | "number" | "date" | "validation" | "file" | "list" | "value";

export interface BuiltinParameter {
  readonly name: string;
  readonly type: ValueType;
  readonly optional: boolean;
  readonly description: string;
  /** The values a text parameter allows, checked when it is given as a literal. */
  readonly oneOf?: readonly string[];
  /** The form a text parameter's literal must have, and how a specialist says it. */
  readonly form?: { readonly pattern: RegExp; readonly said: string };
  /** Why a literal cannot be used (a date pattern the reader cannot read), or null. */
  readonly problem?: (value: string) => string | null;
}

export interface Builtin {
  readonly name: string;
  readonly category: BuiltinCategory;
  readonly summary: string;
  /** Input types the step takes; a list of such values is taken item by item unless `takesList`. */
  readonly inputs: readonly ValueType[];
  readonly takesList: boolean;
  readonly parameters: readonly BuiltinParameter[];
  /** The output type, given the input type (after item-by-item unwrapping) and the argument types. */
  readonly output: (input: ValueType, args: readonly ValueType[]) => ValueType;
  /** What happens to a row whose value the step cannot handle. */
  readonly onInvalid?: string;
  readonly example: string;
  readonly exampleResult: string;
}

export const ANY_SCALAR: readonly ValueType[] = [TEXT, INTEGER, DECIMAL, DATE, DATETIME, BOOLEAN, FILE, BINARY, { kind: "record", model: undefined }];

export const INVALID_POLICY: BuiltinParameter = {
  name: "on_invalid",
  type: TEXT,
  optional: true,
  description: '"reject" (the default) rejects the row with the reason; "flag" leaves the field empty and reports the value',
  oneOf: ["reject", "flag"],
};

export const COUNTRY: BuiltinParameter = {
  name: "country",
  type: TEXT,
  optional: true,
  description: 'the country\'s two letters ("PL"), for numbers written without them',
  // A lone on_invalid word stands in the country's place: `vat("flag")`.
  form: { pattern: /^(?:[A-Za-z]{2}|reject|flag|)$/, said: 'a country\'s two letters ("PL", "DE")' },
};

export const LANGUAGE: BuiltinParameter = {
  name: "language",
  type: TEXT,
  optional: true,
  description: 'the language whose case rules apply ("tr": I and ı, İ and i), for a language whose letters Unicode\'s default rules change wrongly',
  form: { pattern: /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, said: 'a language tag ("tr", "az")' },
};

export function same(input: ValueType): ValueType {
  return input;
}

export function textStep(name: string, summary: string, example: string, exampleResult: string, parameters: readonly BuiltinParameter[] = []): Builtin {
  return { name, category: "text", summary, inputs: [TEXT], takesList: false, parameters, output: () => TEXT, example, exampleResult };
}

export function textQuestion(name: string, summary: string, example: string, exampleResult: string): Builtin {
  return {
    name,
    category: "text",
    summary,
    inputs: [TEXT],
    takesList: false,
    parameters: [{ name: "text", type: TEXT, optional: false, description: "what to look for (upper and lower case alike)" }],
    output: () => BOOLEAN,
    example,
    exampleResult,
  };
}
