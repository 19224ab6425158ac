/**
 * Links by a declared unique column (issue 16's carteira package): a column declared `unique`,
 * with what a value several rows hold does (`ambiguous reject|first|last`), and a reference that
 * names a row by it (`| ref company by trade_name`). Each parses to its node, prints back as
 * written, and leaves the words names everywhere else.
 */
import { describe, expect, it } from "vitest";
import { format, n, onlyDeclaration } from "./helpers.js";

function expectRoundTrip(text: string): void {
  expect(format(text)).toBe(text);
}

describe("unique: a column other rows name a row by", () => {
  it("is a column modifier, with its ambiguity policy when declared", () => {
    expect(onlyDeclaration(`source s { entity E "e.csv" key id { id text  cnpj text unique  trade "Nome" text required unique ambiguous first } }`)).toMatchObject({
      items: [
        {
          items: [
            { name: n("id"), modifiers: [] },
            { name: n("cnpj"), modifiers: [{ kind: "UniqueModifier" }] },
            { name: n("trade"), modifiers: [{ kind: "ColumnModifier", keyword: "required" }, { kind: "UniqueModifier", ambiguous: "first" }] },
          ],
        },
      ],
    });
  });

  it("leaves `unique` a column name before its header, and the built-in `| unique` a step", () => {
    expect(onlyDeclaration(`source s { entity E "e.csv" key id { id text\n unique "Único" text } }`)).toMatchObject({
      items: [{ items: [{ name: n("id"), modifiers: [] }, { name: n("unique"), type: n("text") }] }],
    });
    expect(onlyDeclaration(`map P -> res.partner { category_id <- tags | split(",") | unique }`)).toMatchObject({
      body: [{ value: { steps: [{ kind: "CallStep" }, { kind: "CallStep", callee: n("unique") }] } }],
    });
  });

  it("prints back as written", () => {
    expectRoundTrip(`source s {\n  entity E "e.csv" key id {\n    id   text\n    cnpj text unique ambiguous last\n  }\n}\n`);
  });

  it("reads how values compare with the column's, `match NAME`, before the ambiguity policy", () => {
    expect(onlyDeclaration(`source s { entity E "e.csv" key id { id text  vat text unique match digits  name text unique match loose ambiguous first\n match text } }`)).toMatchObject({
      items: [
        {
          items: [
            { name: n("id") },
            { name: n("vat"), modifiers: [{ kind: "UniqueModifier", match: n("digits") }] },
            { name: n("name"), modifiers: [{ kind: "UniqueModifier", match: n("loose"), ambiguous: "first" }] },
            { name: n("match"), type: n("text"), modifiers: [] },
          ],
        },
      ],
    });
    expectRoundTrip(`source s {\n  entity E "e.csv" key id {\n    id  text\n    vat text unique match digits ambiguous first\n  }\n}\n`);
  });
});

describe("| ref ALIAS by COLUMN", () => {
  it("names the column the value is looked up by", () => {
    expect(onlyDeclaration(`map P -> res.partner { parent_id <- company | ref company by trade optional }`)).toMatchObject({
      body: [{ value: { steps: [{ kind: "RefStep", alias: n("company"), by: n("trade"), optional: true }] } }],
    });
  });

  it("leaves `by` the next statement's field", () => {
    expect(onlyDeclaration(`map P -> res.partner {\n parent_id <- org_id | ref org\n by <- x\n}`)).toMatchObject({
      body: [{ field: n("parent_id") }, { field: n("by") }],
    });
  });

  it("prints back as written", () => {
    expectRoundTrip(`map P -> res.partner {\n  parent_id <- company | ref company by trade optional\n}\n`);
  });
});

describe("| get(Entity.column by COLUMN)", () => {
  it("names the unique column the input names the row by", () => {
    expect(onlyDeclaration(`map P -> res.partner { vat <- company | get(Company.vat by trade) }`)).toMatchObject({
      body: [{ value: { steps: [{ kind: "CallStep", callee: n("get"), args: [{ kind: "ColumnPath" }], by: n("trade") }] } }],
    });
  });

  it("prints back as written, and leaves get without by as it was", () => {
    expectRoundTrip(`map P -> res.partner {\n  vat  <- company | get(Company.vat by trade)\n  name <- company | get(Company.name)\n}\n`);
  });
});
