import { describe, expect, it } from "vitest";
import { applyFixes, diagnosticsOf } from "../helpers.js";

describe("FM203 unknown_name", () => {
  it("accepts steps, aliases and records that exist", () => {
    expect(
      diagnosticsOf(
        "FM203",
        'map Company -> res.partner as company { name <- name | trim  parent_id <- parent_id | ref company }\ntable t: text -> crm.stage { "a" -> won }\nrecords crm.stage { won { name "Won" } }',
      ),
    ).toEqual([]);
  });

  it("reports a misspelt built-in, alias and record", () => {
    expect(
      diagnosticsOf(
        "FM203",
        'map Company -> res.partner as company { name <- name | trimm  parent_id <- parent_id | ref compny }\ntable t: text -> crm.stage { "a" -> wonn }\nrecords crm.stage { won { name "Won" } }',
      ),
    ).toEqual([
      "main.flitmap:1:56-1:61 error FM203 `trimm` is not a built-in, a table or a lookup; did you mean `trim`?",
      "main.flitmap:1:92-1:98 error FM203 no map or split target is called compny (an alias comes from `as name` or `name: model`); did you mean `company`?",
      "main.flitmap:2:37-2:41 error FM203 no crm.stage record is called wonn: declare it in a `records` block; did you mean `won`?",
    ]);
  });

  it("offers a fix: the fix names the built-in", () => {
    expect(applyFixes("FM203", "map Company -> res.partner { name <- name | trimm }")).toEqual([
      "Change to trim\nmap Company -> res.partner { name <- name | trim }",
    ]);
  });
});
