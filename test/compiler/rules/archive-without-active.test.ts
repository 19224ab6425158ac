import { describe, expect, it } from "vitest";
import { BASE, diagnosticsOf } from "../helpers.js";

const ARCHIVING = BASE.replace('  xmlid "pb"\n', '  xmlid "pb"\n  deleted archive\n');
const STEPS = [
  "map Company -> res.partner { name <- name }",
  "map Deal -> crm.lead { name <- name }",
  "map Contact -> mail.message {",
  '  model  = "res.partner"',
  "  res_id <- company_id | ref company",
  "  body   <- first_name",
  "}",
].join("\n");

describe("FM411 archive_without_active", () => {
  it("warns, at the model, for each target whose model cannot be archived when the package archives", () => {
    expect(diagnosticsOf("FM411", STEPS, { base: ARCHIVING })).toEqual([
      "main.flitmap:3:16-3:28 warning FM411 mail.message has no `active` field: a contact record whose row is gone from the export is reported, not archived (`deleted archive` archives only records that can be archived)",
    ]);
  });

  it("says nothing when the package only reports (the default, or `deleted report`)", () => {
    expect(diagnosticsOf("FM411", STEPS)).toEqual([]);
    expect(diagnosticsOf("FM411", STEPS, { base: BASE.replace('  xmlid "pb"\n', '  xmlid "pb"\n  deleted report\n') })).toEqual([]);
  });

  it("warns at the child block of lines: sale.order.line has no active field", () => {
    const quotes = [
      "map Deal -> sale.order {",
      "  partner_id <- contact_id | ref contact",
      "  order_line <- each Contact by company_id as line { name <- first_name }",
      "}",
      "map Contact -> res.partner { name <- first_name }",
    ].join("\n");
    expect(diagnosticsOf("FM411", quotes, { base: ARCHIVING })).toEqual([
      "main.flitmap:1:13-1:23 warning FM411 sale.order has no `active` field: a deal record whose row is gone from the export is reported, not archived (`deleted archive` archives only records that can be archived)",
      "main.flitmap:3:22-3:29 warning FM411 sale.order.line has no `active` field: a line record whose row is gone from the export is reported, not archived (`deleted archive` archives only records that can be archived)",
    ]);
  });
});
