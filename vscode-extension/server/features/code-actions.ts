/**
 * Quick fixes: every `Fix` a compiler diagnostic carries becomes a code action, so fixes added to
 * the compiler later appear in the editor without any change here.
 */
import { CodeActionKind, type CodeAction, type Range as LspRange, type TextEdit as LspTextEdit } from "vscode-languageserver";
import type { Diagnostic } from "../../../language/diagnostic.js";
import { toLspDiagnostic } from "./diagnostics.js";
import { rangesTouch, toLspRange } from "./positions.js";

/**
 * The quick fixes offered for `range` of one file: the fixes of every diagnostic of that file
 * whose range touches it, in the order the compiler gave them. A diagnostic's only fix is marked
 * preferred, so that "fix all" and the light bulb's default pick it.
 */
export function codeActions(diagnostics: readonly Diagnostic[], range: LspRange, uriOf: (file: string) => string): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const fixes = diagnostic.fixes ?? [];
    if (fixes.length === 0 || !rangesTouch(toLspRange(diagnostic.range), range)) continue;
    for (const fix of fixes) {
      const changes: Record<string, LspTextEdit[]> = {};
      for (const edit of fix.edits) {
        const uri = uriOf(edit.file);
        (changes[uri] ??= []).push({ range: toLspRange(edit.range), newText: edit.newText });
      }
      const action: CodeAction = {
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [toLspDiagnostic(diagnostic, uriOf)],
        edit: { changes },
      };
      if (fixes.length === 1) action.isPreferred = true;
      actions.push(action);
    }
  }
  return actions;
}
