/**
 * A partner may not become its own ancestor (Odoo: "You cannot create recursive Partner
 * hierarchies.", recorded on 17.0, 18.0 and 19.0; issue 16, gap 10). Parents are self-references,
 * written in the second pass; the write that would close a cycle is the one Odoo refuses, and a
 * dry run, import files and a live load into the double all reject the same rows with that reason.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { runPlan } from "../../../runtime/execute/run.js";
import { DryRunTarget } from "../../../runtime/targets/dry-run-target.js";
import { FilesTarget } from "../../../runtime/targets/files-target.js";
import { startOdooDouble } from "../../odoo-double/server.js";
import { runLive, stateByXmlid } from "../support.js";
import { analyze } from "../../compiler/helpers.js";

const PACKAGE = `migration pb { source pb  target odoo "17.0"  xmlid "pb" }
source pb {
  entity Person "people.csv" key id { id text  name text required  manager_id text references Person }
}
map Person -> res.partner as person {
  name      <- name
  parent_id <- manager_id | ref person
}
`;

// P1 -> P2 -> P3 -> P1 is a cycle its last link closes; P4 is its own parent; P5 hangs below the cycle.
const EXPORT = "id,name,manager_id\nP1,Ann,P2\nP2,Bob,P3\nP3,Cy,P1\nP4,Di,P4\nP5,Ed,P1\n";
const REASON = 'second pass: Odoo refuses the record: "You cannot create recursive Partner hierarchies." (parent_id would make it its own ancestor)';

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

function exportFolder(): string {
  const directory = mkdtempSync(join(tmpdir(), "flitmap-hierarchy-"));
  directories.push(directory);
  writeFileSync(join(directory, "people.csv"), EXPORT);
  return directory;
}

describe("a partner hierarchy with a cycle", () => {
  const plan = emitPlan(analyze({ "main.flitmap": PACKAGE }));

  it("is in the plan of the step that writes parent_id", () => {
    expect(plan.steps[0]?.constraints).toContainEqual({ kind: "acyclic", field: "parent_id", message: "You cannot create recursive Partner hierarchies." });
  });

  for (const mode of ["dry run", "import files"] as const) {
    it(`rejects the rows whose parent would close a cycle, in a ${mode}`, async () => {
      const out = mkdtempSync(join(tmpdir(), "flitmap-hierarchy-out-"));
      directories.push(out);
      const target = mode === "dry run" ? new DryRunTarget() : new FilesTarget(out, "pb");
      const result = await runPlan({ plan, sourceDirectory: exportFolder(), target });
      expect(result.rejects.map((reject) => [reject.key, reject.reason])).toEqual([
        ["P3", REASON],
        ["P4", REASON],
      ]);
    });
  }

  it("rejects the same rows in a live load, and Odoo keeps every other link", async () => {
    const double = await startOdooDouble({ version: "17.0" });
    const state = mkdtempSync(join(tmpdir(), "flitmap-hierarchy-state-"));
    directories.push(state);
    try {
      const result = await runLive(plan, double, state, { sourceDirectory: exportFolder() });
      expect(result.rejects.map((reject) => [reject.key, reject.reason])).toEqual([
        ["P3", REASON],
        ["P4", REASON],
      ]);
      const loaded = stateByXmlid(double, plan);
      const parent = (key: string): unknown => loaded[`pb.person_${key}`]?.["parent_id"];
      expect(["P1", "P2", "P3", "P4", "P5"].map(parent)).toEqual(["pb.person_P2", "pb.person_P3", null, null, "pb.person_P1"]);
    } finally {
      await double.stop();
    }
  });
});
