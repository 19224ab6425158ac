/**
 * What the double derives on its own, as Odoo does (partner-sync.ts, stored-computes.ts,
 * chatter.ts), checked call by call over XML-RPC; the recorded whole runs (run-replay.test.ts)
 * check the same against real servers.
 */

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectOdoo, Secret, type OdooClient } from "../../runtime/odoo/client.js";
import type { OdooVersion } from "./catalog.js";
import { startOdooDouble, type OdooDouble } from "./server.js";

const QUIET = { tracking_disable: true, mail_create_nolog: true, mail_create_nosubscribe: true, mail_notrack: true };

interface Session {
  readonly double: OdooDouble;
  readonly client: OdooClient;
  /** Moves the double's clock on by a minute. */
  tick(): void;
}

async function open(version: OdooVersion): Promise<Session> {
  let now = Date.parse("2026-12-06T08:00:00Z");
  const double = await startOdooDouble({ version, clock: () => new Date(now) });
  const client = await connectOdoo({
    url: double.url,
    database: double.database,
    login: "admin",
    credential: { kind: "password", secret: new Secret("admin") },
    protocol: "xmlrpc",
  });
  return { double, client, tick: () => (now += 60_000) };
}

const ADDRESS = ["street", "street2", "zip", "city", "country_id"];

describe.each(["17.0", "18.0", "19.0"] as const)("on %s", (version) => {
  let session: Session;
  beforeAll(async () => {
    session = await open(version);
  });
  afterAll(async () => {
    await session.client.close();
    await session.double.stop();
  });

  it("gives a contact its company's address over the one written with it, and its commercial fields", async () => {
    const { client } = session;
    const [company] = await client.create(
      "res.partner",
      [{ name: "Harbour Ltd", is_company: true, street: "1 Quay", city: "Leith", zip: "EH6", country_id: 231, vat: "GB123", industry_id: 3 }],
      QUIET,
    );
    const [contact, other, loner] = await client.create(
      "res.partner",
      [
        { name: "Ann", parent_id: company, street: "9 Own Road", city: "Perth", country_id: 101 },
        { name: "Billing", parent_id: company, type: "invoice", street: "5 Till Lane", city: "Leith" },
        { name: "Cal", street: "7 Alone Street", city: "Ayr" },
      ],
      QUIET,
    );
    const read = await client.read("res.partner", [contact ?? 0, other ?? 0, loner ?? 0], [...ADDRESS, "vat", "industry_id"]);
    expect(read.map((partner) => [partner["street"], partner["city"], partner["vat"]])).toEqual([
      ["1 Quay", "Leith", "GB123"],
      ["5 Till Lane", "Leith", "GB123"],
      ["7 Alone Street", "Ayr", false],
    ]);
    // The company's address written later goes to its contact-type children, not to the invoice address.
    await client.write("res.partner", [company ?? 0], { street: "2 Quay" }, QUIET);
    expect((await client.read("res.partner", [contact ?? 0, other ?? 0], ["street"])).map((partner) => partner["street"])).toEqual(["2 Quay", "5 Till Lane"]);
    // An address written on the contact alone (no parent_id in the same write) stays.
    await client.write("res.partner", [contact ?? 0], { street: "3 Kept Road" }, QUIET);
    expect((await client.read("res.partner", [contact ?? 0], ["street"]))[0]?.["street"]).toBe("3 Kept Road");
  });

  it("lets the first contact of a company without an address give it its own", async () => {
    const { client } = session;
    const [company] = await client.create("res.partner", [{ name: "Empty Co", is_company: true }], QUIET);
    const [contact] = await client.create("res.partner", [{ name: "Dee", parent_id: company, street: "4 First Road", city: "Oban" }], QUIET);
    expect((await client.read("res.partner", [company ?? 0, contact ?? 0], ["street", "city"])).map((partner) => partner["street"])).toEqual([
      "4 First Road",
      "4 First Road",
    ]);
  });

  it(`${version === "17.0" ? "does not stamp" : "stamps"} the children of a company whose parent is written`, async () => {
    const { client, tick } = session;
    const [holding, company] = await client.create(
      "res.partner",
      [
        { name: "Holding", is_company: true },
        { name: "Branch", is_company: true, type: "other" },
      ],
      QUIET,
    );
    const [contact] = await client.create("res.partner", [{ name: "Eve", parent_id: company }], QUIET);
    const before = (await client.read("res.partner", [contact ?? 0], ["write_date"]))[0]?.["write_date"];
    tick();
    await client.write("res.partner", [company ?? 0], { parent_id: holding }, QUIET);
    const after = (await client.read("res.partner", [contact ?? 0], ["write_date"]))[0]?.["write_date"];
    // 18.0 and 19.0 write the company's written commercial fields (here none) on every child.
    expect(after !== before).toBe(version !== "17.0");
  });

  it("tracks an order's totals recomputed after its lines are loaded, whatever the context, unless the order was made in the same call", async () => {
    const { client, double } = session;
    const [customer] = await client.create("res.partner", [{ name: "Buyer" }], QUIET);
    const [product] = await client.create("product.product", [{ name: "Widget", list_price: 10 }], QUIET);
    const [earlier] = await client.create("sale.order", [{ partner_id: customer }], QUIET);
    await client.load("sale.order.line", ["order_id/.id", "product_id/.id", "product_uom_qty", "price_unit"], [[String(earlier), String(product), "2", "10"]], QUIET);
    const tracking = double.chatter("sale.order", earlier ?? 0);
    expect(tracking).toHaveLength(1);
    expect(tracking[0]).toMatchObject({ message_type: "notification", body: "" });
    const values = double.records("mail.tracking.value").filter((value) => value["mail_message_id"] === tracking[0]?.["id"]);
    expect(values.map((value) => [value["old_value"], value["new_value"]])).toEqual([
      [0, 20],
      [0, 20],
    ]);
    const [together] = await client.create(
      "sale.order",
      [{ partner_id: customer, order_line: [[0, 0, { product_id: product, product_uom_qty: 1, price_unit: 10 }]] }],
      QUIET,
    );
    expect(double.chatter("sale.order", together ?? 0)).toEqual([]);
  });

  it("fills a draft invoice's due date with today when none is written", async () => {
    const { client } = session;
    const [customer] = await client.create("res.partner", [{ name: "Payer" }], QUIET);
    const [none, given] = await client.create(
      "account.move",
      [
        { move_type: "out_invoice", partner_id: customer, invoice_date: "2025-03-01" },
        { move_type: "out_invoice", partner_id: customer, invoice_date: "2025-03-01", invoice_date_due: "2025-04-01" },
      ],
      QUIET,
    );
    expect((await client.read("account.move", [none ?? 0, given ?? 0], ["invoice_date_due"])).map((move) => move["invoice_date_due"])).toEqual([
      "2026-12-06",
      "2025-04-01",
    ]);
  });

  it(`${version === "17.0" ? "numbers the first draft invoice of a year" : "leaves draft invoices unnumbered"}`, async () => {
    const { client } = session;
    const [customer] = await client.create("res.partner", [{ name: "Counted" }], QUIET);
    const moves = await client.create(
      "account.move",
      [
        { move_type: "out_invoice", partner_id: customer, invoice_date: "2019-05-02" },
        { move_type: "out_invoice", partner_id: customer, invoice_date: "2019-02-01" },
      ],
      QUIET,
    );
    const names = (await client.read("account.move", moves, ["display_name"])).map((move) => move["display_name"]);
    expect(names).toEqual(version === "17.0" ? [`Draft Invoice (* ${moves[0] ?? 0})`, "Draft Invoice INV/2019/00001"] : ["Draft Invoice", "Draft Invoice"]);
  });
});
