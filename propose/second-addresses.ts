/**
 * A second address in a partner file's columns (`Koresp. ulica`, `Koresp. kod pocztowy`,
 * `Koresp. miejscowość` beside `Ulica`, `Kod pocztowy`, `Miejscowość`; `Billing Street` and
 * `Billing City` beside `Street` and `City`): the same parts of an address again, each header
 * qualified by the same other words. Odoo keeps such an address as a contact of its own under the
 * partner (a correspondence, invoice or delivery address), so the map becomes a split into the
 * partner and that address. Found by the headers' shape, whatever their language. Pure.
 */
import { findModel } from "../compiler/catalog/index.js";
import type { BuildState, MappedEntity } from "./build-state.js";
import type { ColumnProfile, EntityProfile } from "./entities.js";
import { alias } from "./entity-models.js";
import { quote } from "./literals.js";
import { zipTown, zipTownExpressions } from "./zip-towns.js";
import type { BodyLine, TargetProposal } from "./proposal.js";

/** The parts of an address and the partner field each fills; `zip city`, a post code and its town in one cell (zip-towns.ts). */
const PARTS: Readonly<Record<string, string>> = { street: "street", zip: "zip", city: "city", email: "email" };
const ZIP_TOWN_PART = "zip city";

/** Words of the qualifier that say which kind of address it is (Odoo's contact types). */
const INVOICE_WORDS: ReadonlySet<string> = new Set(["invoice", "billing", "bill", "facturation", "rechnung", "factuur", "fattura", "faktura"]);
const DELIVERY_WORDS: ReadonlySet<string> = new Set([
  "delivery",
  "shipping",
  "ship",
  "lieferadresse",
  "lieferung",
  "liefer",
  "leverans",
  "levering",
  "aflever",
  "livraison",
  "levering",
  "consegna",
  "dostawa",
]);

export interface SecondAddress {
  /** Each part's column and the field it fills. */
  readonly parts: readonly { readonly field: string; readonly column: ColumnProfile }[];
  /** The words qualifying the headers (`koresp`, `billing`). */
  readonly qualifier: readonly string[];
  /** Odoo's contact type: `invoice`, `delivery`, or `other` (a correspondence address). */
  readonly type: "invoice" | "delivery" | "other";
}

/**
 * The address part a column's header names, and the other words it has; a column whose values
 * are post codes and towns is that, whatever its header says (`Postadress` reads as a street).
 */
function part(column: ColumnProfile): { readonly field: string; readonly rest: string[] } | undefined {
  const found = column.words.find((word) => PARTS[word] !== undefined);
  if (found === undefined || column.guess.type === "boolean") return undefined;
  if (found !== "email" && zipTown(column) !== undefined)
    return { field: ZIP_TOWN_PART, rest: column.words.filter((word) => !["street", "zip", "city", "address"].includes(word)) };
  return { field: PARTS[found] ?? found, rest: column.words.filter((word) => word !== found && word !== "address") };
}

/**
 * The partner file's second addresses: two parts at least under one qualifier, each part also
 * present unqualified (the partner's own address); or an e-mail address alone, beside the
 * partner's own, under a qualifier saying invoices or deliveries go there (`E-post faktura`,
 * `Billing Email`): Odoo keeps that as an invoice or delivery contact too.
 */
export function findSecondAddresses(entity: EntityProfile): SecondAddress[] {
  const own = new Set<string>();
  const qualified = new Map<string, { qualifier: string[]; parts: { field: string; column: ColumnProfile }[] }>();
  for (const column of entity.columns) {
    const found = part(column);
    if (found === undefined) continue;
    if (found.rest.length === 0) {
      own.add(found.field);
      continue;
    }
    const key = found.rest.join(" ");
    const group = qualified.get(key) ?? { qualifier: found.rest, parts: [] };
    if (!group.parts.some((existing) => existing.field === found.field)) group.parts.push({ field: found.field, column });
    qualified.set(key, group);
  }
  const addresses: SecondAddress[] = [];
  for (const group of qualified.values()) {
    if (!group.parts.every((existing) => own.has(existing.field))) continue;
    const says = (words: ReadonlySet<string>): boolean => group.qualifier.some((word) => words.has(word));
    const type = says(INVOICE_WORDS) ? "invoice" : says(DELIVERY_WORDS) ? "delivery" : "other";
    const mailbox = group.parts.length === 1 && group.parts[0]?.field === "email" && type !== "other";
    if (group.parts.length >= 2 || mailbox) addresses.push({ parts: group.parts, qualifier: group.qualifier, type });
  }
  return addresses;
}

/** The partner file's first second address (findSecondAddresses). */
export function findSecondAddress(entity: EntityProfile): SecondAddress | undefined {
  return findSecondAddresses(entity)[0];
}

/** The second addresses of a partner map, when the target keeps partners' contacts as records. */
export function secondAddressesOf(state: BuildState, entity: MappedEntity): SecondAddress[] {
  if (entity.model !== "res.partner" || entity.split !== undefined || entity.contacts !== undefined || entity.usesFallback) return [];
  if (findModel(state.schema, "res.partner") === undefined) return [];
  return findSecondAddresses(entity.profile);
}

/** `address: res.partner when koresp_ulica is present { type = "other"  parent_id <- ref company  street <- ... }`. */
export function secondAddressTarget(state: BuildState, entity: MappedEntity, address: SecondAddress, partnerAlias: string): TargetProposal {
  const [first] = address.parts;
  const body: BodyLine[] = [
    {
      kind: "assign",
      field: "type",
      operator: "=",
      expression: `"${address.type}"`,
      columns: [],
      comment: `the ${address.qualifier.join(" ")} address, a contact of the partner's own`,
    },
    // `flitmap check` wants every partner named; the address is named by its headers' qualifier.
    { kind: "assign", field: "name", operator: "=", expression: quote(qualifierLabel(address)), columns: [] },
    { kind: "assign", field: "parent_id", operator: "<-", expression: `ref ${partnerAlias}`, columns: [], comment: "the partner of the same row" },
  ];
  for (const { field, column } of address.parts) body.push(...partLines(state, entity, field, column));
  const name = address.type === "other" || address.parts.some((found) => found.field !== "email") ? "address" : address.type;
  return { header: `${alias(state, name)}: res.partner when ${first?.column.name ?? ""} is present`, body };
}

/** The lines one part fills: a street, an e-mail address, or a post code and town from one cell. */
function partLines(state: BuildState, entity: MappedEntity, field: string, column: ColumnProfile): BodyLine[] {
  const found = field === ZIP_TOWN_PART ? zipTown(column) : undefined;
  if (found === undefined) {
    state.log.add(entity.profile.name, column.name, { kind: "field", model: "res.partner", field, confidence: 0.9 });
    const expression = field === "email" && column.guess.type === "email" ? column.name : `${column.name} | trim`;
    return [{ kind: "assign", field, operator: "<-", expression, columns: [column.name], comment: `90%: ${column.header}` }];
  }
  const expressions = zipTownExpressions(column.name, found);
  return (["zip", "city"] as const).map((target) => {
    state.log.add(entity.profile.name, column.name, { kind: "field", model: "res.partner", field: target, confidence: 0.9 });
    return {
      kind: "assign",
      field: target,
      operator: "<-",
      expression: expressions[target],
      columns: [column.name],
      comment: `90%: ${column.header}, the ${target === "zip" ? "post code" : "town"}`,
    };
  });
}

/** The words the headers share before their parts (`Koresp.`, `Billing`), as the export writes them. */
function qualifierLabel(address: SecondAddress): string {
  const headers = address.parts.map((found) => found.column.header);
  let prefix = headers[0] ?? "";
  for (const header of headers) while (!header.startsWith(prefix)) prefix = prefix.slice(0, -1);
  const label = prefix.replace(/[\s\-_:/]+$/, "");
  // A prefix cutting a word (`Lev` of `Leveransadress` and `Lev. postadress`) names nothing: the first header does.
  const whole = headers.every((header) => !/\p{L}/u.test(header.charAt(label.length)));
  if (label !== "" && !whole && headers.length > 1) return headers[0] ?? label;
  return label === "" ? address.qualifier.join(" ") : label;
}
