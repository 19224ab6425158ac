import { describe, expect, it } from "vitest";
import { applyFixes, diagnosticsOf } from "../helpers.js";

describe("FM207 declaration_shape", () => {
  it("accepts an entity with a key and a well-formed group", () => {
    expect(diagnosticsOf("FM207", 'source more { entity Rel "r.csv" key id { id text  group contact[1..3] { name "Name {n}" text } } }')).toEqual([]);
  });

  it("reports no key, a reversed group range, a group header without {n}", () => {
    expect(
      diagnosticsOf(
        "FM207",
        'source more { entity Thing "t.csv" { id text }  entity Rel "r.csv" key id { id text  group contact[3..1] { name "Name" text } } }',
      ),
    ).toEqual([
      "main.flitmap:1:22-1:27 error FM207 entity Thing has no key: add `key column` (or `key (a, b)`) after its file pattern; the key makes each row's external ID",
      "main.flitmap:1:86-1:126 error FM207 a column group counts from a whole number to a larger one, e.g. [1..3], not [3..1]",
      'main.flitmap:1:113-1:119 error FM207 a column of a group needs "{n}" in its header, where the group\'s number stands, e.g. "Contactpersoon {n}"',
    ]);
  });

  it("reports a match rule a lookup does not know, naming the ones it does", () => {
    expect(diagnosticsOf("FM207", "lookup seller in res.users by name { match surname_initial  missing flag }")).toEqual([]);
    expect(diagnosticsOf("FM207", "lookup seller in res.users by name { match fuzzy  missing flag }")).toEqual([
      'main.flitmap:1:44-1:49 error FM207 a lookup matches `exact` (the default), `loose` (ignoring case, accents and extra spaces), by `initials` ("A. Hartley" for Alice Hartley) or by `surname_initial` ("Ana Paula F." for Ana Paula Ferreira), not `fuzzy`',
    ]);
  });

  it("reports a unique column's match rule that is not one, with the nearest rule as its fix", () => {
    expect(diagnosticsOf("FM207", 'source s { entity E "e.csv" key id { id text  a text unique match loose  b text unique match digits ambiguous first } }')).toEqual([]);
    expect(applyFixes("FM207", 'source s { entity E "e.csv" key id { id text  vat text unique match digit } }')).toEqual([
      'Change to digits\nsource s { entity E "e.csv" key id { id text  vat text unique match digits } }',
    ]);
    expect(diagnosticsOf("FM207", 'source s { entity E "e.csv" key id { id text  name text unique match initials } }')).toEqual([
      "main.flitmap:1:70-1:78 error FM207 a `unique` column matches `exact` (the default: trimmed, ignoring case), `loose` (also ignoring accents, punctuation and extra spaces), `company` (loose, and a legal form such as B.V. or S.R.L. ignored) or `digits` (its digits alone), not `initials`",
    ]);
  });

  it("reports a format an integer or decimal column cannot use, and accepts the percentage format", () => {
    expect(
      diagnosticsOf("FM207", 'source more { entity Odds "d.csv" key id { id text  chance decimal "%"  size integer "%"  amount decimal "#,##0.00" } }'),
    ).toEqual([
      'main.flitmap:1:106-1:116 error FM207 column amount is a decimal: it takes only the format "%" (its values are percentages, `60 %` read as 60), not "#,##0.00"; the decimal separator is the csv option `decimal`',
    ]);
  });

  it("reports a date or datetime column's pattern the reader cannot use, and accepts one written two ways", () => {
    expect(
      diagnosticsOf(
        "FM207",
        'source crm { entity T "t.csv" key id { id text  due datetime "yyyy.MM.dd. HH:mm|yyyy.MM.dd."  born date "dd/QQ/yyyy"  seen date "dd/MM/yyyy HH:mm" } }',
      ),
    ).toEqual([
      "main.flitmap:1:105-1:117 error FM207 column born: date pattern 'dd/QQ/yyyy': 'Q' is not a pattern token; put literal text in single quotes",
      "main.flitmap:1:129-1:147 error FM207 column seen: date pattern 'dd/MM/yyyy HH:mm' has a time in it; use it as the datetime pattern",
    ]);
  });
});
