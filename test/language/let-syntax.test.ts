/**
 * Named values (issue 16's carteira package): `let NAME <- EXPRESSION` in a body names a value
 * computed from the row once, for the statements of its block. It parses to its node, prints back
 * aligned with the lets beside it, and leaves `let` a name everywhere else.
 */
import { describe, expect, it } from "vitest";
import { diagnosticsOf, format, n, onlyDeclaration } from "./helpers.js";

describe("let: a named value of a body", () => {
  it("is a body statement holding its name and its value", () => {
    expect(onlyDeclaration(`map P -> res.partner { let company <- empresa | ref empresa by nome  parent_id <- company }`)).toMatchObject({
      body: [
        { kind: "LetStatement", name: n("company"), value: { kind: "PipeExpression", steps: [{ kind: "RefStep", alias: n("empresa"), by: n("nome") }] } },
        { kind: "Assignment", field: n("parent_id"), value: { kind: "ColumnPath", parts: [n("company")] } },
      ],
    });
  });

  it("leaves `let` a field and a column name", () => {
    expect(onlyDeclaration(`map P -> res.partner { let <- x }`)).toMatchObject({ body: [{ kind: "Assignment", field: n("let") }] });
    expect(onlyDeclaration(`source s { entity E "e.csv" key id { id text  let text } }`)).toMatchObject({ items: [{ items: [{}, { name: n("let") }] }] });
  });

  it("takes `<-` only: a let is computed from the row", () => {
    expect(diagnosticsOf(`map P -> res.partner { let x = "a" }`)).toEqual(["1:30-1:31 FM101 expected `<-` after the value name `x`, found `=`"]);
  });

  it("prints back, the arrows of lets and fields aligned, in map and if blocks", () => {
    const text = `map P -> res.partner {\n  let company <- empresa | ref empresa by nome\n  let cleaned <- nome | trim\n  name <- cleaned\n  parent_id <- company\n  if odoo >= "17.0" {\n    let x <- 1\n    color <- x\n  }\n}\n`;
    expect(format(text)).toBe(
      `map P -> res.partner {\n  let company <- empresa | ref empresa by nome\n  let cleaned <- nome | trim\n  name        <- cleaned\n  parent_id   <- company\n  if odoo >= "17.0" {\n    let x <- 1\n    color <- x\n  }\n}\n`,
    );
  });
});
