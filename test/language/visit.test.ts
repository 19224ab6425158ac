import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type * as A from "../../language/ast.js";
import { parse } from "../../language/parse.js";
import { CHILD_KEYS, forEachNode, isNode } from "../../language/visit.js";
import { document as documentArbitrary } from "./arbitraries.js";

const GOLDEN = join(import.meta.dirname, "golden");
const goldenDocuments = readdirSync(GOLDEN)
  .filter((name) => name.endsWith(".flitmap"))
  .map((name) => parse(readFileSync(join(GOLDEN, name), "utf8"), name).document);

/** Every node, parents first, found by looking at every property: what the table must agree with. */
function reflectiveWalk(value: unknown, into: { node: A.Node; key: string | undefined }[], key?: string): void {
  if (Array.isArray(value)) {
    for (const item of value) reflectiveWalk(item, into, key);
    return;
  }
  if (!isNode(value)) return;
  into.push({ node: value, key });
  for (const [childKey, child] of Object.entries(value)) if (childKey !== "range") reflectiveWalk(child, into, childKey);
}

function tableWalk(root: A.Node): { node: A.Node; key: string | undefined }[] {
  const visited: { node: A.Node; key: string | undefined }[] = [];
  forEachNode(root, (node, _parent, key) => void visited.push({ node, key }));
  return visited;
}

describe("the visitor's table of child keys", () => {
  it("lists every key of every node that holds a node, for the shipped mappings and generated trees", () => {
    const documents = [...goldenDocuments, ...fc.sample(documentArbitrary, { numRuns: 200, seed: 42 })];
    const missing = new Set<string>();
    for (const document of documents) {
      const all: { node: A.Node; key: string | undefined }[] = [];
      reflectiveWalk(document, all);
      for (const { node } of all) {
        const listed: readonly PropertyKey[] = CHILD_KEYS[node.kind];
        for (const [key, value] of Object.entries(node)) {
          const holdsNodes = isNode(value) || (Array.isArray(value) && value.some(isNode));
          if (key !== "range" && holdsNodes && !listed.includes(key)) missing.add(`${node.kind}.${key}`);
        }
      }
    }
    expect([...missing]).toEqual([]);
  });

  it("visits every node once, parents before children, children in source order, with the key each sits under", () => {
    for (const document of goldenDocuments) {
      const expected: { node: A.Node; key: string | undefined }[] = [];
      reflectiveWalk(document, expected);
      expect(tableWalk(document)).toEqual(expected);
    }
  });

  it("gives each node its parent, and leaves out the children of a node its visit skips", () => {
    const text = "map Deal -> crm.lead {\n  name <- title | trim\n  type = \"lead\"\n}\n";
    const document = parse(text, "deal.flitmap").document;
    const seen: string[] = [];
    forEachNode(document.declarations, (node, parent, key) => {
      seen.push(`${parent?.kind ?? "-"}.${key ?? "-"} ${node.kind}`);
      return node.kind === "PipeExpression" ? "skip" : undefined;
    });
    expect(seen).toEqual([
      "-.- MapDeclaration",
      "MapDeclaration.entity Name",
      "MapDeclaration.model QualifiedName",
      "QualifiedName.parts Name",
      "QualifiedName.parts Name",
      "MapDeclaration.body Assignment",
      "Assignment.field Name",
      "Assignment.value PipeExpression",
      "MapDeclaration.body Assignment",
      "Assignment.field Name",
      "Assignment.value StringLiteral",
    ]);
  });

  it("walks a tree far deeper than the call stack allows", () => {
    const at = { offset: 0, line: 1, column: 1 };
    const range = { start: at, end: at };
    let expression: A.Expression = { kind: "ColumnPath", parts: [{ kind: "Name", value: "won", range }], range };
    for (let depth = 0; depth < 200_000; depth++) expression = { kind: "NotExpression", operand: expression, range };
    let count = 0;
    forEachNode(expression, () => void count++);
    expect(count).toBe(200_002);
  });
});
