/**
 * Named steps (issue 16, the pelatologio package's gap 3): `step NAME = STEP | STEP` names steps
 * once for the package, where the specialist wrote the name folding in four maps and the
 * twelve-hour reading in three. Run into the Odoo double and read back: each use applies the
 * steps to its own input, and a row a step cannot read is rejected by the field that uses it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { analyze } from "../../compiler/helpers.js";
import { runLive, startSeededDouble, stateByXmlid, temporaryDirectory } from "../support.js";

const STEPS = `// The CRM writes times on the Greek twelve-hour clock, and names in ordinary spelling.
step crm_time = trim | datetime("d/M/yyyy h:mm a")
step fold_name = trim | upper | replace("Ά", "Α") | replace("Έ", "Ε") | replace("Ί", "Ι")
`;

const PACKAGE = `migration crm { source crm  target odoo "17.0"  xmlid "crm" }
source crm {
  csv { timezone "Europe/Athens" }
  entity Pelatis "pelates.csv" key id {
    id       text
    eponymia text required unique
  }
  entity Energeia "energeies.csv" key id {
    id          text
    thema       text
    logariasmos text
    enarxi      text
    lixi        text
  }
}
map Pelatis -> res.partner as pelatis {
  is_company = true
  name       <- eponymia
}
map Energeia -> calendar.event as synantisi {
  name        <- thema | fold_name
  start       <- enarxi | crm_time | required
  stop        <- lixi | crm_time ?? enarxi | crm_time | add_minutes(60)
  partner_ids <- [logariasmos | fold_name | ref pelatis by eponymia]
}
`;

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("named steps", () => {
  it("apply their steps to each use's input, and a row they cannot read is rejected by the field using them", async () => {
    const plan = emitPlan(analyze({ "steps.flitmap": STEPS, "main.flitmap": PACKAGE }));
    const double = await startSeededDouble("17.0");
    const state = temporaryDirectory("flitmap-steps-");
    const source = mkdtempSync(join(tmpdir(), "flitmap-steps-export-"));
    cleanups.push(
      () => double.stop(),
      state.remove,
      () => rmSync(source, { recursive: true, force: true }),
    );
    writeFileSync(join(source, "pelates.csv"), "id,eponymia\n30.00.0001,ΓΕΥΣΕΙΣ ΤΟΥ ΒΟΡΡΑ Ι.Κ.Ε.\n");
    writeFileSync(
      join(source, "energeies.csv"),
      [
        "id,thema,logariasmos,enarxi,lixi",
        "E1,Αυτοψία,Γεύσεις του Βορρά Ι.Κ.Ε.,28/8/2024 4:15 μ.μ.,28/8/2024 5:30 μ.μ.",
        "E2,ΈΛΕΓΧΟΣ,Γεύσεις του Βορρά Ι.Κ.Ε.,2/9/2024 12:15 π.μ.,",
        "E3,Κλήση,,σήμερα,",
        "",
      ].join("\n"),
    );
    const result = await runLive(plan, double, state.path, { sourceDirectory: source });
    expect(result.rejects.map((reject) => [reject.key, reject.reason])).toEqual([
      ["E3", "start: 'σήμερα' is not a date and time in the format d/M/yyyy h:mm a"],
    ]);
    const events = stateByXmlid(double, plan);
    // Athens is three hours ahead of UTC in summer: 4:15 in the afternoon is 13:15 UTC.
    expect(events["crm.synantisi_E1"]).toMatchObject({
      name: "ΑΥΤΟΨΙΑ",
      start: "2024-08-28 13:15:00",
      stop: "2024-08-28 14:30:00",
      partner_ids: ["crm.pelatis_30_2e_00_2e_0001"],
    });
    // 12:15 after midnight, and no end: an hour after the start.
    expect(events["crm.synantisi_E2"]).toMatchObject({ name: "ΕΛΕΓΧΟΣ", start: "2024-09-01 21:15:00", stop: "2024-09-01 22:15:00" });
  });
});
