/**
 * Builds the typed syntax tree from Chevrotain's concrete syntax tree. Input that the parser had to
 * recover from leaves holes: they become `Missing` nodes (the syntax error already says what is
 * wrong), and tokens the parser skipped become one "unexpected ..." diagnostic per run.
 */
import type { CstElement, CstNode, IToken } from "chevrotain";
import type * as A from "./ast.js";
import type { Diagnostic } from "./diagnostic.js";
import { tokenRange } from "./lexer.js";
import type { Position, Range } from "./location.js";

type Children = Record<string, CstElement[] | undefined>;

function isToken(element: CstElement): element is IToken {
  return "image" in element;
}

function startOffsetOf(element: CstElement): number {
  if (isToken(element)) return element.startOffset;
  return element.location?.startOffset ?? Number.NaN;
}

function tokens(node: CstNode, key: string): IToken[] {
  return (node.children[key] ?? []).filter(isToken).filter((token) => !Number.isNaN(token.startOffset));
}

function token(node: CstNode, key: string): IToken | undefined {
  return tokens(node, key)[0];
}

function nodes(node: CstNode, key: string): CstNode[] {
  return (node.children[key] ?? []).filter((element): element is CstNode => !isToken(element));
}

function child(node: CstNode, key: string): CstNode | undefined {
  return nodes(node, key)[0];
}

/** Every child of the given keys, in source order. */
function ordered(node: CstNode, keys: readonly string[]): CstElement[] {
  const children = node.children as Children;
  const all: CstElement[] = [];
  for (const key of keys) for (const element of children[key] ?? []) all.push(element);
  return all.filter((element) => !Number.isNaN(startOffsetOf(element))).sort((left, right) => startOffsetOf(left) - startOffsetOf(right));
}

function unescapeString(body: string): string {
  return body.replace(/\\(.)/g, (_, escaped: string) => {
    switch (escaped) {
      case "n":
        return "\n";
      case "t":
        return "\t";
      case "r":
        return "\r";
      default:
        return escaped;
    }
  });
}

/** Declarations people put at the top level although they belong inside another block. */
const MISPLACED_AT_TOP_LEVEL: Record<string, string> = {
  "}": "there is no open block here to close (one `}` too many?)",
  entity: "an `entity` belongs inside a `source name { ... }` block",
  csv: "`csv { ... }` options belong inside a `source` or `entity` block",
  target: "`target` belongs inside the `migration name { ... }` block",
  xmlid: "`xmlid` belongs inside the `migration name { ... }` block",
  given: "`given` belongs inside a `test \"name\" { ... }` block",
  expect: "`expect` belongs inside a `test \"name\" { ... }` block",
  ignore: "`ignore` belongs inside a `map` or `split` body",
};

const STRAY_EXPECTATIONS: Record<string, string> = {
  document: "a declaration: `migration`, `source`, `lookup`, `records`, `table`, `extend`, `map`, `split`, `test` or `import`",
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

export class AstBuilder {
  readonly diagnostics: Diagnostic[] = [];

  constructor(private readonly file: string) {}

  // ---------------------------------------------------------------------------------------------
  // positions

  private rangeOf(node: CstNode): Range | undefined {
    const location = node.location;
    if (location === undefined || Number.isNaN(location.startOffset) || location.endOffset === undefined || Number.isNaN(location.endOffset)) return undefined;
    return {
      start: { offset: location.startOffset, line: location.startLine ?? 1, column: location.startColumn ?? 1 },
      end: { offset: location.endOffset + 1, line: location.endLine ?? 1, column: (location.endColumn ?? 1) + 1 },
    };
  }

  /** A node's range, or, when recovery left it empty, an empty range at `fallback`. */
  private range(node: CstNode, fallback: Position): Range {
    return this.rangeOf(node) ?? { start: fallback, end: fallback };
  }

  private missing(expected: string, at: Position): A.Missing {
    return { kind: "Missing", expected, range: { start: at, end: at } };
  }

  private endOf(element: CstElement | undefined, fallback: Position): Position {
    if (element === undefined) return fallback;
    if (isToken(element)) return Number.isNaN(element.startOffset) ? fallback : tokenRange(element).end;
    return this.rangeOf(element)?.end ?? fallback;
  }

  // ---------------------------------------------------------------------------------------------
  // leaves

  name(tokenValue: IToken): A.Name {
    return { kind: "Name", value: tokenValue.image, range: tokenRange(tokenValue) };
  }

  private nameOrMissing(node: CstNode, key: string, expected: string, at: Position): A.Name | A.Missing {
    const found = token(node, key);
    return found === undefined ? this.missing(expected, at) : this.name(found);
  }

  stringLiteral(tokenValue: IToken): A.StringLiteral {
    const closed = tokenValue.tokenType.name === "StringLiteral";
    const body = closed ? tokenValue.image.slice(1, -1) : tokenValue.image.slice(1);
    return { kind: "StringLiteral", value: unescapeString(body), range: tokenRange(tokenValue) };
  }

  private stringOrMissing(node: CstNode, key: string, expected: string, at: Position): A.StringLiteral | A.Missing {
    const found = token(node, key);
    return found === undefined ? this.missing(expected, at) : this.stringLiteral(found);
  }

  private numberLiteral(tokenValue: IToken): A.NumberLiteral {
    return { kind: "NumberLiteral", value: Number(tokenValue.image), raw: tokenValue.image, range: tokenRange(tokenValue) };
  }

  private numberOrMissing(node: CstNode, key: string, at: Position): A.NumberLiteral | A.Missing {
    const found = token(node, key);
    return found === undefined ? this.missing("a number", at) : this.numberLiteral(found);
  }

  private literal(node: CstNode | undefined, at: Position): A.Literal | A.Missing {
    if (node === undefined) return this.missing("a value", at);
    const string = token(node, "StringLike");
    if (string !== undefined) return this.stringLiteral(string);
    const number = token(node, "NumberLiteral");
    if (number !== undefined) return this.numberLiteral(number);
    const truth = token(node, "Keyword_true") ?? token(node, "Keyword_false");
    if (truth !== undefined) return { kind: "BooleanLiteral", value: truth.image === "true", range: tokenRange(truth) };
    return this.missing("a value", at);
  }

  private value(node: CstNode | undefined, at: Position): A.Value | A.Missing {
    if (node === undefined) return this.missing("a value", at);
    const record = token(node, "record");
    if (record !== undefined) return { kind: "NameReference", name: this.name(record), range: tokenRange(record) };
    return this.literal(child(node, "literal"), at);
  }

  qualifiedName(node: CstNode | undefined, at: Position): A.QualifiedName | A.Missing {
    if (node === undefined) return this.missing("a model name", at);
    const parts = tokens(node, "parts").map((part) => this.name(part));
    const first = parts[0];
    const last = parts[parts.length - 1];
    if (first === undefined || last === undefined) return this.missing("a model name", at);
    return { kind: "QualifiedName", parts, value: parts.map((part) => part.value).join("."), range: { start: first.range.start, end: last.range.end } };
  }

  // ---------------------------------------------------------------------------------------------
  // stray tokens

  /** Reports each run of skipped tokens in a block once, naming what the block expected. */
  private reportStrays(container: CstNode, ruleName: string): void {
    const strays = nodes(container, "strayToken").flatMap((stray) => tokens(stray, "AnyToken"));
    let run: IToken[] = [];
    const flush = (): void => {
      const first = run[0];
      const last = run[run.length - 1];
      if (first === undefined || last === undefined) return;
      const shown = run.map((part) => part.image).join(" ");
      const text = shown.length > 40 ? `${shown.slice(0, 37)}...` : shown;
      const misplaced = ruleName === "document" ? MISPLACED_AT_TOP_LEVEL[first.image] : undefined;
      this.diagnostics.push({
        code: "FM104",
        severity: "error",
        message:
          misplaced !== undefined
            ? `unexpected \`${text.replace(/\n/g, " ")}\`: ${misplaced}`
            : `unexpected \`${text.replace(/\n/g, " ")}\`: expected ${STRAY_EXPECTATIONS[ruleName] ?? "something else"}`,
        file: this.file,
        range: { start: tokenRange(first).start, end: tokenRange(last).end },
      });
      run = [];
    };
    const inOrder = [...strays].sort((left, right) => left.startOffset - right.startOffset);
    const allTokens = ordered(container, Object.keys(container.children));
    for (const stray of inOrder) {
      const previous = run[run.length - 1];
      if (previous !== undefined) {
        // Runs break where something the block understood sits between two skipped tokens.
        const between = allTokens.some((element) => {
          const offset = startOffsetOf(element);
          return offset > previous.startOffset && offset < stray.startOffset && (isToken(element) || element.name !== "strayToken");
        });
        if (between) flush();
      }
      run.push(stray);
    }
    flush();
  }

  // ---------------------------------------------------------------------------------------------
  // declarations

  document(node: CstNode, comments: readonly A.Comment[], textLength: number, endPosition: Position): A.Document {
    this.reportStrays(node, "document");
    const declarations: A.Declaration[] = [];
    for (const element of ordered(node, Object.keys(node.children))) {
      if (isToken(element)) continue;
      const declaration = this.declaration(element);
      if (declaration !== undefined) declarations.push(declaration);
    }
    return {
      kind: "Document",
      file: this.file,
      declarations,
      comments,
      range: { start: { offset: 0, line: 1, column: 1 }, end: textLength === 0 ? { offset: 0, line: 1, column: 1 } : endPosition },
    };
  }

  private declaration(node: CstNode): A.Declaration | undefined {
    switch (node.name) {
      case "importDeclaration":
        return this.importDeclaration(node);
      case "migrationDeclaration":
        return this.migrationDeclaration(node);
      case "sourceDeclaration":
        return this.sourceDeclaration(node);
      case "lookupDeclaration":
        return this.lookupDeclaration(node);
      case "recordsDeclaration":
        return this.recordsDeclaration(node);
      case "tableDeclaration":
        return this.tableDeclaration(node);
      case "extendDeclaration":
        return this.extendDeclaration(node);
      case "mapDeclaration":
        return this.mapDeclaration(node);
      case "splitDeclaration":
        return this.splitDeclaration(node);
      case "testDeclaration":
        return this.testDeclaration(node);
      default:
        return undefined;
    }
  }

  private keywordStart(node: CstNode, key: string): Position {
    const keyword = token(node, key);
    return keyword === undefined ? { offset: 0, line: 1, column: 1 } : tokenRange(keyword).start;
  }

  private importDeclaration(node: CstNode): A.ImportDeclaration {
    const start = this.keywordStart(node, "Keyword_import");
    const range = this.range(node, start);
    return {
      kind: "ImportDeclaration",
      names: tokens(node, "Name").map((tokenValue) => this.name(tokenValue)),
      from: this.stringOrMissing(node, "StringLike", "a path in quotes", range.end),
      range,
    };
  }

  private migrationDeclaration(node: CstNode): A.MigrationDeclaration {
    this.reportStrays(node, "migrationDeclaration");
    const range = this.range(node, this.keywordStart(node, "Keyword_migration"));
    const items: A.MigrationItem[] = [];
    for (const element of ordered(node, ["sourceReference", "targetSetting", "xmlidSetting", "ruleSetting", "settingDeclaration", "deletedSetting"])) {
      if (isToken(element)) continue;
      const itemRange = this.range(element, range.end);
      switch (element.name) {
        case "sourceReference":
          items.push({ kind: "SourceReference", source: this.nameOrMissing(element, "Name", "a source name", itemRange.end), range: itemRange });
          break;
        case "targetSetting": {
          const series = token(element, "series");
          const schemaKeyword = token(element, "Keyword_schema");
          const item: A.TargetSetting =
            schemaKeyword !== undefined
              ? { kind: "TargetSetting", schemaFile: this.stringOrMissing(element, "schemaFile", "a schema file name in quotes", itemRange.end), range: itemRange }
              : { kind: "TargetSetting", series: series === undefined ? this.missing("a version in quotes", itemRange.end) : this.stringLiteral(series), range: itemRange };
          items.push(item);
          break;
        }
        case "xmlidSetting":
          items.push({ kind: "XmlidSetting", namespace: this.stringOrMissing(element, "StringLike", "a namespace in quotes", itemRange.end), range: itemRange });
          break;
        case "settingDeclaration":
          items.push({
            kind: "SettingDeclaration",
            name: this.nameOrMissing(element, "name", "a setting name", itemRange.end),
            value: this.stringOrMissing(element, "value", "a value in quotes", itemRange.end),
            range: itemRange,
          });
          break;
        case "deletedSetting":
          items.push({ kind: "DeletedSetting", policy: this.nameOrMissing(element, "policy", "`report` or `archive`", itemRange.end), range: itemRange });
          break;
        case "ruleSetting":
          items.push({
            kind: "RuleSetting",
            rule: this.nameOrMissing(element, "rule", "a rule name", itemRange.end),
            severity: this.nameOrMissing(element, "severity", "`off`, `warn` or `error`", itemRange.end),
            range: itemRange,
          });
          break;
        default:
          break;
      }
    }
    return { kind: "MigrationDeclaration", name: this.nameOrMissing(node, "Name", "a migration name", range.end), items, range };
  }

  private sourceDeclaration(node: CstNode): A.SourceDeclaration {
    this.reportStrays(node, "sourceDeclaration");
    const range = this.range(node, this.keywordStart(node, "Keyword_source"));
    const items: A.SourceItem[] = [];
    for (const element of ordered(node, ["csvOptions", "entityDeclaration"])) {
      if (isToken(element)) continue;
      items.push(element.name === "csvOptions" ? this.csvOptions(element, range.end) : this.entityDeclaration(element, range.end));
    }
    return { kind: "SourceDeclaration", name: this.nameOrMissing(node, "Name", "a source name", range.end), items, range };
  }

  private csvOptions(node: CstNode, fallback: Position): A.CsvOptions {
    this.reportStrays(node, "csvOptions");
    const range = this.range(node, fallback);
    const options = nodes(node, "optionSetting").map((option): A.OptionSetting => {
      const optionRange = this.range(option, range.end);
      const nameToken = token(option, "Name");
      return {
        kind: "OptionSetting",
        name: nameToken === undefined ? { kind: "Name", value: "", range: optionRange } : this.name(nameToken),
        value: this.literal(child(option, "literal"), optionRange.end),
        range: optionRange,
      };
    });
    return { kind: "CsvOptions", options, range };
  }

  private entityDeclaration(node: CstNode, fallback: Position): A.EntityDeclaration {
    this.reportStrays(node, "entityDeclaration");
    const range = this.range(node, fallback);
    const items: A.EntityItem[] = [];
    for (const element of ordered(node, ["csvOptions", "duplicatesRule", "columnGroup", "columnDeclaration"])) {
      if (isToken(element)) continue;
      switch (element.name) {
        case "csvOptions":
          items.push(this.csvOptions(element, range.end));
          break;
        case "duplicatesRule": {
          const ruleRange = this.range(element, range.end);
          const keep = token(element, "Keyword_first") ? "first" : token(element, "Keyword_last") ? "last" : token(element, "Keyword_newest") ? "newest" : undefined;
          const by = token(element, "by");
          items.push({ kind: "DuplicatesRule", keep, ...(by === undefined ? {} : { by: this.name(by) }), range: ruleRange });
          break;
        }
        case "columnGroup": {
          this.reportStrays(element, "columnGroup");
          const groupRange = this.range(element, range.end);
          items.push({
            kind: "ColumnGroup",
            name: this.nameOrMissing(element, "Name", "a group name", groupRange.end),
            from: this.numberOrMissing(element, "from", groupRange.end),
            to: this.numberOrMissing(element, "to", groupRange.end),
            columns: nodes(element, "columnDeclaration").flatMap((column) => this.columnDeclaration(column, groupRange.end) ?? []),
            range: groupRange,
          });
          break;
        }
        case "columnDeclaration": {
          const column = this.columnDeclaration(element, range.end);
          if (column !== undefined) items.push(column);
          break;
        }
        default:
          break;
      }
    }
    return {
      kind: "EntityDeclaration",
      name: this.nameOrMissing(node, "Name", "an entity name", range.end),
      pattern: this.stringOrMissing(node, "pattern", "a file pattern in quotes", range.end),
      key: tokens(node, "key").map((keyToken) => this.name(keyToken)),
      items,
      range,
    };
  }

  private columnDeclaration(node: CstNode, fallback: Position): A.ColumnDeclaration | undefined {
    const nameToken = token(node, "name");
    if (nameToken === undefined) return undefined;
    const range = this.range(node, fallback);
    const header = token(node, "header");
    const format = token(node, "format");
    const modifiers: (A.ColumnModifier | A.ColumnReference)[] = [];
    for (const element of ordered(node, ["Keyword_required", "Keyword_personal", "Keyword_modified", "Keyword_references"])) {
      if (!isToken(element)) continue;
      const keyword = element.image;
      if (keyword === "references") {
        const entity = token(node, "references");
        modifiers.push({
          kind: "ColumnReference",
          entity: entity === undefined ? this.missing("an entity name", tokenRange(element).end) : this.name(entity),
          range: { start: tokenRange(element).start, end: entity === undefined ? tokenRange(element).end : tokenRange(entity).end },
        });
      } else if (keyword === "required" || keyword === "personal" || keyword === "modified") {
        modifiers.push({ kind: "ColumnModifier", keyword, range: tokenRange(element) });
      }
    }
    return {
      kind: "ColumnDeclaration",
      name: this.name(nameToken),
      ...(header === undefined ? {} : { header: this.stringLiteral(header) }),
      type: this.nameOrMissing(node, "type", "a column type", range.end),
      ...(format === undefined ? {} : { format: this.stringLiteral(format) }),
      modifiers,
      range,
    };
  }

  private lookupDeclaration(node: CstNode): A.LookupDeclaration {
    this.reportStrays(node, "lookupDeclaration");
    const range = this.range(node, this.keywordStart(node, "Keyword_lookup"));
    const items: A.LookupItem[] = [];
    for (const element of ordered(node, ["missingPolicy", "archivedSetting"])) {
      if (isToken(element)) continue;
      const itemRange = this.range(element, range.end);
      if (element.name === "archivedSetting") {
        items.push({ kind: "ArchivedSetting", include: token(element, "Keyword_include") !== undefined, range: itemRange });
        continue;
      }
      const policy = token(element, "Keyword_reject")
        ? "reject"
        : token(element, "Keyword_flag")
          ? "flag"
          : token(element, "Keyword_halt")
            ? "halt"
            : token(element, "Keyword_fallback")
              ? "fallback"
              : undefined;
      items.push({
        kind: "MissingPolicy",
        policy,
        ...(policy === "fallback" ? { fallback: this.literal(child(element, "literal"), itemRange.end) } : {}),
        range: itemRange,
      });
    }
    return {
      kind: "LookupDeclaration",
      name: this.nameOrMissing(node, "name", "a lookup name", range.end),
      model: this.qualifiedName(child(node, "model"), range.end),
      matchFields: tokens(node, "match").map((field) => this.name(field)),
      items,
      range,
    };
  }

  private fieldValues(block: CstNode | undefined, fallback: Position): A.FieldValue[] {
    if (block === undefined) return [];
    this.reportStrays(block, "fieldValueBlock");
    return nodes(block, "fieldValue").flatMap((entry): A.FieldValue[] => {
      const entryRange = this.range(entry, fallback);
      const fieldToken = token(entry, "field");
      if (fieldToken === undefined) return [];
      const field = fieldToken.tokenType.name === "StringLiteral" || fieldToken.tokenType.name === "UnterminatedString" ? this.stringLiteral(fieldToken) : this.name(fieldToken);
      return [{ kind: "FieldValue", field, value: this.value(child(entry, "value"), entryRange.end), range: entryRange }];
    });
  }

  private recordsDeclaration(node: CstNode): A.RecordsDeclaration {
    this.reportStrays(node, "recordsDeclaration");
    const range = this.range(node, this.keywordStart(node, "Keyword_records"));
    const match = token(node, "match");
    const entries = nodes(node, "recordEntry").flatMap((entry): A.RecordEntry[] => {
      const nameToken = token(entry, "name");
      if (nameToken === undefined) return [];
      const entryRange = this.range(entry, range.end);
      const existingKeyword = token(entry, "Keyword_existing");
      return [
        {
          kind: "RecordEntry",
          name: this.name(nameToken),
          ...(existingKeyword === undefined ? {} : { existing: this.stringOrMissing(entry, "existing", "an external ID in quotes", entryRange.end) }),
          values: this.fieldValues(child(entry, "fieldValueBlock"), entryRange.end),
          range: entryRange,
        },
      ];
    });
    return {
      kind: "RecordsDeclaration",
      model: this.qualifiedName(child(node, "model"), range.end),
      ...(match === undefined ? {} : { match: this.name(match) }),
      entries,
      range,
    };
  }

  private tableDeclaration(node: CstNode): A.TableDeclaration {
    this.reportStrays(node, "tableDeclaration");
    const range = this.range(node, this.keywordStart(node, "Keyword_table"));
    const entries: (A.TableEntry | A.TableDefault)[] = [];
    for (const element of ordered(node, ["tableEntry", "tableDefault"])) {
      if (isToken(element)) continue;
      const entryRange = this.range(element, range.end);
      if (element.name === "tableEntry") {
        entries.push({
          kind: "TableEntry",
          keys: nodes(element, "keys").flatMap((key) => {
            const literal = this.literal(key, entryRange.start);
            return literal.kind === "Missing" ? [] : [literal];
          }),
          value: this.value(child(element, "value"), entryRange.end),
          range: entryRange,
        });
        continue;
      }
      const action = token(element, "action")?.image;
      if (action === "reject" || action === "flag" || action === "keep" || action === "empty") {
        entries.push({ kind: "TableDefault", action, range: entryRange });
      } else {
        entries.push({ kind: "TableDefault", action: "value", value: this.value(child(element, "value"), entryRange.end), range: entryRange });
      }
    }
    return {
      kind: "TableDeclaration",
      name: this.nameOrMissing(node, "name", "a table name", range.end),
      input: this.qualifiedName(child(node, "input"), range.end),
      output: this.qualifiedName(child(node, "output"), range.end),
      entries,
      range,
    };
  }

  private extendDeclaration(node: CstNode): A.ExtendDeclaration {
    const range = this.range(node, this.keywordStart(node, "Keyword_extend"));
    return {
      kind: "ExtendDeclaration",
      model: this.qualifiedName(child(node, "model"), range.end),
      items: this.extendBlock(child(node, "extendBlock"), range.end),
      range,
    };
  }

  private extendBlock(block: CstNode | undefined, fallback: Position): A.ExtendItem[] {
    if (block === undefined) return [];
    this.reportStrays(block, "extendBlock");
    const items: A.ExtendItem[] = [];
    for (const element of ordered(block, ["customField", "extendIf"])) {
      if (isToken(element)) continue;
      if (element.name === "extendIf") {
        items.push(this.targetIf(element, fallback, (inner, at) => this.extendBlock(inner, at), "extendIf"));
        continue;
      }
      const field = this.customField(element, fallback);
      if (field !== undefined) items.push(field);
    }
    return items;
  }

  private customField(node: CstNode, fallback: Position): A.CustomFieldDeclaration | undefined {
    const nameToken = token(node, "name");
    if (nameToken === undefined) return undefined;
    const range = this.range(node, fallback);
    const relation = child(node, "relation");
    const label = token(node, "label");
    const help = token(node, "help");
    const optionsBlock = child(node, "selectionOptions");
    if (optionsBlock !== undefined) this.reportStrays(optionsBlock, "selectionOptions");
    const options = (optionsBlock === undefined ? [] : nodes(optionsBlock, "selectionOption")).flatMap((option): A.SelectionOption[] => {
      const keyToken = token(option, "key");
      if (keyToken === undefined) return [];
      const optionRange = this.range(option, range.end);
      const key = keyToken.tokenType.name === "StringLiteral" || keyToken.tokenType.name === "UnterminatedString" ? this.stringLiteral(keyToken) : this.name(keyToken);
      return [{ kind: "SelectionOption", value: key, label: this.stringOrMissing(option, "label", "a label in quotes", optionRange.end), range: optionRange }];
    });
    const relationName = relation === undefined ? undefined : this.qualifiedName(relation, range.end);
    return {
      kind: "CustomFieldDeclaration",
      name: this.name(nameToken),
      type: this.nameOrMissing(node, "type", "a field type", range.end),
      ...(relationName === undefined || relationName.kind === "Missing" ? {} : { relation: relationName }),
      ...(label === undefined ? {} : { label: this.stringLiteral(label) }),
      ...(help === undefined ? {} : { help: this.stringLiteral(help) }),
      required: token(node, "Keyword_required") !== undefined,
      options,
      range,
    };
  }

  private targetIf<Item>(node: CstNode, fallback: Position, block: (inner: CstNode | undefined, at: Position) => Item[], ruleName: string): A.TargetIf<Item> {
    const range = this.range(node, fallback);
    const elseIf = child(node, "elseIf");
    const elseBlock = child(node, "else");
    const elseBranch = elseIf !== undefined ? this.targetIf(elseIf, range.end, block, ruleName) : elseBlock !== undefined ? block(elseBlock, range.end) : undefined;
    return {
      kind: "TargetIf",
      condition: this.targetCondition(child(node, "targetCondition"), range.start),
      then: block(child(node, "then"), range.end),
      ...(elseBranch === undefined ? {} : { else: elseBranch }),
      range,
    };
  }

  private enabledIf(node: CstNode, fallback: Position): { enabledIf?: A.TargetCondition | A.Missing } {
    const enabledIf = child(node, "enabledIf");
    if (enabledIf === undefined) return {};
    return { enabledIf: this.targetCondition(child(enabledIf, "targetCondition"), this.range(enabledIf, fallback).end) };
  }

  private targetCondition(node: CstNode | undefined, fallback: Position): A.TargetCondition | A.Missing {
    if (node === undefined) return this.missing("a condition on the target, such as `odoo >= \"19.0\"`", fallback);
    const range = this.range(node, fallback);
    if (token(node, "Keyword_setting") !== undefined) {
      return {
        kind: "SettingCondition",
        name: this.nameOrMissing(node, "setting", "a setting name", range.end),
        operator: token(node, "settingOperator")?.image === "!=" ? "!=" : "=",
        value: this.stringOrMissing(node, "settingValue", "a value in quotes", range.end),
        range,
      };
    }
    const test = token(node, "test");
    if (test !== undefined) {
      return { kind: "HasCondition", negated: test.image === "lacks", name: this.qualifiedName(child(node, "name"), range.end), range };
    }
    return {
      kind: "VersionCondition",
      operator: this.comparisonOperator(child(node, "comparisonOperator")) ?? "=",
      version: this.stringOrMissing(node, "version", "a version in quotes", range.end),
      range,
    };
  }

  private comparisonOperator(node: CstNode | undefined): A.ComparisonOperator | undefined {
    if (node === undefined) return undefined;
    const operator = ordered(node, Object.keys(node.children)).find(isToken)?.image;
    switch (operator) {
      case "=":
      case "!=":
      case "<":
      case "<=":
      case ">":
      case ">=":
        return operator;
      default:
        return undefined;
    }
  }

  private mapDeclaration(node: CstNode): A.MapDeclaration {
    const range = this.range(node, this.keywordStart(node, "Keyword_map"));
    const alias = token(node, "alias");
    const when = child(node, "when");
    const fallback = child(node, "fallbackTarget");
    return {
      kind: "MapDeclaration",
      entity: this.nameOrMissing(node, "entity", "an entity name", range.end),
      model: this.qualifiedName(child(node, "model"), range.end),
      ...(alias === undefined ? {} : { alias: this.name(alias) }),
      ...this.enabledIf(node, range.end),
      ...(when === undefined ? {} : { when: this.expression(when, range.end) }),
      body: this.body(child(node, "body"), range.end),
      ...(fallback === undefined ? {} : { fallback: this.fallbackTarget(fallback, range.end) }),
      range,
    };
  }

  private fallbackTarget(node: CstNode, fallback: Position): A.FallbackTarget {
    const range = this.range(node, fallback);
    return { kind: "FallbackTarget", model: this.qualifiedName(child(node, "model"), range.end), body: this.body(child(node, "body"), range.end), range };
  }

  private splitDeclaration(node: CstNode): A.SplitDeclaration {
    this.reportStrays(node, "splitDeclaration");
    const range = this.range(node, this.keywordStart(node, "Keyword_split"));
    const when = child(node, "when");
    const targets = nodes(node, "splitTarget").flatMap((target): A.SplitTarget[] => {
      const aliasToken = token(target, "alias");
      if (aliasToken === undefined) return [];
      const targetRange = this.range(target, range.end);
      const forKeyword = token(target, "Keyword_for");
      const targetWhen = child(target, "when");
      const targetFallback = child(target, "fallbackTarget");
      return [
        {
          kind: "SplitTarget",
          alias: this.name(aliasToken),
          model: this.qualifiedName(child(target, "model"), targetRange.end),
          ...(forKeyword === undefined ? {} : { forEach: this.nameOrMissing(target, "forEach", "a column group name", tokenRange(forKeyword).end) }),
          ...this.enabledIf(target, targetRange.end),
          ...(targetWhen === undefined ? {} : { when: this.expression(targetWhen, targetRange.end) }),
          body: this.body(child(target, "body"), targetRange.end),
          ...(targetFallback === undefined ? {} : { fallback: this.fallbackTarget(targetFallback, targetRange.end) }),
          range: targetRange,
        },
      ];
    });
    return {
      kind: "SplitDeclaration",
      entity: this.nameOrMissing(node, "entity", "an entity name", range.end),
      ...this.enabledIf(node, range.end),
      ...(when === undefined ? {} : { when: this.expression(when, range.end) }),
      targets,
      range,
    };
  }

  private body(node: CstNode | undefined, fallback: Position): A.BodyItem[] {
    if (node === undefined) return [];
    this.reportStrays(node, "body");
    const items: A.BodyItem[] = [];
    for (const element of ordered(node, ["assignment", "ignoreStatement", "withBlock", "bodyIf"])) {
      if (isToken(element)) continue;
      const range = this.range(element, fallback);
      switch (element.name) {
        case "assignment": {
          const fieldToken = token(element, "field");
          if (fieldToken === undefined) break;
          const operatorToken = token(element, "operator");
          const operator = operatorToken?.image === "=" ? "=" : "<-";
          const each = child(element, "eachBlock");
          const afterOperator = operatorToken === undefined ? tokenRange(fieldToken).end : tokenRange(operatorToken).end;
          const value: A.Expression | A.EachBlock = each !== undefined ? this.eachBlock(each, afterOperator) : this.expression(child(element, "value"), afterOperator);
          items.push({ kind: "Assignment", field: this.name(fieldToken), operator, value, range });
          break;
        }
        case "ignoreStatement":
          items.push({ kind: "IgnoreStatement", columns: nodes(element, "columnPath").flatMap((path) => this.columnPath(path) ?? []), range });
          break;
        case "withBlock": {
          const orderKeyword = token(element, "Keyword_order");
          const when = child(element, "when");
          items.push({
            kind: "WithBlock",
            entity: this.nameOrMissing(element, "entity", "an entity name", range.end),
            by: this.nameOrMissing(element, "by", "a column name", range.end),
            ...(when === undefined ? {} : { when: this.expression(when, range.end) }),
            ...(orderKeyword === undefined ? {} : { orderBy: this.nameOrMissing(element, "orderBy", "a column name", tokenRange(orderKeyword).end) }),
            descending: token(element, "direction")?.image === "desc",
            body: this.body(child(element, "body"), range.end),
            range,
          });
          break;
        }
        case "bodyIf":
          items.push(this.targetIf(element, fallback, (inner, at) => this.body(inner, at), "bodyIf"));
          break;
        default:
          break;
      }
    }
    return items;
  }

  private eachBlock(node: CstNode, fallback: Position): A.EachBlock {
    const range = this.range(node, fallback);
    const alias = token(node, "alias");
    return {
      kind: "EachBlock",
      entity: this.nameOrMissing(node, "entity", "an entity name", range.end),
      by: this.nameOrMissing(node, "by", "a column name", range.end),
      ...(alias === undefined ? {} : { alias: this.name(alias) }),
      body: this.body(child(node, "body"), range.end),
      range,
    };
  }

  private columnPath(node: CstNode): A.ColumnPath | undefined {
    const parts = tokens(node, "parts").map((part) => this.name(part));
    const first = parts[0];
    const last = parts[parts.length - 1];
    if (first === undefined || last === undefined) return undefined;
    const instance = token(node, "instance");
    return {
      kind: "ColumnPath",
      parts,
      ...(instance === undefined ? {} : { instance: this.numberLiteral(instance) }),
      range: { start: first.range.start, end: last.range.end },
    };
  }

  // ---------------------------------------------------------------------------------------------
  // expressions

  expression(node: CstNode | undefined, fallback: Position): A.Expression {
    if (node === undefined) return this.missing("a value", fallback);
    switch (node.name) {
      case "expression": {
        const inner = child(node, "ifExpression") ?? child(node, "orExpression");
        return this.expression(inner, this.rangeOf(node)?.start ?? fallback);
      }
      case "ifExpression": {
        const range = this.range(node, fallback);
        const otherwise = child(node, "else");
        return {
          kind: "IfExpression",
          condition: this.expression(child(node, "condition"), range.end),
          then: this.expression(child(node, "then"), range.end),
          ...(otherwise === undefined && token(node, "Keyword_else") === undefined ? {} : { else: this.expression(otherwise, range.end) }),
          range,
        };
      }
      case "orExpression":
      case "andExpression":
      case "coalesceExpression": {
        const operands = nodes(node, "operands").map((operand) => this.expression(operand, fallback));
        const first = operands[0];
        if (operands.length === 1 && first !== undefined) return first;
        const range = this.range(node, fallback);
        if (node.name === "coalesceExpression") return { kind: "CoalesceExpression", operands, range };
        return { kind: "LogicalExpression", operator: node.name === "orExpression" ? "or" : "and", operands, range };
      }
      case "notExpression": {
        const negated = child(node, "notExpression");
        if (negated !== undefined || token(node, "Keyword_not") !== undefined) {
          const range = this.range(node, fallback);
          return { kind: "NotExpression", operand: this.expression(negated, range.end), range };
        }
        return this.expression(child(node, "comparison"), fallback);
      }
      case "comparison":
        return this.comparison(node, fallback);
      case "pipeExpression":
        return this.pipeExpression(node, fallback);
      default:
        return this.missing("a value", fallback);
    }
  }

  private comparison(node: CstNode, fallback: Position): A.Expression {
    const left = this.expression(child(node, "left"), fallback);
    const range = this.range(node, fallback);
    const operator = this.comparisonOperator(child(node, "comparisonOperator"));
    if (operator !== undefined) {
      return { kind: "ComparisonExpression", operator, left, right: this.expression(child(node, "right"), range.end), range };
    }
    const test = token(node, "test");
    if (token(node, "Keyword_is") !== undefined) {
      return { kind: "IsExpression", operand: left, negated: token(node, "negated") !== undefined, test: test?.image === "empty" ? "empty" : "present", range };
    }
    if (token(node, "Keyword_in") !== undefined) {
      const list = child(node, "list");
      return {
        kind: "InExpression",
        operand: left,
        negated: token(node, "negated") !== undefined,
        list: list === undefined ? this.missing("a list such as `[\"a\", \"b\"]`", range.end) : this.listExpression(list, range.end),
        range,
      };
    }
    return left;
  }

  private pipeExpression(node: CstNode, fallback: Position): A.Expression {
    const input = this.primary(child(node, "primary"), fallback);
    const stepNodes = nodes(node, "pipeStep");
    if (stepNodes.length === 0) return input;
    const range = this.range(node, fallback);
    const steps = stepNodes.flatMap((step): A.PipeStep[] => {
      const stepRange = this.range(step, range.end);
      if (token(step, "Keyword_ref") !== undefined) {
        return [{ kind: "RefStep", alias: this.nameOrMissing(step, "alias", "an alias", stepRange.end), range: stepRange }];
      }
      const callee = token(step, "callee");
      if (callee === undefined) return [];
      const hasParens = token(step, "LParen") !== undefined;
      return [
        {
          kind: "CallStep",
          callee: this.name(callee),
          ...(hasParens ? { args: nodes(step, "args").map((arg) => this.expression(arg, stepRange.end)) } : {}),
          range: stepRange,
        },
      ];
    });
    return { kind: "PipeExpression", input, steps, range };
  }

  private primary(node: CstNode | undefined, fallback: Position): A.Expression {
    if (node === undefined) return this.missing("a value", fallback);
    const range = this.range(node, fallback);
    const string = token(node, "StringLike");
    if (string !== undefined) return this.stringLiteral(string);
    const number = token(node, "NumberLiteral");
    if (number !== undefined) return this.numberLiteral(number);
    const truth = token(node, "Keyword_true") ?? token(node, "Keyword_false");
    if (truth !== undefined) return { kind: "BooleanLiteral", value: truth.image === "true", range: tokenRange(truth) };
    const template = child(node, "templateExpression");
    if (template !== undefined) return this.templateExpression(template, range.start);
    const list = child(node, "listExpression");
    if (list !== undefined) return this.listExpression(list, range.start);
    const parenthesized = child(node, "parenthesized");
    if (parenthesized !== undefined) {
      const innerRange = this.range(parenthesized, range.start);
      return { kind: "ParenthesizedExpression", expression: this.expression(child(parenthesized, "expression"), innerRange.end), range: innerRange };
    }
    if (token(node, "Keyword_ref") !== undefined) return { kind: "RefExpression", alias: this.nameOrMissing(node, "alias", "an alias", range.end), range };
    const path = child(node, "columnPath");
    if (path !== undefined) return this.columnPath(path) ?? this.missing("a column", range.start);
    return this.missing("a value", range.start);
  }

  private listExpression(node: CstNode, fallback: Position): A.ListExpression {
    const range = this.range(node, fallback);
    return { kind: "ListExpression", items: nodes(node, "items").map((item) => this.expression(item, range.end)), range };
  }

  private templateExpression(node: CstNode, fallback: Position): A.TemplateExpression {
    const range = this.range(node, fallback);
    const parts: (A.TemplateText | A.Expression)[] = [];
    for (const element of ordered(node, ["TemplateText", "holes"])) {
      if (isToken(element)) {
        parts.push({ kind: "TemplateText", value: unescapeString(element.image), raw: element.image, range: tokenRange(element) });
      } else {
        parts.push(this.expression(element, range.end));
      }
    }
    return { kind: "TemplateExpression", parts, range };
  }

  // ---------------------------------------------------------------------------------------------
  // tests

  private testDeclaration(node: CstNode): A.TestDeclaration {
    this.reportStrays(node, "testDeclaration");
    const range = this.range(node, this.keywordStart(node, "Keyword_test"));
    const items: A.TestItem[] = [];
    for (const element of ordered(node, ["givenRow", "expectation"])) {
      if (isToken(element)) continue;
      const itemRange = this.range(element, range.end);
      if (element.name === "givenRow") {
        items.push({
          kind: "GivenRow",
          entity: this.nameOrMissing(element, "entity", "an entity name", itemRange.end),
          cells: this.fieldValues(child(element, "fieldValueBlock"), itemRange.end),
          range: itemRange,
        });
        continue;
      }
      const outcome = token(element, "outcome");
      if (outcome !== undefined) {
        const entity = token(element, "entity");
        const message = token(element, "message");
        items.push({
          kind: "ExpectOutcome",
          outcome: outcome.image === "skip" ? "skip" : "reject",
          ...(entity === undefined ? {} : { entity: this.name(entity) }),
          ...(message === undefined ? {} : { message: this.stringLiteral(message) }),
          range: itemRange,
        });
        continue;
      }
      const count = token(element, "count");
      items.push({
        kind: "ExpectRecord",
        ...(count === undefined ? {} : { count: this.numberLiteral(count) }),
        model: this.qualifiedName(child(element, "model"), itemRange.end),
        values: this.fieldValues(child(element, "fieldValueBlock"), itemRange.end),
        range: itemRange,
      });
    }
    return { kind: "TestDeclaration", name: this.stringOrMissing(node, "name", "a test name in quotes", range.end), items, range };
  }
}
