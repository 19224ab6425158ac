/**
 * Quotes and their lines whose headers are words no lexicon knows (a language init has never
 * seen): the day a quote was made and how long it holds, its note, its lines' quantity, unit price
 * and cascaded discount, read from the values (line-roles.ts, activity-roles.ts, discounts.ts);
 * and an activity's times of day, which Odoo's activity keeps no place for (leftovers.ts). Written
 * for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { assignment, exportFile as file, proposalFor } from "./small-exports.js";
import type { PackageProposal } from "../../propose/proposal.js";

const QUOTES = `Xoqxeb;Vubzib;Qavkyz;Qyzqiq;Vykvyd
2024/0001;03/02/2024;Finestre soggiorno;03/05/2024;Chiede tempi di consegna entro aprile.
2024/0002;10/02/2024;Porta blindata;10/05/2024;
2024/0003;17/02/2024;Zanzariere;17/05/2024;Prezzi IVA esclusa.
2024/0004;24/02/2024;Tapparelle;24/05/2024;
2024/0005;02/03/2024;Persiane;02/06/2024;Sopralluogo fatto, misure prese.
2024/0006;09/03/2024;Serramenti nuovi;09/06/2024;
`;

/** Three lines a quote, the second a line of text; quantities of a few pieces, prices in euros. */
function lines(): string {
  const rows = ["Xoqxeb;Bezvid;Byqbed;Kugbyk;Zyvxix;Kuzxyv"];
  const discounts = ["10+5", "", "20", "10+5+2", "", "5"];
  for (let quote = 1; quote <= 6; quote++) {
    const key = `2024/000${quote}`;
    rows.push(
      `${key};10;Finestra PVC ${quote};${quote % 3 === 0 ? "2,00" : "1,00"};${(572.4 * quote).toFixed(2).replace(".", ",")};${discounts[quote - 1] ?? ""}`,
    );
    rows.push(`${key};20;Trasporto compreso.;;;`);
    rows.push(`${key};30;Posa in opera ${quote};${quote};${(95.5 + quote).toFixed(2).replace(".", ",")};`);
  }
  return `${rows.join("\n")}\n`;
}

function ignored(proposal: PackageProposal, pattern: string, column: string): boolean {
  const declaration = proposal.entities.find((candidate) => candidate.entity.pattern === pattern)?.declaration;
  const bodies = declaration === undefined ? [] : declaration.kind === "map" ? [declaration.target.body] : declaration.targets.map((target) => target.body);
  return bodies.flat().some((line) => line.kind === "ignore" && line.column === column);
}

describe("quotes and their lines in a language no lexicon knows", () => {
  const proposal = proposalFor([file("offerte.csv", QUOTES), file("offerte_righe.csv", lines())]);
  const lineField = (field: string): string | undefined => {
    const declaration = proposal.entities.find((candidate) => candidate.entity.pattern === "offerte.csv")?.declaration;
    const children = declaration?.kind === "map" ? declaration.target.body.filter((line) => line.kind === "block") : [];
    for (const child of children) {
      if (child.kind !== "block") continue;
      for (const line of child.body) if (line.kind === "assign" && line.field === field) return line.expression;
    }
    return undefined;
  };

  it("take the date on every row, before the other, as the day the quote was made, the other as how long it holds", () => {
    expect(assignment(proposal, "offerte.csv", "date_order")).toMatch(/^vubzib\b/);
    expect(assignment(proposal, "offerte.csv", "validity_date")).toMatch(/^qyzqiq\b/);
  });

  it("take short sentences as the quote's note", () => {
    expect(assignment(proposal, "offerte.csv", "note")).toMatch(/^vykvyd\b/);
  });

  it("take a line's small whole numbers as its quantity and the larger ones on the same rows as its unit price", () => {
    expect(lineField("product_uom_qty")).toMatch(/^kugbyk\b/);
    expect(lineField("price_unit")).toMatch(/^zyvxix\b/);
  });

  it("take a line without a quantity, where no column gives the product, as a line of text with a price of 0", () => {
    expect(lineField("display_type")).toBe('if kugbyk is empty then "line_note"');
    expect(lineField("price_unit")).toBe("zyvxix ?? 0");
  });

  it("take a column of cascades as the discount, whatever its header", () => {
    expect(lineField("discount")).toMatch(/^kuzxyv \| /);
  });
});

describe("an activity's times of day under an unknown header", () => {
  const activities = ["Qizvob;Gixzug;Vyddax;Zubvyv;Gugbad"];
  for (let index = 1; index <= 8; index++) activities.push(`${index};0${index}/03/2024;${8 + index}:30;Richiamare ${index};${index % 2 === 0 ? "sì" : "no"}`);
  const proposal = proposalFor([file("attivita.csv", `${activities.join("\n")}\n`)]);

  it("are ignored: an activity has a day, not a time", () => {
    expect(ignored(proposal, "attivita.csv", "vyddax")).toBe(true);
  });
});
