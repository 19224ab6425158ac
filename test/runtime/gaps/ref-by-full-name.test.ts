/**
 * A link by a full name to people whose names are in two columns (the Kundregister and Kartoteka
 * families' gap): a deal names its contact "Anna Maria Lind" where the people file holds `Förnamn`
 * "Anna Maria" and `Efternamn` "Lind". `kontakt | ref person by fornamn and efternamn` finds them;
 * before, one text by two columns was refused, and cutting the name at its first space
 * (`split(" ") | first`) missed every two-word first name.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { runPlan } from "../../../runtime/execute/run.js";
import { DryRunTarget } from "../../../runtime/targets/dry-run-target.js";
import { runPlanTests } from "../../../runtime/testing/plan-tests.js";
import { analyze, describe as describeDiagnostic } from "../../compiler/helpers.js";

const PACKAGE = (link: string): string => `migration kund { source kund  target odoo "17.0"  xmlid "kund" }
source kund {
  entity Person "personer.csv" key id {
    id        text
    fornamn   text required unique ambiguous first
    efternamn text required
  }
  entity Affar "affarer.csv" key nr {
    nr      text
    rubrik  text required
    kontakt text
  }
}
map Person -> res.partner as person {
  name <- [fornamn, efternamn] | join(" ") | required
}
map Affar -> crm.lead {
  name       <- rubrik
  partner_id <- ${link}
}
test "a contact by full name" {
  given Person { id "1"  fornamn "Anna Maria"  efternamn "Lind" }
  given Person { id "2"  fornamn "Anna"  efternamn "Maria Lind" }
  given Person { id "3"  fornamn "Peter"  efternamn "Lindström" }
  given Person { id "4"  fornamn "Peter"  efternamn "Lindström" }
  given Person { id "5"  fornamn "Karin"  efternamn "Ek" }
  given Affar { nr "A1"  rubrik "Broschyr"  kontakt "anna maria  LIND" }
  given Affar { nr "A2"  rubrik "Affischer"  kontakt "Peter Lindström" }
  given Affar { nr "A3"  rubrik "Visitkort"  kontakt "Karin Ek" }
  given Affar { nr "A4"  rubrik "Skyltar"  kontakt "Karin" }
  given Affar { nr "A5"  rubrik "Kuvert"  kontakt "Olle Ek" }
  expect crm.lead { name "Visitkort"  partner_id ref person "5" }
  expect crm.lead { name "Affischer"  partner_id ref person "3" }
  expect crm.lead { name "Skyltar"  partner_id false }
  expect crm.lead { name "Kuvert"  partner_id false }
}
`;

const FULL_NAME = "kontakt | ref person by fornamn and efternamn";

describe("a link by a full name to two name columns", () => {
  it("checks clean", () => {
    expect(analyze({ "main.flitmap": PACKAGE(FULL_NAME) }).diagnostics.map(describeDiagnostic)).toEqual([]);
  });

  it("links the person whose first and last names make the full name, wherever the name is cut", async () => {
    const results = await runPlanTests(emitPlan(analyze({ "main.flitmap": PACKAGE(FULL_NAME) })));
    expect(results.map((result) => [result.name, result.failures])).toEqual([["a contact by full name", []]]);
  });

  it("says which rows a full name names several times over, and which name no row makes", async () => {
    const directory = mkdtempSync(join(tmpdir(), "flitmap-full-name-"));
    try {
      writeFileSync(join(directory, "personer.csv"), "id,fornamn,efternamn\n1,Anna Maria,Lind\n2,Anna,Maria Lind\n3,Peter,Lindström\n");
      writeFileSync(
        join(directory, "affarer.csv"),
        "nr,rubrik,kontakt\nA1,Broschyr,anna maria  LIND\nA2,Affischer,Peter Lindström\nA4,Skyltar,Karin\nA5,Kuvert,Olle Ek\n",
      );
      const plan = emitPlan(analyze({ "main.flitmap": PACKAGE(FULL_NAME) }));
      const result = await runPlan({ plan, sourceDirectory: directory, target: new DryRunTarget() });
      expect(result.entities.map((entity) => [entity.entity, entity.loaded, entity.rejected])).toEqual([
        ["Person", 3, 0],
        ["Affar", 4, 0],
      ]);
      expect(result.notes.map((note) => [note.kind, note.count, note.examples])).toEqual([
        ["ref-ambiguous", 1, ['"anna maria LIND" names 2 Person rows by fornamn and efternamn (keys "1", "2"); the first was linked']],
        ["dangling-reference", 2, ['no Person row has fornamn and efternamn making "Karin"', 'no Person row has fornamn and efternamn making "Olle Ek"']],
      ]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("still refuses a value that is neither a pair nor a name", () => {
    const diagnostics = analyze({ "main.flitmap": PACKAGE("nr | integer | ref person by fornamn and efternamn  ignore kontakt") }).diagnostics.map(
      describeDiagnostic,
    );
    expect(diagnostics).toEqual([expect.stringContaining("or a full name as text, not")]);
  });
});
