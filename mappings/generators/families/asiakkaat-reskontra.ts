/**
 * Asiakkaat's desktop accounting and invoicing program: the customer register
 * (asiakasrekisteri.txt), delivery addresses (toimitusosoitteet.txt), contact persons
 * (yhteyshenkilot.txt) and salespeople (myyjat.txt), as its "siirtotiedosto" (transfer file)
 * writes them: ISO-8859-15, tab-separated, CRLF, quoted where needed, K/E flags, days `15.3.2024`.
 */
import type { Rng } from "../prng.js";
import { RowStream, UniqueNames, type FamilyOptions } from "./family.js";
import {
  euros,
  EXPORT_DAY,
  familyFirst,
  finnishDay,
  finnishIban,
  finnishPerson,
  FORMER,
  mailName,
  OPERATORS,
  ovt,
  phone,
  postBox,
  STAFF,
  staffEmail,
  street,
  SWEDISH_TOWNS,
  TOWNS,
  vatOf,
  yTunnus,
  type Person,
  type Seller,
  type Town,
} from "./asiakkaat-vocab.js";

export type CustomerKind = "oy" | "oyab" | "oyj" | "ky" | "ay" | "tmi" | "ry" | "osk" | "asoy" | "koy" | "julkinen" | "yksityinen" | "ulkomainen";

export interface Customer {
  readonly number: string;
  readonly name: string;
  readonly kind: CustomerKind;
  readonly tunnus: string;
  readonly town: Town;
  readonly swedish: boolean;
  readonly domain: string;
  readonly seller: Seller | undefined;
  readonly active: boolean;
}

export const CUSTOMER_HEADERS = [
  "Asiakasnro",
  "Nimi",
  "Nimen jatko",
  "Y-tunnus",
  "ALV-tunnus",
  "Lähiosoite",
  "Postiosoite",
  "Maa",
  "Kieli",
  "Puhelin",
  "Sähköposti",
  "Verkkolaskuosoite",
  "Välittäjä",
  "IBAN",
  "Maksuehto",
  "Luottoraja",
  "Myyjä",
  "Emoyhtiö",
  "Asiakasryhmä",
  "Lisätiedot",
  "Perustettu",
  "Passiivinen",
];

const KINDS: readonly (readonly [CustomerKind, number])[] = [
  ["oy", 30],
  ["oyab", 3],
  ["oyj", 2],
  ["ky", 7],
  ["ay", 2],
  ["tmi", 6],
  ["ry", 3],
  ["osk", 2],
  ["asoy", 17],
  ["koy", 3],
  ["julkinen", 3],
  ["yksityinen", 16],
  ["ulkomainen", 2],
];

const PLACES = ["Pirkan", "Näsin", "Pyynikin", "Hervannan", "Tammerkosken", "Hämeen", "Kalevan", "Sammon", "Pispalan", "Härmälän", "Lielahden", "Tesoman"];
const TRADES = [
  "Rakennus",
  "Putki",
  "LVI",
  "Kiinteistöhuolto",
  "Konepaja",
  "Kuljetus",
  "Isännöinti",
  "Ravintolat",
  "Kauppa",
  "Hammaslääkärit",
  "Autokorjaamo",
  "Painotalo",
  "Lämpö",
  "Metalli",
];
const SWEDISH_TRADES = ["Elektriska", "Bygg", "Fastighetsservice", "Trävaru", "Rör"];
const HOUSES = [
  "Pellava",
  "Koivukuja",
  "Lehtokaari",
  "Näsinkallio",
  "Tammelan Tähti",
  "Kalevanrinne",
  "Rantatörmä",
  "Pihlaja",
  "Kuusikko",
  "Sorsapuisto",
  "Hatanpään Helmi",
  "Amurin Aitta",
];
const SOCIETIES = ["Tenniskerho", "Asukasyhdistys", "Eläkeläiset", "Partiolaiset", "Työväen Näyttämö", "Latu"];
const PUBLIC = ["Tampereen kaupunki", "Kangasalan kunta", "Pirkkalan kunta", "Tampereen seurakuntayhtymä", "Pirkanmaan hyvinvointialue", "Nokian kaupunki"];
/** The public bodies' mail domains, by the first word of their name. */
const PUBLIC_DOMAINS: Readonly<Record<string, string>> = {
  Tampereen: "tampere.fi",
  Kangasalan: "kangasala.fi",
  Pirkkalan: "pirkkala.fi",
  Pirkanmaan: "pirha.fi",
  Nokian: "nokiankaupunki.fi",
};
const ABROAD: readonly (readonly [string, string, string, string])[] = [
  ["Nordisk Elteknik AB", "SE", "41103", "GÖTEBORG"],
  ["Baltic Kaabel OÜ", "EE", "10111", "TALLINN"],
  ["Svenska Fastighetsdrift AB", "SE", "11122", "STOCKHOLM"],
];

function customerName(rng: Rng, kind: CustomerKind, town: Town, person: Person): string {
  const place = rng.chance(0.3) ? town.genitive : rng.pick(PLACES);
  const trade = rng.pick(TRADES);
  switch (kind) {
    case "oy":
      return rng.chance(0.7) ? `${place} ${trade} Oy` : `${trade}-${person.family} Oy`;
    case "oyab":
      return `${town.swedish ?? town.name} ${rng.pick(SWEDISH_TRADES)} ${rng.pick(["Oy Ab", "Ab Oy", "Ab"])}`;
    case "oyj":
      return `${place} ${trade} Oyj`;
    case "ky":
      return rng.chance(0.5) ? `${trade}-${person.family} Ky` : `${rng.pick(["Maalaus", "Sähkö", "Siivous", "Remontti"])} ${person.family} Ky`;
    case "ay":
      return `${person.family} ja ${rng.pick(["Laine", "Salo", "Niemi", "Koski"])} Ay`;
    case "tmi":
      return rng.weighted<string>([
        [`Tmi ${person.given} ${person.family}`, 3],
        [`${rng.pick(["Remonttipalvelu", "Siivouspalvelu", "Kirjanpito"])} ${person.family} Tmi`, 2],
        [`${rng.pick(["Sähkö", "Pihatyö"])} ${person.given.charAt(0)}. ${person.family} T:mi`, 1],
      ]);
    case "ry":
      return town.swedish !== undefined && rng.chance(0.5) ? `${town.swedish} Segelförening r.f.` : `${town.genitive} ${rng.pick(SOCIETIES)} ry`;
    case "osk":
      return rng.chance(0.5) ? `${town.genitive} Energiaosuuskunta` : `Osuuskunta ${place} ${trade}`;
    case "asoy":
      return town.swedish !== undefined && rng.chance(0.4)
        ? `Bostads Ab ${town.swedish} ${rng.pick(["Strand", "Park", "Björkhagen"])}`
        : `${rng.weighted<string>([
            ["As Oy", 6],
            ["Asunto Oy", 3],
            ["Asunto-osakeyhtiö", 1],
          ])} ${town.genitive} ${rng.pick(HOUSES)}`;
    case "koy":
      return `${rng.pick(["Kiinteistö Oy", "Koy"])} ${town.genitive} ${rng.pick(["Liikekeskus", "Teollisuustalo", "Toimitalo"])}`;
    case "julkinen":
      return rng.pick(PUBLIC);
    case "yksityinen":
      return familyFirst(person);
    case "ulkomainen":
      return "";
  }
}

const GROUPS: Readonly<Record<CustomerKind, string>> = {
  oy: "Yritykset",
  oyab: "Yritykset",
  oyj: "Yritykset",
  ky: "Yritykset",
  ay: "Yritykset",
  tmi: "Yritykset",
  osk: "Yritykset",
  ry: "Yhdistykset",
  asoy: "Taloyhtiöt",
  koy: "Taloyhtiöt",
  julkinen: "Julkinen sektori",
  yksityinen: "Kuluttajat",
  ulkomainen: "Ulkomaat",
};

/** How often each kind is registered for VAT (housing companies and associations seldom are). */
const VAT_CHANCE: Readonly<Record<CustomerKind, number>> = {
  oy: 0.9,
  oyab: 0.9,
  oyj: 1,
  ky: 0.85,
  ay: 0.85,
  tmi: 0.6,
  osk: 0.7,
  ry: 0.1,
  asoy: 0.05,
  koy: 0.6,
  julkinen: 0.3,
  yksityinen: 0,
  ulkomainen: 0,
};

const REMARKS = [
  "Laskut isännöitsijälle.\nAvaimet huoltoyhtiöltä.",
  // Typed with an en dash, which ISO-8859-15 lacks: the program writes "?" for it.
  "Huoltosopimus 2024–2026 (sähkö + LVI).",
  "Maksumuistutus 3/2025, seuraa!",
  "Kotitalousvähennys: työn osuus eriteltävä laskulle.",
  "Fakturor på svenska.",
  "Vain verkkolasku, ei paperilaskuja.",
];

/** A Swedish company's organisation number, 556 and six digits and a Luhn check digit, as its VAT number holds it. */
function swedishOrgNumber(rng: Rng): string {
  const nine = `556${String(rng.int(0, 999_999)).padStart(6, "0")}`;
  const sum = [...nine].reduce((total, digit, index) => {
    const doubled = Number(digit) * (index % 2 === 0 ? 2 : 1);
    return total + (doubled > 9 ? doubled - 9 : doubled);
  }, 0);
  return `${nine}${(10 - (sum % 10)) % 10}`;
}

function paymentTerm(rng: Rng, kind: CustomerKind): string {
  if (kind === "yksityinen") return rng.chance(0.3) ? "Käteinen" : "14 pv netto";
  if (kind === "julkinen") return "21 pv netto";
  return rng.weighted<string>([
    ["14 pv netto", 6],
    ["7 pv netto", 1],
    ["21 pv netto", 2],
    ["30 pv netto", 3],
  ]);
}

/** The register's customers, in number order, with a group parent by number now and then. */
export function buildCustomers(options: FamilyOptions, count: number): { rows: string[][]; customers: Customer[] } {
  const stream = new RowStream(options.seed, "asiakkaat.rekisteri");
  const names = new UniqueNames();
  const rows: string[][] = [];
  const customers: Customer[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    // The first rows are the oldest customers: two listed companies, firms, a cooperative and a
    // commercial property company among them.
    const kind: CustomerKind = index < 8 ? (index < 2 ? "oyj" : "oy") : index === 8 ? "osk" : index === 9 ? "koy" : rng.weighted(KINDS);
    const abroad = kind === "ulkomainen" ? rng.pick(ABROAD) : undefined;
    const swedishKind = kind === "oyab" || (kind !== "ulkomainen" && rng.chance(0.08));
    const town = swedishKind ? rng.pick(SWEDISH_TOWNS) : rng.pick(TOWNS);
    const swedish = swedishKind && (kind === "oyab" || kind === "yksityinen" || kind === "asoy" || kind === "ry");
    const person = finnishPerson(rng, swedish ? 1 : 0);
    // The first candidate is named after the person whose mailbox a household or sole trader gives.
    let fresh = true;
    const name = names.take(
      () => {
        const first = fresh;
        fresh = false;
        if (abroad !== undefined) return abroad[0];
        if (index === 2 || index === 5) return `Isännöintitoimisto ${(first ? person : finnishPerson(rng, 0)).family} Oy`;
        return customerName(rng, kind, town, first ? person : finnishPerson(rng, swedish ? 1 : 0));
      },
      (taken, attempt) =>
        kind === "yksityinen" ? `${taken} (${attempt})` : `${taken.replace(/ (Oy|Ky|Ay|Oyj)$/, "")} ${attempt} ${taken.split(" ").pop() ?? ""}`,
    );
    const number = String(1000 + index * 3 + rng.int(1, 3));
    const tunnus = kind === "yksityinen" || abroad !== undefined ? "" : yTunnus(rng, rng.pick(["0", "1", "2", "2", "3"]));
    const domain =
      kind === "julkinen"
        ? (PUBLIC_DOMAINS[name.split(" ")[0] ?? ""] ?? "")
        : kind === "yksityinen" || kind === "asoy"
          ? ""
          : `${
              mailName(
                name
                  .replace(/(^| )(Oy|Oyj|Ky|Ay|Ab|AB|OÜ|Tmi|T:mi|ry|r\.f\.)(?= |$)/g, " ")
                  .trim()
                  .split(" ")
                  .slice(0, 2)
                  .join(""),
              ) || "yritys"
            }${abroad === undefined ? ".fi" : `.${abroad[1].toLowerCase()}`}`;
    const seller = kind === "yksityinen" && rng.chance(0.5) ? undefined : rng.chance(0.08) ? FORMER : rng.pick(STAFF);
    const active = rng.chance(0.93);
    const parent =
      index > 12 && (kind === "oy" || kind === "ky" || kind === "oyab") && rng.chance(0.22)
        ? customers.filter((other) => other.kind === "oy" || other.kind === "oyj")[rng.int(0, 3)]
        : undefined;
    // Posti's convention: the post office in capitals; some typed it in ordinary case.
    const office = swedish ? (town.swedish ?? town.name) : town.name;
    const zip = rng.pick(town.zips);
    const postal = abroad !== undefined ? `${abroad[1]}-${abroad[2]} ${abroad[3]}` : `${zip} ${rng.chance(0.7) ? office.toUpperCase() : office}`;
    const einvoice = tunnus !== "" && (kind === "julkinen" || (kind !== "asoy" && kind !== "ry" && rng.chance(0.35)));
    const manager = kind === "asoy" || kind === "koy" ? customers.filter((other) => other.name.includes("Isännöinti"))[rng.int(0, 2)] : undefined;
    const mailbox =
      domain === ""
        ? `${mailName(person.given)}.${mailName(person.family)}${rng.chance(0.3) ? rng.int(1, 99) : ""}@${rng.pick(["gmail.com", "outlook.com", "elisanet.fi", "kolumbus.fi"])}`
        : `${rng.pick(["info", "toimisto", "laskutus", "myynti"])}@${domain}`;
    const added = rng.int(EXPORT_DAY - 15 * 365, EXPORT_DAY - 20);
    rows.push([
      number,
      name,
      manager !== undefined ? `c/o ${manager.name}` : kind === "julkinen" ? rng.pick(["Tilakeskus", "Kiinteistöpalvelut", "Hankintapalvelut"]) : "",
      tunnus,
      abroad !== undefined
        ? abroad[1] === "SE"
          ? `SE${swedishOrgNumber(rng)}01`
          : `EE${rng.int(100_000_000, 102_999_999)}`
        : tunnus !== "" && rng.chance(VAT_CHANCE[kind])
          ? vatOf(tunnus)
          : "",
      abroad !== undefined
        ? `${rng.pick(abroad[1] === "SE" ? ["Kungsgatan", "Drottninggatan", "Sveavägen"] : ["Narva mnt", "Pärnu mnt"])} ${rng.int(1, 90)}`
        : kind !== "yksityinen" && kind !== "asoy" && rng.chance(0.1)
          ? postBox(rng)
          : street(rng, swedish),
      postal,
      abroad?.[1] ?? (rng.chance(0.6) ? "FI" : ""),
      abroad !== undefined ? "en" : swedish ? "sv" : "fi",
      abroad !== undefined
        ? `${abroad[1] === "SE" ? "+46 31" : "+372"} ${rng.int(100, 999)} ${rng.int(1000, 9999)}`
        : rng.chance(0.85)
          ? phone(rng, town, kind === "yksityinen" || kind === "tmi" || rng.chance(0.2))
          : "",
      rng.chance(0.85) ? mailbox : "",
      einvoice ? ovt(rng, tunnus) : "",
      einvoice ? rng.pick(OPERATORS) : "",
      kind !== "yksityinen" && abroad === undefined && rng.chance(0.3) ? finnishIban(rng) : "",
      paymentTerm(rng, kind),
      kind === "yksityinen" ? "0,00" : rng.chance(0.4) ? euros(rng.int(5, 200) * 100_000, false) : "0,00",
      seller?.number ?? "",
      parent?.number ?? "",
      GROUPS[kind],
      rng.chance(0.12) ? rng.pick(REMARKS) : "",
      finnishDay(added),
      active ? "E" : "K",
    ]);
    customers.push({ number, name, kind, tunnus, town, swedish, domain, seller, active });
  }
  return { rows, customers };
}

export const DELIVERY_HEADERS = ["Asiakasnro", "Nro", "Nimi", "Lähiosoite", "Postinumero", "Postitoimipaikka", "Yhteyshenkilö", "Puhelin", "Lisätiedot"];
const SITE_NAMES = ["Työmaa", "Varasto", "Toimipiste", "Kiinteistö", "Halli", "Myymälä", "Lämmönjakohuone"];
const SITE_NOTES = ["Ovikoodi 1234", "Avain huoltoyhtiöltä", "Soita ennen tuloa", "Lastauslaituri talon takana", "Nyckel hos disponenten"];

/** Delivery addresses, numbered within their customer; the post office in capitals. */
export function deliveryRows(options: FamilyOptions, count: number, customers: readonly Customer[]): string[][] {
  const stream = new RowStream(options.seed, "asiakkaat.toimitus");
  const owners = customers.filter((customer) => customer.kind !== "yksityinen" && customer.kind !== "ulkomainen");
  const numbers = new Map<string, number>();
  const drafts = Array.from({ length: count }, (_, index) => {
    const rng = stream.row(index);
    const customer = owners[(index * 7 + rng.int(0, 3)) % owners.length] ?? owners[0];
    if (customer === undefined) throw new Error("no customer has delivery addresses");
    return { rng, customer };
  }).sort((a, b) => Number(a.customer.number) - Number(b.customer.number));
  return drafts.map(({ rng, customer }) => {
    const number = (numbers.get(customer.number) ?? 0) + 1;
    numbers.set(customer.number, number);
    const town = rng.chance(0.7) ? customer.town : rng.pick(TOWNS);
    const address = street(rng, customer.swedish);
    const person = rng.chance(0.5) ? familyFirst(finnishPerson(rng, customer.swedish ? 1 : 0)) : "";
    return [
      customer.number,
      String(number),
      `${rng.pick(SITE_NAMES)} ${rng.chance(0.5) ? address.split(" ").slice(0, 2).join(" ") : town.name}`,
      address,
      rng.pick(town.zips),
      (customer.swedish ? (town.swedish ?? town.name) : town.name).toUpperCase(),
      person,
      person !== "" && rng.chance(0.7) ? phone(rng, town, true) : "",
      rng.chance(0.3) ? rng.pick(SITE_NOTES) : "",
    ];
  });
}

export const CONTACT_HEADERS = ["Asiakasnro", "Nimi", "Tehtävä", "Puhelin", "Matkapuhelin", "Sähköposti", "Laskutus"];
const ROLES: Readonly<Partial<Record<CustomerKind, readonly string[]>>> = {
  asoy: ["isännöitsijä", "hallituksen puheenjohtaja", "huoltomies"],
  koy: ["isännöitsijä", "kiinteistöpäällikkö"],
  ry: ["puheenjohtaja", "sihteeri", "rahastonhoitaja"],
  julkinen: ["kiinteistöpäällikkö", "hankinta-asiantuntija", "rakennuttajainsinööri"],
};
const FIRM_ROLES = ["toimitusjohtaja", "talouspäällikkö", "ostaja", "työnjohtaja", "kiinteistöpäällikkö", "toimistosihteeri"];
const SWEDISH_ROLES = ["verkställande direktör", "disponent", "ekonomichef", "inköpare"];

/** Contact persons of the register's customers: no number of their own, a name unique within the customer. */
export function contactRows(options: FamilyOptions, count: number, customers: readonly Customer[]): string[][] {
  const stream = new RowStream(options.seed, "asiakkaat.yhteys");
  const firms = customers.filter((customer) => customer.kind !== "yksityinen");
  const taken = new Set<string>();
  const drafts = Array.from({ length: count }, (_, index) => {
    const rng = stream.row(index);
    const customer = firms[(index * 5 + rng.int(0, 4)) % firms.length] ?? firms[0];
    if (customer === undefined) throw new Error("no customer has contacts");
    let person = finnishPerson(rng, customer.swedish ? 0.9 : 0.05);
    while (taken.has(`${customer.number}/${familyFirst(person)}`)) person = finnishPerson(rng, customer.swedish ? 0.9 : 0.05);
    taken.add(`${customer.number}/${familyFirst(person)}`);
    return { rng, customer, person };
  }).sort((a, b) => Number(a.customer.number) - Number(b.customer.number));
  const firsts = new Set<string>();
  return drafts.map(({ rng, customer, person }) => {
    const first = !firsts.has(customer.number);
    firsts.add(customer.number);
    const roles = person.swedish ? SWEDISH_ROLES : (ROLES[customer.kind] ?? FIRM_ROLES);
    return [
      customer.number,
      familyFirst(person),
      rng.chance(0.85) ? rng.pick(roles) : "",
      rng.chance(0.35) ? phone(rng, customer.town, false) : "",
      rng.chance(0.8) ? phone(rng, customer.town, true, rng.chance(0.2)) : "",
      rng.chance(0.75) ? `${mailName(person.given)}.${mailName(person.family)}@${customer.domain || rng.pick(["gmail.com", "isannointipirkka.fi"])}` : "",
      first && rng.chance(0.35) ? "K" : "E",
    ];
  });
}

export const SELLER_HEADERS = ["Myyjänro", "Nimi", "Sähköposti", "Puhelin", "Aktiivinen"];

/** The salespeople by number, family name first; Pekka Järvinen (5) has left. */
export function sellerRows(options: FamilyOptions): string[][] {
  const stream = new RowStream(options.seed, "asiakkaat.myyjat");
  const office = TOWNS[0];
  if (office === undefined) throw new Error("no towns");
  return [...STAFF, FORMER]
    .sort((a, b) => Number(a.number) - Number(b.number))
    .map((person, index) => {
      const rng = stream.row(index);
      return [person.number, `${person.last} ${person.first}`, staffEmail(person), phone(rng, office, true), person === FORMER ? "E" : "K"];
    });
}
