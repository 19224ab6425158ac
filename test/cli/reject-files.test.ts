/**
 * `flitmap run` writes each rejected row to its entity's reject file as the run rejects it, with
 * the row's cells as read; the files hold exactly the run's rejects, which the run summary counts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { analyzeDirectory } from "../../compiler/analyze.js";
import { emitPlan } from "../../compiler/plan/emit.js";
import { runPlan } from "../../runtime/execute/run.js";
import { FilesTarget } from "../../runtime/targets/files-target.js";
import { runCliInProcess, temporaryDirectory } from "./helpers.js";

const PACKAGE = resolve(import.meta.dirname, "../../mappings/perfectbooks-to-odoo");
const SAMPLE = join(PACKAGE, "sample");

describe("reject files of a run", () => {
  it("hold every rejected row with its file, line, key, reason and cells, as the run's result has them", async () => {
    const out = temporaryDirectory("flitmap-reject-files-");
    const expected = temporaryDirectory("flitmap-reject-files-expected-");
    try {
      const { code, stdout } = await runCliInProcess(["run", PACKAGE, "--source", SAMPLE, "--out", out.path]);
      expect(code, stdout).toBe(0);
      const plan = emitPlan(analyzeDirectory(PACKAGE));
      const result = await runPlan({ plan, sourceDirectory: SAMPLE, target: new FilesTarget(expected.path, plan.migration.namespace) });
      expect(result.rejects.length).toBeGreaterThan(0);
      const summary = JSON.parse(readFileSync(join(out.path, "run-summary.json"), "utf8")) as { rejects: number };
      expect(summary.rejects).toBe(result.rejects.length);

      const written: string[] = [];
      for (const name of readdirSync(join(out.path, "rejects")).sort()) {
        const entity = name.replace(/\.csv$/, "");
        const table: string[][] = parse(readFileSync(join(out.path, "rejects", name), "utf8"));
        const [header, ...rows] = table;
        const columns = (header ?? []).slice(5);
        expect(header?.slice(0, 5)).toEqual(["file", "line", "key", "step", "reason"]);
        // Every column of the entity heads its file, in the package's order.
        expect(columns).toEqual(plan.entities.find((candidate) => candidate.name === entity)?.columns.map((column) => column.name));
        for (const row of rows) {
          const cells = Object.fromEntries(columns.map((column, index) => [column, row[index + 5] ?? ""]).filter(([, cell]) => cell !== ""));
          written.push(JSON.stringify([entity, row[0], row[1], row[2], row[3], row[4], cells]));
        }
      }
      const fromResult = result.rejects.map((reject) => {
        const cells = Object.fromEntries(Object.entries(reject.cells ?? {}).filter(([, cell]) => cell !== ""));
        return JSON.stringify([
          reject.entity,
          reject.file ?? "",
          reject.line === undefined ? "" : String(reject.line),
          reject.key ?? "",
          reject.step ?? "",
          reject.reason,
          cells,
        ]);
      });
      expect(written.sort()).toEqual(fromResult.sort());
    } finally {
      out.remove();
      expected.remove();
    }
  });
});
