import { describe, expect, it } from "vitest";
import { hover } from "../../vscode-extension/server/features/hover.js";
import { BASE_FILES, MIGRATION } from "./fixture.js";
import { lspRange, markedPackage } from "./helpers.js";

/** The hover's Markdown and range where `‸` stands in maps.flitmap of the fixture package. */
function hoverAt(source: string, files: Readonly<Record<string, string>> = {}): { value: string; range: unknown } | null {
  const { analysis, offset, file } = markedPackage({ ...BASE_FILES, ...files, "maps.flitmap": source });
  const result = hover(analysis, file, offset);
  if (result === null) return null;
  const contents = result.contents as { kind: string; value: string };
  expect(contents.kind).toBe("markdown");
  return { value: contents.value, range: result.range };
}

describe("hover on Odoo names", () => {
  it("shows an Odoo field's type, relation, label, required, help and the versions that have it", () => {
    expect(hoverAt("map Company -> res.partner {\n  name <- naam\n  property_account_pay‸able_id <- mail\n}")).toEqual({
      value:
        "```flitmap\nres.partner.property_account_payable_id: many2one → account.account\n```\n\n**Account Payable** · required\n\nThis account will be used instead of the default one as the payable account for the current partner\n\nIn Odoo 17.0, 18.0, 19.0",
      range: lspRange(2, 2, 2, 29),
    });
    expect(hoverAt("map Company -> res.partner {\n  name <- naam\n  mob‸ile <- mail\n}")?.value).toBe(
      "```flitmap\nres.partner.mobile: char\n```\n\n**Mobile**\n\nIn Odoo 17.0, 18.0; not in 19.0",
    );
  });

  it("tells what Odoo enforces beyond fields_get: a partner's name, a lead's probability", () => {
    expect(hoverAt("map Company -> res.partner {\n  na‸me <- naam\n}")?.value).toBe(
      '```flitmap\nres.partner.name: char\n```\n\n**Name** · required by a constraint\n\nOdoo refuses it empty ("Contacts require a name") when type is "contact" (the default); delivery, invoice and other addresses may be nameless\n\nIn Odoo 17.0, 18.0, 19.0',
    );
    expect(hoverAt("map Company -> crm.lead {\n  name <- naam\n  probabi‸lity <- kind | number\n}")?.value).toBe(
      '```flitmap\ncrm.lead.probability: float\n```\n\n**Probability**\n\nOdoo takes 0 to 100 ("The probability of closing the deal should be between 0% and 100%!")\n\nIn Odoo 17.0, 18.0, 19.0',
    );
  });

  it("lists a selection field's keys", () => {
    expect(hoverAt('map Company -> crm.lead {\n  name <- naam\n  ty‸pe = "lead"\n}')?.value).toBe(
      '```flitmap\ncrm.lead.type: selection\n```\n\n**Type** · required\n\nKeys: `"lead"` (Lead), `"opportunity"` (Opportunity)\n\nIn Odoo 17.0, 18.0, 19.0',
    );
  });

  it("says when Odoo keeps no value written to a field, and on a read-only one", () => {
    expect(hoverAt("map Company -> res.partner {\n  name <- naam\n  display_na‸me <- naam\n}")?.value).toBe(
      "```flitmap\nres.partner.display_name: char\n```\n\n**Display Name** · read-only\n\nNot kept when written through the API: read-only and not stored: a computed field without inverse, Odoo discards written values\n\nIn Odoo 17.0, 18.0, 19.0",
    );
  });

  it("shows a field the target lacks with the versions that have it", () => {
    const on19 = MIGRATION.replace('"17.0"', '"19.0"');
    expect(hoverAt("map Company -> res.partner {\n  name <- naam\n  mob‸ile <- mail\n}", { "migration.flitmap": on19 })?.value).toBe(
      "```flitmap\nres.partner.mobile\n```\n\nNot a field of res.partner in Odoo 19.0, the target\n\nIn Odoo 17.0, 18.0; not in 19.0",
    );
  });

  it("shows a custom field as the field the extend block creates", () => {
    expect(
      hoverAt(
        'extend res.partner { x_score integer "Score" help "Scored by the old CRM" required }\nmap Company -> res.partner {\n  name <- naam\n  x_sc‸ore <- stage | integer\n}',
      ),
    ).toEqual({
      value:
        "```flitmap\nres.partner.x_score: integer\n```\n\n**Score** · required\n\nScored by the old CRM\n\nCustom field, declared in an `extend res.partner` block: created before the load",
      range: lspRange(3, 2, 3, 9),
    });
  });

  it("shows a model's label, modules and versions, in a header and after `records`", () => {
    const model =
      "```flitmap\n(model) crm.lead\n```\n\n**Lead/Opportunity** · modules crm, crm_iap_enrich, crm_iap_mine, iap_crm, sale_crm\n\nIn Odoo 17.0, 18.0, 19.0";
    expect(hoverAt("map Company -> crm.l‸ead {\n  name <- naam\n}")).toEqual({ value: model, range: lspRange(0, 15, 0, 23) });
    expect(hoverAt("map Company -> helpdesk.tic‸ket {\n  name <- naam\n}")?.value).toBe(
      "```flitmap\n(model) helpdesk.ticket\n```\n\nNot in Odoo 17.0, the target\n\nNot in the Odoo versions Flitmap ships (17.0, 18.0, 19.0)",
    );
  });
  it("finds the Odoo names and built-ins the compiler resolves wherever they are written: a `with` block's `when`, a map's own `if`", () => {
    // The editor once walked the trees itself, and missed these two places.
    expect(
      hoverAt('map Order -> crm.lead {\n  name <- id\n  with Link by order_id when note | tr‸im = "x" {\n    description <- note | join(", ")\n  }\n}')?.value,
    ).toMatch(/^```flitmap\ntrim: text → text\n```/);
    expect(hoverAt("map Company -> crm.lead if odoo has helpdesk.tic‸ket {\n  name <- naam\n}")?.value).toBe(
      "```flitmap\n(model) helpdesk.ticket\n```\n\nNot in Odoo 17.0, the target\n\nNot in the Odoo versions Flitmap ships (17.0, 18.0, 19.0)",
    );
    expect(hoverAt("map Company -> res.partner if odoo has res.partner.mob‸ile {\n  name <- naam\n}")?.value).toBe(
      "```flitmap\nres.partner.mobile: char\n```\n\n**Mobile**\n\nIn Odoo 17.0, 18.0; not in 19.0",
    );
  });
});

describe("hover on a named step with fallbacks", () => {
  it("shows the declaration and says the fallbacks are tried on the same value", () => {
    expect(hoverAt("step tidy = trim ?? upper | lower\nmap Company -> crm.lead {\n  name <- naam | ti‸dy\n}")?.value).toBe(
      "```flitmap\nstep tidy = trim ?? upper | lower\n```\n\nA named step: `| tidy` applies its 1 step to the value piped into it, then, where it gives nothing, its fallback (after `??`) to the same value",
    );
  });
});

describe("hover on the built-ins a Finnish export needed", () => {
  it("shows duration's, business_id's and swap_name's signature, summary and example", () => {
    expect(hoverAt("map Company -> res.partner {\n  name <- naam | swap_na‸me\n}")?.value).toMatch(/^```flitmap\nswap_name: text → text\n```\n\nTurns a name written family name first/);
    expect(hoverAt('map Company -> res.partner {\n  company_registry <- naam | business‸_id("FI")\n}')?.value).toMatch(
      /^```flitmap\nbusiness_id\(country, \[on_invalid\]\): text → text\n```\n\nChecks a national business ID/,
    );
    expect(hoverAt("map Company -> res.partner {\n  comment <- naam | dur‸ation | text\n}")?.value).toContain('"1 h 30 min" becomes 1.5');
  });
});

describe("hover on the package's names", () => {
  it("shows a source column's type, header, file and flags, at a use and at its declaration", () => {
    const naam = '```flitmap\n(column) Company.naam: text\n```\n\nHeader `"Bedrijfsnaam"` in `companies*.csv` (entity Company of source pb)\n\nrequired';
    expect(hoverAt("map Company -> crm.lead {\n  name <- na‸am\n}")).toEqual({ value: naam, range: lspRange(1, 10, 1, 14) });
    const { analysis } = markedPackage({ ...BASE_FILES, "maps.flitmap": "" });
    const source = "/virtual/pb/source.flitmap";
    const offset = BASE_FILES["source.flitmap"]?.indexOf("mail ") ?? -1;
    expect((hover(analysis, source, offset + 1)?.contents as { value: string }).value).toBe(
      '```flitmap\n(column) Company.mail: email\n```\n\nHeader `"mail"` in `companies*.csv` (entity Company of source pb)\n\npersonal data',
    );
    const parent = BASE_FILES["source.flitmap"]?.indexOf("parent_id") ?? -1;
    expect((hover(analysis, source, parent)?.contents as { value: string }).value).toBe(
      '```flitmap\n(column) Company.parent_id: text\n```\n\nHeader `"parent_id"` in `companies*.csv` (entity Company of source pb)\n\nreferences Company',
    );
  });

  it("shows a group column with its group", () => {
    expect(hoverAt("split Relation {\n  person: res.partner for each contact { name <- contact.ph‸one }\n}")?.value).toBe(
      '```flitmap\n(column) Relation.contact.phone: phone\n```\n\nHeader `"Phone {n}"` in `relations.csv` (entity Relation of source pb)',
    );
  });

  it("shows a built-in's signature, summary, parameters and example", () => {
    expect(hoverAt("map Company -> crm.lead {\n  name <- naam | tr‸uncate(64)\n}")).toEqual({
      value:
        "```flitmap\ntruncate(length): text → text\n```\n\nCuts the text to at most `length` characters; every cut is counted in the audit report.\n\n- `length`: the most characters to keep\n\nExample:\n\n```flitmap\nname <- name | truncate(64)\n```\n\na 70-character name keeps its first 64 characters",
      range: lspRange(1, 17, 1, 25),
    });
  });

  it("shows entities, tables, named steps, lookups, aliases and records", () => {
    expect(hoverAt("map Com‸pany -> crm.lead {\n  name <- naam\n}")?.value).toBe(
      '```flitmap\n(entity) Company "companies*.csv" key id\n```\n\n6 columns, source pb',
    );
    expect(hoverAt("map Company -> crm.lead {\n  name <- naam\n  stage_id <- stage | deal‸_stage\n}")?.value).toBe(
      "```flitmap\n(table) deal_stage: text -> crm.stage\n```\n\n2 entries; other values: reject",
    );
    expect(hoverAt('step tidy = trim | replace("  ", " ")\nmap Company -> crm.lead {\n  name <- naam | ti‸dy\n}')?.value).toBe(
      '```flitmap\nstep tidy = trim | replace("  ", " ")\n```\n\nA named step: `| tidy` applies its 2 steps to the value piped into it',
    );
    expect(hoverAt("map Company -> crm.lead {\n  name <- naam\n  user_id <- mail | us‸er\n}")?.value).toBe(
      "```flitmap\n(lookup) user in res.users by login\n```\n\nmissing reject",
    );
    expect(
      hoverAt("map Company -> res.partner {\n  name <- naam\n}\nmap Order -> crm.lead {\n  name <- id\n  partner_id <- customer | ref comp‸any\n}")?.value,
    ).toBe(
      "```flitmap\n(alias) company: map Company -> res.partner\n```\n\nRecords get external IDs `pb.company_<id>` (the entity's name, as no alias is written)",
    );
    expect(hoverAt("map Company -> crm.lead {\n  name <- naam\n  stage_id = w‸on\n}")?.value).toBe(
      '```flitmap\n(record) crm.stage won\n```\n\nEnsured before the load, matched by name: name "Won", is_won true\n\nExternal ID `pb.crm_stage_won`',
    );
  });

  it("shows a setting's value and the values the package tests it with", () => {
    const migration = MIGRATION.replace('  xmlid "pb"\n', '  xmlid "pb"\n  setting links "categories"\n');
    expect(
      hoverAt('map Company -> res.partner {\n  name <- naam\n  if setting li‸nks = "text" { comment <- kind } else { ignore kind }\n}', {
        "migration.flitmap": migration,
      }),
    ).toEqual({
      value:
        '```flitmap\n(setting) links "categories"\n```\n\nA switch of the package: `flitmap ... --set links=...` chooses another value for a run\n\nTested values: `"text"`',
      range: lspRange(2, 13, 2, 18),
    });
  });

  it("shows nothing on keywords, literals and blank space", () => {
    expect(hoverAt("ma‸p Company -> crm.lead {\n  name <- naam\n}")).toBeNull();
    expect(hoverAt('map Company -> crm.lead {\n  name = "Acm‸e"\n}')).toBeNull();
    expect(hoverAt("map Company -> crm.lead {\n‸\n  name <- naam\n}")).toBeNull();
  });
});
