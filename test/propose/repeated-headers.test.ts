/**
 * A spreadsheet with a header twice (two `Telefoon` columns): init declares the second by the name
 * the reader reads it by, `"Telefoon (2)"`, so its cells are proposed like any column's and no
 * run loses them. Before, the proposal kept one `Telefoon` and the second column vanished.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzePackage } from "../../compiler/analyze.js";
import { loadShippedCatalog } from "../../compiler/catalog/index.js";
import { overlayHost } from "../../compiler/host.js";
import { proposePackage, type ProposedPackage } from "../../propose/index.js";
import { readExport } from "../../propose/read-export.js";

const RELATIONS = `Relatienummer;Naam;Telefoon;Telefoon;E-mail
R1;Bakkerij De Zon;010 1234567;06 12345678;info@dezon.nl
R2;Smederij Jansen;020 7654321;06 87654321;post@jansen.nl
R3;Tuincentrum Groen;030 1112223;;groen@tuin.nl
`;

describe("flitmap init on a file with a header twice", () => {
  let directory: string;
  let proposed: ProposedPackage;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), "flitmap-init-repeated-"));
    writeFileSync(join(directory, "relaties.csv"), RELATIONS);
    const sample = await readExport(directory);
    proposed = proposePackage(sample, {
      sourceName: "crm",
      target: { kind: "series", series: "17.0" },
      schema: loadShippedCatalog("17.0"),
      directory: join(directory, "out"),
    });
  });

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("reads the second occurrence by its number", async () => {
    const sample = await readExport(directory);
    expect(sample.files[0]?.headers).toEqual(["Relatienummer", "Naam", "Telefoon", "Telefoon (2)", "E-mail"]);
  });

  it("declares both columns, the second by the header the reader reads it by, and checks", () => {
    const text = proposed.files.map((file) => file.text).join("\n");
    expect(text).toMatch(/^\s*telefoon\s+"Telefoon"\s+phone\b/m);
    expect(text).toMatch(/^\s*telefoon_2\s+"Telefoon \(2\)"\s+phone\b/m);
    expect(text).toMatch(/<- telefoon_2\b/);
    const contents = new Map(proposed.files.map((file) => [join(directory, "out", file.name), file.text]));
    const analysis = analyzePackage(
      [...contents.entries()].map(([path, source]) => ({ path, text: source })),
      { host: overlayHost(contents) },
    );
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  });
});
