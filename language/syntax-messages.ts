/**
 * Syntax error messages in a mapping specialist's words: what was expected, after what, and what
 * was found instead; never token type names.
 */
import { EOF, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";
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
  notExpression: "a value: a column, a quoted string, a number, `true`, `false`, a template, a list or `ref`",
  primary: "a value: a column, a quoted string, a number, `true`, `false`, a template, a list or `ref`",
  pipeStep: "a built-in, a table or a lookup name (or `ref` and an alias)",
  literal: "a quoted string, a number, `true` or `false`",
  value: "a quoted string, a number, `true`, `false` or a record name",
  missingPolicy: "`reject`, `flag`, `halt` or `fallback` and a value",
  archivedSetting: "`include` or `exclude`",
  targetCondition: "a version comparison such as `>= \"19.0\"`, or `has` / `lacks` and a model or field",
  comparisonOperator: "a comparison (`=`, `!=`, `<`, `<=`, `>`, `>=`)",
  comparison: "a comparison, `is present`, `is empty` or `in [...]`",
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
    buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }) {
      const found = actual[0];
      const expectation =
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
