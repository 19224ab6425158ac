/**
 * How the proposer writes names and values as `.flitmap` text. Pure.
 */

/** A string literal: `"Acme \\"Ltd\\""`. */
export function quote(value: string): string {
  return `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t")}"`;
}

/** An entity name in snake case: `QuoteLine` → `quote_line`. */
export function snake(entity: string): string {
  return entity
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1_$2")
    .toLowerCase();
}
