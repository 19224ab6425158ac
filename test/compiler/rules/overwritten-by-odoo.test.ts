import { describe, expect, it } from "vitest";
import { diagnosticsOf } from "../helpers.js";

const ADDRESS_LOST =
  'Odoo replaces street and city with the parent\'s address when parent_id is set and its type is "contact" (the default) and the parent has an address, so what is written here is lost for those rows: write the address only for rows without a parent (`street <- if <the parent_id value> is empty then ...`), or give rows with a parent another type ("other", "invoice", "delivery") to keep theirs';

describe("FM410 overwritten_by_odoo", () => {
  it("warns when a contact's address is written together with its parent", () => {
    expect(
      diagnosticsOf(
        "FM410",
        "map Contact -> res.partner { name <- first_name  email <- email  parent_id <- company_id | ref company }\nmap Company -> res.partner as company { name <- name  street <- domain  city <- status  parent_id <- parent_id | ref company }",
      ),
    ).toEqual([`main.flitmap:2:55-2:61 warning FM410 ${ADDRESS_LOST}`]);
  });

  it('warns when the type is written "contact": that is the type whose address Odoo replaces', () => {
    expect(
      diagnosticsOf(
        "FM410",
        'map Company -> res.partner as company { name <- name  type = "contact"  street <- domain  city <- status  parent_id <- parent_id | ref company }',
      ),
    ).toEqual([`main.flitmap:1:73-1:79 warning FM410 ${ADDRESS_LOST}`]);
  });

  it("is satisfied by another type, a type decided row by row, no parent, or an address written only without a parent", () => {
    expect(
      diagnosticsOf(
        "FM410",
        'map Company -> res.partner as company { name <- name  type = "other"  street <- domain  parent_id <- parent_id | ref company }\nmap Contact -> res.partner { name <- first_name  street <- email }',
      ),
    ).toEqual([]);
    expect(
      diagnosticsOf(
        "FM410",
        'map Company -> res.partner as company { name <- name  type <- if parent_id is present then "other" else "contact"  street <- domain  parent_id <- parent_id | ref company }',
      ),
    ).toEqual([]);
    expect(
      diagnosticsOf(
        "FM410",
        'map Company -> res.partner as company { name <- name  type = "contact"  street <- if parent_id | ref company is empty then domain  city <- if not (parent_id | ref company is present) then status  parent_id <- parent_id | ref company }',
      ),
    ).toEqual([]);
  });

  it("is satisfied when the parent is written only under a condition and the address only under its opposite", () => {
    expect(
      diagnosticsOf(
        "FM410",
        'map Company -> res.partner as company { name <- name  type = "contact"  parent_id <- if domain is present then ref company  street <- if domain is empty then status  city <- if not (domain is present) then status }',
      ),
    ).toEqual([]);
    expect(
      diagnosticsOf(
        "FM410",
        'map Company -> res.partner as company { name <- name  parent_id <- if status = "member" then parent_id | ref company  street <- if not (status = "member") then domain }',
      ),
    ).toEqual([]);
  });

  it("still warns when the address's condition does not exclude the parent's", () => {
    expect(
      diagnosticsOf(
        "FM410",
        'map Company -> res.partner as company { name <- name  parent_id <- if domain is present then ref company  street <- if status is empty then status }',
      ),
    ).toHaveLength(1);
  });

  it("still warns when the guard tests something else than the parent written", () => {
    expect(
      diagnosticsOf(
        "FM410",
        'map Company -> res.partner as company { name <- name  street <- if domain is empty then status  parent_id <- parent_id | ref company }',
      ),
    ).toEqual([
      'main.flitmap:1:55-1:61 warning FM410 Odoo replaces street with the parent\'s address when parent_id is set and its type is "contact" (the default) and the parent has an address, so what is written here is lost for those rows: write the address only for rows without a parent (`street <- if <the parent_id value> is empty then ...`), or give rows with a parent another type ("other", "invoice", "delivery") to keep theirs',
    ]);
  });

  it("warns when a contact's commercial fields are written: Odoo gives it its company's", () => {
    expect(diagnosticsOf("FM410", "map Contact -> res.partner { name <- first_name  vat <- email  parent_id <- company_id | ref company }\nmap Company -> res.partner as company { name <- name }")).toEqual([
      "main.flitmap:1:50-1:53 warning FM410 Odoo replaces vat with its company's (its commercial entity's) when parent_id is set and it is not a company itself, so what is written here is lost for those rows: write these on the company: Odoo gives every contact of a company the company's",
    ]);
    expect(
      diagnosticsOf("FM410", "map Company -> res.partner as company { name <- name  is_company = true  vat <- domain  parent_id <- parent_id | ref company }"),
    ).toEqual([]);
  });
});
