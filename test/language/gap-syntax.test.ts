/**
 * The constructs issue 16's specialist lacked: placeholder values of a column (`empty when`), a
 * table entry that gives no value (`-> empty`), how a lookup matches (`match`) and what it does
 * with several matches (`ambiguous`), an optional link (`| ref org optional`) and a test's
 * expectation of a migrated record by its key (`ref contact "C1"`). Each parses to its node,
 * prints back as written, and leaves the words names everywhere else.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../language/parse.js";
import { format, n, onlyDeclaration, s } from "./helpers.js";

function expectRoundTrip(text: string): void {
  expect(format(text)).toBe(text);
}

describe("empty when: a column's placeholder values", () => {
  it("is a column modifier holding the strings", () => {
    expect(
      onlyDeclaration(`source s { entity E "e.csv" key id { id text  due "Deadline" date "dd-MM-yyyy" empty when "0000-00-00", "TBC" required } }`),
    ).toMatchObject({
      items: [
        {
          kind: "EntityDeclaration",
          items: [
            { kind: "ColumnDeclaration", name: n("id") },
            {
              kind: "ColumnDeclaration",
              name: n("due"),
              format: s("dd-MM-yyyy"),
              modifiers: [
                { kind: "ColumnModifier", keyword: "required" },
                { kind: "EmptyWhenModifier", values: [s("0000-00-00"), s("TBC")] },
              ],
            },
          ],
        },
      ],
    });
  });

  it("leaves `empty` the name of a column when `when` does not follow", () => {
    expect(onlyDeclaration(`source s { entity E "e.csv" key id { id text\n empty text } }`)).toMatchObject({
      items: [
        {
          items: [
            { name: n("id"), modifiers: [] },
            { name: n("empty"), type: n("text") },
          ],
        },
      ],
    });
  });

  it("prints back as written", () => {
    expectRoundTrip(`source s {\n  entity E "e.csv" key id {\n    id    text\n    owner text empty when "TBC", "n/a"\n  }\n}\n`);
  });
});

describe("-> empty in a value table", () => {
  it("is an entry with no value, not a record called empty", () => {
    expect(onlyDeclaration(`table owner: text -> text { "Unassigned" -> empty  _ -> keep }`)).toMatchObject({
      entries: [
        { kind: "TableEntry", value: { kind: "EmptyValue" } },
        { kind: "TableDefault", action: "keep" },
      ],
    });
    expect(onlyDeclaration(`table stage: text -> crm.stage { "Won" -> won }`)).toMatchObject({
      entries: [{ value: { kind: "NameReference", name: n("won") } }],
    });
  });

  it("prints back as written", () => {
    expectRoundTrip(`table owner: text -> text {\n  "Unassigned" -> empty\n  _            -> keep\n}\n`);
  });
});

describe("lookup match and ambiguous", () => {
  it("are items of a lookup", () => {
    expect(onlyDeclaration(`lookup owner in res.users by name { match initials  ambiguous fallback "admin"  missing flag }`)).toMatchObject({
      items: [
        { kind: "MatchRule", rule: n("initials") },
        { kind: "AmbiguousPolicy", policy: "fallback", fallback: s("admin") },
        { kind: "MissingPolicy", policy: "flag" },
      ],
    });
    expect(onlyDeclaration(`lookup owner in res.users by name { ambiguous first }`)).toMatchObject({ items: [{ kind: "AmbiguousPolicy", policy: "first" }] });
    expect(onlyDeclaration(`lookup seller in res.users by name { match surname_initial  ambiguous reject }`)).toMatchObject({
      items: [
        { kind: "MatchRule", rule: n("surname_initial") },
        { kind: "AmbiguousPolicy", policy: "reject" },
      ],
    });
  });

  it("prints back as written", () => {
    expectRoundTrip(`lookup owner in res.users by name { match loose  ambiguous reject  missing flag }\n`);
    expectRoundTrip(`lookup seller in res.users by name { match surname_initial  ambiguous first  missing flag }\n`);
  });
});

describe("| ref ALIAS optional", () => {
  it("marks the step optional", () => {
    expect(onlyDeclaration(`map P -> res.partner { parent_id <- org_id | ref org optional }`)).toMatchObject({
      body: [{ value: { kind: "PipeExpression", steps: [{ kind: "RefStep", alias: n("org"), optional: true }] } }],
    });
    expect(onlyDeclaration(`map P -> res.partner { parent_id <- org_id | ref org }`)).toMatchObject({
      body: [{ value: { steps: [{ kind: "RefStep", alias: n("org") }] } }],
    });
  });

  it("marks a split sibling's ref optional", () => {
    expect(onlyDeclaration(`split R { org: res.partner { name <- n }  person: res.partner { parent_id <- ref org optional } }`)).toMatchObject({
      targets: [{}, { body: [{ value: { kind: "RefExpression", alias: n("org"), optional: true } }] }],
    });
    expectRoundTrip(`split R {\n  person: res.partner {\n    parent_id <- ref org optional\n  }\n}\n`);
  });

  it("leaves `optional` the next statement's field", () => {
    expect(onlyDeclaration(`map P -> res.partner {\n parent_id <- org_id | ref org\n optional <- x\n}`)).toMatchObject({
      body: [{ field: n("parent_id") }, { field: n("optional") }],
    });
  });

  it("prints back as written", () => {
    expectRoundTrip(`map P -> res.partner {\n  parent_id <- org_id | ref org optional\n}\n`);
  });
});

describe('ref ALIAS "KEY" in a test', () => {
  it("is the record a map made from a key", () => {
    expect(onlyDeclaration(`test "t" { expect mail.activity { res_id ref contact "C-1" } }`)).toMatchObject({
      items: [{ kind: "ExpectRecord", values: [{ field: n("res_id"), value: { kind: "KeyReference", alias: n("contact"), key: s("C-1") } }] }],
    });
  });

  it("prints back as written", () => {
    expectRoundTrip(`test "t" {\n  expect mail.activity { res_id ref contact "C-1"  summary "Call" }\n}\n`);
  });

  it("reports a ref without its key", () => {
    expect(parse(`test "t" { expect mail.activity { res_id ref contact } }`, "t.flitmap").diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["FM101"]);
  });
});
