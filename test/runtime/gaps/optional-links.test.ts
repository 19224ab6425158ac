/**
 * `ref … optional` (issue 16, gap 8): a person-only relation links to an organisation its split
 * does not make, as the mapping allows. Without `optional` every such row told it in a note of its
 * own ("org … was not loaded (skipped by its condition)", and "the value after ?? was used" behind
 * a `??`); with it the run says it once per field, with the count, and a link to a row that was
 * rejected or is not in the export is still a problem.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { runPlan } from "../../../runtime/execute/run.js";
import { decisionLines } from "../../../runtime/lifecycle/decisions.js";
import { DryRunTarget } from "../../../runtime/targets/dry-run-target.js";
import { analyze } from "../../compiler/helpers.js";

const PACKAGE = (optional: string): string => `migration pv { source pv  target odoo "17.0"  xmlid "pv" }
source pv {
  entity Relation "relaties.csv" key id { id text  company text  person text  parent_id text references Relation }
}
split Relation {
  org: res.partner when company is present {
    is_company = true
    name       <- company
  }
  person: res.partner when person is present {
    name      <- person
    parent_id <- ref org${optional}
    comment   <- (parent_id | ref org${optional} | text) ?? "no parent"
  }
}
`;

const EXPORT = "id,company,person,parent_id\nR1,Acme,Ann,\nR2,,Bob,R1\nR3,,Cas,R1\nR4,,Dee,R9\n";

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

async function notesOf(optional: string): Promise<{ kind: string; field: string; count: number; examples: readonly string[] }[]> {
  const directory = mkdtempSync(join(tmpdir(), "flitmap-optional-"));
  directories.push(directory);
  writeFileSync(join(directory, "relaties.csv"), EXPORT);
  const plan = emitPlan(analyze({ "main.flitmap": PACKAGE(optional) }));
  const result = await runPlan({ plan, sourceDirectory: directory, target: new DryRunTarget() });
  expect(result.entities.map((entity) => [entity.entity, entity.loaded, entity.rejected])).toEqual([["Relation", 4, 0]]);
  return result.notes.map((note) => ({ kind: note.kind, field: note.field, count: note.count, examples: note.examples }));
}

describe("optional links", () => {
  it("are told row by row without `optional`", async () => {
    expect(await notesOf("")).toEqual([
      {
        kind: "dangling-reference",
        field: "parent_id",
        count: 3,
        examples: [
          'org "R2" was not loaded (skipped by its condition)',
          'org "R3" was not loaded (skipped by its condition)',
          'org "R4" was not loaded (skipped by its condition)',
        ],
      },
      {
        kind: "dangling-reference",
        field: "comment",
        count: 1,
        examples: ['org "R9" does not exist in the export; the value after `??` was used'],
      },
    ]);
  });

  it("are said once per field with `optional`, and a key the export lacks is still told", async () => {
    const notes = await notesOf(" optional");
    expect(notes).toEqual([
      { kind: "optional-link", field: "parent_id", count: 3, examples: ["org made no record from the row (an optional link)"] },
      { kind: "dangling-reference", field: "comment", count: 1, examples: ['org "R9" does not exist in the export; the value after `??` was used'] },
    ]);
    const plan = emitPlan(analyze({ "main.flitmap": PACKAGE(" optional") }));
    expect(decisionLines(notes.map((note) => ({ ...note, step: "person" })) as never, plan)[0]).toBe(
      "person.parent_id: 3 rows link to a record the mapping did not make for them (an optional `ref`); the field was left empty (parent_id <- ref org optional)",
    );
  });
});
