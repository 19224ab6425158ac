/**
 * A file of people whose name and headers say nothing the lexicon knows: given names and surnames
 * side by side, beside e-mail addresses and phones, are people, though their rows also hold a
 * date, a yes/no (a consent), a line of text and a link to their firm, as activities' rows do.
 * Swedish values under headers of no language, invented for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { profileEntities } from "../../propose/entities.js";
import { exportFile as file } from "./small-exports.js";

const FIRMS = `Bax;Quorn Vimmel;Flimber
1001;Karlssons Design AB;08-123 456 70
1002;Lindströms VVS Service AB;031-765 43 21
1003;Bergs Bygg & Måleri AB;040-222 33 44
1004;Nordkyl Aktiebolag;090-555 66 77
`;

const PEOPLE = `Zix;Wemp;Dralk;Bax;Snorv;Flimber;Quillo;Jappa;Tromb
20001;Maria;Lindberg;1001;Ekonomiansvarig;076-285 40 29;maria.lindberg@karlssonsdesign.se;Ja;2024-09-06
20002;Åsa;Olsson;1002;Inköpare;073-907 26 86;asa.olsson@lindstromsvvs.se;Nej;2024-10-11
20003;Johan;Berg;1003;Platschef;070-111 22 33;johan.berg@bergsbygg.se;Ja;2025-01-15
20004;Erik;Nyström;1004;Servicechef;072-444 55 66;erik.nystrom@nordkyl.se;Nej;2025-02-03
20005;Karin;Holm;1001;Vd;076-777 88 99;karin.holm@karlssonsdesign.se;Ja;2025-03-20
20006;Lars;Ek;1002;Montör;073-222 11 00;lars.ek@lindstromsvvs.se;Nej;2025-04-08
`;

describe("people told by their given names and surnames beside e-mails and phones", () => {
  it("are people, not activities, whatever dates, flags and links their rows hold", () => {
    const people = profileEntities({ files: [file("firmor.csv", FIRMS), file("qzx.csv", PEOPLE)], otherFiles: [] }).find(
      (entity) => entity.pattern === "qzx.csv",
    );
    expect(people?.kind).toBe("person");
  });
});
