/**
 * The person to talk to at an organisation, named in a column of the partner file's row (`Contact
 * person`, `Referente`, `Ansprechpartner`, `Yetkili`): Odoo keeps them as a contact under the
 * organisation, so the map becomes a split into the organisation and its contact. (A sole trader's
 * owner, named on the row too, is not proposed: two specialists of three made one, the third not.)
 * Pure.
 */
import { findModel } from "../compiler/catalog/index.js";
import type { BuildState, MappedEntity } from "./build-state.js";
import type { ColumnProfile } from "./entities.js";
import { alias } from "./entity-models.js";
import { namesOnePersonEach } from "./fields.js";
import { givenAndSurnames } from "./value-roles.js";
import { isConcept } from "./words.js";
import type { BodyLine, TargetProposal } from "./proposal.js";

/** Rows needed before a column's names make people. */
const ENOUGH_PEOPLE = 3;

/** Whether the entity's rows are organisations (or typed as such) that keep their people in columns of the row. */
function holdsOrganisations(state: BuildState, entity: MappedEntity): boolean {
  if (!partnerMap(state, entity)) return false;
  return entity.profile.kind === "company" || entity.typedPartners !== undefined;
}

function partnerMap(state: BuildState, entity: MappedEntity): boolean {
  if (entity.model !== "res.partner" || entity.split !== undefined || entity.contacts !== undefined || entity.usesFallback) return false;
  return findModel(state.schema, "res.partner") !== undefined;
}

/**
 * Whether a partner file's rows are places no person's name names (a customer's branches and
 * delivery points, named by a description): the people its rows name are people there.
 */
function namesPlaces(entity: MappedEntity): boolean {
  const columns = entity.profile.columns;
  return !columns.some((column) => column.words.includes("first") || column.words.includes("last")) && givenAndSurnames(columns) === undefined;
}

/** Rows needed before a column named as the one in charge, holding a different person on nearly each, makes people. */
const ENOUGH_IN_CHARGE = 10;

/**
 * The column naming the person to talk to at the organisation or place: its header says contact person;
 * or it says who is in charge (`Υπεύθυνος`, `Responsable`), or, in an organisations' file, says
 * nothing the lexicon knows, and holds people's names, nearly each on one row, which are no staff
 * owning the records but a person at each place.
 */
export function contactPersonColumn(state: BuildState, entity: MappedEntity): ColumnProfile | undefined {
  const organisations = holdsOrganisations(state, entity);
  const places = !organisations && partnerMap(state, entity) && namesPlaces(entity);
  if (!organisations && !places) return undefined;
  const profile = entity.profile;
  const only = (words: readonly string[], allowed: readonly string[]): boolean => words.every((word) => allowed.includes(word));
  return profile.columns.find((column) => {
    const words = column.words;
    const filled = column.guess.total - column.guess.blank;
    if (column.guess.type !== "text" || column.guess.multiline || profile.key.includes(column.name)) return false;
    // Its header says contact person: an organisation's, or a place's (a site's person there).
    if (words.includes("contact") && words.includes("person") && only(words, ["contact", "person", "name"])) return filled >= ENOUGH_PEOPLE;
    if (filled < ENOUGH_IN_CHARGE || !namesOnePersonEach(column.values)) return false;
    // Without a word the lexicon knows, the names say it: a different person on nearly every row of an organisation's.
    return (words.includes("owner") && only(words, ["owner", "person", "name"])) || (organisations && !words.some(isConcept));
  });
}

function personLines(partnerAlias: string, name: string, columns: readonly string[], why: string): BodyLine[] {
  return [
    { kind: "assign", field: "is_company", operator: "=", expression: "false", columns: [] },
    { kind: "assign", field: "type", operator: "=", expression: '"contact"', columns: [] },
    { kind: "assign", field: "name", operator: "<-", expression: name, columns: [...columns], comment: why },
    { kind: "assign", field: "parent_id", operator: "<-", expression: `ref ${partnerAlias}`, columns: [], comment: "the organisation of the same row" },
  ];
}

/** `contact: res.partner when yetkili is present { name <- yetkili | trim  parent_id <- ref company }`. */
export function contactPersonTarget(state: BuildState, entity: MappedEntity, column: ColumnProfile, partnerAlias: string): TargetProposal {
  state.log.add(entity.profile.name, column.name, { kind: "field", model: "res.partner", field: "name", confidence: 0.8 });
  const body = personLines(partnerAlias, `${column.name} | trim`, [column.name], `80%: ${column.header}, a person of the organisation's`);
  return { header: `${alias(state, "contact")}: res.partner when ${column.name} is present`, body };
}
