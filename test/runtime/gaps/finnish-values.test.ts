/**
 * Values a Finnish CRM export writes that the language could not read (the Asiakkaat family's
 * gaps 3, 9 and 1): a meeting's length in words (`45 min`, `1 h 30 min`, `2,5 h`), read to the
 * hours Odoo's calendar.event.duration holds; a Y-tunnus checked by its check digit and kept as
 * printed, where `vat("FI")` made it a VAT number; and a name written family name first turned by
 * a named step, two-word family names (`af Forselles`, `von Wright`) included.
 */
import { describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { runPlanTests } from "../../../runtime/testing/plan-tests.js";
import { analyze, diagnosticsOf } from "../../compiler/helpers.js";

const PACKAGE = `migration asiakkaat { source crm  target odoo "17.0"  xmlid "asiakkaat" }
source crm {
  csv { decimal "," }
  entity Asiakas "asiakkaat.csv" key id {
    id       text required
    nimi     text required
    y_tunnus text
  }
  entity Tapaaminen "tapaamiset.csv" key id {
    id    text required
    aihe  text required
    kesto text
  }
}
step etunimi_ensin = trim | swap_name
map Asiakas -> res.partner {
  name             <- nimi | etunimi_ensin
  company_registry <- y_tunnus | business_id("FI")
  ref              <- y_tunnus | business_id("FI", "flag")
}
map Tapaaminen -> calendar.event {
  name       <- aihe
  duration   <- kesto | duration
  x_minuutit <- kesto | duration("minutes", "flag")
}
extend calendar.event {
  x_minuutit float "Minuutit"
}
test "a length in words is hours, or minutes" {
  given Tapaaminen { id "1"  aihe "Kick-off"  kesto "1 h 30 min" }
  given Tapaaminen { id "2"  aihe "Puhelu"  kesto "45 min" }
  given Tapaaminen { id "3"  aihe "Työpaja"  kesto "2,5 h" }
  given Tapaaminen { id "4"  aihe "Katselmus"  kesto "90 min." }
  given Tapaaminen { id "5"  aihe "Kahvit"  kesto "1:30" }
  given Tapaaminen { id "6"  aihe "Esittely"  kesto "1 t 15 min" }
  expect calendar.event { name "Kick-off"  duration 1.5  x_minuutit 90 }
  expect calendar.event { name "Puhelu"  duration 0.75  x_minuutit 45 }
  expect calendar.event { name "Työpaja"  duration 2.5  x_minuutit 150 }
  expect calendar.event { name "Katselmus"  duration 1.5  x_minuutit 90 }
  expect calendar.event { name "Kahvit"  duration 1.5  x_minuutit 90 }
  expect calendar.event { name "Esittely"  duration 1.25  x_minuutit 75 }
}
test "a length without a unit is rejected, saying so" {
  given Tapaaminen { id "7"  aihe "Palaveri"  kesto "45" }
  expect reject Tapaaminen "'45' is not a length of time"
}
test "a Y-tunnus is checked and kept as printed" {
  given Asiakas { id "1"  nimi "Virtanen Matti"  y_tunnus "1040740-2" }
  given Asiakas { id "2"  nimi "af Forselles Johan"  y_tunnus "FI15728600" }
  given Asiakas { id "3"  nimi "von Wright Georg Henrik" }
  expect res.partner { name "Matti Virtanen"  company_registry "1040740-2"  ref "1040740-2" }
  expect res.partner { name "Johan af Forselles"  company_registry "1572860-0" }
  expect res.partner { name "Georg Henrik von Wright"  company_registry false }
}
test "a mistyped Y-tunnus is rejected where its field rejects" {
  given Asiakas { id "4"  nimi "Nieminen Liisa"  y_tunnus "1040740-3" }
  expect reject Asiakas "its check digit does not match"
}
`;

describe("Finnish values", () => {
  it("are read, checked and turned in test blocks run through the executor", async () => {
    const analysis = analyze({ "main.flitmap": PACKAGE });
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    const results = await runPlanTests(emitPlan(analysis));
    expect(results.map((result) => [result.name, result.failures])).toEqual([
      ["a length in words is hours, or minutes", []],
      ["a length without a unit is rejected, saying so", []],
      ["a Y-tunnus is checked and kept as printed", []],
      ["a mistyped Y-tunnus is rejected where its field rejects", []],
    ]);
  });

  it("are checked: a unit, a country or an input the built-in does not take is FM304", () => {
    const body = `map Company -> res.partner {
  name             <- name | swap_name
  company_registry <- name | business_id("EE")
  comment          <- name | duration("days")
  x_length         <- employees | duration
}`;
    const messages = diagnosticsOf("FM304", body);
    expect(messages.join("\n")).toContain('the country of `business_id` is "FI" or "SE" or "NO" or "DK" or "BE" or "PL" or "IT" or "PT" or "HU" or "CZ" or "RO", not "EE"');
    expect(messages.join("\n")).toContain('the unit of `duration` is "hours" or "minutes", not "days"');
    expect(messages.join("\n")).toMatch(/`duration` takes text/);
  });
});
