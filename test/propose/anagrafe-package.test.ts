/**
 * What the hand-written Anagrafe package (the fourth hold-out family) promises beyond accounting
 * for every row: Odoo's totals of a quote are the ERP's, cascading discounts included; an
 * appointment ends after it starts; an IBAN is a bank account of its customer; the agenda finds
 * its customers by name and its quotes by number.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import { loadSample, OdooIndex, type LoadedSample } from "../mappings/support.js";
import { familyPackage, generateFamilyExport } from "./families/support.js";

describe("the hand-written Anagrafe package on its export", () => {
  let exported: ReturnType<typeof generateFamilyExport>;
  let sample: LoadedSample;
  let index: OdooIndex;

  beforeAll(async () => {
    exported = generateFamilyExport("anagrafe");
    sample = await loadSample(emitPlan(analyzeDirectory(familyPackage("anagrafe"))), exported.path);
    index = new OdooIndex(sample.double);
  }, 120_000);

  afterAll(async () => {
    await sample.close();
    exported.remove();
  });

  it("makes draft sale orders whose totals Odoo computes as the ERP did, within a cent a line", () => {
    const orders = index.all("sale.order");
    expect(orders.length).toBeGreaterThan(50);
    const lines = index.all("sale.order.line");
    for (const order of orders) {
      const own = lines.filter((line) => line["order_id"] === order["id"]);
      expect(Math.abs(Number(order["amount_untaxed"]) - Number(order["x_imponibile"])), String(order["name"])).toBeLessThanOrEqual(0.01 * own.length);
    }
    expect(lines.some((line) => line["discount"] === 14.5)).toBe(true);
    const notes = lines.filter((line) => line["display_type"] === "line_note");
    expect(notes.length).toBeGreaterThan(10);
    for (const note of notes) expect([note["product_id"], note["product_uom_qty"], note["price_unit"]]).toEqual([false, 0, 0]);
    // A line of an article no longer sold stands on the stand-in product, with its own description.
    const standIn = index.get("anagrafe.product_product_articolo_fuori_produzione");
    expect(lines.filter((line) => line["product_id"] === standIn["id"]).every((line) => String(line["name"]).startsWith("[FN-PVC-70]"))).toBe(true);
  });

  it("puts appointments in the calendar, ending after they start, and the rest of the agenda on the quote or the customer", () => {
    const events = index.all("calendar.event");
    expect(events.length).toBeGreaterThan(30);
    for (const event of events) expect(String(event["stop"]) > String(event["start"]), String(event["name"])).toBe(true);
    expect(events.every((event) => Array.isArray(event["partner_ids"]) && event["partner_ids"].length === 1)).toBe(true);
    const activities = index.all("mail.activity");
    expect(activities.filter((activity) => activity["res_model"] === "sale.order").length).toBeGreaterThan(10);
    expect(activities.filter((activity) => activity["res_model"] === "res.partner").length).toBeGreaterThan(10);
  });

  it("gives a customer with an IBAN its bank account, and a branch its head office", () => {
    const accounts = index.all("res.partner.bank");
    expect(accounts.length).toBeGreaterThan(20);
    for (const account of accounts) expect(index.byId("res.partner", account["partner_id"])?.["is_company"], String(account["acc_number"])).toBe(true);
    const branches = index.all("res.partner").filter((partner) => String(partner["name"]).includes(" - Filiale di "));
    expect(branches.length).toBeGreaterThan(3);
    for (const branch of branches)
      expect(String(index.byId("res.partner", branch["parent_id"])?.["name"]), String(branch["name"])).toBe(String(branch["name"]).split(" - Filiale di ")[0]);
  });
});
