/**
 * Rows named by a column other than their key (a head office by its Chamber of Commerce number, an
 * employer by its trade name): `flitmap init` declares that column `unique` and links with `| ref
 * company by COLUMN`, instead of a second entity keyed by it over the same file, which refused
 * every row whose number was blank. The policy for a value several rows hold is a specialist's:
 * the head office its namesake branches name as their parent, else a rejected row, never a guess.
 * Invented for this test (Dutch headers), from no export family.
 */
import { describe, expect, it } from "vitest";
import { assignment, exportFile as file, loadProposed, proposalFor } from "./small-exports.js";

// Two companies without a KvK number (a sole trader, a foundation); a head office and its branch
// sharing the trade name "Groot Installatie", the branch naming the head office by KvK.
const BEDRIJVEN = `Relatienr;Naam;KvK;Hoofdvestiging;Plaats
R-01;Groot Installatie;70011223;;Breda
R-02;Groot Installatie;70011224;70011223;Tilburg
R-03;Fietsenmaker Jansen;;;Amersfoort
R-04;Kapsalon Els;61100990;;Gouda
R-05;Stichting Buurtzorg Oost;;;Enschede
R-06;Drukkerij Mol;44332211;;Delft
R-07;Mol Print Leiden;44332212;44332211;Leiden
R-08;Slagerij Peters;51234567;;Haarlem
R-09;Garage Visser;52345678;;Ede
R-10;Optiek Meijer;53456789;;Zwolle
R-11;Bloemen Bakker;54567890;;Leiden
R-12;Slagerij Peters Noord;51234568;51234567;Haarlem
`;
const PERSONEN = `Persoonnr;Voornaam;Achternaam;Werkgever
P1;Anna;Bos;Groot Installatie
P2;Daan;Smit;Fietsenmaker Jansen
P3;Sem;Kok;Stichting Buurtzorg Oost
P4;Lotte;Vos;Drukkerij Mol
`;

describe("rows named by a unique column instead of their key", () => {
  it("declares the columns unique, the trade name a head office shares with its branch taking the head office", () => {
    const proposal = proposalFor([file("bedrijven.csv", BEDRIJVEN), file("personen.csv", PERSONEN)]);
    expect(assignment(proposal, "bedrijven.csv", "parent_id")).toBe("hoofdvestiging | ref company by kvk");
    expect(assignment(proposal, "personen.csv", "parent_id")).toBe("werkgever | ref company by naam");
    expect(proposal.uniqueColumns.map(({ column, ambiguous }) => `${column} ${ambiguous}`).sort()).toEqual(["kvk reject", "naam first"]);
    expect(proposal.uniqueColumns.find(({ column }) => column === "naam")?.comment).toBe(
      'other columns name Company rows by it; 1 value is shared by a head office and its branches ("Groot Installatie"), which name it as their parent: the head office, first in the file, is linked',
    );
  });

  it("loads the companies without a number, each person under the company it names, the branches under their head office", async () => {
    await loadProposed({ "bedrijven.csv": BEDRIJVEN, "personen.csv": PERSONEN }, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      const partners = sample.double.records("res.partner");
      const city = (id: unknown): unknown => partners.find((partner) => partner["id"] === (Array.isArray(id) ? id[0] : id))?.["city"];
      expect(partners.filter((partner) => partner["is_company"] === true && typeof partner["city"] === "string")).toHaveLength(12);
      const under = partners
        .filter((partner) => typeof partner["parent_id"] === "number" || Array.isArray(partner["parent_id"]))
        .map((partner) => `${String(partner["name"])} under ${String(city(partner["parent_id"]))}`);
      expect(under.sort()).toEqual([
        "Anna Bos under Breda",
        "Daan Smit under Amersfoort",
        "Groot Installatie under Breda",
        "Lotte Vos under Delft",
        "Mol Print Leiden under Delft",
        "Sem Kok under Enschede",
        "Slagerij Peters Noord under Haarlem",
      ]);
    });
  }, 60_000);

  it("rejects a row naming a trade name two unrelated companies share, with their keys, rather than guess", async () => {
    const namesakes = BEDRIJVEN.replace("R-02;Groot Installatie;70011224;70011223;Tilburg", "R-02;Groot Installatie;70011224;;Tilburg");
    const proposal = proposalFor([file("bedrijven.csv", namesakes), file("personen.csv", PERSONEN)]);
    expect(proposal.uniqueColumns.find(({ column }) => column === "naam")).toEqual({
      entity: "Company",
      column: "naam",
      ambiguous: "reject",
      comment:
        'other columns name Company rows by it; 1 value is held by several rows in the sample ("Groot Installatie"): a row naming one is rejected with the keys it could be, rather than linked to a guess',
    });
    await loadProposed({ "bedrijven.csv": namesakes, "personen.csv": PERSONEN }, (sample) => {
      expect(sample.first.rejects.map((reject) => `${reject.file?.split("/").pop() ?? ""}:${reject.line ?? 0} ${reject.reason}`)).toEqual([
        'personen.csv:2 parent_id: "Groot Installatie" names 2 Company rows by naam (keys "R-01", "R-02"): say which with `unique ambiguous first` or `last` on Company.naam, or give a value one row holds',
      ]);
      const names = sample.double.records("res.partner").map((partner) => partner["name"]);
      expect(["Anna Bos", "Daan Smit", "Lotte Vos", "Sem Kok"].filter((name) => names.includes(name))).toEqual(["Daan Smit", "Lotte Vos", "Sem Kok"]);
    });
  }, 60_000);
});
