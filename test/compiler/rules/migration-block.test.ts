import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { analyzeDirectory } from "../../../compiler/analyze.js";
import { analyze, describe as describeDiagnostic, diagnosticsOf } from "../helpers.js";

describe("FM205 migration_block", () => {
  it("accepts one migration naming a declared source", () => {
    expect(diagnosticsOf("FM205", "")).toEqual([]);
  });

  it("reports a second migration block", () => {
    expect(diagnosticsOf("FM205", 'migration other { source perfectbooks  target odoo "17.0" }')).toEqual([
      "main.flitmap:1:11-1:16 error FM205 a package has one migration block; this is another (the first is in base.flitmap)",
    ]);
  });

  it("reports a source that does not exist", () => {
    expect(
      diagnosticsOf("FM205", "", {
        base: 'migration pb { source perfectbooks target odoo "17.0" source nope }\nsource perfectbooks { entity E "e.csv" key id { id text } }',
      }),
    ).toEqual(["base.flitmap:1:62-1:66 error FM205 no source is called nope; this package declares perfectbooks"]);
  });

  it("reports maps without any migration", () => {
    expect(
      diagnosticsOf("FM205", "map Company -> res.partner { name <- name }", {
        base: 'source perfectbooks { entity Company "c.csv" key id { id text  name text } }',
      }),
    ).toEqual(['main.flitmap:1:1-1:44 error FM205 this package maps data but has no migration block: add `migration name { source ...  target odoo "17.0" }`']);
  });
});

describe("FM205 migration_block: a package without one", () => {
  it("reports a package that maps nothing, where it starts: compile and run have nothing to start from", () => {
    const reported = (files: Record<string, string>): string[] =>
      analyze(files)
        .diagnostics.filter((diagnostic) => diagnostic.code === "FM205")
        .map(describeDiagnostic);
    const message = 'this package has no migration block, so it cannot be compiled or run: add `migration name { source ...  target odoo "17.0" }`';
    expect(reported({ "a.flitmap": "// nothing yet\n" })).toEqual([`a.flitmap:1:1-1:1 error FM205 ${message}`]);
    expect(reported({ "a.flitmap": '\n\nrecords crm.stage { won { name "Won" } }' })).toEqual([`a.flitmap:3:1-3:41 error FM205 ${message}`]);
  });

  it("is what compile failed on as an internal error: the comment-only reproduction", () => {
    const analysis = analyzeDirectory(join(import.meta.dirname, "../../fixtures/repros/comment-only"));
    expect(
      analysis.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.severity} ${diagnostic.range.start.line}:${diagnostic.range.start.column}`),
    ).toEqual(["FM205 error 1:1"]);
  });
});

describe("FM205 migration_block: what happens to records whose row is gone", () => {
  it("reports a second `deleted`, naming the one that counts", () => {
    expect(
      diagnosticsOf("FM205", "", {
        base: 'migration pb {\n  source perfectbooks\n  target odoo "17.0"\n  deleted archive\n  deleted report\n}\nsource perfectbooks { entity E "e.csv" key id { id text } }',
      }),
    ).toEqual([
      "base.flitmap:5:3-5:17 error FM205 the migration says once what happens to records whose source row is gone; the first `deleted` (archive) counts: remove this one",
    ]);
  });
});
