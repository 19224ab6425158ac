import { describe, expect, it } from "vitest";
import { diagnosticsOf } from "../helpers.js";

describe("FM204 duplicate_declaration", () => {
  it("accepts distinct names", () => {
    expect(diagnosticsOf("FM204", 'table t: text -> text { "a" -> "b" }\ntable u: text -> text { "c" -> "d" }')).toEqual([]);
  });

  it("reports a table and an alias declared twice", () => {
    expect(
      diagnosticsOf(
        "FM204",
        'table t: text -> text { "a" -> "b" }\ntable t: text -> text { "c" -> "d" }\nmap Company -> res.partner as x { name <- name }\nmap Contact -> res.partner as x { name <- first_name }',
      ),
    ).toEqual([
      "main.flitmap:2:7-2:8 error FM204 table t is declared twice (first at main.flitmap:1:7); rename one",
      "main.flitmap:4:31-4:32 error FM204 alias x is declared twice (first at main.flitmap:3:31); rename one",
    ]);
  });
});
