/**
 * Brazilian tax numbers under headers the lexicon does not know: a firm's CNPJ
 * (`39.825.979/0001-72`) and a person's CPF (`725.102.734-85`) have the digits and punctuation of
 * phone numbers, but their shape and check digits say they are tax ids, Odoo's `vat`. Invented
 * for this test, from no export family; the headers are words of no language.
 */
import { describe, expect, it } from "vitest";
import { isNationalTaxId } from "../../propose/tax-ids.js";
import { assignment, exportFile as file, proposalFor } from "./small-exports.js";

const FIRMS = `Kod;Zubrak Vimmel;Quaxor;Flimber
F1;Frigoríficos Paulista Ltda.;39.825.979/0001-72;(11) 3456-7890
F2;Padaria Estrela Ltda.;19.074.833/0001-25;(11) 2345-6789
F3;Cozinhas Industriais Sul S.A.;78.876.232/0001-03;(51) 3333-4444
F4;Hotel Atlântico Ltda.;86.012.904/0001-52;(21) 2222-1111
F5;Restaurante Mineiro Ltda.;04.796.669/0001-92;(31) 3555-6666
`;

const PEOPLE = `Kod;Zubrak;Vimmel;Quaxor;Flimber
P1;Ana;Souza;725.102.734-85;(11) 98765-4321
P2;Bruno;Lima;646.869.589-97;(21) 99876-5432
P3;Carla;Dias;693.504.925-39;(31) 97654-3210
P4;Diego;Rocha;899.139.441-80;(51) 96543-2109
P5;Elisa;Melo;177.151.620-86;(41) 95432-1098
`;

describe("CNPJ and CPF numbers whatever their headers", () => {
  it("are told by their shape and check digits", () => {
    expect(isNationalTaxId("39.825.979/0001-72")).toBe(true);
    expect(isNationalTaxId("39.825.979/0001-73")).toBe(false);
    expect(isNationalTaxId("725.102.734-85")).toBe(true);
    expect(isNationalTaxId("(11) 3456-7890")).toBe(false);
  });

  it("are the partners' tax ids, not their phones", () => {
    const firms = proposalFor([file("empresas.csv", FIRMS)]);
    expect(assignment(firms, "empresas.csv", "vat")).toBe("quaxor");
    expect(assignment(firms, "empresas.csv", "phone")).toBe("flimber");
    const people = proposalFor([file("pessoas.csv", PEOPLE)]);
    expect(assignment(people, "pessoas.csv", "vat")).toBe("quaxor");
  });
});
