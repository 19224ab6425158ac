/**
 * Exports in a code page other than Windows-1252: `flitmap init` reads a file that is not UTF-8
 * in the code page the reader tells from its words (Slovak in Windows-1250, Russian in
 * Windows-1251), and declares it on the entity, so that the package says what the export is.
 * Invented for this test (Slovak, Russian and French words), from no export family.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { readExport } from "../../propose/read-export.js";
import { temporaryDirectory } from "../runtime/support.js";
import { columnLine, proposeExport } from "./small-exports.js";

const SLOVAK = `Kód;Obchodné meno;Mesto;Poznámka
F01;Poľnohospodárska spoločnosť Žilina s.r.o.;Žilina;Veľkoodberateľ
F02;Ďalšia spoločnosť Košice a.s.;Košice;Platí včas
F03;Stavebniny Ľubochňa s.r.o.;Ľubochňa;Nová zmluva
F04;Tesárstvo Poľana;Brezno;Ťažká doprava
`;

const RUSSIAN = `Код;Название;Город;Телефон
1;ООО Ромашка;Москва;+7 495 123 45 67
2;АО Северный ветер;Санкт-Петербург;+7 812 765 43 21
3;ИП Иванов;Казань;+7 843 222 33 44
`;

const FRENCH = `Code;Raison sociale;Ville
C1;Société Générale de Crème;Besançon
C2;Œuvres du Cœur;Orléans
C3;Garçon & Frère;Évreux
`;

describe("the code page of a file that is not UTF-8", () => {
  it("is read in it, and declared on its entity beside the others' UTF-8 and Windows-1252", async () => {
    const folder = temporaryDirectory("flitmap-code-pages-");
    try {
      writeFileSync(join(folder.path, "firmy.csv"), iconv.encode(SLOVAK, "windows-1250"));
      writeFileSync(join(folder.path, "klienty.csv"), iconv.encode(RUSSIAN, "windows-1251"));
      writeFileSync(join(folder.path, "clients.csv"), iconv.encode(FRENCH, "windows-1252"));
      const sample = await readExport(folder.path);
      expect(sample.files.map((file) => `${file.path}: ${file.encoding} ${file.headers.join("|")}`)).toEqual([
        "clients.csv: windows-1252 Code|Raison sociale|Ville",
        "firmy.csv: windows-1250 Kód|Obchodné meno|Mesto|Poznámka",
        "klienty.csv: windows-1251 Код|Название|Город|Телефон",
      ]);
      expect(sample.files[1]?.rows[0]?.[1]).toBe("Poľnohospodárska spoločnosť Žilina s.r.o.");
      const proposed = await proposeExport(folder.path, { "kontakty.csv": "Meno;Firma\nJán Ďurica;F01\n" });
      const text = proposed.files.map((file) => file.text).join("\n");
      expect(text).toMatch(/entity \w+ "firmy\.csv" key kod \{\n\s+csv \{ encoding "windows-1250" \}/);
      expect(text).toMatch(/entity \w+ "klienty\.csv" key \w+ \{\n\s+csv \{ encoding "windows-1251" \}/);
      expect(text).not.toMatch(/"clients\.csv" key code \{\n\s+csv/);
      expect(columnLine(proposed, "obchodne_meno")).toContain('"Obchodné meno"');
    } finally {
      folder.remove();
    }
  });
});

// Greek in Windows-1253: the customers' and suppliers' files hold small accented letters, which
// read as Greek alone; the salespeople's holds capitals and unaccented words, which read as
// Cyrillic letters as well as Greek ones.
const GREEK_CUSTOMERS = `Κωδικός;Επωνυμία;Πόλη;Παρατηρήσεις
30.00.0001;ΓΕΥΣΕΙΣ ΤΟΥ ΒΟΡΡΑ Ι.Κ.Ε.;ΘΕΣΣΑΛΟΝΙΚΗ;Πληρώνει πάντα στην ώρα του
30.00.0002;ΑΦΟΙ ΓΕΩΡΓΙΟΥ Ο.Ε.;ΚΑΤΕΡΙΝΗ;Ζητά έκπτωση
`;
const GREEK_SUPPLIERS = `Κωδικός;Επωνυμία;Σημείωση
50.00.0001;ΨΥΚΤΙΚΑ ΜΕΡΗ Α.Ε.;Παράδοση σε δύο ημέρες
50.00.0002;ΗΛΕΚΤΡΙΚΑ ΒΟΡΕΙΟΥ Ε.Π.Ε.;Τιμές χωρίς ΦΠΑ
`;
const GREEK_STAFF = `Κωδικός;Επώνυμο;Όνομα;Ενεργός
01;ΠΑΠΑΔΑΚΗΣ;ΓΕΩΡΓΙΟΣ;Ναι
02;ΤΣΑΚΙΡΗ;ΕΛΕΝΗ;Ναι
03;ΚΑΛΟΓΗΡΟΥ;ΑΝΤΩΝΙΟΣ;Όχι
`;

describe("a file whose words read as well in two code pages", () => {
  it("is read in the code page of the export's other files", async () => {
    const folder = temporaryDirectory("flitmap-code-pages-");
    try {
      writeFileSync(join(folder.path, "PELATES.CSV"), iconv.encode(GREEK_CUSTOMERS, "windows-1253"));
      writeFileSync(join(folder.path, "PROMITHEFTES.CSV"), iconv.encode(GREEK_SUPPLIERS, "windows-1253"));
      writeFileSync(join(folder.path, "PWLHTES.CSV"), iconv.encode(GREEK_STAFF, "windows-1253"));
      const sample = await readExport(folder.path);
      expect(sample.files.map((file) => `${file.path}: ${file.encoding} ${file.headers.join("|")}`)).toEqual([
        "PELATES.CSV: windows-1253 Κωδικός|Επωνυμία|Πόλη|Παρατηρήσεις",
        "PROMITHEFTES.CSV: windows-1253 Κωδικός|Επωνυμία|Σημείωση",
        "PWLHTES.CSV: windows-1253 Κωδικός|Επώνυμο|Όνομα|Ενεργός",
      ]);
      expect(sample.files[2]?.rows[2]).toEqual(["03", "ΚΑΛΟΓΗΡΟΥ", "ΑΝΤΩΝΙΟΣ", "Όχι"]);
    } finally {
      folder.remove();
    }
  });
});
