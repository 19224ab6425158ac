/**
 * Rejected rows grouped by reason: rows rejected for the same kind of reason land in one group
 * (`'Due Date': … is not a date`), whatever value each row held, with a few examples each.
 */
import type { RejectRecord } from "../execute/run.js";
import type { Masker } from "./mask.js";

/** A leading `'Column Name'` (the reader's) or `field:` (the transform's) says where; it is part of the reason, not a value. */
const LEADING_NAME = /^(?:'[^'\n]*':?|[A-Za-z_][\w./]*:)/;

/**
 * The reason with its values taken out: quoted text and numbers become `…`, and an explanation
 * after the value (`: there is no month 13`) is dropped, so that rows with the same problem group.
 */
export function reasonPattern(reason: string): string {
  const leading = LEADING_NAME.exec(reason)?.[0] ?? "";
  let rest = reason.slice(leading.length);
  rest = rest.replace(/"(?:[^"\\]|\\.)*"|'[^'\n]*'/g, "…");
  rest = rest.replace(/(?<![\w/])[-+]?\d+(?:[.,]\d+)*(?![\w/])/g, "…");
  rest = rest.replace(/…(?:\s*…)+/g, "…");
  const placeholder = rest.indexOf("…");
  if (placeholder >= 0) {
    const explanation = rest.indexOf(": ", placeholder);
    if (explanation >= 0) rest = rest.slice(0, explanation);
  }
  return `${leading}${rest}`.trim();
}

export interface RejectExample {
  readonly file?: string;
  readonly line?: number;
  readonly key?: string;
  readonly reason: string;
  /** The row's cells as read, personal ones masked. */
  readonly cells?: Readonly<Record<string, string>>;
}

export interface RejectGroup {
  readonly entity: string;
  readonly step?: string;
  readonly pattern: string;
  readonly count: number;
  readonly examples: readonly RejectExample[];
}

/** A reject with the package's personal data masked in its cells and in its reason. */
export function maskedReject(reject: RejectRecord, masker: Masker): RejectExample {
  const values = reject.cells === undefined ? [] : masker.valuesOf(reject.entity, reject.cells);
  return {
    ...(reject.file === undefined ? {} : { file: reject.file }),
    ...(reject.line === undefined ? {} : { line: reject.line }),
    ...(reject.key === undefined ? {} : { key: masker.text(reject.key, values) }),
    reason: masker.text(reject.reason, values),
    ...(reject.cells === undefined ? {} : { cells: masker.cells(reject.entity, reject.cells) }),
  };
}

/** Groups by entity, step and reason pattern; the largest groups first, examples in file order. */
export function groupRejects(rejects: readonly RejectRecord[], masker: Masker, examplesPerGroup = 3): RejectGroup[] {
  const groups = new Map<string, { entity: string; step?: string; pattern: string; count: number; examples: RejectRecord[] }>();
  for (const reject of rejects) {
    const pattern = reasonPattern(reject.reason);
    const key = `${reject.entity}\u0000${reject.step ?? ""}\u0000${pattern}`;
    let group = groups.get(key);
    if (group === undefined) {
      group = { entity: reject.entity, ...(reject.step === undefined ? {} : { step: reject.step }), pattern, count: 0, examples: [] };
      groups.set(key, group);
    }
    group.count += 1;
    group.examples.push(reject);
  }
  return [...groups.values()]
    .sort((left, right) => right.count - left.count || left.entity.localeCompare(right.entity) || left.pattern.localeCompare(right.pattern))
    .map((group) => ({
      ...group,
      examples: [...group.examples]
        .sort((left, right) => (left.file ?? "").localeCompare(right.file ?? "") || (left.line ?? 0) - (right.line ?? 0))
        .slice(0, examplesPerGroup)
        .map((reject) => maskedReject(reject, masker)),
    }));
}
