import { describe, expect, it } from "vitest";
import { applyFixes, diagnosticsOf } from "../helpers.js";

describe("FM501 unmapped_column", () => {
  it("accepts every column mapped or ignored", () => {
    expect(
      diagnosticsOf(
        "FM501",
        'map Company -> res.partner as company { name <- name  website <- domain | url  parent_id <- parent_id | ref company  x_employees <- employees  ignore owner_email, status }\nextend res.partner { x_employees integer "Employees" }',
      ),
    ).toEqual([]);
  });

  it("reports columns no map reads", () => {
    expect(diagnosticsOf("FM501", "map Company -> res.partner as company { name <- name  website <- domain | url }")).toEqual([
      "base.flitmap:13:5-13:14 warning FM501 column parent_id of Company is read by no mapping, so its data would be lost: map it, or write `ignore parent_id` in a map of Company",
      "base.flitmap:14:5-14:16 warning FM501 column owner_email of Company is read by no mapping, so its data would be lost: map it, or write `ignore owner_email` in a map of Company",
      "base.flitmap:15:5-15:14 warning FM501 column employees of Company is read by no mapping, so its data would be lost: map it, or write `ignore employees` in a map of Company",
      "base.flitmap:16:5-16:11 warning FM501 column status of Company is read by no mapping, so its data would be lost: map it, or write `ignore status` in a map of Company",
    ]);
  });

  it("offers a fix: the fix ignores the column in the map", () => {
    expect(
      applyFixes("FM501", "map Company -> res.partner {\n  name <- name\n  website <- domain | url\n  ignore parent_id, owner_email, employees\n}"),
    ).toEqual([
      "Ignore status in the map of Company\nmap Company -> res.partner {\n  name <- name\n  website <- domain | url\n  ignore parent_id, owner_email, employees\n  ignore status\n}",
    ]);
  });
});
