import { describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { allDiagnostics, analyze, diagnosticsOf } from "../helpers.js";

const BASE = `migration crm { source crm  target odoo "17.0"  xmlid "crm" }
source crm {
  entity Person "people.csv" key id {
    id       text
    name     text
    employer text
    town     text
  }
}
lookup partner_in_city in res.partner by name and city { missing flag }
`;

describe("FM309 lookup_fields", () => {
  it("accepts a list of one value per field, and plans the lookup as matching them together, not item by item", () => {
    const extra = "map Person -> res.partner { name <- name  parent_id <- [employer, town] | partner_in_city }";
    expect(allDiagnostics(extra, { base: BASE }).filter((diagnostic) => diagnostic.includes(" error "))).toEqual([]);
    const plan = emitPlan(analyze({ "base.flitmap": BASE, "main.flitmap": extra }));
    expect(plan.lookups.find((lookup) => lookup.name === "partner_in_city")).toMatchObject({ matchFields: ["name", "city"], together: true });
    const parent = plan.steps[0]?.operations.find((operation) => operation.field === "parent_id");
    expect(parent?.value).toMatchObject({ op: "lookup", lookup: "partner_in_city", itemwise: false, type: "record:res.partner" });
  });

  it("reports one value where the fields want a list, and a list of another length", () => {
    const single = "map Person -> res.partner { name <- name  parent_id <- employer | partner_in_city  ignore town }";
    expect(diagnosticsOf("FM309", single, { base: BASE })).toEqual([
      "main.flitmap:1:67-1:82 error FM309 lookup partner_in_city matches name and city together: give it a list of 2 values in the order of its fields, `[name, city] | partner_in_city`, not text",
    ]);
    const three = "map Person -> res.partner { name <- name  parent_id <- [employer, town, name] | partner_in_city }";
    expect(diagnosticsOf("FM309", three, { base: BASE })).toEqual([
      "main.flitmap:1:81-1:96 error FM309 lookup partner_in_city matches name and city together: give it a list of 2 values in the order of its fields, `[name, city] | partner_in_city`, not 3",
    ]);
  });

  it("reports `and` mixed with `or`, and a match rule that reads one name", () => {
    const extra = `lookup mixed in res.partner by name and city or email { missing flag }
lookup named in res.partner by name and city { match initials  missing flag }
map Person -> res.partner { name <- name  parent_id <- [employer, town] | named  ignore town }`;
    expect(diagnosticsOf("FM309", extra, { base: BASE })).toEqual([
      "main.flitmap:1:49-1:54 error FM309 lookup mixed joins its fields with both `and` and `or`: `and` matches all of them together, `or` each in turn; declare two lookups",
      "main.flitmap:2:48-2:62 error FM309 `match initials` reads one value as a person's name; lookup named matches 2 fields together: use `match exact` or `match loose`",
    ]);
  });
});
