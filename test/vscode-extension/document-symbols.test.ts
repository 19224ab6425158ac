import { SymbolKind, type DocumentSymbol } from "vscode-languageserver";
import { describe, expect, it } from "vitest";
import { parse } from "../../language/parse.js";
import { documentSymbols } from "../../vscode-extension/server/features/document-symbols.js";
import { workspaceSymbols } from "../../vscode-extension/server/features/workspace-symbols.js";
import { lspRange } from "./helpers.js";

const KIND_NAMES = new Map<number, string>(Object.entries(SymbolKind).map(([name, value]) => [value, name]));

/** Name, kind, detail and children only: the shape a user sees in the outline. */
function outline(symbols: readonly DocumentSymbol[]): unknown[] {
  return symbols.map((symbol) => ({
    name: symbol.name,
    kind: KIND_NAMES.get(symbol.kind),
    ...(symbol.detail === undefined ? {} : { detail: symbol.detail }),
    ...(symbol.children === undefined ? {} : { children: outline(symbol.children) }),
  }));
}

const PACKAGE = `migration pb { source pb target odoo "17.0" }
source pb {
  entity Company "companies*.csv" key id {
    id "Nummer" text required
    group contact[1..2] { name "Contact {n}" text }
  }
}
lookup user in res.users by login { missing reject }
records crm.stage match name { won { name "Won" } lost existing "crm.stage_lost" }
table stage: text -> crm.stage { "W" -> won _ -> reject }
extend crm.lead { x_score integer if odoo >= "18.0" { x_mobile char } }
map Company -> res.partner as company {
  name <- naam
  if odoo has res.partner.mobile { mobile <- tel } else { phone <- tel }
  child_ids <- each Contact by company_id { name <- naam }
} fallback crm.lead { partner_name <- naam }
split Contact { org: res.partner { name <- company } person: res.partner { parent_id <- ref org } }
test "a company" { given Company { id "1" } expect res.partner { name "A" } }
`;

describe("documentSymbols", () => {
  it("outlines every declaration and what it declares", () => {
    expect(outline(documentSymbols(parse(PACKAGE, "p.flitmap").document))).toEqual([
      { name: "pb", kind: "Module", detail: "odoo 17.0" },
      {
        name: "pb",
        kind: "Namespace",
        detail: "source",
        children: [
          {
            name: "Company",
            kind: "Class",
            detail: "companies*.csv",
            children: [
              { name: "id", kind: "Field", detail: "text" },
              { name: "contact", kind: "Array", detail: "[1..2]", children: [{ name: "name", kind: "Field", detail: "text" }] },
            ],
          },
        ],
      },
      { name: "user", kind: "Function", detail: "lookup in res.users" },
      {
        name: "crm.stage",
        kind: "Enum",
        detail: "records",
        children: [
          { name: "won", kind: "EnumMember" },
          { name: "lost", kind: "EnumMember", detail: "existing crm.stage_lost" },
        ],
      },
      { name: "stage", kind: "Function", detail: "table text -> crm.stage" },
      {
        name: "crm.lead",
        kind: "Interface",
        detail: "extend",
        children: [
          { name: "x_score", kind: "Field", detail: "integer" },
          { name: "x_mobile", kind: "Field", detail: "char" },
        ],
      },
      {
        name: "Company -> res.partner",
        kind: "Struct",
        detail: "map as company",
        children: [
          { name: "name", kind: "Property" },
          { name: "mobile", kind: "Property" },
          { name: "phone", kind: "Property" },
          { name: "child_ids", kind: "Property", detail: "each Contact", children: [{ name: "name", kind: "Property" }] },
          { name: "fallback crm.lead", kind: "Object", children: [{ name: "partner_name", kind: "Property" }] },
        ],
      },
      {
        name: "Contact",
        kind: "Class",
        detail: "split",
        children: [
          { name: "org", kind: "Object", detail: "res.partner", children: [{ name: "name", kind: "Property" }] },
          { name: "person", kind: "Object", detail: "res.partner", children: [{ name: "parent_id", kind: "Property" }] },
        ],
      },
      { name: "a company", kind: "Method", detail: "test" },
    ]);
  });

  it("gives each symbol its whole declaration as range and its name as selection range", () => {
    const [entity] = documentSymbols(parse(`source s {\n  entity Company "c.csv" key id {\n    id text\n  }\n}\n`, "s.flitmap").document)[0]?.children ?? [];
    expect(entity?.range).toEqual(lspRange(1, 2, 3, 3));
    expect(entity?.selectionRange).toEqual(lspRange(1, 9, 1, 16));
    expect(entity?.children?.[0]?.selectionRange).toEqual(lspRange(2, 4, 2, 6));
  });

  it("still outlines a broken file, naming what lacks a name", () => {
    const symbols = documentSymbols(parse(`map Company -> res.partner {\n  name naam\n  email <- mail\n}\nlookup`, "b.flitmap").document);
    expect(outline(symbols)).toEqual([
      { name: "Company -> res.partner", kind: "Struct", detail: "map", children: [{ name: "name", kind: "Property" }, { name: "email", kind: "Property" }] },
      { name: "(unnamed)", kind: "Function", detail: "lookup in (unnamed)" },
    ]);
    // An empty selection at the declaration's start, inside its range, as LSP requires.
    expect(symbols[1]?.selectionRange).toEqual(lspRange(4, 0, 4, 0));
  });
});

describe("workspaceSymbols", () => {
  const files = [
    { uri: "file:///w/a.flitmap", document: parse(PACKAGE, "/w/a.flitmap").document },
    { uri: "file:///w/b.flitmap", document: parse(`table country: text -> res.country { "NL" -> nl }\n`, "/w/b.flitmap").document },
  ];

  it("lists declared names of every file with their container, but not the fields maps set", () => {
    const names = workspaceSymbols(files, "").map((symbol) => `${symbol.containerName ?? ""}/${symbol.name}@${symbol.location.uri.slice(-9)}`);
    expect(names).toEqual([
      "/pb@a.flitmap",
      "/pb@a.flitmap",
      "pb/Company@a.flitmap",
      "Company/id@a.flitmap",
      "Company/contact@a.flitmap",
      "contact/name@a.flitmap",
      "/user@a.flitmap",
      "/crm.stage@a.flitmap",
      "crm.stage/won@a.flitmap",
      "crm.stage/lost@a.flitmap",
      "/stage@a.flitmap",
      "/crm.lead@a.flitmap",
      "crm.lead/x_score@a.flitmap",
      "crm.lead/x_mobile@a.flitmap",
      "/Company -> res.partner@a.flitmap",
      "/Contact@a.flitmap",
      "Contact/org@a.flitmap",
      "Contact/person@a.flitmap",
      "/a company@a.flitmap",
      "/country@b.flitmap",
    ]);
  });

  it("matches the query's characters in order, in any case", () => {
    expect(workspaceSymbols(files, "STG").map((symbol) => symbol.name)).toEqual(["crm.stage", "stage"]);
    expect(workspaceSymbols(files, "cntry").map((symbol) => symbol.name)).toEqual(["country"]);
    expect(workspaceSymbols(files, "zzz")).toEqual([]);
  });

  it("points at the name, not the whole declaration", () => {
    const [country] = workspaceSymbols(files, "country");
    expect(country?.location).toEqual({ uri: "file:///w/b.flitmap", range: lspRange(0, 6, 0, 13) });
  });
});
