import { describe, expect, it } from "vitest";
import { profileEntities, type EntityProfile } from "../../propose/entities.js";
import type { ExportFile } from "../../propose/export.js";

/** A file of an export from simple lines (no quoting), as the reader would hand it over. */
function csv(path: string, text: string, delimiter: "," | ";" = ","): ExportFile {
  const [header = "", ...lines] = text.trim().split("\n");
  const rows = lines.map((line) => line.split(delimiter));
  return { path, encoding: "utf-8", encodingNote: null, bom: false, delimiter, headers: header.split(delimiter), rows, rowCount: rows.length };
}

function entity(entities: readonly EntityProfile[], name: string): EntityProfile {
  const found = entities.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no entity ${name} among ${entities.map((candidate) => candidate.name).join(", ")}`);
  return found;
}

describe("profileEntities", () => {
  const companies = csv(
    "companies.csv",
    `Company ID,Company Name,Parent Company ID,Address Line 1,Address Line 2
1001,Acme Ltd,,1 High Street,Suite 2
1004,Acme Holdings,1001,2 Low Street,
1007,Bolt plc,1004,3 Mid Street,
1010,Crane Ltd,1015,4 Side Street,Floor 3`,
  );
  const contacts = csv(
    "contacts.csv",
    `Contact ID,First Name,Last Name
1001,Ann,Lee
1004,Bob,Ray
1007,Cy,Fox`,
  );
  const links = csv(
    "contact_companies.csv",
    `Contact ID,Company ID,Is Primary
1001,1001,yes
1001,1004,no
1004,1007,yes
1007,1001,yes`,
  );
  const notes = csv(
    "notes.csv",
    `Note ID,Parent Type,Parent ID,Body
1,Company,1001,hello
2,Contact,1004,hi
3,Company,1007,bye
4,Contact,1001,ok`,
  );
  const entities = profileEntities({ files: [companies, contacts, links, notes], otherFiles: [] });

  it("chooses id-like unique columns as keys, and two columns when no single one is unique", () => {
    expect(entity(entities, "Company")).toMatchObject({
      key: ["company_id"],
      keyUncertain: false,
      keyEvidence: "key: Company ID is unique and never blank in 4 rows",
    });
    expect(entity(entities, "ContactCompany")).toMatchObject({
      key: ["contact_id", "company_id"],
      keyEvidence: "key: no column is unique alone; Contact ID + Company ID together are unique and never blank in 4 rows",
    });
  });

  it("finds references by name and values, a parent in the same entity, and tolerates dangling ones", () => {
    expect(entity(entities, "Company").references).toEqual([{ column: "parent_company_id", entity: "Company", found: 2 / 3, distinct: 3 }]);
    expect(entity(entities, "ContactCompany").references).toEqual([
      { column: "contact_id", entity: "Contact", found: 1, distinct: 3 },
      { column: "company_id", entity: "Company", found: 1, distinct: 3 },
    ]);
  });

  it("tells kinds from file names and structure: a link table, a record pointing to several kinds", () => {
    expect(entities.map((candidate) => [candidate.name, candidate.kind])).toEqual([
      ["Company", "company"],
      ["ContactCompany", "link"],
      ["Contact", "person"],
      ["Note", "note"],
    ]);
    expect(entity(entities, "Note").polymorphic).toEqual({
      typeColumn: "parent_type",
      idColumn: "parent_id",
      targets: [
        { value: "Company", entity: "Company" },
        { value: "Contact", entity: "Contact" },
      ],
    });
  });

  it("does not take numbered fields of one kind (address lines) for a repeated group", () => {
    expect(entity(entities, "Company").groups).toEqual([]);
    expect(entity(entities, "Company").columns.map((column) => column.name)).toContain("address_line_2");
  });

  it("reads repeated column groups, duplicate keys across chunks and the change stamp", () => {
    const header = "Relatienummer;Bedrijfsnaam;Contactpersoon 1;Functie 1;Contactpersoon 2;Functie 2;Gewijzigd op";
    const first = csv("relaties_001.csv", `${header}\n10001;Acme;Ann;CEO;Bob;Inkoper;01-02-2024 10:00\n10004;Bolt;Cy;CEO;;;02-02-2024 11:00`, ";");
    const second = csv("relaties_002.csv", `${header}\n10004;Bolt;Cy;CEO;;;03-02-2024 09:00\n10007;Crane;;;;;04-02-2024 12:00`, ";");
    const [relation] = profileEntities({ files: [second, first], otherFiles: [] });
    expect(relation).toMatchObject({
      name: "Relation",
      pattern: "relaties_*.csv",
      kind: "relation",
      key: ["relatienummer"],
      duplicateKeys: 1,
      modifiedColumn: "gewijzigd_op",
    });
    expect(
      relation?.groups.map((group) => [
        group.name,
        group.from,
        group.to,
        group.columns.map((column) => `${column.name} "${column.header}" ${column.guess.type}`),
      ]),
    ).toEqual([["contact", 1, 2, ['contactpersoon "Contactpersoon {n}" text', 'functie "Functie {n}" text']]]);
    expect(relation?.columns.map((column) => column.name)).toEqual(["relatienummer", "bedrijfsnaam", "gewijzigd_op"]);
  });

  it("finds references by name in exports that link by name: a group parent, a client, a list of employers", () => {
    const organisations = csv(
      "organisations.csv",
      `Org No.,Organisation,Group Parent
ORG1,Acme Ltd,
ORG2,Acme Retail Ltd,Acme Ltd
ORG3,Bolt plc,
ORG4,Bolt Services Ltd,Bolt plc
ORG5,Crane LLP,Omega Holdings plc
ORG6,Delta Ltd,Acme Ltd`,
    );
    const people = csv(
      "people.csv",
      `Ref,Surname,Organisations
P1,Lee,Acme Ltd|Bolt plc
P2,Ray,Bolt plc
P3,Fox,Crane LLP|Acme Ltd|Delta Ltd
P4,Kay,Delta Ltd
P5,Moe,Acme Retail Ltd|Bolt plc`,
    );
    const matters = csv("matters.csv", "Matter Ref,Client\nM1,Acme Ltd\nM2,Bolt plc\nM3,Bolt plc\nM4,Crane LLP");
    const linked = profileEntities({ files: [organisations, people, matters], otherFiles: [] });
    // A parent outside the export (Omega Holdings plc) dangles; the column still names the others.
    // organisations.csv is named in the lexicon's words: Company.
    expect(entity(linked, "Company").references).toEqual([{ column: "group_parent", entity: "Company", found: 2 / 3, distinct: 3, byName: "organisation" }]);
    expect(entity(linked, "People").references).toEqual([
      { column: "organisations", entity: "Company", found: 1, distinct: 5, byName: "organisation", separator: "|" },
    ]);
    expect(entity(linked, "Matter").references).toEqual([{ column: "client", entity: "Company", found: 1, distinct: 3, byName: "organisation" }]);
  });

  it("finds a column holding, row by row, the id of one entity or of another", () => {
    const ids = (prefix: string, count: number): string[] => Array.from({ length: count }, (_, index) => `${prefix}${String(index + 1).padStart(4, "0")}`);
    const accounts = csv(
      "accounts.csv",
      `Account ID,Account Name\n${ids("001A", 8)
        .map((id, index) => `${id},Account ${index}`)
        .join("\n")}`,
    );
    const deals = csv(
      "opportunities.csv",
      `Opportunity ID,Opportunity Name\n${ids("006B", 8)
        .map((id, index) => `${id},Deal ${index}`)
        .join("\n")}`,
    );
    const related = [...ids("001A", 6), ...ids("006B", 8)];
    const tasks = csv("tasks.csv", `Activity ID,Subject,Related To ID\n${related.map((id, index) => `T${index},Call,${id}`).join("\n")}`);
    const found = profileEntities({ files: [accounts, deals, tasks], otherFiles: [] });
    expect(entity(found, "Task").references).toEqual([
      { column: "related_to_id", entity: "Opportunity", found: 1, distinct: 14, byValuesOnly: true, alternatives: ["Account"] },
    ]);
  });

  it("says so when no column can be the key", () => {
    const [odd] = profileEntities({ files: [csv("things.csv", "Colour,Size\nred,L\nred,L")], otherFiles: [] });
    expect(odd).toMatchObject({ key: ["colour"], keyUncertain: true, kind: "unknown" });
    expect(odd?.keyEvidence).toBe("TODO: no column or pair of columns is unique in 2 rows: say which columns identify a row");
  });
});

describe("keys written with leading zeros in one file and without in another", () => {
  const members = csv(
    "members.csv",
    `Member No,Member Name,Sponsor No
00017,Ann Lee,
00023,Bob Ray,00017
00031,Cy Fox,00017
00042,Dee Moe,00023`,
  );
  const visits = csv(
    "visits.csv",
    `Visit ID,Member No,Visited On
V1,17,2025-01-02
V2,23,2025-01-03
V3,42,2025-01-04
V4,17,2025-01-05`,
  );
  const entities = profileEntities({ files: [members, visits], otherFiles: [] });

  it("reads the key, and every column of digits holding its keys, as whole numbers, so that 00017 and 17 meet", () => {
    const member = entity(entities, "Member");
    const type = (name: string): string | undefined => member.columns.find((column) => column.name === name)?.guess.type;
    expect(type("member_no")).toBe("integer");
    expect(type("sponsor_no")).toBe("integer");
    expect(member.columns.find((column) => column.name === "member_no")?.guess.evidence).toContain("without the leading zeros");
    expect(entity(entities, "Visit").references).toMatchObject([{ column: "member_no", entity: "Member" }]);
  });

  it("keeps a code with leading zeros as text when every file writes it so", () => {
    const alone = profileEntities({ files: [members], otherFiles: [] });
    expect(entity(alone, "Member").columns.find((column) => column.name === "member_no")?.guess.type).toBe("text");
  });
});
