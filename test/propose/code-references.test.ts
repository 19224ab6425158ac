/**
 * A column of another file's keys under a header that says nothing: codes of letters
 * (`AQUATECH`, `ARMATURAMAZO`) nearly all of which are that file's keys are no chance match, as
 * small numbers several files share may be, so the row's one column of such codes links the
 * records (a person's firm) rather than being left a TODO. Polish values under headers of no
 * language, invented for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { assignment, exportFile as file, proposalFor } from "./small-exports.js";

const FIRMS = `Dazkov;Xoxqeg;Qogdoz
AQUATECH;Aqua-Tech Sp. z o.o.;61 646 30 06
ARMATURAMAZO;Armatura Mazowsze Sp. z o.o.;63 591 93 15
GAZINSTALSER;Gaz-Instal-Serwis Sp. z o.o.;61 817 47 36
SLASKIEINSTA;Śląskie Instalacje S.A.;32 555 12 34
ZURAWBUDSTEP;Żuraw-Bud Stępień Sp.j.;22 111 22 33
`;

const PEOPLE = `Bagzux;Dizzov Bakvok;Vebduq;Dogveq;Qogdoz Daxdid;Buqqyq
40113;GAZINSTALSER;Paweł;Ratajczak;538 523 512;pawel.ratajczak@gazinstal.pl
40116;AQUATECH;Maria;Stępień;799 590 095;maria.stepien@aquatech.pl
40118;SLASKIEINSTA;Marcin;Jankowski;516 166 936;marcin.jankowski@slaskie.pl
40122;ZURAWBUDSTEP;Jan;Kowalczyk;791 919 215;jan.kowalczyk@zurawbud.pl
40125;ARMATURAMAZO;Anna;Nowak;601 222 333;anna.nowak@armatura.pl
40127;AQUATECH;Piotr;Zieliński;602 333 444;piotr.zielinski@aquatech.pl
`;

describe("a column of another file's keys written as codes of letters, its header saying nothing", () => {
  it("links each person to the firm whose key it holds", () => {
    const proposal = proposalFor([file("firmy.csv", FIRMS), file("osoby.csv", PEOPLE)]);
    expect(assignment(proposal, "osoby.csv", "parent_id")).toMatch(/^dizzov_bakvok \| ref \w+$/);
    // Nor are the codes, in capitals beside the given names, anyone's name.
    expect(assignment(proposal, "osoby.csv", "name")).toBe("`{vebduq} {dogveq}` | trim | required");
  });
});
