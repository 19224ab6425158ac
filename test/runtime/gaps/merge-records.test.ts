/**
 * One record from two systems (issue 16, Adresář's gap 5): the accounting program's address book
 * and the web CRM hold the same firm. `merge onto` writes the CRM's row onto the address book's
 * partner (found by IČO, else by the name compared loosely) instead of making a second one: the
 * fields the address book left empty, the phone it overwrites, the tags of both. A re-run writes
 * nothing; a rollback of a later merge puts the partner back as it was, and does not delete it.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { runPlan } from "../../../runtime/execute/run.js";
import { Journal } from "../../../runtime/journal/journal.js";
import { rollbackRun } from "../../../runtime/lifecycle/rollback.js";
import { DryRunTarget } from "../../../runtime/targets/dry-run-target.js";
import { FilesTarget } from "../../../runtime/targets/files-target.js";
import { analyze } from "../../compiler/helpers.js";
import { startOdooDouble } from "../../odoo-double/server.js";
import { connectDouble, runLive, stateByXmlid } from "../support.js";

const PACKAGE = `migration dva { source dva  target odoo "17.0"  xmlid "dva" }
source dva {
  entity Adresa "adresar.csv" key cislo {
    cislo   text required
    firma   text required unique match loose ambiguous first
    ic      text unique match digits
    tel     text
    skupina text
  }
  entity Firma "firmy.csv" key id {
    id      text required
    nazev   text required
    ico     text
    web     text
    telefon text
    stitky  text
  }
}
records res.partner.category match name {
  odberatele { name "Odběratelé" }
  kuchyne    { name "Kuchyně" }
  skrine     { name "Vestavěné skříně" }
}
table skupina: text -> res.partner.category { "ODB" -> odberatele  _ -> flag }
table stitek: text -> res.partner.category { "Kuchyně" -> kuchyne  "Vestavěné skříně" -> skrine  _ -> flag }
map Adresa -> res.partner as adresa {
  is_company       = true
  name             <- firma
  company_registry <- ic
  phone            <- tel
  category_id      <- skupina | skupina
}
map Firma -> res.partner as firma merge onto ico | ref adresa by ic optional ?? nazev | ref adresa by firma optional overwrite phone {
  is_company       = true
  name             <- nazev
  company_registry <- ico
  website          <- web
  phone            <- telefon
  category_id      <- stitky | split(",") | stitek
}
`;

const ADRESAR = "cislo,firma,ic,tel,skupina\n1001,Interiéry Pálava spol. s r.o.,25596641,542 123 456,ODB\n1002,Hotel Jih a.s.,,603123456,ODB\n";
// F1 names 1001 by its IČO, F2 names 1002 by its name spaced as the law writes it; F3 is a prospect neither holds.
const FIRMY = (web: string): string =>
  `id,nazev,ico,web,telefon,stitky\nF1,Interiéry Pálava s. r. o.,25596641,${web},,"Kuchyně, Vestavěné skříně"\nF2,Hotel Jih a. s.,,https://hoteljih.cz,+420 777 000 111,Kuchyně\nF3,Rezidence Lesná s.r.o.,,https://lesna.cz,,Kuchyně\n`;

const directories: string[] = [];
afterAll(() => {
  for (const directory of directories) rmSync(directory, { recursive: true, force: true });
});

function folder(prefix: string): string {
  const directory = mkdtempSync(join(tmpdir(), prefix));
  directories.push(directory);
  return directory;
}

function exportFolder(web = "https://palava.cz"): string {
  const directory = folder("flitmap-merge-");
  writeFileSync(join(directory, "adresar.csv"), ADRESAR);
  writeFileSync(join(directory, "firmy.csv"), FIRMY(web));
  return directory;
}

const plan = emitPlan(analyze({ "main.flitmap": PACKAGE }));

describe("merge onto: one record from two systems", () => {
  it("counts each CRM firm the address book has as merged into its row, not loaded twice, in a dry run and in import files", async () => {
    const dry = await runPlan({ plan, sourceDirectory: exportFolder(), target: new DryRunTarget() });
    expect(dry.entities.find((entity) => entity.entity === "Firma")).toMatchObject({ read: 3, loaded: 1, merged: 2, skipped: 0, rejected: 0 });
    expect(dry.merges).toEqual([
      { entity: "Firma", step: "firma", key: "F1", into: { entity: "Adresa", step: "adresa", key: "1001" } },
      { entity: "Firma", step: "firma", key: "F2", into: { entity: "Adresa", step: "adresa", key: "1002" } },
    ]);
    const out = folder("flitmap-merge-out-");
    await runPlan({ plan, sourceDirectory: exportFolder(), target: new FilesTarget(out, "dva") });
    const merged = readdirSync(out).find((name) => name.includes("firma-merged"));
    expect(merged).toBeDefined();
    const lines = readFileSync(join(out, merged ?? ""), "utf8")
      .trim()
      .split(/\r?\n/);
    // Onto the address book's partners: its name and phone kept where the CRM's is empty, the CRM's website and phone, both systems' tags.
    expect(lines[1]).toBe(
      'dva.adresa_1001,1,Interiéry Pálava spol. s r.o.,25596641,https://palava.cz,542 123 456,"dva.res_partner_category_odberatele,dva.res_partner_category_kuchyne,dva.res_partner_category_skrine"',
    );
    expect(lines[2]).toBe(
      'dva.adresa_1002,1,Hotel Jih a.s.,,https://hoteljih.cz,+420 777 000 111,"dva.res_partner_category_odberatele,dva.res_partner_category_kuchyne"',
    );
  });

  it("loads one partner carrying both systems' fields, writes nothing again, and a rollback of a later merge puts the partner back", async () => {
    const double = await startOdooDouble({ version: "17.0" });
    const state = folder("flitmap-merge-state-");
    try {
      const first = await runLive(plan, double, state, { sourceDirectory: exportFolder() });
      expect(first.entities.find((entity) => entity.entity === "Firma")).toMatchObject({ loaded: 1, merged: 2 });
      const loaded = stateByXmlid(double, plan);
      // The address book's map does not write the website: read it off the partner.
      const website = (): unknown => double.records("res.partner").find((record) => record["company_registry"] === "25596641")?.["website"];
      expect(website()).toBe("https://palava.cz");
      expect(loaded["dva.adresa_1001"]).toMatchObject({
        name: "Interiéry Pálava spol. s r.o.",
        company_registry: "25596641",
        phone: "542 123 456",
        category_id: ["dva.res_partner_category_kuchyne", "dva.res_partner_category_odberatele", "dva.res_partner_category_skrine"],
      });
      expect(loaded["dva.adresa_1002"]).toMatchObject({
        phone: "+420 777 000 111",
        category_id: ["dva.res_partner_category_kuchyne", "dva.res_partner_category_odberatele"],
      });
      expect(Object.keys(loaded).filter((xmlid) => xmlid.startsWith("dva.firma_"))).toEqual(["dva.firma_F3"]);
      expect(double.records("res.partner").filter((record) => String(record["name"]).startsWith("Interiéry"))).toHaveLength(1);

      const calls = double.callLog.length;
      const again = await runLive(plan, double, state, { sourceDirectory: exportFolder() });
      expect(again.steps.map((step) => [step.step, step.created, step.updated, step.merged])).toEqual([
        ["adresa", 0, 0, 0],
        ["firma", 0, 0, 2],
      ]);
      expect(double.callLog.slice(calls).filter((call) => call.method === "load" || call.method === "write")).toEqual([]);

      // The CRM's website changes: the merge is written again, and rolling that run back restores the website, keeping the partner.
      const later = await runLive(plan, double, state, { sourceDirectory: exportFolder("https://palava.example") });
      expect(website()).toBe("https://palava.example");
      const journal = Journal.open(join(state, "journal.jsonl"));
      try {
        expect((await rollbackRun({ journal, client: await connectDouble(double), plan, run: later.runId })).status).toBe("complete");
      } finally {
        journal.close();
      }
      expect(website()).toBe("https://palava.cz");
      expect(stateByXmlid(double, plan)["dva.adresa_1001"]).toMatchObject({
        category_id: ["dva.res_partner_category_kuchyne", "dva.res_partner_category_odberatele", "dva.res_partner_category_skrine"],
      });
    } finally {
      await double.stop();
    }
  }, 60_000);
});
