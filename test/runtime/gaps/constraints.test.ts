/**
 * Odoo's constraints beyond fields_get's `required` (issue 16, gap 10), kept in
 * compiler/catalog/constraints.ts from recordings of real servers: a partner without a name
 * ("Contacts require a name", unless it is an address) and a lead's probability outside 0-100
 * are rejected with Odoo's message by a dry run and by import files, where they used to pass until
 * a live load refused them; the plan carries them to the steps that write the fields.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { runPlan } from "../../../runtime/execute/run.js";
import { DryRunTarget } from "../../../runtime/targets/dry-run-target.js";
import { FilesTarget } from "../../../runtime/targets/files-target.js";
import { analyze } from "../../compiler/helpers.js";

const PACKAGE = `migration pv { source pv  target odoo "17.0"  xmlid "pv" }
source pv {
  entity Relation "relaties.csv" key id { id text  name text  kind text  chance decimal }
}
table address_type: text -> text { "Factuur" -> "invoice"  _ -> "contact" }
map Relation -> res.partner {
  name <- name
  type <- kind | address_type
}
map Relation -> crm.lead as lead when chance is present {
  name        <- name ?? "Lead"
  probability <- chance
}
`;

const EXPORT = "id,name,kind,chance\nR1,Acme,,\nR2,,,\nR3,,Factuur,\nR4,Bolt,,150\n";

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

function scratch(): string {
  const directory = mkdtempSync(join(tmpdir(), "flitmap-constraints-"));
  directories.push(directory);
  return directory;
}

describe("Odoo's constraints in a run that writes nothing to Odoo", () => {
  it("are in the plan of the steps that write the fields", () => {
    const plan = emitPlan(analyze({ "main.flitmap": PACKAGE }));
    expect(plan.steps.map((step) => [step.id, step.constraints])).toEqual([
      [
        "relation",
        [{ kind: "required", field: "name", message: "Contacts require a name", appliesWhen: { field: "type", values: ["contact"], byDefault: true } }],
      ],
      ["lead", [{ kind: "range", field: "probability", min: 0, max: 100, message: "The probability of closing the deal should be between 0% and 100%!" }]],
    ]);
  });

  for (const mode of ["dry run", "import files"] as const) {
    it(`reject what Odoo would refuse, with its message, in a ${mode}`, async () => {
      const source = scratch();
      writeFileSync(join(source, "relaties.csv"), EXPORT);
      const out = scratch();
      const target = mode === "dry run" ? new DryRunTarget() : new FilesTarget(out, "pv");
      const result = await runPlan({ plan: emitPlan(analyze({ "main.flitmap": PACKAGE })), sourceDirectory: source, target });
      expect(result.rejects.map((reject) => [reject.key, reject.step, reject.reason])).toEqual([
        ["R2", "relation", 'Odoo refuses the record: "Contacts require a name" (name is empty)'],
        ["R4", "lead", 'Odoo refuses the record: "The probability of closing the deal should be between 0% and 100%!" (probability is 150)'],
      ]);
      if (mode === "import files") {
        const partners = readdirSync(out).find((name) => name.includes("res.partner"));
        // The nameless invoice address is Odoo's to accept: only the contact without a name is left out.
        expect(readFileSync(join(out, partners ?? ""), "utf8")).toBe(
          "id,name,type\r\npv.relation_R1,Acme,\r\npv.relation_R3,,invoice\r\npv.relation_R4,Bolt,\r\n",
        );
      }
    });
  }
});
