/**
 * docs/index.md is the index by name (README's Repository table points to it): every check,
 * built-in, command, connector, target and editor feature with the file that holds it. These
 * tests read the code for what exists and where, and the index for what it says, and fail on any
 * difference: a rule, built-in or command added without its row, or a row naming the wrong file.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUILTINS } from "../../compiler/builtins.js";
import { RULES } from "../../compiler/rules/index.js";
import type { Rule } from "../../compiler/rules/rule.js";
import { IMPLEMENTED_BUILTIN_NAMES } from "../../runtime/transform/builtins.js";

const ROOT = join(import.meta.dirname, "..", "..");
const INDEX = readFileSync(join(ROOT, "docs/index.md"), "utf8");

/** The rows of the tables under a `## heading` of the index that link to a file (not their headers), each as its cells. */
function rowsOf(heading: string): string[][] {
  const start = INDEX.indexOf(`\n## ${heading}\n`);
  expect(start, `docs/index.md has a section "${heading}"`).toBeGreaterThan(0);
  const end = INDEX.indexOf("\n## ", start + 1);
  return INDEX.slice(start, end < 0 ? undefined : end)
    .split("\n")
    .filter((line) => line.startsWith("| ") && line.includes("]("))
    .map((line) =>
      line
        .slice(2, -2)
        .split(" | ")
        .map((cell) => cell.trim()),
    );
}

/** The repository paths a cell links to: [`path`](../path). */
function linkedPaths(cell: string): string[] {
  return [...cell.matchAll(/\[`([^`]+)`\]\(\.\.\/([^)]+)\)/g)].map((match) => {
    expect(match[2], `the link to ${match[1]} goes where it says`).toBe(match[1]);
    return match[1] ?? "";
  });
}

/** Names written in backticks in a cell. */
function codeNames(cell: string): string[] {
  return [...cell.replace(/\[`[^`]+`\]\([^)]+\)/g, "").matchAll(/`([^`]+)`/g)].map((match) => match[1] ?? "");
}

const filesIn = (folder: string): string[] =>
  readdirSync(join(ROOT, folder))
    .filter((file) => file.endsWith(".ts"))
    .map((file) => `${folder}/${file}`)
    .sort();

describe("docs/index.md, the index by name", () => {
  it("lists every check with its code, name, file and test, as the rules' modules export them", async () => {
    const fileOf = new Map<Rule, string>();
    const others: string[] = [];
    for (const file of filesIn("compiler/rules")) {
      const exported: unknown[] = Object.values(await import(join(ROOT, file)));
      const rules = RULES.filter((rule) => exported.includes(rule));
      for (const rule of rules) fileOf.set(rule, file);
      if (rules.length === 0) others.push(file);
    }
    const expected = RULES.map((rule) => {
      const file = fileOf.get(rule) ?? "(no file exports it)";
      return [rule.code, rule.name, file, `test/${file.replace(/\.ts$/, ".test.ts")}`].join(" ");
    }).sort();
    const rows = rowsOf("Checks").map(([code, name, file, test]) =>
      [code, ...codeNames(name ?? ""), ...linkedPaths(file ?? ""), ...linkedPaths(test ?? "")].join(" "),
    );
    expect(rows.sort()).toEqual(expected);
    for (const row of rows) expect(existsSync(join(ROOT, row.split(" ")[3] ?? "")), `${row}: its test exists`).toBe(true);
    // The files of compiler/rules/ that hold no rule are named in the section's text, so a rule file left out of RULES shows here.
    const section = INDEX.slice(INDEX.indexOf("\n## Checks\n"), INDEX.indexOf("\n## Built-ins\n"));
    expect(others.filter((file) => !section.includes(`[\`${file}\`]`))).toEqual([]);
  });

  it("lists every built-in with the file of the runtime that implements it", async () => {
    const implementedIn = new Map<string, string>();
    for (const file of filesIn("runtime/transform").filter((path) => /\/builtin-\w+\.ts$/.test(path))) {
      for (const value of Object.values(await import(join(ROOT, file)))) {
        if (!Array.isArray(value)) continue;
        for (const item of value as unknown[]) {
          if (typeof item === "object" && item !== null && "name" in item && "implementation" in item && typeof item.name === "string")
            implementedIn.set(item.name, file);
        }
      }
    }
    const compiled = readFileSync(join(ROOT, "runtime/transform/compile.ts"), "utf8");
    const expected = BUILTINS.map((builtin) => {
      const file =
        implementedIn.get(builtin.name) ??
        (IMPLEMENTED_BUILTIN_NAMES.includes(builtin.name)
          ? "runtime/transform/builtins.ts"
          : compiled.includes(`case "${builtin.name}":`)
            ? "runtime/transform/compile.ts"
            : "(not implemented)");
      return `${builtin.name} ${file}`;
    }).sort();
    const rows = rowsOf("Built-ins").map(([name, file]) => [...codeNames(name ?? ""), ...linkedPaths(file ?? "")].join(" "));
    expect(rows.sort()).toEqual(expected);
  });

  it("lists every command's file, and each file declares the command its row names", () => {
    const rows = rowsOf("Commands").map(([names, file]) => ({ names: codeNames(names ?? ""), file: linkedPaths(file ?? "")[0] ?? "" }));
    expect(rows.map((row) => row.file).sort()).toEqual(filesIn("cli/commands"));
    for (const { names, file } of rows) {
      const text = readFileSync(join(ROOT, file), "utf8");
      for (const name of names) {
        const words = name.replace(/^flitmap /, "").split(" ");
        for (const word of words) expect(text, `${file} declares \`${name}\``).toMatch(new RegExp(`\\.command\\((?:"${word}"|name\\))`));
      }
    }
  });

  it("lists every Odoo client and every target", () => {
    const listed = rowsOf("Connectors and targets").flatMap(([, file]) => linkedPaths(file ?? ""));
    for (const file of listed) expect(existsSync(join(ROOT, file)), file).toBe(true);
    const clients = filesIn("runtime/odoo").filter((file) => file.endsWith("-client.ts"));
    const targets = filesIn("runtime/targets").filter((file) => file.endsWith("-target.ts"));
    expect([...clients, ...targets].filter((file) => !listed.includes(file))).toEqual([]);
  });

  it("lists every file of the editor's features, with the functions it exports", () => {
    const rows = rowsOf("Editor features").map((cells) => ({
      functions: codeNames(cells[cells.length - 2] ?? ""),
      file: linkedPaths(cells[cells.length - 1] ?? "")[0] ?? "",
    }));
    expect([...new Set(rows.map((row) => row.file))].sort()).toEqual(filesIn("vscode-extension/server/features"));
    for (const { functions, file } of rows) {
      const text = readFileSync(join(ROOT, file), "utf8");
      for (const name of functions) expect(text, `${file} exports ${name}`).toMatch(new RegExp(`export (?:async )?function ${name}\\b`));
    }
  });
});
