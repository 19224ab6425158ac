/**
 * Named steps (issue 16's pelatologio package, gap 3): `step NAME = STEP | STEP | ...` names a
 * pipeline's steps once for the package, used in any pipeline as `| NAME`; `?? STEP | STEP` after
 * them adds fallbacks of the same input (the asiakkaat package, gap 6). It parses to its node,
 * prints back on one line or a step per line, and leaves `step` a name everywhere else.
 */
import { describe, expect, it } from "vitest";
import { col, diagnosticsOf, format, n, onlyDeclaration, s } from "./helpers.js";

describe("step: a named pipeline of steps", () => {
  it("is a declaration holding its name and its steps: built-ins with arguments, tables, `ref`", () => {
    expect(onlyDeclaration(`step fold = trim | upper | replace("Ά", "Α") | ref pelatis by eponymia optional`)).toEqual({
      kind: "StepDeclaration",
      name: n("fold"),
      steps: [
        { kind: "CallStep", callee: n("trim") },
        { kind: "CallStep", callee: n("upper") },
        { kind: "CallStep", callee: n("replace"), args: [s("Ά"), s("Α")] },
        { kind: "RefStep", alias: n("pelatis"), by: n("eponymia"), optional: true },
      ],
      fallbacks: [],
    });
  });

  it("holds fallbacks after `??`: other pipelines of its input, each with its steps", () => {
    expect(onlyDeclaration(`step firm = ref a by name optional ?? short | ref a by name`)).toEqual({
      kind: "StepDeclaration",
      name: n("firm"),
      steps: [{ kind: "RefStep", alias: n("a"), by: n("name"), optional: true }],
      fallbacks: [{ kind: "StepFallback", steps: [{ kind: "CallStep", callee: n("short") }, { kind: "RefStep", alias: n("a"), by: n("name") }] }],
    });
    expect(diagnosticsOf(`step firm = trim ??`)).toEqual([
      "1:18-1:20 FM102 expected a built-in, a table, a lookup or a step name (or `ref` and an alias) after `??`, but the file ends here",
    ]);
  });

  it("prints fallbacks on one line, or each on its own line after its `??` when long", () => {
    expect(format(`step firm=trim ?? upper|lower\n`)).toBe(`step firm = trim ?? upper | lower\n`);
    const printed = [
      "step yritykselle = ref yritys by nimi optional",
      "  ?? ref asiakas by nimi optional",
      "  ?? lyhyt_muoto | ref asiakas by nimi optional",
      "  ?? pitka_muoto | ref asiakas by nimi",
      "",
    ].join("\n");
    expect(format(printed.replace(/\n  /g, " "))).toBe(printed);
    expect(format(printed)).toBe(printed);
  });

  it("is used as a step like a built-in", () => {
    expect(onlyDeclaration(`map P -> res.partner { name <- nome | fold }`)).toMatchObject({
      body: [{ kind: "Assignment", value: { kind: "PipeExpression", input: col("nome"), steps: [{ kind: "CallStep", callee: n("fold") }] } }],
    });
  });

  it("leaves `step` a field, a column and a step name", () => {
    expect(onlyDeclaration(`map P -> res.partner { step <- x | step }`)).toMatchObject({
      body: [{ kind: "Assignment", field: n("step"), value: { steps: [{ callee: n("step") }] } }],
    });
    expect(onlyDeclaration(`source s { entity E "e.csv" key id { id text  step text } }`)).toMatchObject({ items: [{ items: [{}, { name: n("step") }] }] });
  });

  it("says what is missing: the `=`, a step after `|`", () => {
    expect(diagnosticsOf(`step fold trim`)).toEqual(["1:11-1:15 FM101 expected `=` after the step name `fold`, found `trim`"]);
    expect(diagnosticsOf(`step fold = trim |`)).toEqual([
      "1:18-1:19 FM102 expected a built-in, a table, a lookup or a step name (or `ref` and an alias) after `|`, but the file ends here",
    ]);
  });

  it("prints back on one line, or a step per line when it is long, and keeps comments", () => {
    expect(format(`step   fold =trim|upper\n`)).toBe(`step fold = trim | upper\n`);
    const long = `step fold_name = upper | replace("Ά", "Α") | replace("Έ", "Ε") | replace("Ή", "Η") | replace("Ί", "Ι") | replace("Ό", "Ο")\n`;
    const printed = `step fold_name = upper\n  | replace("Ά", "Α")\n  | replace("Έ", "Ε")\n  | replace("Ή", "Η")\n  | replace("Ί", "Ι")\n  | replace("Ό", "Ο")\n`;
    expect(format(long)).toBe(printed);
    expect(format(printed)).toBe(printed);
    const commented = `// Greek capitals drop the accents.\nstep fold = upper\n\nmap P -> res.partner {\n  name <- x | fold\n}\n`;
    expect(format(commented)).toBe(commented);
  });
});
