/**
 * The export families `flitmap init` is measured on: each generated (mappings/generators/families)
 * into a temporary folder, with the specialist's hand-written package beside this file.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FAMILY_SAMPLE, generateFamily } from "../../../mappings/generators/families/index.js";

export interface Family {
  readonly name: string;
  /** What its export is like, for the test names. */
  readonly about: string;
  /**
   * For a family kept out of the proposer's tuning until measured: that first measurement. The
   * fixes made after it, in view of its output, are in the history (docs/init.md).
   */
  readonly heldOut?: string;
}

/**
 * Kundenwerk and Carnet tuned the proposer. Casebook was kept out of it until the end, measured
 * once, then three fixes were made in view of its output; Pipelane, written after those, was the
 * second hold-out, measured once, then fixed alike. Clientela, written by another hand after all
 * the tuning, without reading the proposer or its output, was the third hold-out: measured once,
 * then tuned on (a lexicon of more languages, rows typed by a column, keys written with and
 * without leading zeros), so it is no hold-out any more. Anagrafe (Italian), written by another
 * hand without reading the proposer, its tests or its output, was the fourth hold-out, measured
 * once on 2026-12-06 after that work had landed, then tuned on (lines under their record, typed
 * rows as one partner each, bank accounts, tags, owners through a file of e-mails, an agenda's
 * appointments as calendar events), so it is no hold-out any more either. Carteira (Brazilian
 * Portuguese), written by another hand in the same way, was the fifth hold-out, measured once on
 * 2026-12-06 after that tuning and the reader's new value formats had landed, then tuned on
 * (contact people in numbered column groups, parents by tax number, address parts, values read
 * for their fields). Kartoteka (Polish), written by another hand in the same way, was the sixth
 * hold-out, measured once on 2026-12-06 late, after that tuning had landed, then tuned on (code
 * pages told from the words, registries typed by a yes/no column, organisations' names by their
 * legal forms, payers by code, agendas of date-times, accounts without their country code, second
 * addresses). Defter (Turkish), written by another hand in the same way, was the seventh hold-out,
 * measured once on 2026-12-07 after that tuning had landed, then tuned on (Turkish in the lexicon,
 * cards typed by a category, a contact person's column, customer and supplier ranks, IBANs by
 * their header, balances ignored, amounts converted into one currency, an agenda of moments and
 * durations split into events, notes and activities). Kundregister (Swedish), written by another
 * hand in the same way, was the eighth hold-out, measured once on 2026-12-07 after all of that and
 * init's reading of values had landed (48 of 90 columns), then tuned on (tables saved as text,
 * the reader's own yes/no words kept beside the source's, registers typed by one name column,
 * invoicing e-mails and delivery addresses as contacts, post codes and towns in one cell, leads
 * named by their firm, their next contact an activity). Pelatologio (Greek), written by another
 * hand in the same way, was the ninth hold-out, measured once on 2026-12-07 after Kundregister's
 * tuning had landed (23 of 79 columns), then tuned on (Greek in the lexicon, other scripts' letters
 * kept as words and Greek headers transliterated into names, Greek legal forms and yes/no words,
 * names linked across case as the run links them, partners named by a description filled in every
 * row, private buyers told by two words in capitals, keys beside names linking too). Ügyféltár
 * (Hungarian), written by another hand in the same way while Pelatologio was tuned on a second
 * time, is the tenth hold-out, measured once on 2026-12-07 after that round had landed (53 of 97
 * columns, 49.5% with opaque headers; the CRM's sales and to-dos not mapped as the specialist
 * maps them), then tuned on (Hungarian in the lexicon, days closed with a dot, I/N flags,
 * customer and supplier ranks from two flags, moments and days alone in one column, bank accounts
 * of eight-digit groups, a site's contact person, invoice contacts by a flag). Asiakkaat (Finnish), written by another
 * hand in the same way while the proposer learnt to read partners', deals' and activities' values
 * whatever their headers, is the eleventh hold-out, measured once on 2026-12-07 after that round
 * had landed (56 of 93 columns, the same with opaque headers: no Finnish word is in the lexicon).
 */
export const FAMILIES: readonly Family[] = [
  { name: "kundenwerk", about: "German, Windows-1252, `;`" },
  { name: "carnet", about: "French, tab-separated, mixed organisation and person rows" },
  { name: "casebook", about: "English, linking by names", heldOut: "first hold-out, 33 of 43 columns (76.7%) at its first measurement" },
  { name: "pipelane", about: "American English, a SaaS CRM's reports", heldOut: "second hold-out, 48 of 53 columns (90.6%) at its first measurement" },
  {
    name: "clientela",
    about: "Spanish, Windows-1252, `;`, companies and people in one file",
    heldOut: "third hold-out, 10 of 52 columns (19.2%) at its first measurement",
  },
  {
    name: "anagrafe",
    about: "Italian ERP, UTF-8 with a BOM, `;`, quotes with lines, a chunked agenda",
    heldOut: "fourth hold-out, 53 of 87 columns (60.9%) at its first measurement",
  },
  {
    name: "carteira",
    about: "Brazilian Portuguese CRM, `;`, contact people in repeated columns, links by CNPJ and by trade name, an activity report in Windows-1252",
    heldOut: "fifth hold-out, 56 of 76 columns (73.7%) at its first measurement",
  },
  {
    name: "kartoteka",
    about: "Polish ERP registry in Windows-1250 with `;` beside a web CRM's `,`-separated UTF-8, payers by code, links by short name, two currencies",
    heldOut: "sixth hold-out, 38 of 81 columns (46.9%) at its first measurement",
  },
  {
    name: "defter",
    heldOut: "seventh hold-out, 31 of 79 columns (39.2%) at its first measurement",
    about:
      "Turkish ERP cards in Windows-1254 with `;` and titles in Turkish capitals beside a web CRM's quoted UTF-8, links by short name and by full name, prospects the ERP lacks, three currencies",
  },
  {
    name: "kundregister",
    heldOut: "eighth hold-out, 48 of 90 columns (53.3%) at its first measurement",
    about:
      "Swedish accounting register in Windows-1252 beside a web CRM's UTF-8 with a BOM and an activity report in UTF-16LE with tabs, post code and town in one cell, parents and deals by name, staff by signature and by shortened name",
  },
  {
    name: "pelatologio",
    heldOut: "ninth hold-out, 23 of 79 columns (29.1%) at its first measurement",
    about:
      "Greek ERP register in Windows-1253 with names in accentless capitals beside a cloud CRM's quoted UTF-8 naming accounts in ordinary spelling, tax offices, sole traders with their father's name, branches by composite key, times on the twelve-hour clock with π.μ./μ.μ., a related-to column pointing to three kinds of record",
  },
  {
    name: "ugyfeltar",
    heldOut: "tenth hold-out, 53 of 97 columns (54.6%) at its first measurement",
    about:
      "Hungarian invoicing register in Windows-1250 with `;` and I/N flags beside a web CRM's UTF-8, names family name first, tax numbers 12345678-2-41 matched with and without dashes, post code and town in one cell, owners by initials and by name, days 2024.03.15. and 2024. 03. 15., forints and euros in one column",
  },
  {
    name: "asiakkaat",
    heldOut: "eleventh hold-out, 56 of 93 columns (60.2%) at its first measurement",
    about:
      "Finnish accounting register in ISO-8859-15 with tabs and K/E beside a web CRM's quoted UTF-8 with a BOM and `;`, Y-tunnus and VAT numbers, post code and office in capitals in one cell, people family name first in one system and given name first in the other, salespeople by number and as \"Matti V.\", days 15.3.2024 and moments 15.3.2024 klo 14.30, housing companies written As Oy and Asunto Oy",
  },
  {
    name: "adresar",
    heldOut: "twelfth hold-out, 57 of 93 columns (61.3%) at its first measurement",
    about:
      "Czech accounting address book in Windows-1250 with `;` and A/N beside a web CRM's UTF-8 with Ano/Ne, IČO with its mod-11 check digit and DIČ, firms named by the CRM where the address book has the IČO, legal forms spaced two ways (s.r.o. and s. r. o.), academic titles before and after names, salutations in the vocative, days 7. 8. 2025 and 07.08.2025, crowns with no-break and thin spaces",
  },
  {
    name: "parteneri",
    heldOut: "thirteenth hold-out, 46 of 85 columns (54.1%) at its first measurement",
    about:
      "Romanian invoicing program in Windows-1250 with `;`, ş and ţ with the cedilla and headers without diacritics beside a CRM's UTF-8 with a BOM and ș and ț with the comma below, CUI with its check digit with and without RO, CNP of private persons, J40/1234/2015, IBANs in groups of four, old names S.C. … S.R.L., Bucharest's sectors, counties by name or code, lei and RON, 1 oră and 1,5 ore, a deleted partner's opportunities by code",
  },
  {
    name: "debitorer",
    heldOut: "fourteenth hold-out, 44 of 64 columns (68.8%) at its first measurement",
    about:
      "Danish accounting debtors in Windows-1252 with `;` beside a web CRM's UTF-8 with `,`, CVR with its mod-11 check written DK12345678, 12 34 56 78 or bare (one in thirty mistyped), EAN of public customers, post code and town in one cell, salespeople by initials and by full name, 25.000,00 kr. and DKK 1.234,56, days 07-08-2025 and 7. 8. 2025, Ja/Nej, deals of a deleted company, cancelled meetings",
  },
  {
    name: "zonnedak",
    heldOut: "fifteenth hold-out, 63 of 78 columns (80.8%) at its first measurement",
    about:
      "Dutch accounting relations in Windows-1252 with `;` and J/N beside a web CRM's UTF-8 with a BOM and Ja/Nee, KvK numbers spaced or without their leading 0, btw-nummers NL123456789B01 with their mod-11 check (some mistyped, some written NL 1234.56.789.B01), IBANs with mod 97, house numbers in the street or apart (12-A, 12 bis), t.a.v. lines, post codes 3811 AB and 3811AB, tussenvoegsels apart, legal forms in the name or in their own column, sales reps by code, € 1.234,56 and 1234.56, n.v.t. and -, deals of a deleted organisation, cancelled meetings",
  },
];

/**
 * Families written as hold-outs and not yet measured: their hand-written packages are tested
 * (family-packages.test.ts), but `flitmap init` has never run on them, so that the first
 * measurement, when the proposer's current work has landed, is an honest one. Kartoteka, the
 * sixth, was measured on 2026-12-06 late; Defter (Turkish), the seventh, written by another hand
 * without reading the proposer, its tests or its output, on 2026-12-07; Kundregister (Swedish),
 * the eighth, written the same way, on 2026-12-07 too; Pelatologio (Greek), the ninth, written the
 * same way after Kundregister's measurement, on 2026-12-07 once Kundregister's tuning had landed;
 * Ügyféltár (Hungarian), the tenth, written the same way during Pelatologio's second round of
 * tuning, on 2026-12-07 once that round had landed (53 of 97 columns). Asiakkaat (Finnish), the
 * eleventh, written the same way while the proposer learnt to read values, on 2026-12-07 once that
 * round had landed (56 of 93 columns, the same with opaque headers). Adresář (Czech), the twelfth,
 * written the same way on 2026-12-07 after Asiakkaat's tuning had landed, measured once on 2026-12-07
 * after that session's proposer work had landed (57 of 93 columns, 45 with opaque headers).
 * Parteneri (Romanian), the thirteenth, written the same way on 2026-12-07 (its writer read five
 * lines of family-packages.test.ts, its list of expected refusals, to register its own), measured
 * once on 2026-12-07 at 551cea5, after that session's first proposer change had landed (46 of 85
 * columns, 44 with opaque headers). Debitorer (Danish), the fourteenth, written the same way on
 * 2026-12-07, measured once at 340bd79 (44 of 64 columns). Zonnedak (Dutch, not PerfectView or Perfect Books), the
 * fifteenth, written the same way on 2026-12-07 (its writer read the debitorer entry of
 * family-packages.test.ts's expected refusals, to register its own, and saw three others'), was
 * measured once on 2026-12-07 at b60bf70, after that session's Debitorer tuning had been written
 * but before it landed (63 of 78 columns, 50 with opaque headers).
 */
export const UNMEASURED_HOLD_OUTS: readonly Family[] = [];

/** The specialist's package for a family. */
export function familyPackage(family: string): string {
  return join(import.meta.dirname, family);
}

/** A family's export in a new temporary folder named `<family>-export` (init names the source after it). */
export function generateFamilyExport(family: string): { readonly path: string; remove(): void } {
  const parent = mkdtempSync(join(tmpdir(), `flitmap-family-${family}-`));
  const path = join(parent, `${family}-export`);
  generateFamily(family, FAMILY_SAMPLE, path);
  return { path, remove: () => rmSync(parent, { recursive: true, force: true }) };
}
