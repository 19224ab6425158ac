import { describe, expect, it } from "vitest";
import { parse } from "../../language/parse.js";
import { describeDiagnostic, withoutRanges } from "./helpers.js";

/** Mistakes people make while typing, each with the exact diagnostics it must produce. */
const MISTAKES: readonly (readonly [string, string, readonly string[]])[] = [
  ["missingBraceAfterKey", "source s {\n  entity Company \"c.csv\" key id\n    id text\n  }\n}\n", ["2:30-2:32 FM101 expected `{` after the key column `id`, found `id`"]],
  ["unclosedMapAtEof", "map Company -> res.partner {\n  name <- name\n", ["2:11-2:15 FM101 expected `}` to close the block after the column `name`, but the file ends here"]],
  ["missingArrow", "map C -> res.partner {\n  name company_name\n}\n", ["2:8-2:20 FM101 expected `<-` (a value from the source) or `=` (a constant) after the field name `name`, found `company_name`"]],
  ["unterminatedString", "map C -> res.partner {\n  comment = \"unfinished\n  name <- n\n}\n", ["2:13-2:24 FM002 this string is never closed: add `\"` at its end (a string cannot span lines)"]],
  ["reservedAsName", "source s {\n  entity when \"w.csv\" key id { id text }\n}\n", ["2:10-2:14 FM103 `when` is a reserved word and cannot be used as an entity name; choose another name"]],
  ["halfPipeline", "map C -> res.partner {\n  name <- name |\n}\n", ["2:16-2:17 FM102 expected a built-in, a table, a lookup or a step name (or `ref` and an alias) after `|`, found `}`"]],
  ["missingMapArrow", "map Company res.partner {\n  name <- name\n}\n", ["1:13-1:16 FM101 expected `->` after the entity name `Company`, found `res`"]],
  ["missingModel", "map Company -> {\n  name <- name\n}\n", ["1:16-1:17 FM101 expected a model name after `->`, found `{`"]],
  ["strayCharacter", "map C -> res.partner {\n  name <- name;\n}\n", ["2:15-2:16 FM001 unexpected character \";\": it has no meaning here (to use it as text, put it in quotes)"]],
  ["unterminatedComment", "map C -> res.partner {\n  name <- name\n}\n/* todo\n", ["4:1-4:3 FM003 this comment is never closed: add `*/` where it should end"]],
  ["unclosedCall", "map C -> res.partner {\n  name <- name | truncate(10\n}\n", ["2:27-2:29 FM101 expected `)` after `10`, found `}`"]],
  ["tableMissingArrow", "table t: text -> text {\n  \"a\" \"b\"\n}\n", ["2:7-2:10 FM101 expected `->` after the string `\"a\"`, found `\"b\"`"]],
  ["missingConstant", "map C -> res.partner {\n  is_company =\n}\n", ["2:14-2:15 FM102 expected a value: a column, a quoted string, a number, `true`, `false`, a template, a list, `ref`, `if` or `each` after `=`, found `}`"]],
  ["columnWithoutType", "source s {\n  entity E \"e.csv\" key id {\n    id\n  }\n}\n", ["3:5-3:7 FM101 expected a column type after the column name `id`, found `}`"]],
  ["entityAtTopLevel", "entity E \"e.csv\" key id {\n  id text\n}\n", ["1:1-3:2 FM104 unexpected `entity E \"e.csv\" key id { id text }`: an `entity` belongs inside a `source name { ... }` block"]],
  ["unclosedTemplate", "map C -> res.partner {\n  name <- `{first} {last}\n}\n", ["2:11-2:12 FM004 this template is never closed: add a closing backtick (`) where it should end"]],
  ["isWithoutTest", "map C -> res.partner when x is {\n  name <- n\n}\n", ["1:32-1:33 FM102 expected a comparison, `is present`, `is empty` or `in [...]` after `is`, found `{`"]],
  ["lookupWithoutBy", "lookup user in res.users email { missing reject }\n", ["1:26-1:31 FM101 expected `by` after the model name `res.users`, found `email`"]],
  ["extraClosingBrace", "map C -> res.partner {\n  name <- n\n}\n}\n", ["4:1-4:2 FM104 unexpected `}`: there is no open block here to close (one `}` too many?)"]],
  ["unclosedList", "map C -> res.partner when s in [\"a\", \"b\" {\n  name <- n\n}\n", ["1:42-1:43 FM101 expected `]` after the string `\"b\"`, found `{`"]],
  ["reservedAsSplitTarget", "split R {\n  not: mail.message { body <- a }\n}\n", ["2:3-2:6 FM103 `not` is a reserved word and cannot be used as an alias; choose another name"]],
  ["missingTargetModelInSplit", "split R {\n  org: when a is present { name <- a }\n}\n", ["2:8-2:12 FM101 expected a model name after `:`, found `when`"]],
];

describe("syntax errors while typing", () => {
  it.each(MISTAKES)("%s", (_name, text, expected) => {
    expect(parse(text, "case.flitmap").diagnostics.map(describeDiagnostic)).toEqual(expected);
  });

  it("covers at least fifteen kinds of mistakes, each with a stable code", () => {
    expect(MISTAKES.length).toBeGreaterThanOrEqual(15);
    const codes = new Set(MISTAKES.flatMap(([, , diagnostics]) => diagnostics.map((line) => line.split(" ")[1])));
    expect([...codes].sort()).toEqual(["FM001", "FM002", "FM003", "FM004", "FM101", "FM102", "FM103", "FM104"]);
  });

  it("reports every error of a file in one pass and keeps the statements around them", () => {
    const text = [
      "map Company -> res.partner as company {",
      "  name company_name",
      "  website <- domain | url",
      "  email <- email |",
      "}",
      "",
      "table t: text -> text {",
      '  "a" "b"',
      '  "c" -> "d"',
      "}",
      "",
      "map Deal -> crm.lead {",
      "  name <- title",
      "}",
    ].join("\n");
    const result = parse(text, "several.flitmap");
    expect(result.diagnostics.map(describeDiagnostic)).toEqual([
      "2:8-2:20 FM101 expected `<-` (a value from the source) or `=` (a constant) after the field name `name`, found `company_name`",
      "4:18-4:19 FM102 expected a built-in, a table, a lookup or a step name (or `ref` and an alias) after `|`, found `}`",
      '8:7-8:10 FM101 expected `->` after the string `"a"`, found `"b"`',
    ]);
    const [company, table, deal] = result.document.declarations;
    expect(company).toMatchObject({ kind: "MapDeclaration", body: [{ field: { value: "name" } }, { field: { value: "website" } }, { field: { value: "email" } }] });
    expect(table).toMatchObject({ kind: "TableDeclaration", entries: [{ keys: [{ value: "a" }] }, { keys: [{ value: "c" }] }] });
    expect(withoutRanges(deal)).toMatchObject({ kind: "MapDeclaration", entity: { value: "Deal" }, body: [{ field: { value: "name" } }] });
  });

  it("names the file in every diagnostic", () => {
    for (const diagnostic of parse("map {", "dir/broken.flitmap").diagnostics) expect(diagnostic.file).toBe("dir/broken.flitmap");
  });
});
