/**
 * Checking pipelines, `input | step | step`: each step (a built-in, a table, a lookup, `ref`,
 * `get`) resolved, its input and arguments typed, and its plan form built; a step that takes one
 * value applied to each item of a list.
 */
import type * as A from "../language/ast.js";
import type { Range } from "../language/location.js";
import type { ExpressionChecker } from "./check-expressions.js";
import type { CheckedExpression, Scope } from "./checked-package.js";
import { reportUnknownName } from "./check-columns.js";
import { inlinedLength, namedStep, useStep } from "./check-steps.js";
import { lookupOutputType } from "./lookup-returns.js";
import { acceptsInput, BUILTINS, findBuiltin, type Builtin } from "./builtins.js";
import type { EntitySymbol, LookupSymbol, TableSymbol, TargetSymbol } from "./model.js";
import { suggestNames } from "./catalog/index.js";
import { typeString } from "./check-expressions.js";
import type { Literal, PlanExpression, RefBy } from "./plan/schema.js";
import { replaceFix } from "./rules/rule.js";
import { describeType, isAssignableTo, list, record, TEXT, UNKNOWN, type ValueType } from "./types.js";

/**
 * Each step's plan form holds the one before it: the input sits under every step. A pipeline
 * too long for a plan is still resolved (its columns are read, its tables used), as if it were
 * no deeper than where it starts, and then left out.
 */
export function checkPipe(checker: ExpressionChecker, node: A.PipeExpression, scope: Scope): CheckedExpression {
  // A named step stands for its steps, inlined: each of them is a level of the plan.
  const lengths = node.steps.map((step) => inlinedLength(checker.bound, step));
  const steps = lengths.reduce((total, length) => total + length, 0);
  const tooLong = checker.tooDeep(scope.depth + steps, scope.file, node.range, `this pipeline of ${steps} steps`);
  // The plan levels above each step: the steps after it, inlined.
  const after = lengths.map(() => 0);
  for (let index = lengths.length - 2; index >= 0; index--) after[index] = (after[index + 1] ?? 0) + (lengths[index + 1] ?? 1);
  const depthOf = (index: number): number => (tooLong ? scope.depth : scope.depth + (after[index] ?? 0));
  let current = checker.expression(node.input, { ...scope, field: undefined, depth: depthOf(0) + (lengths[0] ?? 1) - 1 });
  node.steps.forEach((step, index) => {
    current = checkStep(checker, step, current, node, { ...scope, depth: depthOf(index) });
  });
  return tooLong ? checker.failed(node) : { ...current, node };
}

/** A step applies to each item of a list input, unless it takes lists itself. */
function unwrapList(input: ValueType, takesList: boolean): { item: ValueType; itemwise: boolean } {
  if (!takesList && input.kind === "list") return { item: input.item, itemwise: true };
  return { item: input, itemwise: false };
}

function wrapList(output: ValueType, itemwise: boolean): ValueType {
  return itemwise ? list(output) : output;
}

/**
 * `[name, town] | partner_in_city`, a lookup `by name and city`: the whole list is one value, each
 * item matched against its field; anything but a list of as many values as the lookup has fields
 * is FM309 `lookup_fields`.
 */
function checkLookupTogether(
  checker: ExpressionChecker,
  step: A.CallStep,
  lookup: LookupSymbol,
  input: CheckedExpression,
  pipeNode: A.PipeExpression,
  scope: Scope,
): CheckedExpression {
  checker.reference(scope.file, step.callee.range, lookup);
  const fields = lookup.matchFields.map((field) => field.value);
  const wanted = `a list of ${fields.length} values in the order of its fields, \`[${fields.join(", ")}] | ${lookup.name}\``;
  const given = input.ir.op === "list" ? input.ir.items.length : undefined;
  if (input.type.kind !== "list" && input.type.kind !== "unknown") {
    checker.issue(
      "lookup-fields",
      scope.file,
      step.range,
      `lookup ${lookup.name} matches ${fields.join(" and ")} together: give it ${wanted}, not ${describeType(input.type)}`,
    );
  } else if (given !== undefined && given !== fields.length) {
    checker.issue("lookup-fields", scope.file, step.range, `lookup ${lookup.name} matches ${fields.join(" and ")} together: give it ${wanted}, not ${given}`);
  } else if (input.type.kind === "list" && !["text", "integer", "unknown"].includes(input.type.item.kind)) {
    checker.issue("builtin-input", scope.file, step.range, `lookup ${lookup.name} matches text or numbers, but gets ${describeType(input.type)}`);
  }
  if (step.args !== undefined) checker.issue("builtin-argument", scope.file, step.range, `a lookup takes no arguments: write \`| ${lookup.name}\``);
  const type = lookupOutputType(checker.schema, lookup);
  return { node: pipeNode, type, ir: { op: "lookup", type: typeString(type), lookup: lookup.name, input: input.ir, itemwise: false } };
}

export function checkStep(checker: ExpressionChecker, step: A.PipeStep, input: CheckedExpression, pipeNode: A.PipeExpression, scope: Scope): CheckedExpression {
  if (step.kind === "RefStep") return checkRefStep(checker, step, input, pipeNode, scope);
  const name = step.callee.value;
  if (step.by !== undefined && name !== "get")
    checker.issue("builtin-argument", scope.file, step.by.range, `\`by COLUMN\` names the row \`get\` reads (\`| get(Company.vat by name)\`): \`${name}\` takes no \`by\``);
  const named = namedStep(checker.bound, name);
  if (named !== undefined) return useStep(checker, step, named, input, pipeNode, scope);
  const table = checker.bound.tables.get(name);
  if (table !== undefined) return checkTableStep(checker, step, table, input, pipeNode, scope);
  const lookup = checker.bound.lookups.get(name);
  if (lookup?.together === true) return checkLookupTogether(checker, step, lookup, input, pipeNode, scope);
  if (lookup !== undefined) {
    checker.reference(scope.file, step.callee.range, lookup);
    const { item, itemwise } = unwrapList(input.type, false);
    if (item.kind !== "text" && item.kind !== "integer" && item.kind !== "unknown") {
      checker.issue("builtin-input", scope.file, step.range, `lookup ${lookup.name} matches text or numbers, but gets ${describeType(item)}`);
    }
    if (step.args !== undefined) checker.issue("builtin-argument", scope.file, step.range, `a lookup takes no arguments: write \`| ${name}\``);
    const type = wrapList(lookupOutputType(checker.schema, lookup), itemwise);
    return { node: pipeNode, type, ir: { op: "lookup", type: typeString(type), lookup: name, input: input.ir, itemwise } };
  }
  const builtin = findBuiltin(name);
  if (builtin === undefined) {
    const names = [...BUILTINS.map((candidate) => candidate.name), ...checker.bound.tables.keys(), ...checker.bound.lookups.keys(), ...checker.bound.steps.keys()];
    checker.unresolved.push({ kind: "step", name, file: scope.file, range: step.callee.range, candidates: suggestNames(name, names) });
    return checker.failed(pipeNode);
  }
  checker.bound.externalNames.push({ kind: "builtin", file: scope.file, range: step.callee.range, builtin });
  const { item, itemwise } = unwrapList(input.type, builtin.takesList);
  if (!acceptsInput(builtin, item)) {
    checker.issue(
      "builtin-input",
      scope.file,
      step.range,
      `\`${name}\` takes ${builtin.inputs.map((accepted) => describeType(accepted)).join(" or ")}, but gets ${describeType(item)}${builtin.takesList && item.kind !== "list" ? " (it works on the lists of a `with` block or of `split`)" : ""}`,
    );
  }
  if (name === "get") return checkGetStep(checker, step, input, pipeNode, scope, itemwise);
  const args = (step.args ?? []).map((arg) => checker.expression(arg, { ...scope, field: undefined }));
  checkArguments(checker, step, builtin, args, scope);
  const outputType = builtin.output(
    item,
    args.map((arg) => arg.type),
  );
  const type = wrapList(outputType, itemwise);
  const constants =
    name === "default" && input.constants !== undefined && args[0]?.constants !== undefined ? [...input.constants, ...args[0].constants] : undefined;
  return {
    node: pipeNode,
    type,
    ir: { op: "call", type: typeString(type), builtin: name, input: input.ir, args: args.map((arg) => arg.ir), itemwise },
    ...(constants === undefined ? {} : { constants }),
  };
}

/** `| ref alias`: the record a sibling map or split makes from the row with this key. */
function checkRefStep(checker: ExpressionChecker, step: A.RefStep, input: CheckedExpression, pipeNode: A.PipeExpression, scope: Scope): CheckedExpression {
  if (step.alias.kind === "Missing") return checker.failed(pipeNode);
  const target = checker.resolveAlias(step.alias, scope.file);
  if (target === undefined) return checker.failed(pipeNode);
  const pairedWith = step.andBy === undefined ? undefined : refPairColumn(checker, step, step.andBy, input, target, scope);
  // A pair is one value: its two items name one row together.
  const { item, itemwise } = step.andBy === undefined ? unwrapList(input.type, false) : { item: TEXT, itemwise: false };
  if (target.forEach !== undefined) {
    checker.issue("ref-input", scope.file, step.range, checker.forEachRefMessage(target));
  } else if (item.kind === "record" || item.kind === "binary" || item.kind === "list") {
    checker.issue(
      "ref-input",
      scope.file,
      step.range,
      `\`ref ${target.alias}\` takes the key of a ${target.entity?.name ?? target.alias} row, not ${describeType(item)}`,
    );
  }
  const byColumn = step.by === undefined ? undefined : refByColumn(checker, step, step.by, target, scope);
  const by = byColumn === undefined || pairedWith === undefined ? byColumn : { ...byColumn, and: pairedWith };
  const type = wrapList(record(target.model), itemwise);
  return {
    node: pipeNode,
    type,
    ir: {
      op: "ref",
      type: typeString(type),
      step: target.alias,
      entity: target.entity?.name ?? "",
      input: input.ir,
      itemwise,
      ...(step.optional === true ? { optional: true } : {}),
      ...(by === undefined ? {} : { by }),
    },
  };
}

/**
 * `| ref alias by column`: a column of the target's entity declared `unique`, which says what a
 * value several rows hold does (FM307 `ref_by_column` when it is not declared so, or is the key).
 */
function refByColumn(checker: ExpressionChecker, step: A.RefStep, by: A.Name | A.Missing, target: TargetSymbol, scope: Scope): RefBy | undefined {
  const entity = target.entity;
  if (entity === undefined) return undefined;
  return uniqueColumnBy(checker, entity, by, scope, { reads: `\`| ref ${target.alias}\` finds`, after: step.alias.range.end });
}

/**
 * The `unique` column a step names a row by (`| ref alias by column`, `| get(Entity.column by
 * column)`): the key is FM307 with the fix that drops `by` (written after `after`), a column not
 * declared `unique` FM307 with the fix that declares it.
 */
function uniqueColumnBy(
  checker: ExpressionChecker,
  entity: EntitySymbol,
  by: A.Name | A.Missing,
  scope: Scope,
  keyStep: { readonly reads: string; readonly after: Range["start"] },
): RefBy | undefined {
  if (by.kind === "Missing") return undefined;
  const column = entity.columns.get(by.value);
  if (column === undefined) {
    reportUnknownName(checker, "column", by, scope.file, entity.columns.keys(), `entity ${entity.name}`);
    return undefined;
  }
  checker.useColumn(column, scope.file, by.range);
  if (entity.key.length === 1 && entity.key[0] === column) {
    const dropBy = { start: keyStep.after, end: by.range.end };
    checker.issue("ref-by", scope.file, by.range, `${column.name} is the key of ${entity.name}: ${keyStep.reads} its rows by it`, [
      replaceFix(`Drop \`by ${column.name}\``, scope.file, dropBy, ""),
    ]);
    return undefined;
  }
  if (column.unique === undefined) {
    const end = column.declaration.range.end;
    checker.issue(
      "ref-by",
      scope.file,
      by.range,
      `column ${column.name} of ${entity.name} is not declared \`unique\`: say so, and what a value several rows hold does (\`unique\` rejects the row naming it; \`unique ambiguous first\` or \`last\` takes one)`,
      [{ title: `Declare ${column.name} unique`, edits: [{ file: column.file, range: { start: end, end }, newText: " unique" }] }],
    );
    return { column: column.name, ambiguous: "reject" };
  }
  return { column: column.name, ambiguous: column.unique.ambiguous };
}

/**
 * `[name, company] | ref person by name and company`: the second column of the pair, which any
 * column of the entity may be (the first, declared `unique`, says what a pair several rows hold
 * does); the input must be a list of two values, or a text that is a full name
 * (`contact | ref person by first_name and last_name`).
 */
function refPairColumn(
  checker: ExpressionChecker,
  step: A.RefStep,
  andBy: A.Name | A.Missing,
  input: CheckedExpression,
  target: TargetSymbol,
  scope: Scope,
): string | undefined {
  const entity = target.entity;
  if (andBy.kind === "Missing" || entity === undefined) return undefined;
  const column = entity.columns.get(andBy.value);
  if (column === undefined) {
    reportUnknownName(checker, "column", andBy, scope.file, entity.columns.keys(), `entity ${entity.name}`);
    return undefined;
  }
  checker.useColumn(column, scope.file, andBy.range);
  const by = step.by?.kind === "Name" ? step.by.value : "?";
  const wanted = `a pair, \`[${by}, ${column.name}] | ref ${target.alias} by ${by} and ${column.name}\`, or a full name as text`;
  const given = input.ir.op === "list" ? input.ir.items.length : undefined;
  // One text is a full name, the first column's words then the second's.
  if (input.type.kind !== "list" && input.type.kind !== "unknown" && input.type.kind !== "text") {
    checker.issue("ref-input", scope.file, step.range, `\`ref ${target.alias} by ${by} and ${column.name}\` takes ${wanted}, not ${describeType(input.type)}`);
  } else if (given !== undefined && given !== 2) {
    checker.issue("ref-input", scope.file, step.range, `\`ref ${target.alias} by ${by} and ${column.name}\` takes ${wanted}, not ${given} values`);
  }
  return column.name;
}

/** `| table`: a value table's output for the input. */
function checkTableStep(
  checker: ExpressionChecker,
  step: A.CallStep,
  table: TableSymbol,
  input: CheckedExpression,
  pipeNode: A.PipeExpression,
  scope: Scope,
): CheckedExpression {
  const name = table.name;
  checker.reference(scope.file, step.callee.range, table);
  const { item, itemwise } = unwrapList(input.type, false);
  if (table.input !== undefined && !isAssignableTo(item, table.input)) {
    checker.issue("builtin-input", scope.file, step.range, `table ${table.name} takes ${describeType(table.input)}, but gets ${describeType(item)}`);
  }
  if (step.args !== undefined) checker.issue("builtin-argument", scope.file, step.range, `a table takes no arguments: write \`| ${name}\``);
  const outputType: ValueType = table.output === undefined ? UNKNOWN : table.output.kind === "record" ? record(table.output.model) : table.output.type;
  const type = wrapList(outputType, itemwise);
  const constants = table.output?.kind === "value" ? tableConstants(table.declaration) : undefined;
  return {
    node: pipeNode,
    type,
    ir: { op: "table", type: typeString(type), table: name, input: input.ir, itemwise },
    table: name,
    ...(constants === undefined ? {} : { constants }),
  };
}

/** A built-in's arguments: how many it takes, of which types, and the words an argument may be. */
function checkArguments(checker: ExpressionChecker, step: A.CallStep, builtin: Builtin, args: readonly CheckedExpression[], scope: Scope): void {
  const name = step.callee.value;
  const required = builtin.parameters.filter((parameter) => !parameter.optional).length;
  if (args.length < required || args.length > builtin.parameters.length) {
    const expected = required === builtin.parameters.length ? `${required}` : `${required} to ${builtin.parameters.length}`;
    checker.issue(
      "builtin-argument",
      scope.file,
      step.range,
      `\`${name}\` takes ${expected} argument${builtin.parameters.length === 1 ? "" : "s"} (${builtin.parameters.map((parameter) => parameter.name).join(", ") || "none"}), not ${args.length}`,
    );
  }
  args.forEach((arg, index) => {
    const parameter = builtin.parameters[index];
    if (parameter === undefined) return;
    if (!isAssignableTo(arg.type, parameter.type)) {
      checker.issue(
        "builtin-argument",
        scope.file,
        arg.node.range,
        `the ${parameter.name} of \`${name}\` must be ${describeType(parameter.type)}, not ${describeType(arg.type)}`,
      );
    }
    if (parameter.oneOf !== undefined && arg.node.kind === "StringLiteral" && !parameter.oneOf.includes(arg.node.value)) {
      checker.issue(
        "builtin-argument",
        scope.file,
        arg.node.range,
        `the ${parameter.name} of \`${name}\` is ${parameter.oneOf.map((option) => `"${option}"`).join(" or ")}, not "${arg.node.value}"`,
      );
    }
    if (parameter.form !== undefined && arg.node.kind === "StringLiteral" && !parameter.form.pattern.test(arg.node.value)) {
      checker.issue("builtin-argument", scope.file, arg.node.range, `the ${parameter.name} of \`${name}\` is ${parameter.form.said}, not "${arg.node.value}"`);
    }
    const problem = parameter.problem !== undefined && arg.node.kind === "StringLiteral" ? parameter.problem(arg.node.value) : null;
    if (problem !== null) checker.issue("builtin-argument", scope.file, arg.node.range, `the ${parameter.name} of \`${name}\`: ${problem}`);
  });
}

export function checkGetStep(
  checker: ExpressionChecker,
  step: A.CallStep,
  input: CheckedExpression,
  pipeNode: A.PipeExpression,
  scope: Scope,
  itemwise: boolean,
): CheckedExpression {
  const argument = step.args?.[0];
  if (argument === undefined || step.args?.length !== 1 || argument.kind !== "ColumnPath" || argument.parts.length !== 2) {
    checker.issue(
      "builtin-argument",
      scope.file,
      step.range,
      "`get` takes one argument, Entity.column: the column to read from the row whose key is the input, e.g. `| get(Company.name)`",
    );
    return checker.failed(pipeNode);
  }
  const [entityName, columnName] = argument.parts as [A.Name, A.Name];
  const entity = checker.bound.entities.get(entityName.value);
  if (entity === undefined) {
    reportUnknownName(checker, "entity", entityName, scope.file, checker.bound.entities.keys());
    return checker.failed(pipeNode);
  }
  checker.reference(scope.file, entityName.range, entity);
  const column = entity.columns.get(columnName.value);
  if (column === undefined) {
    reportUnknownName(checker, "column", columnName, scope.file, entity.columns.keys(), `entity ${entity.name}`);
    return checker.failed(pipeNode);
  }
  checker.useColumn(column, scope.file, columnName.range);
  // `get(Company.vat by name)`: the input names the row by a unique column; its `and` has no place here.
  const refBy = step.by === undefined ? undefined : uniqueColumnBy(checker, entity, step.by, scope, { reads: `\`get(${entity.name}.${column.name})\` reads`, after: argument.range.end });
  const by = refBy === undefined ? {} : { by: { column: refBy.column, ambiguous: refBy.ambiguous } };
  const type = wrapList(column.type ?? UNKNOWN, itemwise);
  return { node: pipeNode, type, ir: { op: "get", type: typeString(type), entity: entity.name, column: column.name, input: input.ir, itemwise, ...by } };
}

/** The constants a value table can produce, including its default value. */
function tableConstants(declaration: A.TableDeclaration): Literal[] | undefined {
  const values: Literal[] = [];
  for (const entry of declaration.entries) {
    const value = entry.kind === "TableEntry" ? entry.value : entry.value;
    if (entry.kind === "TableDefault" && entry.action === "keep") return undefined;
    if (value === undefined) continue;
    if (value.kind === "StringLiteral" || value.kind === "NumberLiteral" || value.kind === "BooleanLiteral") values.push(value.value);
  }
  return values;
}
