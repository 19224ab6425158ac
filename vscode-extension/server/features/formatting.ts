/**
 * Formatting through the printer `flitmap fmt` and the Prettier plugin use (language/printer.ts),
 * so all three agree byte for byte. A file with syntax errors is never rewritten, as in `flitmap fmt`.
 */
import type { TextEdit } from "vscode-languageserver";
import { parse } from "../../../language/parse.js";
import { lineStartsOf, positionAt } from "../../../language/location.js";
import { DEFAULT_PRINT_WIDTH, print } from "../../../language/printer.js";
import { toLspPosition } from "./positions.js";

export interface FormattingOptions {
  readonly printWidth?: number;
}

/**
 * The edits that turn `text` into its formatted form: one edit covering only the part that
 * changed (the common start and end are kept), so the editor keeps cursors and folds elsewhere.
 * No edit when the text is already formatted or has syntax errors.
 */
export function formatting(text: string, path: string, options: FormattingOptions = {}): TextEdit[] {
  const { document, diagnostics } = parse(text, path);
  if (diagnostics.some((diagnostic) => diagnostic.severity === "error")) return [];
  const formatted = print(document, { text, printWidth: options.printWidth ?? DEFAULT_PRINT_WIDTH });
  if (formatted === text) return [];
  let prefix = 0;
  const shorter = Math.min(text.length, formatted.length);
  while (prefix < shorter && text.charCodeAt(prefix) === formatted.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && text.charCodeAt(text.length - 1 - suffix) === formatted.charCodeAt(formatted.length - 1 - suffix)) suffix++;
  // Never split a surrogate pair between kept and replaced text.
  if (prefix > 0 && isHighSurrogate(text.charCodeAt(prefix - 1))) prefix--;
  if (suffix > 0 && isLowSurrogate(text.charCodeAt(text.length - suffix))) suffix--;
  const lineStarts = lineStartsOf(text);
  return [
    {
      range: { start: toLspPosition(positionAt(lineStarts, prefix)), end: toLspPosition(positionAt(lineStarts, text.length - suffix)) },
      newText: formatted.slice(prefix, formatted.length - suffix),
    },
  ];
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
