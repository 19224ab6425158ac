/**
 * Delta pickup (`flitmap run --since TIMESTAMP`): only rows created or modified since the time are
 * written, everything else is left as it is in Odoo.
 *
 * - An entity that declares a `modified` column: a row is taken when that column is at or after
 *   the time, when it is empty (nothing says it did not change), or when no earlier run wrote a
 *   record from it (a new row whose export kept an old modification date).
 * - An entity without one: every row is transformed and compared with the journal, by the hash of
 *   the values it makes (the run's own check): only rows whose values changed are written.
 *
 * Rows the delta leaves out are not read again; records they made in earlier runs are found in
 * the journal when a changed row points to them. Rows gone from the export are found in the whole
 * export, not in the rows the delta takes: reported, and archived when the package says
 * `deleted archive` (runtime/execute/deletions.ts), never deleted.
 */
import type { ColumnPlan, EntityPlan } from "../../compiler/plan/schema.js";
import type { RowFilter, RowSelection, SelectionContext } from "../execute/run.js";
import { knownRecords } from "../journal/journal.js";
import { formatOdooDateTime, localTimeToUtc, matchIsoDate, matchIsoDateTime, offsetTimeToUtc, type CalendarFields } from "../source/dates.js";

/** A moment given on the command line: an instant (with an offset) or a wall-clock time read in each entity's time zone. */
export type SinceMoment = { readonly kind: "instant"; readonly utcMs: number } | { readonly kind: "local"; readonly fields: CalendarFields };

export function parseSince(text: string): { ok: true; moment: SinceMoment } | { ok: false; reason: string } {
  const trimmed = text.trim();
  const date = matchIsoDate(trimmed);
  if (date.ok) return { ok: true, moment: { kind: "local", fields: date.fields } };
  const datetime = matchIsoDateTime(trimmed);
  if (datetime.ok) {
    return datetime.offsetMinutes === null
      ? { ok: true, moment: { kind: "local", fields: datetime.fields } }
      : { ok: true, moment: { kind: "instant", utcMs: offsetTimeToUtc(datetime.fields, datetime.offsetMinutes) } };
  }
  const why = date.reason ?? datetime.reason;
  return {
    ok: false,
    reason: `--since ${JSON.stringify(text)} is not a date or time${why === null ? "" : ` (${why})`}: write it as 2024-03-01, 2024-03-01T09:30 (the export's time zone) or 2024-03-01T09:30Z`,
  };
}

/** The moment as Odoo-style UTC text in an entity's time zone, comparable with its `datetime` values. */
export function sinceIn(moment: SinceMoment, timeZone: string): string {
  return formatOdooDateTime(moment.kind === "instant" ? moment.utcMs : localTimeToUtc(moment.fields, timeZone));
}

function modifiedColumn(entity: EntityPlan): ColumnPlan | undefined {
  return entity.columns.find((column) => column.modified && (column.type === "datetime" || column.type === "date"));
}

export interface DeltaEntityRule {
  readonly entity: string;
  /** The column compared with the time, or none (compared by content with the journal). */
  readonly column?: string;
  readonly threshold?: string;
}

export function deltaRules(entities: readonly EntityPlan[], moment: SinceMoment): DeltaEntityRule[] {
  return entities.map((entity) => {
    const column = modifiedColumn(entity);
    if (column === undefined) return { entity: entity.name };
    const threshold = sinceIn(moment, entity.options.timezone);
    // A date column holds days: a row changed on the day of the time counts.
    return { entity: entity.name, column: column.name, threshold: column.type === "date" ? threshold.slice(0, 10) : threshold };
  });
}

/** `flitmap run --since`: rows changed since the moment. */
export function deltaSelection(since: string): RowSelection {
  const parsed = parseSince(since);
  if (!parsed.ok) throw new Error(parsed.reason);
  const moment = parsed.moment;
  return {
    async prepare(context: SelectionContext): Promise<RowFilter> {
      const { plan, journal } = context;
      const rules = new Map(deltaRules(plan.entities, moment).map((rule) => [rule.entity, rule]));
      const known = journal === undefined ? undefined : knownRecords(journal.events);
      const stepsOf = (entity: string) => plan.steps.filter((step) => step.entity === entity);
      const writtenBefore = (entity: string, key: string): boolean => {
        if (known === undefined) return true;
        for (const step of stepsOf(entity)) {
          const instances =
            step.forEach === undefined
              ? [undefined]
              : Array.from({ length: step.forEach.to - step.forEach.from + 1 }, (_, index) => (step.forEach?.from ?? 1) + index);
          for (const instance of instances) if (known.has(context.xmlidOf(step, key, instance))) return true;
        }
        return false;
      };
      const taken = new Map<string, number>();
      const includes = (entity: EntityPlan, row: { readonly key: string; readonly values: Readonly<Record<string, unknown>> }): boolean => {
        const rule = rules.get(entity.name);
        if (rule?.column === undefined || rule.threshold === undefined) return true;
        const value = row.values[rule.column];
        if (value === null || value === undefined || value === "") return true;
        const text = typeof value === "string" ? value : String(value);
        return text >= rule.threshold || !writtenBefore(entity.name, row.key);
      };
      // Count once, for the summary and the progress bars.
      for (const entity of plan.entities) {
        if (stepsOf(entity.name).length === 0) continue;
        let count = 0;
        for await (const item of context.rows(entity).rows) if (item.kind === "row" && includes(entity, item)) count += 1;
        taken.set(entity.name, count);
      }
      const described = plan.entities
        .filter((entity) => taken.has(entity.name))
        .map((entity) => {
          const rule = rules.get(entity.name);
          const all = context.indexes.entities.get(entity.name)?.keys.size ?? 0;
          return rule?.column === undefined
            ? `${entity.name} all ${all} rows, compared by content with the journal`
            : `${entity.name} ${taken.get(entity.name) ?? 0} of ${all} rows (${rule.column} since ${rule.threshold ?? ""} UTC)`;
        });
      context.say(`delta since ${since}: ${described.join("; ")}`);
      if (journal === undefined || known?.size === 0) context.say("delta: no earlier run in the journal: rows without a modification column are all new");
      return {
        description: `rows changed since ${since}`,
        includes,
        selectedCount: (entity) => taken.get(entity.name),
      };
    },
  };
}
