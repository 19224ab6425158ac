/**
 * Writes a proposal as `.flitmap` text, one statement per line with its evidence in a `//`
 * comment, so that the printer can format it and a check can point at single lines. Pure.
 *
 * Files: `migration.flitmap` (the migration, the source with every entity, lookups),
 * `setup.flitmap` (custom fields and reference records: what Odoo must have before the load),
 * `tables.flitmap` (value tables), and one file per mapped entity.
 */
import { declaredType, placeholderModifier } from "./column-types.js";
import type { ColumnProfile, EntityProfile } from "./entities.js";
import { quote } from "./literals.js";
import type { BodyLine, EntityProposal, PackageProposal, TableProposal, TargetProposal, UniqueColumnProposal } from "./proposal.js";

export interface EmittedFile {
  readonly name: string;
  readonly text: string;
}

/** Where each assignment line was written, so that a check's findings can be traced back to it. */
export interface EmittedLine {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly entity: string;
  readonly field: string;
  readonly columns: readonly string[];
}

export interface CsvSetting {
  readonly name: string;
  readonly value: string;
}

/** The csv options of the source block, and those an entity needs on top (another delimiter). */
export interface CsvPlan {
  readonly source: readonly CsvSetting[];
  readonly sourceComments: readonly string[];
  readonly entities: ReadonlyMap<string, readonly CsvSetting[]>;
  /** Per column (`Entity.column`), a date pattern other than the source's, or `%` for percentages. */
  readonly columnFormats: ReadonlyMap<string, string>;
  /** Placeholders declared once for the source (`empty_values`): a column needs its own `empty when` only for others. */
  readonly emptyValues: ReadonlySet<string>;
}

/** A `//` comment's text on one line. */
function flat(text: string): string {
  return text.replace(/[\r\n]+/g, " ");
}

class Writer {
  private readonly lines: string[] = [];
  readonly emitted: EmittedLine[] = [];

  constructor(readonly file: string) {}

  line(text: string, comment?: string): number {
    this.lines.push(comment === undefined || comment === "" ? text : `${text} // ${flat(comment)}`);
    return this.lines.length;
  }

  comment(text: string): void {
    this.lines.push(`// ${flat(text)}`);
  }

  blank(): void {
    if (this.lines.length > 0 && this.lines[this.lines.length - 1] !== "") this.lines.push("");
  }

  text(): string {
    return `${this.lines.join("\n")}\n`;
  }
}

function csvBlock(settings: readonly CsvSetting[]): string {
  return `csv { ${settings.map((setting) => `${setting.name} ${quote(setting.value)}`).join("  ")} }`;
}

function columnLine(entity: EntityProfile, column: ColumnProfile, plan: CsvPlan, unique?: UniqueColumnProposal): string {
  const parts = [column.name];
  if (column.header !== column.name) parts.push(quote(column.header));
  parts.push(declaredType(column.guess));
  const format = plan.columnFormats.get(`${entity.name}.${column.group === undefined ? "" : `${column.group}.`}${column.name}`);
  if (format !== undefined) parts.push(quote(format));
  // A column's own list replaces the source's, so it names all of its placeholders, or none when the source's cover them.
  const own = column.guess.placeholders.some((placeholder) => !plan.emptyValues.has(placeholder.value));
  const placeholders = own ? placeholderModifier(column.guess) : "";
  if (placeholders !== "") parts.push(placeholders);
  if (column.name === entity.modifiedColumn) parts.push("modified");
  // A column naming rows by another column than their key does not hold keys.
  const reference = entity.references.find((candidate) => candidate.column === column.name);
  if (reference !== undefined && reference.byName === undefined && column.group === undefined) parts.push(`references ${reference.entity}`);
  if (unique !== undefined) {
    parts.push(
      ["unique", unique.match === undefined ? "" : ` match ${unique.match}`, unique.ambiguous === "reject" ? "" : ` ambiguous ${unique.ambiguous}`].join(""),
    );
  }
  return parts.join(" ");
}

/** A column's evidence, saying where its placeholders are declared. */
function evidence(column: ColumnProfile, plan: CsvPlan): string {
  const own = column.guess.placeholders.some((placeholder) => !plan.emptyValues.has(placeholder.value));
  return own ? column.guess.evidence : column.guess.evidence.replace("declared with `empty when`", "declared in the source's `empty_values`");
}

function referenceNote(entity: EntityProfile, column: ColumnProfile): string {
  const reference = entity.references.find((candidate) => candidate.column === column.name);
  if (reference === undefined) return "";
  const share = Math.round(reference.found * 100);
  const what =
    reference.byName === undefined
      ? `${reference.entity} key`
      : `${reference.entity}'s ${reference.byName}${reference.andName === undefined ? "" : ` and ${reference.andName}`}`;
  const note = share >= 100 ? `; every value is a ${what}` : `; ${share}% of its values are ${what}s (the others dangle)`;
  return reference.byValuesOnly === true ? `${note}, though its name does not say so` : note;
}

function writeSource(writer: Writer, proposal: PackageProposal, entities: readonly EntityProposal[], plan: CsvPlan): void {
  writer.line(`source ${proposal.sourceName} {`);
  if (plan.source.length > 0) writer.line(`  ${csvBlock(plan.source)}`);
  for (const comment of plan.sourceComments) writer.comment(comment);
  for (const { entity, notes } of entities) {
    writer.blank();
    for (const note of notes) writer.comment(note);
    writer.line(`  entity ${entity.name} ${quote(entity.pattern)} key ${entity.key.length === 1 ? (entity.key[0] ?? "") : `(${entity.key.join(", ")})`} {`);
    const entityCsv = plan.entities.get(entity.name);
    if (entityCsv !== undefined && entityCsv.length > 0) writer.line(`    ${csvBlock(entityCsv)}`);
    writer.comment(entity.keyEvidence);
    if (entity.duplicateKeys > 0) {
      const rule = entity.modifiedColumn === undefined ? "duplicates keep last" : `duplicates keep newest by ${entity.modifiedColumn}`;
      writer.line(
        `    ${rule}`,
        `${entity.duplicateKeys} key${entity.duplicateKeys === 1 ? " appears" : "s appear"} in more than one row (chunks repeat their edges)`,
      );
    }
    for (const column of entity.columns) {
      const unique = proposal.uniqueColumns.find((candidate) => candidate.entity === entity.name && candidate.column === column.name);
      if (unique !== undefined) writer.comment(unique.comment);
      writer.line(`    ${columnLine(entity, column, plan, unique)}`, `${evidence(column, plan)}${referenceNote(entity, column)}`);
    }
    for (const group of entity.groups) {
      writer.line(`    group ${group.name}[${group.from}..${group.to}] {`);
      for (const column of group.columns) writer.line(`      ${columnLine(entity, column, plan)}`, evidence(column, plan));
      writer.line("    }");
    }
    writer.line("  }");
  }
  writer.line("}");
}

function writeBody(writer: Writer, body: readonly BodyLine[], indent: string, entity: string): void {
  for (const line of body) {
    switch (line.kind) {
      case "assign": {
        const number = writer.line(`${indent}${line.field} ${line.operator} ${line.expression}`, line.comment);
        writer.emitted.push({ file: writer.file, line: number, entity, field: line.field, columns: line.columns });
        break;
      }
      case "todo":
        writer.line(`${indent}// ${flat(line.text)}`);
        break;
      case "ignore":
        writer.line(`${indent}ignore ${line.column}`, line.comment);
        break;
      case "comment":
        writer.line(`${indent}// ${flat(line.text)}`);
        break;
      case "block":
        if (line.comment !== undefined) writer.line(`${indent}// ${flat(line.comment)}`);
        writer.line(`${indent}${line.header} {`);
        writeBody(writer, line.body, `${indent}  `, entity);
        writer.line(`${indent}}`);
        break;
    }
  }
}

function writeTarget(writer: Writer, target: TargetProposal, indent: string, entity: string): void {
  writer.line(`${indent}${target.header} {`);
  writeBody(writer, target.body, `${indent}  `, entity);
}

function writeEntity(writer: Writer, proposal: EntityProposal): void {
  const declaration = proposal.declaration;
  if (declaration === undefined) return;
  for (const note of proposal.notes) writer.comment(note);
  const entity = proposal.entity.name;
  if (declaration.kind === "map") {
    writeTarget(writer, declaration.target, "", entity);
    if (declaration.fallback !== undefined) {
      writer.line(`} ${declaration.fallback.header} {`);
      writeBody(writer, declaration.fallback.body, "  ", entity);
    }
    writer.line("}");
    return;
  }
  writer.line(`${declaration.header} {`);
  for (const target of declaration.targets) {
    writeTarget(writer, target, "  ", entity);
    writer.line("  }");
  }
  writer.line("}");
}

function writeTable(writer: Writer, table: TableProposal): void {
  writer.comment(table.comment);
  writer.line(`table ${table.name}: ${table.input ?? "text"} -> ${table.output} {`);
  for (const entry of table.entries) {
    const key = table.input === "integer" ? entry.key : quote(entry.key);
    if (entry.value === undefined) writer.line(`  // ${key} -> ?`, entry.comment);
    else writer.line(`  ${key} -> ${entry.value}`, entry.comment);
  }
  const unmatched = {
    flag: "any other value: the field stays empty and the row is reported",
    reject: "any other value rejects the row",
    keep: "any other value is kept as it is",
  }[table.unmatched];
  writer.line(`  _ -> ${table.unmatched}`, unmatched);
  writer.line("}");
  writer.blank();
}

const HEADER = [
  "Proposed by `flitmap init`: every line is a guess from the export's names and values, with its",
  "evidence or confidence in a comment. `// TODO` lines were too unsure to write: decide them.",
  "Check with `flitmap check`; the warnings list what is left to decide.",
];

/** The proposal as unformatted `.flitmap` files, in the order they are listed. */
export function emitPackage(proposal: PackageProposal, plan: CsvPlan): { files: EmittedFile[]; lines: EmittedLine[] } {
  const files: EmittedFile[] = [];
  const lines: EmittedLine[] = [];
  const migration = new Writer("migration.flitmap");
  for (const line of HEADER) migration.comment(line);
  migration.line(`migration ${proposal.migrationName} {`);
  migration.line(`  source ${proposal.sourceName}`);
  migration.line(proposal.target.kind === "series" ? `  target odoo ${quote(proposal.target.series)}` : `  target odoo schema ${quote(proposal.target.path)}`);
  migration.line(`  xmlid ${quote(proposal.sourceName)}`);
  if (proposal.missingRequired.length > 0) {
    migration.comment(`TODO: required fields no column fills (${proposal.missingRequired.join(", ")}): set them, then remove this line`);
    migration.line("  rule missing_required_field warn");
  }
  migration.line("}");
  migration.blank();
  writeSource(migration, proposal, proposal.entities, plan);
  for (const lookup of proposal.lookups) {
    migration.blank();
    migration.comment(lookup.comment);
    if (lookup.match === undefined) migration.line(`lookup ${lookup.name} in ${lookup.model} by ${lookup.by} { missing ${lookup.missing} }`);
    else {
      migration.line(`lookup ${lookup.name} in ${lookup.model} by ${lookup.by} {`);
      migration.line(`  match ${lookup.match.rule}`);
      migration.line(`  ambiguous ${lookup.match.ambiguous}`);
      migration.line(`  missing ${lookup.missing}`);
      migration.line("}");
    }
  }
  for (const step of proposal.steps) {
    migration.blank();
    migration.comment(step.comment);
    migration.line(`step ${step.name} = ${step.expression}`);
  }
  files.push({ name: migration.file, text: migration.text() });

  if (proposal.customFields.length > 0 || proposal.records.length > 0) {
    const setup = new Writer("setup.flitmap");
    setup.comment("What Odoo must have before the load: custom fields for data without a standard field, and reference records.");
    const models = [...new Set(proposal.customFields.map((field) => field.model))];
    for (const model of models) {
      setup.blank();
      setup.line(`extend ${model} {`);
      for (const field of proposal.customFields.filter((candidate) => candidate.model === model)) {
        const relation = field.relation === undefined ? "" : ` ${field.relation}`;
        const options = field.options === undefined ? "" : ` { ${field.options.map((option) => `${option.key} ${quote(option.label)}`).join("  ")} }`;
        setup.line(`  ${field.name} ${field.type}${relation} ${quote(field.label)}${options}`, field.comment);
      }
      setup.line("}");
    }
    for (const records of proposal.records) {
      setup.blank();
      if (records.entries.some((entry) => entry.existing === undefined)) {
        setup.comment(
          `${records.model}: \`existing\` records are Odoo's own; the others have no match in Odoo and are created by the migration (or choose an existing one)`,
        );
      }
      setup.line(`records ${records.model} {`);
      for (const entry of records.entries) {
        if (entry.existing !== undefined) setup.line(`  ${entry.name} existing ${quote(entry.existing)}`, entry.comment);
        else setup.line(`  ${entry.name} { ${(entry.values ?? []).map(([field, value]) => `${field} ${value}`).join("  ")} }`, entry.comment);
      }
      setup.line("}");
    }
    files.push({ name: setup.file, text: setup.text() });
  }

  if (proposal.tables.length > 0) {
    const tables = new Writer("tables.flitmap");
    tables.comment("Value tables: each source value and the Odoo value it becomes. `// ... -> ?` lines found no match: choose one.");
    tables.blank();
    for (const table of proposal.tables) writeTable(tables, table);
    files.push({ name: tables.file, text: tables.text() });
  }

  for (const entity of proposal.entities) {
    if (entity.file === undefined || entity.declaration === undefined) continue;
    const writer = new Writer(entity.file);
    writeEntity(writer, entity);
    files.push({ name: writer.file, text: writer.text() });
    lines.push(...writer.emitted);
  }
  return { files, lines };
}
