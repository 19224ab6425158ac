/**
 * Folding: every `{ ... }` and `[ ... ]` that spans lines, block comments, runs of line comments
 * and runs of imports. Braces come from the lexer, so braces inside strings, comments and
 * template text never count.
 */
import { FoldingRangeKind, type FoldingRange } from "vscode-languageserver";
import type { Document } from "../../../language/ast.js";
import type { LexResult } from "../../../language/lexer.js";

const OPENERS = new Map([
  ["LCurly", "RCurly"],
  ["LBracket", "RBracket"],
]);

/** Lines count from 0 in LSP. The closing line stays visible, so a fold ends on the line before it. */
function blockFold(startLine: number, closingLine: number): FoldingRange | undefined {
  const endLine = closingLine - 1;
  return endLine > startLine ? { startLine, endLine } : undefined;
}

function runFolds(lines: readonly { start: number; end: number }[], kind: FoldingRangeKind): FoldingRange[] {
  const folds: FoldingRange[] = [];
  let runStart: number | undefined;
  let runEnd = -2;
  const flush = (): void => {
    if (runStart !== undefined && runEnd > runStart) folds.push({ startLine: runStart, endLine: runEnd, kind });
  };
  for (const { start, end } of lines) {
    if (start === runEnd + 1 && runStart !== undefined) runEnd = end;
    else {
      flush();
      runStart = start;
      runEnd = end;
    }
  }
  flush();
  return folds;
}

export function foldingRanges(document: Document, lexed: LexResult): FoldingRange[] {
  const folds: FoldingRange[] = [];
  const open: { type: string; line: number }[] = [];
  for (const token of lexed.tokens) {
    const name = token.tokenType.name;
    const line = (token.startLine ?? 1) - 1;
    if (OPENERS.has(name)) open.push({ type: name, line });
    else if (name === "RCurly" || name === "RBracket") {
      // An unmatched closer (broken text) closes nothing; the opener it skips stays open.
      const index = open.map((entry) => OPENERS.get(entry.type)).lastIndexOf(name);
      if (index < 0) continue;
      const opener = open[index];
      open.length = index;
      const fold = opener === undefined ? undefined : blockFold(opener.line, line);
      if (fold !== undefined) folds.push(fold);
    }
  }
  const lineComments: { start: number; end: number }[] = [];
  for (const comment of document.comments) {
    const start = comment.range.start.line - 1;
    const end = comment.range.end.line - 1;
    if (comment.kind === "BlockComment") {
      if (end > start) folds.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Comment });
    } else lineComments.push({ start, end });
  }
  folds.push(...runFolds(lineComments, FoldingRangeKind.Comment));
  const imports = document.declarations
    .filter((declaration) => declaration.kind === "ImportDeclaration")
    .map((declaration) => ({ start: declaration.range.start.line - 1, end: declaration.range.end.line - 1 }));
  folds.push(...runFolds(imports, FoldingRangeKind.Imports));
  return folds.sort((left, right) => left.startLine - right.startLine || right.endLine - left.endLine);
}
