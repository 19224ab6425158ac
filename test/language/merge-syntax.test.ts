/**
 * One record from two systems (issue 16, Adresář's gap 5): `merge onto EXPRESSION [overwrite
 * field, ...]` after a map's head writes the rows whose expression finds another map's record onto
 * that record. It parses to its node, prints back, and leaves `merge`, `onto` and `overwrite`
 * names everywhere else.
 */
import { describe, expect, it } from "vitest";
import { diagnosticsOf, format, n, onlyDeclaration } from "./helpers.js";

describe("merge onto: a map's rows written onto another map's records", () => {
  it("is part of the map's head, after `when`, holding the record expression and the fields it overwrites", () => {
    expect(
      onlyDeclaration(
        `map Firma -> res.partner as firma when id is present merge onto ico | ref adresa by ic ?? nazev | ref adresa by firma overwrite user_id, industry_id { name <- nazev }`,
      ),
    ).toMatchObject({
      kind: "MapDeclaration",
      when: { kind: "IsExpression" },
      merge: {
        kind: "MergeClause",
        onto: { kind: "CoalesceExpression" },
        overwrite: [n("user_id"), n("industry_id")],
      },
      body: [{ kind: "Assignment", field: n("name") }],
    });
  });

  it("overwrites nothing unless told", () => {
    expect(onlyDeclaration(`map F -> res.partner merge onto ico | ref adresa by ic { name <- nazev }`)).toMatchObject({
      merge: { onto: { kind: "PipeExpression" }, overwrite: [] },
    });
  });

  it("leaves `merge`, `onto` and `overwrite` field and column names", () => {
    expect(onlyDeclaration(`map P -> res.partner { merge <- onto  overwrite <- x }`)).toMatchObject({
      body: [
        { kind: "Assignment", field: n("merge") },
        { kind: "Assignment", field: n("overwrite") },
      ],
    });
  });

  it("needs `onto` and a record", () => {
    expect(diagnosticsOf(`map F -> res.partner merge ico { name <- nazev }`).length).toBeGreaterThan(0);
  });

  it("prints back on the map's head, a long one broken as a long `when` is", () => {
    const short = `map F -> res.partner as f merge onto ico | ref a by ic overwrite user_id, industry_id {\n  name <- nazev\n}\n`;
    expect(format(short)).toBe(short);
    const long = format(
      `map Firma -> res.partner as firma merge onto ico | ref adresa by ic ?? nazev | ref adresa by firma overwrite user_id, industry_id { name <- nazev }`,
    );
    expect(long).toBe(
      `map Firma -> res.partner as firma merge onto ico | ref adresa by ic\n  ?? nazev | ref adresa by firma overwrite user_id, industry_id {\n  name <- nazev\n}\n`,
    );
    expect(format(long)).toBe(long);
  });
});
