/**
 * Pick-lists told by the records their values name, whatever their header says: a column whose
 * values are, in whatever language the lexicon knows, the countries the target lists (`Deutschland`,
 * `ΕΛΛΑΔΑ`, `IT`) is a country; one whose values are mostly its industries (`Healthcare`,
 * `Manufacturing`, `Bauwesen`) an industry. The export's own words say nothing here: the target's
 * records do. Pure.
 */
import type { OdooSchema } from "../compiler/catalog/index.js";
import type { ColumnProfile } from "./entities.js";
import type { ValueRole } from "./value-roles.js";
import { countValues, recordOptions, valueSimilarity, type ValueOption } from "./value-tables.js";

interface RecordRole {
  readonly role: ValueRole;
  readonly model: string;
  /** How close a value must come to a record's name: the same concept, or a part of it (`Retail` of `Wholesale/Retail`). */
  readonly closeness: number;
  /** The share of rows (not of distinct values) whose value must name one of the records. */
  readonly rows: number;
  /** The share of distinct values that must name one, three at least. */
  readonly distinct: number;
  /** At most this many distinct values: a pick-list, not a free text. */
  readonly most: number;
}

/**
 * Countries first: a foreign customer's few rows leave most of a country column's values the
 * home country's name, each the same country in the lexicon's words. Industries are named in
 * other words by each CRM (`Healthcare` for Odoo's `Health/Social`, `Maschinenbau` for
 * `Manufacturing`), so a part of a name is enough, for half the values: a few firms' categories
 * (`FÖRETAG`, an organisation, beside `BYRÅ`, `BUTIK`, `PRIVAT`) name one at most.
 */
const RECORD_ROLES: readonly RecordRole[] = [
  { role: "country", model: "res.country", closeness: 0.95, rows: 0.8, distinct: 0, most: 15 },
  { role: "industry", model: "res.partner.industry", closeness: 0.8, rows: 0, distinct: 0.5, most: 20 },
];

/** Two or three capitals: a code, which a country's code may be by chance (`BG` a province of Italy, Bulgaria's code). */
const CODE = /^\p{Lu}{2,3}$/u;

/**
 * Whether a value names a record: its name in the lexicon's words (`Deutschland` is Germany), or
 * its code written as a code (`IT`). Words read as a code (`Herr` → `mr`, Mauritania's code) are
 * not enough for a column no header points to the records.
 */
function namesRecord(value: string, options: readonly ValueOption[], closeness: number): boolean {
  return options.some(
    (option) =>
      valueSimilarity(value, { ...option, aliases: [] }) >= closeness || (CODE.test(value) && option.aliases.some((alias) => alias.toUpperCase() === value)),
  );
}

/** Whether enough of a column's rows and distinct values name the role's records. */
function namesRecords(counts: ReadonlyMap<string, number>, schema: OdooSchema, role: RecordRole): boolean {
  const options = recordOptions(schema.references[role.model] ?? []);
  if (options.length === 0) return false;
  const named = [...counts].filter(([value]) => namesRecord(value, options, role.closeness));
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  const rows = named.reduce((sum, [, count]) => sum + count, 0);
  return rows >= total * role.rows && named.length >= Math.max(1, counts.size * role.distinct) && (role.distinct === 0 || named.length >= 3);
}

/** Whether a column of codes is one country's on most rows: the export's home, not provinces by chance. */
function homeCountryCodes(counts: ReadonlyMap<string, number>): boolean {
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  return Math.max(...counts.values()) >= total * 0.5;
}

/** The role of the records a column's values name, if they name the target's records on enough rows. */
export function recordRole(column: ColumnProfile, schema: OdooSchema): ValueRole | undefined {
  if (column.guess.type !== "text" || column.guess.multiline || column.list !== undefined) return undefined;
  const counts = countValues(column.values);
  const filled = [...counts.values()].reduce((sum, count) => sum + count, 0);
  // Each value on two rows at least on average: names of things, not of each row.
  if (filled < 3 || counts.size * 2 > filled) return undefined;
  const codes = [...counts.keys()].every((value) => CODE.test(value));
  for (const role of RECORD_ROLES) {
    if (counts.size > role.most) continue;
    if (codes && (role.role !== "country" || !homeCountryCodes(counts))) continue;
    if (namesRecords(counts, schema, role)) return role.role;
  }
  return undefined;
}

/** Each column's role by the records its values name, one column per role, the first in the file. */
export function recordRoles(columns: readonly ColumnProfile[], schema: OdooSchema): Map<ColumnProfile, ValueRole> {
  const roles = new Map<ColumnProfile, ValueRole>();
  for (const column of columns) {
    const role = recordRole(column, schema);
    if (role !== undefined && ![...roles.values()].includes(role)) roles.set(column, role);
  }
  return roles;
}
