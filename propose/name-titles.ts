/**
 * Academic degrees written around a person's name in columns of their own, as Czech and Slovak
 * exports keep them (`Ing.` before the name, `Ph.D.` after it): part of the name as the person
 * writes it (`Ing. Jan Novák, Ph.D.`), not a form of address. Odoo's titles (Mister, Madam,
 * Doctor) hold no degree written after a name, and the degrees before it go with those after.
 * Told by the values (degrees after a name) and by a header word the two columns share, so a
 * column of forms of address alone (`Dr.`, `Sig.`, `Frau`) stays the partner's title. Pure.
 */
import type { ColumnRef } from "./fields.js";

/** Degrees written after a name, folded (no dots, lower case): `Ph.D.` is `phd`, `LL.M.` `llm`. */
const POST_NOMINALS: ReadonlySet<string> = new Set([
  "phd",
  "csc",
  "drsc",
  "dis",
  "mba",
  "emba",
  "llm",
  "lld",
  "msc",
  "bsc",
  "thd",
  "artd",
  "mpa",
  "dba",
  "mph",
]);

function filled(column: ColumnRef): string[] {
  return column.profile.values.map((value) => value.trim()).filter((value) => value !== "");
}

/** `Ph.D.`, `CSc.`, `Ph.D., MBA`: degrees after a name, one or several. */
function postNominal(value: string): boolean {
  const parts = value.split(/[,\s]+/).filter((part) => part !== "");
  return parts.length > 0 && parts.every((part) => POST_NOMINALS.has(part.replace(/\./g, "").toLowerCase()));
}

/** `Ing.`, `MUDr.`, `Ing. arch.`, `prof. Ing.`: words shortened with a dot. */
function abbreviated(value: string): boolean {
  return value.split(/\s+/).every((part) => /^\p{L}{1,6}\.$/u.test(part));
}

function oneLine(column: ColumnRef): boolean {
  const guess = column.profile.guess;
  return column.reference === undefined && guess.type === "text" && !guess.multiline && column.profile.list === undefined;
}

/** The columns of degrees before and after a name, when the export has degrees after names. */
export function nameDegrees(free: readonly ColumnRef[], name: readonly ColumnRef[]): { readonly before?: ColumnRef; readonly after: ColumnRef } | undefined {
  const candidates = free.filter((column) => !name.includes(column) && oneLine(column));
  const after = candidates.find((column) => filled(column).length >= 2 && filled(column).every(postNominal));
  if (after === undefined) return undefined;
  const before = candidates.find(
    (column) =>
      column !== after &&
      column.profile.words.some((word) => after.profile.words.includes(word)) &&
      filled(column).length >= 2 &&
      filled(column).every(abbreviated),
  );
  return before === undefined ? { after } : { before, after };
}

/** `[([titul, jmeno, prijmeni] | join(" ")), titul_za] | join(", ")`: empty parts are left out. */
export function degreedName(degrees: { readonly before?: ColumnRef; readonly after: ColumnRef }, first: string, last: string): string {
  const around = [...(degrees.before === undefined ? [] : [degrees.before.path]), first, last];
  return `[([${around.join(", ")}] | join(" ")), ${degrees.after.path}] | join(", ")`;
}
