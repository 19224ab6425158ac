/**
 * PerfectView export layout: every chunked file, its exact header and each column's meaning.
 */
import { column, type ColumnSpec, type FileLayout } from "./layout.js";

const DATE = "date `dd-MM-yyyy`";
const DATETIME = "datetime `dd-MM-yyyy HH:mm`, Dutch local time (Europe/Amsterdam), 24-hour clock";
const EURO = "amount `#.##0,00`: dot thousands separator, decimal comma, two decimals, no currency sign";
const JANEE = "`ja` or `nee`";
const OWNER = "e-mail address of a PerfectView user (gebruikers_NNN.csv E-mailadres)";
const NUMBER = "integer; numbers step by 3 (gaps are deleted records)";
const MODIFIED = column("Gewijzigd op", "Last change; a key repeated in the next chunk may carry a later value there", DATETIME, "12-03-2026 14:07", true);

function personColumns(n: 1 | 2 | 3): ColumnSpec[] {
  const req = false;
  return [
    column(`Contactpersoon ${n}`, `Contact person ${n}: full name, first name first, with tussenvoegsel`, "text; blank when there is no person " + n, n === 1 ? "Joëlle van der Meer" : "Sander Bakker", req),
    column(`Functie ${n}`, `Role of contact person ${n}`, "one of: Directeur/CEO, Verkoopmanager, Contactpersoon facturen, Inkoper, Office manager, Projectleider, Eigenaar; blank with no person", "Contactpersoon facturen", req),
    column(`E-mail ${n}`, `E-mail of contact person ${n}`, "lower-case e-mail; blank with no person", "joelle.vandermeer@rijnmondbouw.nl", req),
    column(`Telefoon ${n}`, `Mobile number of contact person ${n}`, "`06-` + 8 digits; may be blank", "06-12345678", req),
  ];
}

export const PV_RELATIONS: FileLayout = {
  entity: "Relation",
  file: "relaties_NNN.csv",
  key: ["Relatienummer"],
  description:
    "One row per relation: an organisation and up to three contact persons in repeated column groups. A relation may have no person (company_only_relation) or no organisation (person_only_relation: Bedrijfsnaam blank, the person's home address).",
  columns: [
    column("Relatienummer", "Relation number", NUMBER + ", from 10001", "10004", true),
    column("Bedrijfsnaam", "Organisation name with legal form", "text; blank for a private person", "Rijnmond Bouw B.V.", false),
    column("Relatiesoort", "Relation type", "one of: Klant, Prospect, Leverancier, Partner", "Klant", true),
    column("Bezoekadres", "Street and house number (visiting address)", "text; 1 in 50 holds two lines (quoted_newline)", "Kerkstraat 12a", true),
    column("Postcode", "Postcode", "`1234 AB` (Netherlands) or 4 digits (België)", "3011 AB", true),
    column("Plaats", "Town", "text (may start with an apostrophe: 's-Gravenhage)", "Rotterdam", true),
    column("Land", "Country, in Dutch", "`Nederland` or `België`", "Nederland", true),
    column("Telefoonnummer", "Main number", "`0xx-xxxxxxx` or `+31 xx xxx xxxx`", "010-4567890", true),
    column("E-mailadres", "General e-mail of the organisation (or the person's, for a private person)", "lower-case e-mail; may be blank", "info@rijnmondbouw.nl", false),
    column("Website", "Web site", "`www.` + domain; blank for a private person", "www.rijnmondbouw.nl", false),
    column("KvK-nummer", "Chamber of Commerce number", "8 digits; blank for a private person", "12345678", false),
    column("BTW-nummer", "VAT number", "`NL` + 9 digits + `B01`; may be blank", "NL123456789B01", false),
    column("Branche", "Industry", "one of: Bouw, Zorg, Onderwijs, Detailhandel, Horeca, ICT, Industrie, Overheid, Logistiek, Zakelijke dienstverlening; may be blank", "Bouw", false),
    column("Accountmanager", "Owner", OWNER + "; may be blank", "s.bakker@vandijk-installatie.nl", false),
    column("Klantnummer", "Custom field: customer number", "`K` + 5 or more digits; only for Relatiesoort Klant", "K10004", false),
    column("Lid sinds", "Custom field: customer since", `${DATE}; only for Klant`, "01-09-2017", false),
    column("Geïnteresseerd in", "Custom field (selection): main interest", "one of: Warmtepompen, Zonnepanelen, Onderhoud, Klimaatbeheersing, Advies; may be blank", "Warmtepompen", false),
    column("Nieuwsbrief", "Custom field: receives the newsletter", JANEE, "ja", true),
    ...personColumns(1),
    ...personColumns(2),
    ...personColumns(3),
    column("Aangemaakt op", "Creation time", DATETIME, "15-06-2018 10:22", true),
    MODIFIED,
  ],
};

export const PV_ACTIVITIES: FileLayout = {
  entity: "Activity",
  file: "activiteiten_NNN.csv",
  key: ["Activiteitnummer"],
  description: "Calls, e-mails, appointments and tasks, on a relation and optionally a lead.",
  columns: [
    column("Activiteitnummer", "Activity number", NUMBER + ", from 200001", "200004", true),
    column("Relatienummer", "The relation", "Relatienummer", "10004", true),
    column("Leadnummer", "The lead, if any", "Leadnummer; may be blank", "30007", false),
    column("Soort", "Activity type", "one of: Telefoongesprek, E-mail, Afspraak, Taak", "Telefoongesprek", true),
    column("Onderwerp", "Subject", "text", "Terugbellen over offerte", true),
    column("Omschrijving", "Description", "text; 1 in 4 spans several lines (CRLF inside quotes)", "Klant belde over de storing aan de cv-ketel.", true),
    column("Datum", "Planned moment", DATETIME, "02-04-2026 09:30", true),
    column("Deadline", "Due date", DATE, "03-04-2026", true),
    column("Medewerker", "Assigned user", OWNER, "s.bakker@vandijk-installatie.nl", true),
    column("Status", "State", "`Open` or `Afgerond`", "Afgerond", true),
    column("Afgerond op", "When it was completed", `${DATETIME}; blank unless Afgerond`, "02-04-2026 10:05", false),
    MODIFIED,
  ],
};

export const PV_LEADS: FileLayout = {
  entity: "Lead",
  file: "leads_NNN.csv",
  key: ["Leadnummer"],
  description: "Sales leads on a relation.",
  columns: [
    column("Leadnummer", "Lead number", NUMBER + ", from 30001", "30007", true),
    column("Relatienummer", "The relation", "Relatienummer", "10004", true),
    column("Omschrijving", "Lead title", "text", "Warmtepomp voor kantoorpand", true),
    column("Status", "Lead status", "one of: Nieuw, Gekwalificeerd, Offerte uitgebracht, Onderhandeling, Gewonnen, Verloren", "Gekwalificeerd", true),
    column("Bron", "Lead source", "one of: Website, Beurs, Telefonisch, Via relatie, LinkedIn, Nieuwsbrief, Google Ads; may be blank", "Beurs", false),
    column("Verwachte omzet", "Expected revenue in euros", EURO, "12.500,00", true),
    column("Kans (%)", "Probability", "integer 0-100", "40", true),
    column("Verwachte afsluitdatum", "Expected close date", DATE, "30-06-2026", true),
    column("Eigenaar", "Owner", OWNER, "s.bakker@vandijk-installatie.nl", true),
    column("Aangemaakt op", "Creation time", DATETIME, "10-02-2026 11:00", true),
    MODIFIED,
  ],
};

export const PV_CASES: FileLayout = {
  entity: "Case",
  file: "zaken_NNN.csv",
  key: ["Zaaknummer"],
  description: "Support cases (service requests and complaints).",
  columns: [
    column("Zaaknummer", "Case number", NUMBER + ", from 40001", "40010", true),
    column("Relatienummer", "The relation", "Relatienummer", "10004", true),
    column("Onderwerp", "Subject", "text", "Storing cv-ketel", true),
    column("Omschrijving", "Description", "text; 1 in 2 spans several lines (CRLF inside quotes)", "Klant belde over de storing aan de cv-ketel.", true),
    column("Status", "Case status", "one of: Nieuw, In behandeling, Wacht op klant, Opgelost, Gesloten", "In behandeling", true),
    column("Prioriteit", "Priority", "one of: Laag, Normaal, Hoog, Urgent", "Hoog", true),
    column("Soort", "Case type", "one of: Vraag, Klacht, Storing, Wijzigingsverzoek", "Storing", true),
    column("Behandelaar", "Assigned user", OWNER, "s.bakker@vandijk-installatie.nl", true),
    column("Gemeld op", "When it was reported", DATETIME, "11-03-2026 08:12", true),
    column("Opgelost op", "When it was solved", `${DATETIME}; blank unless Opgelost or Gesloten`, "12-03-2026 16:40", false),
    MODIFIED,
  ],
};

export const PV_DOCUMENTS: FileLayout = {
  entity: "Document",
  file: "documenten_NNN.csv",
  key: ["Documentnummer"],
  description: "Stored documents. The file is at Pad, relative to the export folder, written with Windows backslashes.",
  columns: [
    column("Documentnummer", "Document number", NUMBER + ", from 50001", "50001", true),
    column("Relatienummer", "The relation", "Relatienummer", "10004", true),
    column("Leadnummer", "The lead, if any", "Leadnummer; may be blank", "30007", false),
    column("Bestandsnaam", "Original file name (may contain accents)", "text with extension", "Overeenkomst café.pdf", true),
    column("Pad", "Where the file is in the export", "`bestanden\\<Documentnummer>-<ascii slug>`: backslash separator, convert to `/`", "bestanden\\50001-overeenkomst-cafe.pdf", true),
    column("Omschrijving", "Description", "text; may be blank", "Getekende overeenkomst", false),
    column("Bestandstype", "MIME type", "`application/pdf`, `image/png` or `text/plain`", "application/pdf", true),
    column("Grootte (bytes)", "File size in bytes", "integer", "1203", true),
    column("Aangemaakt op", "Upload time", DATETIME, "05-03-2026 13:45", true),
  ],
};

const LINE_COLUMNS = (parent: string, parentExample: string): ColumnSpec[] => [
  column(parent, "The header record", `${parent} of the header file`, parentExample, true),
  column("Regelnummer", "Line number within the header record", "integer from 1", "2", true),
  column("Productcode", "Product internal reference; match it with Odoo product default_code", "text (upper case, digits, `-`)", "WP-LW08", true),
  column("Omschrijving", "Line description (product name)", "text", "Warmtepomp lucht/water 8 kW", true),
  column("Aantal", "Quantity", "decimal comma, no thousands separator (`1`, `2,5`)", "2", true),
  column("Prijs per stuk", "Unit price excluding VAT", EURO, "7.490,00", true),
  column("Korting (%)", "Discount in percent", "decimal comma (`0`, `7,5`, `10`)", "10", true),
  column("BTW (%)", "VAT rate in percent", "`21` or `9`", "21", true),
];

export const PV_QUOTES: FileLayout = {
  entity: "Quote",
  file: "offertes_NNN.csv",
  key: ["Offertenummer"],
  description: "Quotations; their lines are in offerteregels_NNN.csv.",
  columns: [
    column("Offertenummer", "Quote number", "`OF` + number stepping by 3 from 20001", "OF20004", true),
    column("Relatienummer", "The relation", "Relatienummer", "10004", true),
    column("Leadnummer", "The lead, if any", "Leadnummer; may be blank", "30007", false),
    column("Omschrijving", "Title", "text", "Offerte warmtepomp voor kantoorpand", true),
    column("Offertedatum", "Quote date", DATE, "14-01-2026", true),
    column("Geldig tot", "Valid until", DATE, "13-02-2026", true),
    column("Status", "Quote status", "one of: Concept, Verstuurd, Geaccepteerd, Afgewezen", "Verstuurd", true),
    column("Totaal excl. BTW", "Sum of the lines (quantity × price × (1 − discount)), rounded per line to cents", EURO, "14.982,00", true),
    column("Valuta", "Currency", "`EUR`", "EUR", true),
    column("Eigenaar", "Owner", OWNER, "s.bakker@vandijk-installatie.nl", true),
    MODIFIED,
  ],
};

export const PV_QUOTE_LINES: FileLayout = {
  entity: "QuoteLine",
  file: "offerteregels_NNN.csv",
  key: ["Offertenummer", "Regelnummer"],
  description: "Quote lines, 1 to 5 per quote, in quote order.",
  columns: LINE_COLUMNS("Offertenummer", "OF20004"),
};

export const PV_INVOICES: FileLayout = {
  entity: "Invoice",
  file: "facturen_NNN.csv",
  key: ["Factuurnummer"],
  description: "Sales invoices; their lines are in factuurregels_NNN.csv. Status betaald cannot be written to Odoo (payment state is computed).",
  columns: [
    column("Factuurnummer", "Invoice number", "`F` + number stepping by 3 from 100001", "F100004", true),
    column("Relatienummer", "The relation", "Relatienummer", "10004", true),
    column("Offertenummer", "The quote invoiced, if any", "Offertenummer; may be blank", "OF20004", false),
    column("Factuurdatum", "Invoice date", DATE, "20-02-2026", true),
    column("Vervaldatum", "Due date", DATE, "22-03-2026", true),
    column("Status", "Payment status", "`betaald`, `open` or `geannuleerd`", "open", true),
    column("Totaal excl. BTW", "Sum of the line amounts", EURO, "14.982,00", true),
    column("BTW-bedrag", "VAT: per line, net × rate, rounded to cents, summed", EURO, "3.146,22", true),
    column("Totaal incl. BTW", "Total including VAT", EURO, "18.128,22", true),
    column("Valuta", "Currency", "`EUR`", "EUR", true),
    MODIFIED,
  ],
};

export const PV_INVOICE_LINES: FileLayout = {
  entity: "InvoiceLine",
  file: "factuurregels_NNN.csv",
  key: ["Factuurnummer", "Regelnummer"],
  description: "Invoice lines, 1 to 4 per invoice, in invoice order.",
  columns: LINE_COLUMNS("Factuurnummer", "F100004"),
};

export const PV_USERS: FileLayout = {
  entity: "User",
  file: "gebruikers_NNN.csv",
  key: ["Gebruikersnaam"],
  description: "PerfectView users. Every 6th user is inactive (Actief nee); owner columns hold the E-mailadres.",
  columns: [
    column("Gebruikersnaam", "Login name", "lower case: first initial + surname without spaces", "sbakker", true),
    column("Volledige naam", "Full name", "text", "Sander Bakker", true),
    column("E-mailadres", "E-mail (what owner columns hold)", "lower-case e-mail at vandijk-installatie.nl", "s.bakker@vandijk-installatie.nl", true),
    column("Actief", "Whether the user can still log in", JANEE, "ja", true),
    column("Rol", "Role in PerfectView", "one of: Beheerder, Verkoop, Planning, Monteur, Administratie", "Verkoop", true),
  ],
};

export const PV_CUSTOM_FIELDS: FileLayout = {
  entity: "CustomField",
  file: "vrije_velden_NNN.csv",
  key: ["Object", "Veldnaam"],
  description: "Custom field definitions (fixed content). Label is the column header in the data file.",
  columns: [
    column("Object", "Where the field lives", "`Relatie`, `Lead` or `Zaak`", "Relatie", true),
    column("Veldnaam", "Internal field name", "text without spaces", "lid_sinds", true),
    column("Label", "Display label, used as column header", "text", "Lid sinds", true),
    column("Type", "Field type", "one of: Tekst, Getal, Datum, Keuzelijst, Ja/nee", "Datum", true),
    column("Keuzelijst", "Options of a Keuzelijst", "options separated by `|`; blank otherwise", "Warmtepompen|Zonnepanelen", false),
    column("Verplicht", "Whether a value is required", JANEE, "nee", true),
  ],
};

export const PV_MESSAGES: FileLayout = {
  entity: "Message",
  file: "communicatie_NNN.csv",
  key: ["Berichtnummer"],
  description: "E-mail history in threads (Gespreksnummer), oldest first within a thread, linked to a relation and optionally a lead or case.",
  columns: [
    column("Berichtnummer", "Message number", NUMBER + ", from 600001", "600001", true),
    column("Gespreksnummer", "Thread number (the Berichtnummer of the thread's first message)", "integer", "600001", true),
    column("Relatienummer", "The relation", "Relatienummer", "10004", true),
    column("Leadnummer", "The lead, if any", "Leadnummer; may be blank", "30007", false),
    column("Zaaknummer", "The case, if any", "Zaaknummer; may be blank", "40010", false),
    column("Datum", "Sent or received", DATETIME, "11-03-2026 08:30", true),
    column("Richting", "Direction", "`Inkomend` (from the relation) or `Uitgaand` (from a user)", "Inkomend", true),
    column("Van", "Sender", "e-mail address", "joelle.vandermeer@rijnmondbouw.nl", true),
    column("Aan", "Recipients", "e-mail addresses separated by `, `", "s.bakker@vandijk-installatie.nl", true),
    column("CC", "Copy recipients", "e-mail addresses separated by `, `; may be blank", "", false),
    column("Onderwerp", "Subject; replies start with `RE: `", "text", "RE: Storing cv-ketel", true),
    column("Inhoud", "Body as plain text", "text; 1 in 2 spans several lines (CRLF inside quotes)", "Beste Sander,\r\n\r\nGraag terugbellen vóór 17:00 uur.", true),
  ],
};

export const PV_WORKFLOWS: FileLayout = {
  entity: "Workflow",
  file: "workflows_NNN.csv",
  key: ["Naam"],
  description: "Workflow definitions (fixed content, 5 rows); rebuilt by hand in Odoo.",
  columns: [
    column("Naam", "Workflow name", "text", "Herinnering offerte", true),
    column("Object", "Where it runs", "`Relatie`, `Lead`, `Zaak`, `Offerte` or `Factuur`", "Offerte", true),
    column("Trigger", "What starts it", "text", "Status gewijzigd", true),
    column("Voorwaarden", "Conditions", "text with `;` and double quotes (quoted field)", 'Status = "Verstuurd"; Geldig tot < vandaag + 7', true),
    column("Acties", "Actions, separated by ` | `", "text", "Taak aanmaken voor eigenaar | E-mail naar relatie", true),
    column("Actief", "Switched on", JANEE, "ja", true),
  ],
};

export const PV_LAYOUTS: readonly FileLayout[] = [
  PV_RELATIONS,
  PV_ACTIVITIES,
  PV_LEADS,
  PV_CASES,
  PV_DOCUMENTS,
  PV_QUOTES,
  PV_QUOTE_LINES,
  PV_INVOICES,
  PV_INVOICE_LINES,
  PV_USERS,
  PV_CUSTOM_FIELDS,
  PV_MESSAGES,
  PV_WORKFLOWS,
];
