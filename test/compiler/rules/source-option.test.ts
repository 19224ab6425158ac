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
      'main.flitmap:1:37-1:54 error FM208 encoding "cp1252" is written "windows-1252" here',
      'main.flitmap:1:56-1:76 error FM208 "Mars/Base" is not a time zone: use an IANA name such as "Europe/Amsterdam" or "UTC"',
      'main.flitmap:1:78-1:89 error FM208 the decimal separator is "." or ",", not ";"',
    ]);
  });

  it("reports a date or datetime pattern the reader cannot use", () => {
    expect(diagnosticsOf("FM208", 'source crm { csv { date "yyyy. MM. dd."  datetime "yyyy.MM.dd. HH:mm|" } entity T "t.csv" key id { id text } }')).toEqual([
      "main.flitmap:1:42-1:71 error FM208 date pattern 'yyyy.MM.dd. HH:mm|' has an empty alternative between its '|'",
    ]);
    expect(diagnosticsOf("FM208", 'source crm { csv { datetime "d/M/yyyy h:mm" } entity T "t.csv" key id { id text } }')).toEqual([
      "main.flitmap:1:20-1:44 error FM208 date pattern 'd/M/yyyy h:mm': h/hh (12-hour clock) and a (AM/PM, π.μ./μ.μ., fm/em, ...) go together; use HH for a 24-hour clock",
    ]);
  });

  it("accepts the code pages of Central Europe, Cyrillic, Greek, Turkish and Baltic exports, and names the others it knows", () => {
    expect(diagnosticsOf("FM208", 'source pl { csv { encoding "windows-1250" } entity T "t.csv" key id { id text } }')).toEqual([]);
    expect(diagnosticsOf("FM208", 'source pl { csv { encoding "ISO-8859-2" } entity T "t.csv" key id { id text } }')).toEqual([]);
    expect(diagnosticsOf("FM208", 'source pl { csv { encoding "shift-jis" } entity T "t.csv" key id { id text } }')).toEqual([
      'main.flitmap:1:19-1:39 error FM208 encoding "shift-jis" is not supported: use utf-8, utf-16le, utf-16be, windows-1252, latin-1, iso-8859-15, windows-1250, iso-8859-2, windows-1251, windows-1253, windows-1254, windows-1257, auto',
    ]);
  });

  it("offers the language's name for an encoding written another way", () => {
    expect(applyFixes("FM208", 'source pl { csv { encoding "cp1250" } entity T "t.csv" key id { id text } }')).toEqual([
      'Change to "windows-1250"\nsource pl { csv { encoding "windows-1250" } entity T "t.csv" key id { id text } }',
    ]);
  });

  it("takes UTF-16, as Excel saves 'Unicode text', under the names it goes by", () => {
    expect(diagnosticsOf("FM208", 'source se { csv { encoding "utf-16le" } entity T "t.csv" key id { id text } }')).toEqual([]);
    expect(applyFixes("FM208", 'source se { csv { encoding "UTF-16" } entity T "t.csv" key id { id text } }')).toEqual([
      'Change to "utf-16le"\nsource se { csv { encoding "utf-16le" } entity T "t.csv" key id { id text } }',
    ]);
  });

  it("offers a fix: the fix names the option", () => {
    expect(applyFixes("FM208", 'source more { csv { delimitter ";" } entity T "t.csv" key id { id text } }')).toEqual([
      'Change to delimiter\nsource more { csv { delimiter ";" } entity T "t.csv" key id { id text } }',
    ]);
  });
});
