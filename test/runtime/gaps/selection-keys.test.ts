/**
 * A custom selection field whose keys start with a digit (`"1_10"`, a Brazilian CRM's company
 * size), written as quoted keys: the checker knows them (a wrong key is still reported), the plan
 * creates them, and a migrated row carries the key.
 */
import { describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { runPlanTests } from "../../../runtime/testing/plan-tests.js";
import { analyze } from "../../compiler/helpers.js";

const PACKAGE = `migration sk { source sk  target odoo "17.0"  xmlid "sk" }
source sk {
  entity Empresa "empresas.csv" key id {
    id    text required
    nome  text required
    porte text
  }
}
table porte: text -> text {
  "1 a 10"   -> "1_10"
  "11 a 50"  -> "11_50"
  _          -> "51_mais"
}
extend res.partner {
  x_porte selection "Porte" { "1_10" "1 a 10"  "11_50" "11 a 50"  "51_mais" "Mais de 50" }
}
map Empresa -> res.partner {
  name    <- nome
  x_porte <- porte | porte
}
test "a key starting with a digit is the value Odoo stores" {
  given Empresa { id "E1"  nome "Alvorada"  porte "11 a 50" }
  expect res.partner { name "Alvorada"  x_porte "11_50" }
}
`;

describe("selection keys starting with a digit", () => {
  it("are checked, planned and migrated as written", async () => {
    const plan = emitPlan(analyze({ "main.flitmap": PACKAGE }));
    const field = plan.setup.customFields.find((candidate) => candidate.name === "x_porte");
    expect(field?.selection).toEqual([
      { value: "1_10", label: "1 a 10" },
      { value: "11_50", label: "11 a 50" },
      { value: "51_mais", label: "Mais de 50" },
    ]);
    const results = await runPlanTests(plan);
    expect(results.map((result) => [result.name, result.failures])).toEqual([["a key starting with a digit is the value Odoo stores", []]]);
  });

  it("still report a key the field does not have", () => {
    const wrong = PACKAGE.replace('_          -> "51_mais"', '_          -> "51+"');
    const reported = analyze({ "main.flitmap": wrong }).diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`);
    expect(reported.filter((line) => line.includes("51+"))).toHaveLength(1);
  });
});
