/**
 * A setting that is a number (issue 16, Ügyféltár's gap 10): `setting eur 395` declares it with
 * its default, and `setting eur` reads it in any expression. Each parses to its node, prints back
 * as written, and leaves `setting` a column's name wherever it is not followed by a setting's.
 */
import { describe, expect, it } from "vitest";
import { format, n, onlyDeclaration } from "./helpers.js";

describe("setting NAME NUMBER and setting NAME in expressions", () => {
  it("declares a number, and reads a setting as a value", () => {
    expect(onlyDeclaration(`migration m { setting eur 395  setting links "text" }`)).toMatchObject({
      items: [
        { kind: "SettingDeclaration", name: n("eur"), value: { kind: "NumberLiteral", value: 395, raw: "395" } },
        { kind: "SettingDeclaration", name: n("links"), value: { kind: "StringLiteral", value: "text" } },
      ],
    });
    expect(onlyDeclaration(`map S -> crm.lead { expected_revenue <- amount * setting eur }`)).toMatchObject({
      body: [{ value: { kind: "ArithmeticExpression", right: { kind: "SettingExpression", name: n("eur") } } }],
    });
  });

  it("leaves `setting` a column alone, and before the next statement", () => {
    expect(onlyDeclaration(`map S -> crm.lead {\n  name <- setting\n  eur <- x\n}`)).toMatchObject({
      body: [{ value: { kind: "ColumnPath", parts: [n("setting")] } }, { field: n("eur") }],
    });
    expect(onlyDeclaration(`map S -> crm.lead { name <- setting | trim }`)).toMatchObject({
      body: [{ value: { kind: "PipeExpression", input: { kind: "ColumnPath", parts: [n("setting")] } } }],
    });
  });

  it("prints back as written", () => {
    const text = `migration m {\n  setting eur 395\n  setting rate 0.25\n}\n\nmap S -> crm.lead {\n  expected_revenue <- amount * setting eur\n}\n`;
    expect(format(text)).toBe(text);
  });
});
