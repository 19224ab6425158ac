/**
 * A deal's amount in the currency each row names, beside the CRM's conversion into one currency:
 * the converted one is Odoo's expected revenue. Invented for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { assignment, exportFile as file, proposalFor } from "./small-exports.js";

const DEALS = `Deal ID;Deal Name;Stage;Amount;Currency;Amount (EUR)
D1;Warehouse;Won;1200.00;EUR;1200.00
D2;Fleet;Open;800.00;USD;736.00
D3;Panels;Lost;450.00;EUR;450.00
D4;Roof;Open;900.00;GBP;1053.00
D5;Boiler;Won;300.00;EUR;300.00
D6;Pumps;Open;2500.00;USD;2300.00
`;

describe("a deal's amount and its conversion into one currency", () => {
  it("gives the converted amount as the expected revenue, the amount as written kept beside it", () => {
    const proposal = proposalFor([file("deals.csv", DEALS)]);
    expect(assignment(proposal, "deals.csv", "expected_revenue")).toBe("amount_eur");
    expect(assignment(proposal, "deals.csv", "x_amount")).toBe("amount");
  });

  it("but not a second amount that differs on the rows in its currency", () => {
    const proposal = proposalFor([file("deals.csv", DEALS.replace("D3;Panels;Lost;450.00;EUR;450.00", "D3;Panels;Lost;450.00;EUR;99.00").replace(";300.00;EUR;300.00", ";300.00;EUR;10.00"))]);
    expect(assignment(proposal, "deals.csv", "expected_revenue")).toBe("amount");
  });
});
