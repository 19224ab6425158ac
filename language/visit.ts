/**
 * A generic walk over a syntax tree: every node (an object with a `kind`) below a root, parents
 * before children. Rules that care about what is written, active or not, use it.
 */
import type { Node } from "./ast.js";

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && typeof (value as { kind?: unknown }).kind === "string";
}

export function forEachNode(root: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(root)) {
    for (const item of root) forEachNode(item, visit);
    return;
  }
  if (!isNode(root)) return;
  visit(root);
  for (const [key, value] of Object.entries(root)) {
    if (key === "range") continue;
    if (typeof value === "object" && value !== null) forEachNode(value, visit);
  }
}
