/**
 * The reproductions of issue 18 (test/fixtures/repros/) through the commands that crashed on them
 * with "internal error": each now stops at a check diagnostic with its file, line, column and code.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCliInProcess } from "../cli/helpers.js";

const REPROS = join(import.meta.dirname, "../fixtures/repros");
const SAMPLE = join(import.meta.dirname, "../../mappings/perfectbooks-to-odoo/sample");

const cases = [
  {
    name: "expect-bare-name",
    reported: /tests\.flitmap\n\s+23:10\s+error\s+`foo` names no record, and res\.partner\.city is a char field: write text in quotes, `"foo"`\s+FM203/,
  },
  { name: "comment-only", reported: /a\.flitmap\n\s+1:1\s+error\s+this package has no migration block, so it cannot be compiled or run.*FM205/ },
  { name: "pipe-4000", reported: /deals\.flitmap\n\s+19:23\s+error\s+this pipeline of 4000 steps nests more than 256 levels deep.*FM305/ },
];

describe("issue 18's reproductions stop at a diagnostic, never an internal error", () => {
  for (const { name, reported } of cases) {
    const folder = join(REPROS, name);
    it(`${name}: check reports it`, async () => {
      const result = await runCliInProcess(["check", folder]);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(reported);
    });

    for (const args of [
      ["compile", folder],
      ["test", folder],
      ["run", folder, "--dry-run", "--source", SAMPLE],
    ]) {
      it(`${name}: ${args[0]} refuses with the same diagnostic`, async () => {
        const result = await runCliInProcess(args);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(reported);
        expect(result.stderr).not.toContain("internal error");
      });
    }
  }
});
