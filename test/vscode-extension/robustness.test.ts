/**
 * The semantic features answer everywhere: at every offset of a package, and at the end of every
 * prefix of a map being typed (the broken text an editor holds between keystrokes). A completion
 * replaces text around the cursor only.
 */
import { describe, expect, it } from "vitest";
import type { Range } from "vscode-languageserver";
import { lineStartsOf } from "../../language/location.js";
import { parse } from "../../language/parse.js";
import { completions } from "../../vscode-extension/server/features/completion.js";
import { hover } from "../../vscode-extension/server/features/hover.js";
import { definition, documentHighlights, references } from "../../vscode-extension/server/features/navigation.js";
import { prepareRename } from "../../vscode-extension/server/features/rename.js";
import { BASE_FILES } from "./fixture.js";
import { markedPackage } from "./helpers.js";

const MAPS = `map Company -> res.partner as company when stage != "gone" {
  name <- naam | trim
  parent_id <- parent_id | ref company
  ignore id, kind
  with Link by company_id { comment <- note | join(", ") }
}
split Relation {
  org: res.partner { name <- \`{company_name}\` }
  person: res.partner for each contact { name <- contact.name  parent_id <- ref org }
}
map Order -> sale.order {
  partner_id <- customer | ref company
  order_line <- each OrderLine by order_id { product_uom_qty <- qty }
}
test "t" { given Company { id "1"  stage "Closed Won" } expect res.partner { name "x" } }
`;

/** Whether `point` comes at or before `limit`. */
const notAfter = (point: Range["start"], limit: Range["start"]): boolean =>
  point.line < limit.line || (point.line === limit.line && point.character <= limit.character);

describe("robustness", () => {
  it("answers hover, definition, references, highlights and prepareRename at every offset", () => {
    const { analysis, file } = markedPackage({ ...BASE_FILES, "maps.flitmap": `‸${MAPS}` });
    let hovers = 0;
    for (let offset = 0; offset <= MAPS.length; offset++) {
      if (hover(analysis, file, offset) !== null) hovers++;
      expect(Array.isArray(definition(analysis, file, offset, (path) => path))).toBe(true);
      expect(Array.isArray(references(analysis, file, offset, true, (path) => path))).toBe(true);
      expect(Array.isArray(documentHighlights(analysis, file, offset))).toBe(true);
      expect(prepareRename(analysis, file, offset)).toBeTypeOf("object");
    }
    // Most of the text is names: hover has something to say on most offsets.
    expect(hovers).toBeGreaterThan(MAPS.length / 2);
  });

  it("completes at the end of every prefix of the maps, replacing only text that ends at the cursor", () => {
    const { analysis } = markedPackage({ ...BASE_FILES, "maps.flitmap": `‸${MAPS}` });
    const problems: string[] = [];
    let named = 0;
    for (let offset = 0; offset <= MAPS.length; offset++) {
      const text = MAPS.slice(0, offset);
      const lineStarts = lineStartsOf(text);
      const line = lineStarts.length - 1;
      const cursor = { line, character: offset - (lineStarts[line] ?? 0) };
      const items = completions({ text, offset, document: parse(text, "/virtual/pb/maps.flitmap").document, lineStarts, analysis });
      for (const item of items) {
        const range = item.textEdit !== undefined && "range" in item.textEdit ? item.textEdit.range : undefined;
        if (range === undefined) continue;
        named++;
        const endsAtCursor = range.end.line === cursor.line && range.end.character === cursor.character;
        if (!notAfter(range.start, cursor) || !endsAtCursor) problems.push(`${offset}: ${item.label}`);
      }
    }
    expect(problems).toEqual([]);
    expect(named).toBeGreaterThan(MAPS.length);
  });
});
