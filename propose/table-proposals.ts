/**
 * The value tables as written: each source value matched to a selection key or a record
 * (existing, or new where Odoo lets a migration add one, with a stage's order and flags from the
 * export's stage definitions), or left for the specialist to choose. Pure.
 */
import { findModel } from "../compiler/catalog/index.js";
import { DEFAULT_TRUE_WORDS } from "../runtime/source/values.js";
import type { BuildState } from "./build-state.js";
import type { ColumnProfile } from "./entities.js";
import { percent } from "./fields.js";
import { quote } from "./literals.js";
import { EXTENSIBLE_MODELS } from "./odoo-knowledge.js";
import type { TableEntryProposal, TableProposal } from "./proposal.js";
import type { TableDraft } from "./registries.js";
import { matchValues, optionsFor, type ValueOption } from "./value-tables.js";
import { foldText, identifierOf } from "./words.js";

const TRUE_WORDS: ReadonlySet<string> = new Set(DEFAULT_TRUE_WORDS);

export function buildTable(state: BuildState, draft: TableDraft): TableProposal {
  if (draft.customOptions !== undefined) {
    const entries = [...draft.customOptions.entries()].map(([key, value]) => ({
      key,
      value: draft.output.kind === "selection" && !value.startsWith('"') && !isRecordName(state, value) ? quote(value) : value,
    }));
    return {
      name: draft.name,
      output: draft.output.kind === "records" ? draft.output.model : "text",
      entries,
      unmatched: draft.unmatched ?? "flag",
      comment: `values of ${draft.fieldLabel}`,
    };
  }
  const options = optionsFor(state.schema, draft.output);
  const matches = matchValues(draft.values, options);
  const extensible = draft.output.kind === "records" && EXTENSIBLE_MODELS.has(draft.output.model);
  const entries: TableEntryProposal[] = matches.map((match) => {
    const rows = `${match.count} row${match.count === 1 ? "" : "s"}`;
    if (match.option !== undefined) {
      const value = draft.output.kind === "selection" ? quote(match.option.key) : recordFor(state, draft.output.model, match.option);
      const exact = match.confidence >= 1;
      return { key: match.value, value, comment: `${rows}${exact ? "" : `; ${percent(match.confidence)}: ${match.option.label}`}` };
    }
    if (extensible && draft.output.kind === "records") {
      const defined = draft.output.model === "crm.stage" ? stageDefinitions(state).get(foldText(match.value.trim())) : undefined;
      const name = state.registries.record(draft.output.model, {
        name: identifierOf(match.value, "value"),
        values: [["name", quote(match.value)], ...(defined ?? [])],
      });
      return { key: match.value, value: name, comment: `${rows}; no match: choose, or keep this new record` };
    }
    const choices = options
      .slice(0, 6)
      .map((option) => (draft.output.kind === "selection" ? quote(option.key) : option.label))
      .join(", ");
    return { key: match.value, comment: `${rows}; no match: choose${choices === "" ? "" : ` (${choices}${options.length > 6 ? ", …" : ""})`}` };
  });
  const matched = matches.filter((match) => match.option !== undefined).length;
  return {
    name: draft.name,
    output: draft.output.kind === "records" ? draft.output.model : "text",
    entries,
    unmatched: "flag",
    comment: `${draft.fieldLabel}: ${matched} of ${matches.length} value${matches.length === 1 ? "" : "s"} match${matches.length === 1 ? "es" : ""} ${draft.output.kind === "records" ? `an existing ${draft.output.model} record` : "a selection key"}${extensible ? "; the others are created" : ""}`,
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

export function isRecordName(state: BuildState, value: string): boolean {
  return [...state.registries.records.values()].some((byName) => byName.has(value));
}

export function recordFor(state: BuildState, model: string, option: ValueOption): string {
  if (option.xmlid !== undefined) return state.registries.record(model, { name: identifierOf(option.label, "record"), existing: option.xmlid });
  return state.registries.record(model, { name: identifierOf(option.label, "record"), values: [["name", quote(option.label)]] });
}
