/** Shared pieces of the runtime's end-to-end tests: the fixture package, a seeded test double, comparable state. */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import type { Plan } from "../../compiler/plan/schema.js";
import { runPlan, type RunOptions, type RunResult } from "../../runtime/execute/run.js";
import { Journal } from "../../runtime/journal/journal.js";
import { connectOdoo, Secret, type OdooClient } from "../../runtime/odoo/index.js";
import { OdooTarget } from "../../runtime/targets/odoo-target.js";
import { startOdooDouble, type OdooDouble } from "../odoo-double/server.js";

export const FIXTURE_PACKAGE = join(import.meta.dirname, "fixtures/crm-package");
export const FIXTURE_EXPORT = join(import.meta.dirname, "fixtures/crm-export");

export function compileFixture(packageDirectory = FIXTURE_PACKAGE): Plan {
  return emitPlan(analyzeDirectory(packageDirectory));
}

export async function startSeededDouble(version: "17.0" | "18.0" | "19.0" = "17.0", faults = {}): Promise<OdooDouble> {
  const double = await startOdooDouble({ version, faults });
  double.addRecord("product.product", { name: "Widget", default_code: "WIDGET", list_price: 10 });
  double.addRecord("product.product", { name: "Gadget", default_code: "GADGET", list_price: 5 });
  return double;
}

/**
 * The double's whole state, timestamps aside, to compare before a run and after its rollback.
 * Odoo stores a field never given as NULL and reads it as false, as it does a field written false;
 * the double leaves a field never given out of its row. So a value given back as false and one
 * never set compare equal here, and nothing else does.
 */
export function comparableSnapshot(double: OdooDouble): ReturnType<OdooDouble["snapshot"]> {
  const snapshot = double.snapshot({ withoutTimestamps: true });
  const models = Object.fromEntries(
    Object.entries(snapshot.models).map(([model, rows]) => [
      model,
      rows.map((row) => Object.fromEntries(Object.entries(row).filter(([, value]) => value !== false && value !== null && value !== undefined))),
    ]),
  );
  return { ...snapshot, models };
}

export function temporaryDirectory(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A seeded double, a state folder and an export folder holding `files` (name → text), for a live run; `cleanup` removes them. */
export async function liveExport(
  name: string,
  files: Readonly<Record<string, string>>,
): Promise<{ double: OdooDouble; state: string; source: string; cleanup: () => Promise<void> }> {
  const double = await startSeededDouble("17.0");
  const state = temporaryDirectory(`flitmap-${name}-`);
  const source = temporaryDirectory(`flitmap-${name}-export-`);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(source.path, file), text);
  return {
    double,
    state: state.path,
    source: source.path,
    cleanup: async () => {
      await double.stop();
      state.remove();
      source.remove();
    },
  };
}

/** A client of the double as the admin, with quick retries: over XML-RPC with the password, or over JSON-2 with an API key the double knows. */
export async function connectDouble(double: OdooDouble, apiKey?: string): Promise<OdooClient> {
  return connectOdoo({
    url: double.url,
    database: double.database,
    login: "admin",
    credential: apiKey === undefined ? { kind: "password", secret: new Secret("admin") } : { kind: "api-key", secret: new Secret(apiKey) },
    ...(apiKey === undefined ? {} : { protocol: "json2" as const }),
    retry: { maxAttempts: 8, baseDelayMs: 5, maxDelayMs: 50 },
  });
}

export async function runLive(
  plan: Plan,
  double: OdooDouble,
  stateDirectory: string,
  options: { batchSize?: number; sourceDirectory?: string; apiKey?: string } & Pick<RunOptions, "selection" | "sample" | "seed" | "since" | "reporter"> = {},
): Promise<RunResult> {
  const client = await connectDouble(double, options.apiKey);
  const journal = Journal.open(join(stateDirectory, "journal.jsonl"));
  try {
    return await runPlan({
      plan,
      sourceDirectory: options.sourceDirectory ?? FIXTURE_EXPORT,
      target: new OdooTarget(client, { batchSize: options.batchSize ?? 500 }),
      journal,
      ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
      ...(options.selection === undefined ? {} : { selection: options.selection }),
      ...(options.sample === undefined ? {} : { sample: options.sample }),
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(options.since === undefined ? {} : { since: options.since }),
      ...(options.reporter === undefined ? {} : { reporter: options.reporter }),
    });
  } finally {
    journal.close();
  }
}

type Value = string | number | boolean | null | Value[];

/**
 * The records the migration made, by external ID, with references written as the external ID
 * (or name) of what they point to: comparable between two doubles whose database ids differ.
 */
export function stateByXmlid(double: OdooDouble, plan: Plan): Record<string, Record<string, Value>> {
  const data = double.records("ir.model.data");
  const xmlidOf = new Map<string, string>();
  for (const row of data) xmlidOf.set(`${String(row["model"])}:${String(row["res_id"])}`, `${String(row["module"])}.${String(row["name"])}`);
  const nameOf = (model: string, id: number): string => {
    const found = xmlidOf.get(`${model}:${id}`);
    if (found !== undefined) return found;
    const record = double.records(model).find((candidate) => candidate["id"] === id);
    return `${model}:${String(record?.["name"] ?? record?.["display_name"] ?? id)}`;
  };
  const state: Record<string, Record<string, Value>> = {};
  for (const step of plan.steps) {
    const fields = [...step.operations, ...step.deferred];
    if (step.parent !== undefined)
      fields.push({
        field: step.parent.inverse,
        fieldType: "many2one",
        relation: plan.steps.find((candidate) => candidate.id === step.parent?.step)?.model ?? "",
        required: true,
        value: { op: "const", type: "unknown", value: null },
      });
    for (const record of double.records(step.model)) {
      const xmlid = xmlidOf.get(`${step.model}:${String(record["id"])}`);
      if (xmlid === undefined || !xmlid.startsWith(`${plan.migration.namespace}.${step.id}_`)) continue;
      const values: Record<string, Value> = {};
      for (const operation of fields) {
        const raw = record[operation.field];
        if (operation.fieldType === "many2one") values[operation.field] = typeof raw === "number" ? nameOf(operation.relation ?? "", raw) : null;
        else if (operation.fieldType === "many2many")
          values[operation.field] = Array.isArray(raw) ? raw.map((id) => nameOf(operation.relation ?? "", Number(id))).sort() : [];
        else if (operation.fieldType === "many2one_reference")
          values[operation.field] = typeof raw === "number" && raw > 0 ? nameOf(String(record["model"] ?? record["res_model"] ?? ""), raw) : null;
        else values[operation.field] = (raw ?? null) as Value;
      }
      state[xmlid] = values;
    }
  }
  return state;
}

/** One field of the records a step of the plan loaded, by external ID (`crm.deal_D1` → its `partner_id`, named by external ID). */
export function fieldByXmlid(double: OdooDouble, plan: Plan, step: string, field: string): Record<string, Value> {
  const prefix = `${plan.migration.namespace}.${step}_`;
  return Object.fromEntries(
    Object.entries(stateByXmlid(double, plan))
      .filter(([xmlid]) => xmlid.startsWith(prefix))
      .map(([xmlid, values]) => [xmlid, values[field] ?? null]),
  );
}

const BIN = join(import.meta.dirname, "../../bin/flitmap.js");

/** The connection a CLI run into the double takes from the environment. */
export function doubleEnvironment(double: OdooDouble): Record<string, string> {
  return { ODOO_URL: double.url, ODOO_DB: double.database, ODOO_USER: "admin", ODOO_PASSWORD: "admin", CI: "1", NO_COLOR: "1" };
}

export interface CliChild {
  readonly child: ChildProcess;
  /** Resolves once it exits, with what it printed. */
  readonly exited: Promise<{ readonly status: number | null; readonly signal: NodeJS.Signals | null; readonly stdout: string; readonly stderr: string }>;
}

/** The real CLI (bin/flitmap.js over dist/) as a child process against the double, as a user runs it. */
export function spawnCli(double: OdooDouble, args: readonly string[]): CliChild {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...doubleEnvironment(double) }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.once("close", (status, signal) => resolve({ status, signal, stdout, stderr })),
  );
  return { child, exited };
}

/** Waits (60 s at most) until `ready` holds of the double's call log, or the child ended. */
export async function waitFor(double: OdooDouble, child: ChildProcess, ready: (log: OdooDouble["callLog"]) => boolean): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null && child.signalCode === null && !ready(double.callLog))
    await new Promise((resolve) => setTimeout(resolve, 2));
}

/** Waits (60 s at most) until the double has no call left to process, as a real Odoo finishes what a killed client sent. */
export async function idle(double: OdooDouble): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && double.inFlight() > 0) await new Promise((resolve) => setTimeout(resolve, 5));
}

/** Answered calls of a method (on a model) in the double's call log. */
export function answered(log: OdooDouble["callLog"], method: string, model?: string): number {
  return log.filter((call) => call.method === method && call.outcome === "ok" && (model === undefined || call.model === model)).length;
}

/** Runs the fixture package into the double with the real CLI, two rows a batch, and kills it (SIGKILL) once `loads` load() calls have been answered. */
export async function killRunAfter(double: OdooDouble, state: string, loads: number): Promise<void> {
  const { child, exited } = spawnCli(double, ["run", FIXTURE_PACKAGE, "--source", FIXTURE_EXPORT, "--state", state, "--batch-size", "2"]);
  await waitFor(double, child, (log) => answered(log, "load") >= loads);
  child.kill("SIGKILL");
  await exited;
}
