/**
 * The values object of an entity's rows, made by a function written once per entity: an object
 * literal of the entity's columns in order. Set one computed name at a time (or copied from an
 * all-empty template and then set), each row's values took some 200 ns of keyed stores that V8
 * cannot specialise, the names differing from entity to entity; a literal is one allocation of a
 * shape known in advance, and every row of the entity shares it.
 */
import type { RowValue } from "./entity-reading.js";

/** Makes a row's values from one value per column, in the order of `names`. */
export type ValuesMaker = (values: readonly RowValue[]) => Record<string, RowValue>;

export function valuesMaker(names: readonly string[]): ValuesMaker {
  // Quoted keys, so that V8 makes the literal from a boilerplate even before it optimises the
  // function; `__proto__` alone is computed, as a plain key would set the prototype instead.
  const properties = names.map((name, index) => `${name === "__proto__" ? '["__proto__"]' : JSON.stringify(name)}: values[${index}]`);
  // The names are quoted by JSON.stringify, so no column name can be code.
  const make: unknown = new Function("values", `"use strict"; return { ${properties.join(", ")} };`);
  if (!isValuesMaker(make)) throw new Error("a row's values maker could not be made");
  return make;
}

function isValuesMaker(candidate: unknown): candidate is ValuesMaker {
  return typeof candidate === "function";
}
