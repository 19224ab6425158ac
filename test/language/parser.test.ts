import { describe, expect, it } from "vitest";
import { parse } from "../../language/parse.js";
import { print } from "../../language/printer.js";
import { bool, col, n, num, onlyDeclaration, q, ref, s, withoutRanges } from "./helpers.js";

describe("import", () => {
  it("names what it takes from a file or a package", () => {
    expect(onlyDeclaration(`import { deal_stage, country } from "../shared"`)).toEqual({
      kind: "ImportDeclaration",
      names: [n("deal_stage"), n("country")],
      from: s("../shared"),
    });
  });
});

describe("migration", () => {
  it("holds the source, the target, the external ID namespace and rule settings", () => {
    expect(
      onlyDeclaration(`migration pb_to_odoo {
        source perfectbooks
        target odoo "17.0"
        xmlid "perfectbooks"
        rule unmapped_column off
        rule FM402 warn
      }`),
    ).toEqual({
      kind: "MigrationDeclaration",
      name: n("pb_to_odoo"),
      items: [
        { kind: "SourceReference", source: n("perfectbooks") },
        { kind: "TargetSetting", series: s("17.0") },
        { kind: "XmlidSetting", namespace: s("perfectbooks") },
        { kind: "RuleSetting", rule: n("unmapped_column"), severity: n("off") },
        { kind: "RuleSetting", rule: n("FM402"), severity: n("warn") },
      ],
    });
  });

  it("declares settings that `if setting` blocks read", () => {
    expect(onlyDeclaration(`migration m { setting secondary_links "categories" }`)).toEqual({
      kind: "MigrationDeclaration",
      name: n("m"),
      items: [{ kind: "SettingDeclaration", name: n("secondary_links"), value: s("categories") }],
    });
    expect(onlyDeclaration(`map C -> res.partner { if setting secondary_links != "text" { } }`)).toMatchObject({
      body: [{ kind: "TargetIf", condition: { kind: "SettingCondition", name: n("secondary_links"), operator: "!=", value: s("text") }, then: [] }],
    });
  });

  it("says what a run does with records whose source row is gone: report (the default) or archive", () => {
    expect(onlyDeclaration(`migration m { deleted archive }`)).toEqual({
      kind: "MigrationDeclaration",
      name: n("m"),
      items: [{ kind: "DeletedSetting", policy: n("archive") }],
    });
    expect(onlyDeclaration(`migration m { deleted report }`)).toMatchObject({ items: [{ kind: "DeletedSetting", policy: n("report") }] });
    // There is no `delete`: a deleted record could not be rolled back (docs/language.md says why).
    expect(parse(`migration m { deleted delete }`, "m.flitmap").diagnostics.map((diagnostic) => diagnostic.message)).toEqual([
      "expected `report` or `archive` after `deleted`, found `delete`",
    ]);
    // The words stay names elsewhere: a column may be called `deleted` or `archive`.
    expect(parse(`source s { entity E "e.csv" key id { id text  deleted boolean  archive text  report text } }`, "s.flitmap").diagnostics).toEqual([]);
  });

  it("can target a schema file pulled from a server", () => {
    expect(onlyDeclaration(`migration m { target odoo schema "odoo-schema.json" }`)).toEqual({
      kind: "MigrationDeclaration",
      name: n("m"),
      items: [{ kind: "TargetSetting", schemaFile: s("odoo-schema.json") }],
    });
  });
});

describe("source and entity", () => {
  it("parses parse options, entities, keys, headers, formats and modifiers", () => {
    expect(
      onlyDeclaration(`source perfectview {
        csv { delimiter ";"  encoding "windows-1252"  decimal "," }
        entity Relation "relaties_*.csv" key relatienummer {
          csv { date "dd-MM-yyyy" }
          duplicates keep newest by gewijzigd
          relatienummer "Relatienummer" text required
          company_name  "Bedrijfsnaam"  text
          email         "E-mail"        email personal
          gewijzigd     "Gewijzigd op"  datetime "dd-MM-yyyy HH:mm" modified
          parent        "Hoofdrelatie"  text references Relation
        }
      }`),
    ).toEqual({
      kind: "SourceDeclaration",
      name: n("perfectview"),
      items: [
        {
          kind: "CsvOptions",
          options: [
            { kind: "OptionSetting", name: n("delimiter"), value: s(";") },
            { kind: "OptionSetting", name: n("encoding"), value: s("windows-1252") },
            { kind: "OptionSetting", name: n("decimal"), value: s(",") },
          ],
        },
        {
          kind: "EntityDeclaration",
          name: n("Relation"),
          pattern: s("relaties_*.csv"),
          key: [n("relatienummer")],
          items: [
            { kind: "CsvOptions", options: [{ kind: "OptionSetting", name: n("date"), value: s("dd-MM-yyyy") }] },
            { kind: "DuplicatesRule", keep: "newest", by: n("gewijzigd") },
            { kind: "ColumnDeclaration", name: n("relatienummer"), header: s("Relatienummer"), type: n("text"), modifiers: [{ kind: "ColumnModifier", keyword: "required" }] },
            { kind: "ColumnDeclaration", name: n("company_name"), header: s("Bedrijfsnaam"), type: n("text"), modifiers: [] },
            { kind: "ColumnDeclaration", name: n("email"), header: s("E-mail"), type: n("email"), modifiers: [{ kind: "ColumnModifier", keyword: "personal" }] },
            {
              kind: "ColumnDeclaration",
              name: n("gewijzigd"),
              header: s("Gewijzigd op"),
              type: n("datetime"),
              format: s("dd-MM-yyyy HH:mm"),
              modifiers: [{ kind: "ColumnModifier", keyword: "modified" }],
            },
            {
              kind: "ColumnDeclaration",
              name: n("parent"),
              header: s("Hoofdrelatie"),
              type: n("text"),
              modifiers: [{ kind: "ColumnReference", entity: n("Relation") }],
            },
          ],
        },
      ],
    });
  });

  it("accepts composite keys and column groups repeated in a row", () => {
    expect(
      onlyDeclaration(`source s {
        entity Link "links.csv" key (contact_id, company_id) {
          contact_id text references Contact
          company_id text references Company
          group contact[1..3] {
            name "Contactpersoon {n}" text
            role "Functie {n}"        text
          }
          duplicates keep last
        }
      }`),
    ).toEqual({
      kind: "SourceDeclaration",
      name: n("s"),
      items: [
        {
          kind: "EntityDeclaration",
          name: n("Link"),
          pattern: s("links.csv"),
          key: [n("contact_id"), n("company_id")],
          items: [
            { kind: "ColumnDeclaration", name: n("contact_id"), type: n("text"), modifiers: [{ kind: "ColumnReference", entity: n("Contact") }] },
            { kind: "ColumnDeclaration", name: n("company_id"), type: n("text"), modifiers: [{ kind: "ColumnReference", entity: n("Company") }] },
            {
              kind: "ColumnGroup",
              name: n("contact"),
              from: num("1"),
              to: num("3"),
              columns: [
                { kind: "ColumnDeclaration", name: n("name"), header: s("Contactpersoon {n}"), type: n("text"), modifiers: [] },
                { kind: "ColumnDeclaration", name: n("role"), header: s("Functie {n}"), type: n("text"), modifiers: [] },
              ],
            },
            { kind: "DuplicatesRule", keep: "last" },
          ],
        },
      ],
    });
  });

  it("lets soft keywords name columns (type, key, source, order, model)", () => {
    const declaration = onlyDeclaration(`source s { entity E "e.csv" key key { key text  type text  source text  order integer  model text } }`) as {
      items: { items: { name: { value: string } }[] }[];
    };
    expect(declaration.items[0]?.items.map((column) => column.name.value)).toEqual(["key", "type", "source", "order", "model"]);
  });
});

describe("lookup", () => {
  it("matches existing Odoo records by one or more fields, with a missing policy", () => {
    expect(onlyDeclaration(`lookup user in res.users by email or login { missing fallback "admin"  archived include }`)).toEqual({
      kind: "LookupDeclaration",
      name: n("user"),
      model: q("res.users"),
      matchFields: [n("email"), n("login")],
      joiners: ["or"],
      items: [
        { kind: "MissingPolicy", policy: "fallback", fallback: s("admin") },
        { kind: "ArchivedSetting", include: true },
      ],
    });
  });

  it("takes each policy word and may have no body", () => {
    for (const policy of ["reject", "flag", "halt"]) {
      expect(onlyDeclaration(`lookup country in res.country by code { missing ${policy} }`)).toMatchObject({ items: [{ kind: "MissingPolicy", policy }] });
    }
    expect(onlyDeclaration(`lookup product in product.product by default_code`)).toEqual({
      kind: "LookupDeclaration",
      name: n("product"),
      model: q("product.product"),
      matchFields: [n("default_code")],
      joiners: [],
      items: [],
    });
  });

  it("matches several fields together, joined by and, and prints them as written", () => {
    const text = `lookup branch in res.partner by name and city { missing flag }`;
    expect(onlyDeclaration(text)).toMatchObject({ matchFields: [n("name"), n("city")], joiners: ["and"], items: [{ kind: "MissingPolicy", policy: "flag" }] });
    expect(onlyDeclaration(`lookup mixed in res.partner by name and city or email`)).toMatchObject({ joiners: ["and", "or"] });
    expect(print(parse(text).document)).toBe(`${text}\n`);
  });
});

describe("records", () => {
  it("declares reference records to ensure, or existing ones by external ID", () => {
    expect(
      onlyDeclaration(`records crm.stage match name {
        won      { name "Won"  sequence 70  is_won true  fold false }
        new      existing "crm.stage_lead1"
      }`),
    ).toEqual({
      kind: "RecordsDeclaration",
      model: q("crm.stage"),
      match: n("name"),
      entries: [
        {
          kind: "RecordEntry",
          name: n("won"),
          values: [
            { kind: "FieldValue", field: n("name"), value: s("Won") },
            { kind: "FieldValue", field: n("sequence"), value: num("70") },
            { kind: "FieldValue", field: n("is_won"), value: bool(true) },
            { kind: "FieldValue", field: n("fold"), value: bool(false) },
          ],
        },
        { kind: "RecordEntry", name: n("new"), existing: s("crm.stage_lead1"), values: [] },
      ],
    });
  });

  it("lets a record value name another record", () => {
    expect(onlyDeclaration(`records crm.stage { proposal { name "Proposal"  team_id sales } }`)).toMatchObject({
      entries: [{ values: [{ field: n("name") }, { field: n("team_id"), value: ref("sales") }] }],
    });
  });
});

describe("table", () => {
  it("maps keys to values with a default entry", () => {
    expect(
      onlyDeclaration(`table deal_stage: text -> crm.stage {
        "Closed Won"             -> won
        "Proposal", "Quote sent" -> proposal
        _                        -> reject
      }`),
    ).toEqual({
      kind: "TableDeclaration",
      name: n("deal_stage"),
      input: q("text"),
      output: q("crm.stage"),
      entries: [
        { kind: "TableEntry", keys: [s("Closed Won")], value: ref("won") },
        { kind: "TableEntry", keys: [s("Proposal"), s("Quote sent")], value: ref("proposal") },
        { kind: "TableDefault", action: "reject" },
      ],
    });
  });

  it("accepts every unmatched policy and a default value", () => {
    for (const action of ["reject", "flag", "keep", "empty"]) {
      expect(onlyDeclaration(`table t: text -> text { "a" -> "b"  _ -> ${action} }`)).toMatchObject({ entries: [{}, { kind: "TableDefault", action }] });
    }
    expect(onlyDeclaration(`table rating: integer -> text { 1 -> "cold"  2 -> "warm"  _ -> "hot" }`)).toMatchObject({
      entries: [{ keys: [num("1")] }, { keys: [num("2")] }, { kind: "TableDefault", action: "value", value: s("hot") }],
    });
  });
});

describe("extend", () => {
  it("declares custom fields with types, relations, labels, help, required and selection options", () => {
    expect(
      onlyDeclaration(`extend crm.lead {
        x_deal_score integer "Deal score" help "From Perfect Books" required
        x_rating     selection "Rating" { hot "Hot"  warm "Warm"  "very-cold" "Very cold" }
        x_referrer   many2one res.partner "Referred by"
        x_notes      text
      }`),
    ).toEqual({
      kind: "ExtendDeclaration",
      model: q("crm.lead"),
      items: [
        { kind: "CustomFieldDeclaration", name: n("x_deal_score"), type: n("integer"), label: s("Deal score"), help: s("From Perfect Books"), required: true, options: [] },
        {
          kind: "CustomFieldDeclaration",
          name: n("x_rating"),
          type: n("selection"),
          label: s("Rating"),
          required: false,
          options: [
            { kind: "SelectionOption", value: n("hot"), label: s("Hot") },
            { kind: "SelectionOption", value: n("warm"), label: s("Warm") },
            { kind: "SelectionOption", value: s("very-cold"), label: s("Very cold") },
          ],
        },
        { kind: "CustomFieldDeclaration", name: n("x_referrer"), type: n("many2one"), relation: q("res.partner"), label: s("Referred by"), required: false, options: [] },
        { kind: "CustomFieldDeclaration", name: n("x_notes"), type: n("text"), required: false, options: [] },
      ],
    });
  });

  it("chooses custom fields by target version", () => {
    expect(onlyDeclaration(`extend res.partner { if odoo >= "19.0" { x_mobile char "Mobile" } else { } }`)).toEqual({
      kind: "ExtendDeclaration",
      model: q("res.partner"),
      items: [
        {
          kind: "TargetIf",
          condition: { kind: "VersionCondition", operator: ">=", version: s("19.0") },
          then: [{ kind: "CustomFieldDeclaration", name: n("x_mobile"), type: n("char"), label: s("Mobile"), required: false, options: [] }],
          else: [],
        },
      ],
    });
  });
});

describe("map", () => {
  it("parses the header: entity, model, alias, condition", () => {
    expect(onlyDeclaration(`map Company -> res.partner as company when status != "deleted" { }`)).toEqual({
      kind: "MapDeclaration",
      entity: n("Company"),
      model: q("res.partner"),
      alias: n("company"),
      when: { kind: "ComparisonExpression", operator: "!=", left: col("status"), right: s("deleted") },
      body: [],
    });
  });

  it("parses constants, pipelines, refs, ignore, children and linked rows", () => {
    expect(
      onlyDeclaration(`map Quote -> sale.order as quote {
        state      = "draft"
        partner_id <- relation_id | ref org
        note       <- remarks | trim | truncate(200)
        ignore fax, internal_code
        order_line <- each QuoteLine by quote_id as quote_line {
          product_uom_qty <- quantity
        }
        with QuoteTag by quote_id order by position desc {
          tag_ids <- tag | ref tag
        }
      }`),
    ).toEqual({
      kind: "MapDeclaration",
      entity: n("Quote"),
      model: q("sale.order"),
      alias: n("quote"),
      body: [
        { kind: "Assignment", field: n("state"), operator: "=", value: s("draft") },
        { kind: "Assignment", field: n("partner_id"), operator: "<-", value: { kind: "PipeExpression", input: col("relation_id"), steps: [{ kind: "RefStep", alias: n("org") }] } },
        {
          kind: "Assignment",
          field: n("note"),
          operator: "<-",
          value: {
            kind: "PipeExpression",
            input: col("remarks"),
            steps: [
              { kind: "CallStep", callee: n("trim") },
              { kind: "CallStep", callee: n("truncate"), args: [num("200")] },
            ],
          },
        },
        { kind: "IgnoreStatement", columns: [col("fax"), col("internal_code")] },
        {
          kind: "Assignment",
          field: n("order_line"),
          operator: "<-",
          value: {
            kind: "EachBlock",
            entity: n("QuoteLine"),
            by: n("quote_id"),
            alias: n("quote_line"),
            body: [{ kind: "Assignment", field: n("product_uom_qty"), operator: "<-", value: col("quantity") }],
          },
        },
        {
          kind: "WithBlock",
          entity: n("QuoteTag"),
          by: n("quote_id"),
          orderBy: n("position"),
          descending: true,
          body: [{ kind: "Assignment", field: n("tag_ids"), operator: "<-", value: { kind: "PipeExpression", input: col("tag"), steps: [{ kind: "RefStep", alias: n("tag") }] } }],
        },
      ],
    });
  });

  it("filters the linked rows of a `with` block", () => {
    expect(onlyDeclaration(`map Note -> mail.message { with Attachment by parent_id when parent_type = "Note" order by id { attachment_ids <- id | ref file } }`)).toMatchObject({
      body: [
        {
          kind: "WithBlock",
          entity: n("Attachment"),
          by: n("parent_id"),
          when: { kind: "ComparisonExpression", operator: "=", left: col("parent_type"), right: s("Note") },
          orderBy: n("id"),
          descending: false,
        },
      ],
    });
  });

  it("declares a fallback model for an app the target may lack", () => {
    expect(onlyDeclaration(`map Case -> helpdesk.ticket as ticket { name <- subject } fallback crm.lead { name <- subject  type = "lead" }`)).toEqual({
      kind: "MapDeclaration",
      entity: n("Case"),
      model: q("helpdesk.ticket"),
      alias: n("ticket"),
      body: [{ kind: "Assignment", field: n("name"), operator: "<-", value: col("subject") }],
      fallback: {
        kind: "FallbackTarget",
        model: q("crm.lead"),
        body: [
          { kind: "Assignment", field: n("name"), operator: "<-", value: col("subject") },
          { kind: "Assignment", field: n("type"), operator: "=", value: s("lead") },
        ],
      },
    });
  });

  it("chooses assignments by target version or installed model", () => {
    expect(onlyDeclaration(`map C -> res.partner { if odoo < "19.0" { mobile <- mobile } else if odoo has res.partner.x_mobile { x_mobile <- mobile } }`)).toMatchObject({
      body: [
        {
          kind: "TargetIf",
          condition: { kind: "VersionCondition", operator: "<", version: s("19.0") },
          then: [{ field: n("mobile") }],
          else: { kind: "TargetIf", condition: { kind: "HasCondition", negated: false, name: q("res.partner.x_mobile") }, then: [{ field: n("x_mobile") }] },
        },
      ],
    });
    expect(onlyDeclaration(`map C -> res.partner { if odoo lacks helpdesk.ticket { } }`)).toMatchObject({
      body: [{ kind: "TargetIf", condition: { kind: "HasCondition", negated: true, name: q("helpdesk.ticket") } }],
    });
  });

  it("lets Odoo field names that are soft keywords be assigned (ref, type, model, source)", () => {
    expect(onlyDeclaration(`map C -> res.partner { ref <- number  type = "contact"  model = "x"  source <- origin }`)).toMatchObject({
      body: [{ field: n("ref") }, { field: n("type") }, { field: n("model") }, { field: n("source") }],
    });
    expect(onlyDeclaration(`test "t" { expect res.partner { ref "C1" } }`)).toMatchObject({ items: [{ values: [{ field: n("ref"), value: s("C1") }] }] });
  });
});

describe("split", () => {
  it("parses named targets with conditions, repetition over a column group and sibling refs", () => {
    expect(
      onlyDeclaration(`split Relation when kind != "archived" {
        org: res.partner when company_name is present { is_company = true }
        person: res.partner for each contact when contact.name is present { parent_id <- ref org }
      }`),
    ).toEqual({
      kind: "SplitDeclaration",
      entity: n("Relation"),
      when: { kind: "ComparisonExpression", operator: "!=", left: col("kind"), right: s("archived") },
      targets: [
        {
          kind: "SplitTarget",
          alias: n("org"),
          model: q("res.partner"),
          when: { kind: "IsExpression", operand: col("company_name"), negated: false, test: "present" },
          body: [{ kind: "Assignment", field: n("is_company"), operator: "=", value: bool(true) }],
        },
        {
          kind: "SplitTarget",
          alias: n("person"),
          model: q("res.partner"),
          forEach: n("contact"),
          when: { kind: "IsExpression", operand: col("contact", "name"), negated: false, test: "present" },
          body: [{ kind: "Assignment", field: n("parent_id"), operator: "<-", value: { kind: "RefExpression", alias: n("org") } }],
        },
      ],
    });
  });
});

describe("expressions", () => {
  const value = (source: string): unknown => {
    const result = parse(`map E -> m { f <- ${source} }`, "test.flitmap");
    expect(result.diagnostics).toEqual([]);
    const map = result.document.declarations[0];
    if (map?.kind !== "MapDeclaration") throw new Error("not a map");
    const assignment = map.body[0];
    if (assignment?.kind !== "Assignment") throw new Error("not an assignment");
    return withoutRanges(assignment.value);
  };

  it("binds `|` tighter than `??`, and `??` tighter than comparisons", () => {
    expect(value(`a | trim ?? b = "x"`)).toEqual({
      kind: "ComparisonExpression",
      operator: "=",
      left: {
        kind: "CoalesceExpression",
        operands: [{ kind: "PipeExpression", input: col("a"), steps: [{ kind: "CallStep", callee: n("trim") }] }, col("b")],
      },
      right: s("x"),
    });
  });

  it("binds `not` tighter than `and`, and `and` tighter than `or`", () => {
    expect(value(`not a is empty and b or c in ["x", "y"]`)).toEqual({
      kind: "LogicalExpression",
      operator: "or",
      operands: [
        {
          kind: "LogicalExpression",
          operator: "and",
          operands: [{ kind: "NotExpression", operand: { kind: "IsExpression", operand: col("a"), negated: false, test: "empty" } }, col("b")],
        },
        { kind: "InExpression", operand: col("c"), negated: false, list: { kind: "ListExpression", items: [s("x"), s("y")] } },
      ],
    });
  });

  it("parses negated tests and every comparison operator", () => {
    expect(value(`a is not present`)).toEqual({ kind: "IsExpression", operand: col("a"), negated: true, test: "present" });
    expect(value(`a not in [1, 2]`)).toEqual({ kind: "InExpression", operand: col("a"), negated: true, list: { kind: "ListExpression", items: [num("1"), num("2")] } });
    for (const operator of ["=", "!=", "<", "<=", ">", ">="]) {
      expect(value(`a ${operator} -1.5`)).toEqual({ kind: "ComparisonExpression", operator, left: col("a"), right: num("-1.5") });
    }
  });

  it("parses conditional values, templates with expressions, parentheses and sibling refs", () => {
    expect(value(`if stage in ["won"] then "opportunity" else "lead"`)).toEqual({
      kind: "IfExpression",
      condition: { kind: "InExpression", operand: col("stage"), negated: false, list: { kind: "ListExpression", items: [s("won")] } },
      then: s("opportunity"),
      else: s("lead"),
    });
    expect(value("`{first} {last | upper}!`")).toEqual({
      kind: "TemplateExpression",
      parts: [
        col("first"),
        { kind: "TemplateText", value: " ", raw: " " },
        { kind: "PipeExpression", input: col("last"), steps: [{ kind: "CallStep", callee: n("upper") }] },
        { kind: "TemplateText", value: "!", raw: "!" },
      ],
    });
    expect(value(`(a ?? b) | trim`)).toEqual({
      kind: "PipeExpression",
      input: { kind: "ParenthesizedExpression", expression: { kind: "CoalesceExpression", operands: [col("a"), col("b")] } },
      steps: [{ kind: "CallStep", callee: n("trim") }],
    });
    expect(value(`ref org`)).toEqual({ kind: "RefExpression", alias: n("org") });
  });

  it("reads `if ... then` without `else`, binding a later `else` to the nearest `if`", () => {
    expect(value(`if won then close_date`)).toEqual({ kind: "IfExpression", condition: col("won"), then: col("close_date") });
    expect(value(`if a then if b then c else d`)).toEqual({
      kind: "IfExpression",
      condition: col("a"),
      then: { kind: "IfExpression", condition: col("b"), then: col("c"), else: col("d") },
    });
  });

  it("reads escapes in strings and templates", () => {
    expect(value(`"say \\"hi\\"\\n"`)).toEqual(s('say "hi"\n'));
    expect(value("`a \\{b\\} \\``")).toEqual({ kind: "TemplateExpression", parts: [{ kind: "TemplateText", value: "a {b} `", raw: "a \\{b\\} \\`" }] });
  });

  it("reads calls with several arguments, including expressions", () => {
    expect(value(`d | date("dd-MM-yyyy", tz) | default(a ?? "x")`)).toEqual({
      kind: "PipeExpression",
      input: col("d"),
      steps: [
        { kind: "CallStep", callee: n("date"), args: [s("dd-MM-yyyy"), col("tz")] },
        { kind: "CallStep", callee: n("default"), args: [{ kind: "CoalesceExpression", operands: [col("a"), s("x")] }] },
      ],
    });
  });

  it("reads one instance of a column group, and a list after `in`", () => {
    expect(value("contact[1].name ?? email")).toEqual({
      kind: "CoalesceExpression",
      operands: [{ kind: "ColumnPath", parts: [n("contact"), n("name")], instance: num("1") }, col("email")],
    });
    expect(value(`kind in ["a"]`)).toEqual({ kind: "InExpression", operand: col("kind"), negated: false, list: { kind: "ListExpression", items: [s("a")] } });
  });
});

describe("test blocks", () => {
  it("parses an expected number of records", () => {
    expect(
      onlyDeclaration(`test "three contacts" {
        expect 3 res.partner { x_rol "Projectleider" }
        expect 0 res.partner {}
      }`),
    ).toEqual({
      kind: "TestDeclaration",
      name: s("three contacts"),
      items: [
        { kind: "ExpectRecord", count: num("3"), model: q("res.partner"), values: [{ kind: "FieldValue", field: n("x_rol"), value: s("Projectleider") }] },
        { kind: "ExpectRecord", count: num("0"), model: q("res.partner"), values: [] },
      ],
    });
  });

  it("parses given rows and expectations", () => {
    expect(
      onlyDeclaration(`test "a won deal keeps its amount" {
        given Deal { id "D1"  amount "£1,200.00"  "Company Name" "Acme" }
        expect crm.lead { name "Smith v Jones"  expected_revenue 1200  stage_id won }
        expect reject Deal "unknown stage"
        expect skip Contact
      }`),
    ).toEqual({
      kind: "TestDeclaration",
      name: s("a won deal keeps its amount"),
      items: [
        {
          kind: "GivenRow",
          entity: n("Deal"),
          cells: [
            { kind: "FieldValue", field: n("id"), value: s("D1") },
            { kind: "FieldValue", field: n("amount"), value: s("£1,200.00") },
            { kind: "FieldValue", field: s("Company Name"), value: s("Acme") },
          ],
        },
        {
          kind: "ExpectRecord",
          model: q("crm.lead"),
          values: [
            { kind: "FieldValue", field: n("name"), value: s("Smith v Jones") },
            { kind: "FieldValue", field: n("expected_revenue"), value: num("1200") },
            { kind: "FieldValue", field: n("stage_id"), value: ref("won") },
          ],
        },
        { kind: "ExpectOutcome", outcome: "reject", entity: n("Deal"), message: s("unknown stage") },
        { kind: "ExpectOutcome", outcome: "skip", entity: n("Contact") },
      ],
    });
  });
});

describe("comments and ranges", () => {
  it("keeps line and block comments with their ranges", () => {
    const result = parse(`// header\nmap E -> m { /* inline */ f <- a }`, "f.flitmap");
    expect(result.diagnostics).toEqual([]);
    expect(result.document.comments.map((comment) => [comment.kind, comment.text, comment.range.start.line, comment.range.start.column])).toEqual([
      ["LineComment", "// header", 1, 1],
      ["BlockComment", "/* inline */", 2, 14],
    ]);
  });

  it("gives every node its source range, end exclusive", () => {
    const text = `map Company -> res.partner as company {\n  name <- company_name | trim\n}\n`;
    const result = parse(text, "f.flitmap");
    const map = result.document.declarations[0];
    if (map?.kind !== "MapDeclaration") throw new Error("expected a map");
    expect(map.range).toEqual({ start: { offset: 0, line: 1, column: 1 }, end: { offset: 71, line: 3, column: 2 } });
    if (map.entity.kind !== "Name") throw new Error("expected a name");
    expect(map.entity.range).toEqual({ start: { offset: 4, line: 1, column: 5 }, end: { offset: 11, line: 1, column: 12 } });
    const assignment = map.body[0];
    if (assignment?.kind !== "Assignment" || assignment.value.kind !== "PipeExpression") throw new Error("expected a pipeline");
    expect(text.slice(assignment.range.start.offset, assignment.range.end.offset)).toBe("name <- company_name | trim");
    expect(text.slice(assignment.value.range.start.offset, assignment.value.range.end.offset)).toBe("company_name | trim");
    const step = assignment.value.steps[0];
    expect(step?.range.start).toEqual({ offset: 65, line: 2, column: 26 });
  });

  it("parses an empty file and a file of comments", () => {
    expect(parse("", "f.flitmap").document.declarations).toEqual([]);
    expect(parse("// only a comment\n", "f.flitmap").diagnostics).toEqual([]);
  });
});
