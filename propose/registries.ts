/**
 * What every entity's proposal shares: the names of tables and lookups (one namespace with the
 * built-ins), the value tables being filled, the lookups, reference records and custom fields
 * declared once for the whole package, and the required fields nothing fills. Pure.
 */
import { findModel, type OdooField, type OdooSchema } from "../compiler/catalog/index.js";
import { findBuiltin } from "../compiler/builtins.js";
import type { TableOutput, ValueOutput } from "./fields.js";
import { LOOKUPS } from "./odoo-knowledge.js";
import type { CustomFieldProposal, LookupProposal, RecordEntryProposal } from "./proposal.js";
import { countValues } from "./value-tables.js";
import { identifierOf, pascalCase } from "./words.js";

/** Names in the one namespace of tables, lookups and built-ins, each used once. */
export class CallableNames {
  private readonly used = new Set<string>(Object.values(LOOKUPS).map((lookup) => lookup.name));

  isFree(name: string): boolean {
    return !this.used.has(name) && findBuiltin(name) === undefined;
  }

  take(wanted: string, fallback: string): string {
    let name = this.isFree(wanted) ? wanted : fallback;
    for (let counter = 2; !this.isFree(name); counter++) name = `${fallback}_${counter}`;
    this.used.add(name);
    return name;
  }
}

export interface TableDraft {
  readonly name: string;
  readonly output: TableOutput;
  /** The field it was first made for, for its comment. */
  readonly fieldLabel: string;
  readonly values: Map<string, number>;
  /** For a custom selection field: its options, keyed by source value. */
  readonly customOptions?: ReadonlyMap<string, string>;
  /** The type a table of custom options produces, when not text or records (`decimal`). */
  readonly outputType?: string;
  /** The type of the values it reads, when not text (a rating's `integer`). */
  readonly inputType?: "integer";
  /** What a value the table does not list becomes. */
  readonly unmatched?: "flag" | "reject" | "keep";
  /** Keys `Funnel: Stage`, matched to records by their stage (funnel-stages.ts). */
  readonly qualified?: boolean;
}

export class Registries {
  readonly names = new CallableNames();
  readonly tables = new Map<string, TableDraft>();
  readonly lookups = new Map<string, LookupProposal>();
  readonly records = new Map<string, Map<string, RecordEntryProposal>>();
  readonly customFields = new Map<string, CustomFieldProposal>();
  readonly missingRequired: string[] = [];

  /**
   * `columns`: every column name of the export. A reference record's name reads as a column where
   * both exist (`subtype_id = note` beside a column `note` is the column), so records avoid them.
   */
  constructor(
    readonly schema: OdooSchema,
    private readonly columns: ReadonlySet<string> = new Set(),
  ) {}

  /** The columns (`Entity.column`) whose values fed the users' names table, and each table. */
  private readonly userColumns = new Set<string>();
  private readonly tableSources = new Set<string>();

  /** Columns other files name an entity's rows by (`Entity.column`), declared `unique`. */
  readonly uniqueColumns = new Map<string, { readonly entity: string; readonly column: string; readonly match?: "digits" | "loose" }>();

  private tableKey(output: TableOutput): string {
    if (output.kind === "text") return "text:users";
    return output.kind === "selection" ? `selection:${output.model}.${output.field}` : `records:${output.model}`;
  }

  /** The column `| ref alias by column` names another entity's rows by, declared `unique` once. */
  uniqueColumn(names: { readonly entity: string; readonly nameColumn: string; readonly match?: "loose" }, match: "digits" | "loose" | undefined = names.match): string {
    const key = `${names.entity}.${names.nameColumn}`;
    const known = match ?? this.uniqueColumns.get(key)?.match;
    this.uniqueColumns.set(key, { entity: names.entity, column: names.nameColumn, ...(known === undefined ? {} : { match: known }) });
    return names.nameColumn;
  }

  /**
   * The table turning the names an export writes for its users (`K. Vogel`) into the names Odoo
   * has for them, fed by every owner column; matched when the table is built.
   */
  userNames(column: string, values: readonly string[]): string {
    const existing = this.tables.get(this.tableKey({ kind: "text" }));
    // A column read by two targets (an organisation's and a private person's owner) counts once.
    if (existing !== undefined && this.userColumns.has(column)) return existing.name;
    this.userColumns.add(column);
    const table = existing ?? {
      name: this.names.take("user_name", "owner_name"),
      output: { kind: "text" },
      fieldLabel: "res.users.name",
      values: new Map<string, number>(),
      unmatched: "keep",
    };
    if (existing === undefined) this.tables.set(this.tableKey({ kind: "text" }), table);
    for (const [value, count] of countValues(values)) table.values.set(value, (table.values.get(value) ?? 0) + count);
    return table.name;
  }

  /**
   * The table for an output, made on first use and fed every column's values; named after the
   * field, or the column when that is a built-in's name. Columns whose values hardly overlap
   * (a lead's status and a case's status, both stages) get tables of their own.
   */
  table(output: ValueOutput, field: OdooField, column: string, entity: string, values: readonly string[]): string {
    const counts = countValues(values);
    const base = this.tableKey(output);
    let key = base;
    for (let counter = 2; ; counter++) {
      const existing = this.tables.get(key);
      if (existing === undefined || overlap(existing.values, counts) >= 0.5) break;
      key = `${base}#${counter}`;
    }
    let table = this.tables.get(key);
    if (table === undefined) {
      const base = field.name.replace(/_ids?$/, "");
      const owner = output.model.split(".").pop() ?? "value";
      const wanted = output.kind === "selection" ? `${owner}_${field.name}` : base;
      table = {
        name: this.names.take(wanted, this.names.isFree(column) ? column : `${entity}_${base}`),
        output,
        fieldLabel: `${output.model === field.relation ? field.name : `${output.model}.${field.name}`}`,
        values: new Map(),
      };
      this.tables.set(key, table);
    }
    // A column read by two targets (an organisation's country and a private person's) counts once.
    const source = `${key}\u0000${entity}.${column}`;
    if (this.tableSources.has(source)) return table.name;
    this.tableSources.add(source);
    for (const [value, count] of counts) table.values.set(value, (table.values.get(value) ?? 0) + count);
    return table.name;
  }

  /** A table feeding a custom selection field: every value is an option of its own. */
  customSelectionTable(model: string, field: string, entity: string, options: ReadonlyMap<string, string>, values: readonly string[]): string {
    const key = `selection:${model}.${field}`;
    const name = this.names.take(field.replace(/^x_/, ""), `${entity}_${field.replace(/^x_/, "")}`);
    const table: TableDraft = {
      name,
      output: { kind: "selection", model, field },
      fieldLabel: `${model}.${field}`,
      values: countValues(values),
      customOptions: options,
    };
    this.tables.set(key, table);
    return name;
  }

  /** The lookup of a model's existing records (LOOKUPS), declared once; its name for a pipeline step. */
  lookup(model: string): string {
    const spec = LOOKUPS[model];
    if (spec === undefined) throw new Error(`no lookup for ${model}`);
    if (!this.lookups.has(spec.name))
      this.lookups.set(spec.name, {
        name: spec.name,
        model: spec.model,
        by: spec.by,
        missing: spec.missing,
        ...(spec.match === undefined ? {} : { match: spec.match }),
        comment: spec.comment,
      });
    return spec.name;
  }

  /** A reference record's name in `records <model>`, declared once. */
  record(model: string, entry: RecordEntryProposal): string {
    const byName = this.records.get(model) ?? new Map<string, RecordEntryProposal>();
    this.records.set(model, byName);
    for (const [name, existing] of byName) {
      if (
        (entry.existing !== undefined && existing.existing === entry.existing) ||
        (entry.existing === undefined && JSON.stringify(existing.values) === JSON.stringify(entry.values))
      ) {
        return name;
      }
    }
    const wanted = this.columns.has(entry.name) ? `${entry.name}_${model.split(".").at(-1) ?? "record"}` : entry.name;
    let name = wanted;
    for (let counter = 2; byName.has(name) || this.columns.has(name); counter++) name = `${wanted}_${counter}`;
    byName.set(name, { ...entry, name });
    return name;
  }

  customField(proposal: CustomFieldProposal): CustomFieldProposal {
    const key = `${proposal.model}.${proposal.name}`;
    const existing = this.customFields.get(key);
    if (existing === undefined) {
      this.customFields.set(key, proposal);
      return proposal;
    }
    if (existing.type === proposal.type && existing.relation === proposal.relation && existing.options === undefined && proposal.options === undefined)
      return existing;
    for (let counter = 2; ; counter++) {
      const renamed = { ...proposal, name: `${proposal.name}_${counter}` };
      if (!this.customFields.has(`${proposal.model}.${renamed.name}`)) {
        this.customFields.set(`${proposal.model}.${renamed.name}`, renamed);
        return renamed;
      }
    }
  }
}

/** The share of the smaller value set found in the other. */
export function overlap(left: ReadonlyMap<string, number>, right: ReadonlyMap<string, number>): number {
  const [small, large] = left.size <= right.size ? [left, right] : [right, left];
  if (small.size === 0) return 1;
  let shared = 0;
  for (const value of small.keys()) if (large.has(value)) shared++;
  return shared / small.size;
}
