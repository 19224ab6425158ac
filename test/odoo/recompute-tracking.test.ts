/**
 * RecomputeTracking: the tracking messages Odoo logs whatever the context, when a load of lines
 * makes it recompute the totals of orders made in an earlier call, are taken back once the writes
 * are over; chatter that was there before, or on records the load does not point at, stays.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { QUIET_IMPORT_CONTEXT } from "../../runtime/odoo/batch-loader.js";
import { RecomputeTracking } from "../../runtime/odoo/recompute-tracking.js";
import { openSession, PROTOCOL_CASES, type Session } from "./support.js";

const LINE_FIELDS = ["id", "order_id/.id", "product_id/.id", "product_uom_qty", "price_unit"];

describe.each(PROTOCOL_CASES)("RecomputeTracking over $label", (testCase) => {
  let session: Session;
  beforeEach(async () => {
    session = await openSession(testCase);
  });
  afterEach(async () => {
    await session.client.close();
    await session.double.stop();
  });

  it("removes the tracking a load of order lines made on the orders it points at, and nothing else", async () => {
    const { client, double } = session;
    const [customer] = await client.create("res.partner", [{ name: "Buyer" }], QUIET_IMPORT_CONTEXT);
    const [product] = await client.create("product.product", [{ name: "Widget", list_price: 10 }], QUIET_IMPORT_CONTEXT);
    const [order, elsewhere] = await client.create("sale.order", [{ partner_id: customer }, { partner_id: customer }], QUIET_IMPORT_CONTEXT);
    // Tracking already there: on the other order, by a load that was not watched.
    await client.load("sale.order.line", LINE_FIELDS, [["t.other", String(elsewhere), String(product), "1", "10"]], QUIET_IMPORT_CONTEXT);
    expect(double.chatter("sale.order", elsewhere ?? 0)).toHaveLength(1);

    const rows = [
      ["t.line1", String(order), String(product), "2", "10"],
      ["t.line2", String(order), String(product), "1", "5"],
    ];
    const tracking = new RecomputeTracking(client, QUIET_IMPORT_CONTEXT);
    const result = await tracking.around("sale.order.line", LINE_FIELDS, rows, () => client.load("sale.order.line", LINE_FIELDS, rows, QUIET_IMPORT_CONTEXT));
    expect(result.ids).toHaveLength(2);
    expect(double.chatter("sale.order", order ?? 0)).toHaveLength(1);
    await tracking.cleanUp();
    expect(double.chatter("sale.order", order ?? 0)).toEqual([]);
    expect(double.records("mail.tracking.value").map((value) => value["new_value"])).toEqual([10, 10]);
    expect(double.chatter("sale.order", elsewhere ?? 0)).toHaveLength(1);
  });

  it("calls nothing more for a load of a model whose records change no tracked totals", async () => {
    const { client, double } = session;
    const tracking = new RecomputeTracking(client, QUIET_IMPORT_CONTEXT);
    double.clearCallLog();
    await tracking.around("res.partner.category", ["id", "name"], [["t.tag", "Tag"]], () =>
      client.load("res.partner.category", ["id", "name"], [["t.tag", "Tag"]], QUIET_IMPORT_CONTEXT),
    );
    await tracking.cleanUp();
    expect(double.callLog.map((call) => `${call.model}.${call.method}`)).toEqual(["res.partner.category.load"]);
  });
});
