/**
 * The parser's hand-written lexer (language/token-scanner.ts) against Chevrotain's lexer of the
 * same definition (tokens.ts), with its checks of the definition on: the same tokens (type, text,
 * offset), comments and errors, on every `.flitmap` file of the repository, on a generated package,
 * and on random text made of the language's fragments and of stray characters.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generatePackage } from "../../bench/generate-package.js";
import { createLexer } from "../../language/lexer.js";
import { scanTokens } from "../../language/token-scanner.js";
import { SYNTAX_FRAGMENTS } from "./arbitraries.js";

const RUNS = Number(process.env["FLITMAP_PROPERTY_RUNS"] ?? 300);
const ROOT = join(import.meta.dirname, "../..");
const chevrotain = createLexer("offsets", true);

interface Lexed {
  readonly tokens: string[];
  readonly comments: string[];
  readonly errors: string[];
}

function described(token: {
  readonly tokenType: { readonly name: string };
  readonly image: string;
  readonly startOffset: number;
  readonly tokenTypeIdx: number;
}): string {
  return `${token.startOffset} ${token.tokenType.name}#${token.tokenTypeIdx} ${JSON.stringify(token.image)}`;
}

function byHand(text: string): Lexed {
  const result = scanTokens(text);
  return {
    tokens: result.tokens.map(described),
    comments: result.comments.map(described),
    errors: result.errors.map((error) => `${error.offset}+${error.length}`),
  };
}

function byChevrotain(text: string): Lexed {
  const result = chevrotain.tokenize(text);
  return {
    tokens: result.tokens.map(described),
    comments: (result.groups["comments"] ?? []).map(described),
    errors: result.errors.map((error) => `${error.offset}+${error.length}`),
  };
}

function flitmapFiles(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "dist" || entry.name.startsWith(".")) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...flitmapFiles(path));
    else if (entry.name.endsWith(".flitmap")) found.push(path);
  }
  return found;
}

/** Characters the definition treats specially, alone or in pairs, and some it has no pattern for. */
const CHARACTERS = [
  ..."{}()[]<>=!?|+-*/.,:_`\"\\'#@$%^&~; \t\r\n\f\u00a0\ufeff\u2028é0123456789aZ",
  "/*",
  "*/",
  "//",
  "-1",
  "x-1",
  ")-2",
  "]-3",
  '"s"-4',
  "`t`-5",
  "1.5",
  "1.",
  "\\`",
  "\\\n",
  "ref",
  "references",
  "order",
  "or",
  "_x",
];

describe("the hand-written lexer", () => {
  it("lexes every .flitmap file of the repository as Chevrotain's lexer does", () => {
    const files = flitmapFiles(ROOT);
    expect(files.length).toBeGreaterThan(50);
    for (const file of files) {
      const text = readFileSync(file, "utf8");
      expect(byHand(text), file).toEqual(byChevrotain(text));
    }
  });

  it("lexes a generated package as Chevrotain's lexer does", () => {
    for (const file of generatePackage(200_000)) expect(byHand(file.text), file.path).toEqual(byChevrotain(file.text));
  });

  it("lexes random text of the language's fragments and stray characters as Chevrotain's lexer does", () => {
    const piece = fc.oneof(fc.constantFrom(...SYNTAX_FRAGMENTS), fc.constantFrom(...CHARACTERS), fc.string({ maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), (pieces) => {
        const text = pieces.join("");
        expect(byHand(text)).toEqual(byChevrotain(text));
      }),
      { numRuns: RUNS * 10 },
    );
  });

  it("lexes templates and holes, nested, unclosed, or holding a brace, as Chevrotain's lexer does", () => {
    for (const text of ["`a {b", "`a {b `c {d} e", "`{", "`\\", "{`x}`}", "`{{}`", "`{ `t {u}` }`", "`{ a }`-1", "{ { } }"])
      expect(byHand(text), text).toEqual(byChevrotain(text));
  });
});
