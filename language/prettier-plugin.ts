/**
 * Prettier 3 plugin: `npx prettier --write "**\/*.flitmap"` formats mappings exactly as `flitmap fmt`.
 *
 * Comment handling: the printer places comments itself (before the statement they precede, or at
 * the end of its line), from `document.comments`. The tree handed to Prettier is wrapped so that
 * Prettier's generic comment attachment does not also try to place them.
 */
import type { Parser, Plugin, Printer, SupportLanguage } from "prettier";
import type { Document } from "./ast.js";
import { parse } from "./parse.js";
import { DEFAULT_PRINT_WIDTH, printToDoc } from "./printer.js";

/** What Prettier sees: a root without a `comments` property. */
export interface FlitmapRoot {
  readonly kind: "FlitmapRoot";
  readonly document: Document;
  readonly text: string;
}

export class FlitmapSyntaxError extends Error {
  readonly loc: { start: { line: number; column: number } };

  constructor(message: string, line: number, column: number) {
    super(message);
    this.loc = { start: { line, column } };
  }
}

export const languages: SupportLanguage[] = [
  {
    name: "Flitmap",
    parsers: ["flitmap"],
    extensions: [".flitmap"],
    vscodeLanguageIds: ["flitmap"],
  },
];

const flitmapParser: Parser<FlitmapRoot> = {
  astFormat: "flitmap-ast",
  parse(text, options) {
    const file = typeof options.filepath === "string" ? options.filepath : "<input>";
    const { document, diagnostics } = parse(text, file);
    const firstError = diagnostics.find((diagnostic) => diagnostic.severity === "error");
    // A file with syntax errors is never rewritten: Prettier reports the error and leaves it alone.
    if (firstError !== undefined) throw new FlitmapSyntaxError(`${firstError.message} (${firstError.code})`, firstError.range.start.line, firstError.range.start.column);
    return { kind: "FlitmapRoot", document, text };
  },
  locStart: (node: FlitmapRoot) => node.document.range.start.offset,
  locEnd: (node: FlitmapRoot) => node.document.range.end.offset,
};

export const parsers = { flitmap: flitmapParser };

const flitmapPrinter: Printer<FlitmapRoot> = {
  print(path, options) {
    const root = path.node;
    return printToDoc(root.document, { text: root.text, printWidth: options.printWidth });
  },
  getVisitorKeys: () => [],
};

export const printers = { "flitmap-ast": flitmapPrinter };

export const options = {};

export const defaultOptions = { printWidth: DEFAULT_PRINT_WIDTH, tabWidth: 2, useTabs: false };

const plugin: Plugin<FlitmapRoot> = { languages, parsers, printers, defaultOptions };
export default plugin;
