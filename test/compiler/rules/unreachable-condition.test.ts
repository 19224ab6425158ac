import { describe, expect, it } from "vitest";
import { diagnosticsOf } from "../helpers.js";

describe("FM504 unreachable_condition", () => {
  it("accepts conditions rows can meet", () => {
    expect(diagnosticsOf("FM504", 'map Company -> res.partner when status = "a" or status = "b" { name <- name }')).toEqual([]);
  });

  it("reports two values at once, present and empty, a value outside a list", () => {
    expect(
      diagnosticsOf(
        "FM504",
        'map Company -> res.partner when status = "a" and status = "b" { name <- name }\nmap Contact -> res.partner when email is present and email is empty { name <- first_name }\nmap Deal -> crm.lead when stage in ["x", "y"] and stage = "z" { name <- name }',
      ),
    ).toEqual([
      'main.flitmap:1:33-1:62 warning FM504 this target can load no row: `status = "a"` and `status = "b"` cannot both hold',
      "main.flitmap:2:33-2:68 warning FM504 this target can load no row: `email is present` and `email is empty` cannot both hold",
      'main.flitmap:3:27-3:62 warning FM504 this target can load no row: `stage in ["x", "y"]` and `stage = "z"` cannot both hold',
    ]);
  });
});
