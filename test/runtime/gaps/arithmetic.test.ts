/**
 * Arithmetic in expressions, on an Italian ERP export's order lines: an amount is quantity × unit
 * price less a cascading discount written `10+5` (1 − 0.90 × 0.95 = 14.5 %, `discount_chain`), an
 * end is the start plus a duration in minutes (`add_minutes`), a deadline a date plus days
 * (`add_days`). An empty operand leaves the result empty; a division by zero rejects the row with
 * the reason. Run through the test blocks' executor and into the Odoo double, read back.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { runPlanTests } from "../../../runtime/testing/plan-tests.js";
import { analyze } from "../../compiler/helpers.js";
import { runLive, startSeededDouble, stateByXmlid, temporaryDirectory } from "../support.js";

const PACKAGE = `migration erp { source erp  target odoo "17.0"  xmlid "erp" }
source erp {
  csv { delimiter ";"  decimal ","  date "dd.MM.yy"  datetime "dd.MM.yyyy H.mm"  timezone "Europe/Rome" }
  entity Line "righe.csv" key id {
    id       text     required
    quantita decimal
    prezzo   money
    sconto   text
    totale   money
    data     date
    inizio   datetime
    durata   integer
  }
}
extend crm.lead {
  x_discount   float "Discount %"
  x_unit_price float "Unit price"
}
map Line -> crm.lead {
  name             <- id
  expected_revenue <- quantita * prezzo * (1 - (sconto | discount_chain ?? 0) / 100)
  x_discount       <- sconto | discount_chain
  x_unit_price     <- totale / quantita
  date_deadline    <- data | add_days(30)
  date_open        <- inizio
  date_closed      <- inizio | add_minutes(durata)
}
test "a line's amount is quantity times price less its chain of discounts" {
  given Line { id "R1"  quantita "3"  prezzo "1 250,00 kr"  sconto "10+5"  totale "3.750,00"  data "09.03.24"  inizio "09.03.2024 9.30"  durata "90" }
  expect crm.lead { name "R1"  expected_revenue 3206.25  x_discount 14.5  x_unit_price 1250  date_deadline "2024-04-08"  date_closed "2024-03-09 10:00:00" }
}
test "a line without a quantity has no amount, not zero" {
  given Line { id "R2"  prezzo "R$ 10,00"  totale "10,00" }
  expect crm.lead { name "R2"  expected_revenue false  x_unit_price false }
}
test "a division by zero rejects the line" {
  given Line { id "R3"  quantita "0"  prezzo "€ 5,00"  totale "5,00" }
  expect reject Line "division by zero"
}
`;

const EXPORT = [
  "id;quantita;prezzo;sconto;totale;data;inizio;durata",
  "R1;3;1\u00A0250,00 kr;10+5;3.750,00;09.03.24;09.03.2024 9.30;90",
  "R2;;R$ 10,00;;10,00;31.12.99;;",
  "R3;0;€ 5,00;;5,00;;;",
  "R4;2;1.234,56 €;10+abc;2.469,12;01.02.24;;",
  "R5;2;12 EUR;50+50;24,00;29.02.24;29.02.2024 23.45;30",
].join("\n");

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("arithmetic on an Italian ERP export", () => {
  it("passes its test blocks, run through the executor", async () => {
    const analysis = analyze({ "main.flitmap": PACKAGE });
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    const results = await runPlanTests(emitPlan(analysis));
    expect(results.map((result) => [result.name, result.failures])).toEqual([
      ["a line's amount is quantity times price less its chain of discounts", []],
      ["a line without a quantity has no amount, not zero", []],
      ["a division by zero rejects the line", []],
    ]);
  });

  it("loads the computed values into Odoo and rejects what cannot be computed, with the reason", async () => {
    const plan = emitPlan(analyze({ "main.flitmap": PACKAGE }));
    const double = await startSeededDouble("17.0");
    const state = temporaryDirectory("flitmap-arithmetic-");
    const source = mkdtempSync(join(tmpdir(), "flitmap-arithmetic-export-"));
    cleanups.push(
      () => double.stop(),
      state.remove,
      () => rmSync(source, { recursive: true, force: true }),
    );
    writeFileSync(join(source, "righe.csv"), EXPORT);

    const result = await runLive(plan, double, state.path, { sourceDirectory: source });

    expect(result.rejects.map((reject) => [reject.key, reject.reason])).toEqual([
      ["R3", "x_unit_price: division by zero: 5 / 0"],
      ["R4", "expected_revenue: '10+abc' is not a chain of discounts such as 10+5 (each a percentage from 0 to 100)"],
    ]);
    const leads = stateByXmlid(double, plan);
    const fields = ["expected_revenue", "x_discount", "x_unit_price", "date_deadline", "date_open", "date_closed"];
    expect(Object.fromEntries(Object.entries(leads).map(([xmlid, values]) => [xmlid, fields.map((field) => values[field] ?? null)]))).toEqual({
      "erp.line_R1": [3206.25, 14.5, 1250, "2024-04-08", "2024-03-09 08:30:00", "2024-03-09 10:00:00"],
      // Odoo reads a float field left empty as 0, and an empty datetime as false.
      "erp.line_R2": [0, 0, 0, "2000-01-30", false, false],
      "erp.line_R5": [6, 75, 12, "2024-03-30", "2024-02-29 22:45:00", "2024-02-29 23:15:00"],
    });
  });
});
