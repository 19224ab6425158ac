/**
 * The sizes the project keeps to (CONVENTIONS.md): a file in language/, compiler/ or runtime/
 * under 600 lines (the grammar, language/parser.ts, stays whole as graphql-js keeps its parser),
 * a function under 100 lines. Generated files (first line `/** Generated ...`) are left out.
 * Run on its own: `npx tsx test/architecture/sizes.ts` lists every file and function over.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export const MAX_FILE_LINES = 600;
export const MAX_FUNCTION_LINES = 100;
/** Folders whose files must stay under MAX_FILE_LINES. */
export const SIZED_FOLDERS = ["language", "compiler", "runtime"];
/** Folders whose functions must stay under MAX_FUNCTION_LINES. */
export const FUNCTION_FOLDERS = ["language", "compiler", "runtime", "propose", "cli", "vscode-extension/server", "vscode-extension/client"];
/** Files allowed over MAX_FILE_LINES, with the reason. */
export const LARGE_FILES: Readonly<Record<string, string>> = {
  "language/parser.ts": "the grammar, kept whole as graphql-js keeps its parser",
};

/**
 * Functions still over MAX_FUNCTION_LINES, by `file name`, with what is left to do: the test fails
 * when one of them grows, or when one is split (then its line goes).
 */
export const LONG_FUNCTIONS_LEFT: Readonly<Record<string, { readonly lines: number; readonly why: string }>> = {};

export interface Oversize {
  readonly file: string;
  readonly line: number;
  readonly name: string;
  readonly lines: number;
}

const root = join(import.meta.dirname, "..", "..");

export function sourceFiles(folders: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && entry.name !== "dist" && entry.name !== "out") walk(path);
      } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) files.push(path);
    }
  };
  for (const folder of folders) walk(folder);
  return files.sort();
}

function isGenerated(text: string): boolean {
  return /^\/\*\*?\s*Generated\b/.test(text);
}

export function oversizedFiles(): Oversize[] {
  return sourceFiles(SIZED_FOLDERS)
    .filter((file) => LARGE_FILES[file] === undefined)
    .flatMap((file) => {
      const text = readFileSync(join(root, file), "utf8");
      const lines = text.split("\n").length - (text.endsWith("\n") ? 1 : 0);
      return lines > MAX_FILE_LINES && !isGenerated(text) ? [{ file, line: 1, name: file, lines }] : [];
    });
}

function functionName(node: ts.Node): string {
  if ((ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isFunctionExpression(node)) && node.name !== undefined) return node.name.getText();
  if (ts.isConstructorDeclaration(node)) return "constructor";
  if ((ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) && node.name !== undefined) return node.name.getText();
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) return parent.name.getText();
  return "(anonymous)";
}

export function longFunctions(): Oversize[] {
  const found: Oversize[] = [];
  for (const file of sourceFiles(FUNCTION_FOLDERS)) {
    const text = readFileSync(join(root, file), "utf8");
    if (isGenerated(text)) continue;
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && "body" in node && node.body !== undefined) {
        const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
        const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
        const lines = end - start + 1;
        const left = LONG_FUNCTIONS_LEFT[`${file} ${functionName(node)}`];
        if (lines > MAX_FUNCTION_LINES && (left === undefined || lines > left.lines)) found.push({ file, line: start + 1, name: functionName(node), lines });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

/** Entries of LONG_FUNCTIONS_LEFT whose function is now short enough, or gone: the list must shrink with them. */
export function longFunctionsSplit(): string[] {
  const still = new Set<string>();
  for (const file of sourceFiles(FUNCTION_FOLDERS)) {
    const text = readFileSync(join(root, file), "utf8");
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionLike(node) && "body" in node && node.body !== undefined) {
        const lines = source.getLineAndCharacterOfPosition(node.getEnd()).line - source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
        if (lines > MAX_FUNCTION_LINES) still.add(`${file} ${functionName(node)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return Object.keys(LONG_FUNCTIONS_LEFT).filter((key) => !still.has(key));
}

export function describe(entry: Oversize): string {
  return entry.file === entry.name ? `${entry.file}: ${entry.lines} lines` : `${relative(".", entry.file)}:${entry.line} ${entry.name}: ${entry.lines} lines`;
}

if (process.argv[1] !== undefined && import.meta.filename === process.argv[1]) {
  for (const entry of [...oversizedFiles(), ...longFunctions()]) process.stdout.write(`${describe(entry)}\n`);
}
