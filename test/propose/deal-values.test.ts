/**
 * A deals file whose headers are words no lexicon knows (a language init has never seen): its
 * values, the rows' probabilities and which rows a column is filled on say the stage, the amount,
 * the source, the lost reason and the lost status, the actual closing date, the contact's name and
 * the creation stamp (deal-roles.ts, done-status.ts). Written for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { assignment, exportFile as file, proposalFor } from "./small-exports.js";

const STAGES = [
  ["Erstkontakt", "10", "Zubzo"],
  ["Angebot", "50", "Zubzo"],
  ["Verhandlung", "80", "Zubzo"],
  ["Gewonnen", "100", "Kakla"],
  ["Verloren", "0", "Mimor"],
] as const;
const SOURCES = ["Messe", "Empfehlung", "Website", "Kaltakquise"];
const REASONS = ["Preis", "Termin"];
const PEOPLE = ["Anna Berg", "Peter Lind", "Karin Holm", "Jonas Falk", "Maria Stein", "Erik Moll", "Lena Brandt", "Tobias Kern", "Sara Wolf", "Felix Rau"];

/** Fifteen deals, three of each stage; the source comes before the amount, the amount before the stage. */
function deals(): string {
  const rows = ["Qizvob;Daxuk;Vyxdok;Kixbod;Bogdax;Qubqak;Zorrab;Qezqog;Gegqab;Qebxyq;Dugbez;Zedgud"];
  for (let index = 0; index < 15; index++) {
    const [stage, probability, status] = STAGES[index % 5] ?? STAGES[0];
    const closed = status !== "Zubzo";
    const day = String(1 + index).padStart(2, "0");
    rows.push(
      [
        `D-${100 + index}`,
        `Anlage ${index} für Kunde ${index % 7}`,
        SOURCES[index % 4],
        String(12000 + index * 7300),
        stage,
        probability,
        status,
        stage === "Verloren" ? (REASONS[index % 2] ?? "") : "",
        closed ? `${day}.09.2024` : "",
        `${day}.11.2024`,
        `${day}.01.2024 09:${day}`,
        index % 3 === 0 ? "" : (PEOPLE[index % 10] ?? ""),
      ].join(";"),
    );
  }
  return `${rows.join("\n")}\n`;
}

describe("a deals file in a language no lexicon knows", () => {
  const proposal = proposalFor([file("deals.csv", deals())]);
  const lines = (): string[] => {
    const declaration = proposal.entities.find((candidate) => candidate.entity.pattern === "deals.csv")?.declaration;
    return declaration?.kind === "map" ? declaration.target.body.map((line) => JSON.stringify(line)) : [];
  };

  it("takes as its stage the pick-list the probability follows, not the first one in the file", () => {
    expect(assignment(proposal, "deals.csv", "stage_id")).toMatch(/^bogdax\b/);
  });

  it("reads large numbers without a currency as the expected revenue, not as post codes beside a town", () => {
    expect(assignment(proposal, "deals.csv", "expected_revenue")).toBe("kixbod");
    expect(assignment(proposal, "deals.csv", "zip")).toBeUndefined();
    expect(assignment(proposal, "deals.csv", "city")).toBeUndefined();
  });

  it("takes another pick-list on every row as the source", () => {
    expect(assignment(proposal, "deals.csv", "source_id")).toMatch(/^vyxdok\b/);
  });

  it("takes a pick-list filled on the rows of one stage only as the lost reason", () => {
    expect(assignment(proposal, "deals.csv", "lost_reason_id")).toMatch(/^qezqog\b/);
  });

  it("archives the deals of the status whose probability is always 0", () => {
    expect(assignment(proposal, "deals.csv", "active")).toBe('zorrab != "Mimor"');
  });

  it("takes a date filled on won and lost deals only as the closing date, the one on every row as the deadline", () => {
    expect(assignment(proposal, "deals.csv", "date_closed")).toMatch(/^gegqab\b/);
    expect(assignment(proposal, "deals.csv", "date_deadline")).toMatch(/^qebxyq\b/);
  });

  it("takes people's names, one each, as the contact's name", () => {
    expect(assignment(proposal, "deals.csv", "contact_name")).toMatch(/^zedgud\b/);
  });

  it("ignores the one moment on every row, the creation stamp Odoo keeps its own of", () => {
    expect(lines().some((line) => line.includes('"ignore"') && line.includes("dugbez"))).toBe(true);
  });
});
