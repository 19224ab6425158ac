/**
 * The layering rule (docs/architecture.md): a module imports only from its own layer and the ones
 * below it, language < compiler < runtime < propose < cli and vscode-extension (the two tops do
 * not import each other). test/, bench/ and scripts/ (and the editor's bench/ and tools/) may import anything.
 * Run on its own: `npx tsx test/architecture/layers.ts` lists every import against the rule.
 */
import { readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import ts from "typescript";
import { sourceFiles } from "./sizes.js";

/** Each layer's folder and its height: a module may import from a layer below, or its own. */
export const LAYERS: readonly { readonly folder: string; readonly height: number }[] = [
  { folder: "language", height: 0 },
  { folder: "compiler", height: 1 },
  { folder: "runtime", height: 2 },
  { folder: "propose", height: 3 },
  { folder: "cli", height: 4 },
  { folder: "vscode-extension", height: 4 },
];

/** Folders outside the product: they may import any layer, and no layer imports them. */
export const OUTSIDE = ["test", "bench", "scripts"];
/** The editor's own benchmark and test tooling, free as bench/ and test/ are. */
const FREE_FILES = ["vscode-extension/bench/", "vscode-extension/tools/"];

export interface LayerViolation {
  readonly file: string;
  readonly line: number;
  readonly imported: string;
  readonly message: string;
}

const root = join(import.meta.dirname, "..", "..");

function layerOf(path: string): (typeof LAYERS)[number] | undefined {
  return LAYERS.find((layer) => path === layer.folder || path.startsWith(`${layer.folder}/`));
}

/** Every module a file names: imports and exports from, type-only ones and dynamic import() included. */
function importedPaths(file: string, text: string): { readonly specifier: string; readonly line: number }[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { specifier: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    let specifier: ts.Expression | undefined;
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier !== undefined) specifier = node.moduleSpecifier;
    else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) specifier = node.arguments[0];
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) specifier = node.argument.literal;
    if (specifier !== undefined && ts.isStringLiteralLike(specifier)) {
      found.push({ specifier: specifier.text, line: source.getLineAndCharacterOfPosition(specifier.getStart(source)).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

export function layerViolations(): LayerViolation[] {
  const violations: LayerViolation[] = [];
  for (const file of sourceFiles(LAYERS.map((layer) => layer.folder))) {
    const from = layerOf(file);
    if (from === undefined || FREE_FILES.some((folder) => file.startsWith(folder))) continue;
    for (const { specifier, line } of importedPaths(file, readFileSync(join(root, file), "utf8"))) {
      if (!specifier.startsWith(".")) continue;
      const imported = relative(".", normalize(join(dirname(file), specifier)));
      if (OUTSIDE.some((folder) => imported.startsWith(`${folder}/`))) {
        violations.push({ file, line, imported, message: `${from.folder}/ imports ${imported.split("/")[0]}/, which the product does not ship` });
        continue;
      }
      const to = layerOf(imported);
      if (to === undefined || to === from) continue;
      if (to.height < from.height) continue;
      const message =
        to.height === from.height ? `${from.folder}/ imports ${to.folder}/, a layer beside it` : `${from.folder}/ imports ${to.folder}/, a layer above it`;
      violations.push({ file, line, imported, message });
    }
  }
  return violations;
}

if (process.argv[1] !== undefined && import.meta.filename === process.argv[1]) {
  for (const violation of layerViolations()) process.stdout.write(`${violation.file}:${violation.line} ${violation.message} (${violation.imported})\n`);
}
