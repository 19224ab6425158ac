/**
 * The e-mail addresses of a handful of people, each on many rows, all at the firm's own domain,
 * are the staff who own the records, found as users by their e-mail, not the records' own
 * addresses, whatever the header says. Polish values under headers of no language, invented for
 * this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { assignment, exportFile as file, proposalFor } from "./small-exports.js";

const DEALS = `Bukgog;Xoxqeg;Xekgab;Vydvex;Quillo
SZ/2025/0001;Modernizacja kotłowni 1;10000,00;k.wojcik@instalterm.pl;klient1@example.pl
SZ/2025/0002;Dostawa armatury 2;35000,00;m.lewandowska@instalterm.pl;klient2@example.pl
SZ/2025/0003;Rekuperacja domu 3;60000,00;p.wisniewski@instalterm.pl;klient3@example.pl
SZ/2025/0004;Pompa ciepła 4;85000,00;k.wojcik@instalterm.pl;klient4@example.pl
SZ/2025/0005;Instalacja gazowa 5;10000,00;m.lewandowska@instalterm.pl;klient5@example.pl
SZ/2025/0006;Modernizacja kotłowni 6;35000,00;p.wisniewski@instalterm.pl;klient6@example.pl
SZ/2025/0007;Dostawa armatury 7;60000,00;k.wojcik@instalterm.pl;klient7@example.pl
SZ/2025/0008;Rekuperacja domu 8;85000,00;m.lewandowska@instalterm.pl;klient8@example.pl
SZ/2025/0009;Pompa ciepła 9;10000,00;p.wisniewski@instalterm.pl;klient9@example.pl
SZ/2025/0010;Instalacja gazowa 10;35000,00;k.wojcik@instalterm.pl;klient10@example.pl
SZ/2025/0011;Modernizacja kotłowni 11;60000,00;m.lewandowska@instalterm.pl;klient11@example.pl
SZ/2025/0012;Dostawa armatury 12;85000,00;p.wisniewski@instalterm.pl;klient12@example.pl
SZ/2025/0013;Rekuperacja domu 13;10000,00;k.wojcik@instalterm.pl;klient13@example.pl
SZ/2025/0014;Pompa ciepła 14;35000,00;m.lewandowska@instalterm.pl;klient14@example.pl
SZ/2025/0015;Instalacja gazowa 15;60000,00;p.wisniewski@instalterm.pl;klient15@example.pl
`;

describe("a handful of e-mail addresses at one domain, each on many rows", () => {
  it("are the records' owners, not their e-mail", () => {
    const proposal = proposalFor([file("szanse.csv", DEALS)]);
    expect(assignment(proposal, "szanse.csv", "user_id")).toMatch(/^vydvex \| user/);
    expect(assignment(proposal, "szanse.csv", "email_from")).toBe("quillo");
  });
});
