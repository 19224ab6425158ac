/**
 * JSON text for schema files: object keys sorted at every level, a final newline, and one line
 * per field, reference record and module (containers nested `inlineDepth` deep or holding only
 * primitives are written on one line). The same value always gives the same bytes, so a
 * rebuilt catalog or a re-pulled schema shows only real changes, one line each, in a diff.
 */

/** Code-point order, independent of the locale, so output is byte-identical everywhere. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value !== null && typeof value === "object") {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort(compareText)) {
      const child: unknown = (value as Record<string, unknown>)[key];
      if (child !== undefined) sorted[key] = sortKeysDeep(child);
    }
    return sorted;
  }
  return value;
}

function isContainer(value: unknown): value is object {
  return value !== null && typeof value === "object";
}

function render(value: unknown, depth: number, inlineDepth: number): string {
  if (!isContainer(value)) return JSON.stringify(value);
  const entries: [string | undefined, unknown][] = Array.isArray(value) ? value.map((item): [undefined, unknown] => [undefined, item]) : Object.entries(value);
  const onlyPrimitives = entries.every(([, child]) => !isContainer(child));
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  if (entries.length === 0 || depth >= inlineDepth || (Array.isArray(value) && onlyPrimitives)) {
    return JSON.stringify(value);
  }
  const indent = "  ".repeat(depth + 1);
  const lines = entries.map(([key, child]) => `${indent}${key === undefined ? "" : `${JSON.stringify(key)}: `}${render(child, depth + 1, inlineDepth)}`);
  return `${open}\n${lines.join(",\n")}\n${"  ".repeat(depth)}${close}`;
}

/** Schema files: a field sits 4 levels deep (root, models, model, fields). */
export const SCHEMA_INLINE_DEPTH = 4;

export function stableJson(value: unknown, inlineDepth: number = SCHEMA_INLINE_DEPTH): string {
  return `${render(sortKeysDeep(value), 0, inlineDepth)}\n`;
}
