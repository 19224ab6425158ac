import { describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { analyze, applyFixes, diagnosticsOf } from "../helpers.js";

const base = (xmlid: string): string =>
  `migration pb { source perfectbooks target odoo "17.0" ${xmlid} }\nsource perfectbooks { entity E "e.csv" key id { id text } }`;

describe("FM211 xmlid_namespace", () => {
  it("accepts letters, digits and underscores, and the migration's name when there is no xmlid", () => {
    expect(diagnosticsOf("FM211", "", { base: base('xmlid "perfect_books_2"') })).toEqual([]);
    expect(diagnosticsOf("FM211", "", { base: base("") })).toEqual([]);
  });

  it("reports a namespace external IDs cannot start with, with the one to use", () => {
    expect(diagnosticsOf("FM211", "", { base: base('xmlid "perfect-books"') })).toEqual([
      'base.flitmap:1:61-1:76 error FM211 the xmlid namespace "perfect-books" can hold only letters, digits and underscores, not starting with a digit: e.g. "perfect_books"',
    ]);
    expect(diagnosticsOf("FM211", "", { base: base('xmlid "2024"') })).toEqual([
      'base.flitmap:1:61-1:67 error FM211 the xmlid namespace "2024" can hold only letters, digits and underscores, not starting with a digit: e.g. "_2024"',
    ]);
    expect(diagnosticsOf("FM211", "", { base: base('xmlid ""') })).toEqual([
      'base.flitmap:1:61-1:63 error FM211 the xmlid namespace "" can hold only letters, digits and underscores, not starting with a digit: e.g. "pb"',
    ]);
  });

  it("reports the xmlid that counts: the last one", () => {
    expect(diagnosticsOf("FM211", "", { base: base('xmlid "a"  xmlid "b c"') })).toEqual([
      'base.flitmap:1:72-1:77 error FM211 the xmlid namespace "b c" can hold only letters, digits and underscores, not starting with a digit: e.g. "b_c"',
    ]);
  });

  it("offers the namespace to use as a fix", () => {
    const analysis = analyze({ "base.flitmap": base('xmlid "perfect-books"') });
    const fix = analysis.diagnostics.find((diagnostic) => diagnostic.code === "FM211")?.fixes?.[0];
    expect(fix?.title).toBe('Change to "perfect_books"');
    expect(fix?.edits.map((edit) => edit.newText)).toEqual(['"perfect_books"']);
    expect(applyFixes("FM211", "", { base: base('xmlid "x"') })).toEqual([]);
  });

  it("is what compile would otherwise have failed on: fixed, the package compiles", () => {
    const map = "map E -> res.partner { name <- id }";
    expect(analyze({ "base.flitmap": base('xmlid "perfect-books"'), "main.flitmap": map }).diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["FM211"]);
    expect(emitPlan(analyze({ "base.flitmap": base('xmlid "perfect_books"'), "main.flitmap": map })).migration.namespace).toBe("perfect_books");
  });
});
