/**
 * Rows mixing organisations and people, and owners written as names: how init splits the one and
 * finds the users of the other, on small exports whose answer is known.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadShippedCatalog, type OdooSchema } from "../../compiler/catalog/index.js";
import { profileEntities } from "../../propose/entities.js";
import type { ExportFile } from "../../propose/export.js";
import { proposePackage } from "../../propose/index.js";
import { mixedRows } from "../../propose/mixed-rows.js";
import { readExport } from "../../propose/read-export.js";

const CLIENTS = `Client No;Company;First Name;Last Name;Job Title;Email;Switchboard;Address;Account Manager
C1;Acme Ltd;Ann;Lee;Director;ann.lee@acme.example;020 7946 0001;1 High Street;K. Vogel
C2;Bolt plc;;;;;020 7946 0002;2 Low Street;S. Becker
C3;;Bob;Ray;;bob.ray@mail.example;;3 Mid Street;K. Vogel
C4;Crane LLP;Cy;Fox;Partner;cy.fox@crane.example;020 7946 0004;4 Side Street;S. Becker
C5;;Dee;Moe;;dee@mail.example;;5 End Road;K. Vogel
C6;Delta Ltd;;;;;020 7946 0006;6 Park Lane;S. Becker
C7;;Eve;Kay;;eve@mail.example;;7 Bank Street;K. Vogel
C8;Echo Ltd;;;;;020 7946 0008;8 Hill Road;S. Becker
`;

function file(path: string, text: string): ExportFile {
  const [header = "", ...lines] = text.trim().split("\n");
  const rows = lines.map((line) => line.split(";"));
  return { path, encoding: "utf-8", encodingNote: null, bom: false, delimiter: ";", headers: header.split(";"), rows, rowCount: rows.length };
}

describe("rows mixing organisations and people", () => {
  const [clients] = profileEntities({ files: [file("clients.csv", CLIENTS)], otherFiles: [] });

  it("tells each column's side by where it is filled", () => {
    const mixed = clients === undefined ? undefined : mixedRows(clients);
    expect(mixed?.organisationName.name).toBe("company");
    expect(mixed?.personName.name).toBe("last_name");
    expect(mixed?.rows).toEqual({ both: 2, organisation: 3, person: 3 });
    // E-mail only where a person is, the switchboard only where an organisation is, the address and owner in both.
    expect([...(mixed?.person ?? [])].sort()).toEqual(["email", "first_name", "job_title", "last_name"]);
    expect([...(mixed?.shared ?? [])].sort()).toEqual(["account_manager", "address"]);
  });
});

describe("init on a mixed export with owners written as names", () => {
  const directory = mkdtempSync(join(tmpdir(), "flitmap-init-mixed-"));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  async function propose(schema: OdooSchema): Promise<ReturnType<typeof proposePackage>> {
    writeFileSync(join(directory, "clients.csv"), CLIENTS);
    return proposePackage(await readExport(directory), {
      sourceName: "crm",
      target: { kind: "series", series: "17.0" },
      schema,
      directory: join(directory, "out"),
    });
  }

  it("splits them: the organisation when named, the person under it, a private person with the row's address and owner", async () => {
    const proposed = await propose(loadShippedCatalog("17.0"));
    expect(proposed.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    const text = proposed.files.find((candidate) => candidate.name === "customer.flitmap")?.text ?? "";
    expect(text).toContain("org: res.partner when company is present {");
    expect(text).toContain("person: res.partner when last_name is present {");
    expect(text).toMatch(/parent_id +<- if company is present\s+then ref org/);
    expect(text).toMatch(/street +<- if company is empty then address \| trim/);
    expect(text).toMatch(/name +<- `\{first_name\} \{last_name\}` \| trim/);
    // Owners: a table from the export's short names to the users' names, then a lookup by name.
    expect(text).toMatch(/user_id +<- account_manager \| user_name \| user_by_name/);
  });

  it("fills the owners' table from the users a pulled schema lists, and leaves the others to the specialist", async () => {
    const shipped = loadShippedCatalog("17.0");
    const users = [
      ...(shipped.references["res.users"] ?? []),
      { id: 40, name: "Klaus Vogel", values: { active: true, share: false, login: "kv" } },
      { id: 41, name: "Sabine Becker", values: { active: true, share: false, login: "sb" } },
      { id: 42, name: "Stefan Becker", values: { active: true, share: false, login: "stb" } },
    ];
    const proposed = await propose({ ...shipped, references: { ...shipped.references, "res.users": users } });
    const tables = proposed.files.find((candidate) => candidate.name === "tables.flitmap")?.text ?? "";
    expect(tables).toMatch(/"K\. Vogel" +-> "Klaus Vogel" \/\/ 4 rows; the user Klaus Vogel/);
    expect(tables).toMatch(/\/\/ "S\. Becker" -> \? \/\/ 4 rows; no user of the target Odoo is named so/);
    expect(tables).toMatch(/_ +-> keep/);
  });
});
