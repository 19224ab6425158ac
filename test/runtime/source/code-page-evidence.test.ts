/**
 * Telling a file's single-byte code page from its words: every code page reads every other's bytes,
 * so only the text can say that "D¹browski" was "Dąbrowski". Real sentences of each language,
 * encoded as the systems of its country write them.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import type { CodePage } from "../../../compiler/value-formats.js";
import { CodePageScanner, contradictingCodePage, detectCodePage, type CodePageEvidence } from "../../../runtime/source/code-page-evidence.js";
import { probeFile } from "../../../runtime/source/probe.js";
import { FAMILY_SAMPLE, generateFamily } from "../../../mappings/generators/families/index.js";

function evidenceOf(text: string, codePage: CodePage, chunkSize = 7): CodePageEvidence {
  const bytes = iconv.encode(text, codePage === "latin-1" ? "latin1" : codePage);
  const scanner = new CodePageScanner();
  // Small chunks: a word cut between two chunks is still one word.
  for (let start = 0; start < bytes.length; start += chunkSize) scanner.feed(bytes.subarray(start, start + chunkSize));
  return scanner.finish();
}

const WRITTEN: readonly { readonly language: string; readonly codePage: CodePage; readonly text: string }[] = [
  { language: "Polish", codePage: "windows-1250", text: "Dąbrowski Mariusz;ul. Świętokrzyska 12;Łódź\nŻółw i Ślimak Sp. z o.o.;Poznań;Gdańsk\n" },
  { language: "Czech", codePage: "windows-1250", text: "Dvořák Jiří;Příčná 4;Plzeň\nČeská pojišťovna;Ústí nad Labem\n" },
  { language: "Hungarian", codePage: "windows-1250", text: "Kovács Ödön kőműves;Győr\nPénzügyőr utca 3;Szőlő Kft.\n" },
  { language: "Czech in ISO-8859-2", codePage: "iso-8859-2", text: "Šťastný Luboš;Žabovřesky;Brno\nŘeznictví Čermák;Jihlava\n" },
  { language: "Russian and Ukrainian", codePage: "windows-1251", text: "ООО Тепло;Москва\nКиїв;вулиця Хрещатик\n" },
  { language: "Greek", codePage: "windows-1253", text: "Αθήνα;Θεσσαλονίκη\nΠαπαδόπουλος Α.Ε.\n" },
  { language: "Turkish", codePage: "windows-1254", text: "Güneş Işık A.Ş.;İzmir\nAğaoğlu Gümüş;Şişli\n" },
  { language: "Lithuanian", codePage: "windows-1257", text: "Panevėžys;Klaipėda\nĄžuolas UAB;Šiauliai\n" },
];

const WESTERN: readonly { readonly language: string; readonly text: string }[] = [
  { language: "French", text: "Société Générale;crème brûlée;Noël\ngarçon;œuvre;naïve;déjà;Hôtel-Dieu;Rivière\n" },
  { language: "German", text: "Müller GmbH;Straße 5;Größe\nKöln;Düsseldorf;Bäckerei Schäfer\n" },
  { language: "Spanish and Portuguese", text: "Peña;Cañón;Señora Núñez;Nº 5\nSão Paulo;Informações;Conceição;João\n" },
  { language: "Danish, Swedish and Finnish", text: "Søren Kierkegaard;Århus;Æblegade\nÅke Lindström;Göteborg;Jyväskylä\n" },
  { language: "Dutch and Italian", text: "Zoë van Dijk;coördinatie;België\nPerché;città;Cefalù\n" },
];

describe("the code page of a file auto found not to be UTF-8", () => {
  it.each(WRITTEN)("is told from the words of a $language export ($codePage)", ({ codePage, text }) => {
    // Czech in ISO-8859-2 uses bytes Windows-1250 reads the same way: either reads it right.
    expect(detectCodePage(evidenceOf(text, codePage)).codePage).toMatch(codePage === "iso-8859-2" ? /^(iso-8859-2|windows-1250)$/ : codePage);
  });

  it("tells ISO-8859-2 from Windows-1250 where their bytes differ", () => {
    expect(detectCodePage(evidenceOf("Šťastný Luboš;Žabovřesky;Śląsk;Ąę\n", "iso-8859-2")).codePage).toBe("iso-8859-2");
  });

  it.each(WESTERN)("stays Windows-1252 for a $language export", ({ text }) => {
    const detected = detectCodePage(evidenceOf(text, "windows-1252"));
    expect(detected.codePage).toBe("windows-1252");
    expect(detected.western.misread).toBe(0);
  });

  it("stays Windows-1252 for a file whose only odd words are symbols every code page misreads", () => {
    expect(detectCodePage(evidenceOf("Fläche 20 m²;n° 12;Café;5½ Zimmer\n", "windows-1252")).codePage).toBe("windows-1252");
  });

  it("takes the code page that defines every byte when Windows-1252 leaves one undefined", () => {
    // Windows-1250's Ź is 0x8F, undefined in Windows-1252; a single word is enough then.
    expect(detectCodePage(evidenceOf("Źle\n", "windows-1250")).codePage).toBe("windows-1250");
  });

  it("reads the generated Kartoteka registry (a Polish ERP's Windows-1250) as Windows-1250", async () => {
    const parent = mkdtempSync(join(tmpdir(), "flitmap-code-page-"));
    try {
      generateFamily("kartoteka", FAMILY_SAMPLE, parent);
      expect(readdirSync(parent)).toContain("kontrahenci.csv");
      const registry = await probeFile(join(parent, "kontrahenci.csv"), "auto", "auto");
      expect(registry.encoding).toBe("windows-1250");
      const people = await probeFile(join(parent, "crm_osoby.csv"), "auto", "auto");
      expect(people.encoding).toBe("utf-8");
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});

describe("a declared code page the file's words contradict", () => {
  it.each(WRITTEN.filter(({ codePage }) => codePage !== "iso-8859-2"))("is found when a $language export is declared windows-1252", ({ codePage, text }) => {
    expect(contradictingCodePage(evidenceOf(text, codePage), "windows-1252")?.better.codePage).toBe(codePage);
  });

  it.each(WESTERN)("is not found in a $language export declared windows-1252", ({ text }) => {
    expect(contradictingCodePage(evidenceOf(text, "windows-1252"), "windows-1252")).toBeNull();
  });

  it("is not found on one odd word: a single name does not overrule the declaration", () => {
    expect(contradictingCodePage(evidenceOf("Bakker;Utrecht\nD¹browski;Delft\n", "windows-1252"), "windows-1252")).toBeNull();
  });

  it("is found when Latin-1 is declared for Windows-1252 text (its 0x80-0x9F are control codes)", () => {
    expect(contradictingCodePage(evidenceOf("œuvre;Œdipe;cœur;sœur\n", "windows-1252"), "latin-1")?.better.codePage).toBe("windows-1252");
  });
});
