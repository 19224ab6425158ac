/**
 * Clientela: the sales module of a Spanish small-business ERP, exported by a Valencian tile
 * distributor (Cerámicas Turia S.L.). The hold-out family of `flitmap init` (docs/init.md):
 * Spanish headers, `;`-separated, Windows-1252, CRLF, `dd/MM/yyyy` dates, decimal commas with
 * dots between thousands, amounts written `12.500,00 €`, `Sí`/`No` and `S`/`N`.
 *
 * | file | rows | what |
 * | --- | --- | --- |
 * | relaciones.csv | 45% of --rows | every relation in one file, one row each, told apart by `Tipo`: a company (`Empresa`), a person working at one (`Contacto`, whose `Empresa` is the company's `Código`), or a private customer (`Particular`); `Nombre fiscal` is the company's legal name or the person's "APELLIDOS, NOMBRE", in capitals; `Grupo` names a company's group parent by its `Nombre fiscal`; `Comercial` is the sales rep's initials ("MGL"); `Etiquetas` a `, `-separated list |
 * | oportunidades.csv | 20% | opportunities; `Cliente` is the client's `Nombre fiscal` (a company, or a private customer for a refurbishment); `Importe` "12.500,00 €" or "N/D", `Probabilidad` "60 %", `Cierre previsto` a date or "N/D", `Productos` a ` / `-separated list |
 * | acciones.csv | 35% | the sales agenda: calls, visits, e-mails and tasks on an opportunity or a relation; `Cód. relación` is the relation's `Código` without its leading zeros (the export went through a spreadsheet), `Responsable` the user as "García López, María", `Realizada` Sí/No, the day and the time in two columns |
 *
 * Placeholders: "N/D" (no disponible) in amounts and dates, "-" in phones, the credit limit and
 * a foreign relation's province, "Sin asignar" as the sales rep. Codes keep their leading zeros in
 * relaciones.csv (`00042`), and so do Spanish post codes (`03001`). One sales rep (Jorge Ruiz
 * Prieto, "JRP") has left: no Odoo user has his name. A few contacts name a company that was
 * deleted before the export, and a few opportunities a client that is not in it.
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

export const CLIENTELA_FIRM = { name: "Cerámicas Turia S.L.", domain: "ceramicasturia.es" } as const;

const STAFF = [
  { first: "María", last: "García López" },
  { first: "Javier", last: "Sánchez Romero" },
  { first: "Lucía", last: "Fernández Martí" },
  { first: "Andrés", last: "Navarro Cano" },
  { first: "Carmen", last: "Ortega Vidal" },
] as const;
const FORMER_STAFF = { first: "Jorge", last: "Ruiz Prieto" } as const;

const FIRST_MALE = [
  "José",
  "Antonio",
  "Manuel",
  "Francisco",
  "David",
  "Juan Carlos",
  "José Luis",
  "Vicente",
  "Pablo",
  "Sergio",
  "Álvaro",
  "Raúl",
  "Iñaki",
] as const;
const FIRST_FEMALE = ["Ana", "Isabel", "Laura", "Pilar", "Marta", "Elena", "Rosa", "Cristina", "Nuria", "Begoña", "Amparo", "Inmaculada", "Sofía"] as const;
const SURNAMES = [
  "Martínez",
  "Rodríguez",
  "Pérez",
  "Gómez",
  "Ruiz",
  "Díaz",
  "Moreno",
  "Muñoz",
  "Álvarez",
  "Romero",
  "Torres",
  "Domínguez",
  "Gil",
  "Serrano",
  "Ramos",
  "Blasco",
  "Soler",
  "Ferrer",
  "Peris",
  "Llorens",
  "Castelló",
  "Iborra",
  "Mompó",
  "Ibáñez",
  "Pascual",
] as const;
const COMPANY_WORDS = [
  "Construcciones",
  "Reformas",
  "Promociones",
  "Azulejos",
  "Materiales",
  "Almacenes",
  "Distribuciones",
  "Hoteles",
  "Interiorismo",
  "Estudio de Arquitectura",
  "Obras y Proyectos",
  "Baños y Cocinas",
] as const;
const COMPANY_TAILS = [
  "del Turia",
  "Levante",
  "Mediterráneo",
  "La Safor",
  "Costa Blanca",
  "de la Plana",
  "Huerta Sur",
  "Camp de Morvedre",
  "Ribera Alta",
] as const;
const LEGAL_FORMS = ["S.L.", "S.L.", "S.L.", "S.A.", "S.L.U.", "S.COOP.V."] as const;
const GROUPS_ABROAD = ["GRUPO LEVANTINO DE INVERSIONES, S.A.", "CORPORACIÓN HOTELERA DEL SUR, S.A."] as const;

interface Place {
  readonly city: string;
  readonly zip: number;
  readonly province: string;
  readonly country: string;
  readonly phone: string;
}
const PLACES: readonly Place[] = [
  { city: "Valencia", zip: 46, province: "Valencia", country: "España", phone: "96" },
  { city: "Gandia", zip: 46, province: "Valencia", country: "España", phone: "96" },
  { city: "Sagunto", zip: 46, province: "Valencia", country: "España", phone: "96" },
  { city: "Alicante", zip: 3, province: "Alicante", country: "España", phone: "965" },
  { city: "Elche", zip: 3, province: "Alicante", country: "España", phone: "966" },
  { city: "Castellón de la Plana", zip: 12, province: "Castellón", country: "España", phone: "964" },
  { city: "Madrid", zip: 28, province: "Madrid", country: "España", phone: "91" },
  { city: "Barcelona", zip: 8, province: "Barcelona", country: "España", phone: "93" },
  { city: "Murcia", zip: 30, province: "Murcia", country: "España", phone: "968" },
  { city: "Sevilla", zip: 41, province: "Sevilla", country: "España", phone: "95" },
  { city: "Málaga", zip: 29, province: "Málaga", country: "España", phone: "95" },
  { city: "Zaragoza", zip: 50, province: "Zaragoza", country: "España", phone: "976" },
  { city: "Bilbao", zip: 48, province: "Vizcaya", country: "España", phone: "94" },
  { city: "Palma", zip: 7, province: "Baleares", country: "España", phone: "971" },
];
const FOREIGN = [
  { city: "Lisboa", zip: "1100-148", province: "Lisboa", country: "Portugal", phone: "+351 21" },
  { city: "Perpignan", zip: "66000", province: "-", country: "Francia", phone: "+33 4" },
  { city: "Andorra la Vella", zip: "AD500", province: "-", country: "Andorra", phone: "+376" },
] as const;
const STREETS = [
  "C/ Mayor",
  "Avda. del Puerto",
  "C/ Colón",
  "Pl. del Ayuntamiento",
  "Avda. Blasco Ibáñez",
  "C/ San Vicente",
  "Pol. Ind. Fuente del Jarro, C/ Ciudad de Sevilla",
  "Camino Real",
] as const;
const SECTORS = [
  "Construcción",
  "Reformas",
  "Distribución",
  "Hostelería",
  "Arquitectura e interiorismo",
  "Promoción inmobiliaria",
  "Administración pública",
] as const;
const TAGS = ["Cliente", "Potencial", "VIP", "Moroso", "Distribuidor", "Obra nueva"] as const;
const PAYMENT_TERMS = [
  ["Contado", 3],
  ["Transferencia 15 días", 2],
  ["Recibo 30 días", 5],
  ["Transferencia 45 días", 2],
  ["Confirming 90 días", 1],
] as const;
const POSITIONS = [
  "Gerente",
  "Jefe de obra",
  "Responsable de compras",
  "Administración",
  "Arquitecta técnica",
  "Director comercial",
  "Encargado de almacén",
] as const;
const REMARKS = [
  "Paga siempre a 60 días aunque el recibo sea a 30.",
  "Pedir confirmación por escrito antes de servir.",
  "Solo recibe por las mañanas.",
  "Interesado en la nueva colección de porcelánico.",
  "Descarga en obra: avisar con un día de antelación.",
] as const;

const STAGES = [
  ["Nueva", 3],
  ["Contactada", 2],
  ["Oferta enviada", 3],
  ["Negociación", 2],
  ["Ganada", 3],
  ["Perdida", 2],
] as const;
const STAGE_CHANCE: Readonly<Record<string, number>> = { Nueva: 10, Contactada: 25, "Oferta enviada": 50, Negociación: 75, Ganada: 100, Perdida: 0 };
const ORIGINS = ["Feria Cevisama", "Web", "Recomendación", "Llamada en frío", "Prescriptor"] as const;
const LOSS_REASONS = ["Precio", "Plazo de entrega", "Se fue con la competencia", "Obra aplazada"] as const;
const PRODUCTS = ["Porcelánico", "Gres", "Azulejo", "Pavimento exterior", "Mosaico", "Sanitarios"] as const;
const DEAL_WORDS = ["Suministro", "Reforma", "Obra", "Pedido", "Proyecto"] as const;
const DEAL_NOTES = [
  "Pide muestras antes de decidir.",
  "Compara con un almacén de Onda.",
  "El arquitecto prescribe nuestra gama.",
  "Presupuesto revisado a la baja un 5 %.",
] as const;

const ACTION_KINDS = [
  ["Llamada", 4],
  ["Visita", 2],
  ["Email", 3],
  ["Tarea", 2],
  ["Reunión", 1],
] as const;
const ACTION_SUBJECTS: Readonly<Record<string, readonly string[]>> = {
  Llamada: ["Seguimiento de la oferta", "Confirmar pedido", "Reclamar pago pendiente", "Concertar visita"],
  Visita: ["Visita a obra", "Presentación de catálogo", "Entrega de muestras"],
  Email: ["Envío de tarifa", "Envío de presupuesto", "Envío de fichas técnicas"],
  Tarea: ["Preparar presupuesto", "Revisar riesgo", "Actualizar ficha"],
  Reunión: ["Reunión con dirección", "Reunión en exposición"],
};
const RESULTS = ["Quedamos en volver a llamar.", "Muy interesado.", "No estaba, dejo recado.", "Pide descuento por volumen.", "Pedido confirmado."] as const;

const EXPORT_DAY = day(2026, 2, 27);
const HISTORY_START = day(2012, 1, 9);

type Kind = "Empresa" | "Contacto" | "Particular";

/** A relation other files point to. */
interface Relation {
  readonly code: number;
  readonly kind: Kind;
  readonly fiscalName: string;
}

function initials(person: { readonly first: string; readonly last: string }): string {
  return [person.first, ...person.last.split(" ")].map((word) => slug(word).charAt(0).toUpperCase()).join("");
}

function salesRep(rng: Rng): string {
  return staffMember(rng, { staff: STAFF, former: FORMER_STAFF, formerChance: 0.07, unassignedChance: 0.04, unassigned: "Sin asignar" }, initials);
}

function phone(rng: Rng, prefix: string): string {
  if (prefix.startsWith("+")) return `${prefix} ${rng.int(100, 999)} ${rng.int(100, 999)}`;
  const digits = `${prefix}${String(rng.int(0, 10 ** (9 - prefix.length) - 1)).padStart(9 - prefix.length, "0")}`;
  return rng.chance(0.5) ? `${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5, 7)} ${digits.slice(7)}` : digits;
}

function euros(rng: Rng, from: number, to: number): string {
  return `${amountText(rng.int(from, to) * 1000, ".", ",")} €`;
}

function timestamp(rng: Rng, from: number, to: number): string {
  return `${momentText(workMoment(rng, from, to), "dd/MM/yyyy")}:${pad(rng.int(0, 59))}`;
}

function personName(rng: Rng): { first: string; surnames: string; female: boolean } {
  const female = rng.chance(0.5);
  const first = female ? rng.pick(FIRST_FEMALE) : rng.pick(FIRST_MALE);
  const surnames = rng.chance(0.9) ? `${rng.pick(SURNAMES)} ${rng.pick(SURNAMES)}` : rng.pick(SURNAMES);
  return { first, surnames, female };
}

function fiscalCompanyName(rng: Rng): string {
  const core = `${rng.pick(COMPANY_WORDS)} ${rng.chance(0.5) ? rng.pick(SURNAMES) : rng.pick(COMPANY_TAILS)}`;
  return `${core.toUpperCase()}, ${rng.pick(LEGAL_FORMS)}`;
}

/** "OBRAS Y PROYECTOS DEL TURIA" → "Obras y Proyectos del Turia" */
function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/(^|\s)(\p{L})/gu, (_match, space: string, letter: string) => space + letter.toUpperCase())
    .replace(/ (De|Del|La|Y) /g, (word) => word.toLowerCase());
}

/** "CONSTRUCCIONES PASCUAL, S.L." → "construccionespascual.es" */
function companyDomain(fiscalName: string): string {
  const words = (fiscalName.split(",")[0] ?? "").split(" ").filter((word) => word.length > 3);
  return `${slug(words.slice(0, 2).join(""))}.es`;
}

function nif(rng: Rng): string {
  const number = rng.int(10_000_000, 99_999_999);
  return `${number}${"TRWAGMYFPDXBNJZSQVHLCKE".charAt(number % 23)}`;
}

interface RelationDraft {
  readonly kind: Kind;
  readonly fiscalName: string;
  readonly tradeName: string;
  readonly person?: { readonly first: string; readonly surnames: string; readonly female: boolean };
  readonly employer?: Relation;
  readonly group: string;
}

function relationRow(rng: Rng, code: number, draft: RelationDraft): string[] {
  const foreign = draft.kind === "Empresa" && rng.chance(0.08) ? rng.pick(FOREIGN) : undefined;
  const spanish = rng.pick(PLACES);
  const zip = foreign?.zip ?? pad(spanish.zip * 1000 + rng.int(0, 99) * 10, 5);
  const prefix = foreign?.phone ?? spanish.phone;
  const company = draft.kind === "Empresa";
  const person = draft.person;
  const domain = company ? companyDomain(draft.fiscalName) : "";
  const personalDomain =
    draft.employer === undefined || draft.employer.fiscalName === ""
      ? rng.pick(["gmail.com", "hotmail.com", "telefonica.net"])
      : companyDomain(draft.employer.fiscalName);
  const email = company
    ? rng.chance(0.8)
      ? `${rng.pick(["info", "administracion", "compras"])}@${domain}`
      : ""
    : person !== undefined && rng.chance(0.85)
      ? `${slug(person.first)}.${slug(person.surnames.split(" ")[0] ?? "")}@${rng.chance(0.03) ? "correo" : personalDomain}`
      : "";
  const created = workMoment(rng, HISTORY_START, EXPORT_DAY - 90);
  const title =
    person === undefined
      ? ""
      : rng.chance(0.04)
        ? ""
        : rng.chance(0.15)
          ? person.female
            ? "Dra."
            : "Dr."
          : person.female
            ? rng.pick(["Dña.", "Sra."])
            : rng.pick(["D.", "Sr."]);
  const terms = draft.kind === "Contacto" ? "" : rng.weighted(PAYMENT_TERMS);
  return [
    pad(code, 5),
    draft.kind,
    draft.fiscalName,
    company ? draft.tradeName : "",
    title,
    person?.first ?? "",
    person?.surnames ?? "",
    draft.kind === "Contacto" ? rng.pick(POSITIONS) : "",
    draft.kind === "Contacto" ? "" : company ? `${rng.pick(["B", "B", "A", "F"])}${rng.int(10_000_000, 99_999_999)}` : nif(rng),
    draft.employer === undefined ? "" : pad(draft.employer.code, 5),
    draft.group,
    draft.kind === "Contacto" ? "" : `${rng.pick(STREETS)}, ${rng.chance(0.1) ? "s/n" : rng.int(1, 140)}`,
    draft.kind === "Contacto" ? "" : zip,
    draft.kind === "Contacto" ? "" : (foreign?.city ?? spanish.city),
    draft.kind === "Contacto" ? "" : (foreign?.province ?? spanish.province),
    draft.kind === "Contacto" ? "" : (foreign?.country ?? spanish.country),
    draft.kind === "Contacto" ? (rng.chance(0.5) ? phone(rng, prefix) : "") : rng.chance(0.07) ? "-" : phone(rng, prefix),
    company ? (rng.chance(0.6) ? "" : phone(rng, "6")) : rng.chance(0.3) ? "" : phone(rng, rng.pick(["6", "7"])),
    company && rng.chance(0.2) ? phone(rng, prefix) : "",
    email,
    company && rng.chance(0.6) ? `www.${domain}` : "",
    company ? rng.pick(SECTORS) : "",
    salesRep(rng),
    draft.kind === "Contacto" || rng.chance(0.4) ? "" : someOf(rng, TAGS, 2).join(", "),
    terms,
    draft.kind === "Contacto" ? "" : rng.chance(0.3) ? "-" : amountText(rng.int(1, 60) * 50_000, ".", ","),
    dayText(created.days, "dd/MM/yyyy"),
    rng.chance(0.06) ? "S" : "N",
    rng.chance(0.75) ? "" : `${rng.pick(REMARKS)}${rng.chance(0.3) ? `\r\n${rng.pick(REMARKS)}` : ""}`,
    timestamp(rng, created.days + 1, EXPORT_DAY),
  ];
}

function buildRelations(options: FamilyOptions, count: number): { rows: string[][]; relations: Relation[] } {
  const stream = new RowStream(options.seed, "clientela.relaciones");
  const names = new UniqueNames();
  const rows: string[][] = [];
  const relations: Relation[] = [];
  for (let index = 0; index < count; index++) {
    const rng = stream.row(index);
    const companies = relations.filter((relation) => relation.kind === "Empresa");
    const kind: Kind =
      companies.length < 5
        ? "Empresa"
        : rng.weighted<Kind>([
            ["Empresa", 45],
            ["Contacto", 35],
            ["Particular", 20],
          ]);
    const person = kind === "Empresa" ? undefined : personName(rng);
    const fiscalName =
      person === undefined
        ? names.take(
            () => fiscalCompanyName(rng),
            (taken, attempt) => taken.replace(",", ` ${attempt},`),
          )
        : names.take(
            () => `${person.surnames}, ${person.first}`.toUpperCase(),
            (taken, attempt) => `${taken} (${attempt})`,
          );
    const core = fiscalName.split(",")[0] ?? fiscalName;
    const tradeName = kind === "Empresa" && rng.chance(0.8) ? titleCase(core) : "";
    // A contact's employer, now and then one deleted before the export (a code no row has).
    const employer =
      kind === "Contacto" ? (rng.chance(0.02) ? { code: 90_000 + index, kind: "Empresa" as const, fiscalName: "" } : rng.pick(companies)) : undefined;
    const group =
      kind === "Empresa" && index >= 15 && rng.chance(0.14) ? (rng.chance(0.1) ? rng.pick(GROUPS_ABROAD) : rng.pick(companies.slice(0, 30)).fiscalName) : "";
    const code = 1 + index * 3 + (index % 2);
    rows.push(
      relationRow(rng, code, {
        kind,
        fiscalName,
        tradeName,
        ...(person === undefined ? {} : { person }),
        ...(employer === undefined ? {} : { employer }),
        group,
      }),
    );
    relations.push({ code, kind, fiscalName });
  }
  return { rows, relations };
}

function buildOpportunities(options: FamilyOptions, count: number, relations: readonly Relation[]): string[][] {
  const clients = relations.filter((relation) => relation.kind !== "Contacto");
  return new RowStream(options.seed, "clientela.oportunidades").rows(count, (rng, index) => {
    const client = rng.pick(clients);
    const stage = rng.weighted(STAGES);
    const created = workMoment(rng, HISTORY_START + 2000, EXPORT_DAY - 5);
    const products = someOf(rng, PRODUCTS, 3);
    const clientName = rng.chance(0.02) ? "AZULEJOS DESAPARECIDOS, S.L." : client.fiscalName;
    return [
      `OP-${pad(120 + index * 2, 5)}`,
      `${rng.pick(DEAL_WORDS)} ${(products[0] ?? "Gres").toLowerCase()} - ${client.kind === "Particular" ? `vivienda en ${rng.pick(PLACES).city}` : titleCase(clientName.split(",")[0] ?? "")}`,
      clientName,
      stage,
      rng.chance(0.08) ? "N/D" : euros(rng, 300, 18_000),
      `${STAGE_CHANCE[stage] ?? 0} %`,
      rng.chance(0.12) ? "N/D" : dayText(created.days + rng.int(20, 240), "dd/MM/yyyy"),
      salesRep(rng),
      rng.pick(ORIGINS),
      stage === "Perdida" ? rng.pick(LOSS_REASONS) : "",
      products.join(" / "),
      rng.chance(0.55) ? "" : rng.pick(DEAL_NOTES),
      dayText(created.days, "dd/MM/yyyy"),
    ];
  });
}

function responsible(rng: Rng): string {
  return staffMember(rng, { staff: STAFF, former: FORMER_STAFF, formerChance: 0.07 }, (person) => `${person.last}, ${person.first}`);
}

function buildActions(options: FamilyOptions, count: number, relations: readonly Relation[], opportunities: readonly string[][]): string[][] {
  const byName = new Map(relations.map((relation) => [relation.fiscalName, relation]));
  const rows = new RowStream(options.seed, "clientela.acciones").rows(count, (rng, index) => {
    const opportunity = rng.chance(0.5) ? rng.pick(opportunities) : undefined;
    const relation = (opportunity === undefined ? undefined : byName.get(opportunity[2] ?? "")) ?? rng.pick(relations);
    const kind = rng.weighted(ACTION_KINDS);
    const moment = workMoment(rng, HISTORY_START + 2500, EXPORT_DAY + 40);
    const done = moment.days < EXPORT_DAY - 2 ? rng.chance(0.85) : rng.chance(0.04);
    const row = [
      String(5000 + index),
      dayText(moment.days, "dd/MM/yyyy"),
      `${pad(Math.floor(moment.minute / 60))}:${pad(Math.floor((moment.minute % 60) / 15) * 15)}`,
      kind,
      rng.pick(ACTION_SUBJECTS[kind] ?? ["Seguimiento"]),
      // The relation's code as a spreadsheet left it: a number, its leading zeros gone.
      String(relation.code),
      opportunity?.[0] ?? "",
      responsible(rng),
      done ? "Sí" : "No",
      done && rng.chance(0.7) ? rng.pick(RESULTS) : "",
    ];
    return row;
  });
  return rows;
}

export const CLIENTELA_HEADERS = {
  relaciones: [
    "Código",
    "Tipo",
    "Nombre fiscal",
    "Nombre comercial",
    "Tratamiento",
    "Nombre",
    "Apellidos",
    "Cargo",
    "NIF/CIF",
    "Empresa",
    "Grupo",
    "Dirección",
    "C.P.",
    "Población",
    "Provincia",
    "País",
    "Teléfono",
    "Móvil",
    "Fax",
    "E-mail",
    "Web",
    "Sector",
    "Comercial",
    "Etiquetas",
    "Forma de pago",
    "Riesgo concedido",
    "Fecha alta",
    "Baja",
    "Observaciones",
    "Última modificación",
  ],
  oportunidades: [
    "Nº oportunidad",
    "Título",
    "Cliente",
    "Fase",
    "Importe",
    "Probabilidad",
    "Cierre previsto",
    "Comercial",
    "Origen",
    "Motivo pérdida",
    "Productos",
    "Notas",
    "Fecha alta",
  ],
  acciones: ["Id", "Fecha", "Hora", "Tipo", "Asunto", "Cód. relación", "Nº oportunidad", "Responsable", "Realizada", "Resultado"],
} as const;

export function generateClientela(options: FamilyOptions): FamilyExport {
  const { rows: relationRows, relations } = buildRelations(options, Math.max(40, Math.round(options.rows * 0.45)));
  const opportunityRows = buildOpportunities(options, Math.round(options.rows * 0.2), relations);
  const actionRows = buildActions(options, Math.round(options.rows * 0.35), relations, opportunityRows);
  return {
    system: "clientela",
    dialect: { delimiter: ";", encoding: "windows-1252", bom: false, newline: "\r\n", quoteAll: false },
    tables: [
      { file: "relaciones.csv", headers: CLIENTELA_HEADERS.relaciones, rows: relationRows },
      { file: "oportunidades.csv", headers: CLIENTELA_HEADERS.oportunidades, rows: opportunityRows },
      { file: "acciones.csv", headers: CLIENTELA_HEADERS.acciones, rows: actionRows },
    ],
    users: staffUsers(STAFF, CLIENTELA_FIRM.domain),
  };
}
