/**
 * A file of tags (a code and a description), which the partners list by code: the tags are records
 * of their own (res.partner.category) named by the column that names its rows, and the partners
 * point to them (`category_id <- categories | split(",") | ref tag`). Invented for this test, from
 * no export family.
 */
import { describe, expect, it } from "vitest";
import { assignment, exportFile as file, proposalFor } from "./small-exports.js";

const COMPANIES = `Nr;Company name;City;Categories
1;Ferri Utensili Srl;Torino;RIV
2;Gallo Trasporti Spa;Milano;RIV,IMP
3;Conti Legno Snc;Roma;IMP
4;Vogel GmbH;Berlin;
5;Bakker BV;Utrecht;PRG,RIV
6;Durand SA;Lyon;PRG
7;Rossi Srl;Bergamo;IMP,PRG
8;Bianchi Spa;Brescia;RIV
9;Verdi Snc;Como;IMP
10;Neri Srl;Lecco;RIV,IMP,PRG
`;

const CATEGORIES = `Code;Beschrijving
RIV;Rivenditore
IMP;Impresa edile
PRG;Progettista / studio tecnico
`;

describe("a file of tags the partners list by code", () => {
  it("maps the tags to partner categories, named by the column naming its rows, and the partners to them", () => {
    const proposal = proposalFor([file("companies.csv", COMPANIES), file("categories.csv", CATEGORIES)]);
    const tags = proposal.entities.find((entity) => entity.entity.pattern === "categories.csv");
    expect(tags?.entity.kind).toBe("tag");
    expect(tags?.declaration?.kind === "map" ? tags.declaration.target.header : undefined).toBe("map Tag -> res.partner.category");
    expect(assignment(proposal, "categories.csv", "name")).toBe("beschrijving | trim");
    expect(assignment(proposal, "companies.csv", "category_id")).toBe('categories | split(",") | ref tag');
  });
});
