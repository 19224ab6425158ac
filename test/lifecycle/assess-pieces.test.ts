/** The small pieces the assessment and report share: reject grouping, masking, expressions read back. */
import { describe, expect, it } from "vitest";
import type { EntityPlan, Plan, PlanExpression } from "../../compiler/plan/schema.js";
import { describeExpression, readsPersonal } from "../../runtime/lifecycle/expressions.js";
import { Masker } from "../../runtime/lifecycle/mask.js";
import { groupRejects, reasonPattern } from "../../runtime/lifecycle/rejects.js";

const OPTIONS: EntityPlan["options"] = {
  delimiter: ",",
  encoding: "utf-8",
  quote: '"',
  date: "dd/MM/yyyy",
  datetime: "dd/MM/yyyy HH:mm",
  timezone: "UTC",
  decimal: ".",
  trueWords: [],
  falseWords: [],
};

function column(name: string, personal = false): EntityPlan["columns"][number] {
  return { name, header: name, type: "text", required: false, personal, modified: false };
}

const PLAN: Plan = {
  format: "flitmap-plan",
  version: 1,
  migration: { name: "m", namespace: "m" },
  target: { series: "17.0", serverVersion: "17.0", origin: "catalog", modules: [] },
  entities: [
    {
      name: "Relation",
      source: "s",
      pattern: "r.csv",
      key: ["id"],
      options: OPTIONS,
      duplicates: { keep: "last" },
      columns: [column("id"), column("email", true), column("city")],
      groups: [{ name: "contact", from: 1, to: 3, columns: [column("name", true), column("role")] }],
    },
  ],
  lookups: [],
  tables: [],
  setup: { customFields: [], records: [] },
  steps: [],
  tests: [],
};

describe("reasonPattern", () => {
  it("takes the values out of a reason and keeps where it happened", () => {
    expect(reasonPattern("'Due Date': '00/00/0000' is not a date: there is no month 0 (format dd/MM/yyyy)")).toBe("'Due Date': … is not a date");
    expect(reasonPattern("'Due Date': '30/13/2023' is not a date: there is no month 13 (format dd/MM/yyyy)")).toBe("'Due Date': … is not a date");
    expect(reasonPattern("'Company Name' is required and blank")).toBe("'Company Name' is required and blank");
    expect(reasonPattern('res_id: the value is empty, and this field requires one (deal "1023" does not exist in the export)')).toBe(
      "res_id: the value is empty, and this field requires one (deal … does not exist in the export)",
    );
    expect(reasonPattern("refused by Odoo: Wrong value for crm.lead.type: 'bogus'")).toBe("refused by Odoo: Wrong value for crm.lead.type: …");
    expect(reasonPattern("name takes at most 64 characters, this has 80: shorten it with `| truncate(64)`")).toBe(
      "name takes at most … characters, this has …",
    );
  });

  it("groups rejects by entity, step and pattern, largest first, examples in file order", () => {
    const masker = new Masker(PLAN);
    const groups = groupRejects(
      [
        { entity: "Task", file: "tasks.csv", line: 57, reason: "'Due Date': '30/13/2023' is not a date: there is no month 13" },
        { entity: "Task", file: "tasks.csv", line: 23, reason: "'Due Date': '00/00/0000' is not a date: there is no month 0" },
        { entity: "Deal", file: "deals.csv", line: 29, reason: "'Deal Name' is required and blank" },
      ],
      masker,
    );
    expect(groups.map((group) => [group.entity, group.pattern, group.count, group.examples.map((example) => example.line)])).toEqual([
      ["Task", "'Due Date': … is not a date", 2, [23, 57]],
      ["Deal", "'Deal Name' is required and blank", 1, [29]],
    ]);
  });
});

describe("Masker", () => {
  it("masks personal cells, group columns included, and gives one value one number", () => {
    const masker = new Masker(PLAN);
    expect(masker.active).toBe(true);
    expect(
      masker.cells("Relation", {
        id: "7",
        email: "an@example.nl",
        city: "Utrecht",
        "contact[2].name": "An de Vries",
        "contact[2].role": "CEO",
        "contact[3].name": "",
      }),
    ).toEqual({
      id: "7",
      email: "‹personal #1›",
      city: "Utrecht",
      "contact[2].name": "‹personal #2›",
      "contact[2].role": "CEO",
      "contact[3].name": "",
    });
    expect(masker.token(" AN@example.nl ")).toBe("‹personal #1›");
  });

  it("masks a row's personal values inside a reason, longest first", () => {
    const masker = new Masker(PLAN);
    expect(masker.text('no res.partner record has email "an@example.nl.old"; an@example.nl', ["an@example.nl", "an@example.nl.old"])).toBe(
      'no res.partner record has email "‹personal #1›"; ‹personal #2›',
    );
  });

  it("masks every quoted value of a message but the words it is told to keep", () => {
    const masker = new Masker(PLAN);
    expect(masker.quoted('no res.users record has email or login "an@example.nl"; "admin" was used', new Set(["admin"]))).toBe(
      'no res.users record has email or login ‹personal #1›; "admin" was used',
    );
    expect(masker.quoted("'jo-at-example' is not an e-mail address")).toBe("‹personal #2› is not an e-mail address");
  });
});

describe("expressions read back", () => {
  const entity = PLAN.entities[0] as EntityPlan;
  const email: PlanExpression = { op: "column", type: "text", column: "email" };
  const city: PlanExpression = { op: "column", type: "text", column: "city" };

  it("writes an expression the way the mapping does", () => {
    const value: PlanExpression = {
      op: "coalesce",
      type: "text",
      operands: [
        { op: "call", type: "text", builtin: "trim", input: email, args: [], itemwise: false },
        {
          op: "call",
          type: "text",
          builtin: "join",
          input: { op: "list", type: "list<text>", items: [city, { op: "const", type: "text", value: "NL" }] },
          args: [{ op: "const", type: "text", value: ", " }],
          itemwise: false,
        },
      ],
    };
    expect(describeExpression(value)).toBe('email | trim ?? [city, "NL"] | join(", ")');
    expect(
      describeExpression({
        op: "if",
        type: "text",
        condition: { op: "is", type: "boolean", test: "present", negated: false, operand: city },
        then: city,
        else: { op: "const", type: "text", value: null },
      }),
    ).toBe("if city is present then city");
    expect(
      describeExpression({
        op: "ref",
        type: "record<res.partner>",
        step: "person",
        entity: "Person",
        input: city,
        itemwise: false,
        by: { column: "first_name", ambiguous: "first", and: "last_name" },
      }),
    ).toBe("city | ref person by first_name and last_name");
  });

  it("tells whether a value comes from a personal column", () => {
    expect(readsPersonal({ op: "call", type: "text", builtin: "trim", input: email, args: [], itemwise: false }, entity, PLAN)).toBe(true);
    expect(readsPersonal(city, entity, PLAN)).toBe(false);
    expect(readsPersonal({ op: "group-column", type: "text", group: "contact", column: "name" }, entity, PLAN)).toBe(true);
    expect(readsPersonal({ op: "group-column", type: "text", group: "contact", column: "role" }, entity, PLAN)).toBe(false);
  });
});
