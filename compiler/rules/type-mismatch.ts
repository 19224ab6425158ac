import type * as A from "../../language/ast.js";
import type { BoundPackage } from "../bound-package.js";
import { findField, findModel, type OdooField } from "../catalog/index.js";
import { BOOLEAN, DECIMAL, describeType, fieldAccepts, INTEGER, record, TEXT, withArticle, type ValueType } from "../types.js";
import type { Finding, Rule } from "./rule.js";

function valueType(value: A.Value, field: OdooField): ValueType {
  switch (value.kind) {
    case "StringLiteral":
      return TEXT;
    case "BooleanLiteral":
      return BOOLEAN;
    case "NumberLiteral":
      return Number.isInteger(value.value) && !value.raw.includes(".") ? INTEGER : DECIMAL;
    case "NameReference":
      return record(field.relation);
  }
}

function namesRecord(bound: BoundPackage, name: string): boolean {
  return [...bound.records.values()].some((byName) => byName.has(name));
}

/** Record-model mismatches are wrong_model_reference's; this rule reports every other misfit. */
function isModelMismatch(field: OdooField, type: ValueType): boolean {
  const model = type.kind === "record" ? type.model : type.kind === "list" && type.item.kind === "record" ? type.item.model : undefined;
  return (field.type === "many2one" || field.type === "many2many") && model !== undefined && model !== field.relation;
}

export const typeMismatch: Rule = {
  code: "FM301",
  name: "type_mismatch",
  defaultSeverity: "error",
  summary:
    "A value whose type the Odoo field does not take: text into an integer, a date into a datetime, a list into a many2one... with the conversion to add.",
  example: {
    wrong: "map Company -> res.partner { x_employees <- employees_text }",
    reported: "res.partner.x_employees is an integer field, but this is text: convert it with `| integer`",
    right: "map Company -> res.partner { x_employees <- employees_text | integer }",
  },
  check({ bound, checked, schema }) {
    const findings: Finding[] = [];
    for (const assignment of checked.assignments) {
      const { field, value } = assignment;
      if (field === undefined || value === undefined) continue;
      const acceptance = fieldAccepts(field, value.type, assignment.target.entity?.options);
      if (acceptance.accepted || isModelMismatch(field, value.type)) continue;
      findings.push({
        file: assignment.file,
        range: value.node.range,
        message: `${assignment.target.model ?? ""}.${field.name} is ${withArticle(field.type)} field, but this is ${describeType(value.type)}: ${acceptance.advice}`,
      });
    }
    if (schema === undefined) return findings;
    for (const byName of bound.records.values()) {
      for (const symbol of byName.values()) {
        if (findModel(schema, symbol.model) === undefined || !symbol.file.startsWith(bound.directory)) continue;
        for (const entry of symbol.declaration.values) {
          // A `ref` or a list in a reference record is a shape problem, reported as such.
          if (entry.field.kind !== "Name" || entry.value.kind === "Missing" || entry.value.kind === "KeyReference" || entry.value.kind === "ValueList") continue;
          // A bare name that names no record is unknown_name's to report.
          if (entry.value.kind === "NameReference" && !namesRecord(bound, entry.value.name.value)) continue;
          const field = findField(schema, symbol.model, entry.field.value);
          if (field === undefined) continue;
          const type = valueType(entry.value, field);
          const acceptance = fieldAccepts(field, type);
          if (acceptance.accepted) continue;
          findings.push({
            file: symbol.file,
            range: entry.value.range,
            message: `${symbol.model}.${field.name} is ${withArticle(field.type)} field, but this is ${describeType(type)}`,
          });
        }
      }
    }
    return findings;
  },
};
