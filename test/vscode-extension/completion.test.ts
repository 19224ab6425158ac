import { describe, expect, it } from "vitest";
import type { CompletionItem } from "vscode-languageserver";
import { loadShippedCatalog } from "../../compiler/catalog/index.js";
import { lineStartsOf } from "../../language/location.js";
import { parse } from "../../language/parse.js";
import { completions } from "../../vscode-extension/server/features/completion.js";
import { BASE_FILES, MIGRATION } from "./fixture.js";
import { lspRange, markedPackage } from "./helpers.js";

/** The items offered where `‸` stands in maps.flitmap of the fixture package, in the order the editor lists them. */
function itemsAt(source: string, options: { analysed?: boolean } = {}): CompletionItem[] {
  const { analysis, text, offset, file } = markedPackage({ ...BASE_FILES, "maps.flitmap": source });
  const items = completions({
    text,
    offset,
    document: parse(text, file).document,
    lineStarts: lineStartsOf(text),
    analysis: options.analysed === false ? undefined : analysis,
  });
  return items.sort((left, right) =>
    (left.sortText ?? left.label) < (right.sortText ?? right.label) ? -1 : (left.sortText ?? left.label) > (right.sortText ?? right.label) ? 1 : 0,
  );
}

const labelsAt = (source: string): string[] => itemsAt(source).map((item) => item.label);

describe("fields of the target's model", () => {
  it("offers the writable fields not set yet at a body's statement start, what Odoo requires first, then the body's keywords", () => {
    const items = itemsAt("map Company -> res.partner as company {\n  email <- mail\n  ‸\n}");
    const labels = items.map((item) => item.label);
    expect(labels.slice(0, 6)).toEqual(["name", "active", "activity_ids", "activity_summary", "activity_type_id", "additional_info"]);
    // `ref` is a field of res.partner: the keyword would write the same.
    expect(labels.slice(-10)).toEqual(["zip", "and", "if", "ignore", "in", "is", "let", "not", "or", "with"]);
    // Set already, or computed by Odoo (not kept when written): not offered.
    expect(labels).not.toContain("email");
    expect(labels).not.toContain("display_name");
    expect(labels).not.toContain("self");
    const partner = loadShippedCatalog("17.0").models["res.partner"];
    const writable = Object.values(partner?.fields ?? {}).filter((field) => field.writability.writable !== "no" && field.name !== "email");
    expect(
      items
        .filter((item) => item.kind === 5)
        .map((item) => item.label)
        .sort(),
    ).toEqual(writable.map((field) => field.name).sort());
    expect(items.find((item) => item.label === "parent_id")).toEqual({
      label: "parent_id",
      kind: 5,
      sortText: "1parent_id",
      detail: "many2one → res.partner",
      labelDetails: { detail: " many2one → res.partner", description: "Related Company" },
      documentation: {
        kind: "markdown",
        value:
          '```flitmap\nres.partner.parent_id: many2one → res.partner\n```\n\n**Related Company**\n\nOdoo refuses a record that would become its own ancestor ("You cannot create recursive Partner hierarchies.")\n\nIn Odoo 17.0, 18.0, 19.0',
      },
      textEdit: { range: lspRange(2, 2, 2, 2), newText: "parent_id" },
    });
  });

  it("offers only the fields the value fits when the assignment already has one: after `ref company`, the many2one and many2many to res.partner", () => {
    expect(
      labelsAt("map Company -> res.partner as company {\n  name <- naam\n  pa‸ <- parent_id | ref company\n}").filter((label) => label.includes("_")),
    ).toEqual(["commercial_partner_id", "message_partner_ids", "parent_id"]);
    expect(labelsAt("map Company -> crm.lead {\n  name <- naam\n  st‸ <- stage | deal_stage\n}").filter((label) => label.includes("_"))).toEqual(["stage_id"]);
  });

  it("offers the fields of the one2many's relation in an `each` body", () => {
    expect(
      labelsAt(
        "map Order -> sale.order {\n  partner_id <- customer | ref company\n  order_line <- each OrderLine by order_id {\n    product_uom_qty <- qty\n    ‸\n  }\n}",
      ).slice(0, 5),
    ).toEqual(["customer_lead", "name", "order_id", "price_unit", "analytic_distribution"]);
  });

  it("offers the fields of a records entry, of an `expect` block and after a lookup's `by`", () => {
    expect(labelsAt("records crm.stage {\n  open { sequence 5  ‸ }\n}")).toEqual([
      "create_date",
      "create_uid",
      "fold",
      "id",
      "is_won",
      "name",
      "requirements",
      "team_id",
      "write_date",
      "write_uid",
    ]);
    expect(labelsAt('test "t" {\n  expect crm.stage { name "x"  ‸ }\n}')).toContain("display_name");
    expect(labelsAt("lookup country in res.country by ‸").slice(0, 4)).toEqual(["address_format", "address_view_id", "code", "country_group_ids"]);
  });
});

describe("values", () => {
  it("offers the entity's columns after `<-`, and the keywords an expression may start with", () => {
    expect(labelsAt("map Company -> res.partner {\n  name <- ‸\n}")).toEqual([
      "id",
      "kind",
      "mail",
      "naam",
      "parent_id",
      "stage",
      "each",
      "false",
      "if",
      "not",
      "ref",
      "setting",
      "true",
    ]);
    const naam = itemsAt("map Company -> res.partner {\n  name <- na‸\n}").find((item) => item.label === "naam");
    expect(naam).toEqual({
      label: "naam",
      kind: 5,
      sortText: "1naam",
      detail: "text · column of Company",
      documentation: {
        kind: "markdown",
        value: '```flitmap\n(column) Company.naam: text\n```\n\nHeader `"Bedrijfsnaam"` in `companies*.csv` (entity Company of source pb)\n\nrequired',
      },
      textEdit: { range: lspRange(1, 10, 1, 12), newText: "naam" },
    });
  });

  it("offers the columns of a `with` block's entity first, then the row's own", () => {
    expect(labelsAt("map Order -> crm.lead {\n  name <- id\n  with Link by order_id {\n    description <- ‸\n  }\n}")).toEqual([
      "company_id",
      "note",
      "order_id",
      "customer",
      "id",
      "each",
      "false",
      "if",
      "not",
      "ref",
      "setting",
      "true",
    ]);
  });

  it("offers the columns of a group after its name and a dot, in a split target and a template hole", () => {
    const items = itemsAt("split Relation {\n  org: res.partner { name <- company_name }\n  person: res.partner for each contact { name <- contact.‸ }\n}");
    expect(items.map((item) => [item.label, item.textEdit])).toEqual([
      ["name", { range: lspRange(2, 49, 2, 57), newText: "contact.name" }],
      ["phone", { range: lspRange(2, 49, 2, 57), newText: "contact.phone" }],
    ]);
    expect(labelsAt("split Relation {\n  org: res.partner { name <- `{company_name} {contact.‸}` }\n}")).toEqual(["name", "phone"]);
    expect(labelsAt("map Company -> res.partner { name <- `{na‸}` }").slice(0, 6)).toEqual(["id", "kind", "mail", "naam", "parent_id", "stage"]);
  });

  it("offers Entity.column in `get(...)`", () => {
    expect(labelsAt("map Order -> crm.lead {\n  name <- customer | get(‸)\n}")).toEqual([
      "Company.id",
      "Company.kind",
      "Company.mail",
      "Company.naam",
      "Company.parent_id",
      "Company.stage",
      "Link.company_id",
      "Link.note",
      "Link.order_id",
      "Order.customer",
      "Order.id",
      "OrderLine.id",
      "OrderLine.order_id",
      "OrderLine.product",
      "OrderLine.qty",
      "Relation.company_name",
      "Relation.id",
    ]);
  });

  it("offers the entity's columns after `by` in `get(Entity.column by ...)`", () => {
    expect(labelsAt("map Order -> crm.lead {\n  name <- customer | get(Company.mail by ‸)\n}")).toEqual(["id", "kind", "mail", "naam", "parent_id", "stage"]);
  });

  it("offers the selection's keys after `=`, quoted, replacing the quotes the editor closed", () => {
    const items = itemsAt('map Company -> crm.lead {\n  name <- naam\n  type = "‸"\n}');
    expect(items).toEqual([
      { label: '"lead"', kind: 20, sortText: '0"lead"', detail: "Lead", textEdit: { range: lspRange(2, 9, 2, 11), newText: '"lead"' } },
      {
        label: '"opportunity"',
        kind: 20,
        sortText: '0"opportunity"',
        detail: "Opportunity",
        textEdit: { range: lspRange(2, 9, 2, 11), newText: '"opportunity"' },
      },
    ]);
    expect(labelsAt('map Company -> crm.lead {\n  name <- naam\n  type = "opp‸')).toEqual(['"lead"', '"opportunity"']);
  });

  it("offers the records of a many2one's model after `=`", () => {
    expect(labelsAt("map Company -> crm.lead {\n  name <- naam\n  stage_id = ‸\n}")).toEqual(["lost", "won", "each", "false", "if", "not", "ref", "setting", "true"]);
  });

  it("offers the keys of the table a column is read through, where it is compared or given in a test", () => {
    const maps = "map Company -> crm.lead {\n  name <- naam\n  stage_id <- stage | deal_stage\n}\n";
    expect(labelsAt(`${maps}map Company -> res.partner when stage = ‸ {\n  name <- naam\n}`).slice(0, 3)).toEqual(['"Closed Lost"', '"Closed Won"', "id"]);
    expect(labelsAt(`${maps}map Company -> res.partner when stage not in ["Closed Won", ‸] {\n  name <- naam\n}`).slice(0, 2)).toEqual([
      '"Closed Lost"',
      '"Closed Won"',
    ]);
    const given = itemsAt(`${maps}test "won" {\n  given Company { id "1"  stage ‸ }\n}`);
    expect(given.map((item) => [item.label, item.detail])).toEqual([
      ['"Closed Lost"', 'deal_stage: "Closed Lost" -> lost'],
      ['"Closed Won"', 'deal_stage: "Closed Won" -> won'],
    ]);
  });
});

describe("pipeline steps and aliases", () => {
  it("offers tables and lookups (those making the field's model first), then built-ins with their signatures", () => {
    const items = itemsAt("map Company -> crm.lead {\n  name <- naam\n  stage_id <- stage | ‸\n}");
    expect(items.slice(0, 5).map((item) => [item.label, item.detail])).toEqual([
      ["deal_stage", "table deal_stage: text -> crm.stage"],
      ["lead_kind", "table lead_kind: text -> text"],
      ["user", "lookup user in res.users by login"],
      ["add_days", "add_days(days): date or datetime → the input's type"],
      ["add_minutes", "add_minutes(minutes): datetime → datetime"],
    ]);
    expect(items.find((item) => item.label === "truncate")).toMatchObject({
      kind: 3,
      detail: "truncate(length): text → text",
      insertTextFormat: 2,
      textEdit: { range: lspRange(2, 22, 2, 22), newText: "truncate(${1:length})" },
    });
    expect(items.map((item) => item.label).at(-1)).toBe("ref");
  });

  it("offers duration, business_id and swap_name after `|`, with their arguments to fill in", () => {
    const items = itemsAt("map Company -> res.partner {\n  name <- naam | ‸\n}");
    expect(items.find((item) => item.label === "duration")).toMatchObject({ detail: "duration([unit], [on_invalid]): text → decimal" });
    expect(items.find((item) => item.label === "business_id")).toMatchObject({
      detail: "business_id(country, [on_invalid]): text → text",
      textEdit: { newText: "business_id(${1:country})" },
    });
    expect(items.find((item) => item.label === "swap_name")).toMatchObject({ detail: "swap_name: text → text" });
  });

  it("offers the package's named steps after `|`, in a map and in another step", () => {
    const steps = 'step tidy = trim | upper\nstep shout = tidy | replace("!", "")\n';
    const items = itemsAt(`${steps}map Company -> res.partner {\n  name <- naam | ‸\n}`);
    expect(items.find((item) => item.label === "tidy")).toMatchObject({
      kind: 3,
      detail: "step tidy",
      documentation: { kind: "markdown", value: "```flitmap\nstep tidy = trim | upper\n```\n\nA named step: `| tidy` applies its 2 steps to the value piped into it" },
    });
    expect(labelsAt(`${steps}step louder = shout | ‸`)).toContain("tidy");
    expect(labelsAt(`${steps}step louder = ‸`)).toContain("shout");
    expect(labelsAt(`${steps}step louder = shout ?? ‸`)).toEqual(expect.arrayContaining(["tidy", "trim"]));
  });

  it("offers after `ref` the aliases whose model the field points to", () => {
    const maps = "map Company -> res.partner as company {\n  name <- naam\n}\nmap Order -> crm.lead as deal {\n  name <- id\n}\n";
    expect(
      itemsAt(`${maps}map OrderLine -> crm.lead {\n  name <- product\n  partner_id <- order_id | ref ‸\n}`).map((item) => [item.label, item.detail]),
    ).toEqual([["company", "map Company -> res.partner"]]);
    // A field that is not relational (or unknown): every alias.
    expect(labelsAt(`${maps}map OrderLine -> crm.lead {\n  name <- product\n  x_origin <- order_id | ref ‸\n}`)).toEqual(["company", "deal", "order_line"]);
  });

  it("offers the other targets of the split after `ref` alone", () => {
    expect(
      itemsAt(
        "split Relation {\n  org: res.partner { name <- company_name }\n  person: res.partner for each contact { name <- contact.name  parent_id <- ref ‸ }\n}",
      ).map((item) => [item.label, item.detail]),
    ).toEqual([["org", "split Relation: org -> res.partner"]]);
  });
});

describe("headers and declarations", () => {
  it("offers entities after `map`, and models after `->`, replacing the dotted name typed so far", () => {
    expect(labelsAt("map ‸")).toEqual(["Company", "Link", "Order", "OrderLine", "Relation"]);
    const models = itemsAt("map Company -> res.par‸");
    expect(models.find((item) => item.label === "res.partner")).toEqual({
      label: "res.partner",
      kind: 9,
      sortText: "1res.partner",
      detail: "Contact",
      textEdit: { range: lspRange(0, 15, 0, 22), newText: "res.partner" },
    });
    expect(models).toHaveLength(38);
  });

  it("offers column types after a column's name, key columns from the entity's block, and Odoo types and models in extend", () => {
    expect(labelsAt('source more {\n  entity Extra "extra.csv" key id {\n    id "Nummer" ‸\n  }\n}')).toEqual([
      "boolean",
      "date",
      "datetime",
      "decimal",
      "email",
      "file",
      "integer",
      "money",
      "phone",
      "text",
      "url",
    ]);
    expect(
      labelsAt('source more {\n  entity Extra "extra.csv" key (‸) {\n    id text\n    code "Code" text\n    group g[1..2] { a "A {n}" text }\n  }\n}'),
    ).toEqual(["code", "id"]);
    expect(labelsAt("extend res.partner {\n  x_score ‸\n}")).toEqual([
      "binary",
      "boolean",
      "char",
      "date",
      "datetime",
      "float",
      "html",
      "integer",
      "many2many",
      "many2one",
      "monetary",
      "one2many",
      "selection",
      "text",
    ]);
    expect(labelsAt("extend res.partner {\n  x_parent many2one ‸\n}")).toContain("res.partner.category");
    expect(labelsAt("table t: text -> ‸").slice(10, 13)).toEqual(["url", "account.journal", "account.move"]);
  });

  it("offers sources, rule names, severities and the shipped Odoo versions in a migration", () => {
    expect(labelsAt("migration m {\n  source ‸\n}")).toEqual(["pb"]);
    expect(labelsAt("migration m {\n  rule unmapped_column ‸\n}")).toEqual(["error", "off", "warn"]);
    expect(labelsAt("migration m {\n  deleted ‸\n}")).toEqual(["archive", "report"]);
    expect(labelsAt('migration m {\n  xmlid "pb"\n  ‸\n}')).toContain("deleted");
    expect(labelsAt("migration m {\n  rule ‸\n}").slice(0, 3)).toEqual(["archive_without_active", "arithmetic_operand", "computed_field"]);
    expect(labelsAt("migration m {\n  target odoo ‸\n}")).toEqual(['"17.0"', '"18.0"', '"19.0"', "schema"]);
    expect(labelsAt('source more {\n  csv { delimiter ";"  ‸ }\n}')).toEqual([
      "currency",
      "date",
      "datetime",
      "decimal",
      "delimiter",
      "empty_values",
      "encoding",
      "false_words",
      "quote",
      "timezone",
      "true_words",
    ]);
    // An option's value: no names, the literals the grammar names.
    expect(labelsAt("source more {\n  csv { delimiter ‸ }\n}")).toEqual(["false", "true"]);
  });

  it("offers the columns of the entity after `ignore`, `with ... by` and `each ... by`", () => {
    expect(labelsAt("map Company -> res.partner {\n  name <- naam\n  ignore mail, ‸\n}")).toEqual(["id", "kind", "mail", "naam", "parent_id", "stage"]);
    expect(labelsAt("map Order -> crm.lead {\n  with Link by ‸\n}")).toEqual(["company_id", "note", "order_id"]);
    expect(labelsAt("map Order -> crm.lead {\n  with Link by order_id when ‸\n}").slice(0, 3)).toEqual(["company_id", "note", "order_id"]);
    expect(labelsAt("map Order -> sale.order {\n  order_line <- each OrderLine by ‸\n}")).toEqual(["id", "order_id", "product", "qty"]);
  });
});

describe("settings", () => {
  it("offers the migration's settings after `if setting`, and their known values after `=`", () => {
    const migration = MIGRATION.replace('  xmlid "pb"\n', '  xmlid "pb"\n  setting links "categories"\n  setting owners "strict"\n');
    const at = (source: string): string[] => {
      const { analysis, text, offset, file } = markedPackage({ ...BASE_FILES, "migration.flitmap": migration, "maps.flitmap": source });
      return completions({ text, offset, document: parse(text, file).document, lineStarts: lineStartsOf(text), analysis }).map((item) => item.label);
    };
    expect(at("map Company -> res.partner {\n  name <- naam\n  if setting ‸\n}")).toEqual(["links", "owners"]);
    expect(at("map Company -> res.partner {\n  name <- naam\n  comment <- setting ‸\n}")).toEqual(["links", "owners"]);
    expect(at('map Company -> res.partner {\n  name <- naam\n  if setting links = "text" { comment <- kind }\n  if setting links != ‸\n}')).toEqual([
      '"categories"',
      '"text"',
    ]);
  });
});

describe("where nothing is offered", () => {
  it("offers nothing in comments, plain strings and template text", () => {
    expect(labelsAt("// map Company -> ‸")).toEqual([]);
    expect(labelsAt('map Company -> res.partner { name <- "‸" }')).toEqual([]);
    expect(labelsAt("map Company -> res.partner { name <- `{naam} ‸` }")).toEqual([]);
  });

  it("offers keywords alone before the package has been analysed", () => {
    expect(itemsAt("map Company -> res.partner {\n  name <- naam\n  ‸\n}", { analysed: false }).map((item) => item.label)).toEqual([
      "and",
      "if",
      "ignore",
      "in",
      "is",
      "let",
      "not",
      "or",
      "ref",
      "with",
    ]);
  });
});
