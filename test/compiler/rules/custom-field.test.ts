import { describe, expect, it } from "vitest";
import { diagnosticsOf } from "../helpers.js";

describe("FM407 custom_field", () => {
  it("accepts well-formed custom fields", () => {
    expect(
      diagnosticsOf("FM407", 'extend crm.lead { x_score integer "Score"  x_rating selection "Rating" { hot "Hot" }  x_ref many2one res.partner "Ref" }'),
    ).toEqual([]);
  });

  it("reports no x_, a selection without values, a many2one without model, an unknown type, an Odoo field", () => {
    expect(
      diagnosticsOf(
        "FM407",
        'extend crm.lead { deal_score integer "Score"  x_rating selection "Rating"  x_ref many2one "Ref"  x_bad floatish "x" }\nextend res.partner { name char "Name" }',
      ),
    ).toEqual([
      'main.flitmap:1:19-1:29 error FM407 custom field names must start with "x_" (Odoo refuses "deal_score"); rename it to x_deal_score',
      "main.flitmap:1:47-1:55 error FM407 crm.lead.x_rating is a selection: list its values",
      "main.flitmap:1:76-1:81 error FM407 crm.lead.x_ref is a many2one: say which model it points to",
      "main.flitmap:1:104-1:112 error FM407 floatish is not an Odoo field type: use char, text, html, integer, float, monetary, boolean, date, datetime, selection, many2one, many2many or binary",
      'main.flitmap:2:22-2:26 error FM407 custom field names must start with "x_" (Odoo refuses "name"); rename it to x_name',
    ]);
  });
});
