/**
 * The `swap_name` built-in: a person's name written family name first, as Finnish, Hungarian and
 * many registers write it (`Virtanen Matti`), turned to the given names first that Odoo's contacts
 * hold (`Matti Virtanen`). Pure.
 */
import { foldCase } from "../../compiler/value-formats.js";
import { defineBuiltin, noArguments, wrongInput, type DefinedBuiltin } from "./builtin-support.js";
import { ok } from "./values.js";

/**
 * Words that belong to the family name that follows them (compared without case): Swedish and
 * Finland-Swedish af/av, German von/zu, Dutch van/der/den/ter, French de/du/la/le, Italian,
 * Spanish and Portuguese de/del/della/di/da/dos/das/do. `af Forselles Johan` is Johan af Forselles.
 */
export const NAME_PARTICLES: readonly string[] = "af av von zu zum zur van der den ter ten de du la le del della di da dos das do".split(" ");
const PARTICLES: ReadonlySet<string> = new Set(NAME_PARTICLES);

/**
 * Given names first. A comma says where the family name ends (`von Wright, Georg Henrik`); without
 * one, the family name is the first word with the particles before it, and every word after it is
 * a given name. A name of one word, or of particles alone, stays as it is.
 */
export function givenNamesFirst(name: string): string {
  const value = name.trim().replace(/\s+/gu, " ");
  const comma = value.indexOf(",");
  if (comma >= 0) return [value.slice(comma + 1).trim(), value.slice(0, comma).trim()].filter((part) => part !== "").join(" ");
  const words = value.split(" ");
  let familyEnd = 0;
  while (familyEnd < words.length - 1 && PARTICLES.has(foldCase(words[familyEnd] ?? ""))) familyEnd += 1;
  // Particles that would leave no given name are not taken as such: `Da Costa` is turned as any two words.
  if (familyEnd >= words.length - 1) familyEnd = 0;
  if (words.length < 2) return value;
  return [...words.slice(familyEnd + 1), ...words.slice(0, familyEnd + 1)].join(" ");
}

const swapName = defineBuiltin({
  name: "swap_name",
  readArguments: noArguments("swap_name"),
  apply: (input) => (typeof input === "string" ? ok(givenNamesFirst(input)) : wrongInput("swap_name", "text", input)),
});

export const NAME_BUILTINS: readonly DefinedBuiltin[] = [swapName];
