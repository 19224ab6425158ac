/**
 * What every printed block shares: comments kept before the statement they precede or at the end
 * of its line, blank lines kept between statements, runs of consecutive statements measured once
 * so that they align, `// fmt-ignore` statements kept as written, and the two block shapes. The
 * printer (printer.ts) lays out each declaration over it.
 */
import { builders } from "prettier/doc";
import type * as A from "./ast.js";

type Doc = builders.Doc;

const { group, indent, line, hardline, join, ifBreak } = builders;

export interface PrintOptions {
  /** The text the tree was parsed from: needed to keep `// fmt-ignore` statements as written. */
  readonly text?: string;
  readonly printWidth?: number;
}

const IGNORE_COMMENTS = new Set(["// fmt-ignore", "// prettier-ignore"]);

/** Two spaces between the entries of a one-line block, a line break when the block breaks. */
const entrySeparator: Doc = [ifBreak("", " "), line];


export function pad(text: string, width: number): string {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}

export class PrintLayout {
  protected readonly comments: readonly A.Comment[];
  private nextComment = 0;
  /** The widths runs align to, by run and by what is measured: each run is measured once, not once per line. */
  private readonly widths = new WeakMap<object, Map<string, number>>();

  constructor(
    document: A.Document,
    protected readonly options: PrintOptions = {},
  ) {
    this.comments = [...document.comments].sort((left, right) => left.range.start.offset - right.range.start.offset);
  }

  // ---------------------------------------------------------------------------------------------
  // comments and statement lists

  protected peekComment(): A.Comment | undefined {
    return this.comments[this.nextComment];
  }

  /** Comments before `offset` that have not been printed yet, each with the blank line before it kept. */
  protected takeCommentsBefore(offset: number): A.Comment[] {
    const taken: A.Comment[] = [];
    for (let comment = this.peekComment(); comment !== undefined && comment.range.start.offset < offset; comment = this.peekComment()) {
      taken.push(comment);
      this.nextComment += 1;
    }
    return taken;
  }

  protected takeTrailingComment(node: { readonly range: A.Node["range"] }): A.Comment | undefined {
    const comment = this.peekComment();
    if (comment === undefined || comment.range.start.line !== node.range.end.line || comment.range.start.offset < node.range.end.offset) return undefined;
    this.nextComment += 1;
    return comment;
  }

  protected blankLineBetween(previousEnd: number, nextStart: number): boolean {
    const text = this.options.text;
    if (text === undefined) return false;
    const between = text.slice(previousEnd, nextStart);
    return /\n[ \t]*\r?\n/.test(between);
  }

  /**
   * Prints statements one per line with their comments. `printItem` gets the index of the item in
   * its run of consecutive items (runs end at blank lines and comments) so that it can align.
   */
  protected statements<Item extends { readonly range: A.Node["range"] }>(
    items: readonly Item[],
    blockEnd: number,
    printItem: (item: Item, run: readonly Item[]) => Doc,
    options: { readonly blankLinesBetween?: boolean } = {},
  ): Doc[] {
    const lines: Doc[] = [];
    const runs = this.runsOf(items);
    let previousEnd: number | undefined;
    for (const run of runs) {
      for (const item of run) {
        const leading = this.takeCommentsBefore(item.range.start.offset);
        const firstStart = leading[0]?.range.start.offset ?? item.range.start.offset;
        if (previousEnd !== undefined && (options.blankLinesBetween === true || this.blankLineBetween(previousEnd, firstStart))) lines.push("");
        let ignored = false;
        let commentEnd: number | undefined;
        for (const comment of leading) {
          if (commentEnd !== undefined && this.blankLineBetween(commentEnd, comment.range.start.offset)) lines.push("");
          lines.push(comment.text);
          commentEnd = comment.range.end.offset;
          if (IGNORE_COMMENTS.has(comment.text.trim())) ignored = true;
        }
        if (commentEnd !== undefined && this.blankLineBetween(commentEnd, item.range.start.offset)) lines.push("");
        const printed = ignored && this.options.text !== undefined ? this.verbatimAndSkipComments(item) : printItem(item, run);
        // Comments written inside the statement that no nested block printed move above it.
        for (const comment of this.takeCommentsBefore(item.range.end.offset)) lines.push(comment.text);
        const trailing = this.takeTrailingComment(item);
        lines.push(trailing === undefined ? printed : [printed, " ", trailing.text]);
        previousEnd = (trailing ?? item).range.end.offset;
      }
    }
    const dangling = this.takeCommentsBefore(blockEnd);
    for (const comment of dangling) {
      if (previousEnd !== undefined && this.blankLineBetween(previousEnd, comment.range.start.offset)) lines.push("");
      lines.push(comment.text);
      previousEnd = comment.range.end.offset;
    }
    return lines;
  }

  /** Splits items into runs of consecutive lines: alignment stops at blank lines and comments. */
  protected runsOf<Item extends { readonly range: A.Node["range"] }>(items: readonly Item[]): Item[][] {
    const runs: Item[][] = [];
    let current: Item[] = [];
    let previous: Item | undefined;
    for (const item of items) {
      const separated =
        previous !== undefined &&
        (this.blankLineBetween(previous.range.end.offset, item.range.start.offset) ||
          // A comment between two statements, or inside the second one (it will move above it), ends the run.
          this.commentOnOwnLine(previous.range.end, item.range.end.offset));
      if (separated && current.length > 0) {
        runs.push(current);
        current = [];
      }
      current.push(item);
      previous = item;
    }
    if (current.length > 0) runs.push(current);
    return runs;
  }

  /** Whether a comment starts between `after` and `before`, other than at the end of `after`'s line. */
  protected commentOnOwnLine(after: A.Node["range"]["end"], before: number): boolean {
    // The comments are sorted: find the first at or after `after`, then look only at those up to `before`.
    let low = 0;
    let high = this.comments.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.comments[middle] as A.Comment).range.start.offset < after.offset) low = middle + 1;
      else high = middle;
    }
    for (let index = low; index < this.comments.length; index++) {
      const start = (this.comments[index] as A.Comment).range.start;
      if (start.offset >= before) return false;
      if (start.line !== after.line) return true;
    }
    return false;
  }

  /** The statement exactly as written; the comments inside it are part of that text. */
  protected verbatimAndSkipComments(node: { readonly range: A.Node["range"] }): Doc {
    const text = this.options.text ?? "";
    this.takeCommentsBefore(node.range.end.offset);
    const lines = text.slice(node.range.start.offset, node.range.end.offset).split(/\r?\n/);
    // Printed lines are re-indented by the enclosing block: strip the indentation the source had.
    let indentation = Number.POSITIVE_INFINITY;
    for (const entry of lines.slice(1)) if (entry.trim() !== "") indentation = Math.min(indentation, /^[ \t]*/.exec(entry)?.[0].length ?? 0);
    const shift = Number.isFinite(indentation) ? Math.max(0, Math.min(indentation, node.range.start.column - 1)) : 0;
    return join(
      hardline,
      lines.map((entry, index) => (index === 0 ? entry : entry.slice(Math.min(shift, /^[ \t]*/.exec(entry)?.[0].length ?? 0)))),
    );
  }

  /** `{`, the statements each on its own line, `}`; `{}` when empty. */
  protected block(lines: readonly Doc[]): Doc {
    if (lines.length === 0) return "{}";
    return ["{", indent([hardline, join(hardline, [...lines])]), hardline, "}"];
  }

  /**
   * A block of short entries that stays on one line when it fits. Comments inside such a block
   * are printed above the statement that holds it.
   */
  protected inlineBlock(entries: readonly Doc[]): Doc {
    if (entries.length === 0) return "{}";
    return group(["{", indent([line, join(entrySeparator, [...entries])]), line, "}"]);
  }

  /**
   * The largest `measure` of the items of a run (0 for none), computed once per run and `what`: a
   * value table or a source's columns can be one run of many thousand lines.
   */
  protected widest<Item>(run: readonly Item[], what: string, measure: (item: Item) => number): number {
    let byWhat = this.widths.get(run);
    if (byWhat === undefined) {
      byWhat = new Map();
      this.widths.set(run, byWhat);
    }
    const known = byWhat.get(what);
    if (known !== undefined) return known;
    let width = 0;
    for (const item of run) width = Math.max(width, measure(item));
    byWhat.set(what, width);
    return width;
  }
}
