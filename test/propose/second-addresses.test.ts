/**
 * A second address in a partner file's columns, the same parts again under one qualifying word
 * (`Postfach Straße`, `Postfach PLZ`, `Postfach Ort` beside `Straße`, `PLZ`, `Ort`; `Billing
 * Street` beside `Street`): a contact of the partner's own in Odoo, of the type its word says.
 * Invented for this test (German and English headers), from no export family.
 */
import { describe, expect, it } from "vitest";
import { profileEntities } from "../../propose/entities.js";
import { findSecondAddress } from "../../propose/second-addresses.js";
import { exportFile as file, loadProposed, proposalFor } from "./small-exports.js";

const FIRMEN = `ID;Firmenname;Straße;PLZ;Ort;Postfach Straße;Postfach PLZ;Postfach Ort
K1;Vogel Haustechnik GmbH;Hauptstraße 5;80331;München;Postfach 1120;80302;München
K2;Berger Bau AG;Ringweg 12;50667;Köln;;;
K3;Lang Sanitär KG;Am Markt 3;04109;Leipzig;Postfach 4455;04003;Leipzig
K4;Wolf Elektro GmbH;Bahnhofstraße 9;70173;Stuttgart;;;
`;

const ACCOUNTS = `Account ID;Account Name;Street;City;Zip;Billing Street;Billing City;Billing Zip
A1;Acme Ltd;1 High Street;Leeds;LS1 4AP;PO Box 12;Leeds;LS1 9ZZ
A2;Bolt plc;22 Mill Lane;York;YO1 7HH;;;
A3;Crane Ltd;5 Dock Road;Hull;HU1 2AA;Unit 4, Quay Park;Hull;HU2 8BB
`;

describe("a second address in a partner file's columns", () => {
  it("is the address parts repeated under one qualifier, its type from the qualifier's words", () => {
    const [firmen] = profileEntities({ files: [file("firmen.csv", FIRMEN)], otherFiles: [] });
    const found = firmen === undefined ? undefined : findSecondAddress(firmen);
    expect(found?.parts.map((part) => `${part.field} <- ${part.column.name}`)).toEqual([
      "street <- postfach_strasse",
      "zip <- postfach_plz",
      "city <- postfach_ort",
    ]);
    expect(found?.type).toBe("other");
    const [accounts] = profileEntities({ files: [file("accounts.csv", ACCOUNTS)], otherFiles: [] });
    expect(accounts === undefined ? undefined : findSecondAddress(accounts)?.type).toBe("invoice");
  });

  it("is split off as a contact under the partner, made when the row has one", () => {
    const declaration = proposalFor([file("accounts.csv", ACCOUNTS)]).entities[0]?.declaration;
    expect(declaration?.kind).toBe("split");
    if (declaration?.kind !== "split") return;
    expect(declaration.targets.map((target) => target.header)).toEqual(["account: res.partner", "address: res.partner when billing_street is present"]);
    const lines = declaration.targets[1]?.body.flatMap((line) => (line.kind === "assign" ? [`${line.field} ${line.operator} ${line.expression}`] : []));
    expect(lines).toEqual([
      'type = "invoice"',
      'name = "Billing"',
      "parent_id <- ref account",
      "street <- billing_street | trim",
      "city <- billing_city | trim",
      "zip <- billing_zip | trim",
    ]);
  });

  it("loads each firm with its post-office box as an address under it", async () => {
    await loadProposed({ "firmen.csv": FIRMEN }, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      const partners = sample.double.records("res.partner").filter((partner) => typeof partner["city"] === "string");
      const nameOf = (id: unknown): unknown => partners.find((partner) => partner["id"] === (Array.isArray(id) ? id[0] : id))?.["name"];
      const addresses = partners
        .filter((partner) => partner["type"] === "other")
        .map((partner) => `${String(partner["street"])}, ${String(partner["zip"])} ${String(partner["city"])} of ${String(nameOf(partner["parent_id"]))}`);
      expect(addresses.sort()).toEqual(["Postfach 1120, 80302 München of Vogel Haustechnik GmbH", "Postfach 4455, 04003 Leipzig of Lang Sanitär KG"]);
      expect(partners.filter((partner) => partner["is_company"] === true)).toHaveLength(4);
    });
  });
});
