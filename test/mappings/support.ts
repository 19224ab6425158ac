/** A shipped mapping's sample loaded into a fresh Odoo test double, and what the end-to-end tests ask of the run. */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { join } from "node:path";
import type { Plan } from "../../compiler/plan/schema.js";
import { generate } from "../../mappings/generators/cli.js";
import type { GenerationSummary } from "../../mappings/generators/common.js";
import type { RunResult } from "../../runtime/execute/run.js";
import { Journal } from "../../runtime/journal/journal.js";
import { rollbackRun, type RollbackResult } from "../../runtime/lifecycle/rollback.js";
import { startOdooDouble, type DoubleSnapshot, type OdooDouble } from "../odoo-double/server.js";
import { comparableSnapshot, connectDouble, runLive, stateByXmlid, temporaryDirectory } from "../runtime/support.js";

/** What a sample export's odoo-seed.json says the customer's Odoo holds before the migration. */
export interface SampleSeed {
  readonly users: readonly { readonly login: string; readonly name: string; readonly email: string; readonly active?: boolean }[];
  readonly products?: readonly Record<string, unknown>[];
}

export function readSeed(sampleDirectory: string): SampleSeed {
  return JSON.parse(readFileSync(join(sampleDirectory, "odoo-seed.json"), "utf8")) as SampleSeed;
}

/** A defect the sample generator planted in a row, as the sample's defects.json lists it. */
export interface SampleDefect {
  readonly kind: string;
  readonly entity: string;
  readonly file: string;
  readonly line: number;
  readonly key?: string;
  readonly column: string;
  readonly value: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** A sample export's defects.json: the defects planted, and each entity's files and records. */
export interface DefectManifest {
  readonly defects: readonly SampleDefect[];
  readonly entities: Readonly<Record<string, { readonly files: readonly string[]; readonly records: number }>>;
}

export function readDefects(sampleDirectory: string): DefectManifest {
  return JSON.parse(readFileSync(join(sampleDirectory, "defects.json"), "utf8")) as DefectManifest;
}

export interface LoadedSample {
  readonly double: OdooDouble;
  /** The double's state (see comparableSnapshot) after it was seeded, before the run. */
  readonly before: DoubleSnapshot;
  readonly first: RunResult;
  /** The run's state folder (its journal). */
  readonly state: string;
  /** The records the run made, by external ID (see stateByXmlid). */
  readonly loaded: ReturnType<typeof stateByXmlid>;
  /** A record the run made, by its external ID without the namespace. */
  record(xmlid: string): Record<string, unknown>;
  /** Why the row at that line of that file was rejected, if it was. */
  rejectAt(file: string, line: number): string | undefined;
  noteExamples(step: string, field: string, kind: string): string[];
  /** The same package run again on the same double and journal. */
  rerun(): Promise<RunResult>;
  /** `flitmap rollback` of the latest run not rolled back, on the same double and journal. */
  rollback(): Promise<RollbackResult>;
  close(): Promise<void>;
}

export async function loadSample(plan: Plan, sampleDirectory: string): Promise<LoadedSample> {
  const seed = readSeed(sampleDirectory);
  const double = await startOdooDouble({
    version: plan.target.series as "17.0" | "18.0" | "19.0",
    users: seed.users.map((user) => ({ ...user, level: "user" as const })),
  });
  for (const product of seed.products ?? []) double.addRecord("product.product", { ...product });
  const state = temporaryDirectory("flitmap-sample-");
  const before = comparableSnapshot(double);
  const first = await runLive(plan, double, state.path, { sourceDirectory: sampleDirectory });
  const loaded = stateByXmlid(double, plan);
  const namespace = plan.migration.namespace;
  return {
    double,
    before,
    first,
    state: state.path,
    loaded,
    record(xmlid) {
      const found = loaded[`${namespace}.${xmlid}`];
      if (found === undefined) throw new Error(`nothing was loaded as ${namespace}.${xmlid}`);
      return found;
    },
    rejectAt: (file, line) => first.rejects.find((reject) => reject.file?.endsWith(file) === true && reject.line === line)?.reason,
    noteExamples: (step, field, kind) =>
      first.notes.filter((note) => note.step === step && note.field === field && note.kind === kind).flatMap((note) => note.examples),
    rerun: () => runLive(plan, double, state.path, { sourceDirectory: sampleDirectory }),
    async rollback() {
      const client = await connectDouble(double);
      const journal = Journal.open(join(state.path, "journal.jsonl"));
      try {
        return await rollbackRun({ journal, client, plan });
      } finally {
        journal.close();
        await client.close();
      }
    },
    async close() {
      await double.stop();
      state.remove();
    },
  };
}

/** A seeded export written by the generators (as `mappings/generators/cli.ts` writes one) into a temporary folder. */
export function generateExport(
  system: "perfectbooks" | "perfectview",
  rows: number,
  seed: string,
  chunkSize = 1000,
): { readonly path: string; readonly summary: GenerationSummary; remove(): void } {
  const folder = temporaryDirectory(`flitmap-${system}-${rows}-`);
  const summary = generate({ system, rows, seed, chunkSize, outDir: folder.path, overwrite: false });
  return { path: folder.path, summary, remove: folder.remove };
}

/** What the double holds, found by external ID and by id, read once after the run. */
export class OdooIndex {
  readonly #double: OdooDouble;
  readonly #xmlids = new Map<string, { readonly model: string; readonly id: number }>();
  readonly #names = new Map<string, string>();
  readonly #byModel = new Map<string, Map<number, Record<string, unknown>>>();

  constructor(double: OdooDouble) {
    this.#double = double;
    for (const row of double.records("ir.model.data")) {
      const name = `${String(row["module"])}.${String(row["name"])}`;
      this.#xmlids.set(name, { model: String(row["model"]), id: Number(row["res_id"]) });
      this.#names.set(`${String(row["model"])}:${String(row["res_id"])}`, name);
    }
  }

  /** The external ID of a record, or null (a reference left empty reads as false, or is not there). */
  xmlidOf(model: string, id: unknown): string | null {
    return typeof id === "number" ? (this.#names.get(`${model}:${id}`) ?? `${model}:${id}`) : null;
  }

  /** The record under that external ID, or undefined when there is none. */
  find(xmlid: string): Record<string, unknown> | undefined {
    const where = this.#xmlids.get(xmlid);
    return where === undefined ? undefined : this.byId(where.model, where.id);
  }

  get(xmlid: string): Record<string, unknown> {
    const found = this.find(xmlid);
    if (found === undefined) throw new Error(`nothing was loaded as ${xmlid}`);
    return found;
  }

  idOf(xmlid: string): number | undefined {
    return this.#xmlids.get(xmlid)?.id;
  }

  byId(model: string, id: unknown): Record<string, unknown> | undefined {
    let records = this.#byModel.get(model);
    if (records === undefined) {
      records = new Map(this.#double.records(model).map((record) => [Number(record["id"]), record]));
      this.#byModel.set(model, records);
    }
    return typeof id === "number" ? records.get(id) : undefined;
  }

  all(model: string): Record<string, unknown>[] {
    this.byId(model, 0);
    return [...(this.#byModel.get(model)?.values() ?? [])];
  }
}

/**
 * A local wall-clock time ("2026-03-31 17:45") in a time zone as Odoo stores a datetime: UTC,
 * "2026-03-31 15:45:00". The exports hold no time in a daylight-saving gap.
 */
export function utcOf(local: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(local);
  if (match === null) throw new Error(`not a local time: ${local}`);
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const format = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
  });
  const offsetAt = (instant: number): number => {
    const parts = Object.fromEntries(format.formatToParts(new Date(instant)).map((part) => [part.type, part.value]));
    return Date.UTC(Number(parts["year"]), Number(parts["month"]) - 1, Number(parts["day"]), Number(parts["hour"]), Number(parts["minute"])) - instant;
  };
  const instant = wall - offsetAt(wall - offsetAt(wall));
  return new Date(instant).toISOString().replace("T", " ").slice(0, 19);
}

/** An HTML body as Flitmap writes plain text (paragraphs, line breaks), back as that text. */
export function htmlText(html: string): string {
  return html
    .replace(/<\/p><p>/g, "\n\n")
    .replace(/<br>/g, "\n")
    .replace(/<\/?p>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/** About `count` rows spread evenly over the list, first and last included. */
export function spread<T>(items: readonly T[], count: number): T[] {
  if (items.length <= count) return [...items];
  const step = (items.length - 1) / (count - 1);
  return Array.from({ length: count }, (_, index) => items[Math.round(index * step)] as T);
}

/**
 * What every end-to-end mapping test asks after its checks: a second run writes nothing, and
 * rollback takes the first run past it (a run that wrote nothing needs no rollback and blocks
 * none), leaving the double as it was before the first. `loaded` is read when the tests run, after
 * the suite's beforeAll has loaded the sample.
 */
export function itRerunsUnchangedAndRollsBack(loaded: () => { readonly sample: LoadedSample; readonly plan: Plan }): void {
  it("writes nothing on a second run", async () => {
    const { sample, plan } = loaded();
    const again = await sample.rerun();
    expect(again.status).toBe("complete");
    expect(again.steps.map((step) => [step.step, step.created, step.updated])).toEqual(plan.steps.map((step) => [step.id, 0, 0]));
  }, 300_000);

  it("rolls back the first run past the second, which wrote nothing, and the double is as it was before the first", async () => {
    const { sample } = loaded();
    const first = await sample.rollback();
    expect(first.status).toBe("complete");
    expect(first.run).toBe(sample.first.runId);
    const created = new Map<string, number>();
    for (const step of sample.first.steps) created.set(step.model, (created.get(step.model) ?? 0) + step.created);
    expect(Object.fromEntries(first.deleted.map((entry) => [entry.model, entry.count]))).toEqual(Object.fromEntries(created));
    expect(first.kept).toEqual([]);
    expect(comparableSnapshot(sample.double)).toEqual(sample.before);
    expect((await sample.rollback()).status).toBe("nothing to do");
  }, 300_000);
}
