import { describe, expect, it } from "vitest";
import { diagnosticsOf } from "../helpers.js";

describe("FM410 overwritten_by_odoo", () => {
  it("warns when a contact's address is written together with its parent", () => {
    expect(
      diagnosticsOf(
        "FM410",
        "map Contact -> res.partner { name <- first_name  email <- email  parent_id <- company_id | ref company }\nmap Company -> res.partner as company { name <- name  street <- domain  city <- status  parent_id <- parent_id | ref company }",
      ),
    ).toEqual([
      'main.flitmap:2:55-2:61 warning FM410 Odoo replaces street and city with the parent\'s address when parent_id is set and its type is "contact" (the default), so what is written here is lost for rows with a parent: write `type = "contact"` to share the parent\'s address, or another type ("other", "invoice", "delivery") to keep this one',
    ]);
  });

  it("is satisfied once the mapping decides the type, and silent without a parent", () => {
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
  });
});
