/**
 * People written as numbered groups of columns in their organisation's row (`Contactpersoon 1`,
 * `Contato 2 - E-mail`, `Ansprechpartner3_Telefon`): one contact per filled group, under the
 * organisation of the same row. A group whose name is blank makes no contact. Pure.
 */
import type { OdooModel } from "../compiler/catalog/index.js";
import { assign, columnRef, newContext, type BuildState, type MappedEntity } from "./build-state.js";
import type { GroupProfile } from "./entities.js";
import type { TargetProposal } from "./proposal.js";

/** The body writer a contact's target is finished with (bodies.ts), passed in so that this module stays below it. */
export type FinishBody = (state: BuildState, context: ReturnType<typeof newContext>) => void;

/**
 * `contact: res.partner for each contact when contact.name is present { name <- ..., parent_id <-
 * ref org, ... }`: the group's columns find their fields on the person (function, e-mail, mobile).
 */
export function groupContactTarget(
  state: BuildState,
  entity: MappedEntity,
  model: OdooModel,
  group: GroupProfile,
  names: { readonly person: string; readonly org: string },
  finish: FinishBody,
): { target: TargetProposal; context: ReturnType<typeof newContext> } {
  const profile = entity.profile;
  const personColumns = group.columns.map((column) => columnRef(state, profile, column, `${group.name}.${column.name}`));
  const person = newContext(state, entity, model, personColumns);
  const personName = personColumns.find((column) => column.profile.words.includes("person") || column.profile.words.includes("name")) ?? personColumns[0];
  if (personName !== undefined) assign(state, person, "name", `${personName.path} | trim`, [personName], 0.9);
  person.lines.push({
    kind: "assign",
    field: "parent_id",
    operator: "<-",
    expression: `ref ${names.org}`,
    columns: [],
    comment: "the organisation of the same row",
  });
  person.taken.add("parent_id");
  finish(state, person);
  const header = `${names.person}: ${model.name} for each ${group.name}${personName === undefined ? "" : ` when ${personName.path} is present`}`;
  return { target: { header, body: person.lines }, context: person };
}
