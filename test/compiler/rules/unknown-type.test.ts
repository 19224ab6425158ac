import { describe, expect, it } from "vitest";
import { diagnosticsOf } from "../helpers.js";

describe("FM209 unknown_type", () => {
  it("accepts known column and table types", () => {
    expect(diagnosticsOf("FM209", 'source more { entity T "t.csv" key id { id text  amount money } }\ntable t: text -> text { "a" -> "b" }')).toEqual([]);
  });

  it("reports a type from another tool and a misspelt one", () => {
    expect(diagnosticsOf("FM209", 'source more { entity T "t.csv" key id { id text  amount currency } }\ntable t: textt -> text { "a" -> "b" }')).toEqual([
      "main.flitmap:1:57-1:65 error FM209 currency is not a column type; did you mean `money`?",
      "main.flitmap:2:10-2:15 error FM209 textt is not a column type; did you mean `text`?",
    ]);
  });
});
