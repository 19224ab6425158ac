/**
 * A register of firms that keeps households beside them, no column saying which: the rows with
 * neither a registry number nor a credit limit are named as persons are, the others rarely, so
 * those rows are no companies. Danish values, as a garden firm's accounting program writes them.
 */
import { describe, expect, it } from "vitest";
import { assignment, exportFile as file, proposalFor } from "./small-exports.js";

const DEBTORS = `Kundenr.;Navn;CVR-nr.;Telefon;E-mail;Kreditmaksimum
10001;Gadstrup Maskinfabrik A/S;25006321;46191010;info@gadstrup.example;50.000,00 kr.
10002;Hanne Hansen;;53607516;hanne@outlook.example;
10003;Aalsgaarde VVS I/S;30389484;49701122;kontakt@aalsgaarde.example;20.000,00 kr.
10004;Andelsboligforeningen Åvej 36;;96372262;post@abf.example;15.000,00 kr.
10005;Mads Sørensen;;22334455;mads@gmail.example;
10006;Viby Kro IVS;25006321;46193344;kro@viby.example;10.000,00 kr.
10007;Karen Nielsen;;44556677;karen@outlook.example;
10008;Roskilde Kommune, Vej og Park;29189404;46313131;vejpark@roskilde.example;80.000,00 kr.
10009;Jens Poulsen;;33445566;jens@mail.example;
10010;Tune Bilforhandler ApS;30389484;46130011;salg@tune.example;25.000,00 kr.
10011;Andelsboligforeningen Skovvej 15;;96370000;bestyrelse@skovvej.example;15.000,00 kr.
10012;Holbæk Ejendomme A/S;25006321;59430066;info@ejendomme.example;40.000,00 kr.
`;

describe("households among a register's firms", () => {
  it("are the rows without the firm's registry number and credit limit, when those read as persons' names", () => {
    const proposal = proposalFor([file("debitorer.csv", DEBTORS)]);
    expect(assignment(proposal, "debitorer.csv", "is_company")).toBe("cvr_nr is present or kreditmaksimum is present");
  });

  it("leaves a register of firms alone where the blank rows are firms too", () => {
    const firms = DEBTORS.replace("Hanne Hansen", "Hansens Tømrer ApS")
      .replace("Mads Sørensen", "Sørensen VVS I/S")
      .replace("Karen Nielsen", "Nielsen Anlæg IVS");
    expect(assignment(proposalFor([file("debitorer.csv", firms)]), "debitorer.csv", "is_company")).toBe("true");
  });
});
