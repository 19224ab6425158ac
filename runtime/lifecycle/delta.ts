/**
 * Delta pickup (`flitmap run --since TIMESTAMP`): only rows created or modified since the time are
 * written, everything else is left as it is in Odoo.
 *
 * - An entity that declares a `modified` column: a row is taken when that column is at or after
 *   the time, when it is empty (nothing says it did not change), or when no earlier run wrote a
 *   record from it (a new row whose export kept an old modification date). Also when what its
 *   records read from other rows changed: rows a `with` block links to it (a contact's
 *   employments: added, removed or changed) or values `get` reads. The run journals a digest of
 *   those with each record; the delta compares it with the digest now. Without a digest (import
 *   files, or records written before digests were journaled), by the dates of those rows: taken
 *   when one of its linked rows changed since the time, or when one of them has no
 *   modification column (which cannot tell).
 * - An entity without one: every row is transformed and compared with the journal, by the hash of
 *   the values it makes (the run's own check): only rows whose values changed are written.
 *
 * Rows the delta leaves out are not read again; records they made in earlier runs are found in
 * the journal when a changed row points to them. Rows gone from the export are found in the whole
 * export, not in the rows the delta takes: reported, and archived when the package says
 * `deleted archive` (runtime/execute/deletions.ts), never deleted.
 */
import type { ColumnPlan, EntityPlan, Plan } from "../../compiler/plan/schema.js";
import { stepFeeds } from "../execute/plan-walk.js";
import type { RowFilter, RowSelection, SelectionContext } from "../execute/run.js";
import { knownFeeds, knownRecords } from "../journal/journal.js";
import type { SourceRow } from "../source/index.js";
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

/** The entities whose rows feed an entity's records: linked through `with` blocks (with the linking column), or read by `get`. */
function feedingEntities(plan: Plan, entity: string): { linked: { entity: string; by: string }[]; got: Set<string> } {
  const linked = new Map<string, { entity: string; by: string }>();
  const got = new Set<string>();
  for (const step of plan.steps) {
    if (step.entity !== entity) continue;
    const feeds = stepFeeds(step);
    for (const link of feeds?.linked ?? []) linked.set(`${link.entity}\u0000${link.by}`, link);
    for (const get of feeds?.gets ?? []) got.add(get.entity);
  }
  return { linked: [...linked.values()], got };
}

function changedSince(rule: DeltaEntityRule | undefined, values: Readonly<Record<string, unknown>>): boolean {
  if (rule?.column === undefined || rule.threshold === undefined) return true;
  const value = values[rule.column];
  if (value === null || value === undefined || value === "") return true;
  return (typeof value === "string" ? value : String(value)) >= rule.threshold;
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
      const byDate = (entity: EntityPlan, row: { readonly key: string; readonly values: Readonly<Record<string, unknown>> }): boolean => {
        const rule = rules.get(entity.name);
        return rule?.column === undefined || changedSince(rule, row.values) || !writtenBefore(entity.name, row.key);
      };
      // Rows taken because rows they read changed, though their own date did not.
      const fed = new Map<string, Set<string>>();
      const feeding = new Map<string, string[]>();
      const digests = journal === undefined ? undefined : knownFeeds(journal.events);
      const byDateOf = linkedDates(context, rules);
      const includes = (entity: EntityPlan, row: { readonly key: string; readonly values: Readonly<Record<string, unknown>> }): boolean =>
        byDate(entity, row) || fed.get(entity.name)?.has(row.key) === true;
      // Count once, for the summary and the progress bars.
      for (const entity of plan.entities) {
        if (stepsOf(entity.name).length === 0) continue;
        // Entities compared by content need none of this: the run's own hash check sees everything.
        const found = rules.get(entity.name)?.column === undefined ? undefined : feedingEntities(plan, entity.name);
        const feeds = found !== undefined && (found.linked.length > 0 || found.got.size > 0) ? found : undefined;
        if (feeds !== undefined) feeding.set(entity.name, [...new Set([...feeds.linked.map((link) => link.entity), ...feeds.got])]);
        const readsChanged = async (row: SourceRow): Promise<boolean> => {
          if (feeds === undefined) return false;
          const now = await context.feedDigests(entity, row);
          for (const { xmlid, digest } of now) {
            const before = digests?.get(xmlid);
            // A record no earlier run wrote: its row is taken by date already (writtenBefore).
            if (before !== undefined ? before !== digest : (known === undefined || known.has(xmlid)) && (await byDateOf(feeds, row.key))) return true;
          }
          return false;
        };
        let count = 0;
        for await (const item of context.rows(entity).rows) {
          if (item.kind !== "row") continue;
          if (byDate(entity, item)) count += 1;
          else if (await readsChanged(item)) {
            count += 1;
            const keys = fed.get(entity.name) ?? new Set<string>();
            fed.set(entity.name, keys);
            keys.add(item.key);
          }
        }
        taken.set(entity.name, count);
      }
      const described = plan.entities
        .filter((entity) => taken.has(entity.name))
        .map((entity) => {
          const rule = rules.get(entity.name);
          const all = context.indexes.entities.get(entity.name)?.keys.size ?? 0;
          const readers = fed.get(entity.name)?.size ?? 0;
          const because = readers === 0 ? "" : `; ${readers} of them because rows they read from ${(feeding.get(entity.name) ?? []).join(", ")} changed`;
          return rule?.column === undefined
            ? `${entity.name} all ${all} rows, compared by content with the journal`
            : `${entity.name} ${taken.get(entity.name) ?? 0} of ${all} rows (${rule.column} since ${rule.threshold ?? ""} UTC${because})`;
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

/**
 * Without a digest to compare with: whether rows that feed a row changed since the time, by their
 * own dates. An entity's rows are read once, when first asked about: for linked rows, the values
 * of the linking column of rows changed since; `get` reads rows by keys only evaluation knows, so
 * any changed row of the entity counts. An entity without a `modified` column cannot tell: it
 * counts as changed.
 */
function linkedDates(
  context: SelectionContext,
  rules: ReadonlyMap<string, DeltaEntityRule>,
): (feeds: { readonly linked: readonly { entity: string; by: string }[]; readonly got: ReadonlySet<string> }, key: string) => Promise<boolean> {
  const changed = new Map<string, Promise<{ readonly any: boolean; readonly by: ReadonlyMap<string, ReadonlySet<string>> }>>();
  const changedRows = (name: string): Promise<{ readonly any: boolean; readonly by: ReadonlyMap<string, ReadonlySet<string>> }> => {
    let found = changed.get(name);
    if (found === undefined) {
      found = (async () => {
        const entity = context.plan.entities.find((candidate) => candidate.name === name);
        const rule = rules.get(name);
        const by = new Map<string, Set<string>>();
        let any = false;
        if (entity === undefined) return { any, by };
        const columns = entity.columns.map((column) => column.name);
        for await (const item of context.rows(entity).rows) {
          if (item.kind !== "row" || !changedSince(rule, item.values)) continue;
          any = true;
          for (const column of columns) {
            const value = item.values[column];
            if (value === null || value === undefined) continue;
            const values = by.get(column) ?? new Set<string>();
            by.set(column, values);
            values.add(String(value).trim());
          }
        }
        return { any, by };
      })();
      changed.set(name, found);
    }
    return found;
  };
  return async (feeds, key) => {
    for (const { entity, by } of feeds.linked) {
      if (rules.get(entity)?.column === undefined) return true;
      if ((await changedRows(entity)).by.get(by)?.has(key) === true) return true;
    }
    for (const entity of feeds.got) if (rules.get(entity)?.column === undefined || (await changedRows(entity)).any) return true;
    return false;
  };
}
