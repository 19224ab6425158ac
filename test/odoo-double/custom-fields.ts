/**
 * Custom fields: an `ir.model.fields` row of state `manual` adds its field to the model at once
 * (Odoo reloads the registry), and to the models that hold that model's fields through a many2one
 * (`_inherits`: a res.partner field is a res.users field too); unlinking it drops the field and
 * its values again.
 */

import { fieldFromAttributes } from "./catalog.js";
import type { Orm } from "./orm.js";
import type { Row } from "./store.js";
import { num, pythonString } from "./values.js";

export function registerCustomField(orm: Orm, row: Row): void {
  const model = orm.catalog.models.get(String(row["model"]));
  if (!model || row["state"] !== "manual") return;
  const name = String(row["name"]);
  const ttype = String(row["ttype"]);
  const attributes: Record<string, unknown> = {
    type: ttype,
    string: row["field_description"] || name,
    required: Boolean(row["required"]),
    readonly: Boolean(row["readonly"]),
    store: row["store"] !== false,
    manual: true,
    ...(row["help"] ? { help: row["help"] } : {}),
    ...(typeof row["relation"] === "string" && row["relation"] !== "" ? { relation: row["relation"] } : {}),
    ...(typeof row["relation_field"] === "string" && row["relation_field"] !== "" ? { relation_field: row["relation_field"] } : {}),
    ...(ttype === "selection" ? { selection: customSelection(orm, row) } : {}),
    company_dependent: false,
  };
  for (const holder of [model.name, ...delegatingModels(orm, model.name)]) {
    const spec = orm.catalog.models.get(holder);
    if (spec === undefined) continue;
    const previous = spec.fields.get(name);
    spec.fields.set(name, fieldFromAttributes(name, attributes));
    orm.store.onRollback(() => {
      if (previous) spec.fields.set(name, previous);
      else spec.fields.delete(name);
    });
  }
}

/** Models whose records hold `model`'s fields through a many2one (`_inherits`). */
function delegatingModels(orm: Orm, model: string): string[] {
  return [...orm.catalog.models.keys()].filter((candidate) => orm.delegate(candidate)?.model === model);
}

function customSelection(orm: Orm, row: Row): Array<[string, string]> {
  const fromLines = [...orm.rows("ir.model.fields.selection")]
    .filter((line) => line["field_id"] === row.id)
    .sort((a, b) => num(a["sequence"]) - num(b["sequence"]) || a.id - b.id)
    .map((line) => [String(line["value"]), String(line["name"])] as [string, string]);
  if (fromLines.length > 0) return fromLines;
  // The `selection` text Odoo reads with ast.literal_eval: "[('a', 'A'), (\"b\", \"B\")]", either quote.
  const text = typeof row["selection"] === "string" ? row["selection"] : "";
  const literal = String.raw`'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"`;
  const pair = new RegExp(String.raw`\(\s*(?:${literal})\s*,\s*(?:${literal})\s*\)`, "g");
  return [...text.matchAll(pair)].map((match) => [pythonString(match[1] ?? match[2] ?? ""), pythonString(match[3] ?? match[4] ?? "")] as [string, string]);
}

export function unregisterCustomField(orm: Orm, row: Row | undefined): void {
  if (row === undefined || row["state"] !== "manual") return;
  const name = String(row["name"]);
  for (const holder of [String(row["model"]), ...delegatingModels(orm, String(row["model"]))]) {
    const model = orm.catalog.models.get(holder);
    const previous = model?.fields.get(name);
    if (model === undefined || previous === undefined) continue;
    model.fields.delete(name);
    orm.store.onRollback(() => model.fields.set(name, previous));
    for (const record of [...orm.rows(model.name)]) if (name in record) orm.store.update(model.name, record.id, name, undefined);
  }
}
