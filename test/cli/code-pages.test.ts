/**
 * Exports of Central and Eastern Europe are written in their own code pages (a Polish ERP's in
 * Windows-1250). `flitmap run` reads the one a source declares or the one its words say (`auto`),
 * and refuses a declared code page that misreads the file's words: never loads the letters replaced.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCliInProcess, temporaryDirectory } from "./helpers.js";

const FIRMS = [
  ["K1", "Źródło Ciepła Sp. z o.o.", "Łódź"],
  ["K2", "Żółw i Ślimak", "Gdańsk"],
];

function writePackage(folder: string, encoding: string): void {
  writeFileSync(
    join(folder, "migration.flitmap"),
    `migration kartki {
  source kartki
  target odoo "17.0"
  xmlid  "kartki"
}

source kartki {
  csv { delimiter ";"  encoding "${encoding}" }
  entity Firm "firmy.csv" key id {
    id   "Kod"    text required
    name "Nazwa"  text required
    city "Miasto" text
  }
}

map Firm -> res.partner as firm {
  name       <- name
  city       <- city
  is_company <- true
}
`,
  );
}

let workspace: { path: string; remove: () => void };
let source: string;

beforeEach(() => {
  workspace = temporaryDirectory("flitmap-code-pages-");
  source = join(workspace.path, "export");
  mkdirSync(source);
  const lines = [["Kod", "Nazwa", "Miasto"], ...FIRMS].map((row) => `${row.join(";")}\r\n`).join("");
  writeFileSync(join(source, "firmy.csv"), iconv.encode(lines, "windows-1250"));
});
afterEach(() => workspace.remove());

function importFile(out: string): string[][] {
  return parse(readFileSync(join(out, "01-res.partner-firm.csv"), "utf8"));
}

describe("an export in a Central European code page", () => {
  it("loads its letters as written when the source declares windows-1250", async () => {
    writePackage(workspace.path, "windows-1250");
    const out = join(workspace.path, "out");
    const ran = await runCliInProcess(["run", workspace.path, "--source", source, "--out", out]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(importFile(out).slice(1)).toEqual(FIRMS.map(([key, name, city]) => [`kartki.firm_${key}`, name, city, "1"]));
  });

  it("refuses a declared windows-1252 whose words say the file is Windows-1250, and reads none of its rows", async () => {
    writePackage(workspace.path, "windows-1252");
    const out = join(workspace.path, "out");
    const ran = await runCliInProcess(["run", workspace.path, "--source", source, "--out", out]);
    expect(ran.code).toBe(1);
    const said = ran.stdout + ran.stderr;
    expect(said).toContain("firmy.csv: declared windows-1252, but the file was written in another code page");
    expect(said).toContain('declare encoding "windows-1250"');
    // Read as Windows-1252, "Łódź" is "£ódŸ" and "Żółw" is "¯ó³w": none of it may load.
    expect(said).toMatch(/line \d+: "[^"]*[£¯³][^"]*"/);
    expect(existsSync(join(out, "01-res.partner-firm.csv")) ? importFile(out).slice(1) : []).toEqual([]);
  });

  it("reads the file in Windows-1250 when the source says auto", async () => {
    writePackage(workspace.path, "auto");
    const out = join(workspace.path, "out");
    const ran = await runCliInProcess(["run", workspace.path, "--source", source, "--out", out]);
    expect(ran.code, ran.stderr).toBe(0);
    expect(importFile(out).slice(1)).toEqual(FIRMS.map(([key, name, city]) => [`kartki.firm_${key}`, name, city, "1"]));
  });

  it("says how the language writes an encoding given another name, with the fix", async () => {
    writePackage(workspace.path, "cp1250");
    const ran = await runCliInProcess(["check", workspace.path]);
    expect(ran.code).toBe(1);
    expect(ran.stdout + ran.stderr).toContain('encoding "cp1250" is written "windows-1250" here');
  });
});
