/**
 * Value tables as written: matched values point to existing Odoo records or selection keys,
 * values Odoo has no record for are created where a migration may add records (stages, sources)
 * and left for the specialist to choose where it may not (selection keys, countries).
 */
import { describe, expect, it } from "vitest";
import { loadShippedCatalog } from "../../compiler/catalog/index.js";
import type { ExportFile } from "../../propose/export.js";
import { proposePackage } from "../../propose/index.js";
import { loadProposed } from "./small-exports.js";

function csv(path: string, lines: readonly string[]): ExportFile {
  const [header = "", ...rest] = lines;
  const rows = rest.map((line) => line.split(","));
  return { path, encoding: "utf-8", encodingNote: null, bom: false, delimiter: ",", headers: header.split(","), rows, rowCount: rows.length };
}

describe("value tables of a proposal", () => {
  const deals = csv("deals.csv", [
    "Deal ID,Deal Name,Priority,Stage,Country",
    "1,Alpha,Hoog,Gewonnen,Nederland",
    "2,Beta,Laag,Nieuw,Nederland",
    "3,Gamma,Hoog,Gewonnen,België",
    "4,Delta,Extreem,Onderhandeling,Nederland",
    "5,Epsilon,Laag,Nieuw,Atlantis",
    "6,Zeta,Hoog,Onderhandeling,Nederland",
  ]);
  const proposed = proposePackage(
    { files: [deals], otherFiles: [] },
    { sourceName: "crm", target: { kind: "series", series: "17.0" }, schema: loadShippedCatalog("17.0"), directory: "/virtual/crm" },
  );
  const file = (name: string): string => proposed.files.find((candidate) => candidate.name === name)?.text ?? "";

  it("leaves a selection value Odoo does not know for the specialist to choose", () => {
    expect(file("tables.flitmap")).toContain(`// crm.lead.priority: 2 of 3 values match a selection key
table lead_priority: text -> text {
  "Hoog" -> "2" // 3 rows; 95%: High
  "Laag" -> "0" // 2 rows; 95%: Low
  // "Extreem" -> ? // 1 row; no match: choose ("0", "1", "2", "3")
  _ -> flag // any other value: the field stays empty and the row is reported
}`);
  });

  it("creates stages Odoo lacks and names the ones it has; leaves an unknown country to choose", () => {
    const tables = file("tables.flitmap");
    expect(tables).toContain(`table stage: text -> crm.stage {
  "Gewonnen"       -> won // 2 rows; 95%: Won
  "Nieuw"          -> new // 2 rows; 95%: New
  "Onderhandeling" -> onderhandeling // 2 rows; no match: choose, or keep this new record
  _                -> flag // any other value: the field stays empty and the row is reported
}`);
    expect(tables).toContain('// "Atlantis" -> ? // 1 row; no match: choose (Afghanistan, Albania, Algeria, American Samoa, Andorra, Angola, …)');
    expect(file("setup.flitmap")).toContain(`records crm.stage {
  won            existing "crm.stage_lead4"
  new            existing "crm.stage_lead1"
  onderhandeling { name "Onderhandeling" }
}`);
  });

  it("feeds the tables from the map, through trim", () => {
    const deal = file("deal.flitmap");
    expect(deal).toMatch(/priority +<- priority \| trim \| lead_priority \/\/ \d+%/);
    expect(deal).toMatch(/stage_id +<- stage \| trim \| stage \/\/ 90%/);
    expect(deal).toMatch(/country_id +<- country \| trim \| country \/\/ \d+%/);
  });
});

describe("stage definitions that repeat stage names per pipeline", () => {
  const pipelines = csv("pipelines.csv", [
    "Pipeline,Stage Name,Sequence,Won,Folded",
    "Sales,Intake,10,no,no",
    "Sales,Signed,20,yes,no",
    "Sales,Dropped,30,no,yes",
    "Legal,Intake,10,no,no",
    "Legal,Signed,20,yes,no",
  ]);
  const deals = csv("deals.csv", ["Deal ID,Deal Name,Stage", "1,Alpha,Intake", "2,Beta,Signed", "3,Gamma,Dropped", "4,Delta,Intake"]);
  const proposed = proposePackage(
    { files: [pipelines, deals], otherFiles: [] },
    { sourceName: "crm", target: { kind: "series", series: "17.0" }, schema: loadShippedCatalog("17.0"), directory: "/virtual/crm" },
  );
  const file = (name: string): string => proposed.files.find((candidate) => candidate.name === name)?.text ?? "";

  it("are not loaded as rows, but give the stages the deal table creates their order and flags", () => {
    expect(file("migration.flitmap")).toContain("// not mapped: stage definitions whose names repeat (one row per pipeline and stage) are not loaded as rows");
    expect(file("setup.flitmap")).toContain(`records crm.stage {
  intake  { name "Intake"  sequence 10  is_won false  fold false }
  dropped { name "Dropped"  sequence 30  is_won false  fold true }
  signed  { name "Signed"  sequence 20  is_won true  fold false }
}`);
    expect(file("deal.flitmap")).toMatch(/stage_id +<- stage \| trim \| stage \/\/ 90%/);
  });
});

describe("a custom pick-list whose values are also a tag's names", () => {
  it("writes its keys as text, never as the tag records of the same name", async () => {
    // The job title first: a person's few values on every row are read as the job position.
    const contacts = `Contact ID;Name;Job title;Department;Tags
1;Ann Reid;Manager;Projects;Projects
2;Bob Shaw;Assistant;Sales;Sales
3;Cat Lowe;Manager;Projects;Sales
4;Dan Moss;Assistant;Finance;Projects
5;Eve Park;Manager;Sales;Sales
6;Fay Hunt;Assistant;Projects;Projects
7;Gus Hale;Manager;Finance;Sales
8;Hal Ross;Assistant;Sales;Projects
9;Ida Webb;Manager;Projects;Sales
10;Joe Kerr;Assistant;Sales;Sales
`;
    await loadProposed({ "contacts.csv": contacts }, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      const partners = sample.double.records("res.partner").filter((partner) => partner["name"] === "Ann Reid" || partner["name"] === "Dan Moss");
      expect(partners.map((partner) => partner["x_department"]).sort()).toEqual(["finance", "projects"]);
    });
  });
});
