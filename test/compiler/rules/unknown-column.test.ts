import { describe, expect, it } from "vitest";
import { applyFixes, diagnosticsOf } from "../helpers.js";

describe("FM202 unknown_column", () => {
  it("accepts columns that exist", () => {
    expect(diagnosticsOf("FM202", "map Company -> res.partner { name <- name  website <- domain | url  ignore status }")).toEqual([]);
  });

  it("reports misspelt columns in values and ignore", () => {
    expect(diagnosticsOf("FM202", "map Company -> res.partner { name <- nmae  website <- domian | url  ignore stats }")).toEqual([
      "main.flitmap:1:38-1:42 error FM202 entity Company has no column nmae; did you mean `name`?",
      "main.flitmap:1:55-1:61 error FM202 entity Company has no column domian; did you mean `domain`?",
      "main.flitmap:1:76-1:81 error FM202 entity Company has no column stats; did you mean `status`?",
    ]);
  });

  it("reports a key column that is not declared", () => {
    expect(diagnosticsOf("FM202", 'source more { entity Thing "t.csv" key code { id text } }')).toEqual([
      "main.flitmap:1:40-1:44 error FM202 entity Thing has no column code",
    ]);
  });

  it("offers a fix: the fix names the right column", () => {
    expect(applyFixes("FM202", "map Company -> res.partner { name <- nmae }")).toEqual(["Change to name\nmap Company -> res.partner { name <- name }"]);
  });
});
