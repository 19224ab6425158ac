/**
 * `run --since TIME` (delta pickup) on a copy of the Perfect Books sample export against the Odoo
 * test double: after a full run, 10 deals are edited (name and Last Modified) and 2 notes (which
 * have no modification column) get a new body; the delta writes exactly those 12 records and
 * nothing else, as the double's call log and write_date show.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import type { Plan } from "../../compiler/plan/schema.js";
import type { RunResult } from "../../runtime/execute/run.js";
import { Journal } from "../../runtime/journal/journal.js";
import { deltaSelection, parseSince, sinceIn } from "../../runtime/lifecycle/delta.js";
import { rollbackRun } from "../../runtime/lifecycle/rollback.js";
import { startOdooDouble, type OdooDouble } from "../odoo-double/server.js";
import { connectDouble, runLive, temporaryDirectory } from "../runtime/support.js";

const PACKAGE = join(import.meta.dirname, "../../mappings/perfectbooks-to-odoo");
const SAMPLE = join(PACKAGE, "sample");
const SEED_USERS = (JSON.parse(readFileSync(join(SAMPLE, "odoo-seed.json"), "utf8")) as { users: { login: string; name: string; email: string }[] }).users;

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rewrites a CSV of the export copy: `edit` changes a row in place, and returns "drop" to take it out of the export. */
function editCsv(path: string, edit: (row: Record<string, string>, index: number) => boolean | "drop"): void {
  const text = readFileSync(path, "utf8").replace(/^\uFEFF/, "");
  const rows = parse<Record<string, string>>(text, { columns: true, skip_empty_lines: true });
  const header = Object.keys(rows[0] ?? {});
  const kept = rows.filter((row, index) => edit(row, index) !== "drop");
  writeFileSync(path, [header.map(csvCell).join(","), ...kept.map((row) => header.map((column) => csvCell(row[column] ?? "")).join(","))].join("\n") + "\n");
}

describe("--since parsing", () => {
  it("reads a day, a local time and an instant, and says how to write one it cannot read", () => {
    const day = parseSince("2024-03-01");
    const local = parseSince("2024-07-01T09:30");
    const instant = parseSince("2024-07-01T09:30Z");
    if (!day.ok || !local.ok || !instant.ok) throw new Error("expected all three to parse");
    // London is on summer time in July: 09:30 there is 08:30 UTC; the instant is what it says.
    expect(sinceIn(day.moment, "Europe/London")).toBe("2024-03-01 00:00:00");
    expect(sinceIn(local.moment, "Europe/London")).toBe("2024-07-01 08:30:00");
    expect(sinceIn(instant.moment, "Europe/London")).toBe("2024-07-01 09:30:00");
    expect(parseSince("last tuesday")).toEqual({
      ok: false,
      reason: '--since "last tuesday" is not a date or time: write it as 2024-03-01, 2024-03-01T09:30 (the export\'s time zone) or 2024-03-01T09:30Z',
    });
  });
});

describe("a delta after editing rows of the Perfect Books export", () => {
  let double: OdooDouble;
  let exportCopy: { path: string; remove: () => void };
  let state: { path: string; remove: () => void };
  let plan: Plan;
  let delta: RunResult;
  let now = new Date("2026-11-01T10:00:00Z");
  const editedDeals: string[] = [];
  const editedNotes: string[] = [];
  let quietlyEditedDeal = "";
  let droppedNote = "";
  let afterFirstRun: ReturnType<OdooDouble["snapshot"]>;

  beforeAll(async () => {
    double = await startOdooDouble({ version: "17.0", users: SEED_USERS.map((user) => ({ ...user, level: "user" as const })), clock: () => now });
    exportCopy = temporaryDirectory("flitmap-delta-export-");
    state = temporaryDirectory("flitmap-delta-state-");
    cpSync(SAMPLE, exportCopy.path, { recursive: true });
    plan = emitPlan(analyzeDirectory(PACKAGE, { seriesOverride: "17.0" }));
    const first = await runLive(plan, double, state.path, { sourceDirectory: exportCopy.path });
    expect(first.status).toBe("complete");
    afterFirstRun = double.snapshot({ withoutTimestamps: true });

    // Every Last Modified of the sample is before 2027; ten deals are edited in January 2027.
    editCsv(join(exportCopy.path, "deals.csv"), (row, index) => {
      if (index % 4 === 1 && editedDeals.length < 10) {
        row["Deal Name"] = `${row["Deal Name"] ?? ""} (renegotiated)`;
        row["Last Modified"] = "15/01/2027 09:00";
        editedDeals.push(row["Deal ID"] ?? "");
        return true;
      }
      // Changed without its modification date: a delta by date must leave it alone.
      if (index === 2) {
        row["Deal Name"] = `${row["Deal Name"] ?? ""} (typo fixed quietly)`;
        quietlyEditedDeal = row["Deal ID"] ?? "";
        return true;
      }
      return false;
    });
    editCsv(join(exportCopy.path, "notes.csv"), (row, index) => {
      if (index === 9) {
        droppedNote = row["Note ID"] ?? "";
        return "drop";
      }
      if (index !== 0 && index !== 5) return false;
      row["Body"] = `${row["Body"] ?? ""} Follow-up booked.`;
      editedNotes.push(row["Note ID"] ?? "");
      return true;
    });
    now = new Date("2027-02-01T10:00:00Z");
    double.clearCallLog();
    delta = await runLive(plan, double, state.path, { sourceDirectory: exportCopy.path, selection: deltaSelection("2027-01-01"), since: "2027-01-01" });
  }, 180_000);

  afterAll(async () => {
    await double.stop();
    exportCopy.remove();
    state.remove();
  });

  const xmlidsOf = (model: string, ids: readonly number[]): string[] => {
    const data = double.records("ir.model.data").filter((row) => row["model"] === model && ids.includes(Number(row["res_id"])));
    return data.map((row) => `${String(row["module"])}.${String(row["name"])}`).sort();
  };
  const writtenAfterEdit = (model: string): string[] =>
    xmlidsOf(
      model,
      double
        .records(model)
        .filter((record) => record["write_date"] === "2027-02-01 10:00:00")
        .map((record) => Number(record["id"])),
    );

  it("writes exactly the edited deals and notes, and nothing else", () => {
    expect(delta.status).toBe("complete");
    expect(editedDeals).toHaveLength(10);
    expect(writtenAfterEdit("crm.lead")).toEqual(editedDeals.map((id) => `perfectbooks.deal_${id}`).sort());
    expect(writtenAfterEdit("mail.message")).toEqual(editedNotes.map((id) => `perfectbooks.note_${id}`).sort());
    for (const model of ["res.partner", "crm.stage", "mail.activity", "ir.attachment"]) expect(writtenAfterEdit(model), model).toEqual([]);
    // Nothing else was sent: one load per model, holding exactly the changed rows.
    const loads = double.callLog.filter((call) => call.method === "load" && call.outcome === "ok");
    expect(Object.fromEntries(loads.map((call) => [call.model, call.rows]))).toEqual({ "crm.lead": 10, "mail.message": 2 });
    expect(double.callLog.filter((call) => call.method === "write" || call.method === "create" || call.method === "unlink")).toEqual([]);
  });

  it("reports a row gone from the export, and leaves its record in Odoo", () => {
    expect(delta.disappeared.map((record) => [record.step, record.model, record.xmlid, record.key])).toEqual([
      ["note", "mail.message", `perfectbooks.note_${droppedNote}`, droppedNote],
    ]);
    expect(
      xmlidsOf(
        "mail.message",
        double.records("mail.message").map((message) => Number(message["id"])),
      ),
    ).toContain(`perfectbooks.note_${droppedNote}`);
  });

  it("leaves a row changed without its modification date as it was", () => {
    const record = double.records("crm.lead").find((lead) => xmlidsOf("crm.lead", [Number(lead["id"])])[0] === `perfectbooks.deal_${quietlyEditedDeal}`);
    expect(String(record?.["name"])).not.toContain("typo fixed quietly");
  });

  it("keeps the edited deals pointing to the partners of the first run", () => {
    const deal = double.records("crm.lead").find((lead) => xmlidsOf("crm.lead", [Number(lead["id"])])[0] === `perfectbooks.deal_${editedDeals[0] ?? ""}`);
    expect(String(deal?.["name"])).toContain("(renegotiated)");
    // The stage, team and partner are records the delta did not write: found in the journal.
    expect(typeof deal?.["stage_id"]).toBe("number");
    const deals = delta.entities.find((entity) => entity.entity === "Deal");
    expect(deals).toMatchObject({ read: 45, notSelected: 34 });
    expect(delta.steps.find((step) => step.step === "deal")).toMatchObject({ updated: 10, created: 0 });
  });

  // Last: it undoes the delta the tests above look at.
  it("rolls the delta back to the state the first run left: the edited deals and notes get their values back", async () => {
    const client = await connectDouble(double);
    const journal = Journal.open(join(state.path, "journal.jsonl"));
    try {
      const result = await rollbackRun({ journal, client, plan });
      expect(result.status).toBe("complete");
      expect(result.restored).toEqual([
        { model: "crm.lead", count: 10 },
        { model: "mail.message", count: 2 },
      ]);
      expect(result.deleted).toEqual([]);
    } finally {
      journal.close();
      await client.close();
    }
    expect(double.snapshot({ withoutTimestamps: true })).toEqual(afterFirstRun);
  });
});
