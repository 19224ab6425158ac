/**
 * What a `with` block's `when` filter computes is seen before the run reads a row, as what a
 * field computes is: a `missing halt` lookup inside it stops the run before it writes, and a `get`
 * inside it finds the row it reads. And the assessment orders a block's linked rows with the
 * comparison the run uses, so that it counts the lookup values the run really looks up.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Assessment } from "../../runtime/lifecycle/assess.js";
import { runCliInProcess } from "../cli/helpers.js";
import { compileFixture, runLive, startSeededDouble, temporaryDirectory } from "./support.js";

const FILTER_PACKAGE = join(import.meta.dirname, "fixtures/link-filter-package");
const GET_PACKAGE = join(import.meta.dirname, "fixtures/link-get-package");
const ORDER_PACKAGE = join(import.meta.dirname, "fixtures/link-order-package");
const EXPORT = join(import.meta.dirname, "fixtures/links-export");
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("a `missing halt` lookup inside a `with … when` filter", () => {
  it("halts the run into Odoo before anything is written, naming the row and the login", async () => {
    const plan = compileFixture(FILTER_PACKAGE);
    const double = await startSeededDouble("17.0");
    const state = temporaryDirectory("flitmap-link-filter-");
    cleanups.push(() => double.stop(), state.remove);
    const lines: string[] = [];

    const result = await runLive(plan, double, state.path, { sourceDirectory: EXPORT, reporter: { line: (text) => lines.push(text) } });

    expect(result.status).toBe("halted");
    expect(result.message).toBe("1 lookup misses with the halt policy");
    expect(lines).toContain('  Person P1 (people.csv:2): no res.users record has login "nobody"');
    expect(double.callLog.filter((call) => call.method === "load")).toEqual([]);
    expect(double.records("res.partner").filter((partner) => partner["name"] === "Ada" || partner["name"] === "Ben")).toEqual([]);
  });

  it("makes `run --out` exit non-zero with no import file for the people", async () => {
    const out = temporaryDirectory("flitmap-link-filter-out-");
    cleanups.push(out.remove);
    const ran = await runCliInProcess(["run", FILTER_PACKAGE, "--source", EXPORT, "--out", out.path]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain("the run halted: 1 lookup misses with the halt policy");
    expect(JSON.parse(readFileSync(join(out.path, "run-summary.json"), "utf8"))).toMatchObject({ status: "halted", steps: [] });
  });
});

describe("a `get` inside a `with … when` filter", () => {
  it("reads the other row, as a `get` anywhere else does", async () => {
    const out = temporaryDirectory("flitmap-link-get-");
    cleanups.push(out.remove);
    const ran = await runCliInProcess(["run", GET_PACKAGE, "--source", EXPORT, "--out", out.path]);
    expect(ran.code).toBe(0);
    const partners = readFileSync(join(out.path, "01-res.partner-person.csv"), "utf8").trim().split(/\r?\n/);
    expect(partners).toEqual(["id,name,ref", "links.person_P1,Ada,admin", "links.person_P2,Ben,"]);
  });
});

describe("the assessment of a `with … order by` block", () => {
  it("counts the login the run takes first, not another one", async () => {
    const directory = temporaryDirectory("flitmap-link-order-");
    cleanups.push(directory.remove);
    const json = join(directory.path, "assessment.json");
    const out = join(directory.path, "out");

    const planned = await runCliInProcess(["plan", ORDER_PACKAGE, "--source", EXPORT, "--json", json]);
    const ran = await runCliInProcess(["run", ORDER_PACKAGE, "--source", EXPORT, "--out", out]);

    expect([planned.code, ran.code]).toEqual([0, 0]);
    // "Beta" sorts before "alpha" in the run: Ada's user is the login "nobody", which no user has.
    const partners = readFileSync(join(out, "01-res.partner-person.csv"), "utf8").trim().split(/\r?\n/);
    expect(partners).toEqual(["id,name,user_id/id", "links.person_P1,Ada,", "links.person_P2,Ben,base.user_admin"]);
    const summary = JSON.parse(readFileSync(join(out, "run-summary.json"), "utf8")) as { notes: { kind: string; examples: string[] }[] };
    expect(summary.notes.filter((note) => note.kind === "lookup-missing").flatMap((note) => note.examples)).toEqual([
      'no res.users record has login "nobody"; left empty',
    ]);
    const assessment = JSON.parse(readFileSync(json, "utf8")) as Assessment;
    const user = assessment.lookups.find((lookup) => lookup.lookup === "user");
    expect(user?.matched.map((value) => [value.value, value.rows])).toEqual([["admin", 1]]);
    expect(user?.unmatched.map((value) => [value.value, value.rows])).toEqual([["nobody", 1]]);
  });
});
