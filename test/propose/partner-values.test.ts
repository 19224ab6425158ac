/**
 * A partner's columns read from their values alone: small exports whose headers are invented
 * words (as opaque-headers.ts makes the families'), so that a country, an industry, the flag that
 * archives a few records and a person's job position are found by what the columns hold.
 */
import { describe, expect, it } from "vitest";
import { assignment, exportFile as file, proposalFor } from "./small-exports.js";

const FIRMS = `Qavo;Zimbu;Drevak;Plonk;Mirvu;Glemb;Trask;Wobbel
K01;Müller Bau GmbH;Hauptstraße 5;10115;Berlin;Deutschland;Bauwesen;nein
K02;Schulz Logistik GmbH;Ringweg 12;20095;Hamburg;Deutschland;Logistik;nein
K03;Becker Metall AG;Kirchplatz 4;10117;Berlin;Deutschland;Maschinenbau;nein
K04;Wolf Technik KG;Lindenallee 44;80331;München;Deutschland;Maschinenbau;ja
K05;Koch & Partner GmbH;Bahnhofstraße 9;20095;Hamburg;Deutschland;Handel;nein
K06;Richter Druck GmbH;Gartenweg 2;10115;Berlin;Deutschland;Handel;nein
K07;Klein Elektro GmbH;Schulstraße 17;80331;München;Deutschland;Bauwesen;nein
K08;Neumann Holz AG;Waldstraße 8;20095;Hamburg;Deutschland;Gesundheitswesen;nein
K09;Huber Kälte GmbH;Ringstraße 3;1010;Wien;Österreich;Logistik;nein
K10;Gruber Glas GmbH;Marktgasse 7;1010;Wien;Österreich;Gesundheitswesen;nein
K11;Fischer Stahl AG;Am Hafen 1;20095;Hamburg;Deutschland;Maschinenbau;nein
K12;Weber Fenster GmbH;Dorfstraße 20;10117;Berlin;Deutschland;Bauwesen;nein
`;

const PEOPLE = `Id;Hoop;Zarv;Kwell;Ruvo;Sprell;Plaat;Qavo;Fessik
P01;Frau;Anna;Schulz;Einkaufsleiterin;Einkauf;anna@mueller.de;K01;IT
P02;Herr;Ben;Koch;;;ben@schulz.de;K02;IT
P03;Frau;Clara;Wolf;Geschäftsführer;Leitung;clara@becker.de;K03;IT
P04;Herr;David;Braun;Projektleiter;Technik;david@wolf.de;K04;IT
P05;Herr;Emil;Vogel;;;emil@koch.de;K05;DE
P06;Frau;Frieda;Lang;Einkaufsleiterin;Einkauf;frieda@richter.de;K06;IT
P07;Herr;Georg;Kaiser;Geschäftsführer;Leitung;georg@klein.de;K07;IT
P08;Frau;Hanna;Berger;Projektleiter;;hanna@neumann.de;K08;IT
P09;Herr;Ivo;Maier;;;ivo@huber.at;K09;IT
P10;Frau;Jana;Roth;Einkaufsleiterin;Einkauf;jana@gruber.at;K10;CH
P11;Herr;Karl;Seidl;Geschäftsführer;Leitung;karl@fischer.de;K11;IT
P12;Frau;Lena;Haas;Projektleiter;Technik;lena@weber.de;K12;IT
`;

const STAFF_FLAGS = `Nummo;Zimbu;Glemb;Blix
S01;Sommer Glas GmbH;Polska;Tak
S02;Winter Stahl AG;Polska;Tak
S03;Herbst & Söhne GmbH;Polska;Tak
S04;Frühling Elektro GmbH;Polska;Nie
S05;Regen Bau KG;Polska;Tak
S06;Nebel Druck GmbH;Polska;Tak
S07;Sonne Holz GmbH;Niemcy;Tak
S08;Wind Metall AG;Polska;Tak
S09;Wolke Glas GmbH;Polska;Tak
S10;Blitz Kabel GmbH;Polska;Tak
S11;Donner Dach KG;Polska;Tak
S12;Hagel Fenster GmbH;Polska;Tak
`;

describe("a partner's country, industry and archived flag, read from their values", () => {
  const proposal = proposalFor([file("firms.csv", FIRMS), file("people.csv", PEOPLE), file("clients.csv", STAFF_FLAGS)]);

  it("takes the values that name the target's countries in the lexicon's words for the country", () => {
    expect(assignment(proposal, "firms.csv", "country_id")).toMatch(/^glemb \| trim \| \w+$/);
    expect(assignment(proposal, "clients.csv", "country_id")).toMatch(/^glemb \| trim \| \w+$/);
  });

  it("takes two or three capitals that are mostly one country's code for the country, and salutations for no country", () => {
    expect(assignment(proposal, "people.csv", "country_id")).toMatch(/^fessik \| trim \| \w+$/);
    expect(assignment(proposal, "people.csv", "title")).toMatch(/^hoop \| trim \| \w+$/);
  });

  it("takes values naming the target's industries in other words for the industry", () => {
    expect(assignment(proposal, "firms.csv", "industry_id")).toMatch(/^trask \| trim \| \w+$/);
  });

  it("takes a yes/no answered the rare way on a few rows for the archive: negated where the rare answer is yes", () => {
    expect(assignment(proposal, "firms.csv", "active")).toBe("not wobbel");
    expect(assignment(proposal, "clients.csv", "active")).toBe("blix");
  });

  it("takes a person's few words left blank on some rows for the job position, not the department after it", () => {
    expect(assignment(proposal, "people.csv", "function")).toBe("ruvo | trim");
  });
});

const CONTATTI = `Id;Hoop;Zarv;Kwell;Plaat
C01;Sig.;Marco;Rossi;m.rossi@edil.it
C02;Sig.ra;Paola;Bianchi;p.bianchi@edil.it
C03;Ing.;Luca;Ferrari;l.ferrari@termo.it
C04;Sig.;Gianni;Colombo;g.colombo@termo.it
C05;Sig.ra;Anna;Ricci;a.ricci@vetro.it
C06;Dott.ssa;Sara;Marino;s.marino@vetro.it
C07;Sig.;Piero;Greco;p.greco@legno.it
C08;Ing.;Carlo;Bruno;c.bruno@legno.it
C09;Sig.ra;Elena;Gallo;e.gallo@ferro.it
C10;Sig.;Mario;Conti;m.conti@ferro.it
C11;Ing.;Giorgio;Costa;g.costa@sasso.it
C12;Sig.ra;Laura;Rinaldi;l.rinaldi@sasso.it
`;

describe("a person's salutations with a rarer long form among them", () => {
  const proposal = proposalFor([file("contatti.csv", CONTATTI)]);

  it("are the title, not a job position", () => {
    expect(assignment(proposal, "contatti.csv", "title")).toMatch(/^hoop \| trim \| \w+$/);
    expect(assignment(proposal, "contatti.csv", "function")).toBeUndefined();
  });
});

const ACCOUNTS = `Nummo;Zimbu;Krall;Saldor;Vemp
A01;Sommer Glas GmbH;5.000,00;0,00;14.03.2019
A02;Winter Stahl AG;0,00;1.316,21;02.07.2020
A03;Herbst & Söhne GmbH;25.000,00;20.139,35;19.11.2018
A04;Frühling Elektro GmbH;5.000,00;0,00;05.01.2021
A05;Regen Bau KG;0,00;12.885,71;23.06.2017
A06;Nebel Druck GmbH;10.000,00;0,00;30.09.2022
A07;Sonne Holz GmbH;25.000,00;17.568,53;11.04.2016
A08;Wind Metall AG;0,00;0,00;08.12.2023
A09;Wolke Glas GmbH;10.000,00;21.307,86;17.02.2015
A10;Blitz Kabel GmbH;0,00;0,00;26.08.2024
A11;Donner Dach KG;5.000,00;9.478,68;03.05.2014
A12;Hagel Fenster GmbH;0,00;0,00;21.10.2013
`;

describe("a partner's amounts and its one stamp, read from their values", () => {
  const proposal = proposalFor([file("accounts.csv", ACCOUNTS)]);

  it("takes round amounts granted again or not at all for the credit limit", () => {
    expect(assignment(proposal, "accounts.csv", "credit_limit")).toMatch(/^krall\b/);
  });

  it("ignores amounts with cents, each its own, as a balance, and the one date on every row, each its own, as a stamp", () => {
    const declaration = proposal.entities.find((entity) => entity.entity.pattern === "accounts.csv")?.declaration;
    const body = declaration?.kind === "map" ? declaration.target.body : [];
    const ignored = body.flatMap((line) => (line.kind === "ignore" ? [line.column] : []));
    expect(ignored).toEqual(expect.arrayContaining(["saldor", "vemp"]));
  });
});

const STAFF = `Kod;Zimbu;Plaat
01;Nikos Papadakis;n.papadakis@firma.gr
02;Eleni Vlachou;e.vlachou@firma.gr
03;Kostas Lazaridis;k.lazaridis@firma.gr
04;Maria Georgiou;m.georgiou@firma.gr
`;

const CUSTOMERS = `Nummo;Zimbu;Vorp
C01;Sommer Glas AE;01
C02;Winter Stahl AE;02
C03;Herbst OE;03
C04;Frühling EPE;01
C05;Regen AE;04
C06;Nebel OE;02
C07;Sonne EPE;03
C08;Wind AE;01
C09;Wolke OE;02
C10;Blitz AE;04
`;

describe("owners written as the codes of a file of staff, whatever the header", () => {
  const proposal = proposalFor([file("staff.csv", STAFF), file("customers.csv", CUSTOMERS)]);

  it("are the staff's keys, kept with their zeros, and the users found by the staff's e-mail", () => {
    expect(assignment(proposal, "customers.csv", "user_id")).toMatch(/^vorp \| get\(\w+\.plaat\) \| \w+$/);
  });
});

const OSOBY = `Id;Zarv;Kwell;Bontu;Skree;Plaat
1;Anna;Nowak;+48 61 880 46 56 wew. 236;538 523 512;anna@firma.pl
2;Jan;Kowalski;+48 61 984 63 38;799 590 095;jan@firma.pl
3;Ewa;Mazur;+48 61 503 58 82 wew. 134;516 166 936;ewa@firma.pl
4;Piotr;Wójcik;+48 61 370 62 65;791 919 215;piotr@firma.pl
5;Marta;Lis;+48 61 569 05 41;667 953 256;marta@firma.pl
6;Adam;Król;+48 61 492 81 45 wew. 12;697 580 717;adam@firma.pl
`;

describe("a person's two phone columns, one with extensions", () => {
  const proposal = proposalFor([file("osoby.csv", OSOBY)]);

  it("keep the one with extensions the fixed line, however few its area codes, and the other the mobile", () => {
    expect(assignment(proposal, "osoby.csv", "mobile")).toBe("skree");
    expect(assignment(proposal, "osoby.csv", "phone")).toBe("bontu");
  });
});

const ACCOUNTS_WEB = `Nummo;Zimbu;Hask
A1;Granite Logistics LLC;granitelogistics.com
A2;Bluewater Capital Inc.;bluewatercapital.com
A3;Summit Foods Corp.;summitfoods.com
A4;Redwood Retail LLC;redwoodretail.com
A5;Evergreen Systems Inc.;shop.evergreensystems.co.uk
`;

describe("web sites written as bare domains", () => {
  it("are the partner's website, read as URLs", () => {
    const proposal = proposalFor([file("accounts.csv", ACCOUNTS_WEB)]);
    expect(assignment(proposal, "accounts.csv", "website")).toBe("hask | url");
  });
});
