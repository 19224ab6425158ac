/**
 * A lookup that returns a field of the record it found (issue 16, Ügyféltár's and Asiakkaat's gap
 * 8): a meeting's attendees are the partners of the salespeople the CRM names, found as users by
 * login or name, `returns partner_id`. A live run reads the partner with the users in the lookup's
 * one search_read (Odoo answers a many2one as `[id, "name"]`), writes the partners' ids, and a
 * re-run takes the journaled answers; a plain field is given as its value; a test block finds a
 * given user's partner by the user's name, as Odoo names the partner it makes for a user.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { runPlan } from "../../../runtime/execute/run.js";
import { FilesTarget } from "../../../runtime/targets/files-target.js";
import { runPlanTests } from "../../../runtime/testing/plan-tests.js";
import { analyze } from "../../compiler/helpers.js";
import { answered, liveExport, runLive, stateByXmlid, temporaryDirectory } from "../support.js";

const PACKAGE = `migration agenda { source crm  target odoo "17.0"  xmlid "agenda" }
source crm {
  csv { datetime "yyyy-MM-dd HH:mm" }
  entity Meeting "meetings.csv" key id {
    id        text required
    subject   text required
    begins    datetime required
    organiser text
    attendee  text
    guest     text
  }
}
lookup attendee in res.users by login or email returns partner_id { missing flag }
lookup guest in res.users by name returns partner_id {
  match   loose
  missing flag
}
lookup organiser_login in res.users by name returns login { missing flag }
map Meeting -> calendar.event as meeting {
  name        <- subject
  start       <- begins
  stop        <- begins | add_minutes(30)
  partner_ids <- [attendee | attendee, guest | guest]
  location    <- organiser | organiser_login
}
`;

const EXPORT =
  "id,subject,begins,organiser,attendee,guest\n" +
  "E1,Kickoff,2026-03-02 09:00,Kovács Anna,anna,Toth Peter\n" +
  "E2,Review,2026-03-03 14:00,Tóth Péter,peter@example.hu,\n" +
  "E3,Lunch,2026-03-04 12:00,Nobody,nobody,Kovacs Anna\n";

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("a lookup that returns a field of the record it found", () => {
  it("gives the partners of users found by login, e-mail or name, read with the users in one search_read", async () => {
    const analysis = analyze({ "main.flitmap": PACKAGE });
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    const plan = emitPlan(analysis);
    expect(plan.lookups.map((lookup) => lookup.returns)).toEqual([
      { field: "partner_id", type: "record:res.partner" },
      { field: "partner_id", type: "record:res.partner" },
      { field: "login", type: "text" },
    ]);
    const { double, state, source, cleanup } = await liveExport("lookup-returns", { "meetings.csv": EXPORT });
    cleanups.push(cleanup);
    // A user holds its partner, as Odoo makes one for each user; a customer may bear a salesperson's name.
    for (const [name, login, email] of [
      ["Kovács Anna", "anna", "anna@example.hu"],
      ["Tóth Péter", "peter", "peter@example.hu"],
    ] as const) {
      const partner = double.addRecord("res.partner", { name, email });
      double.addRecord("res.users", { name, login, partner_id: partner, active: true, share: false });
    }
    double.addRecord("res.partner", { name: "Kovács Anna Kft.", is_company: true });

    const result = await runLive(plan, double, state, { sourceDirectory: source });
    expect(result.rejects).toEqual([]);
    expect(stateByXmlid(double, plan)).toEqual({
      "agenda.meeting_E1": {
        name: "Kickoff",
        start: "2026-03-02 09:00:00",
        stop: "2026-03-02 09:30:00",
        partner_ids: ["res.partner:Kovács Anna", "res.partner:Tóth Péter"],
        location: "anna",
      },
      "agenda.meeting_E2": {
        name: "Review",
        start: "2026-03-03 14:00:00",
        stop: "2026-03-03 14:30:00",
        partner_ids: ["res.partner:Tóth Péter"],
        location: "peter",
      },
      "agenda.meeting_E3": {
        name: "Lunch",
        start: "2026-03-04 12:00:00",
        stop: "2026-03-04 12:30:00",
        partner_ids: ["res.partner:Kovács Anna"],
        location: false,
      },
    });
    // One search_read of the users per lookup, not one per row, each asking for the partner too.
    const userReads = double.callLog.filter((call) => call.method === "search_read" && call.model === "res.users" && call.outcome === "ok");
    expect(userReads).toHaveLength(3);

    // A re-run of the same export takes the journaled answers, partners and logins, and asks nothing.
    const before = answered(double.callLog, "search_read", "res.users");
    const again = await runLive(plan, double, state, { sourceDirectory: source });
    expect(again.rejects).toEqual([]);
    expect(answered(double.callLog, "search_read", "res.users")).toBe(before);
    expect(stateByXmlid(double, plan)["agenda.meeting_E1"]?.["partner_ids"]).toEqual(["res.partner:Kovács Anna", "res.partner:Tóth Péter"]);
  });

  it("finds a given user's partner in a test block, by the user's name", async () => {
    const analysis = analyze({
      "main.flitmap": `${PACKAGE}
test "the attendees are the salespeople's partners" {
  given odoo res.users { name "Kovács Anna"  login "anna" }
  given odoo res.users { name "Tóth Péter"  login "peter"  email "peter@example.hu" }
  given Meeting { id "E1"  subject "Kickoff"  begins "2026-03-02 09:00"  organiser "Kovács Anna"  attendee "anna"  guest "Toth Peter" }
  given Meeting { id "E3"  subject "Lunch"  begins "2026-03-04 12:00"  attendee "nobody" }
  expect calendar.event { name "Kickoff"  partner_ids ["Kovács Anna", "Tóth Péter"]  location "anna" }
  expect calendar.event { name "Lunch"  partner_ids [] }
}
`,
    });
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    const results = await runPlanTests(emitPlan(analysis));
    expect(results.map((result) => [result.name, result.failures])).toEqual([["the attendees are the salespeople's partners", []]]);
  });

  it("gives import files a plain field, and no partner: Odoo's import names a record by an external ID, which a user's partner lacks", async () => {
    const source = temporaryDirectory("flitmap-lookup-returns-export-");
    const out = temporaryDirectory("flitmap-lookup-returns-out-");
    cleanups.push(async () => {
      source.remove();
      out.remove();
    });
    writeFileSync(join(source.path, "meetings.csv"), "id,subject,begins,organiser,attendee,guest\nE1,Kickoff,2026-03-02 09:00,Administrator,admin,\n");
    const plan = emitPlan(analyze({ "main.flitmap": PACKAGE }));
    // The catalog's administrator, as the recordings hold it: its partner as Odoo's [id, name] pair, with no external ID.
    expect(plan.lookups[0]?.known.find((record) => record.xmlid === "base.user_admin")?.values).toMatchObject({ partner_id: [3, "Administrator"] });
    const result = await runPlan({ plan, sourceDirectory: source.path, target: new FilesTarget(out.path, "agenda") });
    expect(result.rejects).toEqual([]);
    const events = readdirSync(out.path).find((name) => name.includes("calendar.event")) ?? "";
    expect(readFileSync(join(out.path, events), "utf8")).toBe(
      "id,name,start,stop,partner_ids/id,location\r\nagenda.meeting_E1,Kickoff,2026-03-02 09:00:00,2026-03-02 09:30:00,,admin\r\n",
    );
  });
});
