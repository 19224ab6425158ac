/**
 * The state one proposal is built in, shared by the modules that build it (entity-models.ts chooses the
 * models, bodies.ts writes each target's lines, field-lines.ts matches columns to fields,
 * leftovers.ts keeps the rest, table-proposals.ts writes the tables): the export's entities, the
 * package-wide registries, the outcome of every column, and the lines of a body being written.
 */
import type { OdooModel, OdooSchema } from "../compiler/catalog/index.js";
import type { AgendaRows } from "./agenda-rows.js";
import type { DoneColumn, DoneRows } from "./done-rows.js";
import type { ColumnProfile, EntityProfile, GroupProfile } from "./entities.js";
import { percent, type ColumnRef } from "./fields.js";
import type { MixedRows, TypedRows } from "./mixed-rows.js";
import type { KindTarget } from "./odoo-knowledge.js";
import { OutcomeLog } from "./outcomes.js";
import type { BodyLine, PackageProposal } from "./proposal.js";
import { Registries } from "./registries.js";

export interface BuildOptions {
  readonly migrationName: string;
  readonly sourceName: string;
  readonly target: PackageProposal["target"];
  readonly schema: OdooSchema;
  /** Done activities kept `archived` (Odoo 17's way) or written as chatter `messages`; unset, decided per file (entity-models.ts). */
  readonly doneActivities?: DoneActivities;
}

/** How activities an export marks done reach Odoo: archived activities, or messages in the chatter. */
export type DoneActivities = "archived" | "messages";

export interface MappedEntity {
  readonly profile: EntityProfile;
  readonly kind: KindTarget;
  /** The model loaded into (the fallback's when the target Odoo lacks the declared one). */
  readonly model: string;
  readonly usesFallback: boolean;
  /** The alias other maps `ref` these records by (the organisation, for a split relation). */
  readonly alias: string;
  readonly split?: { readonly org: string; readonly person: string; readonly group?: GroupProfile; readonly mixed?: MixedRows };
  /** An organisation whose rows hold its people in numbered groups of columns: a contact per filled group, under it. */
  readonly contacts?: { readonly person: string; readonly group: GroupProfile };
  /** Rows typed as organisations or people by a column, none under another: one partner each, `is_company` by the type. */
  readonly typedPartners?: MixedRows & { readonly typed: TypedRows };
  /** An agenda whose appointments (rows of some types, with an end time) are calendar events, the rest activities. */
  readonly agenda?: AgendaRows;
  /** An agenda's done calls, e-mails and tasks: messages in their record's chatter, the open ones activities. */
  readonly agendaDone?: DoneColumn;
  /** Activities with a done flag: the done ones chatter messages, the open ones activities. */
  readonly doneRows?: DoneRows;
  /** For child lines: the parent entity and the column holding the parent's key. */
  readonly parent?: { readonly entity: string; readonly column: string; readonly field: string };
}

/** What one target's body is being built from. */
export interface TargetContext {
  readonly entity: MappedEntity;
  readonly model: OdooModel;
  readonly columns: readonly ColumnRef[];
  /** Fields already set (constants, parents), not to be proposed again. */
  readonly taken: Set<string>;
  /** Columns already read. */
  readonly used: Set<string>;
  /** Fields set by a constant of the kind (`type = "opportunity"`): only a column sure to decide them replaces it. */
  readonly constants: Set<string>;
  readonly lines: BodyLine[];
}

export class BuildState {
  readonly registries: Registries;
  readonly log: OutcomeLog;
  readonly mapped = new Map<string, MappedEntity>();
  readonly aliases = new Set<string>();
  /** The export's stage definitions by folded name, read once (table-proposals.ts). */
  stageValues: Map<string, (readonly [string, string])[]> | undefined;

  constructor(
    readonly entities: readonly EntityProfile[],
    readonly options: BuildOptions,
  ) {
    this.registries = new Registries(options.schema, new Set(entities.flatMap((entity) => entity.columns.map((column) => column.name))));
    this.log = new OutcomeLog(entities);
  }

  get schema(): OdooSchema {
    return this.options.schema;
  }
}

/** The column as a body reads it, with the records it references when they are mapped. */
export function columnRef(state: BuildState, entity: EntityProfile, column: ColumnProfile, path: string): ColumnRef {
  const reference = entity.references.find((candidate) => candidate.column === column.name);
  const target = reference === undefined ? undefined : state.mapped.get(reference.entity);
  if (reference !== undefined && target === undefined && reference.byName === undefined && reference.separator === undefined) {
    const through = lookupColumn(state, reference.entity);
    if (through !== undefined) return { profile: column, path, through: { entity: reference.entity, column: through } };
  }
  if (reference === undefined || target === undefined || target.parent !== undefined) return { profile: column, path };
  const key = target.profile.key.length === 1 ? target.profile.key[0] : undefined;
  // Names reach the records through the other entity's key, unless its names are its key.
  const byName = reference.byName !== undefined && reference.byName !== key ? reference.byName : undefined;
  if (byName !== undefined && key === undefined) return { profile: column, path };
  const alternatives = (reference.alternatives ?? []).flatMap((name) => {
    const other = state.mapped.get(name);
    return other === undefined || other.parent !== undefined ? [] : [{ alias: other.alias, model: other.model }];
  });
  const others = [...(target.split?.mixed === undefined ? [] : [{ alias: target.split.person, model: target.model, sibling: true }]), ...alternatives];
  return {
    profile: column,
    path,
    reference: {
      alias: target.alias,
      model: target.model,
      named: reference.byValuesOnly !== true,
      ...(byName === undefined || key === undefined
        ? {}
        : {
            byName: {
              entity: reference.entity,
              nameColumn: byName,
              ...(reference.andName === undefined ? {} : { andColumn: reference.andName }),
              ...(reference.prefixed === true ? { prefixed: true } : {}),
              ...(reference.match === undefined ? {} : { match: reference.match }),
            },
          }),
      ...(reference.separator === undefined ? {} : { separator: reference.separator }),
      ...(others.length === 0 ? {} : { others }),
    },
  };
}

/** Each of an entity's columns as a body reads it, by name. */
export function columnRefs(state: BuildState, entity: EntityProfile, columns: readonly ColumnProfile[]): ColumnRef[] {
  return columns.map((column) => columnRef(state, entity, column, column.name));
}

/**
 * A file no map loads whose records a lookup finds in Odoo by one of its columns: a list of agents
 * or staff with their e-mail addresses (nearly all filled), which other files give by code.
 */
function lookupColumn(state: BuildState, entityName: string): ColumnProfile | undefined {
  const entity = state.entities.find((candidate) => candidate.name === entityName);
  if (entity === undefined || entity.key.length !== 1) return undefined;
  const emails = entity.columns.filter((column) => column.guess.type === "email" && column.guess.blank <= column.guess.total / 2);
  return emails.length === 1 ? emails[0] : undefined;
}

export function mappedByAlias(state: BuildState, alias: string): MappedEntity | undefined {
  return [...state.mapped.values()].find((candidate) => candidate.alias === alias || candidate.split?.org === alias);
}

export function newContext(state: BuildState, entity: MappedEntity, model: OdooModel, columns: readonly ColumnRef[]): TargetContext {
  return { entity, model, columns, taken: new Set(), used: new Set(), constants: new Set(), lines: [] };
}

export function assign(
  state: BuildState,
  context: TargetContext,
  field: string,
  expression: string,
  columns: readonly ColumnRef[],
  confidence: number | undefined,
  comment?: string,
): void {
  const note = [confidence === undefined ? undefined : percent(confidence), comment].filter((part): part is string => part !== undefined).join(": ");
  context.lines.push({
    kind: "assign",
    field,
    operator: "<-",
    expression,
    columns: columns.map((column) => column.path),
    ...(note === "" ? {} : { comment: note }),
  });
  context.taken.add(field);
  for (const column of columns) {
    context.used.add(column.path);
    state.log.add(context.entity.profile.name, column.path, { kind: "field", model: context.model.name, field, confidence: confidence ?? 1 });
  }
}

export function constant(state: BuildState, context: TargetContext, field: string, value: string, comment?: string): void {
  context.lines.push({ kind: "assign", field, operator: "=", expression: value, columns: [], ...(comment === undefined ? {} : { comment }) });
  context.taken.add(field);
  context.constants.add(field);
}

export function ignore(state: BuildState, context: TargetContext, column: ColumnRef, reason: string): void {
  context.lines.push({ kind: "ignore", column: column.path, comment: reason });
  context.used.add(column.path);
  state.log.add(context.entity.profile.name, column.path, { kind: "ignore", reason });
}

/** A column kept in a custom field is logged as such, not as a match. */
export function relog(state: BuildState, context: TargetContext, column: ColumnRef, field: string): void {
  state.log.replaceLast(context.entity.profile.name, column.path, { kind: "custom", model: context.model.name, field });
}
