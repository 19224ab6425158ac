/**
 * Stages whose names repeat across a deal's funnels (a "Proposal sent" in Sales and in Tenders):
 * the stage is looked up with its funnel, `stage_id <- \`{funnel}: {stage}\` | stage`, so that the
 * table can send each funnel's stage where the specialist wants it; a name matches Odoo's stages,
 * or makes a new one, by the stage's part alone, so both start out at the same record. Found from
 * the rows: a column feeding the team and one feeding the stage, some stage on rows of two teams.
 * Pure.
 */
import type { BuildState, TargetContext } from "./build-state.js";
import type { TableDraft } from "./registries.js";

/** Between the funnel and the stage in a table's keys. */
export const FUNNEL_SEPARATOR = ": ";

/** A qualified key's stage: `Vendas: Proposta enviada` → `Proposta enviada`. */
export function stagePart(draft: TableDraft, value: string): string {
  if (draft.qualified !== true) return value;
  const at = value.indexOf(FUNNEL_SEPARATOR);
  return at < 0 ? value : value.slice(at + FUNNEL_SEPARATOR.length);
}

export function funnelStages(state: BuildState, context: TargetContext): void {
  const line = (field: string): number =>
    context.lines.findIndex(
      (candidate) => candidate.kind === "assign" && candidate.field === field && candidate.operator === "<-" && candidate.columns.length >= 1,
    );
  const stageIndex = line("stage_id");
  const stageLine = context.lines[stageIndex];
  const teamLine = context.lines[line("team_id")];
  if (stageLine?.kind !== "assign" || teamLine?.kind !== "assign" || teamLine.columns.length !== 1) return;
  const stage = context.columns.find((column) => column.path === stageLine.columns[0]);
  const team = context.columns.find((column) => column.path === teamLine.columns[0]);
  if (stage === undefined || team === undefined || stage.profile.group !== undefined || team.profile.group !== undefined) return;
  const prefix = new RegExp(`^${stage.path} \\| trim \\| (\\w+)`).exec(stageLine.expression);
  const tableName = prefix?.[1];
  const entry = [...state.registries.tables.entries()].find(([, draft]) => draft.name === tableName && draft.output.kind === "records");
  if (prefix === null || entry === undefined) return;
  const [key, draft] = entry;
  const stages = stage.profile.values.map((value) => value.trim());
  const teams = team.profile.values.map((value) => value.trim());
  // The table holds this column's stages alone (no other column feeds it).
  if ([...draft.values.keys()].some((value) => !stages.includes(value))) return;
  const teamsOf = new Map<string, Set<string>>();
  stages.forEach((value, row) => {
    if (value === "" || (teams[row] ?? "") === "") return;
    teamsOf.set(value, (teamsOf.get(value) ?? new Set()).add(teams[row] ?? ""));
  });
  if (![...teamsOf.values()].some((set) => set.size > 1)) return;
  const values = new Map<string, number>();
  stages.forEach((value, row) => {
    if (value === "" || (teams[row] ?? "") === "") return;
    const qualified = `${teams[row] ?? ""}${FUNNEL_SEPARATOR}${value}`;
    values.set(qualified, (values.get(qualified) ?? 0) + 1);
  });
  state.registries.tables.set(key, { ...draft, values, qualified: true });
  const expression = `\`{${team.path}}${FUNNEL_SEPARATOR}{${stage.path}}\` | ${tableName}${stageLine.expression.slice(prefix[0].length)}`;
  const comment = `${stageLine.comment === undefined ? "" : `${stageLine.comment}; `}stage names repeat across the funnels: each looked up with its funnel`;
  context.lines[stageIndex] = { ...stageLine, expression, columns: [...stageLine.columns, team.path], comment };
}
