/**
 * Carnet: the CRM export of a French software reseller (Logitec Conseil SAS). One of the export
 * families `flitmap init` is measured on (docs/init.md): French headers, tab-separated, UTF-8
 * with a byte order mark, every value quoted, `dd/MM/yyyy` dates, decimal commas with no-break
 * spaces between thousands, `Oui`/`Non`.
 *
 * | file | rows | what |
 * | --- | --- | --- |
 * | tiers.csv | 40% of --rows | mixed rows: an organisation and the person to talk to in one row (55%), an organisation alone (20%), a private person alone (25%, no `Raison sociale`); `Groupe` names the group parent by its name; `Commercial` is the account manager as "MARTIN Julien"; `Catégories` a `;`-separated list |
 * | affaires.csv | 25% | opportunities of a tiers; `Montant HT` in euros ("n.c." when unknown), `Date de signature prévue` the expected date ("-" when none), `Produits` a `;`-separated list |
 * | actions.csv | 35% | actions on an opportunity or a tiers; `Réalisée` Oui/Non, `Échéance` the deadline ("00/00/0000" when none was set) |
 *
 * One account manager (LAMBERT Pascale) has left: no Odoo user has her name.
 */
import type { Rng } from "../prng.js";
import {
  amountText,
  day,
  dayText,
  momentText,
  pad,
  RowStream,
  slug,
  someOf,
  staffMember,
  staffUsers,
  UniqueNames,
  workMoment,
  type FamilyExport,
  type FamilyOptions,
} from "./family.js";

export const CARNET_FIRM = { name: "Logitec Conseil SAS", domain: "logitec-conseil.fr" } as const;

const STAFF = [
  { first: "Julien", last: "Martin" },
  { first: "Claire", last: "Dubois" },
  { first: "Nicolas", last: "Lefèvre" },
  { first: "Sophie", last: "Moreau" },
  { first: "Antoine", last: "Girard" },
] as const;
const FORMER_STAFF = { first: "Pascale", last: "Lambert" } as const;

const FIRST_MALE = ["Pierre", "Jean", "Philippe", "Michel", "Alain", "Éric", "Laurent", "Thierry", "Olivier", "Mathieu", "Hugo", "Louis", "François"] as const;
const FIRST_FEMALE = [
  "Marie",
  "Nathalie",
  "Isabelle",
  "Sylvie",
  "Catherine",
  "Valérie",
  "Céline",
  "Émilie",
  "Camille",
  "Léa",
  "Chloé",
  "Hélène",
  "Aurélie",
] as const;
const LAST = [
  "Bernard",
  "Thomas",
  "Petit",
  "Robert",
  "Richard",
  "Durand",
  "Leroy",
  "Simon",
  "Laurent",
  "Michel",
  "Garcia",
  "David",
  "Bertrand",
  "Roux",
  "Vincent",
  "Fournier",
  "Morel",
  "Mercier",
  "Blanc",
  "Guérin",
  "Boyer",
  "Faure",
  "André",
  "Chevalier",
  "Rousseau",
  "Gauthier",
  "Perrin",
] as const;
const COMPANY_WORDS = [
  "Atelier",
  "Groupe",
  "Société",
  "Comptoir",
  "Ateliers",
  "Établissements",
  "Menuiserie",
  "Transports",
  "Boulangerie",
  "Cabinet",
  "Imprimerie",
  "Garage",
  "Laboratoire",
  "Clinique",
  "Agence",
] as const;
const COMPANY_TAILS = [
  "du Rhône",
  "de Provence",
  "Bretagne",
  "Atlantique",
  "des Alpes",
  "Normandie",
  "du Nord",
  "Occitanie",
  "Lorraine",
  "de la Loire",
] as const;
const LEGAL_FORMS = ["SARL", "SAS", "SAS", "SA", "EURL", "SCI"] as const;
const TOWNS = [
  { city: "Paris", zip: 75, phone: "01" },
  { city: "Lyon", zip: 69, phone: "04" },
  { city: "Marseille", zip: 13, phone: "04" },
  { city: "Toulouse", zip: 31, phone: "05" },
  { city: "Nantes", zip: 44, phone: "02" },
  { city: "Lille", zip: 59, phone: "03" },
  { city: "Bordeaux", zip: 33, phone: "05" },
  { city: "Rennes", zip: 35, phone: "02" },
  { city: "Strasbourg", zip: 67, phone: "03" },
  { city: "Bourg-en-Bresse", zip: 1, phone: "04" },
] as const;
const FOREIGN = [
  { city: "Bruxelles", zip: "1000", country: "Belgique", phone: "+32 2" },
  { city: "Genève", zip: "1201", country: "Suisse", phone: "+41 22" },
  { city: "Luxembourg", zip: "L-1118", country: "Luxembourg", phone: "+352" },
] as const;
const STREETS = [
  "rue de la République",
  "avenue Jean Jaurès",
  "boulevard Victor Hugo",
  "rue Pasteur",
  "place du Marché",
  "chemin des Vignes",
  "rue de la Gare",
  "allée des Tilleuls",
] as const;
const COMPLEMENTS = ["Bâtiment B", "BP 123", "ZI des Forges", "3e étage", "Parc d'activités du Moulin"] as const;
const SECTORS = ["Industrie", "Commerce de gros", "BTP", "Services informatiques", "Santé", "Transport", "Agroalimentaire", "Conseil"] as const;
const CATEGORIES = ["Client", "Prospect", "Partenaire", "Fournisseur", "VIP"] as const;
const FUNCTIONS = [
  "Gérant",
  "Directeur général",
  "Responsable informatique",
  "Directrice administrative",
  "Comptable",
  "Responsable achats",
  "Assistante de direction",
] as const;
const STAGES = [
  ["Prospection", 3],
  ["Qualification", 2],
  ["Proposition", 3],
  ["Négociation", 2],
  ["Gagnée", 3],
  ["Perdue", 2],
] as const;
const STAGE_CHANCE: Readonly<Record<string, number>> = { Prospection: 10, Qualification: 30, Proposition: 50, Négociation: 70, Gagnée: 100, Perdue: 0 };
const ORIGINS = ["Salon", "Recommandation", "Site web", "Prospection téléphonique", "Partenaire"] as const;
const PRODUCTS = ["Logiciel", "Maintenance", "Formation", "Hébergement", "Matériel"] as const;
const LOSS_REASONS = ["Trop cher", "Concurrent retenu", "Projet abandonné", "Pas de budget"] as const;
const ACTION_KINDS = [
  ["Appel", 4],
  ["Rendez-vous", 2],
  ["Courriel", 3],
  ["Tâche", 2],
] as const;
const ACTION_OBJECTS: Readonly<Record<string, readonly string[]>> = {
  Appel: ["Relance devis", "Prise de rendez-vous", "Point sur le projet", "Appel de courtoisie"],
  "Rendez-vous": ["Démonstration du logiciel", "Visite sur site", "Réunion de lancement", "Bilan annuel"],
  Courriel: ["Envoi de la proposition", "Envoi de la documentation", "Confirmation de commande", "Envoi du compte rendu"],
  Tâche: ["Préparer le devis", "Vérifier les licences", "Planifier la formation", "Mettre à jour le contrat"],
};
const REPORTS = [
  "Client intéressé, attend la validation de sa direction.",
  "Budget validé pour le prochain trimestre.",
  "Demande une remise sur la maintenance.",
  "Rappeler après les congés.",
  "Le concurrent propose un prix plus bas.",
  "Démonstration appréciée, devis à envoyer.",
] as const;

const EXPORT_DAY = day(2026, 1, 30);
const HISTORY_START = day(2016, 9, 1);

function commercial(rng: Rng): string {
  return staffMember(
    rng,
    { staff: STAFF, former: FORMER_STAFF, formerChance: 0.08, unassignedChance: 0.05 },
    (person) => `${person.last.toUpperCase()} ${person.first}`,
  );
}

function phone(rng: Rng, prefix: string): string {
  const pairs = Array.from({ length: 4 }, () => pad(rng.int(0, 99))).join(" ");
  return prefix.startsWith("+") ? `${prefix} ${rng.int(100, 999)} ${rng.int(10, 99)} ${rng.int(10, 99)}` : `${prefix} ${pairs}`;
}

function euros(rng: Rng, from: number, to: number): string {
  return amountText(rng.int(from, to) * 10_000, "\u00a0", ",");
}

interface Tiers {
  readonly code: string;
  readonly organisation: string;
}

type Shape = "both" | "organisation" | "person";

function tiersRow(rng: Rng, index: number, shape: Shape, organisation: string, earlier: readonly Tiers[]): string[] {
  const foreign = rng.chance(0.1) ? rng.pick(FOREIGN) : undefined;
  const french = rng.pick(TOWNS);
  const zip = foreign?.zip ?? pad(french.zip * 1000 + rng.int(0, 99) * 10, 5);
  const prefix = foreign?.phone ?? french.phone;
  const company = shape !== "person";
  const person = shape !== "organisation";
  const domain = company ? `${slug(organisation.split(" ").slice(0, 2).join("-"))}.fr` : rng.pick(["orange.fr", "gmail.com", "free.fr", "laposte.net"]);
  const female = rng.chance(0.5);
  const first = female ? rng.pick(FIRST_FEMALE) : rng.pick(FIRST_MALE);
  const last = rng.pick(LAST);
  const organisations = earlier.filter((candidate) => candidate.organisation !== "");
  const group = company && index >= 10 && rng.chance(0.16) && organisations.length > 0 ? rng.pick(organisations.slice(0, 25)).organisation : "";
  const created = workMoment(rng, HISTORY_START, EXPORT_DAY - 120);
  return [
    `C${pad(100 + index * 4, 5)}`,
    company ? organisation : "",
    company ? rng.pick(LEGAL_FORMS) : "",
    company && rng.chance(0.8) ? String(rng.int(10000000, 99999999)) + String(rng.int(100000, 999999)) : "",
    company && rng.chance(0.7) ? `FR${rng.int(10, 99)}${rng.int(100000000, 999999999)}` : "",
    group,
    person ? (rng.chance(0.03) ? "" : female ? (rng.chance(0.1) ? "Mlle" : "Mme") : "M.") : "",
    person ? first : "",
    person ? last.toUpperCase() : "",
    person && company ? rng.pick(FUNCTIONS) : "",
    `${rng.int(1, 120)} ${rng.pick(STREETS)}`,
    rng.chance(0.3) ? rng.pick(COMPLEMENTS) : "",
    zip,
    foreign?.city ?? french.city,
    foreign?.country ?? "France",
    company ? (rng.chance(0.06) ? "-" : phone(rng, prefix)) : "",
    person && company ? (rng.chance(0.3) ? "" : phone(rng, prefix)) : "",
    person ? (rng.chance(0.4) ? "" : phone(rng, "06")) : "",
    person ? `${slug(first)}.${slug(last)}@${domain}` : "",
    company && rng.chance(0.75) ? `contact@${domain}` : "",
    company && rng.chance(0.7) ? `https://www.${domain}` : "",
    company ? rng.pick(SECTORS) : "",
    commercial(rng),
    rng.chance(0.4) ? "" : someOf(rng, CATEGORIES, 2).join(";"),
    momentText(created, "dd/MM/yyyy"),
    momentText(workMoment(rng, created.days + 1, EXPORT_DAY), "dd/MM/yyyy"),
  ];
}

function buildTiers(options: FamilyOptions, count: number): { rows: string[][]; tiers: Tiers[] } {
  const names = new UniqueNames();
  const tiers: Tiers[] = [];
  const rows = new RowStream(options.seed, "carnet.tiers").rows(count, (rng, index) => {
    const shape: Shape = rng.weighted<Shape>([
      ["both", 55],
      ["organisation", 20],
      ["person", 25],
    ]);
    const organisation =
      shape === "person"
        ? ""
        : names.take(
            () => `${rng.pick(COMPANY_WORDS)} ${rng.chance(0.5) ? rng.pick(LAST) : rng.pick(COMPANY_TAILS)}`,
            (taken, attempt) => `${taken} ${attempt}`,
          );
    const row = tiersRow(rng, index, shape, organisation, tiers);
    tiers.push({ code: row[0] ?? "", organisation });
    return row;
  });
  return { rows, tiers };
}

function buildDeals(options: FamilyOptions, count: number, tiers: readonly Tiers[]): string[][] {
  return new RowStream(options.seed, "carnet.affaires").rows(count, (rng, index) => {
    const customer = rng.pick(tiers);
    const stage = rng.weighted(STAGES);
    const created = workMoment(rng, HISTORY_START + 200, EXPORT_DAY - 5);
    const products = someOf(rng, PRODUCTS, 3);
    return [
      `AFF-${pad(1001 + index * 2, 6)}`,
      `${products[0] ?? "Logiciel"} - ${customer.organisation === "" ? "particulier" : customer.organisation}`,
      customer.code,
      stage,
      rng.chance(0.08) ? "n.c." : euros(rng, 40, 9000),
      String(STAGE_CHANCE[stage] ?? 0),
      rng.chance(0.12) ? "-" : dayText(created.days + rng.int(15, 200), "dd/MM/yyyy"),
      commercial(rng),
      rng.pick(ORIGINS),
      products.join(";"),
      stage === "Perdue" ? rng.pick(LOSS_REASONS) : "",
      rng.chance(0.5) ? "" : `${rng.pick(REPORTS)}${rng.chance(0.3) ? `\n${rng.pick(REPORTS)}` : ""}`,
      momentText(created, "dd/MM/yyyy"),
    ];
  });
}

function buildActions(options: FamilyOptions, count: number, tiers: readonly Tiers[], deals: readonly string[][]): string[][] {
  return new RowStream(options.seed, "carnet.actions").rows(count, (rng, index) => {
    const deal = rng.chance(0.55) ? rng.pick(deals) : undefined;
    const kind = rng.weighted(ACTION_KINDS);
    const due = workMoment(rng, HISTORY_START + 300, EXPORT_DAY + 45).days;
    const done = due < EXPORT_DAY - 3 ? rng.chance(0.8) : rng.chance(0.05);
    return [
      String(700 + index),
      kind,
      rng.pick(ACTION_OBJECTS[kind] ?? ["Tâche"]),
      rng.chance(0.06) ? "00/00/0000" : dayText(due, "dd/MM/yyyy"),
      done ? "Oui" : "Non",
      done ? dayText(due + rng.int(-2, 5), "dd/MM/yyyy") : "",
      commercial(rng),
      deal?.[2] ?? rng.pick(tiers).code,
      deal?.[0] ?? "",
      rng.chance(0.35) ? "" : rng.pick(REPORTS),
    ];
  });
}

export const CARNET_HEADERS = {
  tiers: [
    "Code tiers",
    "Raison sociale",
    "Forme juridique",
    "SIRET",
    "N° TVA intracom",
    "Groupe",
    "Civilité",
    "Prénom",
    "Nom",
    "Fonction",
    "Adresse",
    "Complément d'adresse",
    "Code postal",
    "Ville",
    "Pays",
    "Téléphone standard",
    "Ligne directe",
    "Portable",
    "E-mail",
    "E-mail société",
    "Site web",
    "Secteur d'activité",
    "Commercial",
    "Catégories",
    "Date de création",
    "Date de modification",
  ],
  affaires: [
    "Réf. affaire",
    "Intitulé",
    "Code tiers",
    "Étape",
    "Montant HT",
    "Probabilité (%)",
    "Date de signature prévue",
    "Commercial",
    "Origine",
    "Produits",
    "Motif de perte",
    "Commentaire",
    "Date de création",
  ],
  actions: ["N° action", "Type d'action", "Objet", "Échéance", "Réalisée", "Date de réalisation", "Responsable", "Code tiers", "Réf. affaire", "Compte rendu"],
} as const;

export function generateCarnet(options: FamilyOptions): FamilyExport {
  const { rows: tiersRows, tiers } = buildTiers(options, Math.max(30, Math.round(options.rows * 0.4)));
  const dealRows = buildDeals(options, Math.round(options.rows * 0.25), tiers);
  const actionRows = buildActions(options, Math.round(options.rows * 0.35), tiers, dealRows);
  return {
    system: "carnet",
    dialect: { delimiter: "\t", encoding: "utf-8", bom: true, newline: "\n", quoteAll: true },
    tables: [
      { file: "tiers.csv", headers: CARNET_HEADERS.tiers, rows: tiersRows },
      { file: "affaires.csv", headers: CARNET_HEADERS.affaires, rows: dealRows },
      { file: "actions.csv", headers: CARNET_HEADERS.actions, rows: actionRows },
    ],
    users: staffUsers(STAFF, CARNET_FIRM.domain),
  };
}
