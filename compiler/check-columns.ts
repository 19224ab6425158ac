/**
 * Checking column paths: a column of the row's entity, of a column group instance (`contact[2].name`),
 * of the rows a `with` block links, or of another entity by key; names that resolve to nothing
 * recorded with their candidates. And the one value read the same for every row, a setting's.
 */
import type * as A from "../language/ast.js";
import type { ExpressionChecker } from "./check-expressions.js";
import type { CheckedExpression, LinkedRows, Scope } from "./checked-package.js";
import type { UnresolvedKind } from "./bound-package.js";
import { suggestNames } from "./catalog/index.js";
import { checkLetName, letNamed } from "./check-lets.js";
import { recordXmlid, typeString } from "./check-expressions.js";
import type { ColumnSymbol, EntitySymbol } from "./model.js";
import { DECIMAL, INTEGER, list, record, TEXT, UNKNOWN, type ValueType } from "./types.js";

export function checkColumnPath(checker: ExpressionChecker, node: A.ColumnPath, scope: Scope): CheckedExpression {
  const [first, second, third] = node.parts;
  if (first === undefined) return checker.failed(node);
  const entity = scope.entity;
  // The entity itself is unknown (reported once): its columns cannot be checked.
  if (entity === undefined && scope.target.entityName.kind === "Name") return checker.failed(node);
  if (third !== undefined) {
    checker.unresolved.push({ kind: "column", name: node.parts.map((part) => part.value).join("."), file: scope.file, range: node.range, candidates: [] });
    return checker.failed(node);
  }
  if (node.instance !== undefined) return checkGroupInstanceColumn(checker, node, node.instance, scope);
  if (second === undefined) return checkName(checker, node, first, entity, scope);
  return checkQualifiedName(checker, node, first, second, entity, scope);
}

/** A column path of one name: a column of the row (or of the rows a `with` block links), a record by name. */
function checkName(checker: ExpressionChecker, node: A.ColumnPath, first: A.Name, entity: EntitySymbol | undefined, scope: Scope): CheckedExpression {
  const binding = letNamed(scope, first.value);
  if (binding !== undefined) return checkLetName(checker, node, binding, scope);
  const linkedColumn = scope.linked?.entity.columns.get(first.value);
  if (linkedColumn !== undefined && scope.linked !== undefined) return checkLinkedColumn(checker, node, linkedColumn, scope.linked, scope);
  const column = entity?.columns.get(first.value);
  if (column !== undefined) {
    checker.useColumn(column, scope.file, first.range);
    const type = column.type ?? UNKNOWN;
    return { node, type, ir: { op: "column", type: typeString(type), column: column.name } };
  }
  if (entity?.groups.has(first.value) === true) {
    checker.issue(
      "group",
      scope.file,
      node.range,
      `${first.value} is a group of columns: read one of them, e.g. \`${first.value}.${[...(entity.groups.get(first.value)?.columns.keys() ?? ["name"])][0] ?? "name"}\`, in a split target with \`for each ${first.value}\``,
    );
    return checker.failed(node);
  }
  const recordSymbol = checker.recordByName(first.value, scope);
  if (recordSymbol !== undefined) {
    checker.reference(scope.file, first.range, recordSymbol);
    checker.result.usedRecords.add(recordSymbol);
    const type = record(recordSymbol.model);
    return { node, type, ir: { op: "record", type: typeString(type), model: recordSymbol.model, xmlid: recordXmlid(checker.namespace, recordSymbol) } };
  }
  const candidates = [...(entity?.columns.keys() ?? []), ...(scope.linked?.entity.columns.keys() ?? []), ...checker.queries.recordNames(scope.field?.relation)];
  checker.unresolved.push({
    kind: "column",
    name: first.value,
    file: scope.file,
    range: first.range,
    candidates: suggestNames(first.value, candidates),
    ...(entity === undefined ? {} : { scope: `entity ${entity.name}` }),
  });
  return checker.failed(node);
}

/** A column path of two names: a column of a column group, or of another entity. */
function checkQualifiedName(
  checker: ExpressionChecker,
  node: A.ColumnPath,
  first: A.Name,
  second: A.Name,
  entity: EntitySymbol | undefined,
  scope: Scope,
): CheckedExpression {
  const group = entity?.groups.get(first.value);
  if (group !== undefined) {
    const column = group.columns.get(second.value);
    if (column === undefined) {
      reportUnknownName(checker, "column", second, scope.file, group.columns.keys(), `group ${group.name}`, `${first.value}.${second.value}`);
      return checker.failed(node);
    }
    checker.reference(scope.file, first.range, group);
    checker.useColumn(column, scope.file, second.range);
    if (scope.group !== group) {
      checker.issue(
        "group",
        scope.file,
        node.range,
        `${first.value}.${second.value} is in the column group ${group.name}, repeated ${group.from} to ${group.to} times in a row: read it in a split target with \`for each ${group.name}\``,
      );
      return checker.failed(node);
    }
    const type = column.type ?? UNKNOWN;
    return { node, type, ir: { op: "group-column", type: typeString(type), group: group.name, column: column.name } };
  }
  const other = checker.bound.entities.get(first.value);
  if (other !== undefined) {
    const column = other.columns.get(second.value);
    if (scope.linked?.entity === other && column !== undefined) {
      checker.reference(scope.file, first.range, other);
      return checkLinkedColumn(checker, node, column, scope.linked, scope);
    }
    checker.reference(scope.file, first.range, other);
    if (column === undefined) {
      reportUnknownName(checker, "column", second, scope.file, other.columns.keys(), `entity ${other.name}`, `${first.value}.${second.value}`);
    } else {
      checker.useColumn(column, scope.file, second.range);
      checker.issue(
        "other-entity",
        scope.file,
        node.range,
        `${first.value}.${second.value} belongs to another entity: read it through a key column, e.g. \`company_id | get(${first.value}.${second.value})\``,
      );
    }
    return checker.failed(node);
  }
  checker.unresolved.push({
    kind: "column",
    name: `${first.value}.${second.value}`,
    file: scope.file,
    range: node.range,
    candidates: suggestNames(first.value, [...(entity?.groups.keys() ?? []), ...checker.bound.entities.keys()]).map((name) => `${name}.${second.value}`),
    ...(entity === undefined ? {} : { scope: `entity ${entity.name}` }),
  });
  return checker.failed(node);
}

/**
 * A name looked up among `known` names (an entity's columns, the package's entities...) that is
 * not one of them; `written` is the whole path it ends (`contact.phon`), when it is the last part of one.
 */
export function reportUnknownName(
  checker: ExpressionChecker,
  kind: UnresolvedKind,
  name: A.Name,
  file: string,
  known: Iterable<string>,
  scope?: string,
  written = name.value,
): void {
  checker.unresolved.push({
    kind,
    name: written,
    file,
    range: name.range,
    candidates: suggestNames(name.value, [...known]),
    ...(scope === undefined ? {} : { scope }),
  });
}

/**
 * `contact[1].name`: a column of one instance of a column group, read like any column of the
 * row (a private person is the relation's first contact, whatever the split's `for each` does).
 */
export function checkGroupInstanceColumn(checker: ExpressionChecker, node: A.ColumnPath, instance: A.NumberLiteral, scope: Scope): CheckedExpression {
  const [first, second] = node.parts;
  const entity = scope.entity;
  if (first === undefined || entity === undefined) return checker.failed(node);
  const group = entity.groups.get(first.value);
  if (group === undefined) {
    reportUnknownName(checker, "group", first, scope.file, entity.groups.keys(), `entity ${entity.name}`);
    return checker.failed(node);
  }
  checker.reference(scope.file, first.range, group);
  if (!Number.isInteger(instance.value) || instance.value < group.from || instance.value > group.to) {
    checker.issue("group", scope.file, instance.range, `the column group ${group.name} has instances ${group.from} to ${group.to}, not ${instance.raw}`);
    return checker.failed(node);
  }
  if (second === undefined) {
    const example = [...group.columns.keys()][0] ?? "name";
    checker.issue(
      "group",
      scope.file,
      node.range,
      `${group.name}[${instance.raw}] is one instance of a column group: read one of its columns, e.g. \`${group.name}[${instance.raw}].${example}\``,
    );
    return checker.failed(node);
  }
  const column = group.columns.get(second.value);
  if (column === undefined) {
    reportUnknownName(checker, "column", second, scope.file, group.columns.keys(), `group ${group.name}`, `${group.name}[${instance.raw}].${second.value}`);
    return checker.failed(node);
  }
  checker.useColumn(column, scope.file, second.range);
  const type = column.type ?? UNKNOWN;
  // The runtime reads a group instance under this flat name (runtime/execute/source-rows.ts).
  return { node, type, ir: { op: "column", type: typeString(type), column: `${group.name}[${instance.value}].${column.name}` } };
}

export function checkLinkedColumn(checker: ExpressionChecker, node: A.ColumnPath, column: ColumnSymbol, linked: LinkedRows, scope: Scope): CheckedExpression {
  if (checker.tooDeep(scope.depth + linked.filterDepth, scope.file, node.range, "this column with its `with` block's `when`")) return checker.failed(node);
  const nameRange = node.parts[node.parts.length - 1]?.range ?? node.range;
  checker.useColumn(column, scope.file, nameRange);
  const type = list(column.type ?? UNKNOWN);
  return {
    node,
    type,
    ir: {
      op: "linked",
      type: typeString(type),
      entity: linked.entity.name,
      by: linked.by?.name ?? "",
      column: column.name,
      ...(linked.orderBy === undefined ? {} : { orderBy: linked.orderBy.name }),
      descending: linked.node.descending,
      ...(linked.filter === undefined ? {} : { filter: linked.filter.ir }),
    },
  };
}

/**
 * `setting rate`: the setting's value after `--set`, a constant of the plan. A setting declared
 * with a number is a number (an integer when written without decimals) and `--set` must give one;
 * one declared in quotes is text. An undeclared setting is FM210 (unknown_setting).
 */
export function checkSetting(checker: ExpressionChecker, node: A.SettingExpression, scope: Scope): CheckedExpression {
  const symbol = node.name.kind === "Name" ? checker.bound.settings.get(node.name.value) : undefined;
  const value = symbol === undefined ? undefined : checker.choice.settings.get(symbol.name);
  if (symbol === undefined || value === undefined) return checker.failed(node);
  const declared = symbol.declaration.value;
  if (declared.kind !== "NumberLiteral") return constant(node, TEXT, value);
  const type = /^-?\d+$/.test(declared.raw) ? INTEGER : DECIMAL;
  const number = Number(value.trim());
  if (value.trim() === "" || !Number.isFinite(number) || (type === INTEGER && !Number.isInteger(number))) {
    const wanted = type === INTEGER ? "a whole number" : "a number";
    checker.issue("constant", scope.file, node.range, `setting ${symbol.name} is ${wanted} (declared ${declared.raw}), not "${value}": give it \`--set ${symbol.name}=${declared.raw}\` or another`);
    return checker.failed(node);
  }
  return constant(node, type, number);
}

function constant(node: A.SettingExpression, type: ValueType, value: string | number): CheckedExpression {
  return { node, type, ir: { op: "const", type: typeString(type), value }, constants: [value] };
}
