/**
 * `run --since` when only rows a record reads from other entities changed: a person's parent
 * company, tags and job come from Employment rows (which have a modification date), their clubs
 * from Membership rows (which do not), and the job is the primary company's name (`get`). After a
 * full run, link rows are added (one with an old date), removed and changed while every person's
 * own date stays old: the delta writes exactly those people, with their new parent, tags and
 * clubs, and nothing else. Against the Odoo test double, with the people package.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import type { Plan } from "../../compiler/plan/schema.js";
import { runPlan, type RunResult } from "../../runtime/execute/run.js";
import { Journal } from "../../runtime/journal/journal.js";
import { headPathOf } from "../../runtime/journal/file.js";
import { deltaSelection } from "../../runtime/lifecycle/delta.js";
import { FilesTarget } from "../../runtime/targets/files-target.js";
import { startOdooDouble, type OdooDouble } from "../odoo-double/server.js";
import { runLive, stateByXmlid, temporaryDirectory } from "../runtime/support.js";
import { editedExport, PEOPLE_EXPORT, PEOPLE_PACKAGE, writePeopleExport, type PeopleExport } from "./people-export.js";

/** Only link rows change; every person keeps its January date. */
const LINKS_EDITED: PeopleExport = editedExport({
  set: {
    "employments.csv": [
      "person_id,company_id,primary,modified",
      "P1,C1,yes,2026-01-10 09:00",
      // P1,C2 removed: P1 loses the C2 tag.
      "P2,C2,yes,2026-01-10 09:00",
      // Added, but exported with an old date: only the comparison with the journal sees it.
      "P2,C3,no,2026-01-05 09:00",
      // P3 moves to Acme, keeping Crane as a tag.
      "P3,C1,yes,2026-02-10 09:00",
      "P3,C3,no,2026-02-10 09:00",
      "P5,C1,yes,2026-01-10 09:00",
    ],
    // P4 plays tennis now, not golf; memberships have no modification date.
    "memberships.csv": ["person_id,club", "P1,Chess", "P2,Chess", "P4,Tennis", "P5,Golf", "P5,Chess"],
  },
});

function loadedRows(double: OdooDouble): Record<string, number> {
  const rows: Record<string, number> = {};
  for (const call of double.callLog)
    if (call.method === "load" && call.outcome === "ok") rows[call.model ?? ""] = (rows[call.model ?? ""] ?? 0) + (call.rows ?? 0);
  return rows;
}

function otherWrites(double: OdooDouble): string[] {
  return double.callLog.filter((call) => ["write", "create", "unlink"].includes(call.method)).map((call) => `${call.method} ${call.model ?? ""}`);
}

describe("a delta of link rows only, for an entity with a modification column", () => {
  let double: OdooDouble;
  let exportCopy: { path: string; remove: () => void };
  let state: { path: string; remove: () => void };
  let plan: Plan;
  let now = new Date("2026-01-15T10:00:00Z");
  let before: ReturnType<typeof stateByXmlid>;
  let delta: RunResult;
  const lines: string[] = [];

  beforeAll(async () => {
    double = await startOdooDouble({ version: "17.0", clock: () => now });
    exportCopy = temporaryDirectory("flitmap-delta-links-export-");
    state = temporaryDirectory("flitmap-delta-links-state-");
    plan = emitPlan(analyzeDirectory(PEOPLE_PACKAGE));
    writePeopleExport(exportCopy.path, PEOPLE_EXPORT);
    expect((await runLive(plan, double, state.path, { sourceDirectory: exportCopy.path })).status).toBe("complete");
    before = stateByXmlid(double, plan);
    writePeopleExport(exportCopy.path, LINKS_EDITED);
    now = new Date("2026-02-20T10:00:00Z");
    double.clearCallLog();
    delta = await runLive(plan, double, state.path, {
      sourceDirectory: exportCopy.path,
      selection: deltaSelection("2026-02-01"),
      since: "2026-02-01",
      reporter: { line: (text) => lines.push(text) },
    });
  }, 60_000);

  afterAll(async () => {
    await double.stop();
    exportCopy.remove();
    state.remove();
  });

  it("takes the people whose link rows changed, and says why", () => {
    expect(delta.status).toBe("complete");
    expect(lines).toContain(
      "delta since 2026-02-01: Company 0 of 3 rows (modified_at since 2026-02-01 00:00:00 UTC); Person 4 of 5 rows (modified_at since 2026-02-01 00:00:00 UTC; 4 of them because rows they read from Employment, Membership, Company changed); Note all 2 rows, compared by content with the journal",
    );
    expect(delta.entities.find((entity) => entity.entity === "Person")).toMatchObject({ read: 5, loaded: 4, notSelected: 1 });
    expect(delta.steps.find((step) => step.step === "person")).toMatchObject({ loaded: 4, updated: 4, created: 0, unchanged: 0 });
  });

  it("updates their parent, tags, job and clubs, and writes nothing else", () => {
    expect(loadedRows(double)).toEqual({ "res.partner": 4 });
    expect(otherWrites(double)).toEqual([]);
    const after = stateByXmlid(double, plan);
    expect(after).toEqual({
      ...before,
      "ppl.person_P1": { ...before["ppl.person_P1"], category_id: [] },
      "ppl.person_P2": { ...before["ppl.person_P2"], category_id: ["ppl.company_tag_C3"] },
      "ppl.person_P3": { ...before["ppl.person_P3"], parent_id: "ppl.company_C1", category_id: ["ppl.company_tag_C3"], function: "Acme" },
      "ppl.person_P4": { ...before["ppl.person_P4"], x_clubs: "Tennis" },
    });
    // What changed, read from the first run's state: the test would pass vacuously if the first run had written these.
    expect(before["ppl.person_P1"]).toMatchObject({ category_id: ["ppl.company_tag_C2"] });
    expect(before["ppl.person_P3"]).toMatchObject({ parent_id: "ppl.company_C3", category_id: [], function: "Crane" });
    expect(before["ppl.person_P4"]).toMatchObject({ x_clubs: "Golf" });
  });

  it("takes a person whose job reads a company renamed since", async () => {
    const renamed = {
      ...LINKS_EDITED,
      "companies.csv": ["id,name,modified", "C1,Acme,2026-01-10 09:00", "C2,Bolt Group,2026-03-05 09:00", "C3,Crane,2026-01-10 09:00"],
    };
    writePeopleExport(exportCopy.path, renamed);
    const earlier = stateByXmlid(double, plan);
    now = new Date("2026-03-10T10:00:00Z");
    double.clearCallLog();
    const result = await runLive(plan, double, state.path, { sourceDirectory: exportCopy.path, selection: deltaSelection("2026-03-01"), since: "2026-03-01" });
    expect(result.status).toBe("complete");
    // The company and its tag by their own date; P2, whose primary company it is, for its job.
    expect(loadedRows(double)).toEqual({ "res.partner": 2, "res.partner.category": 1 });
    expect(stateByXmlid(double, plan)).toEqual({
      ...earlier,
      "ppl.company_C2": { ...earlier["ppl.company_C2"], name: "Bolt Group" },
      "ppl.company_tag_C2": { ...earlier["ppl.company_tag_C2"], name: "Bolt Group" },
      "ppl.person_P2": { ...earlier["ppl.person_P2"], function: "Bolt Group" },
    });
  });

  it("a journal without digests (written before them): linked rows are judged by their dates, and the digests are journaled for the next delta", async () => {
    // Take the digests out, as a journal of an earlier Flitmap holds none (in format 1: no header, no chain, no head).
    const path = join(state.path, "journal.jsonl");
    const events = readFileSync(path, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as { type: string; prev?: string; rows?: { feeds?: string }[] })
      .filter((event) => event.type !== "feeds" && event.type !== "journal");
    for (const event of events) {
      delete event.prev;
      for (const row of event.rows ?? []) delete row.feeds;
    }
    writeFileSync(path, events.map((event) => `${JSON.stringify(event)}\n`).join(""));
    rmSync(headPathOf(path));
    double.clearCallLog();
    const first = await runLive(plan, double, state.path, { sourceDirectory: exportCopy.path, selection: deltaSelection("2026-03-20"), since: "2026-03-20" });
    // No employment changed since, but memberships have no date: every person is compared, none written.
    expect(first.entities.find((entity) => entity.entity === "Person")).toMatchObject({ loaded: 5, notSelected: 0 });
    expect(first.steps.find((step) => step.step === "person")).toMatchObject({ unchanged: 5, updated: 0 });
    expect(loadedRows(double)).toEqual({});
    const journal = Journal.open(path);
    journal.close();
    const feeds = journal.events.filter((event) => event.type === "feeds" && event.run === first.runId);
    expect(feeds.map((event) => (event.type === "feeds" ? [event.step, Object.keys(event.feeds).sort()] : []))).toEqual([
      ["person", ["ppl.person_P1", "ppl.person_P2", "ppl.person_P3", "ppl.person_P4", "ppl.person_P5"]],
    ]);
    const second = await runLive(plan, double, state.path, { sourceDirectory: exportCopy.path, selection: deltaSelection("2026-03-20"), since: "2026-03-20" });
    expect(second.entities.find((entity) => entity.entity === "Person")).toMatchObject({ loaded: 0, notSelected: 5 });
  });

  it("import files have no journal: a person is taken when one of its employments changed since, or when it may have memberships", async () => {
    const out = temporaryDirectory("flitmap-delta-links-files-");
    const withoutClubs = temporaryDirectory("flitmap-delta-links-package-");
    try {
      const filesDelta = async (deltaPlan: Plan): Promise<RunResult> =>
        runPlan({
          plan: deltaPlan,
          sourceDirectory: exportCopy.path,
          target: new FilesTarget(out.path, deltaPlan.migration.namespace),
          selection: deltaSelection("2026-03-20"),
        });
      // Membership has no modification date, so it cannot tell: every person is written.
      expect((await filesDelta(plan)).entities.find((entity) => entity.entity === "Person")).toMatchObject({ loaded: 5, notSelected: 0 });
      // Without the clubs, only the person whose employment changed since.
      const text = readFileSync(join(PEOPLE_PACKAGE, "people.flitmap"), "utf8");
      const clubs = '  with Membership by person_id {\n    x_clubs <- club | join(", ")\n  }\n';
      expect(text).toContain(clubs);
      writeFileSync(join(withoutClubs.path, "people.flitmap"), text.replace(clubs, ""));
      const employments = LINKS_EDITED["employments.csv"] ?? [];
      writePeopleExport(exportCopy.path, {
        ...LINKS_EDITED,
        "employments.csv": employments.map((row) => (row.startsWith("P5,") ? "P5,C1,yes,2026-03-25 09:00" : row)),
      });
      const result = await filesDelta(emitPlan(analyzeDirectory(withoutClubs.path)));
      expect(result.entities.find((entity) => entity.entity === "Person")).toMatchObject({ loaded: 1, notSelected: 4 });
      const personFile = readdirSync(out.path).find((name) => name.endsWith("-res.partner-person.csv")) ?? "";
      const written = readFileSync(join(out.path, personFile), "utf8")
        .split("\n")
        .slice(1)
        .filter((line) => line !== "")
        .map((line) => line.split(",")[0]);
      expect(written).toEqual(["ppl.person_P5"]);
    } finally {
      out.remove();
      withoutClubs.remove();
    }
  });
});
