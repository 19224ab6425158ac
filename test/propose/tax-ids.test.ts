/**
 * Tax and registration numbers under headers the lexicon does not know: a Brazilian firm's CNPJ
 * (`39.825.979/0001-72`), a person's CPF (`725.102.734-85`), a Polish NIP (`716-585-38-14`) and a
 * Greek ΑΦΜ (`526018151`), beside foreign customers' prefixed VAT numbers, have the digits and
 * punctuation of phone numbers, post codes or codes, but their shape and check digits say they
 * are tax ids, Odoo's `vat`; a Swedish organisation number (`556860-3954`) and a Polish REGON
 * (`592004870`) are a firm's registration, its `company_registry`. Invented for this test, from no
 * export family; the headers are words of no language.
 */
import { describe, expect, it } from "vitest";
import { isNationalTaxId, isRegistryNumber } from "../../propose/tax-ids.js";
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

const SWEDISH = `Kod;Zubrak Vimmel;Quaxor;Flimber
1;Engströms Bil AB;556860-3954;031-343 50 76
2;Majornas Tandvård AB;556744-5290;0303-95 16 10
3;Öbergs Fastigheter AB;556089-4148;+46 31 192 25 51
4;Jonssons Fastigheter AB;556859-4526;08-734 80 72
5;Lindströms VVS AB;556299-4474;+46 35 280 87 25
`;

const POLISH = `Kod;Zubrak Vimmel;Quaxor;Dreeb
AQUA;Aqua-Tech Sp. z o.o.;716-585-38-14;592004870
ARMA;Armatura Mazowsze Sp. z o.o.;2845137184;183066994
GAZI;Gaz-Instal Sp. z o.o.;995-481-48-59;767634713
SLAS;Śląskie Instalacje S.A.;3558892134;406947426
ZURA;Żuraw-Bud Sp.j.;559-659-18-61;278758260
HANS;Hansa Wärme GmbH;DE924639934;
`;

const GREEK = `Kod;Zubrak Vimmel;Quaxor;Dreeb
30.00.0001;ΓΕΥΣΕΙΣ ΤΟΥ ΒΟΡΡΑ Ι.Κ.Ε.;526018151;546 25
30.00.0002;ΑΦΟΙ ΓΕΩΡΓΙΟΥ Ο.Ε.;908301668;60100
30.00.0003;ΨΥΚΤΙΚΗ ΚΑΛΑΜΑΡΙΑΣ Α.Ε.;131860915;551 33
30.00.0004;ΞΕΝΟΔΟΧΕΙΑ ΧΑΛΚΙΔΙΚΗΣ Α.Ε.;390996038;630 77
30.00.0005;ΑΡΤΟΠΟΙΕΙΑ ΣΕΡΡΩΝ Ε.Π.Ε.;082462817;621 22
30.00.0006;OLYMPUS FOODS LTD;CY10259033P;1065
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

describe("registration and tax numbers of other countries whatever their headers", () => {
  it("are a Swedish firm's registration, its phone staying its phone", () => {
    const proposal = proposalFor([file("foretag.csv", SWEDISH)]);
    expect(assignment(proposal, "foretag.csv", "company_registry")).toBe("quaxor");
    expect(assignment(proposal, "foretag.csv", "phone")).toBe("flimber");
  });

  it("are a Greek firm's tax id (ΑΦΜ) beside foreign VAT numbers, not its post code", () => {
    const proposal = proposalFor([file("pelates.csv", GREEK)]);
    expect(assignment(proposal, "pelates.csv", "vat")).toBe("quaxor | trim");
    expect(assignment(proposal, "pelates.csv", "zip")).not.toBe("quaxor | trim");
  });

  it("are a Polish firm's tax id beside foreign VAT numbers, and its registration", () => {
    const proposal = proposalFor([file("firmy.csv", POLISH)]);
    expect(assignment(proposal, "firmy.csv", "vat")).toBe("quaxor | trim");
    expect(assignment(proposal, "firmy.csv", "company_registry")).toBe("dreeb | trim");
  });
});

const HUNGARIAN = `Kod;Zubrak Vimmel;Quaxor;Dreeb;Flimber
P1;Kovács és Társa Kft.;12345676-2-42;01-09-123456;06 1 234 5678
P2;Alföldi Gép Kft.;23456787-2-13;03-09-109792;06 76 555 123
P3;Tisza Pékség Bt.;34567898-1-05;06-06-110459;06-62/801-385
P4;Duna Építő Zrt.;98765434-2-09;13-10-040404;+36 1 319 1559
P5;Mátra Bor Kft.;11111111-2-41;10-09-022222;06 37 312 456
`;

const GERMAN = `Kod;Zubrak Vimmel;Dreeb;Flimber
K1;Müller Bau GmbH;HRB 26762;089 267858-0
K2;Schulz Logistik GmbH;HRB 3370;040 555123
K3;Becker Metall KG;HRA 25211;0211 908368
K4;Wolf Technik GmbH;HRB 73336 B;030 4441122
K5;Koch & Partner GmbH;HRB 54156;0911 877542
`;

describe("Hungarian tax and register numbers, and German register numbers, whatever their headers", () => {
  it("tell an adószám by its check digit, with or without its dashes", () => {
    expect(isNationalTaxId("12345676-2-42")).toBe(true);
    expect(isNationalTaxId("12345676242")).toBe(true);
    expect(isNationalTaxId("12345677-2-42")).toBe(false);
    expect(isRegistryNumber("01-09-123456")).toBe(true);
    expect(isRegistryNumber("HRB 26762")).toBe(true);
    expect(isRegistryNumber("06 1 234 5678")).toBe(false);
  });

  it("are the partners' tax id and company registry, not their phones", () => {
    const hungarian = proposalFor([file("partner.csv", HUNGARIAN)]);
    expect(assignment(hungarian, "partner.csv", "vat")).toBe("quaxor");
    expect(assignment(hungarian, "partner.csv", "company_registry")).toMatch(/^dreeb\b/);
    expect(assignment(hungarian, "partner.csv", "phone")).toBe("flimber");
    const german = proposalFor([file("firmen.csv", GERMAN)]);
    expect(assignment(german, "firmen.csv", "company_registry")).toMatch(/^dreeb\b/);
  });
});

const FINNISH = `Kod;Zubrak Vimmel;Dreeb;Flimber
Y1;Pälkäneen Logistiikka Oy;2771933-0;+358 3 270 7608
Y2;Jakobstad Fastighetsservice Ab;3353799-8;+358 6 723 1400
Y3;Nokia Oyj;FI01120389;+358 10 448 8000
Y4;Vesilahden Sähkötalo Oy;2098765-8;+358 3 345 6789
Y5;Näsin Kauppa Oy;FI07375462;+358 40 123 4567
`;

describe("Finnish business IDs (Y-tunnus) whatever their headers", () => {
  it("tell a Y-tunnus by its check digit, also written as its VAT number", () => {
    expect(isRegistryNumber("0112038-9")).toBe(true);
    expect(isRegistryNumber("2771933-0")).toBe(true);
    expect(isRegistryNumber("FI01120389")).toBe(true);
    expect(isRegistryNumber("0112038-8")).toBe(false);
    expect(isRegistryNumber("1234567-1")).toBe(true);
    // 1000008 leaves a remainder of 1: no check digit makes it a Y-tunnus (not 0, as for a remainder of 0).
    expect(isRegistryNumber("1000008-0")).toBe(false);
    expect(isRegistryNumber("1000008-1")).toBe(false);
  });

  it("are the partners' company registry, not their phones", () => {
    const proposal = proposalFor([file("yritykset.csv", FINNISH)]);
    expect(assignment(proposal, "yritykset.csv", "company_registry")).toMatch(/^dreeb\b/);
    expect(assignment(proposal, "yritykset.csv", "phone")).toBe("flimber");
  });
});

// Czech: the IČO, eight digits with a check digit, under a header of no language; and a CRM's
// firms giving it for some, half of them firms the accounting program has too.
const CZECH = `Kod;Zubrak Vimmel;Quaxor;Flimber
1001;Kování Komín s.r.o.;25596641;+420 603 123 456
1002;Magistrát města;00064581;542 123 456
1003;Lamino Líšeň s.r.o.;26185431;603123456
1004;Hotel Jih a.s.;45274002;+420 515 222 333
1005;Sklo Macocha a.s.;63947838;516 111 222
`;

const CRM = `ID;Název;IČO;Telefon
1;Kování Komín s. r. o.;25596641;603 123 456
2;Hotel Jih a. s.;45274002;515 222 333
3;Rezidence Lesná s.r.o.;27941001;777 111 222
4;Interiéry Pálava spol. s r. o.;;608 222 333
5;Bistro Kohoutovice s.r.o.;27074358;605 444 555
`;

describe("Czech and Slovak IČO", () => {
  it("tell an IČO by its check digit, leading zeros and all", () => {
    expect(isRegistryNumber("25596641")).toBe(true);
    expect(isRegistryNumber("00064581")).toBe(true);
    expect(isRegistryNumber("25596642")).toBe(false);
  });

  it("are the partners' company registry, not a code", () => {
    const proposal = proposalFor([file("adresar.csv", CZECH)]);
    expect(assignment(proposal, "adresar.csv", "company_registry")).toMatch(/^quaxor\b/);
  });

  it("are another file's firm's own number, not a link to its parent, when half of them are found there", () => {
    const proposal = proposalFor([file("adresar.csv", CZECH), file("firmy.csv", CRM)]);
    expect(proposal.entities.find((entity) => entity.entity.pattern === "firmy.csv")?.entity.references).toEqual([]);
    expect(assignment(proposal, "firmy.csv", "company_registry")).toMatch(/^ico\b/);
    expect(assignment(proposal, "firmy.csv", "parent_id")).toBeUndefined();
  });
});
