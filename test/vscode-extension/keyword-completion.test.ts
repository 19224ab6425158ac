import { describe, expect, it } from "vitest";
import { parse } from "../../language/parse.js";
import { keywordCompletions } from "../../vscode-extension/server/features/keyword-completion.js";
import { marked } from "./helpers.js";

/** The keywords offered where `‸` stands. */
function keywordsAt(source: string): string[] {
  const { text, offset } = marked(source);
  return keywordCompletions(text, offset, parse(text, "c.flitmap").document).map((item) => item.label);
}

const DECLARATIONS = ["extend", "import", "lookup", "map", "migration", "records", "source", "split", "step", "table", "test"];

describe("keywordCompletions", () => {
  it("offers the declarations at the top of a file and after a complete declaration", () => {
    expect(keywordsAt("‸")).toEqual(DECLARATIONS);
    expect(keywordsAt("map E -> m { a <- b }\n‸")).toEqual([...DECLARATIONS, "fallback"].sort());
    expect(keywordsAt("table t: text -> m { \"a\" -> b }\nma‸")).toEqual(DECLARATIONS);
  });

  it("offers what may follow inside a migration, an entity and a map header", () => {
    expect(keywordsAt("migration m {\n  ‸\n}")).toEqual(["deleted", "rule", "setting", "source", "target", "xmlid"]);
    expect(keywordsAt("migration m { deleted ‸ }")).toEqual(["archive", "report"]);
    expect(keywordsAt("migration m { target ‸ }")).toEqual(["odoo"]);
    expect(keywordsAt('source s { entity E "e.csv" key id {\n  name text ‸\n} }')).toEqual(["csv", "duplicates", "empty", "group", "modified", "personal", "references", "required", "unique"]);
    expect(keywordsAt('source s { entity E "e.csv" key id {\n  vat text unique ‸\n} }')).toContain("match");
    expect(keywordsAt("map Company -> res.partner ‸")).toEqual(["as", "if", "merge", "when"]);
    expect(keywordsAt("lookup u in res.users by login { ‸ }")).toEqual(["ambiguous", "archived", "match", "missing"]);
    expect(keywordsAt("lookup u in res.users by login ‸")).toContain("returns");
  });

  it("offers statement keywords in a map body and operators after an expression", () => {
    expect(keywordsAt("map E -> m {\n  ‸\n}")).toEqual(["if", "ignore", "let", "ref", "with"]);
    expect(keywordsAt("map E -> m {\n  a <- b ‸\n}")).toEqual(["and", "if", "ignore", "in", "is", "let", "not", "or", "ref", "with"]);
    expect(keywordsAt("map E -> m {\n  a <- b is ‸\n}")).toEqual(["empty", "not", "present"]);
    expect(keywordsAt("map E -> m {\n  a <- b | ‸\n}")).toEqual(["ref"]);
    expect(keywordsAt("map E -> m {\n  a <- each L ‸\n}")).toEqual(["by"]);
  });

  it("completes the word being typed from what came before it", () => {
    expect(keywordsAt("map E -> m {\n  a <- b is pre‸\n}")).toEqual(["empty", "not", "present"]);
  });

  it("offers nothing inside strings, templates and comments", () => {
    expect(keywordsAt('map E -> m { a <- "ma‸" }')).toEqual([]);
    expect(keywordsAt("map E -> m { a <- `ma‸` }")).toEqual([]);
    expect(keywordsAt("// ma‸")).toEqual([]);
    expect(keywordsAt("/* ma‸")).toEqual([]);
  });

  it("offers nothing after a mistake the grammar cannot get past, rather than guessing", () => {
    expect(keywordsAt("map E -> m {\n  a b c d ‸\n}")).toEqual([]);
  });

  it("is not stopped by a mistake in an earlier declaration", () => {
    expect(keywordsAt("map E -> m {\n  a b\n}\nta‸")).toEqual(DECLARATIONS);
    expect(keywordsAt("map E -> m {\n  a b\n}\nmap F -> n { ‸ }")).toEqual(["if", "ignore", "let", "ref", "with"]);
  });

  it("marks reserved words as such", () => {
    const { text, offset } = marked("map E -> m {\n  a <- b ‸\n}");
    const items = keywordCompletions(text, offset, parse(text, "c.flitmap").document);
    expect(items.find((item) => item.label === "and")).toEqual({ label: "and", kind: 14, detail: "reserved word" });
    expect(items.find((item) => item.label === "with")).toEqual({ label: "with", kind: 14, detail: "keyword" });
  });
});
