/**
 * Masking what a package marks as personal data (`email "E-mail" email personal`) in everything a
 * report shows: reject examples, value examples, lookup values. A masked value reads
 * `‹personal #3›`: the same value gets the same number within one report, so a reader can still
 * tell that two rows name the same person, but no report holds the value or a hash of it.
 */
import type { Plan } from "../../compiler/plan/schema.js";

/** What every masked value starts with: reports and tests look for it. */
export const MASK_PREFIX = "‹personal #";

/** `contact[2].email`, the flat name of a column group's column for one instance. */
const GROUP_COLUMN = /^(.+)\[\d+\]\.([^.]+)$/;

export class Masker {
  private readonly tokens = new Map<string, string>();
  private readonly personal = new Map<string, Set<string>>();

  constructor(plan: Plan) {
    for (const entity of plan.entities) {
      const columns = new Set<string>();
      for (const column of entity.columns) if (column.personal) columns.add(column.name);
      for (const group of entity.groups) for (const column of group.columns) if (column.personal) columns.add(`${group.name}.${column.name}`);
      if (columns.size > 0) this.personal.set(entity.name, columns);
    }
  }

  /** Whether the package marks any column personal. */
  get active(): boolean {
    return this.personal.size > 0;
  }

  /** The personal columns of an entity (group columns as `group.column`). */
  columnsOf(entity: string): ReadonlySet<string> {
    return this.personal.get(entity) ?? new Set();
  }

  /** Whether a column (by its name in the plan, or a group column's flat name) is personal. */
  isPersonal(entity: string, column: string): boolean {
    const columns = this.personal.get(entity);
    if (columns === undefined) return false;
    if (columns.has(column)) return true;
    const group = GROUP_COLUMN.exec(column);
    return group !== null && columns.has(`${group[1] ?? ""}.${group[2] ?? ""}`);
  }

  /** The stand-in for one value. */
  token(value: string): string {
    const key = value.trim().toLowerCase();
    let token = this.tokens.get(key);
    if (token === undefined) {
      token = `${MASK_PREFIX}${this.tokens.size + 1}›`;
      this.tokens.set(key, token);
    }
    return token;
  }

  /** A row's cells with the personal ones masked (empty cells stay empty: that they are empty is no secret). */
  cells(entity: string, cells: Readonly<Record<string, string>>): Record<string, string> {
    const masked: Record<string, string> = {};
    for (const [column, value] of Object.entries(cells)) masked[column] = value.trim() !== "" && this.isPersonal(entity, column) ? this.token(value) : value;
    return masked;
  }

  /** The personal values of a row, to take out of any text written about it. */
  valuesOf(entity: string, cells: Readonly<Record<string, string>>): string[] {
    return Object.entries(cells)
      .filter(([column, value]) => value.trim() !== "" && this.isPersonal(entity, column))
      .map(([, value]) => value);
  }

  /** `text` with every occurrence of these values (as read, trimmed, or JSON-quoted inside) masked. */
  text(text: string, values: readonly string[]): string {
    const forms: { form: string; value: string }[] = [];
    for (const value of values) {
      for (const form of new Set([value, value.trim(), JSON.stringify(value.trim()).slice(1, -1)])) if (form.length > 0) forms.push({ form, value });
    }
    // Longest first, so that a value containing another is masked whole.
    forms.sort((left, right) => right.form.length - left.form.length);
    let result = text;
    for (const { form, value } of forms) result = result.split(form).join(this.token(value));
    return result;
  }

  /**
   * Every quoted value ("..." or '...') of a message masked, except the quoted words in `keep`
   * (a fallback's name, a table's values): for messages about a value whose row is not at hand.
   */
  quoted(text: string, keep: ReadonlySet<string> = new Set()): string {
    return text.replace(/"((?:[^"\\]|\\.)*)"|'([^'\n]*)'/g, (whole: string, double: string | undefined, single: string | undefined) => {
      const inner = double ?? single ?? "";
      if (keep.has(inner) || inner === "") return whole;
      return this.token(inner);
    });
  }
}
