/**
 * Load order: a target that points to another target's records (`| ref company`, `ref org`, a
 * child's parent) loads after it. A target pointing to itself (a company's parent company) writes
 * that field in a second pass, once every record exists; so does any field that closes a cycle
 * between targets, when the field is optional. A cycle through required fields cannot be loaded.
 */
import type { CheckedAssignment, CheckedPackage } from "./checked-package.js";
import type { TargetSymbol } from "./model.js";
import { rowSubexpressions } from "./plan/expressions.js";
import type { PlanExpression } from "./plan/schema.js";

export interface DependencyEdge {
  readonly from: TargetSymbol;
  readonly to: TargetSymbol;
  readonly kind: "ref" | "sibling" | "parent";
  /** The assignment that needs `to` first; absent for a child's link to its parent and for a `when` reading `to`'s records. */
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

/**
 * The aliases an expression points to with `| ref` and sibling `ref`, in written order. The rows a
 * `with` block links are read as they are, so its filter is not looked into.
 */
export function referencedSteps(expression: PlanExpression): { step: string; kind: "ref" | "sibling" }[] {
  const found: { step: string; kind: "ref" | "sibling" }[] = [];
  for (const part of rowSubexpressions(expression)) {
    if (part.op === "ref" || part.op === "sibling") found.push({ step: part.step, kind: part.op });
  }
  return found;
}

/**
 * Strongly connected components (Tarjan), in discovery order. Iterative: a chain of a few thousand
 * maps, each pointing to the next, would be as deep a recursion.
 */
function components(nodes: readonly TargetSymbol[], edges: readonly DependencyEdge[]): TargetSymbol[][] {
  const outgoing = new Map<TargetSymbol, TargetSymbol[]>();
  for (const edge of edges) {
    const list = outgoing.get(edge.from);
    if (list === undefined) outgoing.set(edge.from, [edge.to]);
    else list.push(edge.to);
  }
  const index = new Map<TargetSymbol, number>();
  const lowLink = new Map<TargetSymbol, number>();
  const onStack = new Set<TargetSymbol>();
  const stack: TargetSymbol[] = [];
  const result: TargetSymbol[][] = [];
  let counter = 0;
  const enter = (node: TargetSymbol): { node: TargetSymbol; next: number } => {
    index.set(node, counter);
    lowLink.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    return { node, next: 0 };
  };
  for (const root of nodes) {
    if (index.has(root)) continue;
    const visiting = [enter(root)];
    while (visiting.length > 0) {
      const frame = visiting[visiting.length - 1] as { node: TargetSymbol; next: number };
      const node = frame.node;
      const successor = (outgoing.get(node) ?? [])[frame.next];
      if (successor !== undefined) {
        frame.next += 1;
        if (!index.has(successor)) visiting.push(enter(successor));
        else if (onStack.has(successor)) lowLink.set(node, Math.min(lowLink.get(node) ?? 0, index.get(successor) ?? 0));
        continue;
      }
      visiting.pop();
      const parent = visiting[visiting.length - 1];
      if (parent !== undefined) lowLink.set(parent.node, Math.min(lowLink.get(parent.node) ?? 0, lowLink.get(node) ?? 0));
      if (lowLink.get(node) !== index.get(node)) continue;
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
  }
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
  // A `when` reading another target's records (`when vat | ref register by vat optional is empty`)
  // decides on the records loaded so far: it waits for them, and no second pass can decide it again.
  for (const condition of checked.conditions) {
    for (const { step, kind } of referencedSteps(condition.expression.ir)) {
      const to = byAlias.get(step);
      if (to !== undefined && to !== condition.target) edges.push({ from: condition.target, to, kind, required: true });
    }
  }
  // A merge writes onto records another target loads: it waits for them.
  for (const merge of checked.merges) {
    for (const { step, kind } of referencedSteps(merge.onto.ir)) {
      const to = byAlias.get(step);
      if (to !== undefined && to !== merge.target) edges.push({ from: merge.target, to, kind, required: true });
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
  // Inside a cycle between targets, the optional fields wait for the second pass...
  let cyclic = cycleOf(components(targets, remaining));
  const inCycle = (edge: DependencyEdge): boolean => cyclic.get(edge.from) !== undefined && cyclic.get(edge.from) === cyclic.get(edge.to);
  for (const edge of remaining) if (inCycle(edge) && !edge.required && edge.assignment !== undefined) deferred.add(edge.assignment);
  remaining = remaining.filter((edge) => !(inCycle(edge) && edge.assignment !== undefined && deferred.has(edge.assignment)));
  // ...and what is still a cycle runs through required fields only: it cannot be loaded.
  const blocked = components(targets, remaining).filter((component) => component.length > 1);
  cyclic = cycleOf(blocked);
  const cycleEdges = blocked.map((): DependencyEdge[] => []);
  for (const edge of remaining) if (inCycle(edge)) cycleEdges[cyclic.get(edge.from) ?? 0]?.push(edge);
  blocked.forEach((component, index) => cycles.push({ targets: component, edges: cycleEdges[index] ?? [] }));
  remaining = remaining.filter((edge) => !inCycle(edge));
  return { order: loadOrder(targets, remaining), edges, deferred, cycles };
}

/** Each target of a component of two or more, to the component's index. */
function cycleOf(found: readonly TargetSymbol[][]): Map<TargetSymbol, number> {
  const index = new Map<TargetSymbol, number>();
  found.filter((component) => component.length > 1).forEach((component, at) => component.forEach((target) => index.set(target, at)));
  return index;
}

/**
 * Kahn's algorithm, taking targets in declaration order whenever several are ready: a target is
 * ready once every target it points to is placed. Targets that never get ready (they point to
 * something outside `targets`) come last, in declaration order.
 */
function loadOrder(targets: readonly TargetSymbol[], edges: readonly DependencyEdge[]): TargetSymbol[] {
  const position = new Map(targets.map((target, index) => [target, index]));
  const waitingFor = targets.map(() => 0);
  const waiting = new Map<TargetSymbol, number[]>();
  for (const edge of edges) {
    const from = position.get(edge.from);
    if (from === undefined || edge.to === edge.from) continue;
    waitingFor[from] = (waitingFor[from] ?? 0) + 1;
    const list = waiting.get(edge.to);
    if (list === undefined) waiting.set(edge.to, [from]);
    else list.push(from);
  }
  const ready = new MinHeap();
  waitingFor.forEach((count, index) => {
    if (count === 0) ready.push(index);
  });
  const order: TargetSymbol[] = [];
  const placed = new Set<TargetSymbol>();
  for (let next = ready.pop(); next !== undefined; next = ready.pop()) {
    const target = targets[next] as TargetSymbol;
    order.push(target);
    placed.add(target);
    for (const from of waiting.get(target) ?? []) {
      waitingFor[from] = (waitingFor[from] ?? 0) - 1;
      if (waitingFor[from] === 0) ready.push(from);
    }
  }
  for (const target of targets) if (!placed.has(target)) order.push(target);
  return order;
}

/** The smallest of a set of numbers first. */
class MinHeap {
  private readonly items: number[] = [];

  push(item: number): void {
    const items = this.items;
    items.push(item);
    for (let at = items.length - 1; at > 0;) {
      const parent = (at - 1) >> 1;
      if ((items[parent] as number) <= item) break;
      items[at] = items[parent] as number;
      items[parent] = item;
      at = parent;
    }
  }

  pop(): number | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    items[0] = last;
    for (let at = 0; ;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let smallest = at;
      if (left < items.length && (items[left] as number) < (items[smallest] as number)) smallest = left;
      if (right < items.length && (items[right] as number) < (items[smallest] as number)) smallest = right;
      if (smallest === at) break;
      items[at] = items[smallest] as number;
      items[smallest] = last;
      at = smallest;
    }
    return top;
  }
}
