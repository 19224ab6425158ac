/**
 * The architecture's rules as tests (docs/architecture.md): lower layers never import higher
 * ones; files in language/, compiler/ and runtime/ stay under 600 lines and functions under 100.
 * `npx tsx test/architecture/layers.ts` and `npx tsx test/architecture/sizes.ts` list the offenders.
 */
import { describe, expect, it } from "vitest";
import { layerViolations } from "./layers.js";
import { describe as describeOversize, longFunctions, longFunctionsSplit, MAX_FILE_LINES, MAX_FUNCTION_LINES, oversizedFiles } from "./sizes.js";

describe("the layers", () => {
  it("import only their own layer and the ones below (language < compiler < runtime < propose < cli, vscode-extension)", () => {
    expect(layerViolations().map((violation) => `${violation.file}:${violation.line} ${violation.message} (${violation.imported})`)).toEqual([]);
  });
});

describe("the sizes", () => {
  it(`keep every file in language/, compiler/ and runtime/ under ${MAX_FILE_LINES} lines (the grammar aside)`, () => {
    expect(oversizedFiles().map(describeOversize)).toEqual([]);
  });

  it(`keep every function under ${MAX_FUNCTION_LINES} lines (those still to split no longer than they are)`, () => {
    expect(longFunctions().map(describeOversize)).toEqual([]);
  });

  it("list as still to split only functions that are still over", () => {
    expect(longFunctionsSplit()).toEqual([]);
  });
});
