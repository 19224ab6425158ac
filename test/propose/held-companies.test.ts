/**
 * An accounting register beside a CRM whose companies are partly the register's again: the same
 * VAT number written with or without its country letters and spaces, or the same name in other
 * case and punctuation. `flitmap init` proposes what a specialist writes: the CRM's rows the
 * register holds skipped, and the CRM's people and deals naming them linked to the register's
 * partner. Invented for this test (English headers, North German firms), from no export family.
 */
import { describe, expect, it } from "vitest";
import { exportFile as file, loadProposed, proposalFor } from "./small-exports.js";

// The register: twenty customers, each with its legal form; most with a VAT number.
const CUSTOMERS = `Customer no;Name;VAT number;City
10001;Bergmann Metallbau GmbH;DE811234561;Bremen
10002;Hansen & Co. KG;DE812345672;Hamburg
10003;Lindner Elektro GmbH;DE813456783;Kiel
10004;Ostsee Logistik AG;DE814567894;Rostock
10005;Weber Haustechnik GmbH;;Hamburg
10006;Krüger Bau GmbH;DE815678905;Bremen
10007;Nordlicht Design UG;DE816789016;Kiel
10008;Petersen Holz KG;;Bremen
10009;Sievers Druck GmbH;DE817890127;Hamburg
10010;Thomsen Kältetechnik GmbH;DE818901238;Kiel
10011;Vogt Fahrzeugbau AG;DE819012349;Rostock
10012;Zander Gartenbau GmbH;;Hamburg
10013;Jacobsen Schiffstechnik GmbH;DE822345673;Kiel
10014;Möller Fliesen KG;;Bremen
10015;Reimers Transporte GmbH;DE823456784;Hamburg
10016;Schulte Glasbau GmbH;DE824567895;Rostock
10017;Dierks Sanitär KG;;Kiel
10018;Evers Maschinenbau AG;DE825678906;Bremen
10019;Friedrichsen Bäckerei KG;;Hamburg
10020;Gerdes Umwelttechnik GmbH;DE826789017;Kiel
`;

// The CRM: three of the register's customers by VAT number (typed without the country letters,
// with spaces, the name written otherwise), two by name alone (in capitals, without the dot),
// and nine prospects the register does not have.
const COMPANIES = `ID;Name;VAT;City;Status
C-1;Bergmann Metallbau;811 234 561;Bremen;Customer
C-2;Lindner Elektrotechnik GmbH;813456783;Kiel;Customer
C-3;Krueger Bau GmbH;DE 815 678 905;Bremen;Customer
C-4;HANSEN & CO KG;;Hamburg;Customer
C-5;Petersen Holz KG;;Bremen;Customer
C-6;Albers Solar GmbH;DE820123451;Emden;Prospect
C-7;Brandt Kälte GmbH;;Emden;Prospect
C-8;Claussen Dach KG;DE821234562;Leer;Prospect
C-9;Ehlers Windkraft GmbH;DE827890128;Leer;Prospect
C-10;Feddersen Elektro KG;;Emden;Prospect
C-11;Harms Kunststoffe GmbH;DE828901239;Leer;Prospect
C-12;Iwersen Metall GmbH;;Emden;Prospect
C-13;Janssen Solartechnik AG;DE829012340;Leer;Prospect
C-14;Kock Dämmtechnik GmbH;;Emden;Prospect
`;

const CONTACTS = `ID;First name;Last name;Company;Email
P-1;Anke;Bergmann;Bergmann Metallbau;anke@bergmann-metallbau.de
P-2;Jens;Lindner;Lindner Elektrotechnik GmbH;jens@lindner-elektro.de
P-3;Maren;Hansen;HANSEN & CO KG;maren@hansen-co.de
P-4;Ole;Albers;Albers Solar GmbH;ole@albers-solar.de
P-5;Frauke;Albers;Albers Solar GmbH;frauke@albers-solar.de
P-6;Timo;Krüger;Krueger Bau GmbH;timo@krueger-bau.de
`;

const DEALS = `ID;Title;Company;Amount;Stage
D-1;Hall roof;Petersen Holz KG;12000;Proposal
D-2;Solar park;Albers Solar GmbH;84000;Negotiation
D-3;Cold store;Krueger Bau GmbH;23000;Won
D-4;Workshop lights;Bergmann Metallbau;4500;Proposal
`;

const FILES = { "customers.csv": CUSTOMERS, "companies.csv": COMPANIES, "contacts.csv": CONTACTS, "deals.csv": DEALS };

describe("a CRM's companies an accounting register already holds", () => {
  it("are told by the values they share, the register's columns compared by digits and loosely", () => {
    const proposal = proposalFor(Object.entries(FILES).map(([name, text]) => file(name, text)));
    const crm = proposal.entities.find((candidate) => candidate.entity.pattern === "companies.csv");
    const declaration = crm?.declaration;
    expect(declaration?.kind === "map" ? declaration.target.header : undefined).toMatch(
      / when vat \| ref \w+ by vat_number optional is empty and name \| ref \w+ by name optional is empty$/,
    );
    expect(crm?.notes.at(-1)).toBe(
      "Customer holds 3 by vat (its digits), 2 by name of its 14 rows: those companies are made once, from Customer, skipped here, and the references to them find Customer's record",
    );
    const register = proposal.entities.find((candidate) => candidate.entity.pattern === "customers.csv")?.entity.name;
    expect(
      proposal.uniqueColumns
        .filter((unique) => unique.entity === register)
        .map(({ column, match }) => `${column} ${match ?? "exact"}`)
        .sort(),
    ).toEqual(["name loose", "vat_number digits"]);
  });

  it("makes each company once, and links the CRM's people and deals to the register's partner", async () => {
    await loadProposed(FILES, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      const partners = sample.double.records("res.partner");
      const linked = (id: unknown): boolean => typeof id === "number" || Array.isArray(id);
      // The double's own partners (the company, OdooBot) carry no legal form.
      const companies = partners
        .filter((partner) => !linked(partner["parent_id"]))
        .map((partner) => String(partner["name"]))
        .filter((name) => / (GmbH|KG|AG|UG)$/.test(name));
      expect(companies).toHaveLength(29);
      expect(companies.filter((name) => /bergmann|lindner|kr(ü|ue)ger|hansen|petersen/i.test(name)).sort()).toEqual([
        "Bergmann Metallbau GmbH",
        "Hansen & Co. KG",
        "Krüger Bau GmbH",
        "Lindner Elektro GmbH",
        "Petersen Holz KG",
      ]);
      const nameOf = (id: unknown): string => String(partners.find((partner) => partner["id"] === (Array.isArray(id) ? id[0] : id))?.["name"]);
      const people = partners
        .filter((partner) => linked(partner["parent_id"]))
        .map((partner) => `${String(partner["name"])} at ${nameOf(partner["parent_id"])}`);
      expect(people.sort()).toEqual([
        "Anke Bergmann at Bergmann Metallbau GmbH",
        "Frauke Albers at Albers Solar GmbH",
        "Jens Lindner at Lindner Elektro GmbH",
        "Maren Hansen at Hansen & Co. KG",
        "Ole Albers at Albers Solar GmbH",
        "Timo Krüger at Krüger Bau GmbH",
      ]);
      const deals = sample.double.records("crm.lead").map((deal) => `${String(deal["name"])} for ${nameOf(deal["partner_id"])}`);
      expect(deals.sort()).toEqual([
        "Cold store for Krüger Bau GmbH",
        "Hall roof for Petersen Holz KG",
        "Solar park for Albers Solar GmbH",
        "Workshop lights for Bergmann Metallbau GmbH",
      ]);
    });
  }, 60_000);
});
