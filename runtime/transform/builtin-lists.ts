/**
 * List built-ins: split (text to list), join (list to text), first, last, rest, count, unique.
 * The evaluator hands these the whole list (they are not applied item by item). Pure.
 */
import { argumentProblem, argumentsOk, defineBuiltin, describeValue, isBlankInput, noArguments, wrongInput, type DefinedBuiltin } from "./builtin-support.js";
import { formatAsText, textResult } from "./builtin-text.js";
import { isRecordRef, ok, type RuntimeValue } from "./values.js";

/** A single value where a list was expected is a list of one (the compiler normally guarantees a list). */
function asList(input: Exclude<RuntimeValue, null>): readonly RuntimeValue[] {
  return Array.isArray(input) ? input : [input];
}

/** Parts trimmed at both ends (non-breaking spaces too); empty parts dropped; the separator is plain text, not a pattern. */
export function splitText(text: string, separator: string): string[] {
  return text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

const split = defineBuiltin<string>({
  name: "split",
  readArguments: (args) => {
    if (args.length !== 1) return argumentProblem(`it takes 1 argument (separator), but was given ${args.length}`);
    const separator = args[0] ?? null;
    if (typeof separator !== "string" || separator === "")
      return argumentProblem(`the separator must be some text, such as ";", not ${describeValue(separator)}`);
    return argumentsOk(separator);
  },
  apply: (input, separator) => (typeof input === "string" ? ok(splitText(input, separator)) : wrongInput("split", "text", input)),
});

const join = defineBuiltin<string>({
  name: "join",
  readArguments: (args) => {
    if (args.length !== 1) return argumentProblem(`it takes 1 argument (separator), but was given ${args.length}`);
    const separator = args[0] ?? null;
    // join("") glues the items together; an empty column given as separator does the same.
    if (separator !== null && typeof separator !== "string") return argumentProblem(`the separator must be text, not ${describeValue(separator)}`);
    return argumentsOk(separator ?? "");
  },
  apply: (input, separator) => {
    const written: string[] = [];
    for (const item of asList(input)) {
      if (isBlankInput(item)) continue;
      const text = formatAsText(item);
      if (text === undefined) return wrongInput("join", "a list of single values", item);
      written.push(text);
    }
    return textResult(written.join(separator));
  },
});

/** Items compare by value; records by model and external ID (else id, else label). */
function itemKey(item: RuntimeValue): string {
  if (item === null) return "null";
  if (typeof item === "string") return `text:${item}`;
  if (typeof item === "number") return `number:${Object.is(item, -0) ? 0 : item}`;
  if (typeof item === "boolean") return `boolean:${String(item)}`;
  if (isRecordRef(item)) {
    if (item.xmlid !== undefined) return `record:${item.model}:xmlid:${item.xmlid}`;
    if (item.id !== undefined) return `record:${item.model}:id:${item.id}`;
    return `record:${item.model}:label:${item.label ?? ""}`;
  }
  return `list:[${item.map(itemKey).join(",")}]`;
}

/** First-seen order is kept, so the primary of a set of links stays first. */
export function uniqueItems(items: readonly RuntimeValue[]): RuntimeValue[] {
  const seen = new Set<string>();
  const kept: RuntimeValue[] = [];
  for (const item of items) {
    const key = itemKey(item);
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(item);
  }
  return kept;
}

const first = defineBuiltin({ name: "first", readArguments: noArguments("first"), apply: (input) => ok(asList(input)[0] ?? null) });
const last = defineBuiltin({ name: "last", readArguments: noArguments("last"), apply: (input) => ok(asList(input).at(-1) ?? null) });
const rest = defineBuiltin({ name: "rest", readArguments: noArguments("rest"), apply: (input) => ok(asList(input).slice(1)) });
const count = defineBuiltin({
  name: "count",
  readArguments: noArguments("count"),
  whenEmpty: () => ok(0),
  apply: (input) => ok(asList(input).length),
});
const unique = defineBuiltin({ name: "unique", readArguments: noArguments("unique"), apply: (input) => ok(uniqueItems(asList(input))) });

export const LIST_BUILTINS: readonly DefinedBuiltin[] = [split, join, first, last, rest, count, unique];
