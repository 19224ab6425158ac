/**
 * No input makes the compiler or an editor feature throw or hang. Packages are generated (random
 * syntax trees and text made of pieces of the syntax) or mutated from the shipped mappings (lines
 * deleted, duplicated and swapped, tokens inserted, names exchanged, quotes dropped, files dropped
 * or cut short), then go through what a user's commands and editor do with them: parse, analyze,
 * emit the plan when check finds no error, format, and completion, hover, navigation, rename,
 * semantic tokens, symbols, folding and code actions at several places (fuzz-inputs.ts).
 *
 * A fixed seed and a time budget keep it deterministic and under a minute in CI; for a longer hunt:
 * FLITMAP_FUZZ_SECONDS=600 FLITMAP_FUZZ_SEED=7 FLITMAP_FUZZ_VERBOSE=1 npx vitest run test/vscode-extension/fuzz.test.ts
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ParseCache } from "../../compiler/analyze.js";
import { counts, exerciseExplained, mutatedPackage, randomPackage, recipe, type FuzzPackage } from "./fuzz-inputs.js";

const SECONDS = Number(process.env["FLITMAP_FUZZ_SECONDS"] ?? 40);
const SEED = Number(process.env["FLITMAP_FUZZ_SEED"] ?? 18);

/** Runs `build(generated)` through everything for the time budget's `share`; a failure shows what was generated. */
function fuzz<Generated>(name: string, generated: fc.Arbitrary<Generated>, build: (value: Generated) => FuzzPackage, share: number): void {
  it(
    `${name} (seed ${SEED}, ${Math.round(SECONDS * share)} s)`,
    () => {
      const parseCache = new ParseCache();
      let runs = 0;
      counts.compiled = 0;
      fc.assert(
        fc.property(generated, (value) => {
          runs += 1;
          exerciseExplained(build(value), parseCache);
        }),
        { seed: SEED, numRuns: 1_000_000, interruptAfterTimeLimit: SECONDS * share * 1000, markInterruptAsFailure: false },
      );
      expect(runs).toBeGreaterThan(0);
      if (process.env["FLITMAP_FUZZ_VERBOSE"] !== undefined) process.stdout.write(`${name}: ${runs} inputs, ${counts.compiled} compiled\n`);
    },
    (SECONDS * share + 60) * 1000,
  );
}

describe("fuzzing: no input makes the compiler or the editor throw or hang", () => {
  fuzz("mutations of the shipped mappings", recipe, mutatedPackage, 0.75);
  fuzz("generated packages", randomPackage, (input) => input, 0.25);
});
