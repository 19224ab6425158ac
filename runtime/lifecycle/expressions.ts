/**
 * Plan expressions as a mapping specialist reads them (`company_id | first | ref company`), and
 * the questions reports ask about them: which columns a value comes from, which `with` blocks
 * collapse linked rows into one record.
 */
import type { EntityPlan, Plan, PlanExpression, StepPlan } from "../../compiler/plan/schema.js";
import { mergeOnto, subexpressions } from "../execute/plan-walk.js";

function literal(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function piped(input: PlanExpression, step: string): string {
  const text = describeExpression(input);
  // A condition or a coalescing value is bracketed before it is piped on.
  const needsBrackets = ["if", "coalesce", "and", "or", "compare", "arithmetic", "is", "in", "not"].includes(input.op);
  return `${needsBrackets ? `(${text})` : text} | ${step}`;
}

/** An operand of `+ - * /`: bracketed unless it is one value, so that the grouping reads as computed. */
function arithmeticOperand(operand: PlanExpression): string {
  const text = describeExpression(operand);
  return ["arithmetic", "if", "coalesce"].includes(operand.op) ? `(${text})` : text;
}

/** The expression in the mapping language's own notation, close to what the specialist wrote. */
export function describeExpression(expression: PlanExpression): string {
  switch (expression.op) {
    case "column":
      return expression.column;
    case "group-column":
      return `${expression.group}.${expression.column}`;
    case "linked":
      return expression.column;
    case "const":
      return literal(expression.value);
    case "record":
      return expression.xmlid.slice(expression.xmlid.indexOf(".") + 1);
    case "template":
      return `\`${expression.parts.map((part) => (typeof part === "string" ? part : `{${describeExpression(part)}}`)).join("")}\``;
    case "list":
      return `[${expression.items.map(describeExpression).join(", ")}]`;
    case "call":
      return piped(
        expression.input,
        expression.args.length === 0 ? expression.builtin : `${expression.builtin}(${expression.args.map(describeExpression).join(", ")})`,
      );
    case "table":
      return piped(expression.input, expression.table);
    case "lookup":
      return piped(expression.input, expression.lookup);
    case "ref":
      return piped(
        expression.input,
        `ref ${expression.step}${expression.by === undefined ? "" : ` by ${expression.by.column}${expression.by.and === undefined ? "" : ` and ${expression.by.and}`}`}${expression.optional === true ? " optional" : ""}`,
      );
    case "sibling":
      return `ref ${expression.step}${expression.optional === true ? " optional" : ""}`;
    case "get":
      return piped(expression.input, `get(${expression.entity}.${expression.column}${expression.by === undefined ? "" : ` by ${expression.by.column}`})`);
    case "coalesce":
      return expression.operands.map(describeExpression).join(" ?? ");
    case "if":
      return expression.else.op === "const" && expression.else.value === null
        ? `if ${describeExpression(expression.condition)} then ${describeExpression(expression.then)}`
        : `if ${describeExpression(expression.condition)} then ${describeExpression(expression.then)} else ${describeExpression(expression.else)}`;
    case "and":
    case "or":
      return expression.operands.map(describeExpression).join(` ${expression.op} `);
    case "not":
      return `not ${describeExpression(expression.operand)}`;
    case "compare":
      return `${describeExpression(expression.left)} ${expression.operator} ${describeExpression(expression.right)}`;
    case "arithmetic":
      return `${arithmeticOperand(expression.left)} ${expression.operator} ${arithmeticOperand(expression.right)}`;
    case "is":
      return `${describeExpression(expression.operand)} is ${expression.negated ? "not " : ""}${expression.test}`;
    case "in":
      return `${describeExpression(expression.operand)} ${expression.negated ? "not in" : "in"} (${expression.items.map(describeExpression).join(", ")})`;
  }
}

/** Columns of an entity some expression of the plan reads, by entity name. */
export function columnsReadByPlan(plan: Plan): Map<string, Set<string>> {
  const read = new Map<string, Set<string>>();
  const add = (entity: string, column: string): void => {
    const columns = read.get(entity) ?? new Set<string>();
    columns.add(column);
    read.set(entity, columns);
  };
  for (const step of plan.steps) {
    if (step.parent !== undefined) add(step.entity, step.parent.by);
    const expressions = [...step.conditions, ...mergeOnto(step), ...step.operations.map((operation) => operation.value), ...step.deferred.map((operation) => operation.value)];
    for (const root of expressions) {
      for (const expression of subexpressions(root)) {
        if (expression.op === "column") add(step.entity, expression.column);
        if (expression.op === "group-column") add(step.entity, `${expression.group}.${expression.column}`);
        if (expression.op === "get") add(expression.entity, expression.column);
        if (expression.op === "linked") {
          add(expression.entity, expression.column);
          add(expression.entity, expression.by);
          if (expression.orderBy !== undefined) add(expression.entity, expression.orderBy);
          // The block's `when` reads the linked entity's columns.
          if (expression.filter !== undefined)
            for (const part of subexpressions(expression.filter)) if (part.op === "column") add(expression.entity, part.column);
        }
      }
    }
  }
  return read;
}

/** Whether an expression reads a column of `entity` that the package marks `personal`. */
export function readsPersonal(expression: PlanExpression, entity: EntityPlan, plan: Plan): boolean {
  const personal = (entityName: string, column: string): boolean => {
    const found = plan.entities.find((candidate) => candidate.name === entityName);
    if (found === undefined) return false;
    const [group, groupColumn] = column.includes(".") ? column.split(".") : [undefined, column];
    if (group !== undefined)
      return found.groups.some((candidate) => candidate.name === group && candidate.columns.some((c) => c.name === groupColumn && c.personal));
    return found.columns.some((candidate) => candidate.name === column && candidate.personal);
  };
  for (const part of subexpressions(expression)) {
    if (part.op === "column" && personal(entity.name, part.column)) return true;
    if (part.op === "group-column" && personal(entity.name, `${part.group}.${part.column}`)) return true;
    if ((part.op === "linked" || part.op === "get") && personal(part.entity, part.column)) return true;
  }
  return false;
}

/** A `with` block as the plan holds it: rows of another entity, linked by a column, read into one record. */
export interface LinkBlock {
  readonly step: string;
  readonly model: string;
  /** The entity whose rows make the records. */
  readonly entity: string;
  /** The entity whose rows are linked to them. */
  readonly linkedEntity: string;
  readonly by: string;
  readonly orderBy?: string;
  readonly descending: boolean;
  readonly filter?: string;
  /** Each field the block writes, with the value as written in the mapping. */
  readonly fields: readonly { readonly field: string; readonly value: string }[];
}

function linkedIn(expression: PlanExpression): Extract<PlanExpression, { op: "linked" }>[] {
  return [...subexpressions(expression)].filter((part): part is Extract<PlanExpression, { op: "linked" }> => part.op === "linked");
}

/** Every `with` block of the plan: how many-to-many links are collapsed into the records of one side. */
export function linkBlocks(plan: Plan): LinkBlock[] {
  const blocks = new Map<string, { block: Omit<LinkBlock, "fields">; fields: { field: string; value: string }[] }>();
  const visit = (step: StepPlan, field: string, value: PlanExpression): void => {
    for (const linked of linkedIn(value)) {
      const filter = linked.filter === undefined ? undefined : describeExpression(linked.filter);
      const key = [step.id, linked.entity, linked.by, linked.orderBy ?? "", String(linked.descending), filter ?? ""].join("\u0000");
      let entry = blocks.get(key);
      if (entry === undefined) {
        entry = {
          block: {
            step: step.id,
            model: step.model,
            entity: step.entity,
            linkedEntity: linked.entity,
            by: linked.by,
            ...(linked.orderBy === undefined ? {} : { orderBy: linked.orderBy }),
            descending: linked.descending,
            ...(filter === undefined ? {} : { filter }),
          },
          fields: [],
        };
        blocks.set(key, entry);
      }
      if (!entry.fields.some((existing) => existing.field === field)) entry.fields.push({ field, value: describeExpression(value) });
    }
  };
  for (const step of plan.steps) for (const operation of [...step.operations, ...step.deferred]) visit(step, operation.field, operation.value);
  return [...blocks.values()].map(({ block, fields }) => ({ ...block, fields }));
}
