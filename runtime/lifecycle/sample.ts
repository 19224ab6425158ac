/**
 * A sample run: about N source rows, drawn across entities in proportion to their size, and closed
 * under every reference the plan follows, so that no record of the sample points to a record left
 * out. A sampled deal brings its contact and company (and the company's parent), a note brings
 * the record it is attached to, a child (an order line) brings its parent, and a parent brings its
 * children (an order is not shown without its lines). Owners and other lookups are records Odoo
 * already has: they need nothing from the export.
 *
 * The draw is a pure function of the export and the seed: each row gets a hash of seed, entity and
 * key; rows are taken in hash order within each entity, entities interleaved by the share of the
 * export they hold, and each row taken brings its closure, until the sample holds N rows.
 */
import { createHash } from "node:crypto";
import type { EntityPlan } from "../../compiler/plan/schema.js";
import type { RowFilter, RowId, RowSelection, SelectionContext } from "../execute/run.js";
import { textOf } from "../transform/evaluate.js";

export interface SampleOptions {
  /** About how many source rows (of entities that make records) the sample holds. */
  readonly size: number;
  readonly seed: number;
}

export interface SampleDraw {
  /** Selected keys by entity. */
  readonly selected: ReadonlyMap<string, ReadonlySet<string>>;
  /** Rows the sample holds, over entities that make records. */
  readonly total: number;
  /** Rows there were to choose from. */
  readonly available: number;
}

const SEPARATOR = "\u0000";

function rowId(entity: string, key: string): string {
  return `${entity}${SEPARATOR}${key}`;
}

function drawOrder(seed: number, entity: string, key: string): string {
  return createHash("sha1").update(`${seed}${SEPARATOR}${entity}${SEPARATOR}${key}`).digest("hex");
}

/** Reads every row once and notes what each needs (and, for parents of children, what needs them). */
async function dependencyGraph(context: SelectionContext): Promise<{ keys: Map<string, string[]>; edges: Map<string, RowId[]> }> {
  const { plan, indexes } = context;
  const stepEntities = new Set(plan.steps.map((step) => step.entity));
  const stepOf = new Map(plan.steps.map((step) => [step.id, step]));
  const children = plan.steps.flatMap((step) => {
    const parent = step.parent === undefined ? undefined : stepOf.get(step.parent.step);
    return step.parent === undefined || parent === undefined ? [] : [{ entity: step.entity, by: step.parent.by, parentEntity: parent.entity }];
  });
  const keys = new Map<string, string[]>();
  const edges = new Map<string, RowId[]>();
  const addEdge = (from: string, to: RowId): void => {
    const list = edges.get(from) ?? [];
    list.push(to);
    edges.set(from, list);
  };
  for (const entity of plan.entities) {
    if (!stepEntities.has(entity.name)) continue;
    const entityKeys: string[] = [];
    const seen = new Set<string>();
    keys.set(entity.name, entityKeys);
    const known = indexes.entities.get(entity.name)?.keys;
    for await (const item of context.rows(entity).rows) {
      // Duplicates were merged into the row the index kept; rejected rows make nothing.
      if (item.kind !== "row" || known?.has(item.key) !== true) continue;
      if (seen.has(item.key)) continue;
      seen.add(item.key);
      entityKeys.push(item.key);
      for (const dependency of await context.dependencies(entity, item)) addEdge(rowId(entity.name, item.key), dependency);
      for (const child of children) {
        if (child.entity !== entity.name) continue;
        const parentKey = textOf(item.values[child.by] ?? null).trim();
        const parentKeys = indexes.entities.get(child.parentEntity)?.keys;
        if (parentKeys?.has(parentKey) === true) addEdge(rowId(child.parentEntity, parentKey), { entity: entity.name, key: item.key });
      }
    }
  }
  return { keys, edges };
}

/** Draws the sample: the same export and seed give the same rows. */
export async function drawSample(context: SelectionContext, options: SampleOptions): Promise<SampleDraw> {
  const { keys, edges } = await dependencyGraph(context);
  const available = [...keys.values()].reduce((total, list) => total + list.length, 0);
  // Each entity's rows in hash order, placed at evenly spaced positions so that entities interleave by size.
  const candidates: { entity: string; key: string; position: number; order: string }[] = [];
  for (const [entity, list] of keys) {
    const ordered = list.map((key) => ({ key, order: drawOrder(options.seed, entity, key) })).sort((left, right) => (left.order < right.order ? -1 : 1));
    ordered.forEach((row, index) => candidates.push({ entity, key: row.key, position: (index + 0.5) / ordered.length, order: row.order }));
  }
  candidates.sort((left, right) => left.position - right.position || (left.order < right.order ? -1 : left.order > right.order ? 1 : 0));
  const selected = new Map<string, Set<string>>();
  let total = 0;
  const take = (entity: string, key: string): boolean => {
    const set = selected.get(entity) ?? new Set<string>();
    selected.set(entity, set);
    if (set.has(key)) return false;
    set.add(key);
    if (keys.has(entity)) total += 1;
    return true;
  };
  for (const candidate of candidates) {
    if (total >= options.size) break;
    if (selected.get(candidate.entity)?.has(candidate.key) === true) continue;
    const queue: RowId[] = [{ entity: candidate.entity, key: candidate.key }];
    while (queue.length > 0) {
      const next = queue.pop();
      if (next === undefined || !take(next.entity, next.key)) continue;
      queue.push(...(edges.get(rowId(next.entity, next.key)) ?? []));
    }
  }
  return { selected, total, available };
}

/** The rows a drawn sample keeps. */
export function sampleFilter(draw: SampleDraw, options: SampleOptions): RowFilter {
  return {
    description: `a sample of ${draw.total} rows (seed ${options.seed})`,
    includes: (entity: EntityPlan, row) => draw.selected.get(entity.name)?.has(row.key) === true,
    selectedCount: (entity) => draw.selected.get(entity.name)?.size ?? 0,
  };
}

/** `flitmap run --sample N --seed S`: the run writes only a referentially closed sample. */
export function sampleSelection(options: SampleOptions): RowSelection {
  return {
    async prepare(context) {
      const draw = await drawSample(context, options);
      const perEntity = context.plan.entities.flatMap((entity) => {
        const size = draw.selected.get(entity.name)?.size ?? 0;
        return size > 0 ? [`${entity.name} ${size}`] : [];
      });
      context.say(
        `sample: ${draw.total} of ${draw.available} rows (about ${options.size} asked, seed ${options.seed}, closed over every reference): ${perEntity.join(", ")}`,
      );
      return sampleFilter(draw, options);
    },
  };
}
