import { describe, expect, it } from "vitest";
import { applyFixes, diagnosticsOf } from "../helpers.js";

describe("FM201 unknown_entity", () => {
  it("accepts entities that exist", () => {
    expect(diagnosticsOf("FM201", "map Company -> res.partner { name <- name }")).toEqual([]);
  });

  it("reports misspelt entities in a map and a split", () => {
    expect(diagnosticsOf("FM201", "map Compnay -> res.partner { name <- name }\nsplit Dael { d: crm.lead { name <- name } }")).toEqual([
      "main.flitmap:1:5-1:12 error FM201 entity Compnay is not declared in any source; did you mean `Company`?",
      "main.flitmap:2:7-2:11 error FM201 entity Dael is not declared in any source; did you mean `Deal`?",
    ]);
  });

  it("offers a fix: the fix names the right entity", () => {
    expect(applyFixes("FM201", "map Compnay -> res.partner { name <- name }")).toEqual(["Change to Company\nmap Company -> res.partner { name <- name }"]);
  });
});
