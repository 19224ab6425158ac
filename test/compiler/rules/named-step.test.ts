import { describe, expect, it } from "vitest";
import { emitPlan } from "../../../compiler/plan/emit.js";
import { allDiagnostics, analyze, BASE, diagnosticsOf } from "../helpers.js";

const FOLD = `step fold = trim | upper | replace("Ά", "Α")`;

describe("FM310 named_step", () => {
  it("inlines a named step's steps wherever it is used, typed against the input there, in any file of the package", () => {
    const steps = `${FOLD}\ntable stage: text -> text { "WON" -> "won"  _ -> keep }\nstep stage_word = fold | stage\n`;
    const maps = `map Contact -> res.partner {
  name    <- first_name | fold
  comment <- last_name | stage_word | truncate(10)
  ignore id, email, company_id
}
map Deal -> crm.lead {
  name <- name | fold
  ignore id, amount, stage, close_date, contact_id
}`;
    const analysis = analyze({ "base.flitmap": BASE, "steps.flitmap": steps, "main.flitmap": maps });
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    const plan = emitPlan(analysis);
    const value = (model: string, field: string): unknown =>
      plan.steps.find((step) => step.model === model)?.operations.find((operation) => operation.field === field)?.value;
    const folded = (input: object): object => ({
      op: "call",
      builtin: "replace",
      args: [{ value: "Ά" }, { value: "Α" }],
      input: { op: "call", builtin: "upper", input: { op: "call", builtin: "trim", input } },
    });
    expect(value("res.partner", "name")).toMatchObject(folded({ op: "column", column: "first_name" }));
    expect(value("crm.lead", "name")).toMatchObject(folded({ op: "column", column: "name" }));
    expect(value("res.partner", "comment")).toMatchObject({
      op: "call",
      builtin: "truncate",
      input: { op: "table", table: "stage", type: "text", input: folded({ op: "column", column: "last_name" }) },
    });
    expect(plan.tables.map((table) => table.name)).toEqual(["stage"]);
  });

  it("reports what only the input of a use makes wrong at the use, naming the step, and the step's own mistakes once, where it is declared", () => {
    const extra = `${FOLD}
step shout = upper | truncate("x")
map Deal -> crm.lead {
  name        <- name | fold
  description <- close_date | fold
  x_a         <- name | shout
  x_b         <- stage | shout
  ignore id, amount, contact_id
}`;
    const errors = allDiagnostics(extra).filter((diagnostic) => / error FM304 /.test(diagnostic));
    expect(errors).toEqual([
      "main.flitmap:2:31-2:34 error FM304 the length of `truncate` must be integer, not text",
      "main.flitmap:5:31-5:35 error FM304 `trim` takes text, but gets date (in step fold, main.flitmap:1:6)",
    ]);
  });

  it("reports a step that uses itself, directly or through another, one that reads a value of a row, and one named as a built-in", () => {
    const extra = `step a = trim | a
step b = upper | c
step c = lower | b
step d = truncate(first_name)
step upper = lower
map Contact -> res.partner {
  name    <- first_name | a | b
  comment <- last_name | d
  ref     <- last_name | upper
  ignore id, email, company_id
}`;
    expect(diagnosticsOf("FM310", extra)).toEqual([
      "main.flitmap:1:17-1:18 error FM310 step a uses itself (here, directly or through another step): a step cannot be one of its own steps",
      "main.flitmap:3:18-3:19 error FM310 step b uses itself (here, directly or through another step): a step cannot be one of its own steps",
      "main.flitmap:4:19-4:29 error FM310 step d reads first_name, a value of a row: a step works on the value piped into it alone, in maps of any entity; give it what it needs through the pipeline",
      "main.flitmap:5:6-5:11 error FM310 step upper has the name of a built-in, which `| upper` goes on meaning: name the step otherwise",
    ]);
  });

  it("takes no arguments at its use, and is reported like a table when its name is unknown, given twice or used nowhere", () => {
    const extra = `${FOLD}
step fold = lower
step spare = trim
step broken = trim | upcase
map Contact -> res.partner {
  name    <- first_name | fold(2)
  comment <- last_name | flod
  ignore id, email, company_id
}`;
    const diagnostics = allDiagnostics(extra).filter((diagnostic) => / FM(204|20\d|304|502) /.test(diagnostic) && !diagnostic.includes("entity"));
    expect(diagnostics).toEqual([
      "main.flitmap:2:6-2:10 error FM204 step fold is declared twice (first at main.flitmap:1:6); rename one",
      "main.flitmap:3:6-3:11 warning FM502 step spare is used nowhere: use it in a pipeline (`| spare`) or remove it",
      "main.flitmap:4:6-4:12 warning FM502 step broken is used nowhere: use it in a pipeline (`| broken`) or remove it",
      "main.flitmap:4:22-4:28 error FM203 `upcase` is not a built-in, a table, a lookup or a named step",
      "main.flitmap:6:27-6:34 error FM304 a named step takes no arguments: write `| fold`",
      "main.flitmap:7:26-7:30 error FM203 `flod` is not a built-in, a table, a lookup or a named step; did you mean `fold`?",
    ]);
  });

  it("stops inlining a step of steps past the deepest a plan may be, and says so where it is used", () => {
    // Each step doubles the one before: 2^40 steps, were they all inlined.
    const steps = Array.from({ length: 40 }, (_, index) => (index === 0 ? "step s0 = trim" : `step s${index} = s${index - 1} | s${index - 1}`));
    const extra = `${steps.join("\n")}\nmap Contact -> res.partner {\n  name <- first_name | s39\n  ignore id, last_name, email, company_id\n}`;
    expect(diagnosticsOf("FM305", extra)).toEqual([
      "main.flitmap:42:11-42:27 error FM305 this pipeline of 257 steps nests more than 256 levels deep, more than a plan may hold: simplify it (a table instead of nested `if`s, fewer steps)",
    ]);
  });

  it("inlines a step's fallbacks as \`??\` between pipelines of the input at each use, and checks each like its steps", () => {
    const steps = `step company = ref company optional ?? upper | ref company\n`;
    const maps = `map Company -> res.partner as company {
  name <- name
  ignore id, domain, parent_id, owner_email, employees, status, modified_at
}
map Contact -> res.partner as person {
  name      <- first_name
  parent_id <- company_id | trim | company
  ignore id, last_name, email
}`;
    const analysis = analyze({ "base.flitmap": BASE, "steps.flitmap": steps, "main.flitmap": maps });
    expect(analysis.diagnostics.filter((diagnostic) => diagnostic.severity === "error")).toEqual([]);
    const person = emitPlan(analysis).steps.find((step) => step.id === "person");
    const parent = [...(person?.operations ?? []), ...(person?.deferred ?? [])].find((operation) => operation.field === "parent_id")?.value;
    const input = { op: "call", builtin: "trim", input: { op: "column", column: "company_id" } };
    expect(parent).toMatchObject({
      op: "coalesce",
      operands: [
        { op: "ref", step: "company", optional: true, input },
        { op: "ref", step: "company", input: { op: "call", builtin: "upper", input } },
      ],
    });
    const mixed = `step either = trim ?? count\nmap Contact -> res.partner {\n  name <- first_name | either\n  ignore id, last_name, email, company_id\n}`;
    expect(diagnosticsOf("FM310", mixed)).toEqual([
      "main.flitmap:1:6-1:12 error FM310 the pipelines of step either around `??` must give one type, but these give text, integer",
    ]);
    const reads = `step named = trim ?? replace(first_name, "")\nmap Contact -> res.partner {\n  name <- first_name | named\n  ignore id, last_name, email, company_id\n}`;
    expect(diagnosticsOf("FM310", reads).join("\n")).toContain("step named reads first_name, a value of a row");
  });
});
