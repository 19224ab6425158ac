/**
 * Owners written as names: `K. Vogel`, `Vogel, Klaus`, `MARTIN Julien`, `Klaus Vogel` or as a
 * login-like code (`ANOWAK`, Anna Nowak), matched
 * to the users the target Odoo has (a schema pulled from the customer's server lists them) by
 * surname and first name or initials, ignoring case and accents. Pure.
 */
import type { ReferenceRecord } from "../compiler/catalog/index.js";
import { foldText } from "./words.js";

interface NameParts {
  readonly surname: string;
  /** First names or initials, folded. */
  readonly given: readonly string[];
}

function tokens(text: string): string[] {
  return text.split(/[\s.]+/).filter((token) => token !== "");
}

/** The surname and given names a value says, by the way it is written. */
export function nameParts(value: string): NameParts | undefined {
  const trimmed = value.trim();
  const comma = /^([^,]+),\s*(.+)$/.exec(trimmed);
  if (comma !== null) return { surname: foldText(comma[1] ?? ""), given: tokens(foldText(comma[2] ?? "")) };
  const words = tokens(trimmed);
  if (words.length < 2) return undefined;
  // `MARTIN Julien`: the surname in capitals first.
  const capitals = words.filter((word) => word.length > 1 && word === word.toUpperCase() && /\p{Lu}/u.test(word));
  if (capitals.length > 0 && capitals.length < words.length && words[0] === capitals[0]) {
    return { surname: foldText(capitals.join(" ")), given: words.slice(capitals.length).map(foldText) };
  }
  return { surname: foldText(words[words.length - 1] ?? ""), given: words.slice(0, -1).map(foldText) };
}

function sameGiven(written: readonly string[], full: readonly string[]): boolean {
  if (written.length === 0 || written.length > full.length) return false;
  return written.every((token, index) => {
    const other = full[index] ?? "";
    return token.length === 1 ? other.startsWith(token) : other === token;
  });
}

/** `Ana Paula F.`, `Mark de V.`: given names written in full, then a surname's initial (or two). */
const SURNAME_INITIAL = /^\p{Lu}\p{Ll}[\p{L}'’-]*(?:\s[\p{L}'’-]+){0,3}(?:\s\p{Lu}\.?)+$/u;

/** Whether a value names a person by given names and a surname's initial. */
export function surnameInitialName(value: string): boolean {
  return SURNAME_INITIAL.test(value.trim());
}

/** Whether most of a column's distinct values are written so: users shortened as CRMs show them. */
export function surnameInitialNames(values: readonly string[]): boolean {
  const distinct = [...new Set(values.map((value) => value.trim()).filter((value) => value !== ""))];
  return distinct.length > 0 && distinct.filter(surnameInitialName).length >= distinct.length * 0.8;
}

/** `ANOWAK`: the login-like code an ERP gives an operator, a given name's initial glued to the surname. */
const GLUED_CODE = /^\p{Lu}{4,15}$/u;

/** The one active internal user a written name stands for, or undefined when none or several do. */
export function matchUser(value: string, users: readonly ReferenceRecord[]): ReferenceRecord | undefined {
  const written = nameParts(value);
  const code = GLUED_CODE.test(value.trim()) ? foldText(value.trim()) : undefined;
  if (written === undefined && code === undefined) return undefined;
  const candidates = users.filter((user) => {
    if (user.values["active"] === false || user.values["share"] === true) return false;
    const full = nameParts(user.name);
    if (full === undefined) return false;
    if (written === undefined) return `${(full.given[0] ?? "").charAt(0)}${full.surname.replace(/\s+/g, "")}` === code;
    return full.surname === written.surname && sameGiven(written.given, full.given);
  });
  return candidates.length === 1 ? candidates[0] : undefined;
}
