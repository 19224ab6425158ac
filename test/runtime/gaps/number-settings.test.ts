/**
 * A rate given to a run (issue 16, Ügyféltár's gap 10): the euro rate was the number 395 written
 * in the map, since a `setting` held text for target conditions only. `setting eur 395` declares a
 * number with its default, `setting eur` reads it in any expression, and `--set eur=401` gives a
 * run the rate of the day; a value that is not a number is an error before anything moves. Run
 * into the Odoo double and read back.
 */
import { afterEach, describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { analyze, describe as describeDiagnostic } from "../../compiler/helpers.js";
import { liveExport, runLive, stateByXmlid } from "../support.js";

const PACKAGE = `migration crm {
  source crm
  target odoo "17.0"
  xmlid "crm"
  setting eur 395
  setting round_to 0.5
}
source crm {
  entity Eladas "eladasok.csv" key id {
    id       text
    nev      text
    osszeg   decimal
    penznem  text
  }
}
map Eladas -> crm.lead as eladas {
  name             <- nev
  expected_revenue <- if penznem = "EUR" then osszeg * setting eur else osszeg
  probability      <- setting round_to * 100
}
`;

const SALES = ["id,nev,osszeg,penznem", "S1,Euróban,1000,EUR", "S2,Forintban,250000,HUF"].join("\n");

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function load(settings: Record<string, string>) {
  const analysis = analyze({ "main.flitmap": PACKAGE }, { settings });
  const plan = emitPlan(analysis);
  const { double, state, source, cleanup } = await liveExport("number-settings", { "eladasok.csv": SALES });
  cleanups.push(cleanup);
  const result = await runLive(plan, double, state, { sourceDirectory: source });
  expect(result.status).toBe("complete");
  return Object.fromEntries(Object.entries(stateByXmlid(double, plan)).map(([xmlid, values]) => [xmlid, [values["expected_revenue"], values["probability"]]]));
}

describe("a setting that is a number", () => {
  it("is read in expressions with its default, and a run may give it another value", async () => {
    expect(await load({})).toEqual({ "crm.eladas_S1": [395000, 50], "crm.eladas_S2": [250000, 50] });
    expect(await load({ eur: "401" })).toEqual({ "crm.eladas_S1": [401000, 50], "crm.eladas_S2": [250000, 50] });
  });

  it("is type-checked: a value that is not a number, or not a whole one where the default is, is an error at the use", () => {
    const errors = (settings: Record<string, string>): string[] =>
      analyze({ "main.flitmap": PACKAGE }, { settings })
        .diagnostics.filter((diagnostic) => diagnostic.severity === "error")
        .map(describeDiagnostic);
    expect(errors({ eur: "401,5" })).toEqual([
      'main.flitmap:18:56-18:67 error FM304 setting eur is a whole number (declared 395), not "401,5": give it `--set eur=395` or another',
    ]);
    expect(errors({ round_to: "0.25" })).toEqual([]);
    expect(
      analyze({ "main.flitmap": PACKAGE.replace("osszeg * setting eur", "osszeg * setting usd") })
        .diagnostics.filter((diagnostic) => diagnostic.severity === "error")
        .map(describeDiagnostic),
    ).toEqual(['main.flitmap:18:64-18:67 error FM210 the migration declares no setting usd: declare it with `setting usd "value"` in the migration block']);
  });
});
