/**
 * Line and column of offsets, computed from where lines start, when a position is asked for: the
 * parser's tokens carry offsets only (smaller, and quicker to make, than tokens that track lines).
 * Lines break where the lexer breaks them: at `\n`, `\r\n` and a lone `\r`.
 */
import type { Position } from "./location.js";

const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

export class LineIndex {
  private readonly starts: number[] = [0];
  /** The line of the last lookup: positions are mostly asked for in order. */
  private line = 0;
  /** Whether every line ends with a line feed alone (no `\r`): then these lines are also `positionAt`'s (location.ts). */
  readonly lineFeedsOnly: boolean;

  constructor(text: string) {
    const starts = this.starts;
    this.lineFeedsOnly = !text.includes("\r");
    if (this.lineFeedsOnly) {
      for (let index = text.indexOf("\n"); index >= 0; index = text.indexOf("\n", index + 1)) starts.push(index + 1);
      return;
    }
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (code === LINE_FEED || (code === CARRIAGE_RETURN && text.charCodeAt(index + 1) !== LINE_FEED)) starts.push(index + 1);
    }
  }

  /** The 0-based line holding `offset`. */
  private lineOf(offset: number): number {
    const starts = this.starts;
    const hint = this.line;
    if ((starts[hint] ?? 0) <= offset && offset < (starts[hint + 1] ?? Number.POSITIVE_INFINITY)) return hint;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    this.line = low;
    return low;
  }

  /** The position of the character at `offset` (1-based line and column). */
  positionAt(offset: number): Position {
    const line = this.lineOf(offset);
    return { offset, line: line + 1, column: offset - (this.starts[line] ?? 0) + 1 };
  }

  /** The position just after the character at `lastOffset`, on that character's line (a line break ends its own line). */
  positionAfter(lastOffset: number): Position {
    const line = this.lineOf(lastOffset);
    return { offset: lastOffset + 1, line: line + 1, column: lastOffset - (this.starts[line] ?? 0) + 2 };
  }
}
