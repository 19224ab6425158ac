/**
 * An export the lexicon barely speaks: Finnish headers (of which it knows a register's few, such
 * as `Toimiala`), abbreviations, extra columns nobody documented. What the values tell is proposed (value-roles.ts); the rest degrades to TODOs and
 * custom fields, never to confident wrong fields.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readExport } from "../../propose/read-export.js";
import { analyzePackage } from "../../compiler/analyze.js";
import { loadShippedCatalog } from "../../compiler/catalog/index.js";
import { overlayHost } from "../../compiler/host.js";
import { proposePackage, type ProposedPackage } from "../../propose/index.js";

const COMPANIES = `Yritystunnus;Yrityksen nimi;Katuosoite;Postinumero;Kaupunki;Maa;Puhelin;E-Mail;Verkkosivu;Toimiala;Henkilöstö;Liikevaihto;Muokattu;Huomautus
Y-1001;Mäkinen Oy;Mannerheimintie 1;00100;Helsinki;Suomi;09 1234567;info@makinen.fi;www.makinen.fi;Rakentaminen;12;1.250.000,00;01.03.2024 10:00;Vakioasiakas
Y-1002;Virtanen Ab;Aleksanterinkatu 5;33100;Tampere;Suomi;03 7654321;myynti@virtanen.fi;www.virtanen.fi;Kauppa;250;12.500.000,00;02.03.2024 11:30;
Y-1003;Korhonen Ky;Hämeenkatu 9;20100;Turku;Ruotsi;02 555666;posti@korhonen.fi;www.korhonen.fi;Rakentaminen;8;;03.03.2024 09:15;Uusi asiakas
Y-1004;Nieminen Oyj;Kauppatori 2;90100;Oulu;Suomi;08 999888;info@nieminen.fi;www.nieminen.fi;IT;40;3.400.000,00;04.03.2024 16:45;
`;

const CONTACTS = `ct_id,fst_nm,lst_nm,eml,ph,mob,co_ref,ttl,crtd
C1,Anna,Schulz,anna@mueller.de,030 111222,0170 1234567,Y-1001,Dr.,2024-01-02
C2,Ben,Koch,ben@schmidt.de,089 333444,0171 7654321,Y-1002,,2024-01-03
C3,Clara,Wolf,clara@weber.de,,0172 5556667,Y-1003,Prof.,2024-01-04
C4,David,Braun,david@fischer.de,040 777888,,Y-1004,,2024-01-05
`;

const DEALS = `Deal ID,Deal Name,Amount,Stage,Close Date,Forecast Category,Region Code,Internal Flag,Legacy Ref,Probability
D1,Big deal,"$12,000.00",Won,01/15/2025,Commit,R-N,yes,LG-001,100
D2,Small deal,"$1,500.00",Proposal,02/20/2025,Pipeline,R-S,no,LG-002,40
D3,Other deal,"$7,250.00",Won,03/25/2025,Commit,R-N,no,LG-003,100
D4,Lost deal,"$300.00",Lost,04/30/2025,Omitted,R-E,yes,LG-004,0
`;

const UNKNOWN = `Nr;Name;Anschrift
1;A;B
2;C;D
`;

/** Outcomes by `file: header`, as `kind model.field`. */
function outcomes(proposed: ProposedPackage): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const report of proposed.columns) {
    result[`${report.pattern}: ${report.header}`] = report.outcomes.map((outcome) =>
      outcome.kind === "field" || outcome.kind === "todo" || outcome.kind === "custom" ? `${outcome.kind} ${outcome.model}.${outcome.field}` : outcome.kind,
    );
  }
  return result;
}

describe("flitmap init on an export with unusual headers", () => {
  let directory: string;
  let proposed: ProposedPackage;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), "flitmap-init-unusual-"));
    // The Finnish file comes as Windows-1252, as such exports often do.
    writeFileSync(join(directory, "companies.csv"), iconv.encode(COMPANIES, "windows-1252"));
    writeFileSync(join(directory, "contacts.csv"), CONTACTS);
    writeFileSync(join(directory, "deals.csv"), DEALS);
    writeFileSync(join(directory, "kunden_export.csv"), UNKNOWN);
    const sample = await readExport(directory);
    proposed = proposePackage(sample, {
      sourceName: "crm",
      target: { kind: "series", series: "17.0" },
      schema: loadShippedCatalog("17.0"),
      directory: join(directory, "out"),
    });
  });

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it("maps only what it can tell: the words it knows in any language, English headers, and values whose type says it", () => {
    const confident = Object.entries(outcomes(proposed)).flatMap(([column, kinds]) =>
      kinds.filter((kind) => kind.startsWith("field ")).map((kind) => `${column} → ${kind.slice(6)}`),
    );
    expect(confident.sort()).toEqual(
      [
        "companies.csv: E-Mail → res.partner.email",
        // Words and a number on every row: the street.
        "companies.csv: Katuosoite → res.partner.street",
        // Phone numbers and web addresses, whatever the header: the model's one field for them.
        "companies.csv: Puhelin → res.partner.phone",
        // Finnish the lexicon speaks: the industry (Toimiala).
        "companies.csv: Toimiala → res.partner.industry_id",
        "companies.csv: Verkkosivu → res.partner.website",
        // Names ending in companies' legal forms (Oy, Ab, Ky, Oyj), whatever the header: the company's name.
        "companies.csv: Yrityksen nimi → res.partner.name",
        "contacts.csv: eml → res.partner.email",
        // One capitalised word each, side by side: given names and surnames, the contact's name.
        "contacts.csv: fst_nm → res.partner.name",
        "contacts.csv: lst_nm → res.partner.name",
        // Of two columns of phone numbers, the one whose numbers begin alike (017…): the mobile.
        "contacts.csv: mob → res.partner.mobile",
        "contacts.csv: ph → res.partner.phone",
        "deals.csv: Amount → crm.lead.expected_revenue",
        "deals.csv: Close Date → crm.lead.date_deadline",
        "deals.csv: Deal Name → crm.lead.name",
        "deals.csv: Probability → crm.lead.probability",
        "deals.csv: Stage → crm.lead.stage_id",
        // German the lexicon speaks: a customer list (Kunden) with a name and an address.
        "kunden_export.csv: Anschrift → res.partner.street",
        "kunden_export.csv: Name → res.partner.name",
      ].sort(),
    );
  });

  it("leaves plausible but unsure targets as TODOs, and keeps every other column in a custom field", () => {
    const all = outcomes(proposed);
    expect(all["contacts.csv: co_ref"]).toEqual(["todo res.partner.parent_id"]);
    expect(all["deals.csv: Forecast Category"]).toEqual(["todo crm.lead.tag_ids"]);
    expect(all["companies.csv: Maa"]).toEqual(["custom res.partner.x_maa"]);
    expect(all["contacts.csv: crtd"]).toEqual(["custom res.partner.x_crtd"]);
    expect(all["deals.csv: Region Code"]).toEqual(["custom crm.lead.x_region_code"]);
    expect(all["deals.csv: Internal Flag"]).toEqual(["custom crm.lead.x_internal_flag"]);
    for (const [column, kinds] of Object.entries(all)) {
      expect(kinds.length, column).toBeGreaterThan(0);
      expect(
        kinds.every((kind) => /^(field|todo|custom) |^(key|modified|ignore|unmapped)$/.test(kind)),
        column,
      ).toBe(true);
    }
  });

  it("writes the TODOs with their confidence, and no partner without a name", () => {
    const contact = proposed.files.find((file) => file.name === "contact.flitmap")?.text ?? "";
    expect(contact).toContain("// TODO 50% sure: parent_id <- co_ref | ref company  (Related Company)");
    expect(contact).toMatch(/name +<- `\{fst_nm\} \{lst_nm\}` \| trim \| required/);
    const company = proposed.files.find((file) => file.name === "company.flitmap")?.text ?? "";
    expect(company).toMatch(/name +<- yrityksen_nimi \| trim \| required \/\/ 65%/);
    const migration = proposed.files.find((file) => file.name === "migration.flitmap")?.text ?? "";
    expect(migration).not.toContain("required fields no column fills");
    expect(migration).toContain('entity Company "companies.csv" key yritystunnus {');
    expect(migration).toMatch(/co_ref +text +references Company \/\/ .*every value is a Company key, though its name does not say so/);
  });

  it("still checks without errors", () => {
    const contents = new Map(proposed.files.map((file) => [join(directory, "out", file.name), file.text]));
    const analysis = analyzePackage(
      [...contents.entries()].map(([path, text]) => ({ path, text })),
      { host: overlayHost(contents) },
    );
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.code === "FM405")).toEqual([]);
  });
});
