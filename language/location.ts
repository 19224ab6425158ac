/** A point in a source text. `line` and `column` count from 1 (as editors show them); `offset` counts UTF-16 units from 0. */
export interface Position {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** A half-open span of source text: `end` is the position just after the last character. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

export const START_OF_FILE: Position = { offset: 0, line: 1, column: 1 };

export function emptyRangeAt(position: Position): Range {
  return { start: position, end: position };
}

export function rangeCovering(first: Range, last: Range): Range {
  return { start: first.start, end: last.end };
}

export function rangeContains(range: Range, offset: number): boolean {
  return range.start.offset <= offset && offset <= range.end.offset;
}

/** Converts an offset into a 1-based line/column position, given the offsets at which lines start. */
export function positionAt(lineStarts: readonly number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((lineStarts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return { offset, line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
}

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    if (text.charCodeAt(index) === 10) starts.push(index + 1);
  }
  return starts;
}
