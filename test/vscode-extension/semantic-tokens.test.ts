import { describe, expect, it } from "vitest";
import { tokenize } from "../../language/lexer.js";
import { lineStartsOf } from "../../language/location.js";
import { parse } from "../../language/parse.js";
import { semanticSpans, semanticTokens, TOKEN_TYPES } from "../../vscode-extension/server/features/semantic-tokens.js";

/** Each coloured span as `text:type`, with `+` for a declaration. */
function spans(text: string): string[] {
  const { document } = parse(text, "t.flitmap");
  return semanticSpans(document, tokenize(text, "t.flitmap"), text).map((span) => `${text.slice(span.offset, span.offset + span.length)}:${span.role.type}${span.role.declaration ? "+" : ""}`);
}

describe("semantic tokens", () => {
  it("colours names by what they stand for", () => {
    expect(spans(`map Company -> res.partner as company when type != "x" { name <- naam | trim ?? ref org  stage_id <- stage | deal_stage }`)).toEqual([
      "map:keyword",
      "Company:class",
      "->:operator",
      "res:type",
      "partner:type",
      "as:keyword",
      "company:variable+",
      "when:keyword",
      "type:property",
      "!=:operator",
      '"x":string',
      "name:property",
      "<-:operator",
      "naam:property",
      "|:operator",
      "trim:function",
      "??:operator",
      "ref:keyword",
      "org:variable",
      "stage_id:property",
      "<-:operator",
      "stage:property",
      "|:operator",
      "deal_stage:function",
    ]);
  });

  it("colours a soft keyword used as a name as that name", () => {
    expect(spans(`source s { entity E "e.csv" key key { key text  source text required } }`)).toEqual([
      "source:keyword",
      "s:namespace+",
      "entity:keyword",
      "E:class+",
      '"e.csv":string',
      "key:keyword",
      "key:property",
      "key:property+",
      "text:type",
      "source:property+",
      "text:type",
      "required:keyword",
    ]);
  });

  it("splits tokens that span lines, one span per line", () => {
    expect(spans("/* one\ntwo */ records crm.stage { won { x 1 } }")).toEqual([
      "/* one:comment",
      "two */:comment",
      "records:keyword",
      "crm:type",
      "stage:type",
      "won:enumMember+",
      "x:property",
      "1:number",
    ]);
  });

  it("encodes spans as LSP's relative five-number groups", () => {
    const text = "map E -> m {\n  a <- b\n}";
    const { document } = parse(text, "t.flitmap");
    const data = semanticTokens(document, tokenize(text, "t.flitmap"), text, lineStartsOf(text));
    const type = (name: (typeof TOKEN_TYPES)[number]): number => TOKEN_TYPES.indexOf(name);
    expect(data).toEqual([
      ...[0, 0, 3, type("keyword"), 0],
      ...[0, 4, 1, type("class"), 0],
      ...[0, 2, 2, type("operator"), 0],
      ...[0, 3, 1, type("type"), 0],
      ...[1, 2, 1, type("property"), 0],
      ...[0, 2, 2, type("operator"), 0],
      ...[0, 3, 1, type("property"), 0],
    ]);
  });
});
