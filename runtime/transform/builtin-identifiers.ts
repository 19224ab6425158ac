/**
 * Built-ins for identifiers and for asking about text: iban and vat (checked and written as Odoo
 * keeps them, runtime/source/identifiers.ts), business_id (checked and written as its country
 * prints it, runtime/source/business-ids.ts), starts_with, ends_with and contains (yes or no,
 * ignoring case, for conditions). Pure.
 */
import {
  argumentProblem,
  argumentsOk,
  defineBuiltin,
  describeValue,
  invalidValue,
  isInvalidPolicy,
  readInvalidPolicy,
  readOptionThenPolicy,
  tooManyArguments,
  wrongInput,
  type ArgumentsResult,
  type DefinedBuiltin,
  type InvalidPolicy,
} from "./builtin-support.js";
import { BUSINESS_ID_COUNTRIES, isBusinessIdCountry } from "../../compiler/business-id-countries.js";
import { readBusinessId } from "../source/business-ids.js";
import { readIban, readVat, type IdentifierReading } from "../source/identifiers.js";
import { ok, type RuntimeValue } from "./values.js";
import { foldCase } from "../../compiler/value-formats.js";

interface IdentifierArguments {
  readonly country: string | undefined;
  readonly policy: InvalidPolicy;
}

/** `(country?, on_invalid?)`; a lone "reject" or "flag" is the policy, since no country is written so. */
function readIdentifierArguments(args: readonly RuntimeValue[]): ArgumentsResult<IdentifierArguments> {
  const read = readOptionThenPolicy(args);
  if (!read.ok) return argumentProblem(read.problem);
  const { option: country, policy } = read.args;
  if (country !== undefined && (typeof country !== "string" || !/^[A-Za-z]{2}$/.test(country))) {
    return argumentProblem(`country is a country's two letters ("PL", "DE"), not ${describeValue(country)}`);
  }
  if (!isInvalidPolicy(policy)) return argumentProblem(policy);
  return argumentsOk({ country: country?.toUpperCase(), policy });
}

function identifierStep(name: string, read: (text: string, country: string | undefined) => IdentifierReading): DefinedBuiltin {
  return defineBuiltin<IdentifierArguments>({
    name,
    readArguments: readIdentifierArguments,
    apply: (input, { country, policy }) => {
      if (typeof input !== "string") return wrongInput(name, "text", input);
      const reading = read(input, country);
      return reading.ok ? ok(reading.value) : invalidValue(policy, reading.reason);
    },
  });
}

/** `(country, on_invalid?)`: a business ID is a country's own, so the country is always said. */
function readBusinessIdArguments(args: readonly RuntimeValue[]): ArgumentsResult<{ readonly country: string; readonly policy: InvalidPolicy }> {
  const tooMany = tooManyArguments(args, 2);
  if (tooMany !== null) return argumentProblem(tooMany);
  const [country, policyWord] = args;
  if (typeof country !== "string" || !isBusinessIdCountry(country.toUpperCase())) {
    return argumentProblem(`country is one of ${BUSINESS_ID_COUNTRIES.map((known) => `"${known}"`).join(", ")}, not ${describeValue(country ?? null)}`);
  }
  const policy = readInvalidPolicy(policyWord);
  if (!isInvalidPolicy(policy)) return argumentProblem(policy);
  return argumentsOk({ country: country.toUpperCase(), policy });
}

const businessId = defineBuiltin({
  name: "business_id",
  readArguments: readBusinessIdArguments,
  apply: (input, { country, policy }) => {
    if (typeof input !== "string") return wrongInput("business_id", "text", input);
    const reading = readBusinessId(input, country);
    return reading.ok ? ok(reading.value) : invalidValue(policy, reading.reason);
  },
});

function textQuestion(name: string, answer: (text: string, part: string) => boolean): DefinedBuiltin {
  return defineBuiltin<string>({
    name,
    readArguments: (args) => {
      if (args.length !== 1) return argumentProblem(`it takes 1 argument (text), but was given ${args.length}`);
      const part = args[0] ?? null;
      if (typeof part === "string" && part !== "") return argumentsOk(foldCase(part));
      return argumentProblem(`text is a text that is not empty, not ${describeValue(part)}`);
    },
    apply: (input, part) => (typeof input === "string" ? ok(answer(foldCase(input.trim()), part)) : wrongInput(name, "text", input)),
  });
}

export const IDENTIFIER_BUILTINS: readonly DefinedBuiltin[] = [
  identifierStep("iban", readIban),
  identifierStep("vat", readVat),
  businessId,
  textQuestion("starts_with", (text, part) => text.startsWith(part)),
  textQuestion("ends_with", (text, part) => text.endsWith(part)),
  textQuestion("contains", (text, part) => text.includes(part)),
];
