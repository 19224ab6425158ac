/**
 * A deals file whose headers say nothing the lexicon knows, and whose titles repeat (an installer
 * sells the same few jobs: `Sistem VRF hotel` on many rows): the titles read as a pick-list, like
 * the source beside them, and were taken for the source, leaving the deal without the name Odoo
 * needs (every row without a customer refused). The wordiest column on nearly every row is the
 * title. Written for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { assignment, exportFile as file, proposalFor } from "./small-exports.js";

const STAGES = [
  ["Nou", "10"],
  ["Ofertat", "50"],
  ["Negociere", "80"],
  ["Castigat", "100"],
  ["Pierdut", "0"],
] as const;
const TITLES = ["Sistem VRF hotel", "Inlocuire coloane bloc", "Pompa de caldura vila", "Centrala termica apartament", "Ventilatie hala productie", "Climatizare birouri etaj"];
const SOURCES = ["Site web", "Recomandare", "Targ", "Telefon"];

/** Twenty deals, the source filled on most rows, the title on every row. */
function deals(): string {
  const rows = ["Qizvob;Daxuk;Vyxdok;Kixbod;Bogdax;Qubqak"];
  for (let index = 0; index < 20; index++) {
    const [stage, probability] = STAGES[index % 5] ?? STAGES[0];
    rows.push(
      [`OP-${100 + index}`, TITLES[Math.floor(index / 2) % 6], index % 6 === 5 ? "" : SOURCES[index % 4], stage, `${probability}%`, `${String(1 + index).padStart(2, "0")}.11.2025`].join(";"),
    );
  }
  return `${rows.join("\n")}\n`;
}

describe("a deals file whose titles repeat", () => {
  it("names each deal by its title, not by its source", () => {
    const proposal = proposalFor([file("oportunitati.csv", deals())]);
    expect(assignment(proposal, "oportunitati.csv", "name")).toBe("daxuk | trim");
    expect(assignment(proposal, "oportunitati.csv", "source_id")).not.toMatch(/^daxuk\b/);
  });
});
