/**
 * A Czech CRM's agenda: a moment on every row as Czechs write it (`7. 2. 2025 9:05`), how long it
 * lasted in words (`45 min`, `1 hod`), its kinds in Czech. Meetings (schůzka) and visits on site to
 * measure up (zaměření) are appointments; calls (telefonát), e-mails and tasks (úkol) are not.
 * Invented for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { agendaRows } from "../../propose/agenda-rows.js";
import { profileEntities } from "../../propose/entities.js";
import { exportFile as file } from "./small-exports.js";

const AKTIVITY = `ID;Typ;Předmět;Začátek;Trvání;Hotovo;Firma
1;Schůzka;Úvodní schůzka;3. 2. 2025 9:00;1 hod;Ano;F01
2;Telefonát;Dotaz na cenu;3. 2. 2025 11:15;5 min;Ano;F02
3;Zaměření;Zaměření kuchyně;4. 2. 2025 14:00;1 hod 30 min;Ne;F01
4;E-mail;Poslat nabídku;4. 2. 2025 16:00;;Ano;F03
5;Úkol;Objednat kování;5. 2. 2025 8:30;;Ne;F02
6;Telefonát;Připomenutí zálohy;6. 2. 2025 10:00;10 min;Ne;F03
7;Zaměření;Zaměření schodiště;6. 2. 2025 12:00;45 min;Ano;F02
8;Schůzka;Předání zakázky;7. 2. 2025 13:00;2 hod;Ne;F01
`;

describe("a Czech agenda", () => {
  it("makes its meetings and its visits on site appointments, and its calls, e-mails and tasks activities", () => {
    const [entity] = profileEntities({ files: [file("aktivity.csv", AKTIVITY)], otherFiles: [] });
    const agenda = entity === undefined ? undefined : agendaRows(entity);
    expect(agenda?.start.name).toBe("zacatek");
    expect([...(agenda?.eventValues ?? [])].sort()).toEqual(["Schůzka", "Zaměření"]);
    expect([...(agenda?.activityValues ?? [])].sort()).toEqual(["E-mail", "Telefonát", "Úkol"]);
  });
});
