/**
 * Which single-byte code page a file that is not UTF-8 is written in. The reader's `auto` reads
 * such a file as Windows-1252, the commonest; a Polish, Czech or Slovak export (Windows-1250) or a
 * Russian or Bulgarian one (Windows-1251) then reads as other letters and symbols ("Pe³na nazwa",
 * "Íàçâàíèå"), and every header and value the proposer compares is wrong. The code page is told
 * by how each reads the file's words: a word is plausible when each of its characters beyond
 * ASCII is a letter, its letters are of one script, and, in Latin script, most of them are
 * ASCII (no European language writes a word of accented letters alone). The code page reading the
 * most words plausibly wins; Windows-1252 keeps ties, so that a file it reads as well is read as
 * before. Pure.
 */
import type { CodePage } from "../compiler/value-formats.js";
import { createChunkDecoder } from "../runtime/source/decode.js";

/** The code pages told apart, Windows-1252 first: it keeps a tie. */
// Greek (Windows-1253) is left out: its bytes read as Cyrillic letters as plausibly, and words alone
// cannot tell the two scripts' code pages apart.
const CANDIDATES: readonly CodePage[] = ["windows-1252", "windows-1250", "windows-1251", "windows-1257"];

/** Bytes 0x80-0xFF as the reader reads them in each candidate. */
const HIGH_HALVES: ReadonlyMap<CodePage, string> = new Map(
  CANDIDATES.map((codePage) => {
    const decoder = createChunkDecoder(codePage);
    return [codePage, decoder.write(Buffer.from(Array.from({ length: 128 }, (_, index) => 0x80 + index))) + decoder.end()];
  }),
);

/** Words with a byte beyond ASCII weighed at most: enough to decide, bounded for a large file. */
const MAX_WORDS = 5000;

/** Another code page must read this many more words plausibly than Windows-1252 to be chosen. */
const MARGIN = 2;

const LETTER = /\p{L}/u;
const SCRIPTS: readonly RegExp[] = [/\p{Script=Latin}/u, /\p{Script=Cyrillic}/u];

/** Bytes that end a word: ASCII other than letters and digits. */
function isWordByte(byte: number): boolean {
  return byte >= 0x80 || (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
}

/** The words of the bytes that hold a byte beyond ASCII, at most MAX_WORDS of them. */
function highWords(bytes: Uint8Array): Uint8Array[] {
  const words: Uint8Array[] = [];
  let start = -1;
  let high = false;
  for (let index = 0; index <= bytes.length && words.length < MAX_WORDS; index++) {
    const byte = index < bytes.length ? (bytes[index] ?? 0) : 0x20;
    if (isWordByte(byte)) {
      if (start < 0) start = index;
      if (byte >= 0x80) high = true;
      continue;
    }
    if (start >= 0 && high) words.push(bytes.subarray(start, index));
    start = -1;
    high = false;
  }
  return words;
}

function plausible(word: Uint8Array, highHalf: string): boolean {
  let text = "";
  for (const byte of word) text += byte >= 0x80 ? highHalf.charAt(byte - 0x80) : String.fromCharCode(byte);
  const letters = [...text].filter((char) => LETTER.test(char));
  if ([...text].some((char) => char.charCodeAt(0) >= 0x80 && !LETTER.test(char))) return false;
  const script = SCRIPTS.find((pattern) => letters.every((char) => pattern.test(char)));
  if (script === undefined) return false;
  if (script !== SCRIPTS[0]) return true;
  const accented = letters.filter((char) => char.charCodeAt(0) >= 0x80).length;
  return accented * 2 <= letters.length;
}

export interface CodePageGuess {
  readonly codePage: CodePage;
  /** Words beyond ASCII weighed, and how many the chosen code page reads plausibly. */
  readonly words: number;
  readonly plausible: number;
}

/** The code page a file's bytes (not UTF-8) are most likely written in. */
export function likelyCodePage(bytes: Uint8Array): CodePageGuess {
  const words = highWords(bytes);
  const scores = CANDIDATES.map((codePage) => {
    const highHalf = HIGH_HALVES.get(codePage) ?? "";
    return { codePage, plausible: words.filter((word) => plausible(word, highHalf)).length };
  });
  const [windows1252, ...others] = scores;
  let best = windows1252 ?? { codePage: "windows-1252" as const, plausible: 0 };
  for (const score of others) if (score.plausible > best.plausible && score.plausible >= (windows1252?.plausible ?? 0) + MARGIN) best = score;
  return { codePage: best.codePage, words: words.length, plausible: best.plausible };
}
