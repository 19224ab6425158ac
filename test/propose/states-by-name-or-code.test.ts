/**
 * A county written by its name on some rows and by its code on others (`Prahova`, `PH`, `Cluj`,
 * Bucharest's `B`): neither a lookup by name nor one by code finds them all, so `flitmap init`
 * proposes one by either, comparing names loosely (`Bucureşti` with the cedilla is Odoo's
 * `București`), rather than a custom field. Invented for this test (Romanian headers), from no
 * export family.
 */
import { describe, expect, it } from "vitest";
import { assignment, exportFile as file, loadProposed, proposalFor } from "./small-exports.js";

const CLIENTI = `Cod;Denumire;Adresa;Localitate;Judet;Email
C01;Alfa Construct SRL;Str. Gării nr. 12;Ploiesti;Prahova;office@alfa.ro
C02;Beta Instal SRL;Str. Florilor nr. 3;Campina;PH;office@beta.ro
C03;Gama Prod SA;Bd. Eroilor nr. 40;Cluj-Napoca;Cluj;office@gama.ro
C04;Delta Med SRL;Calea Victoriei nr. 142;Bucuresti;B;office@delta.ro
C05;Epsilon Trans SRL;Sos. Pantelimon nr. 12;Bucuresti;Bucureşti;office@epsilon.ro
C06;Zeta Hotel SA;Str. Mihai Viteazu nr. 8;Turda;CJ;office@zeta.ro
C07;Eta Grup SRL;Str. Republicii nr. 21;Ploiesti;PH;office@eta.ro
C08;Teta Serv SRL;Bd. Unirii nr. 5;Bucuresti;B;office@teta.ro
C09;Iota Invest SA;Str. Horea nr. 17;Cluj-Napoca;CJ;office@iota.ro
C10;Kapa Trans SRL;Str. Independentei nr. 2;Campina;Prahova;office@kapa.ro
`;

describe("states written by name or by code", () => {
  it("are found by a lookup by either", () => {
    const proposal = proposalFor([file("clienti.csv", CLIENTI)]);
    expect(assignment(proposal, "clienti.csv", "state_id")).toBe("judet | state_by_name_or_code");
    expect(proposal.lookups.find((lookup) => lookup.name === "state_by_name_or_code")).toMatchObject({ by: "name or code", match: { rule: "loose" } });
  });

  it("checks and loads every row", async () => {
    await loadProposed({ "clienti.csv": CLIENTI }, (sample) => {
      expect(sample.first.rejects).toEqual([]);
    });
  });
});
