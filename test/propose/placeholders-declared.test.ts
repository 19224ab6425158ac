/**
 * `flitmap init` declares the placeholders it finds for "no value" on their columns (`empty when`),
 * now that the language has them (issue 16, gap 1): the column keeps its type instead of being
 * declared text and guarded with `if x != "k.A." then ...` where the map converts it, and the
 * proposal checks clean and reads the placeholder rows without a reject.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ProposedPackage } from "../../propose/index.js";
import { proposeExport } from "./small-exports.js";

const DEALS = `Deal ID;Deal Name;Umsatz;Fällig am
D1;Großauftrag;1.250,00;01.03.2025
D2;Wartung;k.A.;00.00.0000
D3;Beratung;300,50;15.04.2025
D4;Lizenz;k.A.;20.05.2025
D5;Schulung;12.000,00;00.00.0000
D6;Support;450,00;30.06.2025
`;

describe("flitmap init on an export with placeholders", () => {
  let directory: string;
  let proposed: ProposedPackage;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), "flitmap-init-placeholders-"));
    proposed = await proposeExport(directory, { "deals.csv": DEALS });
  });

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("declares them on their typed columns, and converts the columns without guards", () => {
    const text = proposed.files.map((file) => file.text).join("\n");
    const column = (name: string): string => text.split("\n").find((line) => line.trimStart().startsWith(`${name} `)) ?? "";
    expect(column("umsatz")).toMatch(/^\s*umsatz\s+"Umsatz"\s+decimal\s+empty when "k\.A\." \/\//);
    expect(column("fallig_am")).toMatch(/^\s*fallig_am\s+"Fällig am"\s+date\s+empty when "00\.00\.0000" \/\//);
    expect(text).not.toContain('!= "k.A."');
    expect(text).not.toContain('!= "00.00.0000"');
    expect(proposed.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  });
});

/** Invented for this test: `n/d` in two columns of two files, `?` only in one pick-list. */
const CLIENTS = `Client No;Client Name;Phone;Industry
C1;Kite Works;+44 20 7946 0101;Retail
C2;Lark Studio;n/d;?
C3;Moth & Co;+44 20 7946 0103;Retail
C4;Newt Labs;+44 20 7946 0104;Construction
C5;Orca Ltd;n/d;Construction
C6;Pike plc;+44 20 7946 0106;?
`;

const OPPORTUNITIES = `Opportunity No;Title;Client No;Close Date
O1;Shop fit;C1;2025-03-01
O2;Studio;C2;n/d
O3;Depot;C4;2025-04-15
O4;Office;C5;n/d
O5;Kiosk;C6;2025-05-20
O6;Warehouse;C3;2025-06-30
`;

describe("flitmap init on an export whose placeholders recur across columns", () => {
  let directory: string;
  let proposed: ProposedPackage;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), "flitmap-init-empty-values-"));
    proposed = await proposeExport(directory, { "clients.csv": CLIENTS, "opportunities.csv": OPPORTUNITIES });
  });

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("declares a placeholder several columns share once, in the source's empty_values, and no longer on each column", () => {
    const text = proposed.files.map((file) => file.text).join("\n");
    expect(text).toMatch(/empty_values\s+"n\/d"/);
    expect(text).not.toContain('empty when "n/d"');
    expect(proposed.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  });

  it("writes a pick-list's own placeholder as a table entry for no value", () => {
    const text = proposed.files.map((file) => file.text).join("\n");
    expect(text).toMatch(/"\?"\s+-> empty \/\/ 2 rows; written for no value/);
  });
});
