/**
 * Odoo series ("17.0", "18.0", "saas~17.2", "saas-17.4"): server_serie of common.version().
 * A SaaS serie sits between its major version and the next one: 17.0 < saas~17.2 < 18.0.
 */

const SERIE_PATTERN = /^(?:saas[~-])?(\d+)\.(\d+)$/;

/** [major, minor] of a serie, or undefined for a name that is not one (master, a typo). */
export function parseSerie(serie: string): readonly [number, number] | undefined {
  const match = SERIE_PATTERN.exec(serie.trim());
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2])];
}

/** Negative, zero or positive like a sort comparator; names that are not series sort last, by text. */
export function compareSeries(a: string, b: string): number {
  const left = parseSerie(a);
  const right = parseSerie(b);
  if (left && right) return left[0] - right[0] || left[1] - right[1];
  if (left) return -1;
  if (right) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
