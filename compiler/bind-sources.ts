/**
 * Binding sources: a symbol for each source, its entities and their columns and column groups,
 * with their csv options read over the defaults, their keys and `duplicates` rules; and the
 * entities a column `references`, once every source is bound.
 */
import { datePatternProblem } from "./date-patterns.js";
import type * as A from "../language/ast.js";
import { COLUMN_TYPES } from "../language/column-types.js";
import type { Binder } from "./bind.js";
import type { ShapeProblem } from "./bound-package.js";
import { suggestNames } from "./catalog/index.js";
import { UNIQUE_MATCH_RULES, type ColumnSymbol, type EntitySymbol, type GroupSymbol, type SourceOptions, type SourceSymbol, type UniqueMatchRule } from "./model.js";
import { columnValueType, type ValueType } from "./types.js";
import { DEFAULT_SOURCE_OPTIONS, ENCODING_ALIASES, ENCODINGS, isDeclaredEncoding, SOURCE_OPTION_NAMES } from "./value-formats.js";

let canonicalZones: ReadonlySet<string> | undefined;

function isValidTimezone(zone: string): boolean {
  // The canonical IANA names are looked up in a list; making a date format (which also accepts
  // aliases, "UTC" and any case) sets up ICU's date formatting, a tenth of a `flitmap check` start.
  canonicalZones ??= new Set(Intl.supportedValuesOf("timeZone"));
  if (canonicalZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function readSourceOptions(binder: Binder, base: SourceOptions, options: readonly A.CsvOptions[], file: string): SourceOptions {
  const result: { -readonly [K in keyof SourceOptions]: SourceOptions[K] } = { ...base };
  for (const block of options) {
    for (const option of block.options) {
      const name = option.name.value;
      const value = option.value.kind === "StringLiteral" ? option.value.value : option.value.kind === "Missing" ? undefined : String(option.value.value);
      if (value === undefined) continue;
      const problem = (message: string, replacement?: ShapeProblem["replacement"]): void => {
        binder.shapeProblems.push({ file, range: option.range, message, kind: "source-option", ...(replacement === undefined ? {} : { replacement }) });
      };
      switch (name) {
        case "delimiter": {
          const delimiter = value === "tab" || value === "\\t" ? "\t" : value;
          if (delimiter !== "auto" && delimiter.length !== 1) problem(`a delimiter is one character ("," ";" or "tab") or "auto", not "${value}"`);
          else result.delimiter = delimiter;
          break;
        }
        case "encoding": {
          const encoding = value.toLowerCase();
          const alias = ENCODING_ALIASES[encoding.replace(/_/g, "-")];
          if (isDeclaredEncoding(encoding)) result.encoding = encoding;
          else if (alias !== undefined)
            problem(`encoding "${value}" is written "${alias}" here`, { title: `Change to "${alias}"`, range: option.value.range, text: `"${alias}"` });
          else problem(`encoding "${value}" is not supported: use ${ENCODINGS.join(", ")}`);
          break;
        }
        case "quote":
          if (value.length !== 1) problem(`a quote is one character, not "${value}"`);
          else result.quote = value;
          break;
        case "date":
        case "datetime": {
          const patternProblem = datePatternProblem(value, name);
          if (patternProblem !== null) problem(patternProblem);
          else result[name] = value;
          break;
        }
        case "timezone":
          if (!isValidTimezone(value)) problem(`"${value}" is not a time zone: use an IANA name such as "Europe/Amsterdam" or "UTC"`);
          else result.timezone = value;
          break;
        case "decimal":
          if (value !== "." && value !== ",") problem(`the decimal separator is "." or ",", not "${value}"`);
          else result.decimal = value;
          break;
        case "currency":
          result.currency = value;
          break;
        case "true_words":
          result.trueWords = wordList(value);
          break;
        case "false_words":
          result.falseWords = wordList(value);
          break;
        case "empty_values":
          result.emptyValues = wordList(value);
          break;
        default:
          binder.unknown({ kind: "option", name, file, range: option.name.range, candidates: suggestNames(name, [...SOURCE_OPTION_NAMES]) });
      }
    }
  }
  return result;
}

export function bindSource(binder: Binder, declaration: A.SourceDeclaration, file: string): void {
  if (declaration.name.kind === "Missing") return;
  const name = declaration.name;
  const symbol: SourceSymbol = { kind: "source", name: name.value, file, nameRange: name.range, declaration, entities: [] };
  const existing = binder.sources.get(name.value);
  if (existing !== undefined) binder.duplicates.push({ what: "source", name: name.value, first: existing, second: symbol });
  else binder.sources.set(name.value, symbol);
  const sourceOptions = readSourceOptions(
    binder,
    DEFAULT_SOURCE_OPTIONS,
    declaration.items.filter((item): item is A.CsvOptions => item.kind === "CsvOptions"),
    file,
  );
  for (const item of declaration.items) if (item.kind === "EntityDeclaration") bindEntity(binder, item, symbol, sourceOptions, file);
}

export function bindColumn(binder: Binder, column: A.ColumnDeclaration, entity: EntitySymbol, group: GroupSymbol | undefined, file: string): ColumnSymbol {
  const declaredType = column.type.kind === "Name" ? column.type.value : "text";
  const type: ValueType | undefined = columnValueType(declaredType);
  if (column.type.kind === "Name" && type === undefined) {
    binder.unknown({
      kind: "column-type",
      name: declaredType,
      file,
      range: column.type.range,
      candidates: suggestNames(declaredType, [...COLUMN_TYPES]),
    });
  }
  if (column.format !== undefined && (declaredType === "integer" || declaredType === "decimal") && column.format.value !== "%") {
    binder.shapeProblems.push({
      file,
      range: column.format.range,
      message: `column ${column.name.value} is ${declaredType === "integer" ? "an integer" : "a decimal"}: it takes only the format "%" (its values are percentages, \`60 %\` read as 60), not "${column.format.value}"; the decimal separator is the csv option \`decimal\``,
      kind: "column-format",
    });
  }
  const patternProblem =
    column.format !== undefined && (declaredType === "date" || declaredType === "datetime") ? datePatternProblem(column.format.value, declaredType) : null;
  if (patternProblem !== null && column.format !== undefined)
    binder.shapeProblems.push({ file, range: column.format.range, message: `column ${column.name.value}: ${patternProblem}`, kind: "column-format" });
  const has = (keyword: A.ColumnModifierKeyword): boolean =>
    column.modifiers.some((modifier) => modifier.kind === "ColumnModifier" && modifier.keyword === keyword);
  const emptyWhen = column.modifiers.find((modifier): modifier is A.EmptyWhenModifier => modifier.kind === "EmptyWhenModifier");
  const unique = column.modifiers.find((modifier): modifier is A.UniqueModifier => modifier.kind === "UniqueModifier");
  return {
    kind: "column",
    name: column.name.value,
    file,
    nameRange: column.name.range,
    entity,
    ...(group === undefined ? {} : { group }),
    declaration: column,
    header: column.header?.value ?? column.name.value,
    declaredType,
    type,
    ...(column.format === undefined ? {} : { format: column.format.value }),
    required: has("required"),
    personal: has("personal"),
    modified: has("modified"),
    ...(emptyWhen === undefined ? {} : { emptyValues: emptyWhen.values.map((value) => value.value.trim().toLowerCase()) }),
    ...(unique === undefined ? {} : { unique: { ambiguous: unique.ambiguous ?? "reject", match: uniqueMatchRule(binder, unique, file) } }),
  };
}

/** `unique match loose`: how values compare with the column's; a word that is no rule is FM207, with the nearest rule as its fix. */
function uniqueMatchRule(binder: Binder, unique: A.UniqueModifier, file: string): UniqueMatchRule {
  const written = unique.match;
  if (written === undefined) return "exact";
  const rule = UNIQUE_MATCH_RULES.find((candidate) => candidate === written.value);
  if (rule !== undefined) return rule;
  const nearest = suggestNames(written.value, [...UNIQUE_MATCH_RULES])[0];
  binder.shapeProblems.push({
    file,
    range: written.range,
    kind: "column-match",
    message: `a \`unique\` column matches \`exact\` (the default: trimmed, ignoring case), \`loose\` (also ignoring accents, punctuation and extra spaces), \`company\` (loose, and a legal form such as B.V. or S.R.L. ignored) or \`digits\` (its digits alone), not \`${written.value}\``,
    ...(nearest === undefined ? {} : { replacement: { title: `Change to ${nearest}`, range: written.range, text: nearest } }),
  });
  return "exact";
}

/** A comma-separated list of words, as `true_words`, `false_words` and `empty_values` take them: trimmed, lower-cased. */
function wordList(value: string): string[] {
  return value
    .split(",")
    .map((word) => word.trim().toLowerCase())
    .filter((word) => word !== "");
}

export function bindEntity(binder: Binder, declaration: A.EntityDeclaration, source: SourceSymbol, sourceOptions: SourceOptions, file: string): void {
  if (declaration.name.kind === "Missing") return;
  const name = declaration.name;
  const options = readSourceOptions(
    binder,
    sourceOptions,
    declaration.items.filter((item): item is A.CsvOptions => item.kind === "CsvOptions"),
    file,
  );
  const entity: EntitySymbol = {
    kind: "entity",
    name: name.value,
    file,
    nameRange: name.range,
    declaration,
    source,
    pattern: declaration.pattern.kind === "StringLiteral" ? declaration.pattern.value : "",
    columns: new Map(),
    groups: new Map(),
    key: [],
    options,
    duplicates: { keep: "last" },
  };
  const existing = binder.entities.get(name.value);
  if (existing !== undefined) {
    binder.duplicates.push({ what: "entity", name: name.value, first: existing, second: entity });
    return;
  }
  binder.entities.set(name.value, entity);
  source.entities.push(entity);
  const declareColumn = (column: ColumnSymbol): void => {
    const previous = entity.columns.get(column.name) ?? entity.groups.get(column.name);
    if (previous !== undefined) binder.duplicates.push({ what: "column", name: column.name, first: previous, second: column });
    else entity.columns.set(column.name, column);
  };
  for (const item of declaration.items) {
    if (item.kind === "ColumnDeclaration") declareColumn(bindColumn(binder, item, entity, undefined, file));
    else if (item.kind === "ColumnGroup" && item.name.kind === "Name") bindColumnGroup(binder, item, item.name, entity, file);
  }
  bindEntityKey(binder, declaration, name, entity, file);
  bindDuplicatesRule(binder, declaration, entity, file);
}

/** A column group, `contact[1..3] { name "Contactpersoon {n}" ... }`: each of its columns has `{n}` in its header. */
function bindColumnGroup(binder: Binder, item: A.ColumnGroup, name: A.Name, entity: EntitySymbol, file: string): void {
  const from = item.from.kind === "NumberLiteral" ? item.from.value : 1;
  const to = item.to.kind === "NumberLiteral" ? item.to.value : from;
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to < from) {
    binder.shapeProblems.push({
      file,
      range: item.range,
      message: `a column group counts from a whole number to a larger one, e.g. [1..3], not [${from}..${to}]`,
      kind: "group-range",
    });
  }
  const group: GroupSymbol = {
    kind: "group",
    name: name.value,
    file,
    nameRange: name.range,
    entity,
    declaration: item,
    from,
    to,
    columns: new Map(),
  };
  if (entity.columns.has(group.name) || entity.groups.has(group.name)) {
    binder.duplicates.push({
      what: "column",
      name: group.name,
      first: entity.columns.get(group.name) ?? entity.groups.get(group.name) ?? group,
      second: group,
    });
  } else entity.groups.set(group.name, group);
  for (const column of item.columns) {
    const symbol = bindColumn(binder, column, entity, group, file);
    if (!symbol.header.includes("{n}")) {
      binder.shapeProblems.push({
        file,
        range: column.header?.range ?? column.name.range,
        message: `a column of a group needs "{n}" in its header, where the group's number stands, e.g. "Contactpersoon {n}"`,
        kind: "group-range",
      });
    }
    if (group.columns.has(symbol.name))
      binder.duplicates.push({ what: "column", name: symbol.name, first: group.columns.get(symbol.name) ?? symbol, second: symbol });
    else group.columns.set(symbol.name, symbol);
  }
}

/** The entity's key columns: each row's external ID is made of them. */
function bindEntityKey(binder: Binder, declaration: A.EntityDeclaration, name: A.Name, entity: EntitySymbol, file: string): void {
  if (declaration.key.length === 0) {
    binder.shapeProblems.push({
      file,
      range: name.range,
      message: `entity ${name.value} has no key: add \`key column\` (or \`key (a, b)\`) after its file pattern; the key makes each row's external ID`,
      kind: "entity-key",
    });
  }
  for (const keyName of declaration.key) {
    const column = entity.columns.get(keyName.value);
    if (column === undefined) {
      binder.unknown({
        kind: "column",
        name: keyName.value,
        file,
        range: keyName.range,
        candidates: suggestNames(keyName.value, [...entity.columns.keys()]),
        scope: `entity ${entity.name}`,
      });
      continue;
    }
    entity.key.push(column);
    binder.reference(file, keyName.range, column);
  }
}

/** The entity's `duplicates keep ...` rule, with the column that tells which row is newest. */
function bindDuplicatesRule(binder: Binder, declaration: A.EntityDeclaration, entity: EntitySymbol, file: string): void {
  const duplicatesRule = declaration.items.find((item): item is A.DuplicatesRule => item.kind === "DuplicatesRule");
  if (duplicatesRule !== undefined) {
    let by: ColumnSymbol | undefined;
    if (duplicatesRule.by !== undefined) {
      by = entity.columns.get(duplicatesRule.by.value);
      if (by === undefined) {
        binder.unknown({
          kind: "column",
          name: duplicatesRule.by.value,
          file,
          range: duplicatesRule.by.range,
          candidates: suggestNames(duplicatesRule.by.value, [...entity.columns.keys()]),
          scope: `entity ${entity.name}`,
        });
      } else binder.reference(file, duplicatesRule.by.range, by);
    } else if (duplicatesRule.keep === "newest") {
      by = [...entity.columns.values()].find((column) => column.modified);
      if (by === undefined) {
        binder.shapeProblems.push({
          file,
          range: duplicatesRule.range,
          message: "`keep newest` needs a column to compare: write `keep newest by column`, or mark a column `modified`",
          kind: "entity-key",
        });
      }
    }
    Object.assign(entity, { duplicates: { keep: duplicatesRule.keep ?? "last", ...(by === undefined ? {} : { by }) } });
  }
}

export function resolveColumnReferences(binder: Binder, entity: EntitySymbol): void {
  const columns = [...entity.columns.values(), ...[...entity.groups.values()].flatMap((group) => [...group.columns.values()])];
  for (const column of columns) {
    for (const modifier of column.declaration.modifiers) {
      if (modifier.kind !== "ColumnReference" || modifier.entity.kind === "Missing") continue;
      const target = binder.entities.get(modifier.entity.value);
      if (target === undefined) {
        binder.unknown({
          kind: "entity",
          name: modifier.entity.value,
          file: column.file,
          range: modifier.entity.range,
          candidates: suggestNames(modifier.entity.value, [...binder.entities.keys()]),
        });
        continue;
      }
      column.references = target;
      binder.reference(column.file, modifier.entity.range, target);
    }
  }
}
