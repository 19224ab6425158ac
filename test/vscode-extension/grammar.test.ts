import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { temporaryDirectory } from "./helpers.js";

const REPOSITORY = resolve(import.meta.dirname, "../..");
const GRAMMAR = join(REPOSITORY, "vscode-extension/syntaxes/flitmap.tmLanguage.json");
const TOOL = join(REPOSITORY, "node_modules/vscode-tmgrammar-test/dist/unit.js");

function grammarTest(files: readonly string[]): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [TOOL, "-g", GRAMMAR, ...files], { encoding: "utf8", timeout: 60_000 });
  return { status: result.status, output: result.stdout + result.stderr };
}

describe("TextMate grammar (vscode-tmgrammar-test)", () => {
  it("gives every construct in the grammar test files its expected scopes", () => {
    const files = ["declarations.flitmap", "expressions.flitmap"].map((name) => join(import.meta.dirname, "grammar", name));
    const { status, output } = grammarTest(files);
    expect(output).toContain("declarations.flitmap run successfuly");
    expect(output).toContain("expressions.flitmap run successfuly");
    expect(status).toBe(0);
  });

  it("fails on a wrong expectation, so the passing run above means something", () => {
    const scratch = temporaryDirectory("flitmap-grammar-");
    try {
      const file = join(scratch.path, "wrong.flitmap");
      writeFileSync(file, `// SYNTAX TEST "source.flitmap" "a wrong expectation"\nmap Company -> res.partner {}\n//  ^^^^^^^ entity.name.type.model.flitmap\n`);
      const { status, output } = grammarTest([file]);
      expect(status).not.toBe(0);
      expect(output).toContain("missing required scopes: entity.name.type.model.flitmap");
      expect(output).toContain("entity.name.type.entity.flitmap");
    } finally {
      scratch.remove();
    }
  });
});
