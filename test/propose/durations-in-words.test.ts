/**
 * An agenda that gives how long each entry lasted in words (`1 h 30 min`, `45 min`, `2,5 h`), as
 * Finnish, Swedish or Hungarian CRMs write it, its kinds of activity and its states in Finnish
 * (`Tapaaminen`, `Työmaakäynti`, `Puhelu`; `Valmis`), and a moment on every row (a day alone on some): the lengths are read by the runtime's duration parser, whatever the
 * header, and the meetings and visits are calendar events ending when they end, the done calls and
 * e-mails notes in the chatter, the rest activities. Invented for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { agendaRows, durationsInWords } from "../../propose/agenda-rows.js";
import { profileEntities } from "../../propose/entities.js";
import { exportFile as file, loadProposed, proposalFor, targetLine } from "./small-exports.js";

const ACTIVITIES = `Nro;Laji;Asia;Alku;Kesto;Tila;Asiakas
1;Tapaaminen;Aloituspalaveri;3.2.2025 klo 9.00;1 h 30 min;Valmis;C1
2;Puhelu;Hintakysely;3.2.2025 klo 11.15;10 min;Valmis;C2
3;Työmaakäynti;Kartoitus;4.2.2025 klo 14.00;2,5 h;Avoin;C1
4;Sähköposti;Tarjous lähetetty;4.2.2025 klo 16.00;;Valmis;C3
5;Tehtävä;Tilaa osat;5.2.2025 klo 8.30;;Avoin;C2
6;Puhelu;Jälkisoitto;6.2.2025 klo 10.00;5 min;Avoin;C3
7;Tapaaminen;Luovutus;7.2.2025 klo 13.00;45 min;Avoin;C2
8;Tehtävä;Lähetä lasku;8.2.2025;;Valmis;C3
9;Puhelu;Muistutus maksusta;10.2.2025 klo 9.45;15 min;Valmis;C2
10;Sähköposti;Kuvat lähetetty;10.2.2025 klo 12.00;;Valmis;C1
11;Tehtävä;Päivitä hinnasto;11.2.2025;;Valmis;C1
12;Puhelu;Aikataulu;12.2.2025 klo 8.15;20 min;Valmis;C3
`;
const COMPANIES = `Tunnus;Nimi;Kaupunki
C1;Acme Oy;Tampere
C2;Bolt Oy;Turku
C3;Crane Oy;Oulu
`;
const FILES = { "aktiviteetit.csv": ACTIVITIES, "asiakkaat.csv": COMPANIES };

describe("an agenda whose durations are written in words", () => {
  const files = Object.entries(FILES).map(([name, text]) => file(name, text));

  it("reads lengths of time with their unit in any language the duration parser knows, not times of day", () => {
    const column = (values: string[]) => profileEntities({ files: [file("t.csv", `A\n${values.join("\n")}\n`)], otherFiles: [] })[0]?.columns[0];
    const read = (values: string[]): boolean => {
      const profiled = column(values);
      return profiled !== undefined && durationsInWords(profiled);
    };
    expect(read(["1 h 30 min", "45 min", "2,5 h", "", "90 min.", "20 min"])).toBe(true);
    expect(read(["1 tim", "30 min", "2 timmar", "15 min", "1 tim 15 min"])).toBe(true);
    // Times of day read as lengths of time too, but say no unit.
    expect(read(["9:30", "10:00", "14:15", "16:45", "8:00"])).toBe(false);
    expect(read(["2 kpl", "5 kpl", "1 kpl", "3 kpl", "4 kpl"])).toBe(false);
  });

  it("tells the meetings and visits by their Finnish words, and ends them by their length", () => {
    const diary = profileEntities({ files, otherFiles: [] }).find((entity) => entity.pattern === "aktiviteetit.csv");
    const agenda = diary === undefined ? undefined : agendaRows(diary);
    expect(agenda?.type.name).toBe("laji");
    expect([...(agenda?.eventValues ?? [])].sort()).toEqual(["Tapaaminen", "Työmaakäynti"]);
    expect(agenda?.end.name).toBe("kesto");
    expect(agenda?.moments).toMatchObject({ kind: "duration", minutes: 1, inWords: true });
    const declaration = proposalFor(files).entities.find((entity) => entity.entity.pattern === "aktiviteetit.csv")?.declaration;
    expect(declaration?.kind).toBe("split");
    if (declaration?.kind !== "split") return;
    const [event, message, activity] = declaration.targets;
    expect(event?.header).toMatch(/calendar\.event when laji in \["Tapaaminen", "Työmaakäynti"\]$/);
    expect(targetLine(event, "stop")).toBe('alku | add_minutes(kesto | duration("minutes") | integer ?? 60)');
    expect(message?.header).toMatch(/mail\.message when .* and tila = "Valmis"/);
    expect(activity?.header).toMatch(/mail\.activity when .* and tila != "Valmis"/);
  });

  it("loads the events ending when their length says", async () => {
    await loadProposed(FILES, (sample) => {
      expect(sample.first.rejects).toEqual([]);
      const events = sample.double.records("calendar.event").map((record) => `${String(record["stop"])}`);
      expect(events.sort()).toEqual(["2025-02-03 10:30:00", "2025-02-04 16:30:00", "2025-02-07 13:45:00"]);
      expect(
        sample.double
          .records("mail.activity")
          .map((record) => record["summary"])
          .sort(),
      ).toEqual(["Jälkisoitto", "Tilaa osat"]);
      // The done calls, e-mails and tasks: notes in their company's chatter, dated when they happened.
      const notes = sample.double.records("mail.message").filter((record) => record["message_type"] === "comment" && record["model"] === "res.partner");
      expect(notes.map((record) => String(record["date"])).sort()).toEqual([
        "2025-02-03 11:15:00",
        "2025-02-04 16:00:00",
        "2025-02-08 00:00:00",
        "2025-02-10 09:45:00",
        "2025-02-10 12:00:00",
        "2025-02-11 00:00:00",
        "2025-02-12 08:15:00",
      ]);
    });
  });
});
