/**
 * External IDs of migrated records: `<namespace>.<step>_<key>`, with the source key encoded so
 * that any key (spaces, slashes, accents) gives a valid, unique, reversible name.
 */

/** Letters and digits stay; every other character becomes `_<hex>_` (so `_` itself is `_5f_`). */
export function encodeKeyPart(part: string): string {
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
  return keyParts(key).map(encodeKeyPart).join("-");
}

export function recordXmlid(namespace: string, step: string, key: string, instance?: number): string {
  return `${namespace}.${step}_${encodeKey(key)}${instance === undefined ? "" : `-${instance}`}`;
}
