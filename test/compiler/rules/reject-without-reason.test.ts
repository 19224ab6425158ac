import { describe, expect, it } from "vitest";
import { diagnosticsOf } from "../helpers.js";

describe("FM505 reject_without_reason", () => {
  it("accepts an expect reject with the reason, and expect skip", () => {
    expect(diagnosticsOf("FM505", 'test "t" {\n  given Company { id "1"  name "" }\n  expect reject Company "is required"\n  expect skip Deal\n}')).toEqual([]);
  });

  it("reports an expect reject without the reason", () => {
    expect(diagnosticsOf("FM505", 'test "t" {\n  given Company { id "1"  name "" }\n  expect reject Company\n}')).toEqual([
      'main.flitmap:3:3-3:24 warning FM505 expect reject Company passes whatever rejects the row: add the part of the reason the test is about, e.g. `expect reject Company "is required"`',
    ]);
  });
});
