/**
 * A check in a condition (Zonnedak's gap: `when iban | iban("NL", "flag") is present`): a mistyped
 * IBAN makes the condition false, so the row makes no bank account, and the check's flag, the only
 * word of what was dropped, went nowhere: the run said nothing of it. The condition's flag is told
 * in the run's notes, under the step and `when`, with the value; the row is still skipped by the
 * rule. A reference a condition finds empty (`when … | ref … is present`) is what the condition
 * asks, and stays untold. Run into the Odoo double and read back.
 */
import { afterEach, describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { analyze } from "../../compiler/helpers.js";
import { liveExport, runLive, stateByXmlid } from "../support.js";

const PACKAGE = `migration crm { source crm  target odoo "17.0"  xmlid "crm" }
source crm {
  entity Relatie "relaties.csv" key id {
    id    text
    naam  text required
    iban  text
    moeder text
  }
}
map Relatie -> res.partner as relatie {
  is_company = true
  name       <- naam
  ignore iban, moeder
}
map Relatie -> res.partner.bank as bank when iban | iban("NL", "flag") is present {
  acc_number <- iban | iban("NL")
  partner_id <- id | ref relatie
}
map Relatie -> res.partner as filiaal when moeder | ref relatie optional is present {
  name      <- \`{naam} (filiaal)\`
  parent_id <- moeder | ref relatie optional
}
`;

const RELATIONS = [
  "id,naam,iban,moeder",
  "R1,Bakker Bouw B.V.,NL91 ABNA 0417 1643 00,",
  "R2,Verhoeven & Zn. V.O.F.,NL91 ABNA 0417 1643 01,R1", // the IBAN mistyped: its check fails
  "R3,Jansen Installatie,,R9", // no IBAN; a head office the export lacks
].join("\n");

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("a check in a condition: what it flags is told, not lost", () => {
  it("skips the row with the mistyped IBAN, and the run's notes name the value under the step's when", async () => {
    const plan = emitPlan(analyze({ "main.flitmap": PACKAGE }));
    const { double, state, source, cleanup } = await liveExport("condition-flags", { "relaties.csv": RELATIONS });
    cleanups.push(cleanup);
    const result = await runLive(plan, double, state, { sourceDirectory: source });
    expect(result.status).toBe("complete");
    const banks = Object.keys(stateByXmlid(double, plan)).filter((xmlid) => xmlid.startsWith("crm.bank_"));
    expect(banks).toEqual(["crm.bank_R1"]);
    const told = result.notes.filter((note) => note.step === "bank" && note.field === "when");
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ kind: "flagged", count: 1 });
    expect(JSON.stringify(told[0]?.examples)).toContain("NL91 ABNA 0417 1643 01");
    // The head office the export lacks is what `is present` asks about: no note of the condition.
    expect(result.notes.filter((note) => note.step === "filiaal" && note.field === "when")).toEqual([]);
  });
});
