/**
 * Where the cursor is, for completion: which block it is in (a map body, an entity, a records
 * entry...) and what kind of name may stand at the cursor (a field of the model, a column, a
 * built-in, an alias after `ref`...). Read from the tokens before the cursor, not from the syntax
 * tree: a half-typed statement has no tree worth the name, but its tokens say exactly what was
 * written. The names themselves (models, entities, columns) are the analysis's to supply.
 */
import type { IToken } from "chevrotain";
import type { Document } from "../../../language/ast.js";
import { tokenize } from "../../../language/lexer.js";

/** The model records of a body are loaded into: written in a header, or a one2many's relation. */
export type ModelSource =
  { readonly kind: "named"; readonly model: string } | { readonly kind: "child"; readonly parent: ModelSource | undefined; readonly field: string };

/** A map, split target, fallback or `each` body, with what its statements read and write. */
export interface BodyFrame {
  readonly kind: "body";
  readonly model: ModelSource | undefined;
  /** The entity whose rows the body reads. */
  readonly entity: string | undefined;
  /** The entity of the innermost `with` block, whose columns are read as lists. */
  readonly linked: string | undefined;
  /** The offset of the `split` keyword, for a split target's body (siblings are found from there). */
  readonly splitStart: number | undefined;
  /** The alias of the split target the body belongs to. */
  readonly alias: string | undefined;
  /** The offset of the body's `{`. */
  readonly open: number;
}

export type Frame =
  | { readonly kind: "top" }
  | { readonly kind: "migration" }
  | { readonly kind: "source" }
  | { readonly kind: "csv" }
  | { readonly kind: "entity"; readonly entity: string | undefined }
  | { readonly kind: "lookup" }
  | { readonly kind: "records"; readonly model: string | undefined }
  | { readonly kind: "record-entry"; readonly model: string | undefined; readonly open: number }
  | { readonly kind: "table"; readonly output: string | undefined }
  | { readonly kind: "extend"; readonly model: string | undefined }
  | { readonly kind: "split"; readonly entity: string | undefined; readonly start: number }
  | BodyFrame
  | { readonly kind: "test" }
  | { readonly kind: "given"; readonly entity: string | undefined; readonly open: number }
  | { readonly kind: "expect"; readonly model: string | undefined; readonly open: number }
  | { readonly kind: "other" };

/** What may be written at the cursor. */
export type Slot =
  /** Only what the grammar allows (keywords), no names. */
  | { readonly kind: "keywords" }
  | { readonly kind: "entities" }
  | { readonly kind: "models" }
  /** Column types, and (when `models`) models too: the sides of a table. */
  | { readonly kind: "types"; readonly models: boolean }
  | { readonly kind: "custom-field-types" }
  | { readonly kind: "columns"; readonly entity: string | undefined }
  /** Key columns in an entity's header: the columns its block (below the cursor) declares. */
  | { readonly kind: "key-columns" }
  | { readonly kind: "groups"; readonly entity: string | undefined }
  /** Fields of a model: at a body's statement start, in a records entry, an `expect` block or after a lookup's `by`. */
  | {
      readonly kind: "fields";
      readonly model: ModelSource | undefined;
      readonly context: "body" | "record" | "expect" | "match";
      readonly assigned: readonly string[];
    }
  /** A value read from the source: columns (and linked columns in a `with` block). */
  | { readonly kind: "source-value"; readonly frame: BodyFrame | undefined; readonly entity: string | undefined; readonly field: string | undefined }
  /** The right side of a comparison with a column: that column's table keys, and columns. */
  | { readonly kind: "compare-value"; readonly frame: BodyFrame | undefined; readonly entity: string | undefined; readonly column: string | undefined }
  /** A constant for a field (after `=`, in a records entry or an `expect` block): selection keys, records, booleans. */
  | { readonly kind: "constant"; readonly model: ModelSource | undefined; readonly field: string }
  /** A cell of a `given` row: the keys of the tables the column is read through. */
  | { readonly kind: "given-value"; readonly entity: string | undefined; readonly column: string }
  | { readonly kind: "steps"; readonly frame: BodyFrame | undefined; readonly field: string | undefined }
  | { readonly kind: "ref-aliases"; readonly frame: BodyFrame | undefined; readonly field: string | undefined }
  | { readonly kind: "sibling-aliases"; readonly frame: BodyFrame }
  /** After `Name.`: the columns of an entity or a column group. */
  | { readonly kind: "member"; readonly owner: string; readonly frame: BodyFrame | undefined; readonly entity: string | undefined }
  /** The argument of `get(...)`: `Entity.column`. */
  | { readonly kind: "entity-columns" }
  | { readonly kind: "table-value"; readonly output: string | undefined }
  | { readonly kind: "sources" }
  | { readonly kind: "rules" }
  | { readonly kind: "severities" }
  | { readonly kind: "series" }
  | { readonly kind: "option-names" }
  /** `if setting ‸`: the package's settings; `if setting name = ‸`: the values it is declared or tested with. */
  | { readonly kind: "settings" }
  | { readonly kind: "setting-values"; readonly name: string };

export interface CompletionContext {
  readonly frame: Frame;
  readonly slot: Slot;
  /** The text being completed: from `replaceStart` to the cursor. */
  readonly prefix: string;
  /** Where the replaced text starts; for a quoted value, the opening quote. */
  readonly replaceStart: number;
  /** Where the replaced text ends: the cursor, or past the closing quote of a quoted value. */
  readonly replaceEnd: number;
  /** The cursor stands in a quoted string: only quoted values are offered. */
  readonly inString: boolean;
}

const kind = (token: IToken | undefined): string => token?.tokenType.name ?? "";
const isKeyword = (token: IToken | undefined, word: string): boolean => kind(token) === `Keyword_${word}`;
const isNameToken = (token: IToken | undefined): boolean =>
  token !== undefined && (kind(token) === "Identifier" || (kind(token).startsWith("Keyword_") && /^[A-Za-z_]/.test(token.image)));
const endLine = (token: IToken): number => token.endLine ?? token.startLine ?? 1;

/** A dotted name starting at `index`: its text and the index after it. */
function qualifiedNameAt(tokens: readonly IToken[], index: number): { name: string | undefined; next: number } {
  if (!isNameToken(tokens[index])) return { name: undefined, next: index };
  let name = tokens[index]?.image ?? "";
  let next = index + 1;
  while (kind(tokens[next]) === "Dot" && isNameToken(tokens[next + 1])) {
    name += `.${tokens[next + 1]?.image ?? ""}`;
    next += 2;
  }
  return { name, next };
}

function lastIndexOf(tokens: readonly IToken[], test: (token: IToken) => boolean, from = tokens.length - 1): number {
  for (let index = from; index >= 0; index--) if (test(tokens[index] as IToken)) return index;
  return -1;
}

/** Whether `tokens[index]` begins a statement: first in its segment, or first on its line. */
function startsStatement(tokens: readonly IToken[], index: number): boolean {
  const previous = tokens[index - 1];
  const token = tokens[index];
  if (previous === undefined || token === undefined) return true;
  return kind(previous) === "LCurly" || kind(previous) === "RCurly" || endLine(previous) < (token.startLine ?? 1);
}

/** The index of the assignment operator of the statement the cursor is in, within a body segment. */
function assignmentOperatorIndex(segment: readonly IToken[]): number {
  for (let index = segment.length - 1; index >= 1; index--) {
    const token = segment[index];
    if (kind(token) !== "LeftArrow" && kind(token) !== "Equals") continue;
    if (isNameToken(segment[index - 1]) && startsStatement(segment, index - 1)) return index;
  }
  return -1;
}

interface OpenFrame {
  readonly frame: Frame;
  /** A template hole (`{...}` in backticks): an expression, whatever the block around it. */
  readonly hole?: boolean;
  /** Index of the first token after the frame's `{` (its segment restarts after each nested block). */
  segmentStart: number;
}

/** What a `{` opens, read from the tokens of the segment before it (the header). */
function classifyBlock(parent: Frame, header: readonly IToken[], open: IToken): Frame {
  const first = header[0];
  const openOffset = open.startOffset;
  switch (parent.kind) {
    case "top": {
      if (isKeyword(first, "migration")) return { kind: "migration" };
      if (isKeyword(first, "source")) return { kind: "source" };
      if (isKeyword(first, "lookup")) return { kind: "lookup" };
      if (isKeyword(first, "records")) return { kind: "records", model: qualifiedNameAt(header, 1).name };
      if (isKeyword(first, "extend")) return { kind: "extend", model: qualifiedNameAt(header, 1).name };
      if (isKeyword(first, "test")) return { kind: "test" };
      if (isKeyword(first, "table")) {
        const arrow = header.findIndex((token) => kind(token) === "Arrow");
        return { kind: "table", output: arrow < 0 ? undefined : qualifiedNameAt(header, arrow + 1).name };
      }
      if (isKeyword(first, "split")) return { kind: "split", entity: isNameToken(header[1]) ? header[1]?.image : undefined, start: first?.startOffset ?? 0 };
      if (isKeyword(first, "map")) {
        const model = kind(header[2]) === "Arrow" ? qualifiedNameAt(header, 3).name : undefined;
        return body(
          model === undefined ? undefined : { kind: "named", model },
          isNameToken(header[1]) ? header[1]?.image : undefined,
          undefined,
          undefined,
          undefined,
          openOffset,
        );
      }
      // `map ... { } fallback model { }`: the fallback of the map before it.
      if (isKeyword(first, "fallback")) {
        const model = qualifiedNameAt(header, 1).name;
        return body(model === undefined ? undefined : { kind: "named", model }, undefined, undefined, undefined, undefined, openOffset);
      }
      return { kind: "other" };
    }
    case "source":
      if (isKeyword(first, "csv")) return { kind: "csv" };
      if (isKeyword(first, "entity")) return { kind: "entity", entity: isNameToken(header[1]) ? header[1]?.image : undefined };
      return { kind: "other" };
    case "entity":
      if (isKeyword(first, "csv")) return { kind: "csv" };
      if (isKeyword(first, "group")) return { kind: "entity", entity: parent.entity };
      return { kind: "other" };
    case "records":
      return { kind: "record-entry", model: parent.model, open: openOffset };
    case "extend": {
      // `if odoo ... {` and `else {` keep the extend's model; a selection field's `{` lists its options.
      const conditional = lastIndexOf(header, (token) => isKeyword(token, "if") || isKeyword(token, "else"));
      return conditional >= 0 ? parent : { kind: "other" };
    }
    case "split": {
      if (isKeyword(first, "fallback")) {
        const model = qualifiedNameAt(header, 1).name;
        return body(model === undefined ? undefined : { kind: "named", model }, parent.entity, undefined, parent.start, undefined, openOffset);
      }
      const model = kind(header[1]) === "Colon" ? qualifiedNameAt(header, 2).name : undefined;
      return body(
        model === undefined ? undefined : { kind: "named", model },
        parent.entity,
        undefined,
        parent.start,
        isNameToken(first) ? first?.image : undefined,
        openOffset,
      );
    }
    case "body": {
      const at = lastIndexOf(header, (token) => ["each", "with", "if", "else"].some((word) => isKeyword(token, word)));
      const opener = header[at];
      if (isKeyword(opener, "each")) {
        const field = kind(header[at - 1]) === "LeftArrow" || kind(header[at - 1]) === "Equals" ? header[at - 2]?.image : undefined;
        const entity = isNameToken(header[at + 1]) ? header[at + 1]?.image : undefined;
        return body(field === undefined ? undefined : { kind: "child", parent: parent.model, field }, entity, undefined, undefined, undefined, openOffset);
      }
      if (isKeyword(opener, "with")) {
        const linked = isNameToken(header[at + 1]) ? header[at + 1]?.image : undefined;
        return { ...parent, linked, open: openOffset };
      }
      if (isKeyword(opener, "if") || isKeyword(opener, "else")) return { ...parent, open: openOffset };
      return { kind: "other" };
    }
    case "test":
      if (isKeyword(first, "given")) return { kind: "given", entity: isNameToken(header[1]) ? header[1]?.image : undefined, open: openOffset };
      if (isKeyword(first, "expect")) return { kind: "expect", model: qualifiedNameAt(header, 1).name, open: openOffset };
      return { kind: "other" };
    default:
      return { kind: "other" };
  }
}

function body(
  model: ModelSource | undefined,
  entity: string | undefined,
  linked: string | undefined,
  splitStart: number | undefined,
  alias: string | undefined,
  open: number,
): BodyFrame {
  return { kind: "body", model, entity, linked, splitStart, alias, open };
}

/** The top-level declaration to read from: the last one starting before the cursor. */
function readingStart(document: Document, offset: number): number {
  let start = 0;
  for (const declaration of document.declarations) {
    if (declaration.range.start.offset >= offset) break;
    start = declaration.range.start.offset;
  }
  return start;
}

const TEXT_TOKENS = new Set(["StringLiteral", "UnterminatedString"]);
const TEMPLATE_TOKENS = new Set(["TemplateStart", "TemplateEnd", "TemplateText", "HoleStart", "HoleEnd"]);

/**
 * The completion context at `offset` of `text` (whose tree, possibly broken, is `document`);
 * undefined where nothing is completed: in a comment, a number or template text.
 */
export function completionContext(text: string, offset: number, document: Document): CompletionContext | undefined {
  const from = readingStart(document, offset);
  const lexed = tokenize(text.slice(from, offset), document.file);
  const end = offset - from;
  if (lexed.comments.some((comment) => comment.range.end.offset >= end && (comment.kind === "LineComment" || !comment.text.endsWith("*/")))) return undefined;
  const all = lexed.tokens;
  const last = all[all.length - 1];
  const touching = last !== undefined && (last.endOffset ?? last.startOffset) + 1 >= end;
  let tokens = all;
  let replaceStart = offset;
  let replaceEnd = offset;
  let inString = false;
  let prefix = "";
  if (touching && last !== undefined) {
    const name = kind(last);
    if (TEXT_TOKENS.has(name)) {
      // The cursor in a quoted value: the whole string is replaced (with the closing quote the editor added).
      if (name === "StringLiteral" && (last.endOffset ?? 0) + 1 === end) return undefined;
      inString = true;
      tokens = all.slice(0, -1);
      replaceStart = from + last.startOffset;
      replaceEnd = text.charAt(offset) === '"' ? offset + 1 : offset;
      prefix = text.slice(replaceStart, offset);
    } else if (name === "NumberLiteral" || name === "TemplateText" || name === "TemplateStart") {
      return undefined;
    } else if (/^[A-Za-z_]/.test(last.image)) {
      // The word being typed, with the dotted name it continues (`res.par`): a dotted name is replaced whole.
      let start = all.length - 1;
      while (
        start >= 2 &&
        kind(all[start - 1]) === "Dot" &&
        isNameToken(all[start - 2]) &&
        (all[start - 1]?.startOffset ?? 0) === (all[start - 2]?.endOffset ?? 0) + 1
      )
        start -= 2;
      tokens = all.slice(0, start);
      replaceStart = from + (all[start]?.startOffset ?? end);
      prefix = text.slice(replaceStart, offset);
    } else if (kind(last) === "Dot" && isNameToken(all[all.length - 2])) {
      // `Company.` or `res.`: the dotted name goes on.
      let start = all.length - 2;
      while (start >= 2 && kind(all[start - 1]) === "Dot" && isNameToken(all[start - 2])) start -= 2;
      tokens = all.slice(0, start);
      replaceStart = from + (all[start]?.startOffset ?? end);
      prefix = text.slice(replaceStart, offset);
    }
  }
  const stack: OpenFrame[] = [{ frame: { kind: "top" }, segmentStart: 0 }];
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index] as IToken;
    const name = kind(token);
    const current = stack[stack.length - 1] as OpenFrame;
    if (name === "LCurly") {
      const header = tokens.slice(current.segmentStart, index);
      stack.push({ frame: classifyBlock(current.frame, header, { ...token, startOffset: from + token.startOffset }), segmentStart: index + 1 });
    } else if (name === "RCurly") {
      if (stack.length > 1) stack.pop();
      const parent = stack[stack.length - 1] as OpenFrame;
      // What follows a block is a new segment of its parent (a map's `fallback model {` among them).
      parent.segmentStart = index + 1;
    } else if (name === "HoleStart") {
      stack.push({ frame: current.frame, segmentStart: index + 1, hole: true });
    } else if (name === "HoleEnd") {
      if (stack.length > 1) stack.pop();
    }
  }
  const open = stack[stack.length - 1] as OpenFrame;
  // A template's text and hole markers are not code: what its holes hold reads as the expression's operands.
  const segment = tokens.slice(open.segmentStart).filter((token) => !TEMPLATE_TOKENS.has(kind(token)));
  const slot = open.hole === true ? holeSlot(open.frame, segment, prefix) : slotIn(open.frame, segment, prefix, inString, startsLine(text, replaceStart));
  return { frame: open.frame, slot, prefix, replaceStart, replaceEnd, inString };
}

/** Inside a template hole: a value of the row the body (or the header's entity) reads. */
function holeSlot(frame: Frame, segment: readonly IToken[], prefix: string): Slot {
  const body = frame.kind === "body" ? frame : undefined;
  const entity = body?.entity ?? (frame.kind === "split" ? frame.entity : undefined);
  if (segment.length === 0)
    return prefix.includes(".")
      ? { kind: "member", owner: prefix.slice(0, prefix.indexOf(".")), frame: body, entity }
      : { kind: "source-value", frame: body, entity, field: undefined };
  return expressionSlot(segment, body, entity, undefined, prefix) ?? { kind: "keywords" };
}

/** Whether only blanks stand between the start of the line and `offset`. */
function startsLine(text: string, offset: number): boolean {
  let index = offset;
  while (index > 0 && (text.charAt(index - 1) === " " || text.charAt(index - 1) === "\t")) index--;
  return index === 0 || text.charAt(index - 1) === "\n" || text.charAt(index - 1) === "\r";
}

/** The column a comparison or `in` compares: a single name right before the operator. */
function comparedColumn(segment: readonly IToken[], operatorIndex: number): string | undefined {
  const operand = segment[operatorIndex - 1];
  if (!isNameToken(operand) || kind(segment[operatorIndex - 2]) === "Dot") return undefined;
  return operand?.image;
}

const COMPARISONS = new Set(["Equals", "NotEquals", "Less", "LessEquals", "Greater", "GreaterEquals"]);
const OPERAND_BEFORE = new Set([
  "Coalesce",
  "Plus",
  "Minus",
  "Star",
  "Slash",
  "LParen",
  "Comma",
  "LBracket",
  "Keyword_and",
  "Keyword_or",
  "Keyword_not",
  "Keyword_then",
  "Keyword_else",
  "Keyword_if",
  "Keyword_when",
  "HoleStart",
]);

/** What stands at the cursor inside an expression, after `segment` (tokens since the expression's start). */
function expressionSlot(
  segment: readonly IToken[],
  frame: BodyFrame | undefined,
  entity: string | undefined,
  field: string | undefined,
  prefix: string,
): Slot | undefined {
  const previous = segment[segment.length - 1];
  const before = segment[segment.length - 2];
  const name = kind(previous);
  if (prefix.includes(".")) return { kind: "member", owner: prefix.slice(0, prefix.indexOf(".")), frame, entity };
  if (name === "Pipe") return { kind: "steps", frame, field };
  if (name === "Keyword_ref")
    return kind(before) === "Pipe" || frame === undefined ? { kind: "ref-aliases", frame, field } : { kind: "sibling-aliases", frame };
  if (name === "LParen" && before?.image === "get") return { kind: "entity-columns" };
  if (name === "Keyword_setting") return { kind: "settings" };
  // `get(Company.vat by ‸)`: the columns of the entity whose row the value names.
  const getOpen = segment.length - 6;
  if (name === "Keyword_by" && segment[getOpen]?.image === "get" && kind(segment[getOpen + 1]) === "LParen" && kind(segment[getOpen + 3]) === "Dot")
    return { kind: "columns", entity: segment[getOpen + 2]?.image };
  if (COMPARISONS.has(name)) return { kind: "compare-value", frame, entity, column: comparedColumn(segment, segment.length - 1) };
  if (name === "Comma" || name === "LBracket") {
    // Inside `column in [...]`: the values compared.
    const bracket = lastIndexOf(segment, (token) => kind(token) === "LBracket");
    if (bracket > 0 && isKeyword(segment[bracket - 1], "in") && lastIndexOf(segment, (token) => kind(token) === "RBracket") < bracket) {
      const negated = isKeyword(segment[bracket - 2], "not");
      return { kind: "compare-value", frame, entity, column: comparedColumn(segment, bracket - (negated ? 2 : 1)) };
    }
  }
  if (OPERAND_BEFORE.has(name)) return { kind: "source-value", frame, entity, field };
  return undefined;
}

function slotIn(frame: Frame, segment: readonly IToken[], prefix: string, inString: boolean, wordStartsLine: boolean): Slot {
  const previous = segment[segment.length - 1];
  const name = kind(previous);
  const at = (index: number): IToken | undefined => segment[index < 0 ? segment.length + index : index];
  // `if setting ...`, in a header or a body.
  if (name === "Keyword_setting" && isKeyword(at(-2), "if")) return { kind: "settings" };
  if ((name === "Equals" || name === "NotEquals") && isNameToken(at(-2)) && isKeyword(at(-3), "setting") && isKeyword(at(-4), "if")) {
    return { kind: "setting-values", name: at(-2)?.image ?? "" };
  }
  switch (frame.kind) {
    case "top":
      return topLevelSlot(segment, prefix);
    case "migration":
      if (name === "Keyword_source" && startsStatement(segment, segment.length - 1)) return { kind: "sources" };
      if (name === "Keyword_rule") return { kind: "rules" };
      if (isKeyword(at(-2), "rule") && isNameToken(previous)) return { kind: "severities" };
      if (name === "Keyword_odoo" && isKeyword(at(-2), "target")) return { kind: "series" };
      return { kind: "keywords" };
    case "source": {
      const entityAt = lastIndexOf(segment, (token) => isKeyword(token, "entity"));
      if (entityAt >= 0) {
        const keyAt = lastIndexOf(segment, (token) => isKeyword(token, "key"));
        if (keyAt > entityAt && (keyAt === segment.length - 1 || name === "LParen" || name === "Comma")) return { kind: "key-columns" };
      }
      return { kind: "keywords" };
    }
    case "csv":
      // `name value` pairs: a name where a pair starts.
      return segment.length % 2 === 0 ? { kind: "option-names" } : { kind: "keywords" };
    case "entity": {
      if (name === "Keyword_references") return { kind: "entities" };
      if (name === "Keyword_by" && isKeyword(at(-2), "newest")) return { kind: "columns", entity: frame.entity };
      // `name` or `name "Header"` at the start of a line: the column's type comes next.
      const nameIndex = kind(previous) === "StringLiteral" ? segment.length - 2 : segment.length - 1;
      if (isNameToken(segment[nameIndex]) && startsStatement(segment, nameIndex) && !isKeyword(segment[nameIndex], "duplicates"))
        return { kind: "types", models: false };
      return { kind: "keywords" };
    }
    case "extend": {
      if (isNameToken(previous) && startsStatement(segment, segment.length - 1) && !isKeyword(previous, "if")) return { kind: "custom-field-types" };
      if (previous?.image === "many2one" || previous?.image === "many2many" || previous?.image === "one2many") return { kind: "models" };
      return { kind: "keywords" };
    }
    case "lookup":
      return { kind: "keywords" };
    case "records":
      return { kind: "keywords" };
    case "record-entry":
      return fieldValueSlot(segment, modelOf(frame.model), "record");
    case "expect":
      return fieldValueSlot(segment, modelOf(frame.model), "expect");
    case "given": {
      if (segment.length % 2 === 0) return { kind: "columns", entity: frame.entity };
      const column = previous?.image ?? "";
      return { kind: "given-value", entity: frame.entity, column };
    }
    case "table":
      if (name === "Arrow") return { kind: "table-value", output: frame.output };
      return { kind: "keywords" };
    case "split": {
      const colon = segment.findIndex((token) => kind(token) === "Colon");
      if (name === "Colon") return { kind: "models" };
      if (name === "Keyword_each" && isKeyword(at(-2), "for")) return { kind: "groups", entity: frame.entity };
      const when = lastIndexOf(segment, (token) => isKeyword(token, "when"));
      if (colon >= 0 && when > colon) return expressionSlot(segment.slice(when), undefined, frame.entity, undefined, prefix) ?? { kind: "keywords" };
      return { kind: "keywords" };
    }
    case "body":
      return bodySlot(frame, segment, prefix, inString, wordStartsLine);
    default:
      return { kind: "keywords" };
  }
}

/** Outside any block: in the header of a map, split, records, lookup or table declaration. */
/** Where the last `step NAME =` of a segment starts (a named step's steps run to the next declaration), or -1. */
function namedStepStart(segment: readonly IToken[]): number {
  for (let index = segment.length - 3; index >= 0; index--) if (isKeyword(segment[index], "step") && kind(segment[index + 2]) === "Equals") return index;
  return -1;
}

function topLevelSlot(segment: readonly IToken[], prefix: string): Slot {
  const name = kind(segment[segment.length - 1]);
  const at = (index: number): IToken | undefined => segment[index < 0 ? segment.length + index : index];
  // `step tidy = trim | ‸`: a named step's steps, as after a pipeline's `|`; after `??`, a fallback's first.
  if ((name === "Pipe" || name === "Equals" || name === "Coalesce") && namedStepStart(segment) >= 0) return { kind: "steps", frame: undefined, field: undefined };
  const first = segment[0];
  if (isKeyword(first, "map")) {
    if (segment.length === 1) return { kind: "entities" };
    if (segment.length === 3 && name === "Arrow") return { kind: "models" };
    const when = segment.findIndex((token) => isKeyword(token, "when"));
    if (when >= 0) return expressionSlot(segment.slice(when), undefined, at(1)?.image, undefined, prefix) ?? { kind: "keywords" };
    return { kind: "keywords" };
  }
  if (isKeyword(first, "split")) {
    if (segment.length === 1) return { kind: "entities" };
    const when = segment.findIndex((token) => isKeyword(token, "when"));
    if (when >= 0) return expressionSlot(segment.slice(when), undefined, at(1)?.image, undefined, prefix) ?? { kind: "keywords" };
    return { kind: "keywords" };
  }
  if ((isKeyword(first, "records") || isKeyword(first, "extend") || isKeyword(first, "fallback")) && segment.length === 1) return { kind: "models" };
  if (isKeyword(first, "records") && name === "Keyword_match")
    return { kind: "fields", model: modelOf(qualifiedNameAt(segment, 1).name), context: "match", assigned: [] };
  if (isKeyword(first, "lookup")) {
    if (name === "Keyword_in" && segment.length === 3) return { kind: "models" };
    if (name === "Keyword_by" || name === "Keyword_or")
      return { kind: "fields", model: modelOf(qualifiedNameAt(segment, 3).name), context: "match", assigned: [] };
    return { kind: "keywords" };
  }
  if (isKeyword(first, "table")) {
    if (name === "Colon") return { kind: "types", models: false };
    if (name === "Arrow") return { kind: "types", models: true };
  }
  return { kind: "keywords" };
}

function modelOf(name: string | undefined): ModelSource | undefined {
  return name === undefined ? undefined : { kind: "named", model: name };
}

/** `field value` pairs (records entries, `expect` blocks): a field name, or the value of the one before. */
function fieldValueSlot(segment: readonly IToken[], model: ModelSource | undefined, context: "record" | "expect"): Slot {
  // A negative number is one token, so pairs alternate exactly.
  if (segment.length % 2 === 0) {
    const assigned = segment.filter((_, index) => index % 2 === 0).map((token) => token.image);
    return { kind: "fields", model, context, assigned };
  }
  return { kind: "constant", model, field: segment[segment.length - 1]?.image ?? "" };
}

function bodySlot(frame: BodyFrame, segment: readonly IToken[], prefix: string, inString: boolean, wordStartsLine: boolean): Slot {
  const previous = segment[segment.length - 1];
  const name = kind(previous);
  const assigned = (): string[] =>
    segment
      .filter(
        (token, index) =>
          isNameToken(token) && startsStatement(segment, index) && (kind(segment[index + 1]) === "LeftArrow" || kind(segment[index + 1]) === "Equals"),
      )
      .map((token) => token.image);
  if (previous === undefined || name === "LCurly" || name === "RCurly")
    return inString ? { kind: "keywords" } : { kind: "fields", model: frame.model, context: "body", assigned: assigned() };
  // Block headers inside a body.
  const header = lastIndexOf(segment, (token) => isKeyword(token, "with") || isKeyword(token, "each") || isKeyword(token, "ignore") || isKeyword(token, "if"));
  const opener = segment[header];
  const operator = assignmentOperatorIndex(segment);
  if (header >= 0 && header > operator && isKeyword(opener, "with")) {
    const linked = segment[header + 1]?.image;
    if (header === segment.length - 1) return { kind: "entities" };
    if (name === "Keyword_by") return { kind: "columns", entity: linked };
    // `with Link by company_id when note is present {`: the condition reads the linked rows' columns.
    const when = segment.findIndex((token, index) => index > header && isKeyword(token, "when"));
    if (when > header) return expressionSlot(segment.slice(when), { ...frame, linked: undefined }, linked, undefined, prefix) ?? { kind: "keywords" };
    return { kind: "keywords" };
  }
  if (
    header >= 0 &&
    isKeyword(opener, "ignore") &&
    header > operator &&
    segment
      .slice(header + 1)
      .every((token, index) => (index % 2 === 0 ? isNameToken(token) || kind(token) === "Dot" : kind(token) === "Comma" || kind(token) === "Dot"))
  ) {
    if (name === "Keyword_ignore" || name === "Comma") return { kind: "columns", entity: frame.entity };
  }
  if (header >= 0 && isKeyword(opener, "if") && isKeyword(segment[header + 1], "odoo") && header > operator) {
    if (isKeyword(previous, "has") || isKeyword(previous, "lacks")) return { kind: "models" };
    return { kind: "keywords" };
  }
  if (operator >= 0) {
    const field = segment[operator - 1]?.image;
    const expression = segment.slice(operator);
    if (isKeyword(expression[1], "each")) {
      if (expression.length === 2) return { kind: "entities" };
      if (name === "Keyword_by" && expression.length === 4) return { kind: "columns", entity: expression[2]?.image };
      return { kind: "keywords" };
    }
    if (expression.length === 1 && !prefix.includes(".")) {
      if (name === "Equals") return { kind: "constant", model: frame.model, field: field ?? "" };
      return { kind: "source-value", frame, entity: frame.entity, field };
    }
    const inExpression = expressionSlot(expression, frame, frame.entity, field, prefix);
    if (inExpression !== undefined) return inExpression;
  }
  // A name on a new line after a complete statement starts the next one.
  const typedOnNewLine = previous !== undefined && !["LeftArrow", "Equals", "Pipe"].includes(name);
  if (typedOnNewLine && wordStartsLine) return { kind: "fields", model: frame.model, context: "body", assigned: assigned() };
  return { kind: "keywords" };
}
