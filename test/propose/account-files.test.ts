/**
 * A file of bank accounts beside a partner file: a column of IBANs (whole, in groups of four, in
 * small letters, one mistyped) and each account's holder by the partner's code. Neither the file's
 * name nor its headers need say so: `flitmap init` maps it to `res.partner.bank` under its holder,
 * the IBANs made compact and checked, the currency by its ISO code. Invented for this test
 * (Romanian headers the lexicon does not hold), from no export family.
 */
import { describe, expect, it } from "vitest";
import { assignment, exportFile as file, loadProposed, proposalFor } from "./small-exports.js";

const PARTENERI = `Cod;Denumire;Email
P01;Alfa Construct SRL;office@alfa.ro
P02;Beta Instal SRL;office@beta.ro
P03;Gama Prod SA;office@gama.ro
P04;Delta Med SRL;office@delta.ro
P05;Epsilon Trans SRL;office@epsilon.ro
P06;Zeta Hotel SA;office@zeta.ro
`;
// RO88BTRL… written in groups, RO14RNCB… in small letters, RO59BRDE… with two digits swapped.
const CONTURI = `Partener;Cod international;Valuta
P01;RO11BRDE5807302157368193;RON
P01;RO88 BTRL 3642 6212 9972 2003;EUR
P02;ro14rncb2245383236405622;RON
P03;RO26INGB2040560865690702;RON
P04;RO60RNCB1375858471954061;RON
P04;RO66RNCB5895254814542124;EUR
P05;RO36INGB2019860395476200;RON
P06;RO69INGB5329261265206427;RON
P06;RO73RNCB8775744762168275;EUR
P03;RO59BRDE1549909514547572;RON
`;

describe("a file of bank accounts", () => {
  it("is mapped to res.partner.bank under its holder, by its values", () => {
    const proposal = proposalFor([file("parteneri.csv", PARTENERI), file("conturi.csv", CONTURI)]);
    expect(proposal.entities.find((entity) => entity.entity.pattern === "conturi.csv")?.entity.kind).toBe("bank_account");
    const at = (field: string): string | undefined => assignment(proposal, "conturi.csv", field);
    expect(at("acc_number")).toBe('cod_international | iban("flag") ?? cod_international | replace(" ", "") | upper');
    expect(at("partner_id")).toBe("partener | ref customer");
    expect(at("currency_id")).toBe("valuta | currency");
  });

  it("loads every account under its partner, IBANs compact, the mistyped one kept as written", async () => {
    await loadProposed({ "parteneri.csv": PARTENERI, "conturi.csv": CONTURI }, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      const accounts = sample.double.records("res.partner.bank");
      expect(accounts).toHaveLength(10);
      expect(accounts.filter((account) => account["partner_id"] !== false && account["partner_id"] !== undefined)).toHaveLength(10);
      expect(accounts.map((account) => account["acc_number"])).toEqual(
        expect.arrayContaining(["RO88BTRL3642621299722003", "RO14RNCB2245383236405622", "RO59BRDE1549909514547572"]),
      );
    });
  });
});
