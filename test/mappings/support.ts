/** A shipped mapping's sample loaded into a fresh Odoo test double, and what the end-to-end tests ask of the run. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Plan } from "../../compiler/plan/schema.js";
import type { RunResult } from "../../runtime/execute/run.js";
import { startOdooDouble, type OdooDouble } from "../odoo-double/server.js";
import { runLive, stateByXmlid, temporaryDirectory } from "../runtime/support.js";

/** What a sample export's odoo-seed.json says the customer's Odoo holds before the migration. */
export interface SampleSeed {
  readonly users: readonly { readonly login: string; readonly name: string; readonly email: string; readonly active?: boolean }[];
  readonly products?: readonly Record<string, unknown>[];
}

export function readSeed(sampleDirectory: string): SampleSeed {
  return JSON.parse(readFileSync(join(sampleDirectory, "odoo-seed.json"), "utf8")) as SampleSeed;
}

export interface LoadedSample {
  readonly double: OdooDouble;
  readonly first: RunResult;
  /** The records the run made, by external ID (see stateByXmlid). */
  readonly loaded: ReturnType<typeof stateByXmlid>;
  /** A record the run made, by its external ID without the namespace. */
  record(xmlid: string): Record<string, unknown>;
  /** Why the row at that line of that file was rejected, if it was. */
  rejectAt(file: string, line: number): string | undefined;
  noteExamples(step: string, field: string, kind: string): string[];
  /** The same package run again on the same double and journal. */
  rerun(): Promise<RunResult>;
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
  const first = await runLive(plan, double, state.path, { sourceDirectory: sampleDirectory });
  const loaded = stateByXmlid(double, plan);
  const namespace = plan.migration.namespace;
  return {
    double,
    first,
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
    async close() {
      await double.stop();
      state.remove();
    },
  };
}
