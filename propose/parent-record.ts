/**
 * The record a chatter message, activity or attachment belongs to (`model`/`res_model_id` and
 * `res_id`): from a `Parent Type` + `Parent ID` pair, or from several optional references, the
 * most specific that is filled. Pure.
 */
import { assign, mappedByAlias, type BuildState, type TargetContext } from "./build-state.js";
import { referenceExpression } from "./field-lines.js";
import type { ColumnRef, TableOutput } from "./fields.js";
import { quote, snake } from "./literals.js";
import type { TableEntryProposal } from "./proposal.js";

/** The record a chatter line, activity or attachment belongs to: `model`/`res_model_id` and `res_id`. */
export function parentRecord(state: BuildState, context: TargetContext): void {
  const fields = context.model.fields;
  if (fields["res_id"]?.type !== "many2one_reference") return;
  const modelField =
    fields["res_model_id"] !== undefined
      ? "res_model_id"
      : fields["model"] !== undefined
        ? "model"
        : fields["res_model"] !== undefined
          ? "res_model"
          : undefined;
  if (modelField === undefined) return;
  // res_model_id is a record of ir.model: the model's name found through a lookup of ir.model.
  const toRecord = (expression: string): string => (modelField === "res_model_id" ? `${expression} | ${state.registries.lookup("ir.model")}` : expression);
  attendees(state, context);
  if (context.entity.profile.polymorphic !== undefined) typedParent(state, context, modelField, toRecord);
  else referencedParent(state, context, modelField, toRecord);
}

/**
 * The partners a calendar event's row names (the firm visited, the person met) are its
 * attendees, not the record it belongs to: `partner_ids <- [firma | ref firm, kisi | ref person]`.
 * The record is then the deal it names, if any.
 */
function attendees(state: BuildState, context: TargetContext): void {
  const field = context.model.fields["partner_ids"];
  if (context.model.name !== "calendar.event" || field?.relation !== "res.partner" || context.taken.has("partner_ids")) return;
  const partners = context.columns.filter((column) => {
    const reference = column.reference;
    if (reference === undefined || context.used.has(column.path)) return false;
    return (mappedByAlias(state, reference.alias)?.model ?? reference.model) === "res.partner";
  });
  if (partners.length === 0) return;
  // The most often filled first: the firm, then the person.
  const ordered = [...partners].sort((left, right) => left.profile.guess.blank - right.profile.guess.blank);
  const expressions = ordered.flatMap((column) =>
    column.reference === undefined
      ? []
      : [referenceExpression(column.path, column.reference, column.reference.separator !== undefined, (names) => state.registries.uniqueColumn(names))],
  );
  assign(state, context, "partner_ids", `[${expressions.join(", ")}]`, ordered, 0.8, "the partners it names attend it");
}

/** A `Parent Type` + `Parent ID` pair: the model from a table of the type's values, the record by the type. */
function typedParent(state: BuildState, context: TargetContext, modelField: string, toRecord: (expression: string) => string): void {
  const entity = context.entity.profile;
  const polymorphic = entity.polymorphic;
  if (polymorphic === undefined) return;
  const typeColumn = context.columns.find((column) => column.profile.name === polymorphic.typeColumn);
  const idColumn = context.columns.find((column) => column.profile.name === polymorphic.idColumn);
  const targets = polymorphic.targets.flatMap((target) => {
    const mapped = state.mapped.get(target.entity);
    if (mapped === undefined || mapped.parent !== undefined) return [];
    const by = target.byName === undefined ? "" : ` by ${state.registries.uniqueColumn({ entity: target.entity, nameColumn: target.byName })}`;
    return [{ value: target.value, mapped, ref: `ref ${mapped.alias}${by}` }];
  });
  if (typeColumn === undefined || idColumn === undefined || targets.length === 0) return;
  const output: TableOutput =
    modelField === "res_model_id" || context.model.fields[modelField]?.type !== "selection"
      ? { kind: "text" }
      : { kind: "selection", model: context.model.name, field: modelField };
  const tableName = state.registries.names.take(`${typeColumn.profile.name}_model`, `${snake(entity.name)}_parent_model`);
  const entries: TableEntryProposal[] = targets.map(({ value, mapped }) => ({ key: value, value: quote(mapped.model) }));
  state.registries.tables.set(`parent:${tableName}`, {
    name: tableName,
    output,
    fieldLabel: `${context.model.name}.${modelField}`,
    values: new Map(),
    customOptions: new Map(entries.map((entry) => [entry.key, entry.value ?? ""])),
    unmatched: "reject",
  });
  assign(state, context, modelField, toRecord(`${typeColumn.path} | ${tableName}`), [typeColumn], 0.9, `${polymorphic.typeColumn} names the kind of record`);
  const chain = targets
    .slice(0, -1)
    .map(({ value, ref }) => `if ${typeColumn.path} = ${quote(value)} then ${idColumn.path} | ${ref} else `)
    .join("");
  const last = targets[targets.length - 1];
  if (last === undefined) return;
  assign(state, context, "res_id", `${chain}${idColumn.path} | ${last.ref}`, [idColumn], 0.9, `the ${polymorphic.typeColumn} record with this id`);
}

/** Several optional references (a lead, else its relation): the most specific record that is there. */
function referencedParent(state: BuildState, context: TargetContext, modelField: string, toRecord: (expression: string) => string): void {
  // Several references: a deal before the organisation, the organisation before a person, then
  // the most specific one that is filled (a lead before its relation).
  const references = context.columns
    .filter((column) => column.reference !== undefined && !context.used.has(column.path))
    .sort((left, right) => recordRank(state, left) - recordRank(state, right) || right.profile.guess.blank - left.profile.guess.blank);
  if (references.length === 0) return;
  // Each record a row may belong to, in the order they are tried: a column's own records, then the
  // others its value may name (an opportunity's id, else an account's).
  const operands = references.flatMap((column) => {
    const reference = column.reference;
    if (reference === undefined) return [];
    const own = { path: column.path, alias: reference.alias, model: mappedByAlias(state, reference.alias)?.model ?? reference.model };
    return [own, ...(reference.others ?? []).map((other) => ({ path: column.path, alias: other.alias, model: other.model }))];
  });
  const last = operands[operands.length - 1];
  if (last === undefined) return;
  // A column whose value may name records of several models says which by the one it finds.
  const several = new Set(operands.map((operand) => operand.path)).size < operands.length;
  let modelExpression = quote(last.model);
  for (let index = operands.length - 2; index >= 0; index--) {
    const operand = operands[index];
    if (operand === undefined || operand.model === operands[index + 1]?.model) continue;
    const condition = several ? `${operand.path} | ref ${operand.alias} is present` : `${operand.path} is present`;
    modelExpression = `if ${condition} then ${quote(operand.model)} else ${modelExpression}`;
  }
  // One model: a constant; several: chosen by which record is there.
  const single = !modelExpression.startsWith("if ");
  const record = modelField === "res_model_id";
  context.lines.push({
    kind: "assign",
    field: modelField,
    operator: single && !record ? "=" : "<-",
    expression: record ? toRecord(single ? modelExpression : `(${modelExpression})`) : modelExpression,
    columns: single ? [] : [...new Set(operands.slice(0, -1).map((operand) => operand.path))],
    comment: "the record each row belongs to",
  });
  context.taken.add(modelField);
  const idExpression = references
    .flatMap((column) =>
      column.reference === undefined
        ? []
        : [referenceExpression(column.path, column.reference, column.reference.separator !== undefined, (names) => state.registries.uniqueColumn(names))],
    )
    .join(" ?? ");
  assign(state, context, "res_id", idExpression, references, 0.9);
}

/**
 * Which record a chatter line or an activity belongs to first, as specialists write it: the deal
 * it is about, else the organisation, else a person there (who may share a name with another
 * firm's); other records by how specific they are.
 */
function recordRank(state: BuildState, column: ColumnRef): number {
  const reference = column.reference;
  if (reference === undefined) return 3;
  const mapped = mappedByAlias(state, reference.alias);
  if ((mapped?.model ?? reference.model) !== "res.partner") return 0;
  const organisations = mapped === undefined || mapped.split !== undefined || mapped.typedPartners !== undefined || mapped.profile.kind === "company";
  return organisations ? 1 : 2;
}
