/**
 * Columns no mapping reads are named once, and only when no entity of the package declares them:
 * a file read by two entities (the relations, and the same file keyed by name for the links the
 * export makes by name) has columns the second one does not declare and the first one reads.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { headersNoEntityDeclares } from "../../runtime/execute/unread-headers.js";
import { runCliInProcess, temporaryDirectory } from "../cli/helpers.js";

const PACKAGE = `migration rel { source rel  target odoo "17.0"  xmlid "rel" }
source rel {
  entity Relacion "relaciones.csv" key codigo {
    codigo text required
    nombre text required
    grupo  text
  }
  entity RelacionPorNombre "relaciones.csv" key nombre {
    nombre text
    codigo text
  }
}
map Relacion -> res.partner as relacion {
  is_company = true
  name       <- nombre
  parent_id  <- grupo | get(RelacionPorNombre.codigo) | ref relacion
}
`;

describe("columns no mapping reads", () => {
  const folder = temporaryDirectory("flitmap-unread-");
  afterAll(() => folder.remove());

  it("are the headers every entity reading the file leaves undeclared, each under the first entity reading it", () => {
    const readings = [
      { entity: "Relacion", files: [{ file: "relaciones.csv" }], extraHeaders: [{ file: "relaciones.csv", header: "Fax" }] },
      {
        entity: "RelacionPorNombre",
        files: [{ file: "relaciones.csv" }],
        extraHeaders: [
          { file: "relaciones.csv", header: "Grupo" },
          { file: "relaciones.csv", header: "Fax" },
        ],
      },
      { entity: "Accion", files: [{ file: "acciones.csv" }], extraHeaders: [{ file: "acciones.csv", header: "Hora" }] },
    ];
    expect([...headersNoEntityDeclares(readings)]).toEqual([
      ["Relacion", [{ file: "relaciones.csv", header: "Fax" }]],
      ["RelacionPorNombre", []],
      ["Accion", [{ file: "acciones.csv", header: "Hora" }]],
    ]);
  });

  it("are named once by `run` and `plan`, and a column another entity of the file reads is not among them", async () => {
    const pkg = join(folder.path, "pkg");
    const source = join(folder.path, "export");
    mkdirSync(pkg);
    mkdirSync(source);
    writeFileSync(join(pkg, "main.flitmap"), PACKAGE);
    writeFileSync(join(source, "relaciones.csv"), "codigo,nombre,grupo,Fax\n1,GRUPO TURIA,,961\n2,AZULEJOS PERIS,GRUPO TURIA,962\n");
    const ran = await runCliInProcess(["run", pkg, "--source", source, "--out", join(folder.path, "out")]);
    expect(ran.code, ran.stderr).toBe(0);
    const notes = ran.stdout.split("\n").filter((line) => line.includes("no mapping reads"));
    expect(notes).toEqual(['note: Relacion: 1 column no mapping reads (the package does not declare it): "Fax" (relaciones.csv)']);
    const planned = await runCliInProcess(["plan", pkg, "--source", source]);
    expect(planned.stdout).toContain('  relaciones.csv: column "Fax" is declared by no entity\n');
    expect(planned.stdout).not.toContain('"grupo" is declared by no entity');
    expect(planned.stdout.match(/declared by no entity/g)).toHaveLength(1);
  });
});
