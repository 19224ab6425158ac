/**
 * `flitmap explain <package> <model>.<field>`: where a target field's value comes from, as a
 * specialist reads it — which maps write it, under which conditions, from which source columns,
 * through which steps, tables and lookups. Pure: built from the analysis the checks already made.
 */
import { forEachNode } from "../language/visit.js";
import type * as A from "../language/ast.js";
import type { PackageAnalysis } from "./analyze.js";
import { findBuiltin } from "./builtins.js";
import { describeTargetCondition } from "./target.js";
import type { CheckedAssignment } from "./checked-package.js";
import { findField, findModel, suggestFieldNames, suggestModelNames } from "./catalog/index.js";
import { didYouMean } from "./rules/rule.js";
import type { PlanExpression } from "./plan/schema.js";
import type { EntitySymbol, TargetSymbol } from "./model.js";

/** One step of a value's lineage, with the steps it is made from. */
export interface LineageNode {
  readonly text: string;
  readonly from: readonly LineageNode[];
}

export interface FieldWriter {
  readonly target: string;
  readonly declaration: string;
  readonly file: string;
  readonly line: number;
  /** The assignment as written. */
  readonly source: string;
  /** When the value is written: the target's `when`, the `if` blocks around the assignment. */
  readonly conditions: readonly string[];
  readonly lineage: LineageNode;
  /** Every source column the value reads, as `Entity.column ("Header")`. */
  readonly columns: readonly string[];
}

export interface FieldExplanation {
  readonly model: string;
  readonly field: string;
  /** The field as Odoo describes it, or why it is unknown (with the names meant, when some are close). */
  readonly description: string;
  /** Whether the target's schema has the field (an unknown model or field is most often a misspelling). */
  readonly known: boolean;
  readonly writers: readonly FieldWriter[];
  /** What happens when no writer sets it. */
  readonly otherwise: string;
}

const ARITHMETIC_WORDS = { "+": "the sum of", "-": "the first minus the second of", "*": "the product of", "/": "the first divided by the second of" } as const;

function leaf(text: string): LineageNode {
  return { text, from: [] };
}

class LineageBuilder {
  readonly columns = new Set<string>();

  constructor(
    private readonly analysis: PackageAnalysis,
    private readonly entity: EntitySymbol | undefined,
  ) {}

  private column(entity: EntitySymbol | undefined, name: string, group?: string): string {
    const column = group === undefined ? entity?.columns.get(name) : entity?.groups.get(group)?.columns.get(name);
    const header = column?.header ?? name;
    const entityName = entity?.name ?? "?";
    const path = group === undefined ? name : `${group}.${name}`;
    this.columns.add(`${entityName}.${path} ("${header}")`);
    const type = column?.declaredType === undefined ? "" : `, ${column.declaredType}${column.format === undefined ? "" : ` "${column.format}"`}`;
    return `column ${path} of ${entityName}: "${header}" in ${entity?.pattern ?? "?"}${type}${column?.personal === true ? ", personal" : ""}`;
  }

  /** A simple condition in one line (`parent_type = "Deal"`), or undefined when it is not simple. */
  private inline(expression: PlanExpression): string | undefined {
    switch (expression.op) {
      case "column":
        this.column(this.entity, expression.column);
        return expression.column;
      case "group-column":
        this.column(this.entity, expression.column, expression.group);
        return `${expression.group}.${expression.column}`;
      case "const":
        return JSON.stringify(expression.value);
      case "arithmetic":
      case "compare": {
        const left = this.inline(expression.left);
        const right = this.inline(expression.right);
        return left === undefined || right === undefined ? undefined : `${left} ${expression.operator} ${right}`;
      }
      case "is": {
        const operand = this.inline(expression.operand);
        return operand === undefined ? undefined : `${operand} is ${expression.negated ? "not " : ""}${expression.test}`;
      }
      case "in": {
        const operand = this.inline(expression.operand);
        const items = expression.items.map((item) => this.inline(item));
        return operand === undefined || items.some((item) => item === undefined)
          ? undefined
          : `${operand} ${expression.negated ? "not in" : "in"} [${items.join(", ")}]`;
      }
      case "not": {
        const operand = this.inline(expression.operand);
        return operand === undefined ? undefined : `not ${operand}`;
      }
      default:
        return undefined;
    }
  }

  build(expression: PlanExpression): LineageNode {
    switch (expression.op) {
      case "column":
        return leaf(this.column(this.entity, expression.column));
      case "group-column":
        return leaf(`${this.column(this.entity, expression.column, expression.group)}, one record per filled group`);
      case "linked": {
        const linked = this.analysis.bound.entities.get(expression.entity);
        const order = expression.orderBy === undefined ? "in file order" : `ordered by ${expression.orderBy}${expression.descending ? " descending" : ""}`;
        return {
          text: `the linked ${expression.entity} rows whose ${expression.by} is this row's key, ${order}${expression.filter === undefined ? "" : ", only those that pass the with block's `when`"}`,
          from: [leaf(this.column(linked, expression.column)), ...(expression.filter === undefined ? [] : [this.build(expression.filter)])],
        };
      }
      case "const":
        return leaf(`the constant ${JSON.stringify(expression.value)}`);
      case "record":
        return leaf(`the ${expression.model} record ${expression.xmlid}`);
      case "template":
        return {
          text: "text built from a template",
          from: expression.parts.filter((part): part is PlanExpression => typeof part !== "string").map((part) => this.build(part)),
        };
      case "list":
        return { text: "a list of", from: expression.items.map((item) => this.build(item)) };
      case "call":
        return this.builtinStep(expression);
      case "table":
        return this.tableStep(expression);
      case "lookup":
        return this.lookupStep(expression);
      case "ref":
        if (expression.by !== undefined) {
          const several =
            expression.by.ambiguous === "reject" ? "a value several rows hold rejects the row, naming them" : `of several rows holding the value, the ${expression.by.ambiguous} is taken`;
          return {
            text: `the record map ${expression.step} made from the ${expression.entity} row whose ${expression.by.column} is this value (ignoring case); a blank value links nothing, a value no row holds is left empty and reported, ${several}`,
            from: [this.build(expression.input)],
          };
        }
        return {
          text: `the record map ${expression.step} made from the ${expression.entity} row with this key (external ID ${this.analysis.target.namespace}.${expression.step}_<key>); a key with no row is left empty and reported`,
          from: [this.build(expression.input)],
        };
      case "sibling":
        return leaf(`the record target ${expression.step} of this split made from the same row`);
      case "get": {
        const other = this.analysis.bound.entities.get(expression.entity);
        const row =
          expression.by === undefined
            ? "key this is"
            : `${expression.by.column} is this value (${expression.by.ambiguous === "reject" ? "a value several rows hold rejects the row" : `of several rows holding it, the ${expression.by.ambiguous}`})`;
        return {
          text: `the ${expression.entity} row whose ${row}`,
          from: [this.build(expression.input), leaf(`then ${this.column(other, expression.column)}`)],
        };
      }
      case "coalesce":
        return { text: "the first of these that is not empty", from: expression.operands.map((operand) => this.build(operand)) };
      case "if": {
        const condition = this.inline(expression.condition);
        const otherwise = expression.else.op === "const" && expression.else.value === null ? leaf("empty") : this.build(expression.else);
        return {
          text: condition === undefined ? "a choice" : `if ${condition}`,
          from: [
            ...(condition === undefined ? [{ text: "if", from: [this.build(expression.condition)] }] : []),
            { text: "then", from: [this.build(expression.then)] },
            { text: "else", from: [otherwise] },
          ],
        };
      }
      case "and":
      case "or":
        return { text: expression.op === "and" ? "all of" : "any of", from: expression.operands.map((operand) => this.build(operand)) };
      case "not":
        return { text: "not", from: [this.build(expression.operand)] };
      case "compare": {
        const inline = this.inline(expression);
        return inline !== undefined
          ? leaf(inline)
          : { text: `${expression.operator} comparison`, from: [this.build(expression.left), this.build(expression.right)] };
      }
      case "arithmetic":
        return { text: ARITHMETIC_WORDS[expression.operator], from: [this.build(expression.left), this.build(expression.right)] };
      case "is":
        return { text: `is ${expression.negated ? "not " : ""}${expression.test}`, from: [this.build(expression.operand)] };
      case "in":
        return { text: `${expression.negated ? "not " : ""}one of ${expression.items.length} values`, from: [this.build(expression.operand)] };
    }
  }

  private builtinStep(expression: Extract<PlanExpression, { op: "call" }>): LineageNode {
    const builtin = findBuiltin(expression.builtin);
    const args = expression.args.map((arg) => (arg.op === "const" ? JSON.stringify(arg.value) : "…")).join(", ");
    const flag = expression.args.some((arg) => arg.op === "const" && arg.value === "flag");
    const policy = flag ? "; a value it cannot read leaves the field empty and is reported" : builtin?.onInvalid === undefined ? "" : `; ${builtin.onInvalid}`;
    return {
      text: `${expression.builtin}${args === "" ? "" : `(${args})`}: ${(builtin?.summary ?? "a built-in step").replace(/\.$/, "")}${policy}`,
      from: [this.build(expression.input)],
    };
  }

  private tableStep(expression: Extract<PlanExpression, { op: "table" }>): LineageNode {
    const table = this.analysis.bound.tables.get(expression.table);
    const entries = table?.declaration.entries.filter((entry) => entry.kind === "TableEntry").length ?? 0;
    const fallback = table?.declaration.entries.find((entry): entry is A.TableDefault => entry.kind === "TableDefault");
    const unmatched = fallback === undefined ? "flag (no `_` line)" : fallback.action === "value" ? "a default value" : fallback.action;
    return { text: `table ${expression.table} (${entries} entries; a value it lacks: ${unmatched})`, from: [this.build(expression.input)] };
  }

  private lookupStep(expression: Extract<PlanExpression, { op: "lookup" }>): LineageNode {
    const lookup = this.analysis.bound.lookups.get(expression.lookup);
    const fields = lookup?.matchFields.map((field) => field.value).join(lookup.together ? " and " : " or ") ?? "?";
    const missing =
      lookup?.missing === undefined
        ? "reject"
        : lookup.missing.policy === "fallback"
          ? `fallback ${JSON.stringify(lookup.missing.value)}`
          : lookup.missing.policy;
    return {
      text: `lookup ${expression.lookup}: the ${lookup?.returns === undefined ? "" : `${lookup.returns.value} of the `}${lookup?.model ?? "?"} record whose ${fields} matches, in the target Odoo (no match: ${missing})`,
      from: [this.build(expression.input)],
    };
  }
}

/** The `if` blocks on the target around an assignment, as written. */
function enclosingConditions(target: TargetSymbol, assignment: CheckedAssignment): string[] {
  const conditions: string[] = [];
  const offset = assignment.node.range.start.offset;
  const inside = (items: readonly { readonly range: A.Node["range"] }[]): boolean =>
    items.some((item) => item.range.start.offset <= offset && offset < item.range.end.offset);
  forEachNode(target.declaration, (node) => {
    if (node.kind !== "TargetIf" || node.condition.kind === "Missing") return;
    const condition = describeTargetCondition(node.condition);
    if (inside(node.then)) conditions.push(`if ${condition}`);
    else if (Array.isArray(node.else) && inside(node.else)) conditions.push(`unless ${condition}`);
  });
  return conditions;
}

function describeField(analysis: PackageAnalysis, model: string, field: string): string {
  const schema = analysis.schema;
  if (schema === undefined) return "the target's schema is not known";
  if (findModel(schema, model) === undefined) return `Odoo ${schema.serie} has no model ${model}${didYouMean(suggestModelNames(schema, model))}`;
  const odooField = findField(schema, model, field);
  if (odooField === undefined) return `Odoo ${schema.serie}'s ${model} has no field ${field}${didYouMean(suggestFieldNames(schema, model, field))}`;
  const relation = odooField.relation === undefined ? "" : ` → ${odooField.relation}`;
  const flags = [odooField.required ? "required" : "", odooField.custom ? "custom field" : "", odooField.hasDefault ? "Odoo has a default" : ""].filter(
    (flag) => flag !== "",
  );
  return `${odooField.label}: ${odooField.type}${relation}${flags.length === 0 ? "" : ` (${flags.join(", ")})`}`;
}

export function explainField(analysis: PackageAnalysis, model: string, field: string): FieldExplanation {
  const writers: FieldWriter[] = [];
  for (const assignment of analysis.checked.assignments) {
    const target = assignment.target;
    if (target.model !== model || assignment.fieldName.value !== field) continue;
    const file = analysis.bound.files.find((candidate) => candidate.path === assignment.file);
    const text = file?.text ?? "";
    const builder = new LineageBuilder(analysis, target.entity);
    const lineage =
      assignment.value === undefined
        ? leaf(assignment.child === undefined ? "not understood: fix the errors `flitmap check` reports" : `one ${model} line per linked row`)
        : builder.build(assignment.value.ir);
    const whens = target.conditions.map((condition) => `when ${text.slice(condition.range.start.offset, condition.range.end.offset)}`);
    const role =
      target.role === "split"
        ? `split ${target.entity?.name ?? "?"} target ${target.alias}`
        : target.role === "child"
          ? `lines ${target.alias}`
          : `map ${target.entity?.name ?? "?"} -> ${model} as ${target.alias}`;
    writers.push({
      target: target.alias,
      declaration: `${role}${target.usesFallback ? " (its fallback: the target lacks the declared model)" : ""}`,
      file: assignment.file,
      line: assignment.node.range.start.line,
      source: text.slice(assignment.node.range.start.offset, assignment.node.range.end.offset).replace(/\s*\n\s*/g, " "),
      conditions: [...whens, ...enclosingConditions(target, assignment)],
      lineage,
      columns: [...builder.columns].sort(),
    });
  }
  const odooField = analysis.schema === undefined ? undefined : findField(analysis.schema, model, field);
  const otherwise =
    odooField === undefined
      ? ""
      : odooField.hasDefault
        ? `a record no writer sets gets Odoo's default${odooField.default === undefined ? "" : ` (${JSON.stringify(odooField.default)})`}`
        : odooField.required
          ? "Odoo requires it: a record no writer sets is refused"
          : "a record no writer sets leaves it empty";
  return { model, field, description: describeField(analysis, model, field), known: odooField !== undefined, writers, otherwise };
}

function renderNode(node: LineageNode, depth: number, lines: string[]): void {
  lines.push(`${"  ".repeat(depth)}${depth === 0 ? "" : "← "}${node.text}`);
  for (const child of node.from) renderNode(child, depth + 1, lines);
}

/** The explanation as the terminal shows it; `relativePath` shortens file names. */
export function renderExplanation(explanation: FieldExplanation, relativePath: (path: string) => string): string {
  const lines = [`${explanation.model}.${explanation.field}: ${explanation.description}`, ""];
  if (explanation.writers.length === 0) lines.push(explanation.otherwise === "" ? "No map writes it." : `No map writes it; ${explanation.otherwise}.`);
  for (const writer of explanation.writers) {
    lines.push(`${writer.declaration}, ${relativePath(writer.file)}:${writer.line}`, `  ${writer.source}`);
    for (const condition of writer.conditions) lines.push(`  only ${condition}`);
    const tree: string[] = [];
    renderNode(writer.lineage, 0, tree);
    lines.push(...tree.map((line) => `    ${line}`));
    if (writer.columns.length > 0) lines.push(`  reads ${writer.columns.join(", ")}`);
    lines.push("");
  }
  if (explanation.writers.length > 0 && explanation.otherwise !== "") lines.push(`Rows no writer reaches: ${explanation.otherwise}.`);
  return `${lines.join("\n").trimEnd()}\n`;
}
