/**
 * The inputs of the fuzz test (fuzz.test.ts) and what it does with each: packages generated or
 * mutated from the shipped mappings, through everything a user's commands and editor do.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { expect } from "vitest";
import { analyzePackage, ParseCache, type PackageAnalysis } from "../../compiler/analyze.js";
import { explainField } from "../../compiler/explain.js";
import { overlayHost } from "../../compiler/host.js";
import { emitPlan, serializePlan } from "../../compiler/plan/emit.js";
import { RULES } from "../../compiler/rules/index.js";
import { tokenize } from "../../language/lexer.js";
import { lineStartsOf } from "../../language/location.js";
import { parse } from "../../language/parse.js";
import { print } from "../../language/printer.js";
import { codeActions } from "../../vscode-extension/server/features/code-actions.js";
import { completions } from "../../vscode-extension/server/features/completion.js";
import { documentSymbols } from "../../vscode-extension/server/features/document-symbols.js";
import { foldingRanges } from "../../vscode-extension/server/features/folding-ranges.js";
import { formatting } from "../../vscode-extension/server/features/formatting.js";
import { hover } from "../../vscode-extension/server/features/hover.js";
import { definition, documentHighlights, references } from "../../vscode-extension/server/features/navigation.js";
import { parseAround } from "../../vscode-extension/server/features/partial-parse.js";
import { prepareRename, rename } from "../../vscode-extension/server/features/rename.js";
import { semanticTokens } from "../../vscode-extension/server/features/semantic-tokens.js";
import { workspaceSymbols } from "../../vscode-extension/server/features/workspace-symbols.js";
import { document as generatedDocument, SYNTAX_FRAGMENTS } from "../language/arbitraries.js";

/** CPU seconds one input may take through everything: a few hundred milliseconds is usual. */
const INPUT_SECONDS = 10;

const MAPPINGS = join(import.meta.dirname, "../../mappings");
const FOLDER = "/virtual/fuzz";

/** The shipped mappings, file name to text. */
const SHIPPED: readonly Readonly<Record<string, string>>[] = ["perfectbooks-to-odoo", "perfectview-to-odoo"].map((name) => {
  const directory = join(MAPPINGS, name);
  return Object.fromEntries(
    readdirSync(directory)
      .filter((file) => file.endsWith(".flitmap"))
      .sort()
      .map((file) => [file, readFileSync(join(directory, file), "utf8")]),
  );
});

/** Words of the shipped files: names a mutation exchanges for others that mean something in the package. */
const WORDS = [
  ...new Set(Object.values(SHIPPED).flatMap((files) => Object.values(files).flatMap((text) => text.match(/[A-Za-z_][A-Za-z0-9_.]*/g) ?? []))),
].sort();

const FRAGMENTS = [
  ...SYNTAX_FRAGMENTS,
  "| trim",
  "| ref ",
  "??",
  "not ",
  'if odoo >= "19.0" {',
  "else {",
  "expect ",
  "given ",
  "x_",
  "..",
  "\r\n",
  "\t",
  "\u0000",
  "😀",
];

export type Mutation =
  | { readonly kind: "insert"; readonly at: number; readonly text: string }
  | { readonly kind: "delete"; readonly at: number; readonly length: number }
  | { readonly kind: "delete-lines" | "duplicate-lines"; readonly at: number; readonly count: number }
  | { readonly kind: "swap-lines" | "unquote" | "truncate"; readonly at: number }
  | { readonly kind: "replace-word"; readonly at: number; readonly word: string }
  /** An assignment's value in `levels` parentheses, or with `levels` more pipeline steps. */
  | { readonly kind: "parenthesize" | "lengthen"; readonly at: number; readonly levels: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: fc.constantFrom(...FRAGMENTS) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constantFrom("delete-lines" as const, "duplicate-lines" as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
  fc.record({ kind: fc.constantFrom("swap-lines" as const, "unquote" as const, "truncate" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("replace-word" as const), at: fc.nat(), word: fc.constantFrom(...WORDS) }),
  // Deep, not huge: past the parser's nesting bound of 64 (FM105) by far, since a bound that is not
  // crossed is not tested; a pipeline of 400 steps.
  fc.record({ kind: fc.constant("parenthesize" as const), at: fc.nat(), levels: fc.integer({ min: 1, max: 300 }) }),
  fc.record({ kind: fc.constant("lengthen" as const), at: fc.nat(), levels: fc.integer({ min: 1, max: 400 }) }),
);

export function mutate(text: string, change: Mutation): string {
  const at = text.length === 0 ? 0 : change.at % text.length;
  const lines = text.split("\n");
  const line = change.at % lines.length;
  switch (change.kind) {
    case "insert":
      return text.slice(0, at) + change.text + text.slice(at);
    case "delete":
      return text.slice(0, at) + text.slice(at + change.length);
    case "delete-lines":
      return [...lines.slice(0, line), ...lines.slice(line + change.count)].join("\n");
    case "duplicate-lines":
      return [...lines.slice(0, line + change.count), ...lines.slice(line, line + change.count), ...lines.slice(line + change.count)].join("\n");
    case "swap-lines":
      return [...lines.slice(0, line), lines[line + 1] ?? "", lines[line] ?? "", ...lines.slice(line + 2)].join("\n");
    case "truncate":
      return text.slice(0, at);
    case "unquote": {
      // A quoted value written bare, as if the quotes were forgotten.
      const strings = [...text.matchAll(/"([A-Za-z_][A-Za-z0-9_]*)"/g)];
      const found = strings[change.at % Math.max(1, strings.length)];
      if (found === undefined || found.index === undefined) return text;
      return text.slice(0, found.index) + (found[1] ?? "") + text.slice(found.index + found[0].length);
    }
    case "parenthesize":
    case "lengthen": {
      const values = [...text.matchAll(/<- ([^\n]+)/g)];
      const found = values[change.at % Math.max(1, values.length)];
      if (found === undefined || found.index === undefined) return text;
      const value = found[1] ?? "";
      const deeper =
        change.kind === "parenthesize" ? `${"(".repeat(change.levels)}${value}${")".repeat(change.levels)}` : `${value}${" | trim".repeat(change.levels)}`;
      return `${text.slice(0, found.index)}<- ${deeper}${text.slice(found.index + found[0].length)}`;
    }
    case "replace-word": {
      const words = [...text.matchAll(/[A-Za-z_][A-Za-z0-9_.]*/g)];
      const found = words[change.at % Math.max(1, words.length)];
      if (found === undefined || found.index === undefined) return text;
      return text.slice(0, found.index) + change.word + text.slice(found.index + found[0].length);
    }
  }
}

export interface FuzzPackage {
  readonly files: Readonly<Record<string, string>>;
  /** Non-guarding rules switched off, as a package's `rule` lines or the editor's settings may. */
  readonly off: readonly string[];
  /** Where the editor features are asked, as fractions of the first file's length. */
  readonly places: readonly number[];
}

const switchedOff = fc.subarray(
  RULES.filter((rule) => rule.guardsPlan !== true).map((rule) => rule.name),
  { maxLength: 3 },
);
const places = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 });

/** How to change a shipped mapping: a counterexample fast-check prints is this recipe, not whole files. */
export interface Recipe {
  readonly mapping: number;
  readonly changes: readonly { readonly file: number; readonly dropped: boolean; readonly mutations: readonly Mutation[] }[];
  /** Only the changed files, each a package on its own (as an editor opening one file of a folder of mixed files). */
  readonly alone: boolean;
  readonly off: readonly string[];
  readonly places: readonly number[];
}

export const recipe: fc.Arbitrary<Recipe> = fc.record({
  mapping: fc.nat({ max: SHIPPED.length - 1 }),
  changes: fc.array(
    fc.record({ file: fc.nat(), dropped: fc.nat({ max: 19 }).map((roll) => roll === 0), mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }) }),
    { minLength: 1, maxLength: 2 },
  ),
  alone: fc.nat({ max: 9 }).map((roll) => roll === 0),
  off: switchedOff,
  places,
});

/** A shipped mapping with one or two of its files changed a few times, or dropped; the changed file first. */
export function mutatedPackage({ mapping, changes, alone, off, places: at }: Recipe): FuzzPackage {
  const shipped = SHIPPED[mapping] ?? {};
  const files: Record<string, string> = { ...shipped };
  const names = Object.keys(shipped);
  const changed: string[] = [];
  for (const change of changes) {
    const name = names[change.file % names.length] ?? "";
    const text = files[name];
    if (change.dropped) delete files[name];
    else if (text !== undefined) files[name] = change.mutations.reduce(mutate, text);
    changed.push(name);
  }
  const first = changed.find((name) => files[name] !== undefined);
  if (alone) return { files: Object.fromEntries(changed.flatMap((name) => (files[name] === undefined ? [] : [[name, files[name]]]))), off, places: at };
  return { files: first === undefined ? files : { [first]: files[first] ?? "", ...files }, off, places: at };
}

/** A generated syntax tree, or text made of pieces of the syntax, on its own or beside a shipped mapping. */
export const randomPackage: fc.Arbitrary<FuzzPackage> = fc
  .record({
    text: fc.oneof(
      generatedDocument.map((tree) => print(tree)),
      fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 80 }).map((pieces) => pieces.join("")),
    ),
    beside: fc.option(fc.nat({ max: SHIPPED.length - 1 }), { nil: undefined }),
    off: switchedOff,
    places,
  })
  .map(({ text, beside, off, places: at }) => ({ files: { "random.flitmap": text, ...(beside === undefined ? {} : SHIPPED[beside]) }, off, places: at }));

/** How many inputs had no error and were compiled (the test says so when FLITMAP_FUZZ_VERBOSE is set). */
export const counts = { compiled: 0 };

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

/** Everything `check`, `compile`, `fmt` and the editor do with a package; throws what any of them throws. */
export function exercise(input: FuzzPackage, parseCache: ParseCache): void {
  const started = process.cpuUsage();
  const paths = Object.keys(input.files).map((name) => `${FOLDER}/${name}`);
  // A folder without .flitmap files is not a package: the commands refuse it before analysing.
  if (paths.length === 0) return;
  const contents = new Map(Object.entries(input.files).map(([name, text]) => [`${FOLDER}/${name}`, text]));
  const analysis = analyzePackage(
    paths.map((path) => ({ path, text: contents.get(path) ?? "" })),
    { host: overlayHost(contents), parseCache, ruleSeverities: Object.fromEntries(input.off.map((name) => [name, "off"])) },
  );
  compileIfClean(analysis);
  for (const path of paths.slice(0, 2)) editorFeatures(analysis, path, contents.get(path) ?? "", input.places);
  const seconds = cpuSeconds(started);
  expect(seconds, `one input took ${seconds.toFixed(1)} CPU seconds`).toBeLessThan(INPUT_SECONDS);
}

/** A package `check` finds no error in compiles: whatever stops the plan's emitter is a diagnostic. */
function compileIfClean(analysis: PackageAnalysis): void {
  const errors = analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error");
  if (errors.length > 0) return;
  counts.compiled += 1;
  const plan = emitPlan(analysis);
  expect(serializePlan(plan).length).toBeGreaterThan(0);
  for (const step of plan.steps.slice(0, 3)) for (const operation of step.operations.slice(0, 3)) explainField(analysis, step.model, operation.field);
}

function editorFeatures(analysis: PackageAnalysis, path: string, text: string, places: readonly number[]): void {
  const lexed = tokenize(text, path);
  const { document, diagnostics } = parse(text, path);
  const lineStarts = lineStartsOf(text);
  const uri = (file: string): string => `file://${file}`;
  if (!diagnostics.some((diagnostic) => diagnostic.severity === "error")) {
    // The formatter's output is a fixed point.
    const once = print(document, { text });
    expect(print(parse(once, path).document, { text: once })).toBe(once);
  }
  formatting(text, path);
  semanticTokens(document, lexed, text, lineStarts);
  foldingRanges(document, lexed);
  documentSymbols(document);
  workspaceSymbols([{ uri: uri(path), document }], "a");
  const whole = { start: { line: 0, character: 0 }, end: { line: lineStarts.length, character: 0 } };
  codeActions(analysis.diagnostics, whole, uri);
  for (const place of places) {
    const offset = Math.floor(place * text.length);
    completions({ text, offset, document: parseAround(text, path, offset), lineStarts, analysis });
    hover(analysis, path, offset);
    definition(analysis, path, offset, uri);
    references(analysis, path, offset, true, uri);
    documentHighlights(analysis, path, offset);
    if (!("refused" in prepareRename(analysis, path, offset))) rename(analysis, path, offset, "renamed_x");
  }
}

/** The first file, from a few lines before where it differs from the shipped one (if it is one). */
export function describeInput(input: FuzzPackage): string {
  const [name, text] = Object.entries(input.files)[0] ?? ["-", ""];
  const original = SHIPPED.find((files) => files[name] !== undefined && Object.keys(files).length >= Object.keys(input.files).length - 1)?.[name] ?? "";
  const lines = text.split("\n");
  const originalLines = original.split("\n");
  const first = Math.max(
    0,
    lines.findIndex((line, index) => line !== originalLines[index]),
  );
  const shown = lines.slice(Math.max(0, first - 3), first + 12).map((line, index) => `${Math.max(0, first - 3) + index + 1}: ${line}`);
  return `rules off: ${input.off.join(", ") || "none"}; ${name}${original === "" ? "" : ` from line ${first + 1}, where it differs from the shipped file`}:\n${shown.join("\n")}`;
}

/** `exercise`, with what the input was in the error when it throws. */
export function exerciseExplained(input: FuzzPackage, parseCache: ParseCache): void {
  try {
    exercise(input, parseCache);
  } catch (error) {
    throw new Error(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n--- input\n${describeInput(input)}`);
  }
}
