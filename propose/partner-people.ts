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
import type { BodyLine, TargetProposal } from "./proposal.js";

/** Rows needed before a column's names make people. */
const ENOUGH_PEOPLE = 3;

/** Whether the entity's rows are organisations (or typed as such) that keep their people in columns of the row. */
function holdsOrganisations(state: BuildState, entity: MappedEntity): boolean {
  if (entity.model !== "res.partner" || entity.split !== undefined || entity.contacts !== undefined || entity.usesFallback) return false;
  return findModel(state.schema, "res.partner") !== undefined && (entity.profile.kind === "company" || entity.typedPartners !== undefined);
}

/** The column naming the person to talk to at the organisation (its header says contact person). */
export function contactPersonColumn(state: BuildState, entity: MappedEntity): ColumnProfile | undefined {
  if (!holdsOrganisations(state, entity)) return undefined;
  const profile = entity.profile;
  return profile.columns.find((column) => {
    const words = column.words;
    if (!words.includes("contact") || !words.includes("person") || words.some((word) => !["contact", "person", "name"].includes(word))) return false;
    const filled = column.guess.total - column.guess.blank;
    return column.guess.type === "text" && !column.guess.multiline && !profile.key.includes(column.name) && filled >= ENOUGH_PEOPLE;
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
