import { describe, expect, it } from "vitest";
import { defaultIsValue, RawFieldsGetEntry, schemaFromOdoo } from "../../../compiler/catalog/from-odoo.js";
import { OdooSchema } from "../../../compiler/catalog/index.js";

// What `schema pull` will gather from a server, in the shapes Odoo answers (values from the
// 17.0 recordings; depends/related/model_field as fields_get returns them when asked).
const pulled = schemaFromOdoo({
  origin: "server",
  version: { server_version: "17.0-20240709", server_serie: "17.0" },
  modules: [
    { name: "crm", application: true, installed_version: "17.0.1.9" },
    { name: "base", application: false, installed_version: "17.0.1.3" },
  ],
  models: [
    {
      irModel: { model: "crm.lead", name: "Lead/Opportunity", order: "priority desc, id desc", state: "base", transient: false, modules: "crm, sale_crm" },
      fieldsGet: {
        date_closed: RawFieldsGetEntry.parse({
          type: "datetime",
          string: "Closed Date",
          readonly: true,
          store: true,
          required: false,
          depends: [],
          help: false,
        }),
        x_test_score: RawFieldsGetEntry.parse({
          type: "integer",
          string: "Test Score",
          manual: true,
          readonly: false,
          store: true,
          required: false,
          help: "created over XML-RPC by the lab",
        }),
        email_from: RawFieldsGetEntry.parse({ type: "char", string: "Email", readonly: false, store: true, related: ["partner_id", "email"] }),
        duration_tracking: RawFieldsGetEntry.parse({ type: "json", string: "Status time", readonly: true, store: false }),
        priority: RawFieldsGetEntry.parse({
          type: "selection",
          string: "Priority",
          readonly: false,
          store: true,
          selection: [
            ["0", "Low"],
            ["1", "Medium"],
          ],
        }),
        weird: RawFieldsGetEntry.parse({ type: "geo_point", string: "Location", readonly: false, store: true }),
      },
      defaultGet: { priority: "0", x_test_score: null },
      irFields: [{ name: "x_test_score", state: "manual", store: true, readonly: false, related: false, compute: false, depends: false }],
    },
    {
      irModel: { model: "mail.activity", name: "Activity", state: "base", transient: false, modules: "mail" },
      fieldsGet: {
        res_id: RawFieldsGetEntry.parse({ type: "many2one_reference", string: "Related Document ID", readonly: false, store: true, model_field: "res_model" }),
      },
      defaultGet: undefined,
    },
  ],
  references: { "crm.stage": [{ id: 4, name: "Won", xmlid: "crm.stage_lead4", is_won: true }, { note: "an annotation, not a record" }] },
  notes: ["pulled for a test"],
});

describe("schemaFromOdoo", () => {
  it("produces a valid schema file, sorted, with what it left out", () => {
    expect(OdooSchema.safeParse(pulled.schema).success).toBe(true);
    expect(pulled.schema.modules.map((module) => module.name)).toEqual(["base", "crm"]);
    expect(pulled.skipped).toEqual([{ model: "crm.lead", field: "weird", reason: 'field type "geo_point" is not in the schema format' }]);
  });

  it("decides writability with what a pull adds to fields_get", () => {
    const fields = pulled.schema.models["crm.lead"]?.fields;
    expect(fields?.["date_closed"]?.writability.writable).toBe("yes");
    expect(fields?.["date_closed"]?.help).toBeUndefined();
    expect(fields?.["duration_tracking"]?.writability.writable).toBe("no");
    expect(fields?.["email_from"]).toMatchObject({ related: "partner_id.email", writability: { writable: "yes" } });
  });

  it("marks custom fields from ir.model.fields, and keeps defaults that are values", () => {
    const fields = pulled.schema.models["crm.lead"]?.fields;
    expect(fields?.["x_test_score"]).toMatchObject({ custom: true, hasDefault: false, help: "created over XML-RPC by the lab" });
    expect(fields?.["priority"]).toMatchObject({
      hasDefault: true,
      default: "0",
      selection: [
        { value: "0", label: "Low" },
        { value: "1", label: "Medium" },
      ],
    });
  });

  it("splits ir.model modules, and flags a model whose defaults could not be read", () => {
    expect(pulled.schema.models["crm.lead"]).toMatchObject({ modules: ["crm", "sale_crm"], order: "priority desc, id desc", custom: false });
    expect(pulled.schema.models["mail.activity"]?.defaultsUnknown).toBe(true);
    expect(pulled.schema.models["mail.activity"]?.fields["res_id"]?.modelField).toBe("res_model");
  });

  it("keeps reference records with a name, values apart", () => {
    expect(pulled.schema.references).toEqual({
      "crm.stage": [{ id: 4, name: "Won", xmlid: "crm.stage_lead4", values: { is_won: true } }],
    });
  });
});

describe("defaultIsValue", () => {
  it("counts false only for booleans, never null, and not an empty x2many command", () => {
    expect(defaultIsValue("boolean", false)).toBe(true);
    expect(defaultIsValue("many2one", false)).toBe(false);
    expect(defaultIsValue("char", null)).toBe(false);
    expect(defaultIsValue("many2many", [[6, 0, []]])).toBe(false);
    expect(defaultIsValue("many2many", [[6, 0, [2]]])).toBe(true);
    expect(defaultIsValue("integer", 0)).toBe(true);
  });
});
