import { describe, expect, it } from "vitest";
import { applyFixes, diagnosticsOf } from "../helpers.js";

describe("FM208 source_option", () => {
  it("accepts known options with usable values", () => {
    expect(
      diagnosticsOf(
        "FM208",
        'source more { csv { delimiter ";"  encoding "windows-1252"  timezone "Europe/Amsterdam"  decimal "," } entity T "t.csv" key id { id text } }',
      ),
    ).toEqual([]);
  });

  it("reports a misspelt option and three unusable values", () => {
    expect(
      diagnosticsOf(
        "FM208",
        'source more { csv { delimitter ";"  encoding "cp1252"  timezone "Mars/Base"  decimal ";" } entity T "t.csv" key id { id text } }',
      ),
    ).toEqual([
      "main.flitmap:1:21-1:31 error FM208 there is no csv option delimitter; did you mean `delimiter`?",
      'main.flitmap:1:37-1:54 error FM208 encoding "cp1252" is not supported: use utf-8, windows-1252, latin-1, auto',
      'main.flitmap:1:56-1:76 error FM208 "Mars/Base" is not a time zone: use an IANA name such as "Europe/Amsterdam" or "UTC"',
      'main.flitmap:1:78-1:89 error FM208 the decimal separator is "." or ",", not ";"',
    ]);
  });

  it("offers a fix: the fix names the option", () => {
    expect(applyFixes("FM208", 'source more { csv { delimitter ";" } entity T "t.csv" key id { id text } }')).toEqual([
      'Change to delimiter\nsource more { csv { delimiter ";" } entity T "t.csv" key id { id text } }',
    ]);
  });
});
