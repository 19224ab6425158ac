/**
 * `flitmap init` on the families with their headers made unknown (opaque-headers.ts: every header
 * word a word of an invented language), so that only the values, the links between files and the
 * target schema decide: the share of columns that get the hand-written target, and the rows the
 * proposal's run rejects, per family. `npx tsx test/propose/families-matrix.ts 600 families
 * --opaque --verbose` lists the differing columns. docs/init.md records the figures.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import { conceptWords, rawWords } from "../../propose/words.js";
import { loadSample } from "../mappings/support.js";
import { FAMILIES } from "./families/support.js";
import { measureFamily, measureLine, type FamilyMeasure } from "./family-measure.js";
import { opaqueHeader } from "./opaque-headers.js";

/** The share of columns each family gets right with opaque headers: a ratchet, raised as init learns to read values, never lowered. */
const FLOORS: Readonly<Record<string, number>> = {
  kundenwerk: 0.94,
  carnet: 0.85,
  casebook: 0.95,
  pipelane: 0.9,
  clientela: 0.75,
  anagrafe: 0.9,
  carteira: 0.72,
  kartoteka: 0.77,
  defter: 0.84,
  kundregister: 0.8,
  pelatologio: 0.93,
  ugyfeltar: 0.86,
  asiakkaat: 0.83,
  adresar: 0.9,
  parteneri: 0.7,
  debitorer: 0.9,
  zonnedak: 0.64,
};

/** The rows the proposal's run rejects at most with opaque headers: a ratchet too. */
const REJECTED: Readonly<Record<string, number>> = {
  kundenwerk: 0,
  carnet: 51,
  casebook: 0,
  pipelane: 0,
  clientela: 0,
  anagrafe: 9,
  carteira: 0,
  // The done events naming a contractor the registry no longer holds, written as messages since
  // Defter's tuning, as the hand-written package writes them, and refused by both.
  kartoteka: 5,
  // The appointments split off as calendar events since an agenda's minutes are read by their
  // values, as the hand-written package splits them: two name as attendee a person whose name two
  // people share, which the run rejects rather than guess, as the proposal with Defter's own
  // headers does; 8 since a cancelled status skips the cancelled appointments, one of them.
  defter: 8,
  kundregister: 0,
  pelatologio: 0,
  // Its done to-dos written as messages since its minutes and its one yes/no are read by their
  // values, as the hand-written package writes them: one about a sale deleted before the export,
  // and about nothing else, refused by both.
  ugyfeltar: 1,
  // None since a deal's title made of fields (`Latausasemat, Tampere`) is its name, no list of
  // tags; 76 before (every opportunity, no column found for its name), 220 at its one hold-out
  // measurement, when its register's e-invoice addresses of 12 and 16 digits were read as
  // decimals and made the file's separator a point.
  asiakkaat: 0,
  // At its one hold-out measurement: deals proposed as nothing, activities as activities alone, the
  // rows the double refuses those of a file proposed with the wrong targets.
  adresar: 15,
  // At its one hold-out measurement: opportunities naming a deleted partner's code (refused by the
  // hand-written package too) and rows of files proposed with the wrong targets. 25 since the
  // Romanian agenda's values (`Apel`, `Finalizată`) split its activities, the lexicon reading them
  // whatever the headers. Told apart: deals whose repeating titles were read as their source (no
  // name, no customer: refused) and activities about them or about companies spelt with ș where the
  // invoicing program has ş; 4 since, as with its headers (activities about a prospect or an old name).
  parteneri: 4,
  // At its one hold-out measurement: its debtors' register not mapped at all (no word of its name or
  // columns known, no Danish legal form read), so rows naming a debtor find nothing. Still 36 since
  // its tuning (the register mapped, its agenda split as the specialist's): not yet told apart.
  debitorer: 36,
  zonnedak: 0,
};

describe("opaque headers", () => {
  it("turn each word into a stable word of an invented language that the lexicon does not know", () => {
    expect(opaqueHeader("Company Name")).toBe(opaqueHeader("company name"));
    expect(opaqueHeader("Contato 2 - Nome").replace(/[A-Z][a-z]+/g, "W")).toBe("W 2 - W");
    expect(opaqueHeader("Contato {n} - Nome")).toBe(opaqueHeader("Contato 2 - Nome").replace("2", "{n}"));
    for (const header of ["Telefoonnummer", "E-Mail", "Firmenname", "Ünvanı", "Pełna nazwa", "Date de création"]) {
      const opaque = opaqueHeader(header);
      expect(opaque).toMatch(/^[A-Za-z -]+$/);
      // No word of it means anything to the lexicon: each reads as itself.
      expect(conceptWords(opaque)).toEqual(rawWords(opaque));
    }
  });
});

describe.each(FAMILIES)("flitmap init on the $name family with opaque headers", ({ name }) => {
  let measure: FamilyMeasure;

  beforeAll(async () => {
    measure = await measureFamily(name, { opaque: true });
  });

  afterAll(() => measure.remove());

  it("proposes a package the check accepts, and the hand-written target for a ratcheted share of its columns", () => {
    console.log(`${measureLine(`${name} (opaque headers)`, measure)}\n    ${[...measure.comparison.differences, ...measure.structure].join("\n    ")}`);
    expect(measure.proposed.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    expect(measure.comparison.share).toBeGreaterThanOrEqual(FLOORS[name] ?? 0.9);
  });

  it("loads into the Odoo double rejecting no more rows than its ratchet allows", async () => {
    const rejected = await rejectedRows(measure.proposed.files, measure.exportPath);
    console.log(`${name} (opaque headers) loaded: ${rejected} rows rejected`);
    expect(rejected).toBeLessThanOrEqual(REJECTED[name] ?? 0);
  }, 120_000);
});

/** The rows a package's run into a fresh Odoo double rejects, reading the export at `source`. */
async function rejectedRows(files: readonly { readonly name: string; readonly text: string }[], source: string): Promise<number> {
  const folder = mkdtempSync(join(tmpdir(), "flitmap-opaque-load-"));
  try {
    for (const file of files) writeFileSync(join(folder, file.name), file.text);
    const analysis = analyzeDirectory(folder);
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    const sample = await loadSample(emitPlan(analysis), source);
    try {
      expect(sample.first.status).toBe("complete");
      return sample.first.rejects.length;
    } finally {
      await sample.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
