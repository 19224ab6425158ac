/**
 * `run --sample N --seed S` against the Odoo test double: the sample is closed (no record it wrote
 * points to a record outside it), each sampled record holds what a full run gives it, the same
 * seed draws the same rows, and the journal marks the run as a sample.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { main } from "../../cli/main.js";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import type { Plan } from "../../compiler/plan/schema.js";
import { Journal } from "../../runtime/journal/journal.js";
import { sampleSelection } from "../../runtime/lifecycle/sample.js";
import { startOdooDouble, type OdooDouble } from "../odoo-double/server.js";
import { FIXTURE_EXPORT, FIXTURE_PACKAGE, compileFixture, runLive, startSeededDouble, stateByXmlid, temporaryDirectory } from "../runtime/support.js";

const PERFECT_BOOKS = join(import.meta.dirname, "../../mappings/perfectbooks-to-odoo");
const PERFECT_BOOKS_SAMPLE = join(PERFECT_BOOKS, "sample");
const SEED_USERS = (
  JSON.parse(readFileSync(join(PERFECT_BOOKS_SAMPLE, "odoo-seed.json"), "utf8")) as { users: { login: string; name: string; email: string }[] }
).users;

type State = ReturnType<typeof stateByXmlid>;

/** Every external ID of the migration a record's values name (references are written as the external ID they point to). */
function referencesOf(state: State, namespace: string): { from: string; to: string }[] {
  const found: { from: string; to: string }[] = [];
  const visit = (from: string, value: unknown): void => {
    if (typeof value === "string" && value.startsWith(`${namespace}.`)) found.push({ from, to: value });
    if (Array.isArray(value)) for (const item of value) visit(from, item);
  };
  for (const [xmlid, values] of Object.entries(state)) for (const value of Object.values(values)) visit(xmlid, value);
  return found;
}

interface Drawn {
  readonly state: State;
  readonly journal: string;
}

async function runSample(plan: Plan, start: () => Promise<OdooDouble>, sourceDirectory: string | undefined, size: number, seed: number): Promise<Drawn> {
  const double = await start();
  const state = temporaryDirectory("flitmap-sample-");
  try {
    await runLive(plan, double, state.path, {
      ...(sourceDirectory === undefined ? {} : { sourceDirectory }),
      selection: sampleSelection({ size, seed }),
      sample: size,
      seed,
    });
    return { state: stateByXmlid(double, plan), journal: readFileSync(join(state.path, "journal.jsonl"), "utf8") };
  } finally {
    await double.stop();
    state.remove();
  }
}

describe("a sample of the small CRM export", () => {
  let plan: Plan;
  let full: State;

  beforeAll(async () => {
    plan = compileFixture();
    const double = await startSeededDouble();
    const state = temporaryDirectory("flitmap-full-");
    try {
      await runLive(plan, double, state.path);
      full = stateByXmlid(double, plan);
    } finally {
      await double.stop();
      state.remove();
    }
  });

  it("brings what its rows point to, and each record holds what a full run gives it", async () => {
    const drawn = await runSample(plan, () => startSeededDouble(), undefined, 5, 5);
    const xmlids = Object.keys(drawn.state);
    // Seed 5 draws a quote, one of its lines and a task: they bring the companies they point to (and the quote its other line, had it one).
    expect(xmlids.sort()).toEqual([
      "crm.company_C1",
      "crm.company_C3",
      "crm.company_tag_C1",
      "crm.company_tag_C3",
      "crm.quote_Q2",
      "crm.quote_line_Q2-1",
      "crm.task_T1",
    ]);
    for (const reference of referencesOf(drawn.state, plan.migration.namespace)) expect(xmlids, `${reference.from} → ${reference.to}`).toContain(reference.to);
    for (const xmlid of xmlids) expect(drawn.state[xmlid], xmlid).toEqual(full[xmlid]);
  });

  it("draws the same rows for the same seed, and other rows for another", async () => {
    const draws = await Promise.all([5, 5, 6].map((seed) => runSample(plan, () => startSeededDouble(), undefined, 5, seed)));
    const keys = draws.map((drawn) => Object.keys(drawn.state).sort());
    expect(keys[1]).toEqual(keys[0]);
    expect(keys[2]).not.toEqual(keys[0]);
  });

  it("marks the run as a sample in the journal", async () => {
    const drawn = await runSample(plan, () => startSeededDouble(), undefined, 4, 3);
    const start = drawn.journal
      .split("\n")
      .filter((line) => line.includes('"run-start"'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(start).toHaveLength(1);
    expect(start[0]).toMatchObject({ type: "run-start", sample: 4, seed: 3 });
    const directory = temporaryDirectory("flitmap-journal-");
    try {
      const path = join(directory.path, "journal.jsonl");
      writeFileSync(path, drawn.journal);
      expect(Journal.open(path).runs()).toMatchObject([{ status: "complete", sample: 4, seed: 3, mode: "live" }]);
    } finally {
      directory.remove();
    }
  });
});

describe("a sample of the Perfect Books export", () => {
  let plan: Plan;
  let full: State;
  const start = (): Promise<OdooDouble> => startOdooDouble({ version: "17.0", users: SEED_USERS.map((user) => ({ ...user, level: "user" as const })) });

  beforeAll(async () => {
    plan = emitPlan(analyzeDirectory(PERFECT_BOOKS, { seriesOverride: "17.0" }));
    const double = await start();
    const state = temporaryDirectory("flitmap-pb-full-");
    try {
      await runLive(plan, double, state.path, { sourceDirectory: PERFECT_BOOKS_SAMPLE });
      full = stateByXmlid(double, plan);
    } finally {
      await double.stop();
      state.remove();
    }
  }, 120_000);

  let drawn: Drawn;
  beforeAll(async () => {
    drawn = await runSample(plan, start, PERFECT_BOOKS_SAMPLE, 30, 7);
  }, 120_000);

  it("is about the size asked, across entities, and closed: no record points outside the sample", () => {
    const xmlids = Object.keys(drawn.state);
    const steps = new Set(xmlids.map((xmlid) => xmlid.slice(plan.migration.namespace.length + 1).replace(/_[^_]*$/, "")));
    // Closure adds what the drawn rows point to: more than asked, far less than everything.
    expect(xmlids.length).toBeGreaterThanOrEqual(30);
    expect(xmlids.length).toBeLessThan(Object.keys(full).length / 2);
    expect([...steps].sort()).toEqual(expect.arrayContaining(["company", "contact", "deal"]));
    // Reference records (stages' sales teams, tags) are set up by every run, sample or not.
    const setUp = plan.setup.records.map((record) => record.xmlid);
    const references = referencesOf(drawn.state, plan.migration.namespace);
    expect(references.length).toBeGreaterThan(10);
    for (const reference of references) expect([...xmlids, ...setUp], `${reference.from} → ${reference.to}`).toContain(reference.to);
  });

  it("gives each sampled record what a full run gives it", () => {
    for (const [xmlid, values] of Object.entries(drawn.state)) expect(values, xmlid).toEqual(full[xmlid]);
  });
});

describe("run --sample and --since on the command line", () => {
  it("draws the sample the options name, says what it drew, and refuses options that do not go together", async () => {
    const double = await startSeededDouble();
    const state = temporaryDirectory("flitmap-sample-cli-");
    const output: string[] = [];
    const errors: string[] = [];
    const context = {
      cwd: state.path,
      env: { ODOO_URL: double.url, ODOO_DB: double.database, ODOO_USER: "admin", ODOO_PASSWORD: "admin" },
      version: "test",
      stdout: (text: string) => output.push(text),
      stderr: (text: string) => errors.push(text),
      interactive: false,
    };
    const run = (...args: string[]): Promise<number> =>
      main(["node", "flitmap", "run", FIXTURE_PACKAGE, "--source", FIXTURE_EXPORT, "--state", state.path, ...args], context);
    try {
      expect(await run("--sample", "5", "--seed", "5"), errors.join("")).toBe(0);
      expect(output.join("")).toContain("sample: 6 of 23 rows (about 5 asked, seed 5, closed over every reference): Company 2, Quote 1, QuoteLine 2, Task 1");
      expect(Journal.open(join(state.path, "journal.jsonl")).runs()).toMatchObject([{ status: "complete", sample: 5, seed: 5 }]);

      errors.length = 0;
      expect(await run("--since", "yesterday")).toBe(2);
      expect(errors.join("")).toContain('--since "yesterday" is not a date or time: write it as 2024-03-01');
      errors.length = 0;
      expect(await run("--seed", "3")).toBe(2);
      expect(errors.join("")).toBe("flitmap: --seed chooses a sample: give --sample N too\n");
      errors.length = 0;
      expect(await run("--sample", "5", "--since", "2024-01-01")).toBe(2);
      expect(errors.join("")).toBe("flitmap: give either --sample (a first look) or --since (a delta), not both\n");
    } finally {
      await double.stop();
      state.remove();
    }
  });
});
