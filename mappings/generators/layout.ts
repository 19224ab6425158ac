/**
 * File layouts: the exact header of every export file with what each column means. The
 * generators build rows from these layouts and EXPORTS.md renders its tables from them, so the
 * documentation cannot drift from what is written.
 */

export interface ColumnSpec {
  readonly header: string;
  readonly meaning: string;
  readonly format: string;
  readonly example: string;
  /** Always filled in a clean row (an injected defect may still blank it). */
  readonly required: boolean;
}

export interface FileLayout {
  readonly entity: string;
  /** File name, or a pattern such as `relaties_NNN.csv` for chunked files. */
  readonly file: string;
  /** Key columns (a composite key has several). */
  readonly key: readonly string[];
  readonly columns: readonly ColumnSpec[];
  readonly description: string;
}

export function column(header: string, meaning: string, format: string, example: string, required = false): ColumnSpec {
  return { header, meaning, format, example, required };
}

export function headersOf(layout: FileLayout): string[] {
  return layout.columns.map((spec) => spec.header);
}

/** Index of every header of a layout, built once per layout. */
export class ColumnIndex {
  private readonly indexByHeader = new Map<string, number>();

  constructor(readonly layout: FileLayout) {
    layout.columns.forEach((spec, index) => this.indexByHeader.set(spec.header, index));
  }

  indexOf(header: string): number {
    const index = this.indexByHeader.get(header);
    if (index === undefined) throw new Error(`${this.layout.file} has no column "${header}"`);
    return index;
  }

  get width(): number {
    return this.layout.columns.length;
  }
}

/** A row being built: values by header, and which cells an injected defect already changed. */
export class RowDraft {
  readonly values: string[];
  private readonly locked: boolean[];

  constructor(readonly columns: ColumnIndex) {
    this.values = new Array<string>(columns.width).fill("");
    this.locked = new Array<boolean>(columns.width).fill(false);
  }

  get(header: string): string {
    return this.values[this.columns.indexOf(header)] ?? "";
  }

  set(header: string, value: string): void {
    this.values[this.columns.indexOf(header)] = value;
  }

  isFree(header: string): boolean {
    return !this.locked[this.columns.indexOf(header)];
  }

  lock(header: string): void {
    this.locked[this.columns.indexOf(header)] = true;
  }

  /** Sets and locks a cell: an injected defect owns it from now on. */
  corrupt(header: string, value: string): void {
    this.set(header, value);
    this.lock(header);
  }
}
