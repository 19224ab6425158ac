/**
 * Whether a plan expression can give no value for some row, judged from the package alone (no
 * data): a column can be blank unless it is declared `required` or is part of the key (the reader
 * rejects such a row before any map sees it), and a value is known present where a `when`
 * condition of the target has tested it. Blank means what the runtime's `isEmpty` means: no text but
 * spaces counts as no value. The answer errs towards "cannot be empty" wherever a
 * closer reading would need the data (a table's output, a builtin's), so that a warning built on
 * it is never a false alarm about the package's own guarantees.
 */
import type { EntitySymbol } from "./model.js";
import type { PlanExpression } from "./plan/schema.js";

/** What a row is known to hold: the expressions its target's conditions proved present. */
export interface KnownPresent {
  readonly entity: EntitySymbol | undefined;
  readonly present: ReadonlySet<string>;
}

/** Builtins whose result is never empty, whatever their input: `required` rejects the row instead. */
const NEVER_EMPTY_BUILTINS = new Set(["required"]);

function key(expression: PlanExpression): string {
  return JSON.stringify(expression);
}

function columnMayBeEmpty(column: string, entity: EntitySymbol | undefined): boolean {
  const symbol = entity?.columns.get(column);
  if (symbol === undefined) return true;
  return !symbol.required && !entity?.key.includes(symbol);
}

/** Whether `expression` can evaluate to no value for a row that satisfies `known`. */
export function mayBeEmpty(expression: PlanExpression, known: KnownPresent): boolean {
  // Serialising is only needed to compare with what a condition proved; most targets have no such condition.
  if (known.present.size > 0 && known.present.has(key(expression))) return false;
  switch (expression.op) {
    case "column":
      return columnMayBeEmpty(expression.column, known.entity);
    case "const":
      return expression.value === null || (typeof expression.value === "string" && expression.value.trim() === "");
    case "template":
      return expression.parts.every((part) => (typeof part === "string" ? part.trim() === "" : mayBeEmpty(part, known)));
    case "coalesce":
      return expression.operands.every((operand) => mayBeEmpty(operand, known));
    case "if":
      return mayBeEmpty(expression.then, withCondition(known, expression.condition)) || mayBeEmpty(expression.else, known);
    case "call":
      if (NEVER_EMPTY_BUILTINS.has(expression.builtin)) return false;
      if (expression.builtin === "default") return expression.args.every((argument) => mayBeEmpty(argument, known)) && mayBeEmpty(expression.input, known);
      return mayBeEmpty(expression.input, known);
    case "table":
    case "lookup":
      return mayBeEmpty(expression.input, known);
    case "ref":
      return expression.optional === true || mayBeEmpty(expression.input, known);
    case "arithmetic":
      // An empty operand makes the result empty, and a division by zero rejects the row.
      return mayBeEmpty(expression.left, known) || mayBeEmpty(expression.right, known);
    case "group-column":
    case "linked":
    case "get":
    case "list":
      return true;
    case "sibling":
      return expression.optional === true;
    case "record":
    case "and":
    case "or":
    case "not":
    case "compare":
    case "is":
    case "in":
      return false;
  }
}

/** The expressions a condition proves present when it holds: `x is present`, `x != ""`, and the parts of an `and`. */
function provedPresent(condition: PlanExpression, into: Set<string>): void {
  if (condition.op === "and") {
    for (const operand of condition.operands) provedPresent(operand, into);
    return;
  }
  if (condition.op === "is" && condition.test === "present" && !condition.negated) into.add(key(condition.operand));
  if (condition.op === "is" && condition.test === "empty" && condition.negated) into.add(key(condition.operand));
  if (condition.op === "compare" && condition.operator === "!=") {
    if (condition.right.op === "const" && condition.right.value === "") into.add(key(condition.left));
    if (condition.left.op === "const" && condition.left.value === "") into.add(key(condition.right));
  }
}

/** `known`, with what `condition` proves present added. */
export function withCondition(known: KnownPresent, condition: PlanExpression): KnownPresent {
  const present = new Set(known.present);
  provedPresent(condition, present);
  return { entity: known.entity, present };
}
