/**
 * Syntax error messages in a mapping specialist's words: what was expected, after what, and what
 * was found instead; never token type names.
 */
import { EOF, tokenMatcher, type IParserErrorMessageProvider, type IToken, type TokenType } from "chevrotain";
import { isReservedWord, Name, RESERVED_WORDS, SOFT_KEYWORDS } from "./tokens.js";

type RoleOf = (token: IToken) => string | undefined;

const KEYWORDS = new Set<string>([...RESERVED_WORDS, ...SOFT_KEYWORDS]);

function quote(text: string): string {
  const shown = text.length > 40 ? `${text.slice(0, 37)}...` : text;
  return `\`${shown.replace(/\n/g, " ")}\``;
}

export function describeToken(token: IToken | undefined, roleOf: RoleOf): string {
  if (token === undefined || Number.isNaN(token.startOffset) || token.tokenType === EOF) return "the start of the file";
  const role = roleOf(token);
  if (role !== undefined) return `the ${role} ${quote(token.image)}`;
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
  assignment: "`<-` (a value from the source) or `=` (a constant)",
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

export function createErrorMessageProvider(roleOf: RoleOf, expectedRole: () => string | undefined): IParserErrorMessageProvider {
  return {
    buildMismatchTokenMessage({ expected, actual, previous }) {
      const role = expectedRole();
      if (expected === Name && !tokenMatcher(actual, Name) && isReservedWord(actual.image)) {
        return `${quote(actual.image)} is a reserved word and cannot be used as ${role === undefined ? "a name" : withArticle(role)}; choose another name`;
      }
      const expectation = expected === Name && role !== undefined ? withArticle(role) : labelOf(expected);
      return `expected ${expectation} after ${describeToken(previous, roleOf)}, ${describeFound(actual)}`;
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
      if (found !== undefined && isReservedWord(found.image) && !KEYWORDS.has(previous?.image ?? "")) {
        return `expected ${expectation} after ${describeToken(previous, roleOf)}${foundText} (a reserved word)`;
      }
      return `expected ${expectation} after ${describeToken(previous, roleOf)}${foundText}`;
    },
    buildEarlyExitMessage({ expectedIterationPaths, actual, previous, customUserDescription }) {
      const expectation = customUserDescription ?? joinAlternatives(expectedIterationPaths.map((path) => (path[0] === undefined ? "something" : labelOf(path[0]))));
      const found = actual[0];
      return `expected ${expectation} after ${describeToken(previous, roleOf)}${found === undefined ? "" : `, ${describeFound(found)}`}`;
    },
  };
}
