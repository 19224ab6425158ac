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

  it("reports one entity mapped twice without `as`: the records' external IDs would collide", () => {
    expect(diagnosticsOf("FM204", "map Company -> res.partner { name <- name }\nmap Company -> res.partner.category { name <- name }")).toEqual([
      "main.flitmap:2:5-2:12 error FM204 Company is mapped twice without `as`: both maps would make records company_<key>, so one would overwrite the other; name this one with `as`",
    ]);
    expect(diagnosticsOf("FM204", "map Company -> res.partner { name <- name }\nmap Company -> res.partner.category as company_tag { name <- name }")).toEqual(
      [],
    );
  });
});
