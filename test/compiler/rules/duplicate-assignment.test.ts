import { describe, expect, it } from "vitest";
import { diagnosticsOf } from "../helpers.js";

describe("FM503 duplicate_assignment", () => {
  it("accepts each field once, alternatives with ??", () => {
    expect(diagnosticsOf("FM503", "map Company -> res.partner { name <- domain ?? name }")).toEqual([]);
  });

  it("reports name set twice", () => {
    expect(diagnosticsOf("FM503", "map Company -> res.partner { name <- name  name <- domain }")).toEqual([
      "main.flitmap:1:44-1:48 error FM503 name is already set at line 1 of this map; set it once (`name <- a ?? b` keeps the first that is not empty)",
    ]);
  });
});
