/**
 * Proposes what a specialist writes for a CRM's companies an accounting register already holds
 * (shared-companies.ts tells them): the CRM's map skips the rows the register holds (`when` no
 * register row has its business ID or name), and every reference to the CRM's companies goes
 * through a named step that tries the CRM's row, then the register's by the same keys. Pure but
 * for the registries it declares the unique columns and steps in.
 */
import type { BuildState } from "./build-state.js";
import type { BodyLine, EntityProposal, StepProposal, TargetProposal } from "./proposal.js";
import { sharedKeys, type SharedKey } from "./shared-companies.js";

interface Held {
  readonly proposal: EntityProposal;
  readonly target: TargetProposal;
  readonly alias: string;
  readonly names: string;
}

function assigned(body: readonly BodyLine[], field: string): Extract<BodyLine, { kind: "assign" }> | undefined {
  return body.find((line): line is Extract<BodyLine, { kind: "assign" }> => line.kind === "assign" && line.field === field);
}

function partnerTargets(proposal: EntityProposal): readonly TargetProposal[] {
  const declaration = proposal.declaration;
  if (declaration === undefined) return [];
  const targets = declaration.kind === "map" ? [declaration.target] : declaration.targets;
  return targets.filter((target) => /(?:->|:)\s*res\.partner\b/.test(target.header));
}

/** The column naming the records a target makes (`name <- nimi | trim`), when one does. */
function namesColumn(target: TargetProposal): string | undefined {
  return assigned(target.body, "name")?.columns[0];
}

/** A map making companies alone, with no condition of its own: the second system's file of them. */
function heldCandidate(state: BuildState, proposal: EntityProposal): Held | undefined {
  const declaration = proposal.declaration;
  const mapped = state.mapped.get(proposal.entity.name);
  if (declaration?.kind !== "map" || mapped === undefined || mapped.split !== undefined) return undefined;
  const target = declaration.target;
  const company = assigned(target.body, "is_company");
  if (!/^map \S+ -> res\.partner$/.test(target.header) || company?.operator !== "=" || company.expression !== "true") return undefined;
  const names = namesColumn(target);
  return names === undefined ? undefined : { proposal, target, alias: mapped.alias, names };
}

/** The file holding the most of the candidate's companies, among larger files of partners. */
function holderOf(
  state: BuildState,
  held: Held,
  proposals: readonly EntityProposal[],
): { proposal: EntityProposal; alias: string; keys: SharedKey[] } | undefined {
  let best: { proposal: EntityProposal; alias: string; keys: SharedKey[] } | undefined;
  for (const proposal of proposals) {
    const mapped = state.mapped.get(proposal.entity.name);
    if (proposal.entity === held.proposal.entity || mapped === undefined || proposal.entity.sampledRows <= held.proposal.entity.sampledRows) continue;
    const names = partnerTargets(proposal)
      .map(namesColumn)
      .find((column) => column !== undefined);
    if (names === undefined) continue;
    const keys = sharedKeys(held.proposal.entity, proposal.entity, { held: held.names, holder: names });
    const found = Math.max(0, ...keys.map((key) => key.found));
    if (keys.length > 0 && (best === undefined || found > Math.max(...best.keys.map((key) => key.found)))) best = { proposal, alias: mapped.alias, keys };
  }
  return best;
}

function mapLines(body: readonly BodyLine[], change: (expression: string) => string): BodyLine[] {
  return body.map((line) => {
    if (line.kind === "assign") return { ...line, expression: change(line.expression) };
    if (line.kind === "block") return { ...line, body: mapLines(line.body, change) };
    return line;
  });
}

function mapTargets(proposal: EntityProposal, change: (target: TargetProposal) => TargetProposal): EntityProposal {
  const declaration = proposal.declaration;
  if (declaration === undefined) return proposal;
  if (declaration.kind === "split") return { ...proposal, declaration: { ...declaration, targets: declaration.targets.map(change) } };
  return {
    ...proposal,
    declaration: {
      ...declaration,
      target: change(declaration.target),
      ...(declaration.fallback === undefined ? {} : { fallback: change(declaration.fallback) }),
    },
  };
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The step a reference to the held companies goes through: the second system's row, else the
 * register's with the same identifier (read from the second system's row), else with its name.
 */
function fallbackStep(held: Held, holderAlias: string, keys: readonly SharedKey[], by: string | undefined): string {
  const row = by === undefined ? "" : ` by ${by}`;
  const operands = keys.map((key) =>
    key.heldColumn === by
      ? `ref ${holderAlias} by ${key.holderColumn}`
      : `get(${held.proposal.entity.name}.${key.heldColumn}${row}) | ref ${holderAlias} by ${key.holderColumn}`,
  );
  return [`ref ${held.alias}${row} optional`, ...operands.map((operand, index) => (index < operands.length - 1 ? `${operand} optional` : operand))].join(
    " ?? ",
  );
}

/** Why the rows are skipped: how many of them the holder has, by which key. */
function skipReason(keys: readonly SharedKey[], rows: number, holder: string): string {
  const how = keys.map((key) => (key.match === "digits" ? `${key.found} by ${key.heldColumn} (its digits)` : `${key.found} by name`)).join(", ");
  return `${holder} holds ${how} of its ${rows} rows: those companies are made once, from ${holder}, skipped here, and the references to them find ${holder}'s record`;
}

/**
 * Skips the held companies' rows and resolves the references to them, for each second file of
 * companies a larger file of partners holds; the proposals as they were when none is.
 */
export function proposeHeldCompanies(state: BuildState, proposals: readonly EntityProposal[]): { entities: EntityProposal[]; steps: StepProposal[] } {
  let entities = [...proposals];
  const steps: StepProposal[] = [];
  for (const candidate of proposals) {
    const held = heldCandidate(state, candidate);
    const holder = held === undefined ? undefined : holderOf(state, held, entities);
    if (held === undefined || holder === undefined) continue;
    for (const key of holder.keys) state.registries.uniqueColumn({ entity: holder.proposal.entity.name, nameColumn: key.holderColumn }, key.match);
    const reference = new RegExp(`\\bref ${escaped(held.alias)}(?: by (\\w+))?(?: optional)?(?![\\w])`, "g");
    const named = new Map<string, string>();
    const stepOf = (by: string | undefined): string => {
      const known = named.get(by ?? "");
      if (known !== undefined) return known;
      const name = state.registries.names.take(`${held.alias}_or_${holder.alias}${by === undefined ? "" : `_by_${by}`}`, `${held.alias}_held`);
      named.set(by ?? "", name);
      steps.push({
        name,
        expression: fallbackStep(held, holder.alias, holder.keys, by),
        comment: `a ${held.proposal.entity.name} row ${holder.proposal.entity.name} holds made no record: its ${holder.proposal.entity.name} partner, by the same ${holder.keys.map((key) => key.holderColumn).join(" or ")}`,
      });
      return name;
    };
    entities = entities.map((proposal) =>
      mapTargets(proposal, (target) => ({
        ...target,
        body: mapLines(target.body, (expression) => expression.replace(reference, (_, by?: string) => stepOf(by))),
      })),
    );
    const condition = holder.keys.map((key) => `${key.heldColumn} | ref ${holder.alias} by ${key.holderColumn} optional is empty`).join(" and ");
    entities = entities.map((proposal) =>
      proposal.entity !== held.proposal.entity
        ? proposal
        : {
            ...mapTargets(proposal, (target) => (target.header === held.target.header ? { ...target, header: `${target.header} when ${condition}` } : target)),
            notes: [...proposal.notes, skipReason(holder.keys, held.proposal.entity.sampledRows, holder.proposal.entity.name)],
          },
    );
  }
  return { entities, steps };
}
