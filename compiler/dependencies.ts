/**
 * Load order: a target that points to another target's records (`| ref company`, `ref org`, a
 * child's parent) loads after it. A target pointing to itself (a company's parent company) writes
 * that field in a second pass, once every record exists; so does any field that closes a cycle
 * between targets, when the field is optional. A cycle through required fields cannot be loaded.
 */
import type { CheckedAssignment, CheckedPackage } from "./check-expressions.js";
import type { TargetSymbol } from "./model.js";
import type { PlanExpression } from "./plan/schema.js";

export interface DependencyEdge {
  readonly from: TargetSymbol;
  readonly to: TargetSymbol;
  readonly kind: "ref" | "sibling" | "parent";
  /** The assignment that needs `to` first; absent for a child's link to its parent. */
  readonly assignment?: CheckedAssignment;
  /** Whether Odoo refuses the record without the field (then it cannot wait for a second pass). */
  readonly required: boolean;
}

export interface DependencyCycle {
  readonly targets: readonly TargetSymbol[];
  readonly edges: readonly DependencyEdge[];
}

export interface DependencyGraph {
  readonly order: readonly TargetSymbol[];
  readonly edges: readonly DependencyEdge[];
  /** Assignments written in a second pass. */
  readonly deferred: ReadonlySet<CheckedAssignment>;
  /** Cycles that no second pass can break: each needs a required field of a record not loaded yet. */
  readonly cycles: readonly DependencyCycle[];
}

/** The aliases an expression points to with `| ref` and sibling `ref`. */
export function referencedSteps(
  expression: PlanExpression,
  found: { step: string; kind: "ref" | "sibling" }[] = [],
): { step: string; kind: "ref" | "sibling" }[] {
  switch (expression.op) {
    case "ref":
      found.push({ step: expression.step, kind: "ref" });
      referencedSteps(expression.input, found);
      break;
    case "sibling":
      found.push({ step: expression.step, kind: "sibling" });
      break;
    case "template":
      for (const part of expression.parts) if (typeof part !== "string") referencedSteps(part, found);
      break;
    case "list":
      for (const item of expression.items) referencedSteps(item, found);
      break;
    case "call":
      referencedSteps(expression.input, found);
      for (const arg of expression.args) referencedSteps(arg, found);
      break;
    case "table":
    case "lookup":
    case "get":
      referencedSteps(expression.input, found);
      break;
    case "coalesce":
    case "and":
    case "or":
      for (const operand of expression.operands) referencedSteps(operand, found);
      break;
    case "if":
      referencedSteps(expression.condition, found);
      referencedSteps(expression.then, found);
      referencedSteps(expression.else, found);
      break;
    case "not":
      referencedSteps(expression.operand, found);
      break;
    case "compare":
      referencedSteps(expression.left, found);
      referencedSteps(expression.right, found);
      break;
    case "is":
      referencedSteps(expression.operand, found);
      break;
    case "in":
      referencedSteps(expression.operand, found);
      for (const item of expression.items) referencedSteps(item, found);
      break;
    default:
      break;
  }
  return found;
}

/** Strongly connected components (Tarjan), in discovery order. */
function components(nodes: readonly TargetSymbol[], edges: readonly DependencyEdge[]): TargetSymbol[][] {
  const index = new Map<TargetSymbol, number>();
  const lowLink = new Map<TargetSymbol, number>();
  const onStack = new Set<TargetSymbol>();
  const stack: TargetSymbol[] = [];
  const result: TargetSymbol[][] = [];
  let counter = 0;
  const outgoing = (node: TargetSymbol): TargetSymbol[] => edges.filter((edge) => edge.from === node).map((edge) => edge.to);
  const visit = (node: TargetSymbol): void => {
    index.set(node, counter);
    lowLink.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of outgoing(node)) {
      if (!index.has(next)) {
        visit(next);
        lowLink.set(node, Math.min(lowLink.get(node) ?? 0, lowLink.get(next) ?? 0));
      } else if (onStack.has(next)) {
        lowLink.set(node, Math.min(lowLink.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (lowLink.get(node) === index.get(node)) {
      const component: TargetSymbol[] = [];
      for (;;) {
        const member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
        if (member === node) break;
      }
      result.push(component);
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return result;
}

export function buildDependencyGraph(targets: readonly TargetSymbol[], checked: CheckedPackage): DependencyGraph {
  const byAlias = new Map(targets.map((target) => [target.alias, target]));
  const edges: DependencyEdge[] = [];
  for (const assignment of checked.assignments) {
    if (assignment.value === undefined) continue;
    const required = assignment.field?.required === true;
    for (const { step, kind } of referencedSteps(assignment.value.ir)) {
      const to = byAlias.get(step);
      if (to !== undefined) edges.push({ from: assignment.target, to, kind, assignment, required });
    }
  }
  for (const target of targets) {
    if (target.parent !== undefined) edges.push({ from: target, to: target.parent.target, kind: "parent", required: true });
  }
  const deferred = new Set<CheckedAssignment>();
  const cycles: DependencyCycle[] = [];
  // A record pointing to a record of its own kind waits for the second pass.
  let remaining = edges.filter((edge) => {
    if (edge.from !== edge.to) return true;
    if (edge.assignment !== undefined && !edge.required) deferred.add(edge.assignment);
    else cycles.push({ targets: [edge.from], edges: [edge] });
    return false;
  });
  for (const component of components(targets, remaining)) {
    if (component.length < 2) continue;
    const members = new Set(component);
    const internal = remaining.filter((edge) => members.has(edge.from) && members.has(edge.to));
    for (const edge of internal) if (!edge.required && edge.assignment !== undefined) deferred.add(edge.assignment);
    remaining = remaining.filter((edge) => !(members.has(edge.from) && members.has(edge.to) && edge.assignment !== undefined && deferred.has(edge.assignment)));
  }
  for (const component of components(targets, remaining)) {
    if (component.length < 2) continue;
    const members = new Set(component);
    cycles.push({ targets: component, edges: remaining.filter((edge) => members.has(edge.from) && members.has(edge.to)) });
    remaining = remaining.filter((edge) => !(members.has(edge.from) && members.has(edge.to)));
  }
  // Kahn's algorithm, taking targets in declaration order whenever several are ready.
  const order: TargetSymbol[] = [];
  const placed = new Set<TargetSymbol>();
  while (order.length < targets.length) {
    const ready = targets.find((target) => !placed.has(target) && remaining.every((edge) => edge.from !== target || placed.has(edge.to) || edge.to === target));
    if (ready === undefined) break;
    order.push(ready);
    placed.add(ready);
  }
  for (const target of targets) if (!placed.has(target)) order.push(target);
  return { order, edges, deferred, cycles };
}
