/**
 * `vat`, `iban` and the text questions in a package, end to end: checked by the compiler, run to
 * import files, a mistyped NIP rejected with its reason instead of reaching Odoo's VAT check.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCliInProcess, temporaryDirectory } from "./helpers.js";

const PACKAGE = `migration rejestr {
  source rejestr
  target odoo "17.0"
  xmlid  "rejestr"
}

source rejestr {
  csv { delimiter ";"  encoding "utf-8" }
  entity Firm "firmy.csv" key id {
    id   "Symbol" text required
    name "Nazwa"  text required
    nip  "NIP"    text
  }
}

map Firm -> res.partner as firm {
  name       <- name
  vat        <- nip | vat("PL")
  is_company <- true
  active     <- if name | starts_with("NIE UŻYWAĆ") then false else true
}
`;

let workspace: { path: string; remove: () => void };
let source: string;

beforeEach(() => {
  workspace = temporaryDirectory("flitmap-identifiers-");
  source = join(workspace.path, "export");
  mkdirSync(source);
  writeFileSync(join(workspace.path, "migration.flitmap"), PACKAGE);
  writeFileSync(
    join(source, "firmy.csv"),
    [
      "Symbol;Nazwa;NIP",
      "HYDRO;Hydrobud Sp. z o.o.;856-734-62-15",
      "KOPIA;NIE UŻYWAĆ Hydrobud;PL8567346215",
      "LITERO;Literówka s.c.;856-734-62-16",
      "PRYW;Jan Nowak;",
    ].join("\r\n"),
  );
});
afterEach(() => workspace.remove());

describe("vat and starts_with in a run", () => {
  it("writes NIPs as Odoo keeps them, archives the copies, and rejects a mistyped NIP with its reason", async () => {
    const out = join(workspace.path, "out");
    const ran = await runCliInProcess(["run", workspace.path, "--source", source, "--out", out]);
    expect(ran.code, ran.stdout + ran.stderr).toBe(0);
    const rows: string[][] = parse(readFileSync(join(out, "01-res.partner-firm.csv"), "utf8"));
    const header = rows[0] ?? [];
    const loaded = rows.slice(1).map((row) => Object.fromEntries(header.map((column, index) => [column, row[index]])));
    expect(loaded.map((row) => [row["id"], row["vat"], row["active"]])).toEqual([
      ["rejestr.firm_HYDRO", "PL8567346215", "1"],
      ["rejestr.firm_KOPIA", "PL8567346215", "0"],
      ["rejestr.firm_PRYW", "", "1"],
    ]);
    const rejects: string[][] = parse(readFileSync(join(out, "rejects", "Firm.csv"), "utf8"));
    expect(rejects.slice(1).map((row) => [row[2], row[4]])).toEqual([
      ["LITERO", "vat: '856-734-62-16' is not a PL VAT number: its check digit does not match (a mistyped digit)"],
    ]);
  });
});
