import type * as A from "../../language/ast.js";
import type { Finding, Rule } from "./rule.js";

type Atom =
  | { readonly kind: "equals"; readonly column: string; readonly value: string | number | boolean; readonly text: string }
  | { readonly kind: "differs"; readonly column: string; readonly value: string | number | boolean; readonly text: string }
  | { readonly kind: "within"; readonly column: string; readonly values: readonly (string | number | boolean)[]; readonly text: string }
  | { readonly kind: "present" | "empty"; readonly column: string; readonly text: string }
  | { readonly kind: "false"; readonly text: string };

function columnName(node: A.Expression): string | undefined {
  if (node.kind === "ParenthesizedExpression") return columnName(node.expression);
  if (node.kind !== "ColumnPath") return undefined;
  // `contact[1].name` and `contact.name` (the instance a `for each` reads) are different values.
  const [first, ...rest] = node.parts.map((part) => part.value);
  return [node.instance === undefined ? first : `${first ?? ""}[${node.instance.raw}]`, ...rest].join(".");
}

function literal(node: A.Expression): string | number | boolean | undefined {
  if (node.kind === "StringLiteral" || node.kind === "NumberLiteral" || node.kind === "BooleanLiteral") return node.value;
  return undefined;
}

function show(value: string | number | boolean): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

/** The facts a condition states when it holds, as far as a conjunction of simple tests goes. */
function atoms(node: A.Expression, found: Atom[]): void {
  switch (node.kind) {
    case "ParenthesizedExpression":
      atoms(node.expression, found);
      return;
    case "LogicalExpression":
      if (node.operator === "and") for (const operand of node.operands) atoms(operand, found);
      return;
    case "BooleanLiteral":
      if (!node.value) found.push({ kind: "false", text: "false" });
      return;
    case "ComparisonExpression": {
      const column = columnName(node.left);
      const value = literal(node.right);
      if (column === undefined || value === undefined) return;
      if (node.operator === "=") found.push({ kind: "equals", column, value, text: `${column} = ${show(value)}` });
      if (node.operator === "!=") found.push({ kind: "differs", column, value, text: `${column} != ${show(value)}` });
      return;
    }
    case "IsExpression": {
      const column = columnName(node.operand);
      if (column === undefined) return;
      const kind = (node.test === "present") !== node.negated ? "present" : "empty";
      found.push({ kind, column, text: `${column} is ${kind}` });
      return;
    }
    case "InExpression": {
      const column = columnName(node.operand);
      if (column === undefined || node.negated || node.list.kind === "Missing") return;
      const values = node.list.items.map(literal);
      if (values.some((value) => value === undefined)) return;
      found.push({
        kind: "within",
        column,
        values: values as (string | number | boolean)[],
        text: `${column} in [${values.map((value) => show(value as string)).join(", ")}]`,
      });
      return;
    }
    default:
      return;
  }
}

/** Two facts that cannot both hold, or a fact that never does. */
function contradiction(facts: readonly Atom[]): [Atom, Atom | undefined] | undefined {
  for (const fact of facts) if (fact.kind === "false") return [fact, undefined];
  for (let i = 0; i < facts.length; i++) {
    for (let j = i + 1; j < facts.length; j++) {
      const a = facts[i] as Atom;
      const b = facts[j] as Atom;
      if (a.kind === "false" || b.kind === "false" || a.column !== b.column) continue;
      const pair = [a, b].sort((left, right) => left.kind.localeCompare(right.kind)) as [Atom, Atom];
      const [first, second] = pair;
      if (first.kind === "empty" && (second.kind === "equals" || second.kind === "present" || second.kind === "within")) return [a, b];
      if (first.kind === "equals" && second.kind === "equals" && first.value !== second.value) return [a, b];
      if (first.kind === "differs" && second.kind === "equals" && first.value === second.value) return [a, b];
      if (first.kind === "equals" && second.kind === "within" && !second.values.includes(first.value)) return [a, b];
    }
  }
  return undefined;
}

export const unreachableCondition: Rule = {
  code: "FM504",
  name: "unreachable_condition",
  defaultSeverity: "warning",
  summary: "A `when` that no row can meet (its tests contradict each other, or a split's and a target's do): that target would load nothing.",
  example: {
    wrong: 'split Relation when kind = "company" {\n  person: res.partner when kind = "person" { name <- contact_name }\n}',
    reported: 'this target can load no row: `kind = "company"` and `kind = "person"` cannot both hold',
    right: 'split Relation {\n  person: res.partner when kind = "person" { name <- contact_name }\n}',
  },
  check({ bound }) {
    const findings: Finding[] = [];
    for (const target of bound.targets) {
      const facts: Atom[] = [];
      for (const condition of target.conditions) atoms(condition, facts);
      const found = contradiction(facts);
      if (found === undefined) continue;
      const [first, second] = found;
      const range = target.conditions[target.conditions.length - 1]?.range ?? target.nameRange;
      findings.push({
        file: target.file,
        range,
        message:
          second === undefined
            ? "this target can load no row: its condition is always false"
            : `this target can load no row: \`${first.text}\` and \`${second.text}\` cannot both hold`,
      });
    }
    return findings;
  },
};
