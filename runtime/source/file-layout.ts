/** How a file's header lines up with the columns an entity declares: each column's cell, the headers no column reads, a column every row needs and the file lacks. */
import type { ReportBuilder } from "./csv-reader.js";
import type { EntitySourceSpec } from "./entity-reading.js";
import type { Delimiter } from "./detect.js";

export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, "")
    .trim()
    .normalize("NFC");
}

/** How a file's columns line up with the declared columns. */
export interface FileLayout {
  readonly headers: readonly string[];
  /** Per declared column, its 0-based cell index, or -1 when the file lacks it. */
  readonly positions: readonly number[];
  /** Set when the file lacks a column every row needs: each row is rejected with it. */
  readonly fatal: string | null;
}

/**
 * The name each header is read by: a header's later occurrences in one line (a spreadsheet with
 * two `Telefoon` columns) by their number, `Telefoon (2)`, so a column can read each. A real
 * header of that name keeps it, and the occurrence has none.
 */
export function occurrenceHeaders(headers: readonly string[]): string[] {
  const taken = new Set(headers);
  const seen = new Map<string, number>();
  return headers.map((header) => {
    const count = (seen.get(header) ?? 0) + 1;
    seen.set(header, count);
    if (count === 1 || header === "") return header;
    const named = `${header} (${count})`;
    return taken.has(named) ? header : named;
  });
}

export function layoutFor(spec: EntitySourceSpec, headerCells: readonly string[], file: string, report: ReportBuilder): FileLayout {
  const headers = headerCells.map(normaliseHeader);
  const names = occurrenceHeaders(headers);
  const exact = new Map<string, number>();
  const folded = new Map<string, number>();
  const repeated: number[] = [];
  names.forEach((name, index) => {
    if (exact.has(name)) {
      // Its occurrence name is another header's (`Telefoon (2)` is in the file too): no column can read it.
      if (name !== "")
        report.problem(
          file,
          `header '${name}' appears more than once (columns ${(exact.get(name) ?? 0) + 1} and ${index + 1}); column ${index + 1} cannot be read by its header`,
        );
      return;
    }
    if (name !== headers[index]) repeated.push(index);
    exact.set(name, index);
    if (!folded.has(name.toLowerCase())) folded.set(name.toLowerCase(), index);
  });
  const used = new Set<number>();
  const fatal: string[] = [];
  const neededEverywhere = new Set<string>(spec.key);
  if (spec.duplicates.rule === "newest") neededEverywhere.add(spec.duplicates.column);
  const positions = spec.columns.map((column) => {
    const wanted = normaliseHeader(column.header);
    const position = exact.get(wanted) ?? folded.get(wanted.toLowerCase()) ?? -1;
    if (position >= 0) {
      used.add(position);
      return position;
    }
    const rowsRejected = column.required || neededEverywhere.has(column.name);
    report.missingHeader({ file, header: column.header, column: column.name, rowsRejected });
    if (rowsRejected) fatal.push(`the file has no column '${column.header}'${suggestion(wanted, headers)}`);
    return -1;
  });
  names.forEach((name, index) => {
    if (!used.has(index) && exact.get(name) === index) report.extraHeader({ file, header: name, columnNumber: index + 1 });
  });
  for (const index of repeated) if (!used.has(index)) report.problem(file, repeatedHeaderProblem(headers, names, index));
  const missing = spec.columns.filter((_, index) => positions[index] === -1);
  const hint =
    missing.length === 0
      ? null
      : otherDelimiterHint(
          spec,
          file,
          headers,
          missing.map((column) => column.header),
        );
  if (hint !== null) {
    report.problem(file, hint);
    if (fatal.length > 0) fatal.push(hint);
  }
  return { headers, positions, fatal: fatal.length === 0 ? null : fatal.join("; ") };
}

/** A header's later occurrence no column reads: its cells would be lost without a word. */
function repeatedHeaderProblem(headers: readonly string[], names: readonly string[], index: number): string {
  const header = headers[index] ?? "";
  const first = headers.indexOf(header);
  return `header '${header}' appears more than once (columns ${first + 1} and ${index + 1}); column ${index + 1} is not read: declare a column with the header "${names[index] ?? header}" to read it`;
}

const SHOWN: Record<Delimiter, string> = { ",": ",", ";": ";", "\t": "\\t" };

/**
 * A declared delimiter the file no longer has (a spreadsheet in another locale saved the export
 * again) leaves the whole header line in one cell, and every column "missing": say why, once.
 */
function otherDelimiterHint(spec: EntitySourceSpec, file: string, headers: readonly string[], missing: readonly string[]): string | null {
  if (spec.delimiter === "auto") return null;
  const wanted = new Set(missing.map((header) => normaliseHeader(header).toLowerCase()));
  for (const candidate of [";", ",", "\t"] as const) {
    if (candidate === spec.delimiter) continue;
    const found = headers.flatMap((header) => header.split(candidate)).filter((cell) => wanted.has(normaliseHeader(cell).toLowerCase()));
    if (found.length * 2 >= wanted.size && found.length > 0)
      return `${file}'s header line is separated by '${SHOWN[candidate]}', not by the declared '${SHOWN[spec.delimiter]}' (a spreadsheet saved it again?): declare delimiter "${SHOWN[candidate]}" (or "auto") in the source's csv block`;
  }
  return null;
}

function suggestion(wanted: string, headers: readonly string[]): string {
  const target = wanted.toLowerCase();
  let best: string | null = null;
  let bestDistance = Math.max(2, Math.floor(target.length / 3)) + 1;
  for (const header of headers) {
    const distance = editDistance(target, header.toLowerCase());
    if (distance < bestDistance) {
      best = header;
      bestDistance = distance;
    }
  }
  return best === null ? "" : ` (did you mean '${best}'?)`;
}

function editDistance(left: string, right: string): number {
  let previous = Array.from({ length: right.length + 1 }, (_, index) => index);
  for (let i = 1; i <= left.length; i++) {
    const current = [i];
    for (let j = 1; j <= right.length; j++) {
      const cost = left[i - 1] === right[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[right.length] ?? 0;
}
