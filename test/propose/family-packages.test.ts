/**
 * The specialist's hand-written package of each export family (the reference `flitmap init` is
 * measured against) is a real package: it checks clean, and loads its generated export into the
 * Odoo test double with every row accounted for, every partner named, owners found by name and
 * the links the export makes by name resolved.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import type { Plan } from "../../compiler/plan/schema.js";
import { runPlanTests } from "../../runtime/testing/plan-tests.js";
import { loadSample, OdooIndex, type LoadedSample } from "../mappings/support.js";
import { FAMILIES, familyPackage, generateFamilyExport, UNMEASURED_HOLD_OUTS } from "./families/support.js";

/** The rows each package deliberately refuses, by the reason's words. */
const EXPECTED_REJECTS: Readonly<Record<string, readonly RegExp[]>> = {
  // An open task without a deadline ("00.00.0000"): Odoo needs one, the export has none.
  kundenwerk: [/date_deadline: the value is empty/],
  // The same for actions; a private person has no Raison sociale to be found by (loaded through Tiers).
  carnet: [/date_deadline: the value is empty/, /key column 'Raison sociale' is blank/],
  casebook: [/date_deadline: the value is empty/],
  pipelane: [],
  // Every action has a day, every relation a Nombre fiscal: nothing is refused.
  clientela: [],
  // A quote of a customer deleted before the export has no one to be made out to, and its lines
  // go with it (a contact of such a customer loads, without its parent).
  anagrafe: [
    /^partner_id: the value is empty, and this field requires one \(cliente "\d+" does not exist/,
    /^the offerta "[^"]+" it belongs to was not loaded/,
  ],
  // An activity about a company deleted before the export, with no deal, has no record to go to
  // (a company without a CNPJ is simply not found by one: it rejects nothing).
  carteira: [/^res_id: the value is empty, and this field requires one \(no Empresa row has nome_fantasia "[^"]+"\)/],
  // A private customer has no NIP and some people no e-mail to be found by (they load through
  // Kontrahent and Osoba); an event about one of the two contractors deleted before the export,
  // with no opportunity, has no record to go to (any other name not found would be a name the
  // registry was misread in).
  kartoteka: [
    /key column 'NIP' is blank/,
    /key column 'E-mail' is blank/,
    /^res_id: the value is empty, and this field requires one \(no Kontrahent row has nazwa "(Elmar Instalacje|Termotech Konin)"\)/,
  ],
  // A person with no firm names no prospect (Aday is keyed by the firm; they load through Kisi).
  defter: [/key column 'Firma' is blank/],
  // A to-do about a sale deleted before the export, and about nothing else, has no record to go to.
  ugyfeltar: [/^res_id: the value is empty, and this field requires one \(ertekesites "ÉRT-\d{4}-\d{4}" does not exist in the export\)/],
  // An activity about an opportunity deleted before the export goes to the person or company
  // written beside it (the missing opportunity is reported): nothing is refused.
  asiakkaat: [],
  // A firm whose IČO fails its check digit (and the contact person and bank account on its row),
  // and a deal naming a firm deleted from the CRM before the export, in neither system: its
  // customer is not known.
  adresar: [
    /^company_registry: IČO \d{8} nemá platnou kontrolní číslici$/,
    /^Odoo requires partner_id, but it is empty \(adresa "\d+" was not loaded \(its row, adresar\.csv line \d+, was rejected: company_registry: IČO \d{8} nemá/,
    /^parent_id: the value is empty, and this field requires one \(adresa "\d+" was not loaded \(its row, adresar\.csv line \d+, was rejected: company_registry: IČO \d{8} nemá/,
    /^partner_id: the value is empty, and this field requires one \(no Firma row has nazev "[^"]+" \(an optional link\); no Adresa row has firma/,
  ],
  parteneri: [
    /^x_cui: CUI (RO ?|ro)?\d{2,10} nu are cifra de control corectă$/,
    /^parent_id: the value is empty, and this field requires one \(partener "P\d{4}" was not loaded \(its row, parteneri\.csv line \d+, was rejected: x_cui: CUI /,
    /^partner_id: partenerul P\d{4} \([^)]+\) a fost șters din programul de facturare \(partener "P\d{4}" does not exist in the export\)$/,
  ],
  debitorer: [/^partner_id: Virksomheden .+ findes ikke \(slettet i CRM før eksporten\) \(no Virksomhed row has navn "[^"]+" \(an optional link\); no Debitor row has navn /],
  // Deals of an organisation deleted from the CRM before the export.
  zonnedak: [/^partner_id: Organisatie \d+ bestaat niet meer \(verwijderd in het CRM vóór de export\) \(organisatie "\d+" does not exist in the export\)$/],
};

describe.each([...FAMILIES, ...UNMEASURED_HOLD_OUTS])("the hand-written $name package ($about)", ({ name }) => {
  let exported: ReturnType<typeof generateFamilyExport>;
  let sample: LoadedSample;
  let index: OdooIndex;
  let plan: Plan;

  beforeAll(async () => {
    exported = generateFamilyExport(name);
    const analysis = analyzeDirectory(familyPackage(name));
    expect(analysis.diagnostics.map((diagnostic) => `${diagnostic.file}:${diagnostic.range.start.line} ${diagnostic.code} ${diagnostic.message}`)).toEqual([]);
    plan = emitPlan(analysis);
    sample = await loadSample(plan, exported.path);
    index = new OdooIndex(sample.double);
  }, 120_000);

  afterAll(async () => {
    await sample.close();
    exported.remove();
  });

  it("accounts for every row, and rejects only what it says it does, with the reason", () => {
    expect(sample.first.status).toBe("complete");
    for (const entity of sample.first.entities) {
      expect(entity.loaded + entity.merged + entity.linked + entity.skipped + entity.rejected + entity.duplicates + entity.notSelected, entity.entity).toBe(entity.read);
      expect(entity.read, entity.entity).toBeGreaterThan(0);
    }
    const expected = EXPECTED_REJECTS[name] ?? [];
    for (const reject of sample.first.rejects)
      expect(
        expected.some((pattern) => pattern.test(reject.reason)),
        reject.reason,
      ).toBe(true);
    // Rows the maps refuse are few; a private person's blank name in the by-name entity loses nothing.
    const loaded = sample.first.entities.reduce((sum, entity) => sum + entity.loaded, 0);
    expect(sample.first.rejects.filter((reject) => !/key column/.test(reject.reason)).length).toBeLessThan(loaded / 50);
  });

  it("names every partner, finds owners by name, and links what the export links by name", () => {
    const partners = Object.entries(sample.loaded).filter(([, record]) => "is_company" in record);
    expect(partners.length).toBeGreaterThan(100);
    for (const [xmlid, record] of partners) expect(String(record["name"] ?? "").trim(), xmlid).not.toBe("");
    // A file read in the wrong code page shows characters no name holds ("ł" of Windows-1250 read as Windows-1252 is "³").
    for (const [xmlid, record] of partners) expect(String(record["name"] ?? ""), xmlid).not.toMatch(/[¹³¿¥\uFFFD]/u);
    // Owners: most records of a staff member get the Odoo user; a leaver's are reported.
    const owned = partners.filter(([, record]) => typeof record["user_id"] === "string" && record["user_id"] !== "");
    expect(owned.length).toBeGreaterThan(partners.length / 3);
    // Group parents named in the export are linked records.
    const companies = index.all("res.partner").filter((partner) => partner["is_company"] === true && isLinked(partner["parent_id"]));
    expect(companies.length).toBeGreaterThan(5);
  });

  it("passes its own test blocks, where it has any", async () => {
    const results = await runPlanTests(plan, familyPackage(name));
    expect(results.filter((result) => result.failures.length > 0)).toEqual([]);
  });
});

/** A many2one as the double holds it: an id, or Odoo's [id, name] pair as read returns it; unset is false or absent. */
function isLinked(value: unknown): boolean {
  if (Array.isArray(value)) return typeof value[0] === "number" && value[0] > 0;
  return typeof value === "number" && value > 0;
}
