import { describe, expect, it } from "vitest";
import { applyFixes, diagnosticsOf } from "../helpers.js";

describe("FM403 field_not_in_version", () => {
  it("accepts mobile on 17.0, where it exists", () => {
    expect(diagnosticsOf("FM403", "map Contact -> res.partner { name <- first_name  mobile <- email }")).toEqual([]);
  });

  it("reports mobile on 19.0, which removed it", () => {
    expect(diagnosticsOf("FM403", "map Contact -> res.partner { name <- first_name  mobile <- email }", { seriesOverride: "19.0" })).toEqual([
      'main.flitmap:1:50-1:56 error FM403 res.partner.mobile exists in Odoo 17.0, 18.0 but not in 19.0, the target (removed in Odoo 19.0, which keeps one phone number per contact): use `phone`, or choose per version with `if odoo < "19.0" { ... }`',
    ]);
  });

  it("offers a fix: the fix writes phone", () => {
    expect(applyFixes("FM403", "map Contact -> res.partner { name <- first_name  mobile <- email }", { seriesOverride: "19.0" })).toEqual([
      "Change to phone\nmap Contact -> res.partner { name <- first_name  phone <- email }",
    ]);
  });
});
