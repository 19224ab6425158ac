/**
 * Selection keys of a custom field that are not names: Odoo takes any text as a key, so a key
 * starting with a digit (`1_10`, a Brazilian CRM's company size) is written in quotes. Written
 * bare, it is a syntax error whose message and fix say to quote it.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../../language/parse.js";
import { diagnosticsOf, format, n, onlyDeclaration, s } from "./helpers.js";

const QUOTED = `extend crm.lead {
  x_porte selection "Porte" { "1_10" "1 a 10"  "11-50" "11 a 50"  grande "Mais de 50" }
}
`;

describe("selection keys starting with a digit", () => {
  it("are quoted keys: they parse to strings and print back as written", () => {
    expect(onlyDeclaration(QUOTED)).toMatchObject({
      items: [
        {
          kind: "CustomFieldDeclaration",
          options: [
            { kind: "SelectionOption", value: s("1_10"), label: s("1 a 10") },
            { kind: "SelectionOption", value: s("11-50"), label: s("11 a 50") },
            { kind: "SelectionOption", value: n("grande"), label: s("Mais de 50") },
          ],
        },
      ],
    });
    expect(format(QUOTED)).toBe(QUOTED);
  });

  it("written bare, are reported whole with the quoted key as the fix, which parses", () => {
    const bare = 'extend crm.lead {\n  x_porte selection "Porte" {\n    1_10 "1 a 10"\n    51_200 "51 a 200"\n  }\n}\n';
    expect(diagnosticsOf(bare)).toEqual([
      '3:5-3:9 FM104 the selection key `1_10` starts with a digit: write it in quotes, `"1_10" "Label"` (Odoo takes any text as a key)',
      '4:5-4:11 FM104 the selection key `51_200` starts with a digit: write it in quotes, `"51_200" "Label"` (Odoo takes any text as a key)',
    ]);
    const result = parse(bare, "test.flitmap");
    let fixed = bare;
    for (const diagnostic of [...result.diagnostics].reverse()) {
      const edit = diagnostic.fixes?.[0]?.edits[0];
      if (edit === undefined) throw new Error(`no fix for ${diagnostic.message}`);
      fixed = fixed.slice(0, edit.range.start.offset) + edit.newText + fixed.slice(edit.range.end.offset);
    }
    expect(fixed).toBe('extend crm.lead {\n  x_porte selection "Porte" {\n    "1_10" "1 a 10"\n    "51_200" "51 a 200"\n  }\n}\n');
    expect(diagnosticsOf(fixed)).toEqual([]);
  });
});
