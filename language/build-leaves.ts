/** The leaves of the syntax tree, made from tokens: names, literals, holes. */
import type { IToken } from "chevrotain";
import type * as A from "./ast.js";
import type { Position } from "./location.js";
import { tokenRange } from "./tree-parser.js";

function escapedCharacter(character: string): string {
  switch (character) {
    case "n":
      return "\n";
    case "t":
      return "\t";
    case "r":
      return "\r";
    default:
      return character;
  }
}

function isLineBreak(character: string): boolean {
  return character === "\n" || character === "\r" || character === "\u2028" || character === "\u2029";
}

/**
 * The text of a string or template with its backslash escapes resolved (`\n`, `\t`, `\r`; any
 * other character stands for itself; a backslash before a line break stays as written).
 */
export function unescapeString(body: string): string {
  let escape = body.indexOf("\\");
  if (escape < 0) return body;
  const parts: string[] = [];
  let from = 0;
  while (escape >= 0 && escape + 1 < body.length) {
    const escaped = body.charAt(escape + 1);
    if (isLineBreak(escaped)) {
      escape = body.indexOf("\\", escape + 1);
      continue;
    }
    parts.push(body.slice(from, escape), escapedCharacter(escaped));
    from = escape + 2;
    escape = body.indexOf("\\", from);
  }
  parts.push(body.slice(from));
  return parts.join("");
}

export function missing(expected: string, at: Position): A.Missing {
  return { kind: "Missing", expected, range: { start: at, end: at } };
}

export function name(token: IToken): A.Name {
  return { kind: "Name", value: token.image, range: tokenRange(token) };
}

export function nameOrMissing(token: IToken | undefined, expected: string, at: Position): A.Name | A.Missing {
  return token === undefined ? missing(expected, at) : name(token);
}

export function isStringToken(token: IToken): boolean {
  return token.tokenType.name === "StringLiteral" || token.tokenType.name === "UnterminatedString";
}

export function stringLiteral(token: IToken): A.StringLiteral {
  const body = token.tokenType.name === "StringLiteral" ? token.image.slice(1, -1) : token.image.slice(1);
  return { kind: "StringLiteral", value: unescapeString(body), range: tokenRange(token) };
}

export function stringOrMissing(token: IToken | undefined, expected: string, at: Position): A.StringLiteral | A.Missing {
  return token === undefined ? missing(expected, at) : stringLiteral(token);
}

export function numberLiteral(token: IToken): A.NumberLiteral {
  return { kind: "NumberLiteral", value: Number(token.image), raw: token.image, range: tokenRange(token) };
}

export function numberOrMissing(token: IToken | undefined, at: Position): A.NumberLiteral | A.Missing {
  return token === undefined ? missing("a number", at) : numberLiteral(token);
}

export function booleanLiteral(token: IToken): A.BooleanLiteral {
  return { kind: "BooleanLiteral", value: token.image === "true", range: tokenRange(token) };
}

/** A string, number or boolean token as its literal. */
export function literalOf(token: IToken): A.Literal {
  if (token.tokenType.name === "NumberLiteral") return numberLiteral(token);
  if (token.image === "true" || token.image === "false") return booleanLiteral(token);
  return stringLiteral(token);
}

/** A dotted name from its parts; Missing when recovery left no part. */
export function qualifiedNameOf(parts: readonly IToken[], at: Position): A.QualifiedName | A.Missing {
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (first === undefined || last === undefined) return missing("a model name", at);
  const names = parts.map(name);
  const firstName = names[0];
  const lastName = names[names.length - 1];
  if (firstName === undefined || lastName === undefined) return missing("a model name", at);
  return { kind: "QualifiedName", parts: names, value: names.map((part) => part.value).join("."), range: { start: firstName.range.start, end: lastName.range.end } };
}
