import { describe, expect, it } from "vitest";
import { applyFixes, diagnosticsOf } from "../helpers.js";

describe("FM414 possibly_empty_required", () => {
  it("reports a contact's name read from a column that can be blank", () => {
    expect(diagnosticsOf("FM414", "map Contact -> res.partner { name <- last_name }")).toEqual([
      'main.flitmap:1:38-1:47 warning FM414 res.partner\'s name comes from `last_name`, which can be blank, and Odoo refuses such a record ("Contacts require a name", when type is "contact" (the default); delivery, invoice and other addresses may be nameless): the run rejects those rows. Say what should happen: `| required` to reject them with the column named, a fallback with `??`, or a `when` on the map',
    ]);
  });

  it("reports every part of a template or fallback being blankable, and a filter that keeps the blank", () => {
    expect(diagnosticsOf("FM414", 'map Contact -> res.partner { name <- `{first_name}{last_name}` }')).toHaveLength(1);
    expect(diagnosticsOf("FM414", "map Contact -> res.partner { name <- first_name ?? last_name }")).toHaveLength(1);
    expect(diagnosticsOf("FM414", "map Contact -> res.partner { name <- last_name | trim }")).toHaveLength(1);
    // Spaces alone are no name: the runtime reads them as blank.
    expect(diagnosticsOf("FM414", 'map Contact -> res.partner { name <- `{first_name} {last_name}` }')).toHaveLength(1);
  });

  it("accepts a name that cannot be blank: a required or key column, a literal fallback, | required, a when that tests it", () => {
    expect(diagnosticsOf("FM414", "map Company -> res.partner { name <- name }")).toEqual([]);
    expect(diagnosticsOf("FM414", "map Contact -> res.partner { name <- id }")).toEqual([]);
    expect(diagnosticsOf("FM414", 'map Contact -> res.partner { name <- last_name ?? "(no name)" }')).toEqual([]);
    expect(diagnosticsOf("FM414", 'map Contact -> res.partner { name <- `{first_name} {last_name} ({id})` }')).toEqual([]);
    expect(diagnosticsOf("FM414", "map Contact -> res.partner { name <- last_name | required }")).toEqual([]);
    expect(diagnosticsOf("FM414", "map Contact -> res.partner when last_name is present { name <- last_name }")).toEqual([]);
    expect(diagnosticsOf("FM414", 'map Contact -> res.partner when email != "" and last_name is present { name <- last_name | trim }')).toEqual([]);
    expect(diagnosticsOf("FM414", 'map Contact -> res.partner { name <- if last_name is present then last_name else "?" }')).toEqual([]);
  });

  it("accepts a nameless address, which Odoo allows", () => {
    expect(diagnosticsOf("FM414", 'map Contact -> res.partner { type = "delivery"  name <- last_name }')).toEqual([]);
  });

  it("leaves models without such a constraint alone", () => {
    expect(diagnosticsOf("FM414", "map Deal -> crm.lead { name <- name }")).toEqual([]);
  });

  it("offers a fix: the fix rejects the blank rows with the column named", () => {
    expect(applyFixes("FM414", "map Contact -> res.partner { name <- last_name }")).toEqual([
      "Reject rows where it is blank (| required)\nmap Contact -> res.partner { name <- last_name | required }",
    ]);
    expect(applyFixes("FM414", "map Contact -> res.partner { name <- first_name ?? last_name }")).toEqual([
      "Reject rows where it is blank (| required)\nmap Contact -> res.partner { name <- (first_name ?? last_name) | required }",
    ]);
  });
});
