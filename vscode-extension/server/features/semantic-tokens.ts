/**
 * Semantic tokens from syntax alone: the lexer says what is a keyword, string, number, comment or
 * operator; the syntax tree says what each name stands for (an entity, a model, a column, a
 * record, a table...). The tree wins, so a soft keyword used as a name (a column called `type`)
 * is coloured as the name it is.
 */
import type { SemanticTokensLegend } from "vscode-languageserver";
import type { Document, Name } from "../../../language/ast.js";
import type { LexResult } from "../../../language/lexer.js";
import { forEachNode } from "../../../language/visit.js";

export const TOKEN_TYPES = ["namespace", "class", "enum", "type", "struct", "variable", "property", "enumMember", "function", "keyword", "comment", "string", "number", "operator"] as const;
export const TOKEN_MODIFIERS = ["declaration"] as const;

export type TokenType = (typeof TOKEN_TYPES)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...TOKEN_TYPES], tokenModifiers: [...TOKEN_MODIFIERS] };

interface Role {
  readonly type: TokenType;
  readonly declaration: boolean;
}

const use = (type: TokenType): Role => ({ type, declaration: false });
const declare = (type: TokenType): Role => ({ type, declaration: true });

/** What a name means, by the node that holds it and the property it sits in. */
const NAME_ROLES: ReadonlyMap<string, Role> = new Map([
  ["ImportDeclaration.names", use("variable")],
  ["MigrationDeclaration.name", declare("namespace")],
  ["SourceReference.source", use("namespace")],
  ["RuleSetting.rule", use("property")],
  ["RuleSetting.severity", use("enumMember")],
  ["DeletedSetting.policy", use("enumMember")],
  ["SourceDeclaration.name", declare("namespace")],
  ["OptionSetting.name", use("property")],
  ["EntityDeclaration.name", declare("class")],
  ["EntityDeclaration.key", use("property")],
  ["ColumnDeclaration.name", declare("property")],
  ["ColumnDeclaration.type", use("type")],
  ["ColumnReference.entity", use("class")],
  ["DuplicatesRule.by", use("property")],
  ["ColumnGroup.name", declare("property")],
  ["LookupDeclaration.name", declare("function")],
  ["LookupDeclaration.model", use("type")],
  ["LookupDeclaration.matchFields", use("property")],
  ["RecordsDeclaration.model", use("type")],
  ["RecordsDeclaration.match", use("property")],
  ["RecordEntry.name", declare("enumMember")],
  ["FieldValue.field", use("property")],
  ["NameReference.name", use("enumMember")],
  ["TableDeclaration.name", declare("function")],
  ["TableDeclaration.input", use("type")],
  ["TableDeclaration.output", use("type")],
  ["StepDeclaration.name", declare("function")],
  ["ExtendDeclaration.model", use("type")],
  ["CustomFieldDeclaration.name", declare("property")],
  ["CustomFieldDeclaration.type", use("type")],
  ["CustomFieldDeclaration.relation", use("type")],
  ["SelectionOption.value", declare("enumMember")],
  ["MapDeclaration.entity", use("class")],
  ["MapDeclaration.model", use("type")],
  ["MapDeclaration.alias", declare("variable")],
  ["FallbackTarget.model", use("type")],
  ["SplitDeclaration.entity", use("class")],
  ["SplitTarget.alias", declare("variable")],
  ["SplitTarget.model", use("type")],
  ["SplitTarget.forEach", use("property")],
  ["Assignment.field", use("property")],
  ["EachBlock.entity", use("class")],
  ["EachBlock.by", use("property")],
  ["EachBlock.alias", declare("variable")],
  ["WithBlock.entity", use("class")],
  ["WithBlock.by", use("property")],
  ["WithBlock.orderBy", use("property")],
  ["HasCondition.name", use("type")],
  ["ColumnPath.parts", use("property")],
  ["RefExpression.alias", use("variable")],
  ["RefStep.alias", use("variable")],
  ["CallStep.callee", use("function")],
  ["GivenRow.entity", use("class")],
  ["ExpectRecord.model", use("type")],
  ["ExpectOutcome.entity", use("class")],
]);

const LEXICAL_TYPES: ReadonlyMap<string, TokenType> = new Map([
  ["StringLiteral", "string"],
  ["UnterminatedString", "string"],
  ["TemplateStart", "string"],
  ["TemplateEnd", "string"],
  ["TemplateText", "string"],
  ["NumberLiteral", "number"],
  ["Arrow", "operator"],
  ["LeftArrow", "operator"],
  ["Equals", "operator"],
  ["NotEquals", "operator"],
  ["Less", "operator"],
  ["LessEquals", "operator"],
  ["Greater", "operator"],
  ["GreaterEquals", "operator"],
  ["Coalesce", "operator"],
  ["Pipe", "operator"],
  ["Plus", "operator"],
  ["Minus", "operator"],
  ["Star", "operator"],
  ["Slash", "operator"],
]);

interface Span {
  readonly offset: number;
  readonly length: number;
  readonly role: Role;
}

/** Roles of every name in the tree, keyed by start offset. */
function nameRoles(document: Document): Map<number, Span> {
  const roles = new Map<number, Span>();
  const addName = (node: Name, role: Role): void => {
    const length = node.range.end.offset - node.range.start.offset;
    if (length > 0) roles.set(node.range.start.offset, { offset: node.range.start.offset, length, role });
  };
  // A name or dotted name under a key with a role takes that role; anything else is looked into.
  forEachNode(document.declarations, (node, parent, key) => {
    const role = parent === undefined ? undefined : NAME_ROLES.get(`${parent.kind}.${key ?? ""}`);
    if (role === undefined) return undefined;
    if (node.kind === "Name") addName(node, role);
    else if (node.kind === "QualifiedName") {
      for (const part of node.parts) addName(part, role);
      return "skip";
    }
    return undefined;
  });
  return roles;
}

/** A token of several lines becomes one span per line: editors do not all take multi-line tokens. */
function splitLines(offset: number, length: number, role: Role, text: string, into: Span[]): void {
  let start = offset;
  const end = offset + length;
  for (let index = offset; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === 10 || code === 13) {
      if (index > start) into.push({ offset: start, length: index - start, role });
      start = index + 1;
    }
  }
  if (end > start) into.push({ offset: start, length: end - start, role });
}

/** The spans to colour, in text order. Exported for tests, which read spans more easily than LSP's encoding. */
export function semanticSpans(document: Document, lexed: LexResult, text: string): Span[] {
  const roles = nameRoles(document);
  const spans: Span[] = [];
  for (const token of lexed.tokens) {
    const named = roles.get(token.startOffset);
    const length = token.image.length;
    if (named !== undefined) {
      spans.push(named);
      continue;
    }
    const name = token.tokenType.name;
    const lexical = name.startsWith("Keyword_") ? "keyword" : LEXICAL_TYPES.get(name);
    if (lexical !== undefined) splitLines(token.startOffset, length, use(lexical), text, spans);
  }
  for (const comment of document.comments) splitLines(comment.range.start.offset, comment.range.end.offset - comment.range.start.offset, use("comment"), text, spans);
  return spans.sort((left, right) => left.offset - right.offset);
}

/** LSP's encoding: five numbers per token, line and start relative to the previous token. */
export function semanticTokens(document: Document, lexed: LexResult, text: string, lineStarts: readonly number[]): number[] {
  const data: number[] = [];
  let previousLine = 0;
  let previousStart = 0;
  let lineIndex = 0;
  for (const span of semanticSpans(document, lexed, text)) {
    while (lineIndex + 1 < lineStarts.length && (lineStarts[lineIndex + 1] ?? Infinity) <= span.offset) lineIndex++;
    const character = span.offset - (lineStarts[lineIndex] ?? 0);
    const deltaLine = lineIndex - previousLine;
    data.push(deltaLine, deltaLine === 0 ? character - previousStart : character, span.length, TOKEN_TYPES.indexOf(span.role.type), span.role.declaration ? 1 : 0);
    previousLine = lineIndex;
    previousStart = character;
  }
  return data;
}
