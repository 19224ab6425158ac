/**
 * Whole files of the shipped mappings (copies frozen here, so a mapping can change without moving
 * these): each parses to the syntax tree in its `.tree.txt` golden, ranges included, and prints
 * back to itself. `FLITMAP_UPDATE_GOLDEN=1 npx vitest run test/language/golden.test.ts` rewrites
 * the goldens after an intended change of the tree; review the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Range } from "../../language/location.js";
import { parse } from "../../language/parse.js";
import { print } from "../../language/printer.js";

const GOLDEN = join(import.meta.dirname, "golden");
const files = readdirSync(GOLDEN).filter((name) => name.endsWith(".flitmap"));

function isRange(value: unknown): value is Range {
  return typeof value === "object" && value !== null && "start" in value && "end" in value;
}

/** One line per node: its kind, range and scalar properties, children indented under it. */
function outline(value: unknown, depth: number, label: string, lines: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => outline(item, depth, `${label}[${index}]`, lines));
    return;
  }
  if (typeof value !== "object" || value === null) return;
  const entries = Object.entries(value);
  const range = (value as { range?: unknown }).range;
  const kind = (value as { kind?: unknown }).kind;
  const scalars = entries
    .filter(([key, entry]) => key !== "kind" && (entry === null || typeof entry !== "object"))
    .map(([key, entry]) => `${key}=${JSON.stringify(entry)}`);
  const where = isRange(range) ? ` ${range.start.line}:${range.start.column}-${range.end.line}:${range.end.column}` : "";
  lines.push(`${"  ".repeat(depth)}${label}: ${typeof kind === "string" ? kind : "{}"}${where}${scalars.length > 0 ? ` ${scalars.join(" ")}` : ""}`);
  for (const [key, entry] of entries) if (key !== "range" && typeof entry === "object" && entry !== null) outline(entry, depth + 1, key, lines);
}

describe("golden syntax trees of whole files", () => {
  it.each(files)("%s parses to its golden tree and prints back to itself", (name) => {
    const text = readFileSync(join(GOLDEN, name), "utf8");
    const result = parse(text, name);
    expect(result.diagnostics).toEqual([]);
    const lines: string[] = [];
    outline(result.document, 0, "document", lines);
    const tree = `${lines.join("\n")}\n`;
    const goldenPath = join(GOLDEN, name.replace(/\.flitmap$/, ".tree.txt"));
    if (process.env["FLITMAP_UPDATE_GOLDEN"] === "1") writeFileSync(goldenPath, tree);
    expect(existsSync(goldenPath), `${goldenPath} is missing: run with FLITMAP_UPDATE_GOLDEN=1`).toBe(true);
    expect(tree).toBe(readFileSync(goldenPath, "utf8"));
    expect(print(result.document, { text })).toBe(text);
  });
});
