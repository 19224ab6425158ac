/**
 * An ERP's registry of contractors: firms, sole traders (a business under its owner's name, the
 * owner's names beside it) and private persons, told apart by a yes/no column (`Fyzická osoba`),
 * the organisation's name found from its values (legal forms: `s.r.o.`, `a.s.`) under a header the
 * lexicon does not know (`Subjekt`), a unit naming the contractor that pays for it by its code,
 * the salesperson by an operator's code (`PNOVY`).
 * Invented for this test (Czech headers), from no export family.
 */
import { describe, expect, it } from "vitest";
import { profileEntities } from "../../propose/entities.js";
import { hasLegalForm, namesOrganisations } from "../../propose/legal-forms.js";
import { mixedRows } from "../../propose/mixed-rows.js";
import { assignment, exportFile as file, loadProposed, proposalFor } from "./small-exports.js";

const ADRESAR = `Zkratka;Subjekt;Fyzická osoba;Jméno;Příjmení;IČO;Město;Plátce;Obchodník
AQUATERM;Aquaterm s.r.o.;ne;;;25123456;Brno;;PNOVY
STAVBY;Stavby Morava a.s.;ne;;;26234567;Olomouc;;JDVORAK
STAVBYZL;Stavby Morava a.s., závod Zlín;ne;;;26234567;Zlín;STAVBY;PNOVY
NOVAKP;Instalatérství Petr Novák;ne;Petr;Novák;71234567;Jihlava;;JDVORAK
KRALJ;Topenářství Jana Králová;ne;Jana;Králová;72345678;Třebíč;;ADMIN
HORAKV;Elektro Vít Horák;ne;Vít;Horák;73456789;Znojmo;;PNOVY
OBECLH;Obec Lhota;ne;;;00281234;Lhota;;JDVORAK
SKOLALH;Základní škola Lhota;ne;;;70981234;Lhota;OBECLH;PNOVY
DVORAKM;Dvořák Martin;ano;Martin;Dvořák;;Praha;;JDVORAK
SVOBODOVA;Svobodová Eva;ano;Eva;Svobodová;;Brno;;PNOVY
CERNYT;Černý Tomáš;ano;Tomáš;Černý;;Kolín;;JDVORAK
TEPLO;Teplo Plus spol. s r.o.;ne;;;27345678;Zlín;;PNOVY
`;

describe("a registry of firms, sole traders and private persons typed by a yes/no column", () => {
  it("tells names of organisations from their legal forms, in any language", () => {
    expect(["Aquaterm s.r.o.", "Aqua-Tech Sp. z o.o.", "Müller GmbH", "Acme Ltd", "ООО Ромашка", "Molinos del Sur S.A."].filter(hasLegalForm)).toHaveLength(6);
    expect(["Dvořák Martin", "Jan Kowalski", "Anna Co", "Obec Lhota"].filter(hasLegalForm)).toEqual(["Anna Co"]);
    expect(["Farkas és Társa Kkt.", "Király Dóra egyéni vállalkozó", "Mátra-Pék Zrt.", "Juhászné Sipos Mária"].filter(hasLegalForm)).toHaveLength(3);
    expect(["ΓΕΥΣΕΙΣ ΤΟΥ ΒΟΡΡΑ Ι.Κ.Ε.", "Ψυκτική Βορείου Ελλάδος Α.Ε.", "ΑΦΟΙ ΓΕΩΡΓΙΟΥ Ο.Ε.", "ΝΙΚΟΛΑΟΥ ΜΑΡΙΑ"].filter(hasLegalForm)).toHaveLength(3);
    expect(namesOrganisations(ADRESAR.split("\n").map((line) => line.split(";")[1] ?? ""))).toBe(true);
    expect(namesOrganisations(ADRESAR.split("\n").map((line) => line.split(";")[4] ?? ""))).toBe(false);
  });

  it("finds the yes/no column typing the rows and the organisation's name from its values", () => {
    const [registry] = profileEntities({ files: [file("adresar.csv", ADRESAR)], otherFiles: [] });
    const mixed = registry === undefined ? undefined : mixedRows(registry);
    expect(mixed?.organisationName.name).toBe("subjekt");
    expect(mixed?.typed?.column.name).toBe("fyzicka_osoba");
    expect(mixed?.typed?.organisationValues).toEqual(["ne"]);
    expect(mixed?.typed?.personValues).toEqual(["ano"]);
    expect(mixed?.typed?.employer).toBeUndefined();
  });

  it("proposes one partner a row, a company unless a natural person, named by the person's names or the firm's, under its payer", () => {
    const proposal = proposalFor([file("adresar.csv", ADRESAR)]);
    expect(proposal.entities[0]?.declaration?.kind).toBe("map");
    expect(assignment(proposal, "adresar.csv", "is_company")).toBe("not fyzicka_osoba");
    expect(assignment(proposal, "adresar.csv", "name")).toBe("(if fyzicka_osoba then `{jmeno} {prijmeni}` | trim) ?? subjekt | trim | required");
    expect(assignment(proposal, "adresar.csv", "parent_id")).toBe("platce | ref adresar");
    // The salesperson by the login-like code the ERP gives its operators, through a table of users' names to fill.
    expect(assignment(proposal, "adresar.csv", "user_id")).toBe("obchodnik | user_name | user_by_name");
  });

  it("loads every row as a named partner, the units under their payers", async () => {
    await loadProposed({ "adresar.csv": ADRESAR }, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      const partners = sample.double.records("res.partner").filter((partner) => typeof partner["city"] === "string");
      const nameOf = (id: unknown): unknown => partners.find((partner) => partner["id"] === (Array.isArray(id) ? id[0] : id))?.["name"];
      const described = partners.map(
        (partner) =>
          `${String(partner["name"])}${partner["is_company"] === true ? " (company)" : ""}${nameOf(partner["parent_id"]) === undefined ? "" : ` under ${String(nameOf(partner["parent_id"]))}`}`,
      );
      expect(described.sort()).toEqual([
        "Aquaterm s.r.o. (company)",
        "Elektro Vít Horák (company)",
        "Eva Svobodová",
        "Instalatérství Petr Novák (company)",
        "Martin Dvořák",
        "Obec Lhota (company)",
        "Stavby Morava a.s. (company)",
        "Stavby Morava a.s., závod Zlín (company) under Stavby Morava a.s.",
        "Teplo Plus spol. s r.o. (company)",
        "Tomáš Černý",
        "Topenářství Jana Králová (company)",
        "Základní škola Lhota (company) under Obec Lhota",
      ]);
    });
  });
});
