import { describe, expect, it } from "vitest";
import { diagnosticsOf } from "../helpers.js";

describe("FM304 expression_type", () => {
  it("accepts well-typed conditions and steps", () => {
    expect(diagnosticsOf("FM304", "map Deal -> crm.lead when amount > 0 { name <- name | truncate(64)  expected_revenue <- amount | round(2) }")).toEqual([]);
  });

  it("reports a number as a condition, a text length, first on text, = with a column, too many arguments", () => {
    expect(
      diagnosticsOf(
        "FM304",
        'map Deal -> crm.lead when amount { name <- name | truncate("64")  description <- name | first  tag_ids = name  expected_revenue <- amount | round(1, 2) }',
      ),
    ).toEqual([
      'main.flitmap:1:27-1:33 error FM304 a `when` condition must be true or false, but this is decimal: compare it (`status = "won"`) or test it (`column is present`)',
      "main.flitmap:1:60-1:64 error FM304 the length of `truncate` must be integer, not text",
      "main.flitmap:1:89-1:94 error FM304 `first` takes a list, but gets text (it works on the lists of a `with` block or of `split`)",
      "main.flitmap:1:106-1:110 error FM304 `=` sets a constant (a quoted string, a number, true/false or a record name); to take a value from the source, write `<-`",
      "main.flitmap:1:141-1:152 error FM304 `round` takes 1 argument (decimals), not 2",
    ]);
  });

  it("reports a country that is not two letters, and takes a lone on_invalid word in its place", () => {
    expect(
      diagnosticsOf("FM304", 'map Deal -> crm.lead { name <- name | vat("Poland")  description <- name | iban("flag")  referred <- name | vat("pl", "flag") }'),
    ).toEqual(['main.flitmap:1:43-1:51 error FM304 the country of `vat` is a country\'s two letters ("PL", "DE"), not "Poland"']);
  });

  it("reports a date or datetime format the reader cannot use, and takes date's lone on_invalid word", () => {
    expect(
      diagnosticsOf(
        "FM304",
        'map Deal -> crm.lead { date_deadline <- name | date("dd/QQ/yyyy")  date_closed <- name | datetime("d/M/yyyy h:mm")  date_open <- name | datetime("yyyy.MM.dd. HH:mm|yyyy.MM.dd.")  description <- name | date("flag") | text }',
      ),
    ).toEqual([
      "main.flitmap:1:53-1:65 error FM304 the format of `date`: date pattern 'dd/QQ/yyyy': 'Q' is not a pattern token; put literal text in single quotes",
      "main.flitmap:1:99-1:114 error FM304 the format of `datetime`: date pattern 'd/M/yyyy h:mm': h/hh (12-hour clock) and a (AM/PM, π.μ./μ.μ., fm/em, ...) go together; use HH for a 24-hour clock",
    ]);
  });

  it("reports a case step's language that is not a language tag", () => {
    expect(diagnosticsOf("FM304", 'map Deal -> crm.lead { name <- name | title("tr")  description <- name | lower("Turkish!") }')).toEqual([
      'main.flitmap:1:80-1:90 error FM304 the language of `lower` is a language tag ("tr", "az"), not "Turkish!"',
    ]);
  });

  it("reports a ref to a `for each` target, whose records a row's key cannot tell apart", () => {
    const base = `migration pv { source pv  target odoo "17.0" }
source pv {
  entity Relation "relaties.csv" key id { id text  company_name text  group contact[1..3] { name "Contactpersoon {n}" text } }
  entity Lead "leads.csv" key id { id text  relation_id text references Relation }
}
split Relation {
  org: res.partner when company_name is present { is_company = true  name <- company_name  comment <- ref person }
  person: res.partner for each contact when contact.name is present { name <- contact.name  parent_id <- ref org }
}
map Lead -> crm.lead { name <- id  partner_id <- relation_id | ref person }`;
    const message =
      "person makes one record per filled contact of a Relation row, so a Relation key names none of them: point to a target without `for each`, or make the one you mean a target of its own (reading `contact[1].column`)";
    expect(diagnosticsOf("FM304", "", { base })).toEqual([
      `base.flitmap:7:103-7:113 error FM304 ${message}`,
      `base.flitmap:10:64-10:74 error FM304 ${message}`,
    ]);
  });
});
