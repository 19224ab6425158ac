import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../compiler/plan/schema.js";
import type { OdooDouble } from "../odoo-double/server.js";
import { FIXTURE_EXPORT, FIXTURE_PACKAGE, compileFixture, killRunAfter, runLive, startSeededDouble, stateByXmlid, temporaryDirectory } from "./support.js";

let plan: Plan;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(() => {
  plan = compileFixture();
});

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function fresh(faults = {}): Promise<{ double: OdooDouble; state: string }> {
  const double = await startSeededDouble("17.0", faults);
  const state = temporaryDirectory("flitmap-state-");
  cleanups.push(() => double.stop(), state.remove);
  return { double, state: state.path };
}

describe("a run against the Odoo test double", () => {
  it("loads every kind of record, and reads back as the mapping says", async () => {
    const { double, state } = await fresh();
    const result = await runLive(plan, double, state);
    expect(result.status).toBe("complete");
    expect(result.reconciliationErrors).toEqual([]);
    expect(result.entities.map((entity) => [entity.entity, entity.read, entity.loaded, entity.linked, entity.skipped, entity.rejected])).toEqual([
      ["Company", 5, 4, 0, 0, 1],
      ["Person", 3, 2, 0, 0, 1],
      ["Relation", 3, 3, 0, 0, 0],
      ["Quote", 2, 2, 0, 0, 0],
      ["QuoteLine", 5, 3, 0, 0, 2],
      ["Note", 2, 1, 0, 0, 1],
      ["Task", 3, 2, 0, 0, 1],
      ["Attachment", 2, 1, 0, 0, 1],
      ["Employment", 5, 0, 4, 0, 1],
    ]);
    const state_ = stateByXmlid(double, plan);
    // A self-reference written in the second pass; a dangling one left empty and reported.
    expect(state_["crm.company_C2"]).toEqual({ is_company: true, name: "Acme UK", parent_id: "crm.company_C1", x_score: 75 });
    expect(state_["crm.company_C5"]).toEqual({ is_company: true, name: "Orphan Ltd", parent_id: null, x_score: 5 });
    // The many-to-many collapsed: primary company as parent, the others as tags.
    expect(state_["crm.person_P1"]).toEqual({
      name: "Ann Lee",
      email: "ann@acme.example",
      parent_id: "crm.company_C2",
      category_id: ["crm.company_tag_C1", "crm.company_tag_C3"],
    });
    // A split: the organisation, and one contact per filled column group, pointing to it.
    expect(state_["crm.org_R1"]).toEqual({ is_company: true, name: "Delta BV" });
    expect(state_["crm.contact_R1-1"]).toEqual({ name: "Dirk", x_role: "CEO", parent_id: "crm.org_R1" });
    expect(state_["crm.contact_R1-2"]).toEqual({ name: "Eva", x_role: "CEO", parent_id: "crm.org_R1" });
    expect(state_["crm.contact_R3-1"]).toEqual({ name: "Fay", x_role: "Buyer", parent_id: null });
    expect(state_["crm.org_R3"]).toBeUndefined();
    // Lines under their order, with products looked up by reference.
    expect(state_["crm.quote_line_Q1-1"]).toEqual({ product_id: "product.product:Widget", product_uom_qty: 2, price_unit: 10, order_id: "crm.quote_Q1" });
    expect(state_["crm.quote_line_Q1-2"]).toEqual({ product_id: "product.product:Gadget", product_uom_qty: 1, price_unit: 5.5, order_id: "crm.quote_Q1" });
    // Chatter, activities and attachments on the right record.
    expect(state_["crm.note_N1"]).toEqual({
      model: "res.partner",
      res_id: "crm.company_C1",
      body: "<p>Called them.<br>They will call back.</p>",
      message_type: "comment",
      subtype_id: "mail.mt_note",
      date: "2024-02-05 14:30:00",
    });
    expect(state_["crm.task_T2"]).toMatchObject({
      res_id: "crm.company_C2",
      activity_type_id: "mail.mail_activity_data_meeting",
      date_deadline: "2024-02-11",
      active: false,
    });
    expect(state_["crm.attachment_A1"]).toEqual({
      name: "hello.txt",
      datas: Buffer.from("Hello from the export.\n").toString("base64"),
      mimetype: "text/plain",
      res_model: "res.partner",
      res_id: "crm.company_C1",
    });
    // Custom fields were created before the data.
    expect(
      double
        .records("ir.model.fields")
        .filter((field) => String(field["name"]).startsWith("x_"))
        .map((field) => `${String(field["model"])}.${String(field["name"])}`),
    ).toEqual(["res.partner.x_score", "res.partner.x_role"]);
  });

  it("says why each rejected row was rejected", async () => {
    const { double, state } = await fresh();
    const result = await runLive(plan, double, state);
    expect(result.rejects.map((reject) => `${reject.entity} ${reject.key ?? ""}: ${reject.reason}`).sort()).toEqual([
      "Attachment A2: datas: attachment 'files/missing.pdf' does not exist in the export folder " + FIXTURE_EXPORT,
      "Company C4: 'name' is required and blank",
      'Employment ["P9","C1"]: it belongs to Person "P9", which does not exist in the export',
      "Note N2: res_id: the value is empty, and this field requires one (company \"C4\" was not loaded (its row, companies.csv line 5, was rejected: 'name' is required and blank))",
      "Person P3: 'email': 'not-an-email' is not an email address: it has no @",
      'QuoteLine ["Q2","2"]: product_id: no product.product record has default_code "NOPE"',
      'QuoteLine ["Q9","1"]: the quote "Q9" it belongs to does not exist in the export',
      'Task T3: activity_type_id: "email" is not in table task_type',
    ]);
  });

  it("names the file, line and key of every rejected row, those the reader rejected and those refused with another row included", async () => {
    const { double, state } = await fresh();
    const result = await runLive(plan, double, state);
    expect(result.rejects.filter((reject) => reject.file === undefined || reject.line === undefined || (reject.key ?? "") === "")).toEqual([]);
    expect(result.rejects.find((reject) => reject.entity === "Employment")).toMatchObject({ file: "employments.csv", key: '["P9","C1"]' });
  });

  it("creates no chatter tracking and sends no e-mail", async () => {
    const { double, state } = await fresh();
    await runLive(plan, double, state);
    // The only message is the migrated note; no "created" log lines, no notifications.
    expect(double.records("mail.message").map((message) => message["body"])).toEqual(["<p>Called them.<br>They will call back.</p>"]);
    expect(double.outbox()).toEqual([]);
  });

  it("writes nothing when run again on the same export", async () => {
    const { double, state } = await fresh();
    await runLive(plan, double, state);
    const before = double.snapshot({ withoutTimestamps: true });
    double.clearCallLog();
    const again = await runLive(plan, double, state);
    expect(again.steps.reduce((total, step) => total + step.created + step.updated, 0)).toBe(0);
    expect(double.callLog.filter((call) => call.method === "load" || call.method === "write" || call.method === "create")).toEqual([]);
    expect(double.snapshot({ withoutTimestamps: true })).toEqual(before);
  });

  it("ends in the same state when 10% of calls are throttled or dropped", async () => {
    const clean = await fresh();
    await runLive(plan, clean.double, clean.state, { batchSize: 3 });
    const faulty = await fresh({ seed: 7, throttle: { fraction: 0.05, retryAfterSeconds: 0 }, dropConnection: { fraction: 0.05 } });
    const result = await runLive(plan, faulty.double, faulty.state, { batchSize: 3 });
    expect(result.status).toBe("complete");
    expect(faulty.double.callLog.filter((call) => call.fault !== undefined).length).toBeGreaterThan(3);
    expect(stateByXmlid(faulty.double, plan)).toEqual(stateByXmlid(clean.double, plan));
  });
});

describe("an interrupted run", () => {
  it.each([2, 7, 13])("resumes after kill -9 following %i writes and ends as an uninterrupted run", async (loads) => {
    const clean = await fresh();
    await runLive(plan, clean.double, clean.state, { batchSize: 2 });
    const expected = stateByXmlid(clean.double, plan);
    const killed = await fresh({ delayMs: 15 });
    await killRunAfter(killed.double, killed.state, loads);
    killed.double.setFaults({});
    const journal = readFileSync(join(killed.state, "journal.jsonl"), "utf8");
    expect(journal).toContain('"type":"run-start"');
    expect(journal).not.toContain('"type":"run-end"');
    const resumed = await runLive(plan, killed.double, killed.state, { batchSize: 2 });
    expect(resumed.status).toBe("complete");
    expect(stateByXmlid(killed.double, plan)).toEqual(expected);
    // Nothing was created twice: one record per external ID, as many as the clean run made.
    const ours = killed.double.records("ir.model.data").filter((row) => row["module"] === "crm");
    expect(new Set(ours.map((row) => `${String(row["model"])}:${String(row["res_id"])}`)).size).toBe(ours.length);
    expect(ours.length).toBe(clean.double.records("ir.model.data").filter((row) => row["module"] === "crm").length);
  });
});
