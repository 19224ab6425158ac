import { describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { allDiagnostics, analyze, applyFixes, diagnosticsOf } from "../helpers.js";

const BASE = `migration crm { source crm  target odoo "17.0"  xmlid "crm" }
source crm {
  entity Company "companies.csv" key id {
    id    text
    trade "Trade name" text unique ambiguous first
    vat   text unique
    city  text
  }
  entity Person "people.csv" key id {
    id      text
    name    text
    company text
    head    text
  }
}
map Company -> res.partner as company {
  name      <- trade
  vat       <- vat
  parent_id <- city | ref company by vat
}
`;

describe("FM307 ref_by_column", () => {
  it("accepts a unique column and carries its policy into the plan", () => {
    const extra = "map Person -> res.partner { name <- name  parent_id <- company | ref company by trade  ignore head }";
    expect(allDiagnostics(extra, { base: BASE }).filter((diagnostic) => diagnostic.includes(" error "))).toEqual([]);
    const plan = emitPlan(analyze({ "base.flitmap": BASE, "main.flitmap": extra }));
    const person = plan.steps.find((step) => step.entity === "Person");
    const parent = [...(person?.operations ?? []), ...(person?.deferred ?? [])].find((operation) => operation.field === "parent_id");
    expect(parent?.value).toMatchObject({ op: "ref", step: "company", by: { column: "trade", ambiguous: "first" } });
    const company = plan.steps.find((step) => step.entity === "Company");
    const head = [...(company?.operations ?? []), ...(company?.deferred ?? [])].find((operation) => operation.field === "parent_id");
    expect(head?.value).toMatchObject({ op: "ref", by: { column: "vat", ambiguous: "reject" } });
  });

  it("reports a column not declared unique, and offers to declare it", () => {
    const extra = "map Person -> res.partner { name <- name  parent_id <- company | ref company by city  ignore head }";
    expect(diagnosticsOf("FM307", extra, { base: BASE })).toEqual([
      "main.flitmap:1:81-1:85 error FM307 column city of Company is not declared `unique`: say so, and what a value several rows hold does (`unique` rejects the row naming it; `unique ambiguous first` or `last` takes one)",
    ]);
    const analysis = analyze({ "base.flitmap": BASE, "main.flitmap": extra });
    const fix = analysis.diagnostics.find((diagnostic) => diagnostic.code === "FM307")?.fixes?.[0];
    expect(fix?.title).toBe("Declare city unique");
    const edit = fix?.edits[0];
    expect(edit === undefined ? "" : BASE.slice(0, edit.range.start.offset) + edit.newText + BASE.slice(edit.range.end.offset)).toContain("city  text unique\n");
  });

  it("reports the key, which a plain ref uses, and offers to drop `by`", () => {
    const extra = "map Person -> res.partner { name <- name  parent_id <- company | ref company by id  ignore head }";
    expect(diagnosticsOf("FM307", extra, { base: BASE })).toEqual(["main.flitmap:1:81-1:83 error FM307 id is the key of Company: `| ref company` finds its rows by it"]);
    expect(applyFixes("FM307", extra, { base: BASE })).toEqual([
      "Drop `by id`\nmap Person -> res.partner { name <- name  parent_id <- company | ref company  ignore head }",
    ]);
  });

  it("reports a column the entity lacks as an unknown column", () => {
    const extra = "map Person -> res.partner { name <- name  parent_id <- company | ref company by trade_name  ignore head }";
    expect(diagnosticsOf("FM202", extra, { base: BASE })).toEqual(["main.flitmap:1:81-1:91 error FM202 entity Company has no column trade_name; did you mean `trade`?"]);
    expect(diagnosticsOf("FM307", extra, { base: BASE })).toEqual([]);
  });

  it("checks get(Entity.column by column) as it checks ref by: a unique column, not the key, and only on get", () => {
    const get = (by: string): string => `map Person -> res.partner { name <- name  vat <- company | get(Company.vat by ${by})  ignore head }`;
    expect(allDiagnostics(get("trade"), { base: BASE }).filter((diagnostic) => diagnostic.includes(" error "))).toEqual([]);
    const plan = emitPlan(analyze({ "base.flitmap": BASE, "main.flitmap": get("trade") }));
    const vat = plan.steps.find((step) => step.entity === "Person")?.operations.find((operation) => operation.field === "vat");
    expect(vat?.value).toMatchObject({ op: "get", entity: "Company", column: "vat", by: { column: "trade", ambiguous: "first" } });
    expect(diagnosticsOf("FM307", get("city"), { base: BASE })).toEqual([
      "main.flitmap:1:79-1:83 error FM307 column city of Company is not declared `unique`: say so, and what a value several rows hold does (`unique` rejects the row naming it; `unique ambiguous first` or `last` takes one)",
    ]);
    expect(applyFixes("FM307", get("id"), { base: BASE })).toEqual([
      "Drop `by id`\nmap Person -> res.partner { name <- name  vat <- company | get(Company.vat)  ignore head }",
    ]);
    expect(allDiagnostics(get("town"), { base: BASE }).filter((diagnostic) => diagnostic.includes(" error "))).toEqual([
      "main.flitmap:1:79-1:83 error FM202 entity Company has no column town",
    ]);
    expect(
      allDiagnostics("map Person -> res.partner { name <- name | truncate(5 by id)  ignore company, head }", { base: BASE }).filter((diagnostic) =>
        diagnostic.includes(" error "),
      ),
    ).toEqual(["main.flitmap:1:58-1:60 error FM304 `by COLUMN` names the row `get` reads (`| get(Company.vat by name)`): `truncate` takes no `by`"]);
  });
});
