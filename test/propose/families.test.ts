/**
 * `flitmap init` on exports it was not built from: eleven generated export families (a German, a
 * French, two English, a Spanish and a Brazilian CRM export, and an Italian, a Polish, a Turkish,
 * a Swedish and a Greek ERP's beside their CRMs, mappings/generators/families), each compared
 * column by column with the package
 * a specialist wrote by hand before init ran on it (test/propose/families/),
 * for structure (maps or splits, and the links between migrated records), and by loading both into
 * the Odoo double. The figures are printed per family; docs/init.md records them, with the first
 * measurement of each hold-out (families/support.ts).
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readExport } from "../../propose/read-export.js";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { loadShippedCatalog } from "../../compiler/catalog/index.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import { proposePackage, type ProposedPackage } from "../../propose/index.js";
import { loadSample } from "../mappings/support.js";
import { FAMILIES, familyPackage, generateFamilyExport } from "./families/support.js";
import { compareStructure, compareWithPackage, entityReading, packageTargets, type Comparison } from "./targets.js";

/** The share of columns each family must get right: raised as the proposer learned, never lowered. */
const FLOORS: Readonly<Record<string, number>> = {
  kundenwerk: 1,
  carnet: 1,
  casebook: 0.95,
  pipelane: 0.98,
  clientela: 0.94,
  anagrafe: 0.97,
  carteira: 0.97,
  kartoteka: 0.92,
  defter: 1,
  kundregister: 0.94,
  pelatologio: 0.96,
  ugyfeltar: 0.94,
  asiakkaat: 0.93,
  adresar: 0.95,
  parteneri: 0.84,
  debitorer: 0.96,
  zonnedak: 0.8,
};

/**
 * Families whose proposal does not load as the hand-written package does, with the rows it
 * rejects at most. Clientela, the third hold-out, rejected all 270 relations at its first
 * measurement (nameless partners); Anagrafe, the fourth, rejected 327 rows where the hand-written
 * package rejects 9 (its quote lines read as sale orders without a customer). After the fixes
 * made in view of them, both load as their hand-written packages do. Carteira, the fifth, at its
 * first measurement: 19 rows rejected where the hand-written package rejects 14, and 160 people
 * where it makes 426 (the contact people of the companies' repeated columns are not proposed).
 * Since the contact groups, parents by tax number and legal names falling back to trade names: the
 * same companies, people and parent links, and since a head office is named by a column declared
 * unique rather than through an entity keyed by it, no row rejected (the hand-written package
 * rejects 6 activities naming a deleted company), but done activities still loaded as activities
 * where the specialist writes them as chatter messages. Kartoteka, the sixth, at its first
 * measurement: 587 rows rejected where the hand-written package rejects 68 (its registry, in
 * Windows-1250, read as Windows-1252, so its names were not mapped and its partners nameless).
 * Since the code page is told from the words, registries typed by a yes/no column and agendas of
 * date-times: none rejected, the same companies, but fewer people than the specialist (no owner
 * contacts). Since an agenda logging moments beside due days writes its done rows as chatter
 * messages, as the specialist does, the 5 naming a contractor the registry no longer holds are
 * rejected, as they are by the hand-written package (which rejects 63 more). Defter, the seventh,
 * at its first measurement: 549 rows rejected where the hand-written package rejects 5 (no
 * Turkish word in the lexicon: its cards become leads and custom fields, its partners nameless).
 * Since it was tuned on (Turkish in the lexicon, cards typed by a category, an agenda of moments
 * and durations): 6, each a row naming a person by a name two people share, which the proposal
 * refuses rather than guess (the specialist takes the first). A ratchet: lower it as the
 * proposer learns.
 *
 * Kundregister, the eighth, at its first measurement: no row rejected, but not the hand-written
 * package's records either (61 companies against 192, the private customers and the contacts of
 * the invoicing e-mails and delivery addresses not split; no activity or event, since init reads
 * no `.txt` file and the activity report is Excel's "Unicode text"). Only the rejects are held here.
 * Since it was tuned on: the same partners and parent links, no row rejected, but the prospects
 * that became customers loaded as leads and the activity report's internal and done rows as
 * events and activities, where the specialist skips them or writes messages.
 *
 * Pelatologio, the ninth, at its first measurement: no row rejected, but 8 companies against 201
 * (no Greek word in the lexicon: the ERP's customers proposed as leads, its branches as people),
 * no parent link against 359, no activity or event against 28 and 66. Since it was tuned on (Greek
 * in the lexicon, names linked across case, partners named by their description, private buyers
 * told by two words in capitals, keys beside names): no row rejected, the same 201 companies, but 300 activities and
 * no event where the specialist makes 28 activities, 66 events and messages. Since calls stay
 * activities, typed records are read from their values and a branch's person in charge is a
 * contact, and two e-mails in one cell make an invoice contact: 38 activities, 75 events and the
 * done rest messages, the specialist's 397 people; the specialist skips cancelled and internal
 * activities.
 *
 * Ügyféltár, the tenth, at its first measurement: no row rejected, the register's partners, but no
 * opportunity, activity or event (the CRM's sales got no map; its to-dos one file of messages)
 * against 89, 28 and 37, and the register's partners not split from their bank accounts.
 * Since it was tuned on (Hungarian words, days, I/N, moments beside days alone): the 89
 * opportunities, 37 events and 28 activities, the done rest messages, and one row rejected, the
 * one the hand-written package rejects too (a done task about a sale deleted before the export,
 * and about nothing else: its message has no record to go to); fewer people than the specialist
 * (no contact at a site).
 *
 * Asiakkaat, the eleventh, at its first measurement: 220 rows rejected (the register's credit
 * limits, its separator taken for a point; every opportunity, no column found for its name). Since
 * it was tuned on (codes kept as text, a deal's title made of fields no list of tags, durations in
 * words, Finnish kinds of activity): none, the 76 opportunities named by their title, 15 activities
 * and 35 events against 17 and 31; since people are linked by full name and a cancelled status
 * skips cancelled meetings, the specialist's 17 and 31, and its 76 opportunities linked to a
 * partner (62 before). Adresář, the twelfth, at its first measurement: none rejected,
 * but no opportunity (its deals proposed as partners) and 256 companies against 161; since it was
 * tuned on (deals by their stages, Czech days, domestic accounts, IČO): none, 78 opportunities
 * against 75, its 18 activities and 37 events as the specialist's, 178 companies. Parteneri, the
 * thirteenth: 19 with the other families' rules; since Romanian is in the lexicon, 24, but its 14
 * activities and 27 events as the specialist's, where it had none. Told apart: 15 partners whose
 * `nespecificat` (no web site) failed `| url`, and the 2 activities about them; 5 activities about
 * a company the CRM spells with ș and ț where the invoicing program has ş and ţ. Since Romanian
 * placeholders and loose links by name, 4: activities about a prospect or an old `S.C. … S.R.L.`
 * name, which the specialist skips or links through that name (it rejects 8: 3 mistyped CUIs, 4
 * opportunities of a deleted partner, 1 more).
 * Zonnedak, the fifteenth, at its one hold-out measurement: none rejected (the specialist's package
 * rejects 5 deals of a deleted organisation), but 175 companies against 119 and no deal linked to
 * its organisation (79 in the hand-written package: the deals name it by a number the proposal
 * does not read as a link).
 */
const LOAD_SHORTFALLS: Readonly<Record<string, number>> = { carteira: 0, kartoteka: 5, defter: 6, kundregister: 0, pelatologio: 0, ugyfeltar: 1, asiakkaat: 0, adresar: 0, parteneri: 4, debitorer: 0, zonnedak: 0 };

/**
 * The companies a family in LOAD_SHORTFALLS may load beyond the hand-written package's (none
 * unless listed): a ratchet too. Ügyféltár's proposal made 219 against 176 and Asiakkaat's 220
 * against 169, the CRM's companies the register holds made again, until init told them by the
 * business IDs and names the two files share and skipped them as the specialists do: 176, and 187,
 * then 169 once the register's households were typed by their customer group. Adresář's at its one
 * hold-out measurement: 256 against 161, its deals among them (proposed as partners); 178 since
 * its tuning (the deals opportunities). Parteneri's: 120 against 117, the three partners whose CUI
 * fails its check digit, which the specialist rejects and the proposal loads (its `vat` kept).
 * Zonnedak's at its one hold-out measurement: 175 against 119, not yet told apart (its specialist
 * merges 57 of the CRM's organisations onto the relations the accounting program holds; the
 * proposal does not).
 */
const COMPANY_SURPLUS: Readonly<Record<string, number>> = { adresar: 17, parteneri: 3, zonnedak: 56 };

describe.each(FAMILIES)("flitmap init on the $name family ($about)", ({ name, heldOut }) => {
  const schema = loadShippedCatalog("17.0");
  let exported: ReturnType<typeof generateFamilyExport>;
  let proposed: ProposedPackage;
  let handTexts: string[];

  beforeAll(async () => {
    exported = generateFamilyExport(name);
    const sample = await readExport(exported.path);
    proposed = proposePackage(sample, { sourceName: name, target: { kind: "series", series: "17.0" }, schema, directory: join(exported.path, "proposed") });
    const folder = familyPackage(name);
    handTexts = readdirSync(folder)
      .filter((file) => file.endsWith(".flitmap"))
      .map((file) => readFileSync(join(folder, file), "utf8"));
  });

  afterAll(() => exported.remove());

  it("proposes a package the check accepts, no proposal refused", () => {
    expect(proposed.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    expect(proposed.demoted).toEqual([]);
  });

  it("proposes the hand-written package's target for the columns it measures, and its structure", () => {
    const mine = packageTargets(
      proposed.files.map((file) => file.text),
      schema,
    );
    const reference = packageTargets(handTexts, schema);
    const files = readdirSync(exported.path).filter((file) => /\.(csv|txt)$/i.test(file) && entityReading(reference, file) !== undefined);
    const comparison: Comparison = compareWithPackage(mine, reference, files, "hand-written");
    const structure = compareStructure(
      { texts: proposed.files.map((file) => file.text), targets: mine },
      { texts: handTexts, targets: reference },
      files,
      schema,
    );
    console.log(
      `${name}${heldOut === undefined ? "" : ` (${heldOut})`}: ${comparison.equal} of ${comparison.compared} columns (${(comparison.share * 100).toFixed(1)}%) get the hand-written target; ` +
        `structure: ${structure.length === 0 ? "the same" : `${structure.length} difference${structure.length === 1 ? "" : "s"}`}` +
        `${comparison.differences.length === 0 ? "" : `\n  differing columns:\n    ${comparison.differences.join("\n    ")}`}` +
        `${structure.length === 0 ? "" : `\n  structure:\n    ${structure.join("\n    ")}`}`,
    );
    expect(comparison.compared).toBeGreaterThan(40);
    expect(comparison.share).toBeGreaterThanOrEqual(FLOORS[name] ?? 0.9);
  });

  it("loads into the Odoo double as the hand-written package does: the same records (or the few it refuses), and as many links", async () => {
    const folder = join(exported.path, "..", "proposed");
    mkdirSync(folder, { recursive: true });
    for (const file of proposed.files) writeFileSync(join(folder, file.name), file.text);
    const mine = await loadedShape(folder, exported.path);
    const theirs = await loadedShape(familyPackage(name), exported.path);
    console.log(`${name}${heldOut === undefined ? "" : ` (${heldOut})`} loaded: proposal ${JSON.stringify(mine)}; hand-written ${JSON.stringify(theirs)}`);
    const shortfall = LOAD_SHORTFALLS[name];
    if (shortfall !== undefined) {
      expect(mine.rejected).toBeLessThanOrEqual(shortfall);
      expect(mine.records["companies"] ?? 0).toBeLessThanOrEqual((theirs.records["companies"] ?? 0) + (COMPANY_SURPLUS[name] ?? 0));
      return;
    }
    expect(mine.rejected).toBeLessThanOrEqual(theirs.rejected);
    // The proposal may load a row the specialist chose to refuse (a task without a deadline gets Odoo's default), never fewer.
    for (const [measure, count] of Object.entries(theirs.records)) {
      expect(mine.records[measure] ?? 0, measure).toBeGreaterThanOrEqual(count);
      expect(mine.records[measure] ?? 0, measure).toBeLessThanOrEqual(count + theirs.rejected);
    }
    for (const [measure, count] of Object.entries(theirs.links)) expect(mine.links[measure] ?? 0, measure).toBeGreaterThanOrEqual(count * 0.95);
  }, 120_000);
});

/** What a package's run leaves in a fresh Odoo double: records per model, links, rejected rows. */
async function loadedShape(folder: string, source: string): Promise<{ records: Record<string, number>; links: Record<string, number>; rejected: number }> {
  const analysis = analyzeDirectory(folder);
  expect(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
  const sample = await loadSample(emitPlan(analysis), source);
  try {
    expect(sample.first.status).toBe("complete");
    const records = (model: string): Record<string, unknown>[] => sample.double.records(model);
    const partners = records("res.partner");
    const linked = (rows: Record<string, unknown>[], field: string): number =>
      rows.filter((row) => row[field] !== false && row[field] !== null && row[field] !== undefined && row[field] !== 0).length;
    return {
      records: {
        companies: partners.filter((partner) => partner["is_company"] === true).length,
        people: partners.filter((partner) => partner["is_company"] !== true).length,
        opportunities: records("crm.lead").length,
        activities: records("mail.activity").length,
        events: records("calendar.event").length,
      },
      links: {
        "res.partner.parent_id": linked(partners, "parent_id"),
        "crm.lead.partner_id": linked(records("crm.lead"), "partner_id"),
        "mail.activity.res_id": linked(records("mail.activity"), "res_id"),
        "calendar.event.user_id": linked(records("calendar.event"), "user_id"),
      },
      rejected: sample.first.rejects.length,
    };
  } finally {
    await sample.close();
  }
}

describe.each(["18.0", "19.0"])("flitmap init on the families for Odoo %s", (series) => {
  it.each(FAMILIES)("proposes a package for the $name family that checks without errors, no proposal refused", async ({ name }) => {
    const exported = generateFamilyExport(name);
    try {
      const sample = await readExport(exported.path);
      const proposed = proposePackage(sample, {
        sourceName: name,
        target: { kind: "series", series },
        schema: loadShippedCatalog(series),
        directory: join(exported.path, "proposed"),
      });
      expect(proposed.demoted).toEqual([]);
      expect(proposed.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    } finally {
      exported.remove();
    }
  });
});
