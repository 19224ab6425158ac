/**
 * Builds the proposal: for every entity of an export, the Odoo model it most likely maps to and,
 * column by column, the most likely field, with the value tables, lookups, reference records and
 * custom fields that takes. Unsure proposals become `// TODO` lines; columns without a plausible
 * field become custom fields (or are ignored when there is nothing to keep), so no data is lost
 * by default. Pure.
 */
import { proposeEntity } from "./bodies.js";
import { BuildState, type BuildOptions } from "./build-state.js";
import type { EntityProfile } from "./entities.js";
import { chooseTargets } from "./entity-models.js";
import { proposeHeldCompanies } from "./held-companies.js";
import type { PackageProposal, RecordsProposal } from "./proposal.js";
import { buildTable } from "./table-proposals.js";
import { uniqueColumnProposal } from "./unique-columns.js";

export type { BuildOptions } from "./build-state.js";

export class ProposalBuilder {
  private readonly state: BuildState;

  constructor(entities: readonly EntityProfile[], options: BuildOptions) {
    this.state = new BuildState(entities, options);
  }

  build(): PackageProposal {
    const state = this.state;
    chooseTargets(state);
    const { entities, steps } = proposeHeldCompanies(
      state,
      state.entities.map((entity) => proposeEntity(state, entity)),
    );
    const tables = [...state.registries.tables.values()].map((draft) => buildTable(state, draft));
    const records: RecordsProposal[] = [...state.registries.records.entries()].map(([model, byName]) => ({ model, entries: [...byName.values()] }));
    return {
      migrationName: state.options.migrationName,
      sourceName: state.options.sourceName,
      target: state.options.target,
      entities,
      tables,
      records,
      customFields: [...state.registries.customFields.values()],
      lookups: [...state.registries.lookups.values()],
      uniqueColumns: [...state.registries.uniqueColumns.values()].flatMap(({ entity, column, match }) => {
        const profile = state.entities.find((candidate) => candidate.name === entity);
        return profile === undefined ? [] : [uniqueColumnProposal(profile, column, match)];
      }),
      steps,
      missingRequired: state.registries.missingRequired,
      csv: [],
      sourceNotes: [],
      columns: state.log.reports(),
    };
  }
}
