/**
 * `returns FIELD` after a lookup's match fields (issue 16): the lookup gives that field of the
 * record it found (a user's partner) instead of the record. It parses to the declaration's
 * `returns`, prints back as written by `flitmap fmt`, and leaves `returns` a name elsewhere.
 */
import { describe, expect, it } from "vitest";
import { diagnosticsOf, format, n, onlyDeclaration, q } from "./helpers.js";

describe("lookup ... returns FIELD", () => {
  it("is the declaration's returned field, after its match fields and before its block", () => {
    expect(onlyDeclaration(`lookup owner_partner in res.users by login or email returns partner_id { missing flag }`)).toMatchObject({
      kind: "LookupDeclaration",
      name: n("owner_partner"),
      model: q("res.users"),
      matchFields: [n("login"), n("email")],
      joiners: ["or"],
      returns: n("partner_id"),
      items: [{ kind: "MissingPolicy", policy: "flag" }],
    });
  });

  it("is absent from a lookup that does not declare it", () => {
    expect(onlyDeclaration(`lookup owner in res.users by login`)).not.toHaveProperty("returns");
  });

  it("prints back as written, with and without a block", () => {
    const text = `lookup owner_partner in res.users by login returns partner_id\n\nlookup seller_partner in res.users by name returns partner_id {\n  match surname_initial\n  missing flag\n}\n`;
    expect(format(text)).toBe(text);
    expect(format(`lookup   owner_partner in res.users by login   returns  partner_id {missing flag}`)).toBe(
      `lookup owner_partner in res.users by login returns partner_id { missing flag }\n`,
    );
  });

  it("needs a field name after it", () => {
    expect(diagnosticsOf(`lookup owner_partner in res.users by login returns { missing flag }`).join("\n")).toMatch(/field name/);
  });

  it("stays a name: a column, a field and a lookup may be called returns", () => {
    expect(onlyDeclaration(`lookup returns in res.users by returns returns returns`)).toMatchObject({
      name: n("returns"),
      matchFields: [n("returns")],
      returns: n("returns"),
    });
    expect(onlyDeclaration(`map Deal -> crm.lead { name <- returns }`)).toMatchObject({
      body: [{ kind: "Assignment", field: n("name"), value: { kind: "ColumnPath", parts: [n("returns")] } }],
    });
  });
});
