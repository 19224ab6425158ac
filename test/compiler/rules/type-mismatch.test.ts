import { describe, expect, it } from "vitest";
import { analyze, describe as describeDiagnostic, diagnosticsOf } from "../helpers.js";

describe("FM301 type_mismatch", () => {
  it("accepts values converted for their fields", () => {
    expect(
      diagnosticsOf(
        "FM301",
        "map Deal -> crm.lead { name <- name  expected_revenue <- amount  date_deadline <- close_date  date_closed <- close_date | datetime }",
      ),
    ).toEqual([]);
  });

  it("reports text into money, text into a date, a date into a datetime, text into an integer record value", () => {
    expect(
      diagnosticsOf(
        "FM301",
        'map Deal -> crm.lead { name <- name  expected_revenue <- stage  date_deadline <- close_date | text  probability <- amount  date_closed <- close_date }\nrecords crm.stage { won { name "Won"  sequence "seventy" } }',
      ),
    ).toEqual([
      "main.flitmap:1:58-1:63 error FM301 crm.lead.expected_revenue is a monetary field, but this is text: convert it with `| number` (or `| money` for amounts with a currency sign)",
      'main.flitmap:1:82-1:99 error FM301 crm.lead.date_deadline is a date field, but this is text: convert it with `| date` (it reads the export\'s date format, "dd/MM/yyyy")',
      "main.flitmap:1:139-1:149 error FM301 crm.lead.date_closed is a datetime field, but this is date: convert it with `| datetime` (midnight in the source's time zone)",
      "main.flitmap:2:48-2:57 error FM301 crm.stage.sequence is an integer field, but this is text",
    ]);
  });

  it("leaves a list of a lookup's misspelt field to FM415, which reports it once", () => {
    const extra = "lookup owner_partner in res.users by login returns partnr_id\nmap Deal -> crm.lead { name <- name  tag_ids <- [stage | owner_partner] }";
    expect(diagnosticsOf("FM301", extra)).toEqual([]);
    expect(diagnosticsOf("FM415", extra)).toHaveLength(1);
  });

  it("names the date format of the export the value is read from (an entity's own overrides its source's)", () => {
    const text = `migration m { source s  target odoo "17.0"  xmlid "m" }
source s {
  csv { date "dd.MM.yyyy"  datetime "dd.MM.yyyy HH:mm" }
  entity Deal "deals.csv" key id {
    csv { date "MM/dd/yyyy" }
    id text  name text  due text  closed text
  }
}
map Deal -> crm.lead { name <- name  date_deadline <- due  date_closed <- closed }`;
    expect(
      analyze({ "main.flitmap": text })
        .diagnostics.filter((diagnostic) => diagnostic.code === "FM301")
        .map(describeDiagnostic),
    ).toEqual([
      'main.flitmap:9:55-9:58 error FM301 crm.lead.date_deadline is a date field, but this is text: convert it with `| date` (it reads the export\'s date format, "MM/dd/yyyy")',
      'main.flitmap:9:75-9:81 error FM301 crm.lead.date_closed is a datetime field, but this is text: convert it with `| datetime` (it reads the export\'s datetime format, "dd.MM.yyyy HH:mm")',
    ]);
  });
});
