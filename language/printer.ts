/**
 * Prints a syntax tree as canonical .flitmap text. Used by `flitmap fmt`, the Prettier plugin and
 * the language server's formatting, so that all three agree byte for byte.
 *
 * Layout: two-space indentation; one declaration per paragraph; one statement per line, with the
 * operators of consecutive assignments, the arrows of table entries and the parts of column
 * declarations aligned; short option blocks (`csv { ... }`, record values, test rows) stay on one
 * line when they fit. Comments stay before the statement they precede, or at the end of its line;
 * a comment written inside a statement moves above it. A statement whose leading comment is
 * `// fmt-ignore` (or `// prettier-ignore`) is kept exactly as written.
 */
import { builders, printer as docPrinter } from "prettier/doc";

type Doc = builders.Doc;
import type * as A from "./ast.js";
import {
  columnModifierText,
  columnPathText,
  failMissing,
  literalOrMissing,
  literalText,
  missingNode,
  nameText,
  numberText,
  printExpression,
  printStepDeclaration,
  qualifiedNameText,
  quoteString,
  stringText,
  valueText,
} from "./print-expressions.js";
import { pad, PrintLayout, type PrintOptions } from "./print-layout.js";

export { MissingNodeError } from "./print-expressions.js";
export type { PrintOptions } from "./print-layout.js";

const { group, indent, line, hardline, join, ifBreak } = builders;

export const DEFAULT_PRINT_WIDTH = 100;

export class Printer extends PrintLayout {
  // ---------------------------------------------------------------------------------------------
  // document

  document(document: A.Document): Doc {
    const lines = this.statements(document.declarations, Number.MAX_SAFE_INTEGER, (declaration) => this.declaration(declaration), { blankLinesBetween: true });
    if (lines.length === 0) return "";
    return [join(hardline, lines), hardline];
  }

  private declaration(declaration: A.Declaration): Doc {
    switch (declaration.kind) {
      case "ImportDeclaration":
        return ["import { ", join(", ", declaration.names.map((name) => name.value)), " } from ", stringText(declaration.from)];
      case "MigrationDeclaration":
        return ["migration ", nameText(declaration.name), " ", this.block(this.statements(declaration.items, declaration.range.end.offset, (item, run) => this.migrationItem(item, run)))];
      case "SourceDeclaration":
        return ["source ", nameText(declaration.name), " ", this.block(this.statements(declaration.items, declaration.range.end.offset, (item) => this.sourceItem(item), { blankLinesBetween: false }))];
      case "LookupDeclaration":
        return this.lookup(declaration);
      case "RecordsDeclaration":
        return this.records(declaration);
      case "TableDeclaration":
        return this.table(declaration);
      case "StepDeclaration":
        return printStepDeclaration(declaration);
      case "ExtendDeclaration":
        return ["extend ", qualifiedNameText(declaration.model), " ", this.extendBlock(declaration.items, declaration.range.end.offset)];
      case "MapDeclaration":
        return this.map(declaration);
      case "SplitDeclaration":
        return this.split(declaration);
      case "TestDeclaration":
        return this.test(declaration);
    }
  }

  private migrationItem(item: A.MigrationItem, run: readonly A.MigrationItem[]): Doc {
    const keywordWidth = this.widest(run, "keyword", (entry) => this.migrationKeyword(entry).length);
    const keyword = pad(this.migrationKeyword(item), keywordWidth);
    switch (item.kind) {
      case "SourceReference":
        return [keyword, " ", nameText(item.source)];
      case "TargetSetting":
        return item.schemaFile !== undefined ? [keyword, " odoo schema ", stringText(item.schemaFile)] : [keyword, " odoo ", stringText(item.series ?? missingNode("a version"))];
      case "XmlidSetting":
        return [keyword, " ", stringText(item.namespace)];
      case "RuleSetting":
        return [keyword, " ", nameText(item.rule), " ", nameText(item.severity)];
      case "SettingDeclaration":
        return [keyword, " ", nameText(item.name), " ", item.value.kind === "NumberLiteral" ? item.value.raw : stringText(item.value)];
      case "DeletedSetting":
        return [keyword, " ", nameText(item.policy)];
    }
  }

  private migrationKeyword(item: A.MigrationItem): string {
    switch (item.kind) {
      case "SourceReference":
        return "source";
      case "TargetSetting":
        return "target";
      case "XmlidSetting":
        return "xmlid";
      case "RuleSetting":
        return "rule";
      case "SettingDeclaration":
        return "setting";
      case "DeletedSetting":
        return "deleted";
    }
  }

  private sourceItem(item: A.SourceItem): Doc {
    return item.kind === "CsvOptions" ? this.csvOptions(item) : this.entity(item);
  }

  /** On one line when it fits; broken over lines, the values align as the migration block's do. */
  private csvOptions(options: A.CsvOptions): Doc {
    const width = this.widest(options.options, "name", (option) => option.name.value.length);
    const entries = options.options.map((option): Doc => [ifBreak(pad(option.name.value, width), option.name.value), " ", literalOrMissing(option.value)]);
    return ["csv ", this.inlineBlock(entries)];
  }

  private entity(entity: A.EntityDeclaration): Doc {
    const key = entity.key.length === 1 ? (entity.key[0]?.value ?? "") : `(${entity.key.map((name) => name.value).join(", ")})`;
    const items = this.statements(entity.items, entity.range.end.offset, (item, run) => this.entityItem(item, run));
    return ["entity ", nameText(entity.name), " ", stringText(entity.pattern), " key ", key, entity.keyOptional === true ? " optional " : " ", this.block(items)];
  }

  private entityItem(item: A.EntityItem, run: readonly A.EntityItem[]): Doc {
    switch (item.kind) {
      case "CsvOptions":
        return this.csvOptions(item);
      case "DuplicatesRule":
        return ["duplicates keep ", item.keep ?? "last", item.by === undefined ? "" : [" by ", item.by.value]];
      case "ColumnGroup": {
        const columns = this.statements(item.columns, item.range.end.offset, (column, columnRun) => this.column(column, columnRun));
        return ["group ", nameText(item.name), "[", numberText(item.from), "..", numberText(item.to), "] ", this.block(columns)];
      }
      case "ColumnDeclaration":
        return this.column(item, run);
    }
  }

  /** Columns align as a table: name, header, type, format, modifiers (the run's other items do not count). */
  private column(column: A.ColumnDeclaration, run: readonly (A.EntityItem | A.ColumnDeclaration)[]): Doc {
    const measure =
      (width: (entry: A.ColumnDeclaration) => number) =>
      (entry: A.EntityItem | A.ColumnDeclaration): number =>
        entry.kind === "ColumnDeclaration" ? width(entry) : 0;
    const nameWidth = this.widest(run, "name", measure((entry) => entry.name.value.length));
    const anyHeader = this.widest(run, "any header", measure((entry) => (entry.header === undefined ? 0 : 1))) > 0;
    const headerWidth = this.widest(run, "header", measure((entry) => (entry.header === undefined ? 0 : quoteString(entry.header.value).length)));
    const typeWidth = this.widest(run, "type", measure((entry) => nameText(entry.type).length));
    const anyFormat = this.widest(run, "any format", measure((entry) => (entry.format === undefined ? 0 : 1))) > 0;
    const formatWidth = this.widest(run, "format", measure((entry) => (entry.format === undefined ? 0 : quoteString(entry.format.value).length)));
    const parts: string[] = [pad(column.name.value, nameWidth)];
    if (anyHeader) parts.push(pad(column.header === undefined ? "" : quoteString(column.header.value), headerWidth));
    parts.push(pad(nameText(column.type), typeWidth));
    if (anyFormat && column.format !== undefined) parts.push(pad(quoteString(column.format.value), formatWidth));
    for (const modifier of column.modifiers) parts.push(columnModifierText(modifier));
    return parts.join(" ").trimEnd();
  }

  private lookup(lookup: A.LookupDeclaration): Doc {
    const head: Doc = ["lookup ", nameText(lookup.name), " in ", qualifiedNameText(lookup.model), " by ", lookup.matchFields.map((field, index) => (index === 0 ? field.value : `${lookup.joiners[index - 1] ?? "or"} ${field.value}`)).join(" "), lookup.returns === undefined ? "" : ` returns ${lookup.returns.value}`];
    if (lookup.items.length === 0) return head;
    const entries = lookup.items.map((item): Doc => {
      if (item.kind === "ArchivedSetting") return ["archived ", item.include ? "include" : "exclude"];
      if (item.kind === "MatchRule") return ["match ", nameText(item.rule)];
      if (item.kind === "AmbiguousPolicy") {
        if (item.policy === "fallback") return ["ambiguous fallback ", literalOrMissing(item.fallback ?? missingNode("a value"))];
        return ["ambiguous ", item.policy ?? "reject"];
      }
      if (item.policy === "fallback") return ["missing fallback ", literalOrMissing(item.fallback ?? missingNode("a value"))];
      return ["missing ", item.policy ?? "reject"];
    });
    return [head, " ", this.inlineBlock(entries)];
  }

  private records(records: A.RecordsDeclaration): Doc {
    const nameWidth = this.widest(records.entries, "name", (entry) => entry.name.value.length);
    const entries = this.statements(records.entries, records.range.end.offset, (entry) => {
      const name = pad(entry.name.value, nameWidth);
      if (entry.existing !== undefined) return [name, " existing ", stringText(entry.existing)];
      return [name, " ", this.fieldValues(entry.values)];
    });
    return ["records ", qualifiedNameText(records.model), records.match === undefined ? "" : [" match ", records.match.value], " ", this.block(entries)];
  }

  private fieldValues(values: readonly A.FieldValue[]): Doc {
    return this.inlineBlock(values.map((entry) => [entry.field.kind === "Name" ? entry.field.value : quoteString(entry.field.value), " ", valueText(entry.value)]));
  }

  private table(table: A.TableDeclaration): Doc {
    const keysText = (entry: A.TableEntry | A.TableDefault): string => (entry.kind === "TableDefault" ? "_" : entry.keys.map((key) => literalText(key)).join(", "));
    const entries = this.statements(table.entries, table.range.end.offset, (entry, run) => {
      const width = this.widest(run, "keys", (candidate) => keysText(candidate).length);
      const keys = pad(keysText(entry), width);
      if (entry.kind === "TableEntry") return [keys, " -> ", valueText(entry.value)];
      return [keys, " -> ", entry.action === "value" ? valueText(entry.value ?? missingNode("a value")) : entry.action];
    });
    return ["table ", nameText(table.name), ": ", qualifiedNameText(table.input), " -> ", qualifiedNameText(table.output), " ", this.block(entries)];
  }

  private extendBlock(items: readonly A.ExtendItem[], end: number): Doc {
    return this.block(
      this.statements(items, end, (item, run) => {
        if (item.kind === "TargetIf") return this.targetIf(item, (inner, innerEnd) => this.extendBlock(inner, innerEnd));
        return this.customField(item, run);
      }),
    );
  }

  /** Custom fields align by name and type (the run's `if` blocks do not count). */
  private customField(field: A.CustomFieldDeclaration, run: readonly A.ExtendItem[]): Doc {
    const typeText = (entry: A.CustomFieldDeclaration): string => (entry.relation === undefined ? nameText(entry.type) : `${nameText(entry.type)} ${entry.relation.value}`);
    const nameWidth = this.widest(run, "name", (entry) => (entry.kind === "CustomFieldDeclaration" ? entry.name.value.length : 0));
    const typeWidth = this.widest(run, "type", (entry) => (entry.kind === "CustomFieldDeclaration" ? typeText(entry).length : 0));
    const parts: Doc[] = [pad(field.name.value, nameWidth), " ", field.label === undefined ? typeText(field) : pad(typeText(field), typeWidth)];
    if (field.label !== undefined) parts.push(" ", quoteString(field.label.value));
    if (field.help !== undefined) parts.push(" help ", quoteString(field.help.value));
    if (field.required) parts.push(" required");
    if (field.options.length > 0) {
      parts.push(
        " ",
        this.inlineBlock(
          field.options.map((option) => [option.value.kind === "Name" ? option.value.value : quoteString(option.value.value), " ", stringText(option.label)])),
      );
    }
    return parts;
  }

  private targetIf<Item>(node: A.TargetIf<Item>, block: (items: readonly Item[], end: number) => Doc): Doc {
    const parts: Doc[] = ["if ", this.targetCondition(node.condition), " ", block(node.then, node.else === undefined ? node.range.end.offset : this.elseStart(node))];
    if (node.else !== undefined) {
      const elseBranch = node.else;
      parts.push(" else ", isTargetIf(elseBranch) ? this.targetIf(elseBranch, block) : block(elseBranch, node.range.end.offset));
    }
    return parts;
  }

  /**
   * Where the `else` branch starts, so that the comments before it stay in the `then` block and a
   * comment at the top of the `else` block stays there: the `else` keyword when the text is known.
   */
  private elseStart<Item>(node: A.TargetIf<Item>): number {
    const branch = node.else;
    if (branch === undefined) return node.range.end.offset;
    if (isTargetIf(branch)) return branch.range.start.offset;
    const next = (branch as readonly { readonly range: A.Node["range"] }[])[0]?.range.start.offset ?? node.range.end.offset;
    const text = this.options.text;
    if (text === undefined) return next;
    const lastThen = (node.then as readonly { readonly range: A.Node["range"] }[]).at(-1);
    const from = lastThen?.range.end.offset ?? node.range.start.offset;
    // The last `else` before the branch's first statement that is not in a comment.
    for (let at = text.lastIndexOf("else", next - 4); at >= from; at = text.lastIndexOf("else", at - 1)) {
      if (/\w/.test(text[at - 1] ?? " ") || /\w/.test(text[at + 4] ?? " ") || this.inComment(at)) continue;
      return at;
    }
    return next;
  }

  /** Whether `offset` lies in a comment. */
  private inComment(offset: number): boolean {
    let low = 0;
    let high = this.comments.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.comments[middle] as A.Comment).range.start.offset <= offset) low = middle + 1;
      else high = middle;
    }
    const comment = this.comments[low - 1];
    return comment !== undefined && offset < comment.range.end.offset;
  }

  private targetCondition(condition: A.TargetCondition | A.Missing): Doc {
    if (condition.kind === "Missing") return failMissing(condition);
    if (condition.kind === "HasCondition") return ["odoo ", condition.negated ? "lacks " : "has ", qualifiedNameText(condition.name)];
    if (condition.kind === "SettingCondition") return ["setting ", nameText(condition.name), " ", condition.operator, " ", stringText(condition.value)];
    return ["odoo ", condition.operator, " ", stringText(condition.version)];
  }

  // ---------------------------------------------------------------------------------------------
  // map, split, bodies

  private map(map: A.MapDeclaration): Doc {
    const head: Doc[] = ["map ", nameText(map.entity), " -> ", qualifiedNameText(map.model)];
    if (map.alias !== undefined) head.push(" as ", map.alias.value);
    if (map.enabledIf !== undefined) head.push(" if ", this.targetCondition(map.enabledIf));
    if (map.when !== undefined) head.push(" when ", printExpression(map.when, 0));
    if (map.merge !== undefined) head.push(" merge onto ", printExpression(map.merge.onto, 0), map.merge.overwrite.length === 0 ? "" : ` overwrite ${map.merge.overwrite.map((field) => field.value).join(", ")}`);
    const bodyEnd = map.fallback?.range.start.offset ?? map.range.end.offset;
    return [group(head), " ", this.body(map.body, bodyEnd), map.fallback === undefined ? "" : [" ", this.fallback(map.fallback)]];
  }

  private fallback(fallback: A.FallbackTarget): Doc {
    return ["fallback ", qualifiedNameText(fallback.model), " ", this.body(fallback.body, fallback.range.end.offset)];
  }

  private split(split: A.SplitDeclaration): Doc {
    const head: Doc[] = ["split ", nameText(split.entity)];
    if (split.enabledIf !== undefined) head.push(" if ", this.targetCondition(split.enabledIf));
    if (split.when !== undefined) head.push(" when ", printExpression(split.when, 0));
    const targets = this.statements(
      split.targets,
      split.range.end.offset,
      (target) => {
        const targetHead: Doc[] = [target.alias.value, ": ", qualifiedNameText(target.model)];
        if (target.forEach !== undefined) targetHead.push(" for each ", nameText(target.forEach));
        if (target.enabledIf !== undefined) targetHead.push(" if ", this.targetCondition(target.enabledIf));
        if (target.when !== undefined) targetHead.push(" when ", printExpression(target.when, 0));
        const bodyEnd = target.fallback?.range.start.offset ?? target.range.end.offset;
        return [group(targetHead), " ", this.body(target.body, bodyEnd), target.fallback === undefined ? "" : [" ", this.fallback(target.fallback)]];
      },
      { blankLinesBetween: false },
    );
    return [group(head), " ", this.block(targets)];
  }

  private body(items: readonly A.BodyItem[], end: number): Doc {
    return this.block(this.statements(items, end, (item, run) => this.bodyItem(item, run)));
  }

  /** Fields and lets (`let name`) align their arrows in a run of statements. */
  private fieldWidth(run: readonly A.BodyItem[]): number {
    return this.widest(run, "field", (entry) => (entry.kind === "Assignment" ? entry.field.value.length : entry.kind === "LetStatement" ? entry.name.value.length + 4 : 0));
  }

  private bodyItem(item: A.BodyItem, run: readonly A.BodyItem[]): Doc {
    switch (item.kind) {
      case "Assignment": {
        const field = pad(item.field.value, this.fieldWidth(run));
        if (item.value.kind === "EachBlock") {
          const each = item.value;
          return [
            field,
            " <- each ",
            nameText(each.entity),
            " by ",
            nameText(each.by),
            each.alias === undefined ? "" : [" as ", each.alias.value],
            " ",
            this.body(each.body, each.range.end.offset),
          ];
        }
        return group([field, " ", item.operator, " ", printExpression(item.value, 0)]);
      }
      case "LetStatement":
        return group([pad(`let ${item.name.value}`, this.fieldWidth(run)), " <- ", printExpression(item.value, 0)]);
      case "IgnoreStatement":
        return ["ignore ", join(", ", item.columns.map((column) => columnPathText(column)))];
      case "WithBlock":
        return [
          "with ",
          nameText(item.entity),
          " by ",
          nameText(item.by),
          item.when === undefined ? "" : [" when ", printExpression(item.when, 0)],
          item.orderBy === undefined ? "" : [" order by ", nameText(item.orderBy), item.descending ? " desc" : ""],
          " ",
          this.body(item.body, item.range.end.offset),
        ];
      case "TargetIf":
        return this.targetIf(item, (inner, innerEnd) => this.body(inner, innerEnd));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // tests

  private test(test: A.TestDeclaration): Doc {
    const items = this.statements(test.items, test.range.end.offset, (item) => {
      switch (item.kind) {
        case "GivenRow":
          return ["given ", nameText(item.entity), " ", this.fieldValues(item.cells)];
        case "GivenOdooRecord":
          return ["given odoo ", qualifiedNameText(item.model), " ", this.fieldValues(item.values)];
        case "ExpectRecord":
          return ["expect ", item.count === undefined ? "" : [item.count.raw, " "], qualifiedNameText(item.model), " ", this.fieldValues(item.values)];
        case "ExpectOutcome":
          return ["expect ", item.outcome, item.entity === undefined ? "" : [" ", item.entity.value], item.message === undefined ? "" : [" ", quoteString(item.message.value)]];
      }
    });
    return ["test ", stringText(test.name), " ", this.block(items)];
  }
}

function isTargetIf<Item>(branch: readonly Item[] | A.TargetIf<Item>): branch is A.TargetIf<Item> {
  return !Array.isArray(branch);
}


/** Builds the Prettier document for a tree; exported for the Prettier plugin. */
export function printToDoc(document: A.Document, options: PrintOptions = {}): Doc {
  return new Printer(document, options).document(document);
}

/** Prints a tree as canonical text. Throws MissingNodeError for a tree built from broken input. */
export function print(document: A.Document, options: PrintOptions = {}): string {
  const printed = docPrinter.printDocToString(printToDoc(document, options), {
    printWidth: options.printWidth ?? DEFAULT_PRINT_WIDTH,
    tabWidth: 2,
    useTabs: false,
  });
  return printed.formatted;
}
