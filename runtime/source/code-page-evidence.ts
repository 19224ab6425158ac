/**
 * Which single-byte code page a file's text was written in, told from its words. Every code page's
 * high bytes are valid in the others, so no byte check can tell a Polish file in Windows-1250 from
 * Windows-1252: read as Windows-1252, "Dąbrowski" is "D¹browski" and "Łódź" is "£ódŸ", and the
 * rows load with the letters changed. A word read in the right code page holds letters of one
 * language's alphabet; read in a wrong one it holds symbols inside words or letters no language
 * writes together. Pure: callers feed bytes.
 */

import type { CodePage } from "../../compiler/value-formats.js";
import { highHalf } from "./decode.js";

/** A word holding bytes above ASCII, as its bytes' Latin-1 characters, with how often it occurs. */
interface WordTally {
  count: number;
  readonly line: number;
}

export interface CodePageEvidence {
  /** Occurrences of each byte 0x80-0xFF anywhere in the file. */
  readonly highBytes: readonly number[];
  /** Words (runs of ASCII letters and bytes above ASCII) holding a byte above ASCII, keyed by their Latin-1 reading. */
  readonly words: ReadonlyMap<string, { readonly count: number; readonly line: number }>;
}

/** Distinct words kept; later new words are not counted (a file's vocabulary shows long before). */
const MAX_WORDS = 20_000;

function isAsciiLetter(byte: number): boolean {
  return (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
}

/** Collects the evidence over a file's chunks; a word may straddle two chunks. */
export class CodePageScanner {
  private readonly highBytes: number[] = new Array<number>(128).fill(0);
  private readonly words = new Map<string, WordTally>();
  /** The start of a word cut off by the last chunk's end, as Latin-1 characters. */
  private carried = "";
  private wordLine = 1;
  private wordHigh = false;
  private line = 1;

  feed(chunk: Uint8Array): void {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    // Only words holding a byte above ASCII are made into strings: most words of a file are not.
    let start = this.carried === "" ? -1 : 0;
    for (let index = 0; index < bytes.length; index++) {
      const byte = bytes[index] ?? 0;
      if (byte >= 0x80) {
        this.highBytes[byte - 0x80] = (this.highBytes[byte - 0x80] ?? 0) + 1;
        this.wordHigh = true;
      } else if (!isAsciiLetter(byte)) {
        if (start >= 0) this.endWord(bytes, start, index);
        start = -1;
        if (byte === 0x0a) this.line++;
        continue;
      }
      if (start < 0) {
        start = index;
        this.wordLine = this.line;
      }
    }
    this.carried = start < 0 ? "" : this.carried + bytes.toString("latin1", start);
  }

  private endWord(bytes: Buffer, start: number, end: number): void {
    const length = this.carried.length + end - start;
    // A lone byte is no word ("½" and "œ" are as likely): it tells nothing of the code page.
    if (this.wordHigh && length > 1) {
      const word = this.carried + bytes.toString("latin1", start, end);
      const known = this.words.get(word);
      if (known !== undefined) known.count++;
      else if (this.words.size < MAX_WORDS) this.words.set(word, { count: 1, line: this.wordLine });
    }
    this.carried = "";
    this.wordHigh = false;
  }

  finish(): CodePageEvidence {
    this.endWord(Buffer.alloc(0), 0, 0);
    return { highBytes: this.highBytes, words: this.words };
  }
}

/** The letters above ASCII each language writes (lower case), grouped by the code pages that hold them. */
const WESTERN = [
  "àâæçéèêëîïôœùûüÿ",
  "äöüß",
  "áéíóúüñªº",
  "áâãàçéêíóôõúªº",
  "àèéìíîòóùúªº",
  "àçéèíïòóúü",
  "áéíóúàèëïöüäâêîôû",
  "æøåéóô",
  "åäöé",
  "äöåšž",
  "áðéíóúýþæö",
  "äõöüšž",
];
const CENTRAL = ["ąćęłńóśźż", "áčďéěíňóřšťúůýž", "áäčďéíĺľňóôŕšťúýž", "áéíóöőúüű", "čšž", "čćđšž", "ăâîșțşţ", "äöüß", "çë"];
const TURKISH = ["çğıöşüâîûİ", ...WESTERN];
const BALTIC = ["ąčęėįšųūž", "āčēģīķļņšūž", "äõöüšž", "äöüß", "ąćęłńóśźż", "æøåé"];

type Alphabets = { readonly kind: "languages"; readonly languages: readonly string[] } | { readonly kind: "script"; readonly script: RegExp };

const ALPHABETS_BY_CODE_PAGE: Readonly<Record<CodePage, Alphabets>> = {
  "windows-1252": { kind: "languages", languages: WESTERN },
  "latin-1": { kind: "languages", languages: WESTERN },
  "iso-8859-15": { kind: "languages", languages: WESTERN },
  "windows-1250": { kind: "languages", languages: CENTRAL },
  "iso-8859-2": { kind: "languages", languages: CENTRAL },
  "windows-1251": { kind: "script", script: /^\p{Script=Cyrillic}$/u },
  "windows-1253": { kind: "script", script: /^\p{Script=Greek}$/u },
  "windows-1254": { kind: "languages", languages: TURKISH },
  "windows-1257": { kind: "languages", languages: BALTIC },
};

/** The code pages detection weighs, in the order a tie goes (Latin-1 reads as Windows-1252 does, bar control codes). */
export const DETECTED_CODE_PAGES: readonly CodePage[] = [
  "windows-1252",
  "windows-1250",
  "windows-1251",
  "windows-1253",
  "windows-1254",
  "windows-1257",
  "iso-8859-2",
  "iso-8859-15",
];

const LETTER = /^\p{L}$/u;
const LOWER = /^\p{Ll}$/u;
const UPPER = /^\p{Lu}$/u;

/** Each alphabet in both cases (`İ` has no lower case of one character, so it is written out). */
function bothCases(alphabets: Alphabets): Alphabets {
  return alphabets.kind === "script" ? alphabets : { kind: "languages", languages: alphabets.languages.map((letters) => letters + letters.toUpperCase()) };
}

/**
 * Whether a word read in a code page is one a language of that code page writes: letters only,
 * of one language's alphabet (or the code page's script, with no Latin letters), and no capital
 * after a small letter (Greek read as Cyrillic puts its accented small letters there).
 */
function readsAsWord(word: string, alphabets: Alphabets): boolean {
  let asciiLetters = false;
  let previousLower = false;
  const others: string[] = [];
  for (const character of word) {
    if (character < "\u0080") asciiLetters = true;
    else if (!LETTER.test(character)) return false;
    else others.push(character);
    if (previousLower && UPPER.test(character)) return false;
    previousLower = LOWER.test(character);
  }
  if (alphabets.kind === "script") return !asciiLetters && others.every((character) => alphabets.script.test(character));
  return alphabets.languages.some((alphabet) => others.every((character) => alphabet.includes(character)));
}

export interface CodePageReading {
  readonly codePage: CodePage;
  /** Every high byte the file holds is a character of this code page. */
  readonly definesAll: boolean;
  /** Occurrences of words that read as a language of the code page writes them, and of those that do not. */
  readonly words: number;
  readonly misread: number;
  /** The most frequent word that does not read as a word (one whose bytes the code page defines first), and its first line. */
  readonly example: { readonly bytes: string; readonly text: string; readonly line: number } | null;
}

/** A word (as the Latin-1 characters of its bytes) read in a code page. */
export function wordIn(latin1: string, codePage: CodePage): string {
  return decodeWord(latin1, highHalf(codePage));
}

function decodeWord(latin1: string, high: string): string {
  let text = "";
  for (const character of latin1) {
    const code = character.charCodeAt(0);
    text += code >= 0x80 ? high.charAt(code - 0x80) : character;
  }
  return text;
}

/** How the file's words read in one code page. */
export function readIn(evidence: CodePageEvidence, codePage: CodePage): CodePageReading {
  const high = highHalf(codePage);
  const alphabets = bothCases(ALPHABETS_BY_CODE_PAGE[codePage]);
  const definesAll = evidence.highBytes.every((count, index) => count === 0 || high.charAt(index) !== "\uFFFD");
  let words = 0;
  let misread = 0;
  let example: { bytes: string; text: string; line: number; rank: number } | null = null;
  for (const [latin1, tally] of evidence.words) {
    const text = decodeWord(latin1, high);
    if (readsAsWord(text, alphabets)) words += tally.count;
    else {
      misread += tally.count;
      // A word the code page reads without a replacement character shows the misreading best.
      const rank = tally.count + (text.includes("\uFFFD") ? 0 : MAX_WORDS * 1e6);
      if (example === null || rank > example.rank) example = { bytes: latin1, text, line: tally.line, rank };
    }
  }
  return { codePage, definesAll, words, misread, example: example === null ? null : { bytes: example.bytes, text: example.text, line: example.line } };
}

/** The code page whose reading of the file is best: it defines every byte the file holds (where one does), then most words read as words. */
export function bestReading(evidence: CodePageEvidence): CodePageReading {
  const readings = DETECTED_CODE_PAGES.map((codePage) => readIn(evidence, codePage));
  const defining = readings.filter((reading) => reading.definesAll);
  const candidates = defining.length > 0 ? defining : readings;
  return candidates.reduce((best, reading) => (reading.words > best.words ? reading : best));
}

/**
 * The code page for a file `auto` found not to be UTF-8: Windows-1252 unless it leaves bytes
 * undefined or misreads words another code page reads as words.
 */
export function detectCodePage(evidence: CodePageEvidence): {
  readonly codePage: CodePage;
  readonly reading: CodePageReading;
  readonly western: CodePageReading;
} {
  const western = readIn(evidence, "windows-1252");
  const best = bestReading(evidence);
  const better = (!western.definesAll && best.definesAll) || (western.misread > 0 && best.words > western.words);
  return better ? { codePage: best.codePage, reading: best, western } : { codePage: "windows-1252", reading: western, western };
}

/** Words a declared code page must misread, more than another reads better, before the declaration is refused. */
const CONTRADICTION_WORDS = 2;

/** Another code page the file is evidently written in, when the declared one misreads its words. */
export function contradictingCodePage(
  evidence: CodePageEvidence,
  declared: CodePage,
): { readonly declared: CodePageReading; readonly better: CodePageReading } | null {
  const reading = readIn(evidence, declared);
  if (reading.misread < CONTRADICTION_WORDS) return null;
  const best = bestReading(evidence);
  if (best.codePage === declared || best.words < reading.words + CONTRADICTION_WORDS) return null;
  return { declared: reading, better: best };
}
