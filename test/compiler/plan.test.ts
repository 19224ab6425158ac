import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { emitPlan, PlanEmissionError, serializePlan } from "../../compiler/plan/emit.js";
import { Plan } from "../../compiler/plan/schema.js";
import { analyze, BASE } from "./helpers.js";

const GOLDEN = join(import.meta.dirname, "golden");
const UPDATE = process.env["FLITMAP_UPDATE_GOLDEN"] === "1";

describe("golden plans", () => {
  for (const name of readdirSync(GOLDEN)) {
    it(`${name} compiles to its golden plan, byte for byte`, () => {
      const directory = join(GOLDEN, name);
      const text = serializePlan(emitPlan(analyzeDirectory(directory)));
      const expectedPath = join(directory, "plan.expected.json");
      if (UPDATE) writeFileSync(expectedPath, text);
      expect(text).toBe(readFileSync(expectedPath, "utf8"));
      // The same input gives the same bytes.
      expect(serializePlan(emitPlan(analyzeDirectory(directory)))).toBe(text);
      expect(Plan.safeParse(JSON.parse(text)).success).toBe(true);
    });
  }
});

describe("plan emission", () => {
  it("carries what a run does with records whose source row is gone: archive or report, absent when the package says nothing", () => {
    const main = "map Company -> res.partner { name <- name  ignore domain, parent_id, owner_email, employees, status, modified_at }";
    const migrationOf = (deleted: string): Plan["migration"] =>
      emitPlan(analyze({ "base.flitmap": BASE.replace('xmlid "pb"', `xmlid "pb"${deleted}`), "main.flitmap": main })).migration;
    expect(migrationOf("\n  deleted archive")).toEqual({ name: "pb", namespace: "pb", deleted: "archive" });
    expect(migrationOf("\n  deleted report")).toEqual({ name: "pb", namespace: "pb", deleted: "report" });
    expect(migrationOf("")).toEqual({ name: "pb", namespace: "pb" });
  });

  it("refuses a package with errors", () => {
    const analysis = analyze({ "base.flitmap": BASE, "main.flitmap": "map Compnay -> res.partner { name <- name }" });
    expect(() => emitPlan(analysis)).toThrow(PlanEmissionError);
  });

  it("leaves out a map its `if` switches off, and says so where another map still points to it", () => {
    const base = BASE.replace('xmlid "pb"', 'xmlid "pb"\n  setting links "text"');
    const tags =
      'map Company -> res.partner.category as company_tag if setting links = "categories" { name <- name  ignore domain, parent_id, owner_email, employees, status }';
    const guarded =
      'map Contact -> res.partner { name <- first_name  if setting links = "categories" { category_id <- company_id | ref company_tag } else { comment <- company_id } }';
    const steps = (settings: Record<string, string>): string[] =>
      emitPlan(analyze({ "base.flitmap": base, "main.flitmap": `${tags}\n${guarded}` }, { settings })).steps.map((step) => step.id);
    expect(steps({})).toEqual(["contact"]);
    expect(steps({ links: "categories" })).toEqual(["company_tag", "contact"]);

    const unguarded = "map Contact -> res.partner { name <- first_name  category_id <- company_id | ref company_tag }";
    const diagnostics = analyze({ "base.flitmap": base, "main.flitmap": `${tags}\n${unguarded}` }).diagnostics.map(
      (diagnostic) => `${diagnostic.code} ${diagnostic.message}`,
    );
    expect(diagnostics).toContain(
      'FM203 company_tag loads nothing here: its map runs only if setting links = "categories"; put this under the same `if setting links = "categories" { ... }`',
    );
  });

  it("orders steps by dependency and defers self-references to a second pass", () => {
    const analysis = analyze({
      "base.flitmap": BASE,
      "main.flitmap": [
        "map Deal -> crm.lead { name <- name  partner_id <- contact_id | ref contact  ignore amount, stage, close_date }",
        "map Contact -> res.partner as contact { name <- `{first_name} {last_name}`  email <- email  parent_id <- company_id | ref company }",
        "map Company -> res.partner as company { name <- name  website <- domain | url  parent_id <- parent_id | ref company  ignore owner_email, employees, status }",
      ].join("\n"),
    });
    const plan = emitPlan(analysis);
    expect(plan.steps.map((step) => [step.id, step.dependsOn, step.deferred.map((operation) => operation.field)])).toEqual([
      ["company", [], ["parent_id"]],
      ["contact", ["company"], []],
      ["deal", ["contact"], []],
    ]);
  });

  it("reads one instance of a column group under the name the source reader gives it", () => {
    const base = `migration pv { source pv  target odoo "17.0" }
source pv {
  entity Relation "relaties.csv" key id {
    id text
    company_name text
    group contact[1..3] { name "Contactpersoon {n}" text  phone "Telefoon {n}" text }
  }
}
split Relation {
  relation: res.partner {
    is_company <- company_name is present
    name       <- (company_name ?? contact[1].name) | required
    mobile     <- if company_name is empty then contact[1].phone
  }
  person: res.partner for each contact when company_name is present and contact.name is present {
    name      <- contact.name
    mobile    <- contact.phone
    parent_id <- ref relation
  }
}`;
    const analysis = analyze({ "main.flitmap": base });
    expect(analysis.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`)).toEqual([]);
    const relation = emitPlan(analysis).steps.find((step) => step.id === "relation");
    const name = relation?.operations.find((operation) => operation.field === "name");
    expect(name?.value).toEqual({
      op: "call",
      type: "text",
      builtin: "required",
      itemwise: false,
      args: [],
      input: {
        op: "coalesce",
        type: "text",
        operands: [
          { op: "column", type: "text", column: "company_name" },
          { op: "column", type: "text", column: "contact[1].name" },
        ],
      },
    });
  });

  it("reports an instance a column group does not have, a group read whole and a column it lacks", () => {
    const base = `migration pv { source pv  target odoo "17.0" }
source pv {
  entity Relation "relaties.csv" key id { id text  group contact[1..3] { name "Contactpersoon {n}" text } }
}
map Relation -> res.partner { name <- contact[4].name  comment <- contact[1]  function <- contact[2].role  ref <- contacts[1].name }`;
    expect(analyze({ "main.flitmap": base }).diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`)).toEqual([
      "FM501 column contact.name of Relation is read by no mapping, so its data would be lost: map it, or write `ignore contact.name` in a map of Relation",
      "FM304 the column group contact has instances 1 to 3, not 4",
      "FM304 contact[1] is one instance of a column group: read one of its columns, e.g. `contact[1].name`",
      "FM202 group contact has no column contact[2].role",
      "FM203 entity Relation has no column group contacts; did you mean `contact`?",
    ]);
  });

  it("gives child steps their parent, the one2many and its inverse field", () => {
    const base = `migration pv { source pv  target odoo "17.0" }
source pv {
  entity Quote "quotes.csv" key number { number text  customer text }
  entity QuoteLine "lines.csv" key (quote, line) { quote text  line integer  product text  quantity decimal }
}
map Quote -> sale.order as quote {
  partner_id <- customer | ref partner
  order_line <- each QuoteLine by quote as quote_line {
    name            <- product
    product_uom_qty <- quantity
    price_unit      = 0
    customer_lead   = 0
    ignore line
  }
}
map Quote -> res.partner as partner { name <- customer }`;
    const analysis = analyze({ "main.flitmap": base });
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    const plan = emitPlan(analysis);
    expect(plan.steps.map((step) => ({ id: step.id, kind: step.kind, model: step.model, parent: step.parent, dependsOn: step.dependsOn }))).toEqual([
      { id: "partner", kind: "map", model: "res.partner", parent: undefined, dependsOn: [] },
      { id: "quote", kind: "map", model: "sale.order", parent: undefined, dependsOn: ["partner"] },
      {
        id: "quote_line",
        kind: "child",
        model: "sale.order.line",
        parent: { step: "quote", field: "order_line", inverse: "order_id", by: "quote" },
        dependsOn: ["quote"],
      },
    ]);
  });
});
