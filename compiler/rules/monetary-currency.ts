import type * as A from "../../language/ast.js";
import { findField, type OdooSchema } from "../catalog/index.js";
import { appendToBlock, type Finding, type Rule } from "./rule.js";

/** The fields Odoo's Monetary field takes its currency from when none is named (fields.Monetary.get_currency_field). */
const CURRENCY_FIELDS = ["currency_id", "x_currency_id"] as const;

function hasCurrencyField(schema: OdooSchema, model: string): boolean {
  return CURRENCY_FIELDS.some((name) => {
    const field = findField(schema, model, name);
    return field !== undefined && field.type === "many2one" && field.relation === "res.currency";
  });
}

/** The `extend` block a custom field is declared in, to add the currency field to. */
function extendHolding(document: A.Document, declaration: A.CustomFieldDeclaration): A.ExtendDeclaration | undefined {
  return document.declarations.find(
    (candidate): candidate is A.ExtendDeclaration =>
      candidate.kind === "ExtendDeclaration" &&
      candidate.range.start.offset <= declaration.range.start.offset &&
      declaration.range.end.offset <= candidate.range.end.offset,
  );
}

export const monetaryCurrency: Rule = {
  code: "FM413",
  name: "monetary_currency",
  defaultSeverity: "error",
  guardsPlan: true,
  summary:
    "A `monetary` custom field on a model without a currency field: Odoo takes a monetary field's currency from `currency_id` (or `x_currency_id`), and refuses to set up the field when the model has neither.",
  example: {
    wrong: 'extend crm.lead { x_estimated_fee monetary "Estimated fee" }',
    reported:
      'crm.lead has no currency_id, which Odoo reads the currency of the monetary field x_estimated_fee from: add `x_currency_id many2one res.currency "Currency"` to this extend block (and write it), or make the field a float',
    right: 'extend crm.lead {\n  x_estimated_fee monetary "Estimated fee"\n  x_currency_id   many2one res.currency "Currency"\n}',
  },
  check({ bound, schema, customFields }) {
    if (schema === undefined) return [];
    const findings: Finding[] = [];
    for (const symbol of customFields.symbols) {
      const type = symbol.declaration.type;
      if (type.kind !== "Name" || type.value !== "monetary" || hasCurrencyField(schema, symbol.model)) continue;
      const file = bound.files.find((candidate) => candidate.path === symbol.file);
      const block = file === undefined ? undefined : extendHolding(file.document, symbol.declaration);
      const line = 'x_currency_id many2one res.currency "Currency"';
      findings.push({
        file: symbol.file,
        range: type.range,
        message: `${symbol.model} has no currency_id, which Odoo reads the currency of the monetary field ${symbol.name} from: add \`${line}\` to this extend block (and write it), or make the field a float`,
        ...(file === undefined || block === undefined
          ? {}
          : { fixes: [{ title: `Add x_currency_id to ${symbol.model}`, edits: [appendToBlock(symbol.file, file.text, block.range, line)] }] }),
      });
    }
    return findings;
  },
};
