/**
 * The Italian codes of the Anagrafe family, well-formed as the ERP validates them: a partita IVA
 * with its check digit, a codice fiscale with its check letter, the SDI recipient code of
 * electronic invoicing, an IBAN with its check digits.
 */
import type { Rng } from "../prng.js";
import { pad } from "./family.js";

export interface Person {
  readonly first: string;
  readonly last: string;
  readonly female: boolean;
}

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** 11 digits, the last a Luhn-like check digit; abroad, the country's own form. */
export function partitaIva(rng: Rng, country: string): string {
  if (country === "CH") return `CHE-${rng.int(100, 999)}.${rng.int(100, 999)}.${rng.int(100, 999)} IVA`;
  if (country === "DE") return `DE${rng.int(100_000_000, 999_999_999)}`;
  if (country === "SM") return `SM${rng.int(10_000, 99_999)}`;
  const digits = [0, ...Array.from({ length: 6 }, () => rng.int(0, 9)), ...pad(rng.int(1, 120), 3).split("").map(Number)];
  let sum = 0;
  digits.forEach((digit, index) => {
    if (index % 2 === 0) sum += digit;
    else sum += digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
  });
  return `${digits.join("")}${(10 - (sum % 10)) % 10}`;
}

function letters(text: string): { consonants: string; vowels: string } {
  const plain = text
    .normalize("NFD")
    .replace(/[^A-Za-z]/g, "")
    .toUpperCase();
  return { consonants: plain.replace(/[AEIOU]/g, ""), vowels: plain.replace(/[^AEIOU]/g, "") };
}

function surnamePart(surname: string): string {
  const { consonants, vowels } = letters(surname);
  return `${consonants}${vowels}XXX`.slice(0, 3);
}

function namePart(name: string): string {
  const { consonants, vowels } = letters(name);
  if (consonants.length >= 4) return `${consonants[0]}${consonants[2]}${consonants[3]}`;
  return `${consonants}${vowels}XXX`.slice(0, 3);
}

const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const MONTH_LETTERS = "ABCDEHLMPRST";
/** Cadastral codes of the towns the customers were born in. */
const TOWN_CODES = ["A794", "E507", "F704", "F205", "B157", "C933", "I829", "L400", "I628", "D245"] as const;

/** 16 characters: surname, name, birth date and town, and the check letter. */
export function codiceFiscale(rng: Rng, person: Person): string {
  const birthDay = rng.int(1, 28) + (person.female ? 40 : 0);
  const body = `${surnamePart(person.last)}${namePart(person.first)}${pad(rng.int(40, 99))}${MONTH_LETTERS.charAt(rng.int(0, 11))}${pad(birthDay)}${rng.pick(TOWN_CODES)}`;
  let sum = 0;
  for (let index = 0; index < body.length; index++) {
    const character = body.charAt(index);
    const value = /\d/.test(character) ? Number(character) : character.charCodeAt(0) - 65;
    sum += index % 2 === 0 ? (ODD_VALUES[value] ?? 0) : value;
  }
  return `${body}${String.fromCharCode(65 + (sum % 26))}`;
}

/**
 * The code electronic invoices are addressed by: 7 characters for a business, "0000000" for a
 * private person (or a business that receives them by PEC), 6 for a public body, "XXXXXXX" abroad.
 */
export function sdiCode(rng: Rng, kind: "company" | "person" | "public" | "abroad"): string {
  if (kind === "person") return "0000000";
  if (kind === "abroad") return "XXXXXXX";
  const length = kind === "public" ? 6 : 7;
  if (kind === "company" && rng.chance(0.2)) return "0000000";
  return Array.from({ length }, () => ALPHANUMERIC.charAt(rng.int(0, ALPHANUMERIC.length - 1))).join("");
}

/** An Italian IBAN with valid check digits, written in groups of four half the time. */
export function anagrafeIban(rng: Rng): string {
  const bban = `${ALPHANUMERIC.charAt(rng.int(0, 25))}${pad(rng.int(1000, 9999), 5)}${pad(rng.int(10_000, 99_999), 5)}${pad(rng.int(0, 999_999), 6)}${pad(rng.int(0, 999_999), 6)}`;
  const numeric = `${bban}IT00`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  const check = pad(98 - Number(BigInt(numeric) % 97n));
  const iban = `IT${check}${bban}`;
  return rng.chance(0.5) ? iban : (iban.match(/.{1,4}/g) ?? [iban]).join(" ");
}
