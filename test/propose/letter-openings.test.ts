/**
 * A salutation column that is the opening of a letter, the person's name in it (Czech writes it in
 * the vocative: `Vážený pane Nováku`, `Vážená paní Dvořáková`), one per person: no form of address
 * Odoo's titles hold, but a text kept as written; a column of a few forms (`Pan`, `Paní`, `Dr.`)
 * stays the title. Invented for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { assignment, exportFile as file, proposalFor } from "./small-exports.js";

const SURNAMES = ["Novák", "Svoboda", "Dvořák", "Černý", "Procházka", "Kučera", "Veselý", "Horák", "Němec", "Marek", "Pokorný", "Král", "Beneš", "Fiala"];
const VOCATIVES = ["Nováku", "Svobodo", "Dvořáku", "Černý", "Procházko", "Kučero", "Veselý", "Horáku", "Němče", "Marku", "Pokorný", "Králi", "Beneši", "Fialo"];

function contacts(salutation: (index: number) => string): string {
  const rows = SURNAMES.map((surname, index) => `${index + 1};${salutation(index)};Jan;${surname};jan.${index}@firma.example`);
  return ["ID;Oslovení;Jméno;Příjmení;E-mail", ...rows].join("\n");
}

describe("a salutation column", () => {
  it("of letters' openings with each person's name is kept as text, not taken for a title", () => {
    const proposal = proposalFor([
      file(
        "kontakty.csv",
        contacts((index) => `Vážený pane ${VOCATIVES[index] ?? ""}`),
      ),
    ]);
    expect(assignment(proposal, "kontakty.csv", "title")).toBeUndefined();
    expect(assignment(proposal, "kontakty.csv", "x_osloveni")).toMatch(/^osloveni\b/);
  });

  it("of a few forms of address is the title", () => {
    const proposal = proposalFor([
      file(
        "kontakty.csv",
        contacts((index) => (index % 3 === 0 ? "Dr." : index % 2 === 0 ? "Pan" : "Paní")),
      ),
    ]);
    expect(assignment(proposal, "kontakty.csv", "title")).toMatch(/^osloveni\b/);
  });
});
