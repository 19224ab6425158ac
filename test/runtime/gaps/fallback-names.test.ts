/**
 * A name looked for in one entity, then another (`firma | ref cari by kisa_adi ?? firma | ref
 * aday`, the Defter family's gap 6): a prospect's people left one note each that no card had the
 * prospect's name, "the value after `??` was used", although the prospect was linked and nothing
 * was lost. A name one entity does not hold is an answer in such a chain, not a problem; a name
 * neither holds, and a key the export lacks, are still told.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { runPlan } from "../../../runtime/execute/run.js";
import { DryRunTarget } from "../../../runtime/targets/dry-run-target.js";
import { analyze } from "../../compiler/helpers.js";

const PACKAGE = `migration defter { source defter  target odoo "17.0"  xmlid "defter" }
source defter {
  entity Cari "cari.csv" key kod { kod text  kisa_adi text required unique }
  entity Aday "adaylar.csv" key firma { firma text }
  entity Kisi "kisiler.csv" key id { id text  name text required  firma text  amir text references Kisi }
}
map Cari -> res.partner as cari { is_company = true  name <- kisa_adi }
map Aday -> res.partner as aday { is_company = true  name <- firma }
map Kisi -> res.partner as kisi {
  name      <- name
  parent_id <- firma | ref cari by kisa_adi ?? firma | ref aday
  comment   <- (amir | ref kisi | text) ?? "no manager"
}
`;

const FILES: Readonly<Record<string, string>> = {
  "cari.csv": "kod,kisa_adi\n1,Kaya Tesisat\n",
  "adaylar.csv": "firma\nKuzey Tekstil\n",
  "kisiler.csv": "id,name,firma,amir\nK1,Ali,Kaya Tesisat,\nK2,Derya,Kuzey Tekstil,\nK3,Elif,Bulut Enerji,\nK4,Can,Kaya Tesisat,K9\n",
};

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

async function runOf(text: string): Promise<Awaited<ReturnType<typeof runPlan>>> {
  const directory = mkdtempSync(join(tmpdir(), "flitmap-fallback-"));
  directories.push(directory);
  for (const [name, file] of Object.entries(FILES)) writeFileSync(join(directory, name), file);
  return runPlan({ plan: emitPlan(analyze({ "main.flitmap": text })), sourceDirectory: directory, target: new DryRunTarget() });
}

describe("a name looked for in one entity, then another", () => {
  it("leaves no note when the second holds it, and tells a name neither holds and a key the export lacks", async () => {
    const result = await runOf(PACKAGE);
    expect(result.entities.map((entity) => [entity.entity, entity.loaded, entity.rejected])).toEqual([
      ["Cari", 1, 0],
      ["Aday", 1, 0],
      ["Kisi", 4, 0],
    ]);
    expect(result.notes.map((note) => ({ kind: note.kind, field: note.field, count: note.count, examples: note.examples }))).toEqual([
      {
        kind: "dangling-reference",
        field: "parent_id",
        // One row, both operands' notes.
        count: 2,
        examples: ['no Cari row has kisa_adi "Bulut Enerji"', 'aday "Bulut Enerji" does not exist in the export'],
      },
      { kind: "dangling-reference", field: "comment", count: 1, examples: ['kisi "K9" does not exist in the export; the value after `??` was used'] },
    ]);
  });

  it("counts a name expected to be missing once per field when the link is optional (Kundregister's prospects)", async () => {
    const result = await runOf(PACKAGE.replace("firma | ref cari by kisa_adi ?? firma | ref aday", "firma | ref cari by kisa_adi optional"));
    expect(result.notes.filter((note) => note.field === "parent_id").map((note) => ({ kind: note.kind, count: note.count }))).toEqual([
      { kind: "optional-link", count: 2 },
    ]);
  });
});
