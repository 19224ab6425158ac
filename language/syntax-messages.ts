/**
 * Syntax error messages in a mapping specialist's words: what was expected, after what, and what
 * was found instead; never token type names.
 */
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";
import { MAX_NESTING } from "./syntax-codes.js";
import { Name, RCurly } from "./tokens.js";

interface TokenDescriptions {
  /** What a name token stood for, e.g. "entity name". */
  readonly roleOf: (token: IToken) => string | undefined;
  /** The text to show for a token: a model's full dotted name for its last part. */
  readonly displayText: (token: IToken) => string;
  /** The role of the name the parser was trying to read when it failed. */
  readonly expectedRole: () => string | undefined;
}

function quote(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return `\`${shown.replace(/\n/g, " ")}\``;
}

export function describeToken(token: IToken | undefined, descriptions: TokenDescriptions): string {
  if (token === undefined || Number.isNaN(token.startOffset) || token.tokenType === EOF) return "the start of the file";
  const role = descriptions.roleOf(token);
  if (role !== undefined) return `the ${role} ${quote(descriptions.displayText(token))}`;
  if (token.tokenType.name === "StringLiteral" || token.tokenType.name === "UnterminatedString") return `the string ${quote(token.image)}`;
  return quote(token.image);
}

function describeFound(actual: IToken): string {
  if (actual.tokenType === EOF) return "but the file ends here";
  return `found ${quote(actual.image)}`;
}

function labelOf(type: TokenType): string {
  return type.LABEL ?? type.name;
}

function joinAlternatives(labels: readonly string[]): string {
  const unique = [...new Set(labels)];
  if (unique.length <= 1) return unique[0] ?? "something else";
  return `${unique.slice(0, -1).join(", ")} or ${unique[unique.length - 1] ?? ""}`;
}

/** What each rule expects when none of its alternatives fits, phrased for a specialist. */
const RULE_EXPECTATIONS: Record<string, string> = {
  assignment: "a value: a column, a quoted string, a number, `true`, `false`, a template, a list, `ref`, `if` or `each`",
  expression: "a value: a column, a quoted string, a number, `true`, `false`, a template, a list, `ref` or `if`",
  primary: "a value: a column, a quoted string, a number, `true`, `false`, a template, a list or `ref`",
  pipeStep: "a built-in, a table, a lookup or a step name (or `ref` and an alias)",
  literal: "a quoted string, a number, `true` or `false`",
  value: "a quoted string, a number, `true`, `false` or a record name",
  missingPolicy: "`reject`, `flag`, `halt` or `fallback` and a value",
  archivedSetting: "`include` or `exclude`",
  targetCondition: "a version comparison such as `>= \"19.0\"`, or `has` / `lacks` and a model or field",
  duplicatesRule: "`first`, `last` or `newest`",
  targetSetting: "a version in quotes such as `\"17.0\"`, or `schema` and a file name",
  entityDeclaration: "a key column name or `(` and several key columns",
  recordEntry: "`{` with field values, or `existing` and an external ID",
  tableDefault: "`reject`, `flag`, `keep`, `empty` or a value",
  fieldValue: "a field name",
  selectionOption: "a selection key",
  expectation: "a model and `{`, or `reject` / `skip` and an entity",
  extendIf: "`if` or `{` after `else`",
  bodyIf: "`if` or `{` after `else`",
};

function withArticle(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

export function reservedWordMessage(word: string, role: string): string {
  return `${quote(word)} is a reserved word and cannot be used as ${withArticle(role)}; choose another name`;
}

export function createErrorMessageProvider(descriptions: TokenDescriptions): IParserErrorMessageProvider {
  return {
    buildMismatchTokenMessage({ expected, actual, previous }) {
      const role = descriptions.expectedRole();
      const expectation = expected === Name && role !== undefined ? withArticle(role) : labelOf(expected);
      if (expected === RCurly) return `expected \`}\` to close the block after ${describeToken(previous, descriptions)}, ${describeFound(actual)}`;
      return `expected ${expectation} after ${describeToken(previous, descriptions)}, ${describeFound(actual)}`;
    },
    buildNotAllInputParsedMessage({ firstRedundant }) {
      return `unexpected ${quote(firstRedundant.image)}: expected a declaration such as \`map\`, \`source\` or \`table\``;
    },
    buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName, customUserDescription }) {
      const found = actual[0];
      const expectation =
        customUserDescription ??
        RULE_EXPECTATIONS[ruleName] ??
        joinAlternatives(expectedPathsPerAlt.flatMap((paths) => paths.map((path) => (path[0] === undefined ? "" : labelOf(path[0])))).filter((label) => label !== ""));
      const foundText = found === undefined ? "" : `, ${describeFound(found)}`;
      return `expected ${expectation} after ${describeToken(previous, descriptions)}${foundText}`;
    },
    buildEarlyExitMessage({ expectedIterationPaths, actual, previous, customUserDescription }) {
      const expectation = customUserDescription ?? joinAlternatives(expectedIterationPaths.map((path) => (path[0] === undefined ? "something" : labelOf(path[0]))));
      const found = actual[0];
      return `expected ${expectation} after ${describeToken(previous, descriptions)}${found === undefined ? "" : `, ${describeFound(found)}`}`;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// lexical errors

export function unexpectedCharactersMessage(characters: string): string {
  return characters.length === 1
    ? `unexpected character ${JSON.stringify(characters)}: it has no meaning here (to use it as text, put it in quotes)`
    : `unexpected characters ${JSON.stringify(characters)}: they have no meaning here (to use them as text, put them in quotes)`;
}

export const UNTERMINATED_STRING_MESSAGE = 'this string is never closed: add `"` at its end (a string cannot span lines)';
export const UNTERMINATED_COMMENT_MESSAGE = "this comment is never closed: add `*/` where it should end";
export const UNTERMINATED_TEMPLATE_MESSAGE = "this template is never closed: add a closing backtick (`) where it should end";

export const NESTED_TOO_DEEP_MESSAGE = `nested too deep: parentheses, lists, \`not\`s, \`if\`s and blocks may nest ${MAX_NESTING} levels at most; this part was skipped, write it flatter`;

// ---------------------------------------------------------------------------------------------
// tokens a block skipped

/** Declarations people put at the top level although they belong inside another block. */
const MISPLACED_AT_TOP_LEVEL = new Map<string, string>([
  ["}", "there is no open block here to close (one `}` too many?)"],
  ["entity", "an `entity` belongs inside a `source name { ... }` block"],
  ["csv", "`csv { ... }` options belong inside a `source` or `entity` block"],
  ["target", "`target` belongs inside the `migration name { ... }` block"],
  ["xmlid", "`xmlid` belongs inside the `migration name { ... }` block"],
  ["given", "`given` belongs inside a `test \"name\" { ... }` block"],
  ["expect", "`expect` belongs inside a `test \"name\" { ... }` block"],
  ["ignore", "`ignore` belongs inside a `map` or `split` body"],
]);

/** What each block expected where it skipped tokens, by the block's rule. */
const STRAY_EXPECTATIONS: Readonly<Record<string, string>> = {
  document: "a declaration: `migration`, `source`, `lookup`, `records`, `table`, `step`, `extend`, `map`, `split`, `test` or `import`",
  migrationDeclaration: "`source`, `target`, `xmlid`, `rule` or `}`",
  sourceDeclaration: "`csv`, `entity` or `}`",
  csvOptions: "an option such as `delimiter \";\"`, or `}`",
  entityDeclaration: "a column (`name type`), `csv`, `duplicates keep`, `group` or `}`",
  columnGroup: "a column (`name \"Header {n}\" type`) or `}`",
  lookupDeclaration: "`missing`, `archived` or `}`",
  recordsDeclaration: "a record (`name { field value }`) or `}`",
  fieldValueBlock: "a field and its value, or `}`",
  tableDeclaration: "an entry (`\"key\" -> value`), a default (`_ -> value`) or `}`",
  extendBlock: "a custom field (`x_name type \"Label\"`), `if` or `}`",
  selectionOptions: "a selection option (`key \"Label\"`) or `}`",
  splitDeclaration: "a target (`alias: model { ... }`) or `}`",
  body: "a field assignment (`field <- column` or `field = constant`), `ignore`, `with`, `if` or `}`",
  testDeclaration: "`given`, `expect` or `}`",
};

/** A run of tokens a block skipped, in a message that says what the block expected there. */
export function strayTokensMessage(block: string, tokens: readonly IToken[]): string {
  let shown = "";
  for (const token of tokens) {
    shown = shown === "" ? token.image : `${shown} ${token.image}`;
    if (shown.length > 40) break;
  }
  const text = (shown.length > 40 ? `${shown.slice(0, 37)}...` : shown).replace(/\n/g, " ");
  const first = tokens[0]?.image ?? "";
  const misplaced = block === "document" ? MISPLACED_AT_TOP_LEVEL.get(first) : undefined;
  // `a -1`: the minus belongs to the number (as in `sequence -1`), so the expression ended at `a`.
  if (misplaced === undefined && /^-\d/.test(first)) {
    return `unexpected \`${text}\`: \`${first}\` is a negative number; to subtract, write \`- ${first.slice(1)}\` with a space after the minus`;
  }
  return misplaced !== undefined ? `unexpected \`${text}\`: ${misplaced}` : `unexpected \`${text}\`: expected ${STRAY_EXPECTATIONS[block] ?? "something else"}`;
}

/** A selection key starting with a digit, which only a quoted key can be. */
export function digitSelectionKeyMessage(key: string): string {
  const quoted = JSON.stringify(key);
  return `the selection key ${quote(key)} starts with a digit: write it in quotes, \`${quoted} "Label"\` (Odoo takes any text as a key)`;
}
