/**
 * The double's own behaviour beyond the recordings: relational semantics, side effects, custom
 * fields, transactions, load() details, snapshots, users, JSON-2 specifics and fault injection.
 */

import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectOdoo, OdooError, Secret, type OdooClient } from "../../runtime/odoo/client.js";
import { startOdooDouble, type OdooDouble } from "./server.js";

const FIXED_CLOCK = (): Date => new Date("2026-03-01T09:30:00Z");

async function adminClient(double: OdooDouble): Promise<OdooClient> {
  return connectOdoo({
    url: double.url,
    database: double.database,
    login: "admin",
    credential: { kind: "password", secret: new Secret("admin") },
    protocol: "xmlrpc",
  });
}

async function failure(promise: Promise<unknown>): Promise<OdooError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof OdooError) return error;
    throw error;
  }
  throw new Error("expected a failure");
}

describe("the Odoo double (17.0, XML-RPC)", () => {
  let double: OdooDouble;
  let client: OdooClient;
  beforeAll(async () => {
    double = await startOdooDouble({ version: "17.0", clock: FIXED_CLOCK });
    client = await adminClient(double);
  });
  afterAll(async () => {
    await client.close();
    await double.stop();
  });

  it("starts with the recorded reference data and their external ids", async () => {
    expect(await client.searchRead("crm.stage", [], ["name", "sequence", "is_won"], { order: "sequence" })).toEqual([
      { id: 1, name: "New", sequence: 1, is_won: false },
      { id: 2, name: "Qualified", sequence: 2, is_won: false },
      { id: 3, name: "Proposition", sequence: 3, is_won: false },
      { id: 4, name: "Won", sequence: 70, is_won: true },
    ]);
    expect((await client.externalIds(["base.be", "base.user_admin", "mail.mail_activity_data_call"])).get("base.be")).toEqual({
      model: "res.country",
      resId: 20,
    });
    expect(await client.searchCount("res.partner", [])).toBe(2);
    expect(await client.searchCount("res.partner", [], { active_test: false })).toBe(6);
  });

  it("rolls a failed call back entirely", async () => {
    const before = double.snapshot({ models: ["res.partner", "mail.message", "mail.followers"] });
    const error = await failure(client.create("res.partner", [{ name: "First" }, { name: "Second" }, { name: "Third", country_id: 999999 }]));
    expect(error.kind).toBe("constraint");
    expect(double.snapshot({ models: ["res.partner", "mail.message", "mail.followers"] })).toEqual(before);
  });

  it("computes sale order amounts from their lines, without taxes", async () => {
    const [customer] = await client.create("res.partner", [{ name: "Order Customer", is_company: true }], { tracking_disable: true });
    const [product] = await client.create("product.product", [{ name: "Consulting hour", list_price: 80, default_code: "CONS" }]);
    const [order] = await client.create("sale.order", [
      {
        partner_id: customer,
        order_line: [
          [0, 0, { product_id: product, product_uom_qty: 3 }],
          [0, 0, { product_id: product, product_uom_qty: 2, price_unit: 100, discount: 10 }],
        ],
      },
    ]);
    const [read] = await client.read("sale.order", [order ?? 0], ["name", "partner_invoice_id", "amount_untaxed", "amount_total", "state", "order_line"]);
    expect(read).toMatchObject({ name: "S00001", partner_invoice_id: [customer, "Order Customer"], amount_untaxed: 420, amount_total: 420, state: "draft" });
    const lines = await client.read("sale.order.line", (read?.["order_line"] as number[]) ?? [], ["name", "price_unit", "price_subtotal"]);
    expect(lines.map((line) => [line["name"], line["price_unit"], line["price_subtotal"]])).toEqual([
      ["[CONS] Consulting hour", 80, 240],
      ["[CONS] Consulting hour", 100, 180],
    ]);
    const restricted = await failure(client.unlink("res.partner", [customer ?? 0]));
    expect(restricted.kind).toBe("constraint");
    await client.unlink("sale.order", [order ?? 0]);
    expect(await client.searchCount("sale.order.line", [["order_id", "=", order]])).toBe(0);
  });

  it("computes invoice totals from invoice lines", async () => {
    const [customer] = await client.create("res.partner", [{ name: "Invoice Customer" }], { tracking_disable: true });
    const [move] = await client.create("account.move", [
      {
        move_type: "out_invoice",
        partner_id: customer,
        invoice_date: "2026-02-28",
        invoice_line_ids: [[0, 0, { name: "Fee", quantity: 2, price_unit: 125.5 }]],
      },
    ]);
    const [read] = await client.read("account.move", [move ?? 0], ["move_type", "state", "journal_id", "amount_total", "invoice_line_ids", "date"]);
    expect(read).toMatchObject({ move_type: "out_invoice", state: "draft", journal_id: [1, "Customer Invoices"], amount_total: 251, date: "2026-02-28" });
    expect(read?.["invoice_line_ids"]).toHaveLength(1);
  });

  it("sums order and invoice lines as their subtotals, each rounded to the cent", async () => {
    const [customer] = await client.create("res.partner", [{ name: "Rounding Customer" }], { tracking_disable: true });
    // 12.34 less 7.5% is 11.4145: two such lines are 11.41 + 11.41 = 22.82, where the unrounded sum rounds to 22.83.
    const lines = [
      [0, 0, { name: "A", product_uom_qty: 1, quantity: 1, price_unit: 12.34, discount: 7.5 }],
      [0, 0, { name: "B", product_uom_qty: 1, quantity: 1, price_unit: 12.34, discount: 7.5 }],
    ] as const;
    const [order] = await client.create("sale.order", [{ partner_id: customer, order_line: lines.map(([a, b, { quantity: _q, ...vals }]) => [a, b, vals]) }]);
    const [move] = await client.create("account.move", [
      { move_type: "out_invoice", partner_id: customer, invoice_line_ids: lines.map(([a, b, { product_uom_qty: _q, ...vals }]) => [a, b, vals]) },
    ]);
    const [orderRead] = await client.read("sale.order", [order ?? 0], ["amount_untaxed"]);
    const [moveRead] = await client.read("account.move", [move ?? 0], ["amount_untaxed"]);
    expect([orderRead?.["amount_untaxed"], moveRead?.["amount_untaxed"]]).toEqual([22.82, 22.82]);
  });

  it("creates custom x_ fields that exist at once, and refuses other names", async () => {
    const [modelId] = await client.search("ir.model", [["model", "=", "res.partner"]]);
    const error = await failure(
      client.create("ir.model.fields", [{ name: "score", field_description: "Score", model_id: modelId, ttype: "integer", state: "manual" }]),
    );
    expect([error.kind, error.odooMessage]).toEqual(["constraint", "The operation cannot be completed: Custom fields must have a name that starts with 'x_'!"]);
    await client.create("ir.model.fields", [
      {
        name: "x_tier",
        field_description: "Tier",
        model_id: modelId,
        ttype: "selection",
        state: "manual",
        selection_ids: [
          [0, 0, { value: "gold", name: "Gold", sequence: 1 }],
          [0, 0, { value: "silver", name: "Silver", sequence: 2 }],
        ],
      },
    ]);
    expect((await client.fieldsGet("res.partner", ["type", "string", "selection", "manual"]))["x_tier"]).toEqual({
      type: "selection",
      string: "Tier",
      selection: [
        ["gold", "Gold"],
        ["silver", "Silver"],
      ],
      manual: true,
    });
    const loaded = await client.load("res.partner", ["id", "name", "x_tier"], [["custom.p1", "Tiered", "Silver"]]);
    expect(loaded.messages).toEqual([]);
    expect(await client.searchRead("res.partner", [["x_tier", "=", "silver"]], ["name"])).toEqual([
      { id: loaded.ids === false ? 0 : loaded.ids[0], name: "Tiered" },
    ]);
    const wrong = await failure(client.create("res.partner", [{ name: "Wrong tier", x_tier: "bronze" }]));
    expect(wrong.odooMessage).toBe("Wrong value for res.partner.x_tier: 'bronze'");
  });

  it("reads a custom selection's options from its `selection` text as Python's literal_eval does, either quote", async () => {
    const [modelId] = await client.search("ir.model", [["model", "=", "res.partner"]]);
    await client.create("ir.model.fields", [
      { name: "x_method", field_description: "Method", model_id: modelId, ttype: "selection", state: "manual", selection: `[("email", "E-mail"), ('post', 'Post \\'n\\' mail'), ("caf\\u00e9", "Caf\\u00e9")]` },
    ]);
    expect((await client.fieldsGet("res.partner", ["selection"]))["x_method"]?.["selection"]).toEqual([
      ["email", "E-mail"],
      ["post", "Post 'n' mail"],
      ["café", "Café"],
    ]);
  });

  it("forgets a custom field whose creation was rolled back", async () => {
    const [modelId] = await client.search("ir.model", [["model", "=", "crm.lead"]]);
    await failure(
      client.create("ir.model.fields", [
        {
          name: "x_rolled_back",
          field_description: "Rolled back",
          model_id: modelId,
          ttype: "char",
          state: "manual",
          relation: false,
          required: true,
          nonexistent: 1,
        },
      ]),
    );
    const fields = await client.fieldsGet("crm.lead", ["type"]);
    expect(fields["x_rolled_back"]).toBeUndefined();
  });

  it("attaches messages, files and activities to records, and removes them with the record", async () => {
    const [partner] = await client.create("res.partner", [{ name: "Has chatter" }], { tracking_disable: true });
    const [partnerModel] = await client.search("ir.model", [["model", "=", "res.partner"]]);
    const [salesUser] = await client.create("res.users", [{ name: "Activity Owner", login: "owner@example.com", email: "owner@example.com" }]);
    await client.create("mail.message", [{ model: "res.partner", res_id: partner, body: "<p>Called them</p>", message_type: "comment" }]);
    const [attachment] = await client.create("ir.attachment", [
      { name: "contract.txt", res_model: "res.partner", res_id: partner, datas: Buffer.from("hello").toString("base64"), mimetype: "text/plain" },
    ]);
    const outbox = double.outbox().length;
    await client.create(
      "mail.activity",
      [{ res_model_id: partnerModel, res_id: partner, activity_type_id: 2, user_id: salesUser, summary: "Quiet", date_deadline: "2026-03-10" }],
      { mail_activity_quick_update: true },
    );
    expect(double.outbox()).toHaveLength(outbox);
    await client.create("mail.activity", [
      { res_model_id: partnerModel, res_id: partner, activity_type_id: 2, user_id: salesUser, summary: "Loud", date_deadline: "2026-03-11" },
    ]);
    expect(
      double
        .outbox()
        .slice(outbox)
        .map((mail) => [mail["email_to"], mail["reason"], mail["model"]]),
    ).toEqual([["owner@example.com", "activity", "res.partner"]]);
    const [read] = await client.read("res.partner", [partner ?? 0], ["message_ids", "activity_ids", "message_attachment_count"]);
    expect(read?.["message_ids"]).toHaveLength(1);
    expect(read?.["activity_ids"]).toHaveLength(2);
    expect(read?.["message_attachment_count"]).toBe(1);
    expect((await client.read("ir.attachment", [attachment ?? 0], ["file_size"]))[0]?.["file_size"]).toBe(5);
    await client.unlink("res.partner", [partner ?? 0]);
    expect(
      await client.searchCount("mail.message", [
        ["model", "=", "res.partner"],
        ["res_id", "=", partner],
      ]),
    ).toBe(0);
    expect(
      await client.searchCount("mail.activity", [
        ["res_model", "=", "res.partner"],
        ["res_id", "=", partner],
      ]),
    ).toBe(0);
    expect(
      await client.searchCount("ir.attachment", [
        ["res_model", "=", "res.partner"],
        ["res_id", "=", partner],
      ]),
    ).toBe(0);
  });

  it("deletes a product's template with its last variant, as product.product.unlink does", async () => {
    const templates = async (name: string): Promise<number> => client.searchCount("product.template", [["name", "=", name]], { active_test: false });
    const [solo] = await client.create("product.product", [{ name: "Solo", default_code: "SOLO" }]);
    expect(await templates("Solo")).toBe(1);
    await client.unlink("product.product", [solo ?? 0]);
    expect(await templates("Solo")).toBe(0);

    const [first] = await client.create("product.product", [{ name: "Pair", default_code: "PAIR-1" }]);
    const [template] = (await client.read("product.product", [first ?? 0], ["product_tmpl_id"])).map((row) => (row["product_tmpl_id"] as [number, string])[0]);
    const [second] = await client.create("product.product", [{ product_tmpl_id: template, default_code: "PAIR-2" }]);
    await client.unlink("product.product", [first ?? 0]);
    expect(await templates("Pair")).toBe(1);
    await client.unlink("product.product", [second ?? 0]);
    expect(await templates("Pair")).toBe(0);
  });

  it("names an opportunity created without a name after its customer, as crm.lead's _compute_name does, and refuses one with neither", async () => {
    const [customer] = await client.create("res.partner", [{ name: "Virtanen Oy", is_company: true }]);
    const [lead] = await client.create("crm.lead", [{ partner_id: customer, type: "opportunity" }]);
    const [read] = await client.read("crm.lead", [lead ?? 0], ["name"]);
    expect(read?.["name"]).toBe("Virtanen Oy's opportunity");
    await expect(client.create("crm.lead", [{ type: "opportunity", expected_revenue: 10 }])).rejects.toThrow();
  });

  it("writes tracking messages and assignment notifications unless the context says not to", async () => {
    const [user] = await client.create("res.users", [{ name: "Assignee", login: "assignee@example.com", email: "assignee@example.com" }]);
    const [lead] = await client.create("crm.lead", [{ name: "Tracked lead" }], { tracking_disable: true });
    await client.write("crm.lead", [lead ?? 0], { stage_id: 2 }, { mail_notrack: true });
    expect(double.chatter("crm.lead", lead ?? 0)).toEqual([]);
    const outbox = double.outbox().length;
    await client.write("crm.lead", [lead ?? 0], { stage_id: 3, user_id: user });
    expect(double.chatter("crm.lead", lead ?? 0)).toHaveLength(1);
    expect(
      double
        .outbox()
        .slice(outbox)
        .map((mail) => mail["subject"]),
    ).toEqual(["You have been assigned to Tracked lead"]);
  });

  it("loads dates, datetimes in the user's time zone, database ids and many2many external ids", async () => {
    const tags = await client.load(
      "res.partner.category",
      ["id", "name"],
      [
        ["loadtags.a", "Load A"],
        ["loadtags.b", "Load B"],
      ],
    );
    const [tagA, tagB] = tags.ids === false ? [] : tags.ids;
    const result = await client.load(
      "crm.lead",
      ["id", "name", "date_deadline", "date_closed", "partner_id/.id", "tag_ids/id"],
      [["loadleads.l1", "Zoned", "2026-07-01", "2026-07-01 10:00:00", "3", ""]],
      { tz: "Europe/Amsterdam" },
    );
    expect(result.messages).toEqual([]);
    const [lead] = await client.read("crm.lead", result.ids === false ? [] : [...result.ids], ["date_deadline", "date_closed", "partner_id"]);
    expect(lead).toMatchObject({ date_deadline: "2026-07-01", date_closed: "2026-07-01 08:00:00", partner_id: [3, "Administrator"] });
    const partner = await client.load("res.partner", ["id", "name", "category_id/id"], [["loadtags.partner", "Tagged", "loadtags.a,loadtags.b"]]);
    expect((await client.read("res.partner", partner.ids === false ? [] : [...partner.ids], ["category_id"]))[0]?.["category_id"]).toEqual([tagA, tagB]);
    const bad = await client.load("crm.lead", ["id", "name", "date_deadline"], [["loadleads.bad", "Bad date", "31/12/2026"]]);
    expect(bad.messages).toEqual([
      {
        type: "error",
        message: "'31/12/2026' does not seem to be a valid date for field 'Expected Closing'",
        record: 0,
        rows: { from: 0, to: 0 },
        field: "date_deadline",
        fieldLabel: "Expected Closing",
        moreinfo: "Use the format '2012-12-31'",
      },
    ]);
  });

  it("stops reporting after more than 10 row errors, as Odoo does", async () => {
    const rows = Array.from({ length: 30 }, (_unused, index) => [`many.${index}`, ""]);
    const result = await client.load("res.partner", ["id", "name"], rows);
    expect(result.ids).toBe(false);
    const errors = result.messages.filter((message) => message.type === "error");
    expect(errors).toHaveLength(10);
    expect(result.messages.at(-1)).toEqual({
      type: "warning",
      message: "Found more than 10 errors and more than one error per 10 records, interrupted to avoid showing too many errors.",
    });
  });

  it("evaluates dotted paths, child_of, names of related records and NULL semantics", async () => {
    const [company] = await client.create("res.partner", [{ name: "Domain Holding", is_company: true, country_id: 20 }], { tracking_disable: true });
    const [subsidiary] = await client.create("res.partner", [{ name: "Domain Subsidiary", is_company: true, parent_id: company }], { tracking_disable: true });
    const [person] = await client.create("res.partner", [{ name: "Domain Person", parent_id: subsidiary, email: "p@domain.example" }], {
      tracking_disable: true,
    });
    const scope: unknown[] = [["name", "like", "Domain "]];
    expect(await client.search("res.partner", [...scope, ["parent_id.name", "=", "Domain Holding"]], { order: "id" })).toEqual([subsidiary]);
    expect(await client.search("res.partner", [...scope, ["id", "child_of", company]], { order: "id" })).toEqual([company, subsidiary, person]);
    // Contacts (and subsidiaries of type contact) take their parent's address.
    expect(await client.search("res.partner", [...scope, ["country_id", "=", "Belgium"]], { order: "id" })).toEqual([company, subsidiary, person]);
    expect(await client.search("res.partner", [...scope, ["country_id.code", "=", "BE"], ["is_company", "=", false]], { order: "id" })).toEqual([person]);
    expect(await client.search("res.partner", [...scope, ["email", "=", false]], { order: "id" })).toEqual([company, subsidiary]);
    expect(await client.search("res.partner", [...scope, ["email", "!=", "p@domain.example"]], { order: "id" })).toEqual([company, subsidiary]);
    expect(await client.search("res.partner", [...scope, ["parent_id", "!=", false]], { order: "id" })).toEqual([subsidiary, person]);
    expect(await client.search("res.partner", [...scope, ["child_ids", "any", [["email", "ilike", "domain.example"]]]], { order: "id" })).toEqual([subsidiary]);
  });

  it("accepts references to models that were not recorded, with placeholder records", async () => {
    const [user] = await client.create("res.users", [{ name: "Grouped", login: "grouped@example.com", groups_id: [[6, 0, [8, 23]]] }]);
    expect((await client.read("res.users", [user ?? 0], ["groups_id"]))[0]?.["groups_id"]).toEqual([8, 23]);
    expect(double.records("res.groups").map((row) => [row.id, row["name"]])).toEqual([
      [8, "res.groups,8"],
      [23, "res.groups,23"],
    ]);
  });

  it("takes snapshots that are deterministic and plain", async () => {
    const first = double.snapshot({ models: ["crm.stage", "res.partner.category"] });
    const second = double.snapshot({ models: ["crm.stage", "res.partner.category"] });
    expect(JSON.parse(JSON.stringify(first))).toEqual(second);
    expect(Object.keys(first.models)).toEqual(["crm.stage", "res.partner.category"]);
    expect(first.models["crm.stage"]?.[0]).toEqual({
      create_date: "2026-03-01 09:30:00",
      fold: false,
      id: 1,
      is_won: false,
      name: "New",
      sequence: 1,
      team_id: false,
      write_date: "2026-03-01 09:30:00",
    });
    expect(double.snapshot({ models: ["crm.stage"], withoutTimestamps: true }).models["crm.stage"]?.[0]).toEqual({
      fold: false,
      id: 1,
      is_won: false,
      name: "New",
      sequence: 1,
      team_id: false,
    });
  });
});

describe("users, API keys and JSON-2 specifics (19.0)", () => {
  let double: OdooDouble;
  beforeAll(async () => {
    double = await startOdooDouble({
      version: "19.0",
      users: [
        { login: "gone", password: "pw", apiKey: "gone-key", active: false },
        { login: "worker", apiKey: "worker-key" },
      ],
    });
  });
  afterAll(async () => {
    await double.stop();
  });

  const post = (path: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: string }> =>
    new Promise((resolve, reject) => {
      const outgoing = request(`${double.url}${path}`, { method: "POST", headers: { "Content-Type": "application/json", ...headers } }, (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
      });
      outgoing.on("error", reject);
      outgoing.end(body);
    });

  it("identifies the API key's user, refuses archived users' keys and other databases", async () => {
    const worker = await post("/json/2/res.users/context_get", { Authorization: "bearer worker-key" }, "{}");
    const workerUid = double.records("res.users").find((row) => row["login"] === "worker")?.id;
    expect(JSON.parse(worker.body)).toEqual({ lang: "en_US", tz: false, uid: workerUid });
    const gone = await post("/json/2/res.users/context_get", { Authorization: "bearer gone-key" }, "{}");
    expect([gone.status, (JSON.parse(gone.body) as { message: string }).message]).toEqual([401, "Invalid apikey"]);
    const otherDb = await post("/json/2/res.users/context_get", { Authorization: "bearer worker-key", "X-Odoo-Database": "other" }, "{}");
    expect(otherDb.status).toBe(404);
  });

  it("keeps Python's float formatting in JSON answers", async () => {
    const answer = await post(
      "/json/2/crm.stage/search_read",
      { Authorization: "bearer worker-key" },
      JSON.stringify({ domain: [["id", "=", 1]], fields: ["name"] }),
    );
    expect(answer.body).toBe('[{"id": 1, "name": "New"}]');
    const lead = await post("/json/2/res.currency/read", { Authorization: "bearer worker-key" }, JSON.stringify({ ids: [1], fields: ["rounding"] }));
    expect(lead.body).toBe('[{"id": 1, "rounding": 0.01}]');
  });
});

describe("fault injection", () => {
  let double: OdooDouble;
  beforeAll(async () => {
    double = await startOdooDouble({ version: "18.0" });
  });
  afterAll(async () => {
    await double.stop();
  });

  it("fires rules every Nth matching call, for chosen methods only, a bounded number of times", async () => {
    const client = await adminClient(double);
    try {
      double.setFaults({ serverError: { every: 2, times: 2, methods: ["search_count"], status: 500 } });
      const outcomes: string[] = [];
      for (let index = 0; index < 6; index += 1) {
        outcomes.push(
          await client.searchCount("crm.stage", []).then(
            () => "ok",
            (error: unknown) => (error instanceof OdooError ? error.kind : "other"),
          ),
        );
      }
      await client.searchRead("crm.stage", [], ["name"]);
      expect(outcomes).toEqual(["ok", "server-error", "ok", "server-error", "ok", "ok"]);
      expect(double.callLog.filter((entry) => entry.fault !== undefined).map((entry) => [entry.method, entry.fault])).toEqual([
        ["search_count", "server-error"],
        ["search_count", "server-error"],
      ]);
    } finally {
      double.setFaults({});
      await client.close();
    }
  });

  it("commits before losing the answer", async () => {
    const client = await adminClient(double);
    try {
      double.setFaults({ commitThenFail: { every: 1, methods: ["create"], mode: "504" } });
      const error = await failure(client.create("res.partner.category", [{ name: "Committed anyway" }]));
      expect(error.kind).toBe("outcome-unknown");
      expect(double.records("res.partner.category").map((row) => row["name"])).toContain("Committed anyway");
    } finally {
      double.setFaults({});
      await client.close();
    }
  });

  it("draws fractions from a seeded generator, so a run repeats", async () => {
    const pattern = async (): Promise<string> => {
      const client = await adminClient(double);
      double.setFaults({ seed: 42, serverError: { fraction: 0.5, status: 500 } });
      const marks: string[] = [];
      for (let index = 0; index < 12; index += 1)
        marks.push(
          await client.searchCount("crm.stage", []).then(
            () => ".",
            () => "x",
          ),
        );
      double.setFaults({});
      await client.close();
      return marks.join("");
    };
    const first = await pattern();
    expect(first).toMatch(/x/);
    expect(first).toMatch(/\./);
    expect(await pattern()).toBe(first);
  });
});
