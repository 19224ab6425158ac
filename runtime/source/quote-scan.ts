/**
 * What csv-parse's relaxed quoting reads as text without a word: a quoted value whose closing
 * quote is followed by more text instead of a delimiter or a line end (`"Castlefield, retainer,"£1`:
 * the quote after `retainer,` was meant to be doubled, or the value's own closing quote is
 * missing). The parser keeps going with a value that is no longer what the export meant; the
 * scanner finds the line where that happens so that the reader rejects the row instead.
 *
 * It follows the parser's rules for relax_quotes exactly (a quote opens a value only at the start
 * of a field, `""` inside a quoted value is a quote, a quoted value ends at a quote followed by a
 * delimiter or a line end), over the same decoded text, chunk by chunk, so both agree on every
 * quote. It also counts physical lines the way the reader does (`\r\n` once).
 */

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Occurrences of `needle` in `text` from `from` to `to` (exclusive), by the engine's own search. */
function occurrences(text: string, needle: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf(needle, from); index >= 0 && index < to; index = text.indexOf(needle, index + needle.length)) count++;
  return count;
}

export class QuoteScanner {
  private readonly delimiter: number;
  private quoting = false;
  /** The last character was a quote inside a quoted value: the next one says whether it closed it. */
  private quotePending = false;
  /** The previous chunk's last character (-1 before the first): whether a quote at the start of this one opens a value. */
  private lastCode = -1;
  /** Physical lines before this chunk. */
  private linesBefore = 0;

  constructor(delimiter: string) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  /**
   * The physical lines of `text` (the file's next chunk) where a quoted value is followed by more
   * text after its closing quote. Only quotes are looked at, so a chunk costs a few searches.
   */
  scan(text: string): number[] {
    const found: number[] = [];
    let index = 0;
    if (this.quotePending && text.length > 0) {
      this.quotePending = false;
      if (text.charCodeAt(0) === QUOTE) index = 1;
      else {
        this.quoting = false;
        if (!this.ends(text.charCodeAt(0))) found.push(this.lineAt(text, 0));
      }
    }
    for (;;) {
      const quote = text.indexOf('"', index);
      if (quote < 0) break;
      if (this.quoting) {
        if (quote + 1 >= text.length) {
          this.quotePending = true;
          break;
        }
        const next = text.charCodeAt(quote + 1);
        if (next === QUOTE) {
          index = quote + 2;
          continue;
        }
        this.quoting = false;
        if (!this.ends(next)) found.push(this.lineAt(text, quote + 1));
        index = quote + 1;
        continue;
      }
      // Outside a quoted value a quote opens one only at the start of a field.
      const previous = quote === 0 ? this.lastCode : text.charCodeAt(quote - 1);
      if (previous === -1 || this.ends(previous)) this.quoting = true;
      index = quote + 1;
    }
    this.linesBefore += this.breaks(text, text.length);
    if (text.length > 0) this.lastCode = text.charCodeAt(text.length - 1);
    return found;
  }

  /** Whether the text ended with a line break (a file that does not may have been cut short). */
  get endsWithLineBreak(): boolean {
    return this.lastCode === LF || this.lastCode === CR;
  }

  private ends(code: number): boolean {
    return code === this.delimiter || code === LF || code === CR;
  }

  private lineAt(text: string, position: number): number {
    return this.linesBefore + this.breaks(text, position) + 1;
  }

  /** Line breaks in the chunk before `end`, `\r\n` once, also when the previous chunk ended between the two. */
  private breaks(text: string, end: number): number {
    const crlf = occurrences(text, "\r\n", 0, end);
    const joined = this.lastCode === CR && text.charCodeAt(0) === LF && end > 0 ? 1 : 0;
    return occurrences(text, "\n", 0, end) + occurrences(text, "\r", 0, end) - crlf - joined;
  }
}
