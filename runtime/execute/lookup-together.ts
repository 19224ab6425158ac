/**
 * Lookups `by name and city`: a record matches when each of its match fields matches the value
 * given for it, in order, trimmed and without case (or loosely, with `match loose`); a blank value
 * matches a blank field. The step asks with the values as JSON (`["Acme","Breda"]`), which is also
 * how the journal keeps the question. Several records matching are settled by the lookup's
 * `ambiguous` policy; a lookup that declares neither a rule nor a policy keeps the first, as a
 * lookup by one field does.
 */
import type { LookupPlan } from "../../compiler/plan/schema.js";
import type { LookupResolution } from "../transform/evaluate.js";
import type { RecordRef } from "../transform/values.js";
import { matchKey, settleMatches, type NameMatcher } from "./name-match.js";

export interface TogetherCandidate {
  readonly ref: RecordRef;
  /** The record's values of the lookup's match fields, in order, as text ("" for none). */
  readonly values: readonly string[];
}

/** A field's value as text: a many2one by its name, nothing as "". */
export function fieldText(value: unknown): string {
  if (value === undefined || value === null || value === false) return "";
  if (Array.isArray(value)) return fieldText(value[1]);
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : "";
}

function asked(question: string): readonly string[] | undefined {
  try {
    const parsed: unknown = JSON.parse(question);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === "string") ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function togetherMatcher(lookup: LookupPlan, candidates: readonly TogetherCandidate[], fallback: (value: string) => LookupResolution): NameMatcher {
  const rule = lookup.matchRule === "loose" ? "loose" : "exact";
  const keyOf = (values: readonly string[]): string => JSON.stringify(values.map((value) => matchKey(value, rule)));
  const byKey = new Map<string, RecordRef[]>();
  for (const candidate of candidates) {
    const key = keyOf(candidate.values);
    byKey.set(key, [...(byKey.get(key) ?? []), candidate.ref]);
  }
  const settleFirst = lookup.ambiguous === undefined && lookup.matchRule === undefined;
  return {
    resolve(question) {
      const values = asked(question);
      const found = values === undefined || values.length !== lookup.matchFields.length ? [] : (byKey.get(keyOf(values)) ?? []);
      return settleMatches(lookup, question, settleFirst ? found.slice(0, 1) : found, fallback);
    },
  };
}
