/**
 * Run state belongs to a package, not to its migration's name (issue 17, item 8): two packages that
 * name their migration alike (a proposal of `flitmap init` and the package it came from) keep
 * their runs apart, and a state folder an earlier version of Flitmap left is read where it is.
 */
import { cpSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli, temporaryDirectory } from "./helpers.js";
import { PERFECTBOOKS, PERFECTBOOKS_SAMPLE } from "./sample-copies.js";

let workspace: { path: string; remove: () => void };
afterEach(() => workspace.remove());

/** Two copies of the Perfect Books package (same migration name) in a fresh working folder. */
function twoPackages(): { first: string; second: string } {
  workspace = temporaryDirectory("flitmap-state-");
  for (const name of ["first", "second"])
    cpSync(PERFECTBOOKS, join(workspace.path, name), { recursive: true, filter: (path) => !path.includes(`${PERFECTBOOKS}/sample`) });
  return { first: "first", second: "second" };
}

const runIdOf = (stdout: string): string => /^run (\S+) complete in/m.exec(stdout)?.[1] ?? "";

function reportedRun(pkg: string): { status: number | null; run?: string; stderr: string } {
  const report = runCli(["report", pkg, "--format", "json"], { cwd: workspace.path });
  return report.status === 2
    ? { status: 2, stderr: report.stderr }
    : { status: report.status, run: (JSON.parse(report.stdout) as { run: string }).run, stderr: report.stderr };
}

describe("the state folder of a package", () => {
  it("keeps the runs of two packages with the same migration name apart", () => {
    const { first, second } = twoPackages();
    const firstRun = runIdOf(runCli(["run", first, "--source", PERFECTBOOKS_SAMPLE, "--dry-run"], { cwd: workspace.path }).stdout);
    expect(firstRun).not.toBe("");
    // The second package has not run: it sees no run, not the first one's.
    const before = reportedRun(second);
    expect(before.status).toBe(2);
    expect(before.stderr).toMatch(/holds no run yet/);
    const secondRun = runIdOf(runCli(["run", second, "--source", PERFECTBOOKS_SAMPLE, "--dry-run"], { cwd: workspace.path }).stdout);
    expect(reportedRun(first).run).toBe(firstRun);
    expect(reportedRun(second).run).toBe(secondRun);
    const folders = readdirSync(join(workspace.path, ".flitmap")).sort();
    expect(folders).toEqual(["perfectbooks_to_odoo", expect.stringMatching(/^perfectbooks_to_odoo-[0-9a-f]{8}$/) as unknown]);
    const owners = folders.map(
      (name) => (JSON.parse(readFileSync(join(workspace.path, ".flitmap", name, "owner.json"), "utf8")) as { package: string }).package,
    );
    expect(owners.map((owner) => owner.slice(owner.lastIndexOf("/") + 1)).sort()).toEqual(["first", "second"]);
  });

  it("reads the state an earlier version left in .flitmap/<migration>, and gives it to the first package that uses it", () => {
    const { first, second } = twoPackages();
    // What an earlier version wrote: the state folder named after the migration alone, no owner.
    const earlier = runIdOf(
      runCli(["run", first, "--source", PERFECTBOOKS_SAMPLE, "--dry-run", "--state", ".flitmap/perfectbooks_to_odoo"], { cwd: workspace.path }).stdout,
    );
    expect(existsSync(join(workspace.path, ".flitmap/perfectbooks_to_odoo/owner.json"))).toBe(false);
    const report = runCli(["report", first, "--format", "json"], { cwd: workspace.path });
    expect((JSON.parse(report.stdout) as { run: string }).run).toBe(earlier);
    expect(report.stderr).toContain("flitmap: .flitmap/perfectbooks_to_odoo was left by an earlier version of Flitmap and is now the state folder of first");
    expect(reportedRun(second).status).toBe(2);
  });
});
