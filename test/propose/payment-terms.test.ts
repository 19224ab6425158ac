/**
 * Payment terms written as an ERP writes them: a number of days in whatever words (`Net 30`,
 * `30 days net`), and cash, which is paid at once. They find Odoo's terms of that many days and
 * its Immediate Payment, so that the column feeds the customer's payment terms rather than being
 * left a TODO. English, invented for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { temporaryDirectory } from "../runtime/support.js";
import { proposeExport } from "./small-exports.js";

const CUSTOMERS = `Code;Company;City;Payment terms
C01;Harbour Foods Ltd;Leeds;Net 30
C02;Northgate Bakery Ltd;York;Cash
C03;Riverside Hotels plc;Leeds;Net 30
C04;Millstone Catering Ltd;Hull;Net 45
C05;Aire Valley Inns Ltd;Skipton;Cash
C06;Old Mill Hotel Ltd;Otley;Net 30
C07;Briggs & Sons Ltd;York;Net 60
C08;Castle Dairies Ltd;Ripon;Net 45
`;

describe("payment terms by their number of days, and cash", () => {
  it("are matched to Odoo's terms of that many days and to Immediate Payment", async () => {
    const folder = temporaryDirectory("flitmap-payment-terms-");
    try {
      const proposed = await proposeExport(folder.path, { "companies.csv": CUSTOMERS });
      const text = proposed.files.map((file) => file.text).join("\n");
      expect(text).toMatch(/^\s*property_payment_term_id\s+<- payment_terms/m);
      expect(text).toMatch(/"Net 30"\s+-> c_30_days/);
      expect(text).toMatch(/"Net 45"\s+-> c_45_days/);
      expect(text).toMatch(/"Cash"\s+-> immediate_payment/);
      expect(text).toMatch(/\/\/ "Net 60" -> \?/);
    } finally {
      folder.remove();
    }
  });
});
