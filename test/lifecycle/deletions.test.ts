/**
 * `deleted archive` against the Odoo test double, with the people package: after a full run, a
 * person and a note are taken out of the export. The next live run archives the person (the note,
 * a mail.message, has no `active` field: reported with that reason), journaled so that rollback
 * unarchives it; a further run writes nothing; the person's row coming back unarchives it. A sample
 * run and a read that could not see every row archive nothing, a delta archives what is gone;
 * import files are not touched.
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import type { Plan } from "../../compiler/plan/schema.js";
import { writeRunOutputs } from "../../runtime/execute/outputs.js";
import { runPlan, type RunResult } from "../../runtime/execute/run.js";
import { Journal, type JournalEvent } from "../../runtime/journal/journal.js";
import { deltaSelection } from "../../runtime/lifecycle/delta.js";
import { buildAuditReport, readRunRecords } from "../../runtime/lifecycle/report.js";
import { rollbackRun } from "../../runtime/lifecycle/rollback.js";
import { sampleSelection } from "../../runtime/lifecycle/sample.js";
import { FilesTarget } from "../../runtime/targets/files-target.js";
import { startOdooDouble, type OdooDouble } from "../odoo-double/server.js";
import { connectDouble, runLive, temporaryDirectory } from "../runtime/support.js";
import { editedExport, PEOPLE_EXPORT, PEOPLE_PACKAGE, writePeopleExport } from "./people-export.js";

const WITHOUT_P4 = editedExport({ drop: ["P4", "N2"] });

function idOf(double: OdooDouble, xmlid: string): number {
  const [module, name] = xmlid.split(".");
  const row = double.records("ir.model.data").find((data) => data["module"] === module && data["name"] === name);
  if (row === undefined) throw new Error(`no record ${xmlid}`);
  return Number(row["res_id"]);
}

function activeOf(double: OdooDouble, model: string, xmlid: string): unknown {
  const id = idOf(double, xmlid);
  return double.records(model).find((record) => record["id"] === id)?.["active"];
}

/** What each run did about each record whose row is gone: [step, external ID, action, why]. */
function outcomes(result: RunResult): (string | undefined)[][] {
  return result.disappeared.map((record) => [record.step, record.xmlid, record.action, record.why]);
}

function writesTo(double: OdooDouble): string[] {
  return double.callLog.filter((call) => ["write", "load", "create", "unlink"].includes(call.method)).map((call) => `${call.method} ${call.model ?? ""}`);
}

function journalEvents(state: string): JournalEvent[] {
  const journal = Journal.open(join(state, "journal.jsonl"));
  journal.close();
  return journal.events;
}

async function rollback(double: OdooDouble, state: string, plan: Plan, run: string): Promise<Awaited<ReturnType<typeof rollbackRun>>> {
  const client = await connectDouble(double);
  const journal = Journal.open(join(state, "journal.jsonl"));
  try {
    return await rollbackRun({ journal, client, plan, run });
  } finally {
    journal.close();
    await client.close();
  }
}

describe("deleted archive: records whose row is gone from the export", () => {
  let double: OdooDouble;
  let exportCopy: { path: string; remove: () => void };
  let state: { path: string; remove: () => void };
  let plan: Plan;
  let afterFirstRun: ReturnType<OdooDouble["snapshot"]>;
  let archiving: RunResult;

  beforeAll(async () => {
    double = await startOdooDouble({ version: "17.0" });
    exportCopy = temporaryDirectory("flitmap-deleted-export-");
    state = temporaryDirectory("flitmap-deleted-state-");
    plan = emitPlan(analyzeDirectory(PEOPLE_PACKAGE));
    writePeopleExport(exportCopy.path, PEOPLE_EXPORT);
    const first = await runLive(plan, double, state.path, { sourceDirectory: exportCopy.path });
    expect(first.status).toBe("complete");
    expect(first.disappeared).toEqual([]);
    afterFirstRun = double.snapshot({ withoutTimestamps: true });
    writePeopleExport(exportCopy.path, WITHOUT_P4);
    double.clearCallLog();
    archiving = await runLive(plan, double, state.path, { sourceDirectory: exportCopy.path });
    writeRunOutputs(archiving, join(state.path, "runs", archiving.runId));
  }, 60_000);

  afterAll(async () => {
    await double.stop();
    exportCopy.remove();
    state.remove();
  });

  it("archives the person whose row is gone, and reports the note, which Odoo cannot archive", () => {
    expect(archiving.status).toBe("complete");
    expect(outcomes(archiving)).toEqual([
      ["person", "ppl.person_P4", "archived", undefined],
      ["note", "ppl.note_N2", "not archived", "mail.message has no active field"],
    ]);
    expect(activeOf(double, "res.partner", "ppl.person_P4")).toBe(false);
    for (const person of ["P1", "P2", "P3", "P5"]) expect(activeOf(double, "res.partner", `ppl.person_${person}`)).toBe(true);
    expect(double.records("mail.message").some((message) => message["id"] === idOf(double, "ppl.note_N2"))).toBe(true);
    // The other rows did not change: one write, of `active` on the person, and nothing loaded.
    expect(writesTo(double)).toEqual(["write res.partner"]);
    expect(archiving.unarchived).toEqual([]);
  });

  it("journals the archiving like an update, with the value before", () => {
    const id = idOf(double, "ppl.person_P4");
    const batches = journalEvents(state.path).flatMap((event): unknown[] => {
      if (event.run !== archiving.runId) return [];
      if (event.type === "batch-start") return [[event.type, event.pass, event.existing]];
      if (event.type === "batch-end") return [[event.type, event.pass, event.rows.map((row) => [row.xmlid, row.action])]];
      return [];
    });
    expect(batches).toEqual([
      ["batch-start", "archive", { "ppl.person_P4": { id, before: { active: true } } }],
      ["batch-end", "archive", [["ppl.person_P4", "updated"]]],
    ]);
  });

  it("says in the audit report what was archived and what could not be", () => {
    const report = buildAuditReport(plan, readRunRecords(state.path, archiving.runId));
    expect(
      report.decisions
        .filter((decision) => decision.kind === "disappeared")
        .map((decision) => [decision.where, decision.count, decision.what, decision.examples]),
    ).toEqual([
      [
        "mail.message",
        1,
        "1 records written by earlier runs have no row in the export any more: not archived, though the package says `deleted archive` (each example says why)",
        ['ppl.note_N2 (note row "N2"): mail.message has no active field'],
      ],
      [
        "res.partner",
        1,
        "1 records written by earlier runs have no row in the export any more: archived by this run (active = false); flitmap rollback of this run unarchives them",
        ['ppl.person_P4 (person row "P4")'],
      ],
    ]);
    const summary = JSON.parse(readFileSync(join(state.path, "runs", archiving.runId, "run-summary.json"), "utf8")) as { disappeared: unknown[] };
    expect(summary.disappeared).toEqual(JSON.parse(JSON.stringify(archiving.disappeared)));
  });

  it("is undone by rollback: the person is active again, Odoo as the first run left it", async () => {
    const result = await rollback(double, state.path, plan, archiving.runId);
    expect(result.status).toBe("complete");
    expect(result.restored).toEqual([{ model: "res.partner", count: 1 }]);
    expect(result.deleted).toEqual([]);
    expect(double.snapshot({ withoutTimestamps: true })).toEqual(afterFirstRun);
  });

  it("archives again after the rollback, then a further run finds it archived and writes nothing", async () => {
    const again = await runLive(plan, double, state.path, { sourceDirectory: exportCopy.path });
    expect(outcomes(again)).toEqual([
      ["person", "ppl.person_P4", "archived", undefined],
      ["note", "ppl.note_N2", "not archived", "mail.message has no active field"],
    ]);
    double.clearCallLog();
    const further = await runLive(plan, double, state.path, { sourceDirectory: exportCopy.path });
    expect(outcomes(further)).toEqual([
      ["person", "ppl.person_P4", "already archived", `by run ${again.runId}`],
      ["note", "ppl.note_N2", "not archived", "mail.message has no active field"],
    ]);
    expect(writesTo(double)).toEqual([]);
    expect(activeOf(double, "res.partner", "ppl.person_P4")).toBe(false);
  });

  it("unarchives the person when its row comes back, and rollback of that run archives it again", async () => {
    writePeopleExport(exportCopy.path, editedExport({ drop: ["N2"] }));
    double.clearCallLog();
    const back = await runLive(plan, double, state.path, { sourceDirectory: exportCopy.path });
    expect(back.unarchived.map((record) => [record.step, record.xmlid, record.key])).toEqual([["person", "ppl.person_P4", "P4"]]);
    expect(outcomes(back)).toEqual([["note", "ppl.note_N2", "not archived", "mail.message has no active field"]]);
    expect(activeOf(double, "res.partner", "ppl.person_P4")).toBe(true);
    // Its row and membership are as the first run wrote them: unarchiving is the only write.
    expect(writesTo(double)).toEqual(["write res.partner"]);
    const result = await rollback(double, state.path, plan, back.runId);
    expect(result.status).toBe("complete");
    expect(activeOf(double, "res.partner", "ppl.person_P4")).toBe(false);
  });
});

describe("deleted archive when a run does not take or read every row", () => {
  let double: OdooDouble;
  let exportCopy: { path: string; remove: () => void };
  let state: { path: string; remove: () => void };
  let plan: Plan;

  beforeAll(async () => {
    double = await startOdooDouble({ version: "17.0" });
    exportCopy = temporaryDirectory("flitmap-deleted-export-");
    state = temporaryDirectory("flitmap-deleted-state-");
    plan = emitPlan(analyzeDirectory(PEOPLE_PACKAGE));
    writePeopleExport(exportCopy.path, PEOPLE_EXPORT);
    expect((await runLive(plan, double, state.path, { sourceDirectory: exportCopy.path })).status).toBe("complete");
  }, 60_000);

  afterAll(async () => {
    await double.stop();
    exportCopy.remove();
    state.remove();
  });

  it("a sample run: rows it leaves out are not gone, and a row really gone is only reported", async () => {
    writePeopleExport(exportCopy.path, WITHOUT_P4);
    double.clearCallLog();
    const sample = await runLive(plan, double, state.path, {
      sourceDirectory: exportCopy.path,
      selection: sampleSelection({ size: 2, seed: 1 }),
      sample: 2,
      seed: 1,
    });
    expect(sample.status).toBe("complete");
    expect(outcomes(sample)).toEqual([
      ["person", "ppl.person_P4", "not archived", "a sample run archives nothing: run the whole export"],
      ["note", "ppl.note_N2", "not archived", "a sample run archives nothing: run the whole export"],
    ]);
    expect(writesTo(double)).toEqual([]);
    expect(activeOf(double, "res.partner", "ppl.person_P4")).toBe(true);
  });

  it("an entity with a row that could not be read and has no key", async () => {
    writePeopleExport(exportCopy.path, { ...WITHOUT_P4, "people.csv": [...(WITHOUT_P4["people.csv"] ?? []), ",Nameless,2026-01-10 09:00"] });
    double.clearCallLog();
    const result = await runLive(plan, double, state.path, { sourceDirectory: exportCopy.path });
    expect(outcomes(result)).toEqual([
      ["person", "ppl.person_P4", "not archived", "1 Person row could not be read and have no key: this record's row may be one of them"],
      ["note", "ppl.note_N2", "not archived", "mail.message has no active field"],
    ]);
    expect(activeOf(double, "res.partner", "ppl.person_P4")).toBe(true);
  });

  it("a delta run reads the whole export: it archives a row really gone, and takes no row it leaves out for gone", async () => {
    writePeopleExport(exportCopy.path, WITHOUT_P4);
    double.clearCallLog();
    const delta = await runLive(plan, double, state.path, { sourceDirectory: exportCopy.path, selection: deltaSelection("2026-02-01"), since: "2026-02-01" });
    expect(delta.status).toBe("complete");
    expect(outcomes(delta)).toEqual([
      ["person", "ppl.person_P4", "archived", undefined],
      ["note", "ppl.note_N2", "not archived", "mail.message has no active field"],
    ]);
    expect(delta.entities.find((entity) => entity.entity === "Person")).toMatchObject({ read: 4, notSelected: 4 });
    expect(writesTo(double)).toEqual(["write res.partner"]);
    expect(activeOf(double, "res.partner", "ppl.person_P4")).toBe(false);
  });

  it("an entity whose file is missing: none of its records is archived", async () => {
    writePeopleExport(exportCopy.path, WITHOUT_P4);
    rmSync(join(exportCopy.path, "companies.csv"));
    const result = await runLive(plan, double, state.path, { sourceDirectory: exportCopy.path });
    const companies = result.disappeared.filter((record) => record.step === "company" || record.step === "company_tag");
    expect(companies.map((record) => [record.xmlid, record.action])).toEqual(
      ["ppl.company_C1", "ppl.company_C2", "ppl.company_C3", "ppl.company_tag_C1", "ppl.company_tag_C2", "ppl.company_tag_C3"].map((xmlid) => [
        xmlid,
        "not archived",
      ]),
    );
    expect(companies[0]?.why).toMatch(/^the export's Company rows could not all be read \(no file in .* matches 'companies\.csv'\)$/);
    for (const company of ["C1", "C2", "C3"]) expect(activeOf(double, "res.partner", `ppl.company_${company}`)).toBe(true);
    // People were read whole: the person the delta archived stays archived, nothing more.
    expect(
      outcomes(result)
        .filter(([step]) => step === "person" || step === "note")
        .map(([, xmlid, action]) => [xmlid, action]),
    ).toEqual([
      ["ppl.person_P4", "already archived"],
      ["ppl.note_N2", "not archived"],
    ]);
  });

  it("import files archive nothing, and say so", async () => {
    const out = temporaryDirectory("flitmap-deleted-files-");
    const lines: string[] = [];
    try {
      writePeopleExport(exportCopy.path, WITHOUT_P4);
      const result = await runPlan({
        plan,
        sourceDirectory: exportCopy.path,
        target: new FilesTarget(out.path, plan.migration.namespace),
        reporter: { line: (text) => lines.push(text) },
      });
      expect(result.disappeared).toEqual([]);
      expect(lines).toContain(
        "deleted archive: import files hold rows to load, not records to archive: only a run into a live Odoo archives records whose row is gone",
      );
    } finally {
      out.remove();
    }
  });
});
