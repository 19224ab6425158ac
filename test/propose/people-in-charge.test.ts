/**
 * A customer's branches, each named by a description and naming the person in charge there in a
 * column whose header says who is responsible: a different person on nearly every row, no staff
 * owning the records but a contact, whom Odoo keeps as a partner of its own. Czech, invented for
 * this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { exportFile as file, proposalFor, targetLine } from "./small-exports.js";

const ZAKAZNICI = `Kód;Název;Město
Z01;Aquaterm s.r.o.;Brno
Z02;Stavby Morava a.s.;Olomouc
Z03;Teplo Plus spol. s r.o.;Zlín
Z04;Pekárna Novák s.r.o.;Jihlava
`;

const PROVOZOVNY = `Kód zákazníka;Pořadí;Popis;Ulice;Město;Telefon;Zodpovědný
Z01;1;Sklad Brno;Vídeňská 12;Brno;+420 543 210 001;NOVÁK JAN
Z01;2;Prodejna Královo Pole;Palackého 8;Brno;+420 543 210 002;KRÁLOVÁ JANA
Z02;1;Sklad Olomouc;Hodolanská 3;Olomouc;+420 585 210 003;DVOŘÁK PETR
Z02;2;Prodejna centrum;Horní náměstí 5;Olomouc;+420 585 210 004;
Z02;3;Kancelář;Třída Svobody 20;Olomouc;+420 585 210 005;SVOBODOVÁ EVA
Z03;1;Sklad Zlín;Třída Tomáše Bati 44;Zlín;+420 577 210 006;ČERNÝ MARTIN
Z03;2;Prodejna Malenovice;Tř. 3. května 100;Zlín;+420 577 210 007;PROCHÁZKOVÁ LENKA
Z04;1;Pekárna;Masarykovo nám. 2;Jihlava;+420 567 210 008;KUČERA TOMÁŠ
Z04;2;Prodejna Znojemská;Znojemská 15;Jihlava;+420 567 210 009;VESELÁ MARIE
Z04;3;Prodejna Havlíčkova;Havlíčkova 30;Jihlava;+420 567 210 010;HORÁK JIŘÍ
Z04;4;Výdejna;Brněnská 7;Jihlava;+420 567 210 011;NĚMCOVÁ ALENA
Z01;3;Prodejna Líšeň;Holzova 4;Brno;+420 543 210 012;MAREK PAVEL
`;

describe("the person in charge at each branch", () => {
  it("is a contact of its own, not a user owning the branch", () => {
    const proposal = proposalFor([file("zakaznici.csv", ZAKAZNICI), file("provozovny.csv", PROVOZOVNY)]);
    const declaration = proposal.entities.find((entity) => entity.entity.pattern === "provozovny.csv")?.declaration;
    expect(declaration?.kind).toBe("split");
    if (declaration?.kind !== "split") return;
    const [branch, person] = declaration.targets;
    expect(targetLine(branch, "user_id")).toBeUndefined();
    expect(person?.header).toMatch(/: res\.partner when zodpovedny is present$/);
    expect(targetLine(person, "name")).toBe("zodpovedny | trim");
  });
});

describe("the contact person at each branch", () => {
  it("is a contact of its own when the header says contact person, as an organisation's is", () => {
    const sites = PROVOZOVNY.replace("Zodpovědný", "Contact person");
    const proposal = proposalFor([file("zakaznici.csv", ZAKAZNICI), file("provozovny.csv", sites)]);
    const declaration = proposal.entities.find((entity) => entity.entity.pattern === "provozovny.csv")?.declaration;
    expect(declaration?.kind).toBe("split");
    if (declaration?.kind !== "split") return;
    expect(targetLine(declaration.targets[1], "name")).toBe("contact_person | trim");
  });
});

// A firm's reference person under a header of no language: the names say it.
const FIRMS = `Qix;Zorb;Wump
1001;Engströms Bil AB;Lars Pettersson
1002;Majornas Tandvård AB;Björn Håkansson
1003;Öbergs Fastigheter AB;Magnus Svensson
1004;Jonssons Fastigheter AB;Mattias Jönsson
1005;Lindströms VVS AB;Eva Lindqvist
1006;Karlssons Design AB;
1007;Bergs Bygg AB;Anna Berg
1008;Nordkyl AB;Erik Nyström
1009;Göta Rör AB;Karin Holm
1010;Västkustens El AB;Lars Ek
1011;Kungsbacka Måleri AB;Sofia Lund
1012;Hallands Plåt AB;Johan Sandberg
`;

describe("a different person's name on nearly every row of a firms' file, its header of no language", () => {
  it("is the firm's contact person", () => {
    const declaration = proposalFor([file("foretag.csv", FIRMS)]).entities[0]?.declaration;
    expect(declaration?.kind).toBe("split");
    if (declaration?.kind !== "split") return;
    expect(declaration.targets[1]?.header).toMatch(/: res\.partner when wump is present$/);
  });
});
