/**
 * The syntax tree around the cursor, without parsing the whole file: completion runs at every
 * keystroke, and parsing a 1,000-line file costs tens of milliseconds where lexing it costs a few.
 * The top-level declarations are found from the tokens; the one holding the cursor and the one
 * before it (keyword completion reads past a broken previous declaration) are parsed with the rest
 * of the text blanked out, so every offset, line and column is the full text's.
 */
import type { Document } from "../../../language/ast.js";
import { tokenize } from "../../../language/lexer.js";
import { parse } from "../../../language/parse.js";

const DECLARATION_KEYWORDS = new Set(
  ["import", "migration", "source", "lookup", "records", "table", "extend", "map", "split", "test"].map((word) => `Keyword_${word}`),
);

/**
 * Offsets where top-level declarations start: a declaration keyword outside every block, or at
 * the very start of a line (so that a block left open above does not hide the declarations below).
 */
export function declarationStarts(text: string, file: string): number[] {
  const starts: number[] = [];
  let depth = 0;
  for (const token of tokenize(text, file).tokens) {
    const name = token.tokenType.name;
    if (name === "LCurly") depth++;
    else if (name === "RCurly") depth = Math.max(0, depth - 1);
    else if (DECLARATION_KEYWORDS.has(name) && (depth === 0 || token.startColumn === 1)) {
      starts.push(token.startOffset);
      depth = 0;
    }
  }
  return starts;
}

/** Blanks `text` outside [from, to): every character but line breaks becomes a space. */
function blankOutside(text: string, from: number, to: number): string {
  const blank = (part: string): string => part.replace(/[^\r\n]/g, " ");
  return `${blank(text.slice(0, from))}${text.slice(from, to)}${blank(text.slice(to))}`;
}

/** The tree of the declaration holding `offset` and of the one before it, at the places they have in `text`. */
export function parseAround(text: string, file: string, offset: number): Document {
  const starts = declarationStarts(text, file);
  let current = -1;
  for (let index = 0; index < starts.length; index++) if ((starts[index] ?? 0) < offset) current = index;
  const from = current <= 0 ? 0 : (starts[current - 1] ?? 0);
  const to = starts[current + 1] ?? text.length;
  return parse(blankOutside(text, from, to), file).document;
}
