/**
 * Column to field: the scored candidates of a target (fields.ts), adjusted by how many values a
 * table would match, assigned best first (references to one field chained with `??`), unsure ones
 * as TODOs; then the required fields no column fills. Pure.
 */
import { valueRoles, type ValueRole } from "./value-roles.js";
import { refineDealRoles } from "./deal-roles.js";
import { ACTIVITY_MODELS, refineActivityRoles, refineNotes } from "./activity-roles.js";
import { HEADER_MODELS, LINE_MODELS, refineHeaderRoles, refineLineRoles } from "./line-roles.js";
import { IGNORED_CONCEPTS } from "./leftovers.js";
import type { ColumnProfile } from "./entities.js";
import { requiredFields, unsetRequiredFields, type OdooField } from "../compiler/catalog/index.js";
import { assign, type BuildState, type TargetContext } from "./build-state.js";
import {
  ASSIGN_THRESHOLD,
  candidateFields,
  compareCandidates,
  nameScore,
  percent,
  scoreCandidates,
  TODO_THRESHOLD,
  type ColumnRef,
  type ColumnReference,
  type Conversion,
  type FieldCandidate,
  type TableOutput,
  type ValueOutput,
} from "./fields.js";
import { closingDateCandidates } from "./closing-dates.js";
import { quote, snake } from "./literals.js";
import { namesRows } from "./references.js";
import { EXTENSIBLE_MODELS, LOOKUPS, ROLE_FIELDS } from "./odoo-knowledge.js";
import { countValues, matchValues, optionsFor } from "./value-tables.js";
import { isFormWord } from "./words.js";
import { recordRoles } from "./record-values.js";

/** The expression a conversion writes, registering the tables, lookups and name indexes it uses. */
export function expressionOf(state: BuildState, candidate: FieldCandidate, context: TargetContext): string {
  const { column, field } = candidate;
  return writeConversion(candidate, {
    lookup: (key) => state.registries.lookup(key),
    table: (output) => state.registries.table(output, field, column.profile.name, snake(context.entity.profile.name), tableValues(candidate)),
    userNames: () => state.registries.userNames(`${context.entity.profile.name}.${column.profile.name}`, column.profile.values),
    uniqueColumn: (names) => state.registries.uniqueColumn(names),
  });
}

/** The values a candidate's table reads: a list's parts, or what its steps make of each value. */
function tableValues(candidate: FieldCandidate): readonly string[] {
  const keys = candidate.conversion.kind === "table" ? candidate.conversion.keys : undefined;
  return keys ?? candidate.column.profile.list?.parts ?? candidate.column.profile.values;
}

/**
 * Columns that may fill one many2one in turn, the first that has a value (`??`): references to
 * several entities (the contact, else the company), or several pick-lists of the same records (an
 * academic title, else the salutation).
 */
function chainable(candidate: FieldCandidate): boolean {
  const kind = candidate.conversion.kind;
  return candidate.field.type === "many2one" && (kind === "ref" || kind === "table" || kind === "lookup");
}

/** The expression a TODO would use, without registering its table, lookup or name index. */
export function previewExpression(candidate: FieldCandidate): string {
  return writeConversion(candidate, {
    lookup: (key) => LOOKUPS[key]?.name ?? key,
    table: () => `<a table of its ${candidate.column.profile.guess.distinct} values>`,
    userNames: () => "<a table of the users' names>",
    uniqueColumn: (names) => names.nameColumn,
  });
}

interface ConversionNames {
  lookup(key: string): string;
  table(output: ValueOutput): string;
  userNames(): string;
  uniqueColumn(names: { readonly entity: string; readonly nameColumn: string; readonly match?: "loose" }): string;
}

/** Owners written as `K. Vogel`, `MARTIN Julien` or `ANOWAK` need their users' names before a lookup by name. */
const SHORT_NAME = /^\p{Lu}\.|,|^\p{Lu}{2,}\s|^\p{Lu}{2,15}$/u;

/** A conversion as text (the column's placeholders, declared with `empty when`, read as blanks). */
function writeConversion(candidate: FieldCandidate, names: ConversionNames): string {
  const { column, conversion } = candidate;
  switch (conversion.kind) {
    case "direct":
      return [column.path, ...conversion.steps].join(" | ");
    case "negate":
      return `not ${column.path}`;
    case "ref":
      return referenceExpression(column.path, conversion.reference, conversion.first, names.uniqueColumn);
    case "lookup": {
      const short = conversion.lookup === "res.users#name" && column.profile.values.some((value) => SHORT_NAME.test(value.trim()));
      const through = column.through === undefined ? "" : `get(${column.through.entity}.${column.through.column.name}) | `;
      return `${column.path} | ${through}${short ? `${names.userNames()} | ` : ""}${names.lookup(conversion.lookup)}`;
    }
    case "table":
      if (conversion.steps !== undefined) return [column.path, ...conversion.steps, names.table(conversion.output)].join(" | ");
      return conversion.split === undefined
        ? `${column.path} | trim | ${names.table(conversion.output)}`
        : `${column.path} | split(${quote(conversion.split)}) | ${names.table(conversion.output)}`;
  }
}

export function explain(state: BuildState, candidate: FieldCandidate): string | undefined {
  if (candidate.confidence >= 0.85) return undefined;
  return `"${candidate.column.profile.header}" as ${candidate.field.label}`;
}

/** How many of a column's values a table would match, 0 to 1 (new records count as matched where Odoo lets a migration add them). */
export function tableFit(state: BuildState, output: TableOutput, values: readonly string[]): number {
  // A `Title` column of job titles (`Buyer`, `CEO`) is no salutation: titles are few and known, so
  // they must match, even though a migration may add one.
  if (output.kind === "records" && EXTENSIBLE_MODELS.has(output.model) && !(output.model === "res.partner.title" && salutationShare(state, values) < 0.5))
    return 1;
  const options = optionsFor(state.schema, output);
  const counts = countValues(values);
  if (counts.size === 0 || options.length === 0) return 0;
  const matches = matchValues(counts, options);
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  return matches.reduce((sum, match) => sum + (match.option === undefined ? 0 : match.count), 0) / total;
}

/** The share of a column's rows whose value matches one of the target's titles (Mister, Madam, Doctor, ...). */
function salutationShare(state: BuildState, values: readonly string[]): number {
  const counts = countValues(values);
  const options = optionsFor(state.schema, { kind: "records", model: "res.partner.title" });
  const total = [...counts.values()].reduce((sum, count) => sum + count, 0);
  if (total === 0 || options.length === 0) return 1;
  return matchValues(counts, options).reduce((sum, match) => sum + (match.option === undefined ? 0 : match.count), 0) / total;
}

/** Whether a column's header names a field of the model the role its values tell does not feed, and not that one. */
function headerNamesOtherField(column: ColumnProfile, role: ValueRole, fields: readonly OdooField[], entityWords: readonly string[], model: string): boolean {
  const own = ROLE_FIELDS[model]?.[role];
  const named = (field: OdooField): boolean => nameScore(column.words, entityWords, model, field) >= ASSIGN_THRESHOLD;
  const ownField = fields.find((field) => field.name === own);
  return (ownField === undefined || !named(ownField)) && fields.some((field) => field.name !== own && named(field));
}

/** Scores, then adjusts table conversions by how many values the table would match. */
export function candidates(state: BuildState, context: TargetContext): FieldCandidate[] {
  const entityWords = context.entity.profile.group.words;
  const key = context.entity.profile.key;
  // A key feeds a field only when it names something besides the record (`Stage Name`), not when it is only its id (`Company ID`).
  const meaningful = (column: ColumnRef): boolean =>
    column.profile.group !== undefined ||
    !key.includes(column.profile.name) ||
    column.profile.words.some((word) => !entityWords.includes(word) && !isFormWord(word));
  const free = context.columns.filter((column) => !context.used.has(column.path) && meaningful(column));
  const fields = candidateFields(context.model).filter((field) => !context.taken.has(field.name) || context.constants.has(field.name));
  const plain = free.filter((column) => column.reference === undefined && column.through === undefined).map((column) => column.profile);
  const person = context.entity.profile.kind === "person" && context.entity.typedPartners === undefined;
  const found = valueRoles(plain, key, { preset: recordRoles(plain, state.schema), person });
  const unkeyed = plain.filter((column) => !key.includes(column.name));
  if (context.model.name === "crm.lead") refineDealRoles(context.entity.profile, unkeyed, found);
  if (ACTIVITY_MODELS.has(context.model.name)) refineActivityRoles(unkeyed, found);
  if (LINE_MODELS.has(context.model.name)) refineLineRoles(unkeyed, found);
  if (HEADER_MODELS.has(context.model.name)) refineHeaderRoles(unkeyed, found);
  if (HEADER_MODELS.has(context.model.name) || context.model.name === "crm.lead") refineNotes(unkeyed, found);
  // A header word that says the column is to be ignored (a balance's side) outranks what its values look like.
  for (const column of found.keys()) if (column.words.some((word) => IGNORED_CONCEPTS.has(word))) found.delete(column);
  // A customer blocked (`Spærret`, `Blocked`: no more sales on credit) is still live, not archived.
  for (const [column, role] of found) if ((role === "active" || role === "inactive") && column.words.includes("blocked")) found.delete(column);
  // A person's few values on every row, beside the salutation, are a job position, not a stage;
  // in rows typed as organisations or people (a register of customers), a trade or a category.
  const positioned = [...found.values()].includes("position");
  const roles = new Map<ColumnProfile, ValueRole>([...found].map(([column, role]) => [column, person && !positioned && role === "status" ? "position" : role]));
  // A header naming another field (`Województwo`, a province) outranks what its values look like (a few values, a position).
  for (const [column, role] of roles) if (headerNamesOtherField(column, role, fields, entityWords, context.model.name)) roles.delete(column);
  const scored = scoreCandidates(free, fields, entityWords, state.schema, context.model.name, roles);
  return closingDateCandidates(scored, context.entity.profile, fields, state.schema, context.model.name)
    .map((candidate) => {
      if (candidate.conversion.kind !== "table" || candidate.byType === true) return candidate;
      const fit = tableFit(state, candidate.conversion.output, candidate.conversion.keys ?? candidate.column.profile.values);
      const conversion: Conversion = { ...candidate.conversion, factor: candidate.conversion.factor * (0.5 + 0.5 * fit) };
      return { ...candidate, conversion, confidence: candidate.nameScore * conversion.factor };
    })
    .filter((candidate) => candidate.confidence >= TODO_THRESHOLD)
    .sort(compareCandidates);
}

/** Assigns fields greedily, best pairs first; references to the same field are chained with `??`. */
export function matchFields(state: BuildState, context: TargetContext): void {
  const todo = new Set<string>();
  const refChains = new Map<string, { candidates: FieldCandidate[]; line: number }>();
  for (const candidate of candidates(state, context)) {
    const path = candidate.column.path;
    if (context.used.has(path) || todo.has(path)) continue;
    const field = candidate.field.name;
    if (context.constants.has(field) && candidate.confidence >= ASSIGN_THRESHOLD) {
      // A column saying what the constant assumed (a qualification where deals were all opportunities) replaces it.
      const index = context.lines.findIndex((line) => line.kind === "assign" && line.field === field && line.operator === "=");
      const replaced = context.lines[index];
      if (index >= 0) context.lines.splice(index, 1);
      context.constants.delete(field);
      const was = replaced?.kind === "assign" ? `instead of ${field} = ${replaced.expression} for every row` : undefined;
      assign(state, context, field, expressionOf(state, candidate, context), [candidate.column], candidate.confidence, was);
      continue;
    }
    if (context.constants.has(field)) {
      // A column saying what a constant assumes (a qualification next to `type = "opportunity"`).
      todo.add(path);
      context.lines.push({
        kind: "todo",
        text: `TODO ${percent(candidate.confidence)} sure: instead of the constant, ${field} <- ${previewExpression(candidate)}  (${candidate.field.label})`,
      });
      state.log.add(context.entity.profile.name, path, { kind: "todo", model: context.model.name, field, confidence: candidate.confidence });
      continue;
    }
    const chain = refChains.get(field);
    const chained = chain?.candidates[0];
    if (
      context.taken.has(field) &&
      !(chained !== undefined && chainable(candidate) && candidate.conversion.kind === chained.conversion.kind && candidate.confidence >= ASSIGN_THRESHOLD)
    )
      continue;
    // A key serves as the external ID already: it feeds a field when that is clear, and is no TODO otherwise.
    if (
      candidate.confidence < ASSIGN_THRESHOLD &&
      context.entity.profile.key.includes(candidate.column.profile.name) &&
      candidate.column.profile.group === undefined
    ) {
      continue;
    }
    if (candidate.confidence >= ASSIGN_THRESHOLD) {
      if (chain !== undefined) {
        chain.candidates.push(candidate);
        // A guarded operand (`if x != "-" then ...`) is parenthesised, so that `??` does not fall inside its `then`.
        const expression = chain.candidates
          .map((item) => expressionOf(state, item, context))
          .map((text) => (text.startsWith("if ") ? `(${text})` : text))
          .join(" ?? ");
        const line = context.lines[chain.line];
        if (line?.kind === "assign") context.lines[chain.line] = { ...line, expression, columns: [...line.columns, path] };
        context.used.add(path);
        state.log.add(context.entity.profile.name, path, { kind: "field", model: context.model.name, field, confidence: candidate.confidence });
        continue;
      }
      assign(state, context, field, expressionOf(state, candidate, context), [candidate.column], candidate.confidence, explain(state, candidate));
      if (chainable(candidate)) refChains.set(field, { candidates: [candidate], line: context.lines.length - 1 });
      if (candidate.conversion.kind === "ref" && candidate.conversion.first) keepOtherReferences(state, context, candidate);
    } else {
      todo.add(path);
      context.lines.push({
        kind: "todo",
        text: `TODO ${percent(candidate.confidence)} sure: ${field} <- ${previewExpression(candidate)}  (${candidate.field.label})`,
      });
      state.log.add(context.entity.profile.name, path, { kind: "todo", model: context.model.name, field, confidence: candidate.confidence });
    }
  }
  const parent = refChains.get("parent_id");
  if (parent !== undefined) companyNameBesideKey(state, context, parent.candidates);
}

/**
 * A person's firm linked by its key beside its name (a CRM's ERP code and the account's name): a
 * row without the key names a firm the other file lacks (a prospect), whose name Odoo keeps as
 * the person's company name.
 */
function companyNameBesideKey(state: BuildState, context: TargetContext, chain: readonly FieldCandidate[]): void {
  if (context.model.name !== "res.partner" || context.taken.has("company_name") || context.model.fields["company_name"] === undefined) return;
  const byName = chain.find((candidate) => candidate.conversion.kind === "ref" && candidate.conversion.reference.byName !== undefined);
  const byKey = chain.find((candidate) => candidate.conversion.kind === "ref" && candidate.conversion.reference.byName === undefined);
  if (byName === undefined || byKey === undefined || byName.column.profile.guess.type !== "text") return;
  context.lines.push({
    kind: "assign",
    field: "company_name",
    operator: "<-",
    expression: `if ${byKey.column.path} is empty then ${byName.column.path} | trim`,
    columns: [byName.column.path, byKey.column.path],
    comment: "the firm's name where no key links it: a firm the export does not hold",
  });
  context.taken.add("company_name");
  state.log.add(context.entity.profile.name, byName.column.path, { kind: "field", model: context.model.name, field: "company_name", confidence: byName.confidence });
}

/** Required fields nothing fills: a TODO line each, and the check reports them as warnings. */
export function requireFields(state: BuildState, context: TargetContext, inverse: string | undefined): void {
  const model = context.model.name;
  for (const { field, computedFrom } of unsetRequiredFields(state.schema, model, context.taken, inverse)) {
    if (computedFrom.some((source) => context.taken.has(source))) continue;
    if (model === "ir.attachment" && field.name === "name") {
      const file = context.columns.find((column) => column.profile.guess.type === "file");
      if (file !== undefined) {
        context.lines.push({
          kind: "assign",
          field: "name",
          operator: "<-",
          expression: `${file.path} | filename`,
          columns: [file.path],
          comment: "the file's own name",
        });
        context.taken.add("name");
        continue;
      }
    }
    // A reference record's required name (a tag's), where no header says which column it is: the one naming the rows.
    const naming = field.name === "name" && EXTENSIBLE_MODELS.has(model) ? rowNames(context) : undefined;
    if (naming !== undefined) {
      assign(state, context, "name", `${naming.path} | trim`, [naming], 0.8, "its values name the records: one line each, different on every row");
      continue;
    }
    context.lines.push({ kind: "todo", text: `TODO: ${model} requires ${field.name} (${field.label}) and no column fits: ${field.name} <- ...` });
    state.registries.missingRequired.push(`${context.entity.profile.name} → ${model}.${field.name}`);
  }
}

/** The column, not the key, whose values name the records being made. */
function rowNames(context: TargetContext): ColumnRef | undefined {
  const key = context.entity.profile.key;
  return context.columns.find(
    (column) => !context.used.has(column.path) && !key.includes(column.profile.name) && column.profile.group === undefined && namesRows(column.profile),
  );
}

/**
 * A cell listing several records (`Acme Ltd|Bolt plc`) feeds a many2one with the first: the
 * others are kept as text in a custom field, so that no link is lost.
 */
function keepOtherReferences(state: BuildState, context: TargetContext, candidate: FieldCandidate): void {
  const separator = candidate.column.reference?.separator;
  if (separator === undefined) return;
  const column = candidate.column.profile;
  const field = state.registries.customField({
    model: context.model.name,
    name: `x_other_${column.name}`.slice(0, 60),
    type: "char",
    label: `${column.header} (after the first)`,
  });
  context.lines.push({
    kind: "assign",
    field: field.name,
    operator: "<-",
    expression: `${candidate.column.path} | split(${quote(separator)}) | rest | join("; ")`,
    columns: [],
    comment: `new custom field: the others, as the export names them (${candidate.field.name} takes the first)`,
  });
}

/**
 * `code | ref org`, or through a list's first item and a column declared `unique` (`client |
 * split("|") | first | ref company by organisation`), trying the other records made from the same
 * key in turn (`?? code | ref person`).
 */
export function referenceExpression(path: string, reference: ColumnReference, first: boolean, uniqueColumn: ConversionNames["uniqueColumn"]): string {
  const steps = [path];
  if (reference.separator !== undefined) steps.push(`split(${quote(reference.separator)})`);
  if (first) steps.push("first");
  // A full name of two columns (`by first and last`) may miss a person the other file lacks: optional.
  const names = reference.byName;
  if (names?.prefixed === true) steps.push("without_prefixes");
  const by = names === undefined ? "" : ` by ${uniqueColumn(names)}${names.andColumn === undefined ? "" : ` and ${names.andColumn} optional`}`;
  // A key whose row made the split's other target instead (a person, not an organisation) is
  // expected to miss the first: `optional` counts those once rather than noting each row.
  const aliases = [
    { alias: reference.alias, sibling: false },
    ...(reference.others ?? []).map((other) => ({ alias: other.alias, sibling: other.sibling === true })),
  ];
  return aliases.map(({ alias }, index) => [...steps, `ref ${alias}${by}${aliases[index + 1]?.sibling === true ? " optional" : ""}`].join(" | ")).join(" ?? ");
}

/**
 * A required field fed by a column that is sometimes blank (or a placeholder, `00.00.0000`): such a
 * row takes another of its dates when the field is a date (a task without a deadline, the day it
 * was done); else Odoo's default fills it, or, without one, the row is rejected with the reason
 * (`| required`) rather than failing in Odoo.
 */
export function requireFilled(state: BuildState, context: TargetContext): void {
  for (const { field } of requiredFields(state.schema, context.model.name)) {
    const index = context.lines.findIndex((line) => line.kind === "assign" && line.field === field.name && line.operator === "<-");
    const line = context.lines[index];
    if (line?.kind !== "assign" || line.columns.length !== 1 || /\|\s*required\s*$/.test(line.expression)) continue;
    const column = context.columns.find((candidate) => candidate.path === line.columns[0]);
    const guess = column?.profile.guess;
    if (guess === undefined || (guess.blank === 0 && guess.placeholders.length === 0)) continue;
    const fallback = context.lines.find(
      (other) =>
        other !== line &&
        other.kind === "assign" &&
        other.operator === "<-" &&
        other.columns.length === 1 &&
        (field.type === "date" || field.type === "datetime") &&
        context.model.fields[other.field]?.type === field.type,
    );
    if (fallback === undefined && field.hasDefault) continue;
    const operand = (expression: string): string => (expression.startsWith("if ") ? `(${expression})` : expression);
    const other = fallback?.kind === "assign" ? ` ?? ${operand(fallback.expression)}` : "";
    const required = field.hasDefault ? "" : " | required";
    const otherwise = field.hasDefault ? "Odoo's default" : "the row is rejected, with the reason";
    const comment = fallback?.kind === "assign" ? `else ${fallback.field}; without either, ${otherwise}` : `without it, ${otherwise}`;
    context.lines[index] = {
      ...line,
      expression: `${other === "" ? line.expression : operand(line.expression)}${other}${required}`,
      comment: [line.comment, comment].filter((part) => part !== undefined).join("; "),
    };
  }
}
