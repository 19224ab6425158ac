/**
 * A real journal cut short with its head gone too (a restored backup, a copy of the journal alone):
 * the file alone cannot tell it was cut, so the check against Odoo's external IDs must. Cut after
 * every line of a full run (every other cut with half of the next line left torn, as a crash leaves
 * it), each on a fresh double: rollback either puts the double back exactly, or refuses with exit
 * code 1 and the way out — and that way out (journal rebuild, then rollback) puts it back too.
 * (Cuts at every byte with the head in place: journal-damage.test.ts.)
 */
import { readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Plan } from "../../compiler/plan/schema.js";
import { headPathOf } from "../../runtime/journal/file.js";
import { comparableSnapshot, compileFixture, runLive, startSeededDouble, temporaryDirectory } from "../runtime/support.js";
import { cleanupsAfterEach, flitmapOn, rollBackEverything } from "./recovery.js";

let plan: Plan;
const cleanups = cleanupsAfterEach();
beforeAll(() => {
  plan = compileFixture();
});

describe("a journal cut after each of its lines, its head gone", () => {
  it("rolls back exactly, or refuses and is rebuilt: the double ends as it was before the run every time", async () => {
    const outcomes: string[] = [];
    for (let index = 0; ; index += 1) {
      const double = await startSeededDouble("17.0");
      const state = temporaryDirectory("flitmap-journal-cut-");
      cleanups.push(() => double.stop(), state.remove);
      const before = comparableSnapshot(double);
      await runLive(plan, double, state.path);
      const path = join(state.path, "journal.jsonl");
      const whole = readFileSync(path);
      // Where the journal's lines end (each run's own: the server's port is in it).
      const lineEnds = [0, ...[...whole.entries()].filter(([, byte]) => byte === 0x0a).map(([at]) => at + 1)];
      if (index >= lineEnds.length) break;
      const end = lineEnds[index] ?? 0;
      const nextEnd = lineEnds[index + 1] ?? end;
      // Every other cut leaves half of the next line, torn.
      const torn = index % 2 === 1 && nextEnd > end ? Math.floor((nextEnd - end) / 2) : 0;
      if (end + torn < whole.length) truncateSync(path, end + torn);
      rmSync(headPathOf(path));
      if (end === 0 && torn === 0) writeFileSync(path, "");
      const flitmap = flitmapOn(double, state.path);
      const differing = (): string[] => {
        const after = comparableSnapshot(double);
        return Object.keys({ ...before.models, ...after.models }).filter(
          (model) => JSON.stringify(before.models[model]) !== JSON.stringify(after.models[model]),
        );
      };
      const rollback = await flitmap("rollback");
      const where = `cut at byte ${end + torn} (line ${index + 1})`;
      if (rollback.code === 0) {
        // One run: its rollback alone must put everything back, never "rolled back" with records left.
        outcomes.push("rolled back");
        expect(differing(), `${where}: ${rollback.stdout}`).toEqual([]);
      } else {
        outcomes.push("refused");
        expect(rollback.stderr, where).toMatch(/flitmap journal rebuild|Roll back anyway with --force/);
        await rollBackEverything(flitmap);
        expect(differing(), `${where}, after the way out`).toEqual([]);
      }
      for (const cleanup of cleanups.splice(0)) await cleanup();
    }
    expect(outcomes.length).toBeGreaterThan(30);
    // Both ways out happen: cuts that lost only the end of the run roll back from what is left.
    expect(outcomes).toContain("rolled back");
    expect(outcomes).toContain("refused");
  }, 600_000);
});
