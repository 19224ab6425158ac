/**
 * The day a lead's next contact is due (`Next contact`, `Nästa kontakt`, `Næste kontakt`): Odoo
 * keeps it as an activity scheduled on the lead, so the map becomes a split into the lead and
 * that activity, made on the rows that have a day, as specialists write prospect lists. Pure.
 */
import { findModel } from "../compiler/catalog/index.js";
import type { BuildState, MappedEntity } from "./build-state.js";
import type { ColumnProfile } from "./entities.js";
import { alias } from "./entity-models.js";
import { quote } from "./literals.js";
import type { BodyLine, TargetProposal } from "./proposal.js";

/** What a next step may be called beside `next`. */
const STEP_WORDS: ReadonlySet<string> = new Set(["contact", "activity", "call", "meeting", "step", "followup", "date"]);

/** The lead's column of days its next contact is due, when the target keeps activities. */
export function nextContactColumn(state: BuildState, entity: MappedEntity): ColumnProfile | undefined {
  if (entity.model !== "crm.lead" || entity.split !== undefined || entity.agenda !== undefined || entity.usesFallback) return undefined;
  if (findModel(state.schema, "mail.activity") === undefined || findModel(state.schema, "ir.model") === undefined) return undefined;
  return entity.profile.columns.find((column) => {
    const type = column.guess.type;
    return (type === "date" || type === "datetime") && column.words.includes("next") && column.words.some((word) => STEP_WORDS.has(word));
  });
}

/** `next: mail.activity when next_contact is present { res_model_id <- "crm.lead" | odoo_model  res_id <- ref lead ... }`. */
export function nextContactTarget(
  state: BuildState,
  entity: MappedEntity,
  column: ColumnProfile,
  leadAlias: string,
  user: BodyLine | undefined,
): TargetProposal {
  state.log.add(entity.profile.name, column.name, { kind: "field", model: "mail.activity", field: "date_deadline", confidence: 0.8 });
  const day = column.guess.type === "datetime" ? `${column.name} | date` : column.name;
  const body: BodyLine[] = [
    { kind: "assign", field: "res_model_id", operator: "<-", expression: `"crm.lead" | ${state.registries.lookup("ir.model")}`, columns: [] },
    { kind: "assign", field: "res_id", operator: "<-", expression: `ref ${leadAlias}`, columns: [], comment: "the lead of the same row" },
    { kind: "assign", field: "summary", operator: "=", expression: quote(column.header), columns: [] },
    {
      kind: "assign",
      field: "date_deadline",
      operator: "<-",
      expression: day,
      columns: [column.name],
      comment: `80%: ${column.header}, the day the next contact is due`,
    },
  ];
  // Whoever owns the lead makes the call.
  if (user?.kind === "assign") body.push({ ...user, comment: "the lead's owner" });
  return { header: `${alias(state, "next")}: mail.activity when ${column.name} is present`, body };
}
