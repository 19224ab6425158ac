/**
 * A journal you can trust with the way back: damaged (a null line, an event of the wrong shape),
 * cut short at every byte, deleted after or during a run, torn by a crash, or left by a run killed
 * or failing while it set up custom fields. Every outcome is either a correct rollback (the
 * double's whole state back to what it was before the run) or a clear refusal with a non-zero exit
 * code that names the damage and the way out — never "rolled back" with records left.
 */
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../compiler/plan/schema.js";
import { headPathOf } from "../../runtime/journal/file.js";
import { Journal } from "../../runtime/journal/journal.js";
import { rollbackRun } from "../../runtime/lifecycle/rollback.js";
import { sampleSelection } from "../../runtime/lifecycle/sample.js";
import { runCliInProcess } from "../cli/helpers.js";
import type { OdooDouble } from "../odoo-double/server.js";
import { cleanupsAfterEach, flitmapOn, rollBackEverything } from "./recovery.js";
import {
  answered,
  comparableSnapshot,
  compileFixture,
  connectDouble,
  doubleEnvironment,
  FIXTURE_EXPORT,
  FIXTURE_PACKAGE,
  runLive,
  spawnCli,
  startSeededDouble,
  temporaryDirectory,
  waitFor,
} from "../runtime/support.js";

const NULL_JOURNAL = join(import.meta.dirname, "../runtime/fixtures/null-journal/journal.jsonl");
const WRITES = new Set(["create", "write", "unlink", "load"]);

let plan: Plan;
const cleanups = cleanupsAfterEach();
beforeAll(() => {
  plan = compileFixture();
});

async function fresh(faults = {}): Promise<{ double: OdooDouble; state: string; before: ReturnType<typeof comparableSnapshot> }> {
  const double = await startSeededDouble("17.0", faults);
  const state = temporaryDirectory("flitmap-journal-damage-");
  cleanups.push(() => double.stop(), state.remove);
  return { double, state: state.path, before: comparableSnapshot(double) };
}

/** A flitmap command on the fixture package with this state folder, in this process. */
function flitmap(double: OdooDouble, state: string, command: string, ...args: string[]) {
  const [first, ...rest] = command.split(" ");
  return runCliInProcess([first ?? "", ...rest, FIXTURE_PACKAGE, "--state", state, ...args], doubleEnvironment(double));
}

const run = (double: OdooDouble, state: string) => flitmap(double, state, "run", "--source", FIXTURE_EXPORT);
const xFields = (double: OdooDouble) =>
  double
    .records("ir.model.fields")
    .map((field) => String(field["name"]))
    .filter((name) => name.startsWith("x_"));

/** Rolls back every run the way the refusals say, and checks the double is as before. */
async function recover(double: OdooDouble, state: string, before: ReturnType<typeof comparableSnapshot>): Promise<void> {
  await rollBackEverything(flitmapOn(double, state));
  expect(comparableSnapshot(double)).toEqual(before);
}

describe("a damaged journal: reported with the line, never a crash", () => {
  it("the reproduction null-journal/: runs, run, rollback and diff name line 1 and exit 1, and nothing reaches Odoo", async () => {
    const { double, state } = await fresh();
    copyFileSync(NULL_JOURNAL, join(state, "journal.jsonl"));
    for (const command of ["runs", "run --source " + FIXTURE_EXPORT, "rollback", "diff --source " + FIXTURE_EXPORT]) {
      const result = await flitmap(double, state, command);
      expect(result.code, command).toBe(1);
      expect(result.stderr).toContain('line 1: null where a journal event (an object with a "type") belongs');
      expect(result.stderr).toContain(`flitmap journal rebuild ${FIXTURE_PACKAGE}`);
      expect(result.stderr).not.toContain("TypeError");
    }
    expect(double.callLog.filter((call) => WRITES.has(call.method))).toEqual([]);
  });

  it("an event of the wrong shape is refused with its line, and the rebuilt journal rolls the run back", async () => {
    const { double, state, before } = await fresh();
    expect((await run(double, state)).code).toBe(0);
    const path = join(state, "journal.jsonl");
    const lines = readFileSync(path, "utf8").split("\n");
    const index = lines.findIndex((line) => line.includes('"type":"batch-end"') && line.includes('"action":"created"'));
    lines[index] = (lines[index] ?? "").replace(/"id":(\d+)/, '"id":"$1"');
    writeFileSync(path, lines.join("\n"));
    for (const command of ["runs", "run --source " + FIXTURE_EXPORT, "rollback"]) {
      const result = await flitmap(double, state, command);
      expect(result.code, command).toBe(1);
      expect(result.stderr).toMatch(new RegExp(`line ${index + 1}: a batch-end event of the wrong shape \\(rows\\.0\\.id: `));
    }
    await recover(double, state, before);
  });
});

describe("a journal cut short", () => {
  it("at every byte, with its head: rollback refuses every cut but the journal without its last newline, and asks nothing of Odoo", async () => {
    const { double, state, before } = await fresh();
    await runLive(plan, double, state);
    const path = join(state, "journal.jsonl");
    const size = readFileSync(path).length;
    const cutFolder = join(state, "cut");
    mkdirSync(cutFolder);
    const cut = join(cutFolder, "journal.jsonl");
    copyFileSync(path, cut);
    copyFileSync(headPathOf(path), headPathOf(cut));
    const client = await connectDouble(double);
    cleanups.push(() => client.close());
    const refused: number[] = [];
    // From the whole journal down to none of it, one byte less each time.
    for (let length = size - 1; length >= 0; length -= 1) {
      truncateSync(cut, length);
      if (length === size - 1) continue;
      double.clearCallLog();
      const result = await rollbackRun({ journal: Journal.open(cut), client, plan });
      expect(result.status).toBe("refused");
      expect(result.message).toContain("flitmap journal rebuild");
      // Refused from the journal alone: not a call reached Odoo.
      expect(double.callLog).toEqual([]);
      refused.push(length);
    }
    expect(refused).toHaveLength(size - 1);
    // Cut just before its last newline, the journal lost nothing: that rollback runs, and is right.
    truncateSync(path, size - 1);
    expect((await rollbackRun({ journal: Journal.open(path), client, plan })).status).toBe("complete");
    expect(comparableSnapshot(double)).toEqual(before);
  }, 300_000);

  it("deleted with its state folder after a run: run and rollback refuse, and the journal rebuilt from Odoo rolls it all back, custom fields too", async () => {
    const { double, state, before } = await fresh();
    expect((await run(double, state)).code).toBe(0);
    rmSync(state, { recursive: true });
    const again = await run(double, state);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/Odoo holds \d+ records under the external IDs of crm that the journal .* does not account for: crm\./);
    const rollback = await flitmap(double, state, "rollback");
    expect(rollback.code).toBe(1);
    expect(rollback.stderr).toContain("flitmap journal adopt");
    const rebuilt = await flitmap(double, state, "journal rebuild");
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stdout).toMatch(
      /run \S+-rebuilt journals what Odoo holds and the journal had lost: .*2 custom fields \(res\.partner\.x_score, res\.partner\.x_role\)/,
    );
    expect((await flitmap(double, state, "rollback")).code).toBe(0);
    expect(xFields(double)).toEqual([]);
    expect(comparableSnapshot(double)).toEqual(before);
  });

  it("deleted, its head kept: runs reports it missing, run and rollback refuse, rebuild and rollback put the double back", async () => {
    const { double, state, before } = await fresh();
    expect((await run(double, state)).code).toBe(0);
    rmSync(join(state, "journal.jsonl"));
    const runs = await flitmap(double, state, "runs");
    expect(runs.code).toBe(1);
    expect(runs.stderr).toMatch(/journal\.jsonl is missing, though .*journal\.head\.json says \d+ lines were written to it/);
    expect((await run(double, state)).code).toBe(1);
    expect((await flitmap(double, state, "rollback")).code).toBe(1);
    await recover(double, state, before);
  });
});

describe("a journal deleted while a run writes it", () => {
  it("stops the run at its next append; the records it wrote are rebuilt from Odoo and rolled back", async () => {
    const { double, state, before } = await fresh({ delayMs: 15 });
    const { child, exited } = spawnCli(double, ["run", FIXTURE_PACKAGE, "--source", FIXTURE_EXPORT, "--state", state, "--batch-size", "2"]);
    await waitFor(double, child, (log) => answered(log, "load") >= 4);
    rmSync(join(state, "journal.jsonl"));
    const loadsThen = answered(double.callLog, "load");
    const result = await exited;
    double.setFaults({});
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("was deleted while this process wrote it: nothing more is journaled, so nothing more may be written to Odoo");
    // At most the batch in flight when the journal went was answered after it.
    expect(answered(double.callLog, "load")).toBeLessThanOrEqual(loadsThen + 1);
    expect((await flitmap(double, state, "rollback")).code).toBe(1);
    await recover(double, state, before);
  }, 120_000);
});

/** The real CLI killed (SIGKILL) once Odoo answered the create of the first custom field. */
async function killedDuringSetup() {
  const killed = await fresh({ delayMs: 15 });
  const { child, exited } = spawnCli(killed.double, ["run", FIXTURE_PACKAGE, "--source", FIXTURE_EXPORT, "--state", killed.state]);
  await waitFor(killed.double, child, (log) => answered(log, "create", "ir.model.fields") >= 1);
  child.kill("SIGKILL");
  await exited;
  killed.double.setFaults({});
  return killed;
}

describe("a journal deleted while a rollback writes it", () => {
  it("stops the rollback with exit code 1; the journal rebuilt from what Odoo still holds finishes it", async () => {
    const { double, state, before } = await fresh();
    expect((await run(double, state)).code).toBe(0);
    double.setFaults({ delayMs: 15 });
    const { child, exited } = spawnCli(double, ["rollback", FIXTURE_PACKAGE, "--state", state]);
    await waitFor(double, child, (log) => answered(log, "unlink") >= 2);
    rmSync(join(state, "journal.jsonl"));
    const result = await exited;
    double.setFaults({});
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("was deleted while this process wrote it");
    expect(result.stdout).not.toContain(" rolled back: ");
    await recover(double, state, before);
  }, 120_000);
});

describe("set-up writes journaled before they are sent", () => {
  it("kill -9 while the custom fields are created: rollback removes what the run made", async () => {
    const { double, state, before } = await killedDuringSetup();
    expect(xFields(double)).toContain("x_score");
    const runs = await flitmap(double, state, "runs");
    expect(runs.stdout).toMatch(/ interrupted +live/);
    const rollback = await flitmap(double, state, "rollback");
    expect(rollback.code, rollback.stderr).toBe(0);
    expect(xFields(double)).toEqual([]);
    expect(comparableSnapshot(double)).toEqual(before);
  }, 120_000);

  it("kill -9 while the custom fields are created, then the run resumed: the resumed run owns them, and rollback removes them", async () => {
    const { double, state, before } = await killedDuringSetup();
    expect((await run(double, state)).stdout).toMatch(/run \S+ complete/);
    const journal = Journal.open(join(state, "journal.jsonl"));
    expect(journal.runs().map((summary) => [summary.status, summary.attempts])).toEqual([["complete", 2]]);
    journal.close();
    expect((await flitmap(double, state, "rollback")).code).toBe(0);
    expect(xFields(double)).toEqual([]);
    expect(comparableSnapshot(double)).toEqual(before);
  }, 120_000);

  it("a run failing while it creates the custom fields (one call, committed, the answer lost): rollback leaves no x_ field", async () => {
    const { double, state, before } = await fresh({ commitThenFail: { every: 1, times: 1, methods: ["create"], models: ["ir.model.fields"] } });
    const failed = await run(double, state);
    expect(failed.code).toBe(1);
    expect(xFields(double)).toEqual(["x_score", "x_role"]);
    double.setFaults({});
    const rollback = await flitmap(double, state, "rollback");
    expect(rollback.code, rollback.stderr).toBe(0);
    expect(rollback.stdout).toContain("2 set-up items removed");
    expect(xFields(double)).toEqual([]);
    expect(comparableSnapshot(double)).toEqual(before);
    expect((await flitmap(double, state, "runs")).stdout).toMatch(/ rolled back +live/);
  });
});

describe("a torn last line (a crash while it was written)", () => {
  it("does not swallow the next run's start: both runs are listed, and rolling both back puts the double back", async () => {
    const { double, state, before } = await fresh();
    const sample = await runLive(plan, double, state, { selection: sampleSelection({ size: 5, seed: 5 }), sample: 5, seed: 5 });
    appendFileSync(join(state, "journal.jsonl"), '{"type":"batch-start","run":"' + sample.runId + '","batch":"0f3a');
    const full = await run(double, state);
    expect(full.code).toBe(0);
    const runs = await flitmap(double, state, "runs", "--json");
    expect(runs.code).toBe(0);
    expect(
      (JSON.parse(runs.stdout.slice(runs.stdout.indexOf("["))) as { status: string; sample?: number }[]).map((entry) => [entry.status, entry.sample ?? null]),
    ).toEqual([
      ["complete", 5],
      ["complete", null],
    ]);
    expect((await flitmap(double, state, "rollback")).code).toBe(0);
    expect((await flitmap(double, state, "rollback")).code).toBe(0);
    expect(comparableSnapshot(double)).toEqual(before);
  });
});

describe("a run that wrote nothing", () => {
  it("needs no rollback and stands in the way of none: rollback takes the run before it", async () => {
    const { double, state, before } = await fresh();
    expect((await run(double, state)).code).toBe(0);
    expect((await run(double, state)).code).toBe(0);
    const runs = await flitmap(double, state, "runs");
    expect(runs.stdout).toMatch(/complete, wrote nothing +live +all rows +0 +0 +\d+/);
    const noop = /\n(\S+) .*wrote nothing/.exec(runs.stdout)?.[1] ?? "";
    const nothing = await flitmap(double, state, "rollback", "--run", noop);
    expect(nothing.code).toBe(0);
    expect(nothing.stdout).toContain(`run ${noop} wrote nothing to Odoo: there is nothing to roll back`);
    const rollback = await flitmap(double, state, "rollback");
    expect(rollback.code, rollback.stderr).toBe(0);
    expect(comparableSnapshot(double)).toEqual(before);
  });
});

describe("records made outside Flitmap under the package's external IDs", () => {
  it("stop a first run until they are adopted; then rollback gives them their values back", async () => {
    const { double, state } = await fresh();
    double.addRecord("res.partner", { name: "Bolt Limited", is_company: true }, "crm.company_C3");
    const before = comparableSnapshot(double);
    const refused = await run(double, state);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("crm.company_C3 (res.partner");
    expect(existsSync(join(state, "journal.jsonl"))).toBe(false);
    const adopted = await flitmap(double, state, "journal adopt");
    expect(adopted.stdout).toContain("adopted 1 record made outside Flitmap (crm.company_C3)");
    expect((await run(double, state)).code).toBe(0);
    expect((await flitmap(double, state, "rollback")).code).toBe(0);
    expect(comparableSnapshot(double)).toEqual(before);
  });
});
