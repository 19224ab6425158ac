/**
 * A run without a server: Odoo-import CSV files, one per model and step in load order, with `id`
 * and `field/id` columns (external IDs), a manifest, and a README for the person who imports them
 * through Odoo's import screen.
 */
import { createWriteStream, mkdirSync, writeFileSync, type WriteStream } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";
import type { CustomFieldPlan, LookupPlan, RecordPlan } from "../../compiler/plan/schema.js";
import { csvLine } from "../csv-text.js";
import type { RecordRef } from "../transform/values.js";
import {
  knownTargetRecords,
  type ExistingRecord,
  type LoadTarget,
  type SetupOutcome,
  type TargetCapabilities,
  type TargetRecord,
  type WriteBatch,
  type WriteResult,
  type WriteRow,
} from "./target.js";

/**
 * Rows per write: a file gains nothing from big batches, and a row waiting for its batch keeps its
 * cells, and the strings of the source row they are made of, past the young generation's
 * collections; with 1,000 such rows a million-row run promoted about 1.6 KB of garbage a row into
 * the old generation, with 100 a sixth of that.
 */
export const FILE_WRITE_ROWS = 100;

interface OutputFile {
  readonly name: string;
  readonly model: string;
  readonly step: string;
  readonly pass: "main" | "deferred" | "merge" | "setup";
  readonly fields: readonly string[];
  rows: number;
  readonly stream: WriteStream | undefined;
  readonly notes: string[];
}

export class FilesTarget implements LoadTarget {
  readonly mode = "files" as const;
  readonly capabilities: TargetCapabilities = {
    keepsRecords: false,
    earlierRecords: "external-id",
    lookupMatches: "xmlid",
    output: "import-rows",
    cannotArchive: "import files hold rows to load, not records to archive: only a run into a live Odoo archives records whose row is gone",
    writeRows: FILE_WRITE_ROWS,
  };
  readonly referenceStyle = "xmlid" as const;
  private readonly files: OutputFile[] = [];
  private readonly byStep = new Map<string, OutputFile>();

  constructor(
    private readonly directory: string,
    private readonly migration: string,
  ) {
    mkdirSync(directory, { recursive: true });
  }

  describe(): string {
    return `files in ${this.directory}`;
  }

  async lookupRecords(lookup: LookupPlan): Promise<readonly TargetRecord[]> {
    return knownTargetRecords(lookup);
  }

  private open(name: string, model: string, step: string, pass: OutputFile["pass"], fields: readonly string[], notes: string[] = []): OutputFile {
    const path = join(this.directory, name);
    // A megabyte in hand lets the transform go on while a batch is written.
    const stream = createWriteStream(path, { encoding: "utf8", highWaterMark: 1 << 20 });
    stream.write(csvLine(fields));
    const file: OutputFile = { name, model, step, pass, fields, rows: 0, stream, notes };
    this.files.push(file);
    return file;
  }

  /** Odoo's import reads these files and stores each cell as it is: a value is written exactly, never marked for a spreadsheet. */
  private append(file: OutputFile, cells: readonly string[]): void {
    file.stream?.write(csvLine(cells));
    file.rows += 1;
  }

  /**
   * A batch's rows, written as one piece; resolves once the stream has room again. The transform
   * makes rows faster than a disk takes them: without the wait, every row not yet on disk stays in
   * memory (77 MB of a million-row run at one point).
   */
  private async appendAll(file: OutputFile, rows: readonly WriteRow[]): Promise<void> {
    const stream = file.stream;
    file.rows += rows.length;
    if (stream === undefined) return;
    let text = "";
    for (const row of rows) text += csvLine(row.cells);
    if (!stream.write(text)) await once(stream, "drain");
  }

  private fileName(model: string, step: string): string {
    return `${String(this.files.length + 1).padStart(2, "0")}-${model}-${step}.csv`;
  }

  async ensureCustomFields(fields: readonly CustomFieldPlan[]): Promise<readonly SetupOutcome[]> {
    if (fields.length === 0) return [];
    const file = this.open(
      this.fileName("ir.model.fields", "custom-fields"),
      "ir.model.fields",
      "custom-fields",
      "setup",
      ["id", "name", "field_description", "model_id", "ttype", "required", "relation", "selection", "help"],
      ["Custom fields: import these first (Settings > Technical > Fields), or create them by hand with the same technical names."],
    );
    for (const field of fields) {
      const selection =
        field.selection === undefined
          ? ""
          : `[${field.selection.map((option) => `(${JSON.stringify(option.value)}, ${JSON.stringify(option.label)})`).join(", ")}]`;
      this.append(file, [
        `${this.migration}.field_${field.model.replace(/\./g, "_")}__${field.name}`,
        field.name,
        field.label,
        field.model,
        field.type,
        field.required ? "1" : "0",
        field.relation ?? "",
        selection,
        field.help ?? "",
      ]);
    }
    return fields.map((field) => ({ kind: "custom-field", model: field.model, name: field.name, id: 0, action: "created" }));
  }

  async ensureRecords(
    records: readonly RecordPlan[],
    refOf: (model: string, xmlid: string) => RecordRef,
  ): Promise<{ outcomes: readonly SetupOutcome[]; refs: ReadonlyMap<string, RecordRef> }> {
    const refs = new Map<string, RecordRef>();
    const outcomes: SetupOutcome[] = [];
    const byModel = new Map<string, RecordPlan[]>();
    for (const record of records) {
      refs.set(record.xmlid, { kind: "record", model: record.model, xmlid: record.xmlid, label: record.name });
      if (record.existing) {
        outcomes.push({ kind: "record", model: record.model, name: record.name, xmlid: record.xmlid, id: 0, action: "existing" });
        continue;
      }
      byModel.set(record.model, [...(byModel.get(record.model) ?? []), record]);
    }
    for (const [model, planned] of byModel) {
      const fieldNames = [...new Set(planned.flatMap((record) => Object.keys(record.values)))];
      const columns = fieldNames.map((field) =>
        planned.some((record) => typeof record.values[field] === "object" && record.values[field] !== null) ? `${field}/id` : field,
      );
      const file = this.open(
        this.fileName(model, "records"),
        model,
        "records",
        "setup",
        ["id", ...columns],
        [`Reference records the migration creates (the import matches them by external ID, so importing twice does not duplicate them).`],
      );
      for (const record of planned) {
        const cells = fieldNames.map((field) => {
          const value = record.values[field];
          if (value === undefined || value === null) return "";
          if (typeof value === "object") return refOf(value.model, value.xmlid).xmlid ?? "";
          if (typeof value === "boolean") return value ? "1" : "0";
          return String(value);
        });
        this.append(file, [record.xmlid, ...cells]);
        outcomes.push({ kind: "record", model, name: record.name, xmlid: record.xmlid, id: 0, action: "created" });
      }
    }
    return { outcomes, refs };
  }

  async existing(): Promise<ReadonlyMap<string, ExistingRecord>> {
    return new Map();
  }

  async write(batch: WriteBatch): Promise<WriteResult> {
    const key = `${batch.step}\u0000${batch.pass}\u0000${batch.fields.join("\u0001")}`;
    let file = this.byStep.get(key);
    if (file === undefined) {
      const notes = passNotes(batch);
      file = this.open(
        this.fileName(batch.model, batch.pass === "main" ? batch.step : `${batch.step}-${batch.pass === "deferred" ? "second-pass" : "merged"}`),
        batch.model,
        batch.step,
        batch.pass,
        batch.fields,
        notes,
      );
      this.byStep.set(key, file);
    }
    await this.appendAll(file, batch.rows);
    return { loaded: batch.rows.map((row) => ({ key: row.key, id: 0 })), rejected: [] };
  }

  async close(): Promise<void> {
    await Promise.all(
      this.files.map((file) => new Promise<void>((resolveClose) => (file.stream === undefined ? resolveClose() : file.stream.end(() => resolveClose())))),
    );
    const manifest = {
      migration: this.migration,
      files: this.files.map((file, index) => ({
        order: index + 1,
        file: file.name,
        model: file.model,
        step: file.step,
        pass: file.pass,
        rows: file.rows,
        columns: file.fields,
        notes: file.notes,
      })),
      // Files beside the import files, for the next run into this folder to replace (the run's summary and reject files join them).
      written: ["README.md"],
    };
    writeFileSync(join(this.directory, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
    writeFileSync(join(this.directory, "README.md"), this.readme());
  }

  private readme(): string {
    const lines = [
      `# Import files for the ${this.migration} migration`,
      "",
      "Written by `flitmap run --out` from a compiled mapping, for Odoo's import screen (Settings > Technical > Import, or the Import button of each list).",
      "",
      "Import the files in this order; each names its model in its file name:",
      "",
      ...this.files.map(
        (file, index) =>
          `${index + 1}. \`${file.name}\` into **${file.model}** (${file.rows} row${file.rows === 1 ? "" : "s"})${file.notes.length > 0 ? ` — ${file.notes.join(" ")}` : ""}`,
      ),
      "",
      "How to import each file:",
      "",
      "- Keep the column headers as they are: `id` is the external ID of each record, so importing a file twice updates the records instead of duplicating them.",
      "- Columns ending in `/id` point to other records by their external ID: import the files they point to first (the order above does that).",
      '- Tick *Use first row as header*; the files are UTF-8, comma-separated, with `"` as the quote.',
      "- Dates are `YYYY-MM-DD`, date-times `YYYY-MM-DD HH:MM:SS` in UTC, as Odoo stores them.",
      "- Each cell holds exactly the value Odoo must store: a phone number `+44 20 7946 0000` or a note `=see above` is written as it is, with no `'` in front. These files are for Odoo's import; opened in a spreadsheet and saved again, such cells may be turned into formulas or numbers, so import the files as they are.",
      "",
      "Files for people:",
      "",
      "- `rejects/<Entity>.csv`: the rows the run refused, with the file, line and key each came from and why. These are meant to be opened in a spreadsheet, so a cell that would run as a formula there (starting with `=`, `+`, `-`, `@`, a tab or a carriage return, or their full-width forms) starts with a `'`; plain numbers are left as they are.",
      "- `run-summary.json`: every row accounted for (`read = loaded + linked + skipped + rejected + duplicates + not selected` per entity).",
      "",
      "What a live run does and these files cannot:",
      "",
      "- Chatter messages, activities and attachments point to their record by database id (`res_id`), which only exists once the records are imported: load those with `flitmap run --url` against the server, or fill `res_id` after importing.",
      "- The run's journal, delta pickup and rollback need a live server.",
      "",
    ];
    return `${lines.join("\n")}`;
  }
}

/** What the folder's README says of a file beyond its order: a second pass and a merge update records of files before them. */
function passNotes(batch: WriteBatch): string[] {
  if (batch.pass === "deferred")
    return [`Second pass for ${batch.step}: import after every file above; it updates the same records (same ids) with fields that point to records created later.`];
  if (batch.pass === "merge")
    return [
      `Rows of ${batch.step} merged onto records of the files above (\`merge onto\`): import after them; it updates those records (their ids), filling the fields they left empty and adding to their many2many fields.`,
    ];
  return [];
}
