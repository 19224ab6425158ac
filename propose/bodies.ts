/**
 * Each mapped entity's declaration: a map's body (constants, children, links, then the columns),
 * a split's targets, a fallback when the target Odoo lacks the model. Pure.
 */
import { households } from "./households.js";
import { findModel, selectionValues, type OdooModel } from "../compiler/catalog/index.js";
import { combineAddress } from "./address-parts.js";
import { zipAndTown } from "./zip-towns.js";
import { leadName } from "./lead-names.js";
import { nextContactColumn, nextContactTarget } from "./next-contacts.js";
import { groupContactTarget } from "./contact-groups.js";
import { cascadeDiscounts } from "./discounts.js";
import { ratingPriorities } from "./ratings.js";
import { funnelStages } from "./funnel-stages.js";
import { doneStatus, lostStatus } from "./done-status.js";
import { agendaTargets, doneTargets } from "./activity-targets.js";
import { alias } from "./entity-models.js";
import { bankAccountColumn, bankAccountTarget } from "./bank-accounts.js";
import { secondAddressesOf, secondAddressTarget } from "./second-addresses.js";
import { firstMailbox, secondMailbox, secondMailboxTarget } from "./mailboxes.js";
import { contactPersonColumn, contactPersonTarget } from "./partner-people.js";
import { assign, columnRef, columnRefs, constant, newContext, type BuildState, type MappedEntity, type TargetContext } from "./build-state.js";
import type { ColumnProfile, EntityProfile } from "./entities.js";
import { matchFields, requireFields, requireFilled } from "./field-lines.js";
import { percent, type ColumnRef } from "./fields.js";
import { keepLeftovers } from "./leftovers.js";
import { quote, snake } from "./literals.js";
import type { MixedRows, TypedRows } from "./mixed-rows.js";
import { KIND_TARGETS, UNMAPPED_KINDS } from "./odoo-knowledge.js";
import { parentRecord } from "./parent-record.js";
import { partnerRanks } from "./partner-ranks.js";
import { invoiceContacts } from "./invoice-contacts.js";
import { dealContacts } from "./deal-contacts.js";
import { convertedAmount } from "./converted-amounts.js";
import { typeCondition } from "./row-types.js";
import { givenAndSurnames } from "./value-roles.js";
import { degreedName, nameDegrees } from "./name-titles.js";
import { companyNameFallback, partnerNameFromValues } from "./partner-names.js";
import type { BodyLine, EntityProposal, TargetProposal } from "./proposal.js";

export function proposeEntity(state: BuildState, entity: EntityProfile): EntityProposal {
  const mapped = state.mapped.get(entity.name);
  for (const key of entity.key) state.log.add(entity.name, key, { kind: "key" });
  if (entity.modifiedColumn !== undefined) state.log.add(entity.name, entity.modifiedColumn, { kind: "modified" });
  if (mapped === undefined) {
    const reason =
      UNMAPPED_KINDS[entity.kind] ?? `${KIND_TARGETS[entity.kind]?.model ?? "its model"} is not in the target Odoo ${state.schema.serie}: map it by hand`;
    for (const column of entity.columns) if (!state.log.has(entity.name, column.name)) state.log.add(entity.name, column.name, { kind: "unmapped", reason });
    return { entity, notes: [`not mapped: ${reason}`] };
  }
  if (mapped.parent !== undefined) return { entity, notes: [`mapped inside ${mapped.parent.entity}: ${mapped.kind.note}`] };
  const model = findModel(state.schema, mapped.model);
  if (model === undefined) return { entity, notes: [`not mapped: ${mapped.model} is not in the target Odoo`] };
  const file = `${snake(entity.name).replace(/_/g, "-")}.flitmap`;
  const notes = [`${entity.name} → ${mapped.kind.model} (${percent(entity.kindConfidence)}: ${entity.kindEvidence}; ${mapped.kind.note})`];
  const fallbackNote = fallbackNoteOf(state, mapped);
  if (fallbackNote !== undefined) notes.push(fallbackNote);
  if (mapped.contacts !== undefined) {
    const { target, context } = groupContactTarget(state, mapped, model, mapped.contacts.group, { person: mapped.contacts.person, org: mapped.alias }, finishBody);
    requireName(context);
    const organisation: TargetProposal = { header: `${mapped.alias}: ${mapped.model}`, body: mapBody(state, mapped, model) };
    return { entity, file, notes, declaration: { kind: "split", header: `split ${entity.name}`, targets: [organisation, target] } };
  }
  if (mapped.split !== undefined) {
    return { entity, file, notes, declaration: { kind: "split", header: `split ${entity.name}`, targets: splitTargets(state, mapped, model) } };
  }
  const eventModel = findModel(state.schema, "calendar.event");
  const messageModel = findModel(state.schema, "mail.message");
  if (mapped.agenda !== undefined && eventModel !== undefined) {
    const targets = agendaTargets(state, mapped, model, eventModel, mapped.agenda, messageModel);
    return { entity, file, notes, declaration: { kind: "split", header: `split ${entity.name}`, targets } };
  }
  if (mapped.doneRows !== undefined && messageModel !== undefined) {
    return {
      entity,
      file,
      notes,
      declaration: { kind: "split", header: `split ${entity.name}`, targets: doneTargets(state, mapped, model, messageModel, mapped.doneRows) },
    };
  }
  const body = mapBody(state, mapped, model);
  // What Odoo keeps as records of the partner's own: its people, its bank account, a second address.
  const bank = bankAccountColumn(state, mapped);
  const addresses = secondAddressesOf(state, mapped);
  const contact = contactPersonColumn(state, mapped);
  const next = nextContactColumn(state, mapped);
  const mailbox = secondMailbox(state, mapped);
  if (bank !== undefined || addresses.length > 0 || contact !== undefined || next !== undefined || mailbox !== undefined) {
    if (mailbox !== undefined) firstMailbox(body, mailbox);
    const partner: TargetProposal = { header: `${mapped.alias}: ${mapped.model}`, body };
    const targets = [
      partner,
      ...(contact === undefined ? [] : [contactPersonTarget(state, mapped, contact, mapped.alias)]),
      ...(mailbox === undefined ? [] : [secondMailboxTarget(state, mapped, mailbox, mapped.alias)]),
      ...addresses.map((address) => secondAddressTarget(state, mapped, address, mapped.alias)),
      ...(bank === undefined ? [] : [bankAccountTarget(state, mapped, bank, mapped.alias)]),
      ...(next === undefined ? [] : [nextContactTarget(state, mapped, next, mapped.alias, userLine(body))]),
    ];
    return { entity, file, notes, declaration: { kind: "split", header: `split ${entity.name}`, targets } };
  }
  if (mapped.usesFallback) {
    const primary: TargetProposal = {
      header: `map ${entity.name} -> ${mapped.kind.model}`,
      body: [
        {
          kind: "todo",
          text: `TODO: ${mapped.kind.model} cannot be checked against Odoo ${state.schema.serie}; propose its fields with \`flitmap init --schema\` on a server that has it`,
        },
      ],
    };
    return { entity, file, notes, declaration: { kind: "map", target: primary, fallback: { header: `fallback ${mapped.model}`, body } } };
  }
  return { entity, file, notes, declaration: { kind: "map", target: { header: `map ${entity.name} -> ${mapped.model}`, body } } };
}

/** A body's user line (the record's owner), which an activity made from the same row is assigned to. */
function userLine(body: readonly BodyLine[]): BodyLine | undefined {
  return body.find((line) => line.kind === "assign" && line.field === "user_id" && line.operator === "<-");
}

function fallbackNoteOf(state: BuildState, entity: MappedEntity): string | undefined {
  if (!entity.usesFallback) return undefined;
  return `${entity.kind.model} is not in the target Odoo ${state.schema.serie} (its app is not installed): the fallback below loads into ${entity.model}`;
}

export function mapBody(state: BuildState, entity: MappedEntity, model: OdooModel, without: readonly ColumnProfile[] = []): BodyLine[] {
  if (entity.typedPartners !== undefined) return typedPartnerBody(state, entity, model, entity.typedPartners);
  const profile = entity.profile;
  const context = newContext(
    state,
    entity,
    model,
    plainColumns(state, profile)
      .filter((column) => !without.includes(column))
      .map((column) => columnRef(state, profile, column, column.name)),
  );
  for (const fixed of entity.kind.constants) if (model.fields[fixed.field] !== undefined) constant(state, context, fixed.field, fixed.value);
  subtype(state, context);
  children(state, entity, context);
  links(state, entity, context);
  finishBody(state, context);
  requireName(context);
  return context.lines;
}

/**
 * Odoo refuses a contact without a name ("Contacts require a name"): a partner's name is required,
 * so that a row without one is rejected with the reason instead of failing its batch in Odoo.
 */
function requireName(context: TargetContext): void {
  if (context.model.name !== "res.partner") return;
  const index = context.lines.findIndex((line) => line.kind === "assign" && line.field === "name" && line.operator === "<-");
  const line = context.lines[index];
  if (line?.kind !== "assign" || /\|\s*required\s*$/.test(line.expression)) return;
  context.lines[index] = { ...line, expression: `${line.expression} | required` };
}

export function finishBody(state: BuildState, context: TargetContext, inverse?: string): void {
  personName(state, context);
  parentRecord(state, context);
  combineAddress(state, context);
  zipAndTown(state, context);
  partnerRanks(state, context);
  invoiceContacts(state, context);
  convertedAmount(state, context);
  leadName(state, context);
  matchFields(state, context);
  dealContacts(state, context);
  doneStatus(state, context);
  lostStatus(state, context);
  cascadeDiscounts(state, context);
  ratingPriorities(state, context);
  funnelStages(state, context);
  subsidiaryAddress(context);
  households(state, context);
  partnerNameFromValues(state, context);
  requireFields(state, context, inverse);
  keepLeftovers(state, context);
  companyNameFallback(state, context);
  requireFilled(state, context);
}

/**
 * The columns of an entity a map reads: all but the modification stamp, and those a partner's own
 * records take (its contact person, its bank account, its second address). The key is among them, since it may mean
 * something (a stage's name); as the key it needs no other use.
 */
export function plainColumns(state: BuildState, entity: EntityProfile): ColumnProfile[] {
  const mapped = state.mapped.get(entity.name);
  const bank = mapped === undefined ? undefined : bankAccountColumn(state, mapped);
  const contact = mapped === undefined ? undefined : contactPersonColumn(state, mapped);
  const next = mapped === undefined ? undefined : nextContactColumn(state, mapped);
  const address = mapped === undefined ? [] : secondAddressesOf(state, mapped).flatMap((found) => found.parts.map((part) => part.column));
  return entity.columns.filter(
    (column) => column.name !== entity.modifiedColumn && column !== bank && column !== contact && column !== next && !address.includes(column),
  );
}

/** `name <- \`{first_name} {last_name}\` | trim` for people with first and last names. */
export function personName(state: BuildState, context: TargetContext): void {
  if (context.taken.has("name") || context.model.fields["name"] === undefined) return;
  const free = context.columns.filter((column) => !context.used.has(column.path));
  const lone = (except?: ColumnRef): ColumnRef | undefined =>
    free.find((column) => column !== except && column.profile.words.length === 1 && column.profile.words[0] === "name");
  const surnames = free.find((column) => column.profile.words.includes("last"));
  // `Nombre` beside `Apellidos` is the first name; `Nom` beside `Prénom` the last.
  const byWords = free.find((column) => column.profile.words.includes("first")) ?? (surnames === undefined ? undefined : lone());
  // Without header words it knows, the values may tell: given names and surnames side by side.
  const person = context.model.name === "res.partner" && !context.constants.has("is_company");
  // Another file's keys (`GAZINSTALSER`) are no one's name, however they are written.
  const unlinked = free.filter((column) => column.reference === undefined).map((column) => column.profile);
  const byValues = byWords === undefined && surnames === undefined && person ? givenAndSurnames(unlinked) : undefined;
  const first = byWords ?? free.find((column) => column.profile === byValues?.[0]);
  const last = surnames ?? (byValues === undefined ? lone(first) : free.find((column) => column.profile === byValues[1]));
  if (first === undefined || last === undefined) return;
  // A surname written in capitals (`DURAND`, as French exports do) is written as a name.
  const surname = capitals(last.profile.values) ? `${last.path} | title` : last.path;
  const degrees = context.model.name === "res.partner" ? nameDegrees(free, [first, last]) : undefined;
  if (degrees !== undefined) {
    const columns = [...(degrees.before === undefined ? [] : [degrees.before]), first, last, degrees.after];
    assign(state, context, "name", degreedName(degrees, first.path, surname), columns, 0.8, "Odoo has one name field; the degrees around the name are part of it");
    return;
  }
  assign(state, context, "name", `\`{${first.path}} {${surname}}\` | trim`, [first, last], 0.9, "Odoo has one name field");
}

/** Notes are internal notes, not messages sent to followers. */
export function subtype(state: BuildState, context: TargetContext, isNote = context.entity.profile.kind === "note"): void {
  if (!isNote || context.model.fields["subtype_id"] === undefined) return;
  const note = state.schema.references["mail.message.subtype"]?.find((record) => record.xmlid === "mail.mt_note");
  if (note?.xmlid === undefined) return;
  constant(state, context, "subtype_id", state.registries.record("mail.message.subtype", { name: "note", existing: note.xmlid }), "an internal note");
}

/** Quote lines and invoice lines, as the one2many of their header record. */
export function children(state: BuildState, parent: MappedEntity, context: TargetContext): void {
  for (const child of state.mapped.values()) {
    if (child.parent?.entity !== parent.profile.name) continue;
    const model = findModel(state.schema, child.model);
    if (model === undefined) continue;
    const profile = child.profile;
    const columns = profile.columns
      .filter((column) => column.name !== child.parent?.column && column.name !== profile.modifiedColumn)
      .map((column) => columnRef(state, profile, column, column.name));
    const childContext = newContext(state, child, model, columns);
    // The key's other column numbers the lines within their record: their order.
    const number = columns.find((column) => profile.key.includes(column.profile.name) && column.profile.guess.type === "integer");
    if (number !== undefined && model.fields["sequence"] !== undefined)
      assign(state, childContext, "sequence", number.path, [number], 0.9, "the line's number within its record: their order");
    const inverse = findModel(state.schema, parent.model)?.fields[child.parent.field]?.relationField;
    finishBody(state, childContext, inverse);
    textLines(childContext);
    context.lines.push({
      kind: "block",
      header: `${child.parent.field} <- each ${profile.name} by ${child.parent.column}`,
      body: childContext.lines,
      comment: `${percent(0.9)}: ${child.kind.note}`,
    });
    context.taken.add(child.parent.field);
    state.log.add(profile.name, child.parent.column, { kind: "field", model: parent.model, field: child.parent.field, confidence: 0.9 });
  }
}

/**
 * A line without a product (or, where no column gives the product, without a quantity) is a line
 * of text (a note between the priced lines), which Odoo keeps
 * as `display_type = "line_note"` with no quantity or price: such rows get that type, and a
 * required number blank on exactly those rows takes 0 instead of rejecting them.
 */
function textLines(context: TargetContext): void {
  const displayType = context.model.fields["display_type"];
  if (displayType === undefined || !selectionValues(displayType).includes("line_note")) return;
  // Without a product column, a line without a quantity is one of text.
  const product =
    context.lines.find((line) => line.kind === "assign" && line.field === "product_id" && line.columns.length === 1) ??
    context.lines.find((line) => line.kind === "assign" && (line.field === "product_uom_qty" || line.field === "quantity") && line.columns.length === 1);
  const column = product?.kind === "assign" ? context.columns.find((candidate) => candidate.path === product.columns[0]) : undefined;
  if (column === undefined || column.profile.guess.blank === 0) return;
  const blank = (values: readonly string[]): boolean[] => values.map((value) => value.trim() === "");
  const withoutProduct = blank(column.profile.values);
  context.lines.forEach((line, index) => {
    if (line.kind !== "assign" || line.columns.length !== 1 || !/\|\s*required\s*$/.test(line.expression)) return;
    const type = context.model.fields[line.field]?.type;
    const number = context.columns.find((candidate) => candidate.path === line.columns[0]);
    if ((type !== "float" && type !== "monetary" && type !== "integer") || number === undefined) return;
    if (!blank(number.profile.values).every((empty, row) => !empty || withoutProduct[row] === true)) return;
    context.lines[index] = {
      ...line,
      expression: `${line.expression.replace(/\s*\|\s*required\s*$/, "")} ?? 0`,
      comment: `${line.comment?.split(";")[0] ?? ""}; a line of text has none`,
    };
  });
  context.lines.unshift({
    kind: "assign",
    field: "display_type",
    operator: "<-",
    expression: `if ${column.path} is empty then "line_note"`,
    columns: [column.path],
    comment: "a line without a product is a line of text",
  });
  context.taken.add("display_type");
}

/**
 * A link entity (contact ↔ company) read from the records it links: a person's company is
 * the first linked company, primary links first; the rest stay visible in the link table.
 */
export function links(state: BuildState, entity: MappedEntity, context: TargetContext): void {
  if (entity.profile.kind !== "person" || context.model.fields["parent_id"]?.relation !== context.model.name) return;
  for (const link of state.entities) {
    if (link.kind !== "link") continue;
    const own = link.references.find((reference) => reference.entity === entity.profile.name && link.key.includes(reference.column));
    const other = link.references.find((reference) => reference !== own && link.key.includes(reference.column));
    const otherEntity = other === undefined ? undefined : state.mapped.get(other.entity);
    if (own === undefined || other === undefined || otherEntity === undefined || otherEntity.model !== context.model.name || otherEntity === entity) continue;
    if (context.taken.has("parent_id")) continue;
    const primary = link.columns.find((column) => column.guess.type === "boolean" && !link.key.includes(column.name));
    const header = `with ${link.name} by ${own.column}${primary === undefined ? "" : ` order by ${primary.name} desc`}`;
    const body: BodyLine[] = [
      {
        kind: "assign",
        field: "parent_id",
        operator: "<-",
        expression: `${other.column} | first | ref ${otherEntity.alias}`,
        columns: [other.column],
        comment: `${percent(0.8)}: Odoo keeps one company per person`,
      },
    ];
    // The other linked records would be lost with a single parent: their names are kept as text.
    const otherProfile = otherEntity.profile;
    const otherName =
      otherProfile.columns.find((column) => column.words.includes("name") && column.words.some((word) => otherProfile.group.words.includes(word))) ??
      otherProfile.columns.find((column) => column.words.includes("name"));
    if (otherName !== undefined) {
      const plural = `${snake(otherProfile.name)}s`.replace(/ys$/, "ies");
      const field = state.registries.customField({
        model: context.model.name,
        name: `x_other_${plural}`,
        type: "char",
        label: `Other ${plural.replace(/_/g, " ")}`,
      });
      body.push({
        kind: "assign",
        field: field.name,
        operator: "<-",
        expression: `${other.column} | rest | get(${otherProfile.name}.${otherName.name}) | join("; ")`,
        columns: [],
        comment: "new custom field: the others, by name",
      });
    }
    for (const column of link.columns) {
      if (link.key.includes(column.name) || column === primary) continue;
      if (column.guess.blank < column.guess.total) {
        const field = state.registries.customField({ model: context.model.name, name: `x_${column.name}`.slice(0, 60), type: "char", label: column.header });
        body.push({
          kind: "assign",
          field: field.name,
          operator: "<-",
          expression: `${column.name} | first`,
          columns: [column.name],
          comment: "new custom field: at the first link",
        });
        state.log.add(link.name, column.name, { kind: "custom", model: context.model.name, field: field.name });
        continue;
      }
      body.push({ kind: "ignore", column: column.name, comment: "always blank in the export" });
      state.log.add(link.name, column.name, { kind: "ignore", reason: "always blank in the export" });
    }
    context.lines.push({ kind: "block", header, body, comment: `the links of ${link.pattern}` });
    context.taken.add("parent_id");
    state.log.add(link.name, own.column, { kind: "key" });
    state.log.add(link.name, other.column, { kind: "field", model: context.model.name, field: "parent_id", confidence: 0.8 });
    if (primary !== undefined) state.log.add(link.name, primary.name, { kind: "ignore", reason: "orders the links" });
  }
}

export function splitTargets(state: BuildState, entity: MappedEntity, model: OdooModel): TargetProposal[] {
  const profile = entity.profile;
  const split = entity.split;
  if (split === undefined) return [];
  if (split.mixed !== undefined) return mixedTargets(state, entity, model, split.mixed);
  const orgColumns = plainColumns(state, profile).map((column) => columnRef(state, profile, column, column.name));
  const org = newContext(state, entity, model, orgColumns);
  const orgName =
    orgColumns.find((column) => column.profile.words.includes("company") && column.profile.words.includes("name")) ??
    orgColumns.find((column) => column.profile.words.includes("company"));
  constant(state, org, "is_company", "true");
  if (orgName !== undefined) assign(state, org, "name", `${orgName.path} | trim`, [orgName], 0.95);
  finishBody(state, org);
  requireName(org);
  const targets: TargetProposal[] = [
    { header: `${split.org}: ${model.name}${orgName === undefined ? "" : ` when ${orgName.path} is present`}`, body: org.lines },
  ];
  const group = split.group;
  if (group !== undefined) {
    const { target, context: person } = groupContactTarget(state, entity, model, group, split, finishBody);
    requireName(person);
    if (orgName !== undefined) {
      person.lines.push({
        kind: "todo",
        text: `TODO: a row without ${orgName.path} is a private person: no organisation is made, and its address columns reach no record; copy them here (street <- ...) if they are the person's`,
      });
    }
    targets.push(target);
  }
  return targets;
}

/**
 * Rows mixing organisations and people (mixed-rows.ts): the organisation when its name is there,
 * the person when theirs is, under the organisation of the same row; a private person (no
 * organisation) takes the row's address, owner and tags, which are otherwise the organisation's.
 */
function mixedTargets(state: BuildState, entity: MappedEntity, model: OdooModel, mixed: MixedRows): TargetProposal[] {
  const profile = entity.profile;
  const split = entity.split;
  if (split === undefined) return [];
  // A column saying what each row is decides the split (its `when`s) and feeds no field.
  const typeColumn = mixed.typed?.column;
  if (typeColumn !== undefined)
    state.log.add(profile.name, typeColumn.name, { kind: "ignore", reason: "says whether a row is an organisation or a person: the split's conditions" });
  const columns = plainColumns(state, profile)
    .filter((column) => column !== typeColumn)
    .map((column) => columnRef(state, profile, column, column.name));
  const organisationName = mixed.organisationName.name;
  const org = newContext(
    state,
    entity,
    model,
    columns.filter((column) => !mixed.person.has(column.profile.name)),
  );
  constant(state, org, "is_company", "true");
  const orgName = org.columns.find((column) => column.profile === mixed.organisationName);
  if (orgName !== undefined) assign(state, org, "name", `${orgName.path} | trim`, [orgName], 0.95);
  finishBody(state, org);
  requireName(org);
  const person = newContext(
    state,
    entity,
    model,
    columns.filter((column) => mixed.person.has(column.profile.name) || mixed.shared.has(column.profile.name)),
  );
  constant(state, person, "type", '"contact"', "at an organisation a person shares its address; a private person has no parent");
  const typed = mixed.typed;
  if (typed === undefined) {
    person.lines.push({
      kind: "assign",
      field: "parent_id",
      operator: "<-",
      expression: `if ${organisationName} is present then ref ${split.org}`,
      columns: [],
      comment: "the organisation of the same row, when the row has one",
    });
    person.taken.add("parent_id");
  } else if (typed.employer !== undefined) {
    const employer = person.columns.find((column) => column.profile === typed.employer);
    if (employer !== undefined)
      assign(state, person, "parent_id", `${employer.path} | ref ${split.org}`, [employer], 0.9, "the organisation row whose key it holds");
  }
  finishBody(state, person);
  requireName(person);
  if (typed !== undefined) {
    return [
      { header: `${split.org}: ${model.name} when ${typeCondition(typed.column, typed.organisationValues)}`, body: org.lines },
      { header: `${split.person}: ${model.name} when ${typeCondition(typed.column, typed.personValues)}`, body: person.lines },
    ];
  }
  // The row's address, owner and tags are a private person's own; beside an organisation, its.
  const lines = person.lines.map((line) =>
    line.kind === "assign" && line.columns.length > 0 && line.columns.every((column) => mixed.shared.has(column))
      ? { ...line, expression: `if ${organisationName} is empty then ${line.expression.startsWith("if ") ? `(${line.expression})` : line.expression}` }
      : line,
  );
  return [
    { header: `${split.org}: ${model.name} when ${organisationName} is present`, body: org.lines },
    { header: `${split.person}: ${model.name} when ${mixed.personName.name} is present`, body: lines },
  ];
}

/**
 * Rows typed as organisations or people by a column, none under another (a registry of companies,
 * sole traders and private persons): one partner per row, a company by its type, a person named by
 * their names, else (names left blank) by the organisation's name column.
 */
function typedPartnerBody(state: BuildState, entity: MappedEntity, model: OdooModel, mixed: MixedRows & { readonly typed: TypedRows }): BodyLine[] {
  const profile = entity.profile;
  const typed = mixed.typed;
  const names = [...new Set([mixed.firstName, mixed.personName, mixed.organisationName])].filter((column): column is ColumnProfile => column !== undefined);
  const context = newContext(
    state,
    entity,
    model,
    columnRefs(
      state,
      profile,
      plainColumns(state, profile).filter((column) => column !== typed.column && !names.includes(column)),
    ),
  );
  const [type] = columnRefs(state, profile, [typed.column]);
  if (type !== undefined)
    assign(state, context, "is_company", typeCondition(typed.column, typed.organisationValues), [type], 0.9, "the type says which rows are organisations");
  const personRows = typeCondition(typed.column, typed.personValues);
  if (typed.oneName !== undefined) {
    assign(state, context, "name", oneName(mixed.organisationName.name, personRows, typed.oneName.surnameFirst), [
      ...columnRefs(state, profile, names),
      ...(type === undefined ? [] : [type]),
    ], 0.9, typed.oneName.surnameFirst ? "a person's name is written surname first: Odoo shows it given name first" : "an organisation's or a person's, one column names both");
    finishBody(state, context);
    return context.lines;
  }
  const person = mixed.firstName === undefined ? `{${mixed.personName.name}}` : `{${mixed.firstName.name}} {${mixed.personName.name}}`;
  assign(
    state,
    context,
    "name",
    `(if ${personRows} then \`${person}\` | trim) ?? ${mixed.organisationName.name} | trim | required`,
    columnRefs(state, profile, names),
    0.9,
    "a person by their names; an organisation, or a person whose names are blank, by the row's name",
  );
  finishBody(state, context);
  return context.lines;
}

/** `Jansen, Pieter` → `Pieter Jansen` on a person's row; any other name as written. */
function oneName(column: string, personRows: string, surnameFirst: boolean): string {
  if (!surnameFirst) return `${column} | trim | required`;
  const turned = `\`{${column} | split(",") | last} {${column} | split(",") | first}\``;
  return `(if ${personRows} and ${column} | contains(",") then ${turned} else ${column}) | trim | required`;
}

/** Whether nearly every value is written in capitals. */
function capitals(values: readonly string[]): boolean {
  const filled = values.map((value) => value.trim()).filter((value) => /\p{L}{2}/u.test(value));
  return filled.length > 0 && filled.filter((value) => value === value.toUpperCase()).length >= filled.length * 0.9;
}

const ADDRESS_FIELDS: readonly string[] = ["street", "street2", "zip", "city", "state_id", "country_id"];

/**
 * A company under a parent company (a group member) keeps its own address: Odoo gives a partner of
 * type "contact" its parent's, so such a row is written as another type.
 */
function subsidiaryAddress(context: TargetContext): void {
  if (context.model.name !== "res.partner" || context.taken.has("type") || context.model.fields["type"] === undefined) return;
  const parent = context.lines.find((line) => line.kind === "assign" && line.field === "parent_id" && line.columns.length > 0);
  if (parent?.kind !== "assign" || !context.taken.has("is_company")) return;
  if (!ADDRESS_FIELDS.some((field) => context.taken.has(field))) return;
  const column = parent.columns[0] ?? "";
  const index = context.lines.indexOf(parent);
  context.lines.splice(index, 0, {
    kind: "assign",
    field: "type",
    operator: "<-",
    expression: `if ${column} is present then "other" else "contact"`,
    columns: [],
    comment: 'a company under a parent keeps its own address: Odoo gives a "contact" its parent\'s',
  });
  context.taken.add("type");
}
