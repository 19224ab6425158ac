/**
 * External IDs of migrated records: `<namespace>.<step>_<key>`, with the source key encoded so
 * that any key (spaces, slashes, accents) gives a valid, unique, reversible name.
 */

const LETTERS_AND_DIGITS = /^[A-Za-z0-9]+$/;

/** Letters and digits stay; every other character becomes `_<hex>_` (so `_` itself is `_5f_`). */
export function encodeKeyPart(part: string): string {
  // Most keys are letters and digits only, and every reference to a record spells its external ID.
  if (LETTERS_AND_DIGITS.test(part)) return part;
  let encoded = "";
  for (const character of part) {
    encoded += /[A-Za-z0-9]/.test(character) ? character : `_${(character.codePointAt(0) ?? 0).toString(16)}_`;
  }
  return encoded === "" ? "_" : encoded;
}

/** A row's key as the reader gives it: one value, or the parts of a composite key. */
export function keyParts(key: string): string[] {
  if (key.startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(key);
      if (Array.isArray(parsed)) return parsed.map((part) => (part === null ? "" : String(part)));
    } catch {
      // Not a composite key after all.
    }
  }
  return [key];
}

/** `-` never appears in an encoded part, so it separates the parts of a composite key. */
export function encodeKey(key: string): string {
  // One part of letters and digits (most keys) is itself, without a list of parts to join.
  if (LETTERS_AND_DIGITS.test(key)) return key;
  return keyParts(key).map(encodeKeyPart).join("-");
}

export function recordXmlid(namespace: string, step: string, key: string, instance?: number): string {
  return `${namespace}.${step}_${encodeKey(key)}${instance === undefined ? "" : `-${instance}`}`;
}

/** The inverse of encodeKeyPart; undefined for text it cannot have made. */
export function decodeKeyPart(encoded: string): string | undefined {
  if (encoded === "_") return "";
  let decoded = "";
  for (let index = 0; index < encoded.length;) {
    const character = encoded[index] ?? "";
    if (/[A-Za-z0-9]/.test(character)) {
      decoded += character;
      index += 1;
      continue;
    }
    const end = encoded.indexOf("_", index + 1);
    const hex = end < 0 ? "" : encoded.slice(index + 1, end);
    if (character !== "_" || !/^[0-9a-f]+$/.test(hex)) return undefined;
    decoded += String.fromCodePoint(parseInt(hex, 16));
    index = end + 1;
  }
  return decoded;
}

/**
 * The row key a record's external ID was made from by recordXmlid (with `#instance` for a step
 * with `for each`, as the journal keys such records); undefined when it is not one of the step's.
 */
export function keyOfRecordXmlid(namespace: string, step: string, xmlid: string, forEach: boolean): string | undefined {
  const prefix = `${namespace}.${step}_`;
  if (!xmlid.startsWith(prefix)) return undefined;
  let encoded = xmlid.slice(prefix.length);
  let instance = "";
  if (forEach) {
    const suffix = /-(\d+)$/.exec(encoded);
    if (suffix === null) return undefined;
    instance = `#${suffix[1] ?? ""}`;
    encoded = encoded.slice(0, -suffix[0].length);
  }
  const parts = encoded.split("-").map(decodeKeyPart);
  if (!parts.every((part): part is string => part !== undefined)) return undefined;
  return `${parts.length === 1 ? (parts[0] ?? "") : JSON.stringify(parts)}${instance}`;
}
