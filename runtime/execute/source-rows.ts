/**
 * The source reader's view of a plan entity: its columns (a column group's columns repeated for
 * each instance, `Contactpersoon 1` ... `Contactpersoon 3`) with the parse options of the entity.
 */
import type { ColumnPlan, EntityPlan } from "../../compiler/plan/schema.js";
import { readEntity, type ColumnSpec, type EntityReading, type EntitySourceSpec, type KeyIndex, type ValueFormat } from "../source/index.js";

export function valueFormat(entity: EntityPlan, column: ColumnPlan): ValueFormat {
  const options = entity.options;
  const isDatetime = column.type === "datetime";
  return {
    date: column.type === "date" && column.format !== undefined ? column.format : options.date,
    datetime: isDatetime && column.format !== undefined ? column.format : options.datetime,
    timezone: options.timezone,
    decimal: options.decimal,
    ...((column.type === "decimal" || column.type === "integer") && column.format === "%" ? { percent: true } : {}),
    ...(options.currency === undefined ? {} : { currency: options.currency }),
    trueWords: options.trueWords,
    falseWords: options.falseWords,
    // A column's own placeholders (`empty when`) replace its entity's (`empty_values`).
    ...(column.emptyValues !== undefined ? { emptyValues: column.emptyValues } : options.emptyValues === undefined ? {} : { emptyValues: options.emptyValues }),
  };
}

/** The flat name of a group column for instance `n`: `contact[2].name`. */
export function groupColumnName(group: string, instance: number, column: string): string {
  return `${group}[${instance}].${column}`;
}

function columnSpec(entity: EntityPlan, column: ColumnPlan, name: string, header: string): ColumnSpec {
  return { name, header, type: column.type, format: valueFormat(entity, column), required: column.required };
}

export function entitySourceSpec(entity: EntityPlan, directory: string): EntitySourceSpec {
  const columns: ColumnSpec[] = entity.columns.map((column) => columnSpec(entity, column, column.name, column.header));
  for (const group of entity.groups) {
    for (let instance = group.from; instance <= group.to; instance++) {
      for (const column of group.columns) {
        // A group column is required per instance only when the instance is there at all; the mapping decides.
        columns.push({
          ...columnSpec(entity, column, groupColumnName(group.name, instance, column.name), column.header.replace(/\{n\}/g, String(instance))),
          required: false,
        });
      }
    }
  }
  const delimiter = entity.options.delimiter === "auto" ? "auto" : entity.options.delimiter;
  const encoding = entity.options.encoding;
  return {
    entity: entity.name,
    directory,
    pattern: entity.pattern,
    delimiter: delimiter as EntitySourceSpec["delimiter"],
    encoding,
    columns,
    key: entity.key,
    duplicates:
      entity.duplicates.keep === "first"
        ? { rule: "first" }
        : entity.duplicates.keep === "newest" && entity.duplicates.by !== undefined
          ? { rule: "newest", column: entity.duplicates.by }
          : { rule: "last-file" },
  };
}

/** Reads an entity's files; `winners` from an earlier reading of them to the end spare the reader its first pass. */
export function readPlanEntity(entity: EntityPlan, directory: string, winners?: KeyIndex): EntityReading {
  return readEntity(entitySourceSpec(entity, directory), winners);
}
