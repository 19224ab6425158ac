/**
 * National tax numbers written with their own punctuation, which read as phone numbers: Brazil's
 * CNPJ (`12.345.678/0001-95`, a firm's) and CPF (`123.456.789-09`, a person's), told by their
 * shape and both check digits, so that a column of them is the partner's tax id, whatever its
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

/** Whether a value is a national tax number by its shape and check digits. */
export function isNationalTaxId(value: string): boolean {
  const trimmed = value.trim();
  return (CNPJ.test(trimmed) && validCnpj(trimmed)) || (CPF.test(trimmed) && validCpf(trimmed));
}

const taxIdColumns = new WeakMap<readonly string[], boolean>();

/** Whether nine in ten of a column's filled values are national tax numbers (three at least). */
export function holdsTaxIds(values: readonly string[]): boolean {
  let known = taxIdColumns.get(values);
  if (known === undefined) {
    const filled = filledValues(values);
    known = filled.length >= 3 && filled.filter(isNationalTaxId).length >= filled.length * 0.9;
    taxIdColumns.set(values, known);
  }
  return known;
}
