/**
 * A partner file with a column of bank accounts (IBANs), whatever its header says: Odoo keeps a
 * partner's account as a res.partner.bank record of its own, so the map becomes a split into the
 * partner and its account. Invented for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { accountCountry, isIban } from "../../propose/bank-accounts.js";
import { exportFile as file, loadProposed, proposalFor } from "./small-exports.js";

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

// Spanish: a column its header calls IBAN, written by an ERP that never checked the check digits.
const CLIENTES = `Código;Razón social;Población;IBAN
C1;Molinos del Sur S.L.;Sevilla;ES12 2100 0418 4502 0005 1332
C2;Aceites Béticos S.A.;Jaén;
C3;Frutas Levante S.L.;Valencia;ES0800120345030000067890
C4;Cerámicas Castellón S.A.;Castellón;ES55 0049 1500 0512 3456 7892
C5;Vinos Rioja S.L.;Logroño;ES31 2085 0000 1111 2222 3333
`;

describe("a column its header calls IBAN", () => {
  it("holds the partners' accounts by their shape, check digits right or not", () => {
    expect(["ES12 2100 0418 4502 0005 1332", "ES0800120345030000067890"].some(isIban)).toBe(false);
    const declaration = proposalFor([file("clientes.csv", CLIENTES)]).entities[0]?.declaration;
    expect(declaration?.kind).toBe("split");
    if (declaration?.kind !== "split") return;
    expect(declaration.targets.map((target) => target.header)).toContain("bank: res.partner.bank when iban is present");
  });

  it("but the same values under another header are no accounts", () => {
    const declaration = proposalFor([file("clientes.csv", CLIENTES.replace(";IBAN\n", ";Referencia\n"))]).entities[0]?.declaration;
    expect(declaration?.kind).toBe("map");
  });
});

// Hungarian: accounts written as IBANs without their country code, as some ERPs keep them.
const UGYFELEK = `Kód;Cégnév;Város;Számlaszám
U1;Kovács és Társa Kft.;Budapest;42 1177 3016 1111 1018 0000 0000
U2;Dunai Építő Zrt.;Győr;
U3;Tisza Szerviz Bt.;Szeged;25 1070 0024 4000 0000 0000 0000
U4;Mátra Hő Kft.;Eger;27 1201 0008 0012 3456 0000 0000
U5;Balaton Fűtés Kft.;Siófok;94 1040 0000 0000 9876 0000 0000
`;

describe("bank accounts written without their country code", () => {
  it("are IBANs once the one country whose code fits their check digits is put before them", () => {
    expect(accountCountry(["42 1177 3016 1111 1018 0000 0000", "25 1070 0024 4000 0000 0000 0000", "27 1201 0008 0012 3456 0000 0000"])).toBe("HU");
    expect(accountCountry(["61 1090 1014 0000 0712 1981 2874", "27 1140 2004 0000 3602 7654 3210", "10 2030 4050 6070 8090 1020 3040"])).toBeUndefined();
    expect(accountCountry(["123456", "234567", "345678"])).toBeUndefined();
  });

  it("are split off as the partner's account, the country code put before them, and load", async () => {
    const proposal = proposalFor([file("ugyfelek.csv", UGYFELEK)]);
    const declaration = proposal.entities[0]?.declaration;
    expect(declaration?.kind).toBe("split");
    if (declaration?.kind !== "split") return;
    const bank = declaration.targets[1]?.body.flatMap((line) => (line.kind === "assign" ? [`${line.field} <- ${line.expression}`] : []));
    expect(bank?.[0]).toBe('acc_number <- `HU{szamlaszam | replace(" ", "")}`');
    await loadProposed({ "ugyfelek.csv": UGYFELEK }, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      expect(sample.double.records("res.partner.bank").map((account) => account["acc_number"])).toContain("HU42117730161111101800000000");
    });
  });
});

// Hungarian: domestic account numbers in the GIRO form, two or three groups of eight digits.
const PARTNEREK = `Kód;Név;Helység;Számla
P1;Kovács és Társa Kft.;Budapest;11773016-11111018
P2;Dunai Építő Zrt.;Győr;
P3;Tisza Szerviz Bt.;Szeged;10700024-40000000-00000000
P4;Mátra Hő Kft.;Eger;12010611-96496470
P5;Balaton Fűtés Kft.;Siófok;10400157-21320825-00000000
`;

describe("domestic account numbers in groups of eight digits", () => {
  it("are the partners' accounts, kept as written", () => {
    const declaration = proposalFor([file("partnerek.csv", PARTNEREK)]).entities[0]?.declaration;
    expect(declaration?.kind).toBe("split");
    if (declaration?.kind !== "split") return;
    const bank = declaration.targets[1]?.body.flatMap((line) => (line.kind === "assign" ? [`${line.field} <- ${line.expression}`] : []));
    expect(bank).toEqual(["acc_number <- szamla | trim", "partner_id <- ref customer"]);
  });
});

// Czech: accounts written the domestic way (prefix-number/bank code), which a phone's digits and dashes resemble.
const ADRESY = `Číslo;Firma;Obec;Tel.;Účet
1001;Kování Komín s.r.o.;Brno;+420 603 123 456;19-2000145399/0800
1002;Sklo Macocha a.s.;Blansko;542 123 456;
1003;Lamino Líšeň s.r.o.;Brno;603123456;1234567899/0300
1004;Hotel Jih a.s.;Znojmo;+420 515 222 333;1000000005/0600
1005;Penzion U Svratky s.r.o.;Tišnov;;1000000013/0100
`;

describe("Czech accounts written the domestic way", () => {
  it("are no phone numbers, and are split off as the partner's account, made its IBAN", () => {
    const proposal = proposalFor([file("adresy.csv", ADRESY)]);
    expect(proposal.entities[0]?.entity.columns.find((column) => column.name === "ucet")?.guess.type).toBe("text");
    const declaration = proposal.entities[0]?.declaration;
    expect(declaration?.kind).toBe("split");
    if (declaration?.kind !== "split") return;
    const bank = declaration.targets.find((target) => target.header.includes("res.partner.bank"));
    expect(bank?.header).toBe("bank: res.partner.bank when ucet is present");
    expect(bank?.body.flatMap((line) => (line.kind === "assign" ? [`${line.field} <- ${line.expression}`] : []))).toEqual([
      'acc_number <- ucet | iban("CZ", "flag") ?? ucet | trim',
      "partner_id <- ref adresy",
    ]);
  });

  it("load as IBANs", async () => {
    await loadProposed({ "adresy.csv": ADRESY }, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      expect(sample.double.records("res.partner.bank").map((record) => record["acc_number"])).toEqual([
        "CZ6508000000192000145399",
        "CZ4203000000001234567899",
        "CZ3106000000001000000005",
        "CZ9301000000001000000013",
      ]);
    });
  });
});
