/**
 * One column written two ways (issue 16, the Ügyféltár package's gap 3): a CRM's to-do deadline is
 * a moment (`2025.07.21. 10:30`) or, for a task, a day alone (`2025.07.21.`). The column's format
 * `"yyyy.MM.dd. HH:mm|yyyy.MM.dd."` reads both, checked by `flitmap check` and run into the Odoo
 * double: a moment in Budapest's time, a day alone as its local midnight, a value in neither
 * rejected with the column and both patterns named.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { analyze } from "../../compiler/helpers.js";
import { runLive, startSeededDouble, stateByXmlid, temporaryDirectory } from "../support.js";

const PACKAGE = `migration crm { source crm  target odoo "17.0"  xmlid "crm" }
source crm {
  csv { timezone "Europe/Budapest"  date "yyyy. MM. dd." }
  entity Teendo "teendok.csv" key id {
    id       text
    targy    "Tárgy"    text required
    hatarido "Határidő" datetime "yyyy.MM.dd. HH:mm|yyyy.MM.dd." required
  }
}
map Teendo -> calendar.event as esemeny {
  name  <- targy
  start <- hatarido
  stop  <- hatarido | add_minutes(30)
}
`;

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("a column with several formats", () => {
  it("reads a moment or a day alone, and rejects a value in neither with both patterns", async () => {
    const package_ = analyze({ "main.flitmap": PACKAGE });
    expect(package_.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    const plan = emitPlan(package_);
    const double = await startSeededDouble("17.0");
    const state = temporaryDirectory("flitmap-formats-");
    const source = mkdtempSync(join(tmpdir(), "flitmap-formats-export-"));
    cleanups.push(
      () => double.stop(),
      state.remove,
      () => rmSync(source, { recursive: true, force: true }),
    );
    writeFileSync(
      join(source, "teendok.csv"),
      ["id,Tárgy,Határidő", "T1,Helyszíni felmérés,2025.07.21. 10:30", "T2,Ajánlat,2025.07.22.", "T3,Hívás,22/07/2025", ""].join("\n"),
    );
    const result = await runLive(plan, double, state.path, { sourceDirectory: source });
    expect(result.rejects.map((reject) => [reject.key, reject.reason])).toEqual([
      ["T3", "'Határidő': '22/07/2025' is not a date and time in the format yyyy.MM.dd. HH:mm|yyyy.MM.dd."],
    ]);
    const events = stateByXmlid(double, plan);
    // Budapest is two hours ahead of UTC in summer.
    expect(events["crm.esemeny_T1"]).toMatchObject({ start: "2025-07-21 08:30:00", stop: "2025-07-21 09:00:00" });
    expect(events["crm.esemeny_T2"]).toMatchObject({ start: "2025-07-21 22:00:00" });
  });
});
