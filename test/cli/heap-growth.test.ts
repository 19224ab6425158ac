/**
 * `flitmap run` lets the heap grow to twice what is live before a full collection (cli/heap-growth.ts),
 * unless whoever started Node chose the growth: their choice stands.
 */
import { describe, expect, it } from "vitest";
import { boundHeapGrowth } from "../../cli/heap-growth.js";

describe("the heap growth of a run", () => {
  it("is set when Node was started without a choice of its own", () => {
    expect(boundHeapGrowth([], "")).toBe(true);
    expect(boundHeapGrowth(["--max-old-space-size=4096"], "--enable-source-maps")).toBe(true);
  });

  it("is left as Node was started with it, on its command line or in NODE_OPTIONS, spelt either way", () => {
    expect(boundHeapGrowth(["--heap-growing-percent=30"], "")).toBe(false);
    expect(boundHeapGrowth([], "--max-old-space-size=512 --heap_growing_percent=20")).toBe(false);
  });
});
