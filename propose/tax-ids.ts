/**
 * National tax and registry numbers written with their own punctuation, which read as phone
 * numbers or codes: Brazil's CNPJ (`12.345.678/0001-95`, a firm's) and CPF (`123.456.789-09`, a
 * person's), Poland's NIP (`329-434-28-93`) and Greece's ΑΦΜ (`094014201`), tax ids; Sweden's organisation number
 * (`556594-0557`), Finland's Y-tunnus (`0112038-9`), Poland's REGON (`452759404`), the Czech and Slovak IČO (`25596641`), Denmark's CVR (`25006321`), Germany's and Hungary's register numbers
 * (`HRB 26762`, `13-09-031555`), a firm's registration; Hungary's adószám (`11202677-2-13`, or its eleven digits), a tax id. Told by their shape and
 * check digits, so that a column of them is the partner's tax id or company registry, whatever its
 * header says. Pure.
 */
import { filledValues } from "./value-shapes.js";

const CNPJ = /^\d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2}$/;
const CPF = /^\d{3}\.\d{3}\.\d{3}-\d{2}$/;

/** A mod-11 check digit over the digits with these weights: 11 minus the remainder, 0 for 10 and 11. */
function checkDigit(digits: readonly number[], weights: readonly number[]): number {
  const rest = weights.reduce((sum, weight, index) => sum + weight * (digits[index] ?? 0), 0) % 11;
  return rest < 2 ? 0 : 11 - rest;
}

function digitsOf(value: string): number[] {
  return Array.from(value.replace(/\D/g, ""), Number);
}

function validCnpj(value: string): boolean {
  const digits = digitsOf(value);
  const first = checkDigit(digits, [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  const second = checkDigit(digits, [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2]);
  return first === digits[12] && second === digits[13];
}

function validCpf(value: string): boolean {
  const digits = digitsOf(value);
  if (new Set(digits).size === 1) return false;
  const first = checkDigit(digits, [10, 9, 8, 7, 6, 5, 4, 3, 2]);
  const second = checkDigit(digits, [11, 10, 9, 8, 7, 6, 5, 4, 3, 2]);
  return first === digits[9] && second === digits[10];
}

/** Poland's NIP: ten digits, grouped by dashes or not; the last a check digit over the others. */
const NIP = /^(?:\d{10}|\d{3}-\d{3}-\d{2}-\d{2}|\d{3}-\d{2}-\d{2}-\d{3})$/;

function validNip(value: string): boolean {
  const digits = digitsOf(value);
  const rest = [6, 5, 7, 2, 3, 4, 5, 6, 7].reduce((sum, weight, index) => sum + weight * (digits[index] ?? 0), 0) % 11;
  return rest !== 10 && rest === digits[9];
}

/** Greece's ΑΦΜ: nine digits, the first eight weighted by powers of two, modulo 11, then 10. */
const AFM = /^\d{9}$/;

function validAfm(value: string): boolean {
  const digits = digitsOf(value);
  const rest = [256, 128, 64, 32, 16, 8, 4, 2].reduce((sum, weight, index) => sum + weight * (digits[index] ?? 0), 0) % 11;
  return rest % 10 === digits[8] && new Set(digits).size > 1;
}

/** Sweden's organisation number: six digits, a dash, four; Luhn over all ten. */
const ORGANISATION_NUMBER = /^\d{6}-\d{4}$/;

function luhn(digits: readonly number[]): boolean {
  const sum = digits.reduce((total, digit, index) => {
    const doubled = (digits.length - 1 - index) % 2 === 1 ? digit * 2 : digit;
    return total + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return sum % 10 === 0;
}

/** Poland's REGON: nine digits, the last a check digit over the others. */
const REGON = /^\d{9}$/;

function validRegon(value: string): boolean {
  const digits = digitsOf(value);
  const rest = [8, 9, 2, 3, 4, 5, 6, 7].reduce((sum, weight, index) => sum + weight * (digits[index] ?? 0), 0) % 11;
  return rest % 10 === digits[8];
}

/**
 * Finland's Y-tunnus: seven digits, a dash, a check digit (weights 7 9 10 5 8 4 2; no number
 * leaves a remainder of 1); a register column holds it now and then as the VAT number it makes
 * (`FI01120389`).
 */
const Y_TUNNUS = /^(?:\d{7}-|FI\d{7})\d$/;

function validYTunnus(value: string): boolean {
  const digits = digitsOf(value);
  const rest = [7, 9, 10, 5, 8, 4, 2].reduce((sum, weight, index) => sum + weight * (digits[index] ?? 0), 0) % 11;
  if (rest === 1) return false;
  return (rest === 0 ? 0 : 11 - rest) === digits[7];
}

/** Hungary's adószám: the firm's eight digits (the last a check digit over the others), its VAT code, its county's two. */
const ADOSZAM = /^\d{8}(?:-[1-5]-|[1-5])\d{2}$/;

function validAdoszam(value: string): boolean {
  const digits = digitsOf(value);
  const sum = [9, 7, 3, 1, 9, 7, 3].reduce((total, weight, index) => total + weight * (digits[index] ?? 0), 0);
  return (10 - (sum % 10)) % 10 === digits[7];
}

/** Whether a value is a national tax number by its shape and check digits. */
export function isNationalTaxId(value: string): boolean {
  const trimmed = value.trim();
  return (
    (CNPJ.test(trimmed) && validCnpj(trimmed)) ||
    (CPF.test(trimmed) && validCpf(trimmed)) ||
    (NIP.test(trimmed) && validNip(trimmed)) ||
    (AFM.test(trimmed) && validAfm(trimmed)) ||
    (ADOSZAM.test(trimmed) && validAdoszam(trimmed))
  );
}

/**
 * Registers that write a firm's number with the register's part, no check digit: Germany's
 * commercial register (`HRB 26762`, `HRA 3370 B`), Hungary's (`13-09-031555`: the court of
 * registration, 01 to 20, the firm's form, its number).
 */
const HANDELSREGISTER = /^(?:HRA|HRB|GnR|PR|VR) \d{1,6}(?: [A-Z]{1,3})?$/;
const CEGJEGYZEKSZAM = /^(?:0[1-9]|1\d|20)-\d{2}-\d{6,7}$/;

/**
 * The Czech and Slovak IČO: eight digits, the last a check digit over the first seven weighted 8
 * to 2 ((11 − the sum mod 11) mod 10); old institutions' written with leading zeros (`00064581`).
 */
const ICO = /^\d{8}$/;

function validIco(value: string): boolean {
  const digits = digitsOf(value);
  const sum = [8, 7, 6, 5, 4, 3, 2].reduce((total, weight, index) => total + weight * (digits[index] ?? 0), 0);
  return (11 - (sum % 11)) % 10 === digits[7] && new Set(digits).size > 1;
}

/**
 * Denmark's CVR number: eight digits, their sum weighted 2 7 6 5 4 3 2 1 divisible by 11; written
 * bare, in pairs (`12 34 56 78`) or as the VAT number it makes (`DK12345678`).
 */
const CVR = /^(?:DK ?)?(?:\d{8}|\d{2} \d{2} \d{2} \d{2})$/;

function validCvr(value: string): boolean {
  const digits = digitsOf(value);
  const sum = [2, 7, 6, 5, 4, 3, 2, 1].reduce((total, weight, index) => total + weight * (digits[index] ?? 0), 0);
  return sum % 11 === 0 && digits[0] !== 0;
}

/** Whether a value is a firm's national registration number by its shape and check digits. */
export function isRegistryNumber(value: string): boolean {
  const trimmed = value.trim();
  return (
    (ORGANISATION_NUMBER.test(trimmed) && luhn(digitsOf(trimmed))) ||
    (REGON.test(trimmed) && validRegon(trimmed)) ||
    (Y_TUNNUS.test(trimmed) && validYTunnus(trimmed)) ||
    (ICO.test(trimmed) && validIco(trimmed)) ||
    (CVR.test(trimmed) && validCvr(trimmed)) ||
    HANDELSREGISTER.test(trimmed) ||
    CEGJEGYZEKSZAM.test(trimmed)
  );
}

const taxIdColumns = new WeakMap<readonly string[], boolean>();

const registryColumns = new WeakMap<readonly string[], boolean>();

function holding(cache: WeakMap<readonly string[], boolean>, values: readonly string[], test: (value: string) => boolean): boolean {
  let known = cache.get(values);
  if (known === undefined) {
    const filled = filledValues(values);
    known = filled.length >= 3 && filled.filter(test).length >= filled.length * 0.9;
    cache.set(values, known);
  }
  return known;
}

/** Whether nine in ten of a column's filled values are national tax numbers (three at least). */
export function holdsTaxIds(values: readonly string[]): boolean {
  return holding(taxIdColumns, values, isNationalTaxId);
}

/** Whether nine in ten of a column's filled values are firms' registration numbers (three at least). */
export function holdsRegistryNumbers(values: readonly string[]): boolean {
  return holding(registryColumns, values, isRegistryNumber);
}

/** Numbers that read as phones but are a partner's tax id or registration. */
export function holdsIdentifiers(values: readonly string[]): boolean {
  return holdsTaxIds(values) || holdsRegistryNumbers(values);
}
