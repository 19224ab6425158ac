/**
 * The value tables as written: each source value matched to a selection key or a record
 * (existing, or new where Odoo lets a migration add one, with a stage's order and flags from the
 * export's stage definitions), or left for the specialist to choose. Pure.
 */
import { findModel } from "../compiler/catalog/index.js";
import { DEFAULT_TRUE_WORDS } from "../compiler/value-formats.js";
import type { BuildState } from "./build-state.js";
import type { ColumnProfile } from "./entities.js";
import { percent } from "./fields.js";
import { quote } from "./literals.js";
import { EXTENSIBLE_MODELS } from "./odoo-knowledge.js";
import type { TableEntryProposal, TableProposal } from "./proposal.js";
import type { TableDraft } from "./registries.js";
import { matchValues, optionsFor, type ValueOption } from "./value-tables.js";
import { matchUser } from "./user-names.js";
import { stagePart } from "./funnel-stages.js";
import { isPlaceholder } from "./value-shapes.js";
import { foldText, identifierOf } from "./words.js";

const TRUE_WORDS: ReadonlySet<string> = new Set(DEFAULT_TRUE_WORDS);

export function buildTable(state: BuildState, draft: TableDraft): TableProposal {
  if (draft.customOptions !== undefined) {
    const entries = [...draft.customOptions.entries()].map(([key, value]) => ({
      key,
      // A selection's key is text, even where a record of some model bears the same name (a tag `Projects` beside a department `Projects`).
      value: draft.output.kind === "selection" && !value.startsWith('"') ? quote(value) : value,
    }));
    return {
      name: draft.name,
      output: draft.outputType ?? (draft.output.kind === "records" ? draft.output.model : "text"),
      ...(draft.inputType === undefined ? {} : { input: draft.inputType }),
      entries,
      unmatched: draft.unmatched ?? "flag",
      comment: `values of ${draft.fieldLabel}`,
    };
  }
  const output = draft.output;
  if (output.kind === "text") return userNameTable(state, draft);
  const options = optionsFor(state.schema, output);
  // Qualified keys (`Sales: Proposal`) match by their stage, each keeping its key.
  const matches = [...draft.values.entries()]
    .flatMap(([value, count]) => matchValues(new Map([[stagePart(draft, value), count]]), options).map((match) => ({ ...match, value })))
    .sort((left, right) => right.count - left.count || (left.value < right.value ? -1 : left.value > right.value ? 1 : 0));
  const extensible = output.kind === "records" && EXTENSIBLE_MODELS.has(output.model);
  const entries: TableEntryProposal[] = matches.map((match) => {
    const rows = `${match.count} row${match.count === 1 ? "" : "s"}`;
    if (isPlaceholder(match.value)) return noValue(match.value, rows);
    if (match.option !== undefined) {
      const value = output.kind === "selection" ? quote(match.option.key) : recordFor(state, output.model, match.option);
      const exact = match.confidence >= 1;
      return { key: match.value, value, comment: `${rows}${exact ? "" : `; ${percent(match.confidence)}: ${match.option.label}`}` };
    }
    if (extensible && output.kind === "records") {
      const recordName = stagePart(draft, match.value);
      const defined = output.model === "crm.stage" ? stageDefinitions(state).get(foldText(recordName.trim())) : undefined;
      const name = state.registries.record(output.model, {
        name: identifierOf(recordName, "value"),
        values: [["name", quote(recordName)], ...(defined ?? [])],
      });
      return { key: match.value, value: name, comment: `${rows}; no match: choose, or keep this new record` };
    }
    const choices = options
      .slice(0, 6)
      .map((option) => (output.kind === "selection" ? quote(option.key) : option.label))
      .join(", ");
    return { key: match.value, comment: `${rows}; no match: choose${choices === "" ? "" : ` (${choices}${options.length > 6 ? ", …" : ""})`}` };
  });
  const matched = matches.filter((match) => match.option !== undefined).length;
  return {
    name: draft.name,
    output: output.kind === "records" ? output.model : "text",
    entries,
    unmatched: "flag",
    comment: `${draft.fieldLabel}: ${matched} of ${matches.length} value${matches.length === 1 ? "" : "s"} match${matches.length === 1 ? "es" : ""} ${output.kind === "records" ? `an existing ${output.model} record` : "a selection key"}${extensible ? "; the others are created" : ""}`,
  };
}

/**
 * What an export's stage definitions (a pipelines file) say of each stage, by folded name:
 * its order, whether it is won, whether the board folds it.
 */
export function stageDefinitions(state: BuildState): Map<string, (readonly [string, string])[]> {
  if (state.stageValues !== undefined) return state.stageValues;
  const stages = new Map<string, (readonly [string, string])[]>();
  state.stageValues = stages;
  const fields = findModel(state.schema, "crm.stage")?.fields ?? {};
  for (const entity of state.entities) {
    if (entity.kind !== "stage") continue;
    const name =
      entity.columns.find((column) => column.words.includes("stage") && column.words.includes("name")) ??
      entity.columns.find((column) => column.words.includes("name"));
    if (name === undefined) continue;
    const flags: { field: string; column: ColumnProfile | undefined }[] = [
      { field: "sequence", column: entity.columns.find((column) => column.words.includes("sequence") && column.guess.type === "integer") },
      { field: "is_won", column: entity.columns.find((column) => column.words.includes("won") && column.guess.type === "boolean") },
      {
        field: "fold",
        column: entity.columns.find((column) => column.words.some((word) => word === "folded" || word === "fold") && column.guess.type === "boolean"),
      },
    ];
    name.values.forEach((value, row) => {
      const key = foldText(value.trim());
      if (key === "" || stages.has(key)) return;
      const values: (readonly [string, string])[] = [];
      for (const { field, column } of flags) {
        const raw = column?.values[row]?.trim() ?? "";
        if (column === undefined || raw === "" || fields[field] === undefined) continue;
        if (column.guess.type === "integer" && /^\d+$/.test(raw)) values.push([field, raw]);
        if (column.guess.type === "boolean") values.push([field, String(TRUE_WORDS.has(raw.toLowerCase()))]);
      }
      stages.set(key, values);
    });
  }
  return stages;
}

/** `"n.v.t." -> empty`: a value written for no value leaves the field empty, without a report. */
function noValue(value: string, rows: string): TableEntryProposal {
  return { key: value, value: "empty", comment: `${rows}; written for no value: the field stays empty` };
}

export function recordFor(state: BuildState, model: string, option: ValueOption): string {
  if (option.xmlid !== undefined) return state.registries.record(model, { name: identifierOf(option.label, "record"), existing: option.xmlid });
  return state.registries.record(model, { name: identifierOf(option.label, "record"), values: [["name", quote(option.label)]] });
}

/**
 * The names an export writes for its users, each turned into the name of the Odoo user it stands
 * for (`K. Vogel` → `Klaus Vogel`), when the target's schema lists that user; the others are left
 * for the specialist, and a value the table does not list is kept as it is.
 */
function userNameTable(state: BuildState, draft: TableDraft): TableProposal {
  const users = state.schema.references["res.users"] ?? [];
  const entries: TableEntryProposal[] = [...draft.values.entries()]
    .sort((left, right) => right[1] - left[1] || (left[0] < right[0] ? -1 : 1))
    .flatMap(([value, count]) => {
      const rows = `${count} row${count === 1 ? "" : "s"}`;
      if (isPlaceholder(value)) return [noValue(value, rows)];
      const user = matchUser(value, users);
      if (user === undefined) return [{ key: value, comment: `${rows}; no user of the target Odoo is named so: write the user's name as Odoo has it` }];
      if (user.name === value) return [];
      return [{ key: value, value: quote(user.name), comment: `${rows}; the user ${user.name}` }];
    });
  return {
    name: draft.name,
    output: "text",
    entries,
    unmatched: "keep",
    comment: "owners as the export names them, and the names of the Odoo users they are (a lookup by name matches names exactly)",
  };
}
