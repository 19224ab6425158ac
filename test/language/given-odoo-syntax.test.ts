/**
 * A test's records of the target Odoo (issue 16's carteira package): `given odoo MODEL { ... }`
 * holds a record the package's lookups find in a test, which runs without an Odoo. It parses to
 * its node, prints back as written, and leaves `given odoo { ... }` a row of an entity named odoo.
 */
import { describe, expect, it } from "vitest";
import { format, n, onlyDeclaration, q, s } from "./helpers.js";

describe("given odoo MODEL { ... }", () => {
  it("is a test item holding the model and the record's values", () => {
    expect(onlyDeclaration(`test "t" { given odoo res.users { name "Ana Paula Ferreira"  login "ana@example.com" } }`)).toMatchObject({
      items: [{ kind: "GivenOdooRecord", model: q("res.users"), values: [{ field: n("name"), value: s("Ana Paula Ferreira") }, { field: n("login") }] }],
    });
  });

  it("leaves `given odoo { ... }` a row of the entity odoo", () => {
    expect(onlyDeclaration(`test "t" { given odoo { id "1" } }`)).toMatchObject({ items: [{ kind: "GivenRow", entity: n("odoo") }] });
  });

  it("prints back as written", () => {
    const text = `test "t" {\n  given odoo res.users { name "Ana Paula Ferreira"  login "ana@example.com" }\n  given Company { id "1"  owner "Ana Paula F." }\n  expect res.partner { user_id "Ana Paula Ferreira" }\n}\n`;
    expect(format(text)).toBe(text);
  });
});
