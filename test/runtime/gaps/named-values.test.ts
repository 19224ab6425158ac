/**
 * Named values (issue 16, the carteira package): a value computed once per row and read by several
 * fields, `let company <- empresa | ref empresa by nome_fantasia`, where the specialist repeated
 * the whole pipeline in six fields. Run into the Odoo double and read back: every field that
 * reads the let gets what it computes, row by row.
 */
import { afterAll, describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { analyze } from "../../compiler/helpers.js";
import { liveExport, runLive, stateByXmlid } from "../support.js";

const PACKAGE = `migration crm { source crm  target odoo "17.0"  xmlid "crm" }
source crm {
  entity Empresa "empresas.csv" key id {
    id            text
    nome_fantasia text required unique
  }
  entity Pessoa "pessoas.csv" key id {
    id      text
    nome    text
    cpf     text
    cidade  text
    empresa text
  }
}
map Empresa -> res.partner as empresa {
  is_company = true
  name       <- nome_fantasia
}
map Pessoa -> res.partner as pessoa {
  let company <- empresa | ref empresa by nome_fantasia
  let cleaned <- nome | trim | title
  name      <- cleaned
  ref       <- \`{cleaned | upper} {id}\`
  parent_id <- company
  vat       <- if company is empty then cpf
  comment   <- if company is present then cpf
  city      <- if company is empty then cidade
}
`;

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("let", () => {
  it("computes a value once per row that several fields read", async () => {
    const plan = emitPlan(analyze({ "main.flitmap": PACKAGE }));
    const { double, state, source, cleanup } = await liveExport("let", {
      "empresas.csv": "id,nome_fantasia\nE1,Jardins\n",
      "pessoas.csv": "id,nome,cpf,cidade,empresa\nP1,  carlos lima ,990.552.133-06,Americana,\nP2,renata carvalho,095.157.110-96,Campinas,jardins\n",
    });
    cleanups.push(cleanup);
    const result = await runLive(plan, double, state, { sourceDirectory: source });
    expect(result.status).toBe("complete");
    expect(result.rejects).toEqual([]);
    const people = stateByXmlid(double, plan);
    expect(people["crm.pessoa_P1"]).toMatchObject({ name: "Carlos Lima", ref: "CARLOS LIMA P1", parent_id: null, vat: "990.552.133-06", city: "Americana" });
    expect(people["crm.pessoa_P2"]).toMatchObject({ name: "Renata Carvalho", ref: "RENATA CARVALHO P2", parent_id: "crm.empresa_E1", comment: "095.157.110-96" });
    // Odoo reads a field written empty as false.
    expect(people["crm.pessoa_P2"]?.["vat"] ?? false).toBe(false);
    expect(people["crm.pessoa_P2"]?.["city"] ?? false).toBe(false);
  });
});
