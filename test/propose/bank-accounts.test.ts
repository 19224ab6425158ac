/**
 * A partner file with a column of bank accounts (IBANs), whatever its header says: Odoo keeps a
 * partner's account as a res.partner.bank record of its own, so the map becomes a split into the
 * partner and its account. Invented for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { isIban } from "../../propose/bank-accounts.js";
import { exportFile as file, proposalFor } from "./small-exports.js";

const FIRMS = `Nr;Company name;City;Konto
1;Ferri Utensili Srl;Torino;IT60 X054 2811 1010 0000 0123 456
2;Gallo Trasporti Spa;Milano;
3;Conti Legno Snc;Roma;DE89 3704 0044 0532 0130 00
4;Vogel GmbH;Berlin;NL91ABNA0417164300
5;Bakker BV;Utrecht;
6;Durand SA;Lyon;FR1420041010050500013M02606
`;

describe("bank accounts in a partner file", () => {
  it("tells IBANs by their check digits", () => {
    expect(isIban("IT60 X054 2811 1010 0000 0123 456")).toBe(true);
    expect(isIban("NL91ABNA0417164300")).toBe(true);
    // One digit changed: the check fails.
    expect(isIban("NL91ABNA0417164301")).toBe(false);
    expect(isIban("0363 797717")).toBe(false);
  });

  it("splits the partner from its account, made when the row has one", () => {
    const proposal = proposalFor([file("firms.csv", FIRMS)]);
    const declaration = proposal.entities[0]?.declaration;
    expect(declaration?.kind).toBe("split");
    if (declaration?.kind !== "split") return;
    expect(declaration.targets.map((target) => target.header)).toEqual(["company: res.partner", "bank: res.partner.bank when konto is present"]);
    const bank = declaration.targets[1]?.body.flatMap((line) => (line.kind === "assign" ? [`${line.field} <- ${line.expression}`] : []));
    expect(bank).toEqual(["acc_number <- konto | trim", "partner_id <- ref company"]);
    // The partner itself does not keep the account in a custom field.
    expect(declaration.targets[0]?.body.some((line) => line.kind === "assign" && line.columns.includes("konto"))).toBe(false);
  });
});
