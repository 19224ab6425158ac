/**
 * Which entities are mapped, to which model and under which alias: a kind's model (or its
 * fallback when the target lacks the app), a split for relations, and child lines inside their
 * header's map. Pure.
 */
import { findModel } from "../compiler/catalog/index.js";
import { agendaRows, type AgendaRows } from "./agenda-rows.js";
import { doneColumn, doneRows } from "./done-rows.js";
import type { BuildState } from "./build-state.js";
import { isPeopleGroup, type EntityProfile } from "./entities.js";
import { mixedRows, type MixedRows } from "./mixed-rows.js";
import { snake } from "./literals.js";
import { KIND_TARGETS } from "./odoo-knowledge.js";

export function alias(state: BuildState, wanted: string): string {
  let alias = wanted;
  for (let counter = 2; state.aliases.has(alias); counter++) alias = `${wanted}_${counter}`;
  state.aliases.add(alias);
  return alias;
}

/** Decides which entities are mapped, to which model, under which alias. */
export function chooseTargets(state: BuildState): void {
  for (const entity of state.entities) {
    const kind = KIND_TARGETS[entity.kind];
    if (kind === undefined || kind.childOf !== undefined) continue;
    // Stages are records others point to by name: only a definition with one row per name can be loaded.
    if (entity.kind === "stage" && (entity.key.length !== 1 || entity.keyUncertain)) continue;
    const declared = findModel(state.schema, kind.model) !== undefined;
    const fallback = kind.fallback !== undefined && findModel(state.schema, kind.fallback) !== undefined;
    if (!declared && !fallback) continue;
    const model = entity.kind === "tag" ? tagModel(state, entity) : declared ? kind.model : (kind.fallback ?? kind.model);
    const group = entity.groups.find(isPeopleGroup);
    const mixed = group === undefined ? mixedEntity(entity) : undefined;
    if (mixed?.typed !== undefined && mixed.typed.employer === undefined) {
      // Rows typed as organisations or people, none under another: one partner each.
      const typedPartners = { ...mixed, typed: mixed.typed };
      const note = "rows typed as organisations or people, none under another: one res.partner each, is_company by the type";
      state.mapped.set(entity.name, {
        profile: entity,
        kind: { model, constants: [], note },
        model,
        usesFallback: !declared,
        alias: alias(state, snake(entity.name)),
        typedPartners,
      });
    } else if (entity.kind === "relation" || mixed !== undefined) {
      const org = alias(state, "org");
      const person = alias(state, "person");
      state.mapped.set(entity.name, {
        profile: entity,
        kind: mixed === undefined ? kind : (KIND_TARGETS.relation ?? kind),
        model,
        usesFallback: !declared,
        alias: org,
        split: { org, person, ...(group === undefined ? {} : { group }), ...(mixed === undefined ? {} : { mixed }) },
      });
    } else {
      const agenda = model === "mail.activity" && findModel(state.schema, "calendar.event") !== undefined ? agendaRows(entity) : undefined;
      const own = alias(state, snake(entity.name));
      // A company's people in numbered groups of its columns: the company, and a contact per group.
      const contacts = entity.kind === "company" && group !== undefined && model === "res.partner" ? { person: alias(state, "contact"), group } : undefined;
      const messages = doneAsMessages(state, agenda, entity) && findModel(state.schema, "mail.message") !== undefined;
      const done = model === "mail.activity" && agenda === undefined && messages ? doneRows(entity) : undefined;
      const agendaDone = agenda !== undefined && agenda.moments.kind !== "times" && messages ? doneColumn(entity) : undefined;
      state.mapped.set(entity.name, {
        profile: entity,
        kind,
        model,
        usesFallback: !declared,
        alias: own,
        ...(agenda === undefined ? {} : { agenda }),
        ...(agendaDone === undefined ? {} : { agendaDone }),
        ...(contacts === undefined ? {} : { contacts }),
        ...(done === undefined ? {} : { doneRows: done }),
      });
    }
  }
  for (const entity of state.entities) {
    const kind = KIND_TARGETS[entity.kind];
    if (kind?.childOf === undefined || findModel(state.schema, kind.model) === undefined) continue;
    const childOf = kind.childOf;
    const reference = entity.references.find(
      (candidate) => entity.key.includes(candidate.column) && state.entities.find((other) => other.name === candidate.entity)?.kind === childOf.kind,
    );
    const parent = reference === undefined ? undefined : state.mapped.get(reference.entity);
    if (reference === undefined || parent === undefined || findModel(state.schema, parent.model)?.fields[childOf.field] === undefined) continue;
    state.mapped.set(entity.name, {
      profile: entity,
      kind,
      model: kind.model,
      usesFallback: false,
      alias: snake(entity.name),
      parent: { entity: reference.entity, column: reference.column, field: childOf.field },
    });
  }
}

/**
 * Whether done activities become chatter messages: as the options say, else when the file is a
 * log (a moment on every row, when it happened or starts, beside the day an open one is due,
 * filled on some rows only; or both in one column, moments beside days alone, `A|B`), or whose
 * status keeps what was cancelled beside what was done (`Udført`, `Planlagt`, `Aflyst`: a to-do
 * list forgets a cancelled call, a journal keeps it): its done rows are history, not to-dos kept
 * archived.
 */
function doneAsMessages(state: BuildState, agenda: AgendaRows | undefined, entity: EntityProfile): boolean {
  if (state.options.doneActivities !== undefined) return state.options.doneActivities === "messages";
  if (agenda === undefined || agenda.moments.kind === "times") return false;
  if (doneColumn(entity)?.held !== undefined) return true;
  return agenda.moments.due !== undefined || (agenda.start.guess.type === "datetime" && agenda.start.guess.pattern?.includes("|") === true);
}

/** Tags of deals and leads alone are crm.tag records; of partners (or anything else), partner categories. */
function tagModel(state: BuildState, entity: EntityProfile): string {
  const listing = state.entities.filter((other) => other.references.some((reference) => reference.entity === entity.name));
  const ofLeads = listing.length > 0 && listing.every((other) => other.kind === "deal" || other.kind === "lead");
  return ofLeads && findModel(state.schema, "crm.tag") !== undefined ? "crm.tag" : "res.partner.category";
}

/**
 * The organisations and people an entity's rows mix, when they do: any relation, and a company or
 * person file whose rows hold both, some only one, and each organisation once (not a contact
 * list repeating its employer's name, which would make an organisation per row).
 */
function mixedEntity(entity: EntityProfile): MixedRows | undefined {
  if (entity.kind !== "relation" && entity.kind !== "company" && entity.kind !== "person") return undefined;
  const mixed = mixedRows(entity);
  if (mixed === undefined || entity.kind === "relation") return mixed;
  const names = mixed.organisationName.guess;
  const unique = names.distinct >= (names.total - names.blank) * 0.95;
  return unique && mixed.rows.organisation >= 3 && mixed.rows.person >= 3 ? mixed : undefined;
}
