/**
 * Tables saved as text: a spreadsheet's "Unicode text" (UTF-16LE with its byte order mark, tabs,
 * CRLF, in a `.txt` file) and a `.tsv` are read as the export's files, a note beside them is not,
 * and a done column marked `x` stays readable when the source declares yes/no words of its own
 * (`ja`/`nein`) for another file. German, invented for this test, from no export family.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readExport } from "../../propose/read-export.js";
import { temporaryDirectory } from "../runtime/support.js";
import { loadProposed } from "./small-exports.js";

const KUNDEN = `Kundennr;Firmenname;Ort;Gesperrt
K1;Bäckerei Huber GmbH;München;nein
K2;Schreinerei Maier KG;Augsburg;ja
K3;Gärtnerei Lang;Passau;nein
K4;Druckhaus Weber GmbH;Regensburg;nein
`;

const AKTIVITAETEN = [
  "Nr\tDatum\tArt\tBetreff\tKundennr\tErledigt",
  "1\t2025-03-03\tAnruf\tAngebot nachfassen\tK1\tX",
  "2\t2025-03-04\tE-Mail\tPreisliste senden\tK2\t",
  "3\t2025-03-05\tAnruf\tTermin abstimmen\tK3\tX",
  "4\t2025-03-06\tAufgabe\tMuster schicken\tK4\t",
  "5\t2025-03-07\tAnruf\tRückfrage Lieferung\tK1\tX",
  "6\t2025-03-10\tAufgabe\tRechnung prüfen\tK2\tX",
].join("\r\n");

/** As Excel saves "Unicode text": UTF-16LE behind its byte order mark. */
function unicodeText(text: string): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${text}\r\n`, "utf16le")]);
}

const ANSPRECHPARTNER = "Nr\tName\tKundennr\tE-Mail\n1\tEva Huber\tK1\teva@huber.example\n2\tJonas Maier\tK2\tjonas@maier.example\n";
const LIESMICH = "Export vom 3. März, bitte in Odoo laden.\nDie Aktivitäten kommen aus dem Vertrieb, danke.\nGruß, Hans\n";

describe("tables saved as text", () => {
  it("are read whatever their encoding and delimiter, and a note beside them is not", async () => {
    const folder = temporaryDirectory("flitmap-text-exports-");
    try {
      writeFileSync(join(folder.path, "kunden.csv"), KUNDEN);
      writeFileSync(join(folder.path, "aktivitaeten.txt"), unicodeText(AKTIVITAETEN));
      writeFileSync(join(folder.path, "ansprechpartner.tsv"), ANSPRECHPARTNER);
      writeFileSync(join(folder.path, "liesmich.txt"), LIESMICH);
      writeFileSync(join(folder.path, "logo.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      const sample = await readExport(folder.path);
      expect(
        sample.files.map((file) => `${file.path}: ${file.encoding} ${JSON.stringify(file.delimiter)} ${file.headers.join("|")} (${file.rowCount})`),
      ).toEqual([
        'aktivitaeten.txt: utf-16le "\\t" Nr|Datum|Art|Betreff|Kundennr|Erledigt (6)',
        'ansprechpartner.tsv: utf-8 "\\t" Nr|Name|Kundennr|E-Mail (2)',
        'kunden.csv: utf-8 ";" Kundennr|Firmenname|Ort|Gesperrt (4)',
      ]);
      expect(sample.files[0]?.rows[4]).toEqual(["5", "2025-03-07", "Anruf", "Rückfrage Lieferung", "K1", "X"]);
      expect(sample.proseFiles).toEqual(["liesmich.txt"]);
      expect(sample.otherFiles).toEqual(["logo.png"]);
    } finally {
      folder.remove();
    }
  });

  it("load with their done column's x read as done beside the register's ja/nein: no row rejected", async () => {
    await loadProposed({ "kunden.csv": KUNDEN, "aktivitaeten.txt": unicodeText(AKTIVITAETEN) }, (sample) => {
      expect(sample.first.rejects.map((reject) => reject.reason)).toEqual([]);
      const activities = sample.double.records("mail.activity");
      expect(activities).toHaveLength(6);
      // Odoo 17 archives what is done.
      expect(activities.filter((activity) => activity["active"] === false)).toHaveLength(4);
    });
  });
});
