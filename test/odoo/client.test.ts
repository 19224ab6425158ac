/**
 * The client's methods, run identically over XML-RPC (17.0, 18.0, 19.0) and JSON-2 (19.0)
 * against the Odoo double.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeSession, openSession, PROTOCOL_CASES, type Session } from "./support.js";

describe.each(PROTOCOL_CASES)("OdooClient over $label", (testCase) => {
  let session: Session;
  beforeAll(async () => {
    session = await openSession(testCase);
  });
  afterAll(async () => {
    await closeSession(session);
  });

  it("reports the protocol, the server version and the user, and says why the protocol was used", () => {
    const { client, events } = session;
    expect(client.protocol).toBe(testCase.protocol);
    expect(client.serie).toBe(testCase.version);
    expect(client.serverVersion).toBe(testCase.version === "17.0" ? "17.0-20240709" : testCase.version === "18.0" ? "18.0-20250702" : "19.0");
    expect(client.uid).toBe(session.double.adminUid);
    expect(client.describe()).toContain(testCase.protocol === "json2" ? "over JSON-2" : "over XML-RPC");
    const connected = events.find((event) => event.type === "connected");
    expect(connected).toMatchObject({
      type: "connected",
      protocol: testCase.protocol,
      reason: `forced (${testCase.protocol})`,
      database: session.double.database,
    });
  });

  it("creates one record or a list, returning ids in input order, and reads them back typed", async () => {
    const { client } = session;
    const [companyId] = await client.create("res.partner", [{ name: "Acme Ltd", is_company: true, country_id: 233, credit_limit: 1500.5 }]);
    const contacts = await client.create("res.partner", [
      { name: "Ann Smith", parent_id: companyId, email: "ann@acme.example" },
      { name: "Bob Jones", parent_id: companyId, type: "invoice" },
    ]);
    expect(contacts).toHaveLength(2);
    expect(contacts[1]).toBe((contacts[0] ?? 0) + 1);
    const records = await client.read(
      "res.partner",
      [companyId ?? 0, ...contacts],
      ["name", "display_name", "parent_id", "child_ids", "country_id", "is_company", "credit_limit", "email"],
    );
    expect(records).toEqual([
      {
        id: companyId,
        name: "Acme Ltd",
        display_name: "Acme Ltd",
        parent_id: false,
        child_ids: contacts,
        country_id: [233, "United States"],
        is_company: true,
        credit_limit: 1500.5,
        email: false,
      },
      {
        id: contacts[0],
        name: "Ann Smith",
        display_name: "Acme Ltd, Ann Smith",
        parent_id: [companyId, "Acme Ltd"],
        child_ids: [],
        country_id: [233, "United States"],
        is_company: false,
        // credit_limit is a commercial field: a contact has its company's.
        credit_limit: 1500.5,
        email: "ann@acme.example",
      },
      {
        id: contacts[1],
        name: "Bob Jones",
        display_name: "Acme Ltd, Bob Jones",
        parent_id: [companyId, "Acme Ltd"],
        child_ids: [],
        country_id: false,
        is_company: false,
        // credit_limit is a commercial field: a contact has its company's.
        credit_limit: 1500.5,
        email: false,
      },
    ]);
  });

  it("creates with x2many commands and reads dates, selections and monetary values", async () => {
    const { client } = session;
    const [partnerId] = await client.create("res.partner", [{ name: "Lead Partner", is_company: true }]);
    const [leadId] = await client.create("crm.lead", [
      {
        name: "Big deal",
        type: "opportunity",
        partner_id: partnerId,
        expected_revenue: 12000,
        probability: 25,
        priority: "2",
        date_deadline: "2026-12-31",
        tag_ids: [[0, 0, { name: "Migrated" }]],
      },
    ]);
    const [lead] = await client.read(
      "crm.lead",
      [leadId ?? 0],
      ["name", "type", "partner_id", "stage_id", "expected_revenue", "prorated_revenue", "priority", "date_deadline", "tag_ids", "user_id"],
    );
    const tags = await client.searchRead("crm.tag", [["name", "=", "Migrated"]], ["name"]);
    expect(tags).toHaveLength(1);
    expect(lead).toEqual({
      id: leadId,
      name: "Big deal",
      type: "opportunity",
      partner_id: [partnerId, "Lead Partner"],
      stage_id: [1, "New"],
      expected_revenue: 12000,
      prorated_revenue: 3000,
      priority: "2",
      date_deadline: "2026-12-31",
      tag_ids: [tags[0]?.id],
      user_id: [session.double.adminUid, "Administrator"],
    });
  });

  it("searches with every domain operator the runtime uses", async () => {
    const { client } = session;
    const ids = await client.create("res.partner.category", [
      { name: "Alpha" },
      { name: "alphabet" },
      { name: "Beta" },
      { name: "Gamma_1" },
      { name: "Delta" },
    ]);
    const [alpha, alphabet, beta, gamma, delta] = ids;
    const names = async (domain: unknown[]): Promise<string[]> =>
      (await client.searchRead("res.partner.category", [["id", "in", ids], ...domain], ["name"], { order: "name asc" })).map((record) =>
        String(record["name"]),
      );
    expect(await names([["name", "=", "Alpha"]])).toEqual(["Alpha"]);
    expect(await names([["name", "!=", "Alpha"]])).toEqual(["Beta", "Delta", "Gamma_1", "alphabet"]);
    expect(await names([["name", "in", ["Beta", "Delta"]]])).toEqual(["Beta", "Delta"]);
    expect(await names([["name", "not in", ["Beta", "Delta"]]])).toEqual(["Alpha", "Gamma_1", "alphabet"]);
    expect(await names([["name", "like", "lpha"]])).toEqual(["Alpha", "alphabet"]);
    expect(await names([["name", "like", "ALPHA"]])).toEqual([]);
    expect(await names([["name", "ilike", "ALPHA"]])).toEqual(["Alpha", "alphabet"]);
    expect(await names([["name", "=like", "Gamma_1"]])).toEqual(["Gamma_1"]);
    expect(await names([["name", "=like", "%a"]])).toEqual(["Alpha", "Beta", "Delta"]);
    expect(await names([["id", "<", beta]])).toEqual(["Alpha", "alphabet"]);
    expect(await names([["id", "<=", beta]])).toEqual(["Alpha", "Beta", "alphabet"]);
    expect(await names([["id", ">", gamma]])).toEqual(["Delta"]);
    expect(await names([["id", ">=", gamma]])).toEqual(["Delta", "Gamma_1"]);
    expect(await names(["|", ["id", "=", alpha], ["id", "=", delta]])).toEqual(["Alpha", "Delta"]);
    expect(await names(["&", ["name", "ilike", "a"], ["name", "ilike", "l"]])).toEqual(["Alpha", "Delta", "alphabet"]);
    expect(await names(["!", ["name", "ilike", "alpha"]])).toEqual(["Beta", "Delta", "Gamma_1"]);
    expect(await client.search("res.partner.category", [["id", "in", [alphabet, beta]]], { order: "id desc" })).toEqual([beta, alphabet]);
    expect(
      await client.searchCount("res.partner.category", [
        ["id", "in", ids],
        ["name", "ilike", "alpha"],
      ]),
    ).toBe(2);
  });

  it("hides archived records unless active_test is false", async () => {
    const { client } = session;
    const [archived] = await client.create("res.partner", [{ name: "Archived Partner Zz", active: false }]);
    expect(await client.search("res.partner", [["name", "=", "Archived Partner Zz"]])).toEqual([]);
    expect(await client.search("res.partner", [["name", "=", "Archived Partner Zz"]], { context: { active_test: false } })).toEqual([archived]);
  });

  it("pages through every match with searchReadAll", async () => {
    const { client, double } = session;
    const ids = await client.create(
      "utm.source",
      Array.from({ length: 23 }, (_unused, index) => ({ name: `Paged source ${index}` })),
    );
    double.clearCallLog();
    const records = await client.searchReadAll("utm.source", [["name", "like", "Paged source"]], ["name"], { pageSize: 5 });
    expect(records.map((record) => record.id)).toEqual(ids);
    expect(double.callLog.filter((entry) => entry.method === "search_read")).toHaveLength(5);
    const ordered = await client.searchReadAll("utm.source", [["name", "like", "Paged source"]], ["name"], { pageSize: 10, order: "name desc" });
    expect(ordered).toHaveLength(23);
    expect(ordered[0]?.["name"]).toBe("Paged source 9");
  });

  it("writes, unlinks, and reads a deleted record as nothing", async () => {
    const { client } = session;
    const [id] = await client.create("res.partner.category", [{ name: "To rename" }]);
    await expect(client.write("res.partner.category", [id ?? 0], { name: "Renamed" })).resolves.toBe(true);
    expect(await client.read("res.partner.category", [id ?? 0], ["name"])).toEqual([{ id, name: "Renamed" }]);
    await expect(client.unlink("res.partner.category", [id ?? 0])).resolves.toBe(true);
    expect(await client.read("res.partner.category", [id ?? 0], ["name"])).toEqual([]);
  });

  it("describes fields with fields_get", async () => {
    const fields = await session.client.fieldsGet("res.partner", ["type", "string", "relation", "selection"]);
    expect(fields["parent_id"]).toEqual({ type: "many2one", string: "Related Company", relation: "res.partner" });
    expect(fields["type"]?.type).toBe("selection");
    expect(fields["type"]?.selection?.[0]).toEqual(["contact", "Contact"]);
  });

  it("finds records by name with name_search, with the domain keyword of the server's version", async () => {
    const { client } = session;
    const [id] = await client.create("res.partner", [{ name: "Namesearch Unique Co", is_company: true }]);
    await client.create("res.partner", [{ name: "Namesearch Unique Person" }]);
    expect(await client.nameSearch("res.partner", "Namesearch Unique", { domain: [["is_company", "=", true]], limit: 5 })).toEqual([
      [id, "Namesearch Unique Co"],
    ]);
  });

  it("loads rows with external ids, updates them in place on a re-run, and reports bad rows", async () => {
    const { client } = session;
    const fields = ["id", "name", "is_company", "parent_id/id", "country_id"];
    const first = await client.load("res.partner", fields, [
      ["flitmap_test.co_1", "Loaded Co", "1", "", "Belgium"],
      ["flitmap_test.ct_1", "Loaded Contact", "0", "flitmap_test.co_1", ""],
    ]);
    expect(first.messages).toEqual([]);
    expect(first.ids).not.toBe(false);
    const ids = first.ids === false ? [] : [...first.ids];
    const again = await client.load("res.partner", fields, [
      ["flitmap_test.co_1", "Loaded Co (v2)", "1", "", "Belgium"],
      ["flitmap_test.ct_1", "Loaded Contact", "0", "flitmap_test.co_1", ""],
    ]);
    expect(again.ids).toEqual(ids);
    const [company] = await client.read("res.partner", ids.slice(0, 1), ["name", "country_id"]);
    expect(company).toEqual({ id: ids[0], name: "Loaded Co (v2)", country_id: [20, "Belgium"] });
    const bad = await client.load("res.partner", fields, [
      ["flitmap_test.bad_1", "Bad ref", "0", "flitmap_test.nope", ""],
      ["flitmap_test.bad_2", "Bad bool", "maybe", "", ""],
      ["flitmap_test.ok_3", "Fine", "0", "", ""],
    ]);
    expect(bad.ids).toBe(false);
    expect(bad.messages.map((message) => [message.record, message.field, message.message])).toEqual([
      [0, "parent_id", "No matching record found for external id 'flitmap_test.nope' in field 'Related Company'"],
      [1, "is_company", "Unknown value 'maybe' for boolean field 'Is a Company'"],
    ]);
    expect(await client.searchCount("res.partner", [["name", "=", "Fine"]])).toBe(0);
  });

  it("resolves external ids, including the ones Odoo installs", async () => {
    const { client } = session;
    const found = await client.externalIds(["flitmap_test.co_1", "crm.stage_lead4", "base.main_company", "flitmap_test.never_loaded"]);
    expect(found.get("crm.stage_lead4")).toEqual({ model: "crm.stage", resId: 4 });
    expect(found.get("base.main_company")).toEqual({ model: "res.company", resId: 1 });
    expect(found.get("flitmap_test.co_1")?.model).toBe("res.partner");
    expect(found.has("flitmap_test.never_loaded")).toBe(false);
  });

  it("lists the installed modules", async () => {
    const modules = await session.client.installedModules();
    expect(modules).toContain("crm");
    expect(modules).toContain("sale_management");
    expect(modules).not.toContain("helpdesk");
    expect(modules).toEqual([...modules].sort());
  });

  it("calls any method with positional arguments, on either protocol", async () => {
    const { client } = session;
    const count = await client.call("crm.stage", "search_count", [[["is_won", "=", true]]]);
    expect(count).toBe(1);
    const stages = await client.call("crm.stage", "read", [[4], ["name"]]);
    expect(stages).toEqual([{ id: 4, name: "Won" }]);
  });

  it("sends the context with each call, and without tracking_disable Odoo writes chatter", async () => {
    const { client, double } = session;
    double.clearCallLog();
    const [quiet] = await client.create("res.partner", [{ name: "Quiet import" }], { tracking_disable: true });
    const [noisy] = await client.create("res.partner", [{ name: "Noisy import" }]);
    expect(double.chatter("res.partner", quiet ?? 0)).toEqual([]);
    expect(double.chatter("res.partner", noisy ?? 0).map((message) => message["body"])).toEqual(["<p>Contact created</p>"]);
    expect(double.callLog.filter((entry) => entry.method === "create").map((entry) => entry.contextKeys)).toEqual([["tracking_disable"], []]);
  });
});
