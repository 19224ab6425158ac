/**
 * Generates a semantically clean package for the `flitmap check` benchmark: one migration file,
 * one source file, and one file per "module" (an organisation, its people, deals, notes and tasks,
 * the way a mapping of a CRM with several business units is laid out), using real Odoo 17.0 models
 * and fields, lookups, reference records, value tables, custom fields, refs between maps, a
 * `with` block, a self-reference and test blocks. `flitmap check` reports no error on it, so every
 * phase runs to the end and a plan can be emitted.
 *
 * Unlike generate-package.ts (syntax only, for parse throughput), every name here resolves: the
 * rules, the type checker and the emitter do the work they do on a real mapping.
 */
import type { GeneratedFile } from "./generate-package.js";

export interface CheckPackageShape {
  /** Module files; the package has two more (migration and source). */
  readonly modules: number;
  /** Entries of each module's larger value tables (lead sources, job titles). */
  readonly tableEntries: number;
}

/** 48 modules of about 400 lines: 50 files, about 20,000 lines. */
export const DEFAULT_CHECK_PACKAGE: CheckPackageShape = { modules: 48, tableEntries: 88 };

const STAGES = ["New", "Qualified", "Proposition", "Negotiation", "Won", "Lost"] as const;

function migrationFile(): string {
  const lines = [
    "// The benchmark's migration: a multi-unit CRM export into Odoo 17.0.",
    "migration bench_units_to_odoo {",
    "  source units",
    '  target odoo "17.0"',
    '  xmlid  "units"',
    "}",
    "",
    "lookup user in res.users by email or login { missing fallback \"admin\" }",
    "",
    "lookup country in res.country by name { missing flag }",
    "",
    "lookup author in res.partner by email { missing flag }",
    "",
    "lookup odoo_model in ir.model by model { missing reject }",
    "",
    "records crm.stage match name {",
  ];
  STAGES.forEach((stage, index) =>
    lines.push(`  stage_${stage.toLowerCase()} { name "${stage}"  sequence ${index * 10}${stage === "Won" ? "  is_won true" : ""}${stage === "Lost" ? "  fold true" : ""} }`),
  );
  lines.push(
    "}",
    "",
    "records crm.team {",
    '  sales existing "sales_team.team_sales_department"',
    "}",
    "",
    "records mail.message.subtype {",
    '  note existing "mail.mt_note"',
    "}",
    "",
    "records mail.activity.type {",
    '  call    existing "mail.mail_activity_data_call"',
    '  meeting existing "mail.mail_activity_data_meeting"',
    '  todo    existing "mail.mail_activity_data_todo"',
    "}",
    "",
    "records res.partner.industry {",
    '  construction existing "base.res_partner_industry_F"',
    '  retail       existing "base.res_partner_industry_G"',
    '  it           existing "base.res_partner_industry_J"',
    '  finance      existing "base.res_partner_industry_K"',
    "}",
    "",
    "// The model of the record a note or task belongs to.",
    "table parent_model: text -> text {",
    '  "Organisation" -> "res.partner"',
    '  "Person"       -> "res.partner"',
    '  "Deal"         -> "crm.lead"',
    "  _              -> reject",
    "}",
    "",
    "table task_type: text -> mail.activity.type {",
    '  "Call"    -> call',
    '  "Meeting" -> meeting',
    '  "To-do"   -> todo',
    "  _         -> reject",
    "}",
    "",
  );
  return lines.join("\n");
}

function entities(module: number): string[] {
  return [
    `  entity Org${module} "unit_${module}/organisations_*.csv" key id {`,
    '    id          "Organisation ID" text     required',
    '    name        "Name"            text     required',
    '    domain      "Domain"          text',
    '    industry    "Industry"        text',
    '    employees   "Employees"       text',
    '    revenue     "Revenue"         text',
    '    phone       "Phone"           text',
    '    address_1   "Address Line 1"  text',
    '    address_2   "Address Line 2"  text',
    '    city        "City"            text',
    '    postcode    "Postcode"        text',
    '    country     "Country"         text',
    '    owner_email "Owner Email"     text',
    `    parent_id   "Parent ID"       text     references Org${module}`,
    '    vat         "VAT Number"      text',
    '    segment     "Segment"         text',
    '    since       "Client Since"    text',
    '    status      "Status"          text',
    '    created     "Created"         datetime',
    '    modified_at "Last Modified"   datetime modified',
    "  }",
    `  entity Person${module} "unit_${module}/people_*.csv" key id {`,
    '    id          "Person ID"       text     required',
    '    first_name  "First Name"      text',
    '    last_name   "Last Name"       text',
    '    email       "Email"           text',
    '    phone       "Phone"           text',
    '    mobile      "Mobile"          text',
    '    job_title   "Job Title"       text',
    '    owner_email "Owner Email"     text',
    '    opt_in      "Opt-In"          boolean',
    '    created     "Created"         datetime',
    "  }",
    `  entity Membership${module} "unit_${module}/memberships.csv" key (person_id, org_id) {`,
    `    person_id  "Person ID"       text    references Person${module}`,
    `    org_id     "Organisation ID" text    references Org${module}`,
    '    is_primary "Is Primary"      boolean',
    '    role       "Role"            text',
    "  }",
    `  entity Deal${module} "unit_${module}/deals_*.csv" key id {`,
    '    id          "Deal ID"         text     required',
    '    name        "Deal Name"       text     required',
    '    amount      "Amount"          text',
    '    probability "Probability"     text',
    '    close_date  "Close Date"      text',
    '    stage       "Stage"           text',
    '    lead_source "Source"          text',
    '    owner_email "Owner Email"     text',
    `    org_id      "Organisation ID" text     references Org${module}`,
    `    person_id   "Person ID"       text     references Person${module}`,
    '    priority    "Priority"        text',
    '    description "Description"     text',
    '    created     "Created"         datetime',
    "  }",
    `  entity Note${module} "unit_${module}/notes.csv" key id {`,
    '    id           "Note ID"      text     required',
    '    parent_type  "Parent Type"  text     required',
    '    parent_id    "Parent ID"    text     required',
    '    body         "Body"         text',
    '    author_email "Author Email" text',
    '    created      "Created"      datetime',
    "  }",
    `  entity Task${module} "unit_${module}/tasks.csv" key id {`,
    '    id          "Task ID"     text     required',
    '    kind        "Type"        text     required',
    '    subject     "Subject"     text',
    '    due         "Due Date"    date     required',
    '    owner_email "Owner Email" text',
    '    parent_type "Parent Type" text     required',
    '    parent_id   "Parent ID"   text     required',
    '    status      "Status"      text',
    "  }",
  ];
}

function sourceFile(shape: CheckPackageShape): string {
  const lines = [
    "// The export: one folder per business unit, the same layout in each.",
    "source units {",
    "  csv {",
    '    delimiter ","',
    '    encoding  "utf-8"',
    '    date      "dd/MM/yyyy"',
    '    datetime  "dd/MM/yyyy HH:mm"',
    '    timezone  "Europe/London"',
    '    decimal   "."',
    '    currency  "£"',
    "  }",
  ];
  for (let module = 0; module < shape.modules; module++) lines.push(...entities(module));
  lines.push("}", "");
  return lines.join("\n");
}

function moduleFile(module: number, shape: CheckPackageShape): string {
  const m = module;
  const lines = [
    `// Business unit ${m}: organisations and people into res.partner, deals into crm.lead, notes and`,
    "// tasks into the chatter of their record.",
    "",
    "extend res.partner {",
    `  x_u${m}_employees integer   "Employees (unit ${m})"`,
    `  x_u${m}_revenue   float     "Revenue (unit ${m})"`,
    `  x_u${m}_since     date      "Client since (unit ${m})"`,
    `  x_u${m}_segment   selection "Segment (unit ${m})" {`,
    "    smb \"Small business\"",
    "    mid \"Mid-market\"",
    "    ent \"Enterprise\"",
    "  }",
    `  x_u${m}_owner     char      "Owner in the old CRM (unit ${m})"`,
    `  x_u${m}_role      char      "Role (unit ${m})"`,
    `  x_u${m}_others    text      "Other organisations (unit ${m})"`,
    `  x_u${m}_opt_in    boolean   "Opt-in (unit ${m})"`,
    "}",
    "",
    "extend crm.lead {",
    `  x_u${m}_source   selection "Lead source (unit ${m})" {`,
    "    web \"Website\"",
    "    referral \"Referral\"",
    "    event \"Event\"",
    "    other \"Other\"",
    "  }",
    `  x_u${m}_owner    char      "Owner in the old CRM (unit ${m})"`,
    "}",
    "",
    `map Org${m} -> res.partner as org_${m} when status != "deleted" {`,
    "  is_company = true",
    '  type       <- if parent_id is present then "other" else "contact"',
    "  name       <- name | trim",
    '  website    <- domain | url("flag")',
    "  phone      <- phone | trim",
    "  street     <- address_1 | trim",
    "  street2    <- address_2 | trim",
    "  city       <- city | trim",
    "  zip        <- postcode | trim | truncate(10)",
    "  country_id <- country | country",
    `  industry_id <- industry | industry_${m}`,
    "  vat        <- vat | trim",
    "  user_id    <- owner_email | user",
    `  parent_id  <- parent_id | ref org_${m}`,
    `  x_u${m}_owner     <- owner_email`,
    `  x_u${m}_employees <- employees | integer("flag")`,
    `  x_u${m}_revenue   <- revenue | money("flag")`,
    `  x_u${m}_since     <- since | date("flag")`,
    `  x_u${m}_segment   <- segment | segment_${m}`,
    "  ignore created",
    "}",
    "",
    `map Person${m} -> res.partner as person_${m} {`,
    "  name     <- `{first_name} {last_name}` | trim | required",
    '  type     = "contact"',
    '  email    <- email | trim | email("flag")',
    "  phone    <- phone ?? mobile | trim",
    "  mobile   <- mobile | trim",
    `  function <- job_title | trim | job_title_${m}`,
    "  user_id  <- owner_email | user",
    `  x_u${m}_opt_in <- opt_in`,
    `  with Membership${m} by person_id order by is_primary desc {`,
    `    parent_id   <- org_id | first | ref org_${m}`,
    `    x_u${m}_role   <- role | first`,
    `    x_u${m}_others <- org_id | rest | get(Org${m}.name) | join("; ")`,
    "  }",
    "  ignore created",
    "}",
    "",
    `map Deal${m} -> crm.lead as deal_${m} {`,
    "  name             <- name | trim",
    '  type             = "opportunity"',
    '  expected_revenue <- amount | money("flag")',
    '  probability      <- probability | number("flag")',
    '  date_deadline    <- close_date | date("flag")',
    `  stage_id         <- stage | stage_${m}`,
    "  team_id          = sales",
    "  user_id          <- owner_email | user",
    `  partner_id       <- person_id | ref person_${m} ?? org_id | ref org_${m}`,
    `  priority         <- priority | priority_${m}`,
    "  description      <- description | html",
    `  x_u${m}_source    <- lead_source | lead_source_${m}`,
    `  x_u${m}_owner     <- owner_email`,
    "  ignore created",
    "}",
    "",
    `map Note${m} -> mail.message {`,
    "  model        <- parent_type | parent_model",
    `  res_id       <- (if parent_type = "Deal" then parent_id | ref deal_${m}`,
    `    else if parent_type = "Organisation" then parent_id | ref org_${m}`,
    `    else parent_id | ref person_${m}) | required`,
    "  body         <- body | html",
    '  message_type = "comment"',
    "  subtype_id   = note",
    "  author_id    <- author_email | author",
    "  date         <- created",
    "}",
    "",
    `map Task${m} -> mail.activity {`,
    "  res_model_id     <- parent_type | parent_model | odoo_model",
    `  res_id           <- (if parent_type = "Deal" then parent_id | ref deal_${m}`,
    `    else if parent_type = "Organisation" then parent_id | ref org_${m}`,
    `    else parent_id | ref person_${m}) | required`,
    "  activity_type_id <- kind | task_type",
    "  summary          <- subject | trim",
    "  date_deadline    <- due",
    "  user_id          <- owner_email | user",
    '  active           <- status != "Done"',
    "}",
    "",
    `table industry_${m}: text -> res.partner.industry {`,
    '  "Construction", "Building" -> construction',
    '  "Retail", "Shops"          -> retail',
    '  "IT", "Software"           -> it',
    '  "Finance", "Banking"       -> finance',
    "  _                          -> flag",
    "}",
    "",
    `table segment_${m}: text -> text {`,
    '  "Small"      -> "smb"',
    '  "Medium"     -> "mid"',
    '  "Large"      -> "ent"',
    "  _            -> flag",
    "}",
    "",
    `table stage_${m}: text -> crm.stage {`,
  ];
  for (const stage of STAGES) lines.push(`  "${stage}", "${stage.toUpperCase()}" -> stage_${stage.toLowerCase()}`);
  lines.push("  _ -> stage_new", "}", "", `table priority_${m}: text -> text {`, '  "Low" -> "0"', '  "Normal" -> "1"', '  "High" -> "2"', '  "Urgent" -> "3"', "  _ -> \"1\"", "}", "");
  // Larger tables, as real mappings have for free-text columns (job titles, lead sources).
  lines.push(`table lead_source_${m}: text -> text {`);
  for (let entry = 0; entry < shape.tableEntries; entry++) {
    const target = ["web", "referral", "event", "other"][entry % 4] ?? "other";
    lines.push(`  "Source ${entry}", "source-${entry}" -> "${target}"`);
  }
  lines.push("  _ -> flag", "}", "", `table job_title_${m}: text -> text {`);
  for (let entry = 0; entry < shape.tableEntries; entry++) lines.push(`  "title ${entry}", "TITLE-${entry}" -> "Title ${entry}"`);
  lines.push(
    "  _ -> keep",
    "}",
    "",
    `test "unit ${m}: an organisation keeps its address and custom fields" {`,
    `  given Org${m} { id "O1"  name " Mason Dental Ltd "  city "Leeds"  employees "12"  segment "Small" }`,
    `  expect res.partner { name "Mason Dental Ltd"  city "Leeds"  x_u${m}_employees 12  x_u${m}_segment "smb" }`,
    "}",
    "",
    `test "unit ${m}: an organisation without a name is rejected" {`,
    `  given Org${m} { id "O2"  name "" }`,
    `  expect reject Org${m} "'Name' is required"`,
    "}",
    "",
    `test "unit ${m}: a deleted organisation is skipped" {`,
    `  given Org${m} { id "O3"  name "Gone"  status "deleted" }`,
    `  expect skip Org${m}`,
    "}",
    "",
  );
  return lines.join("\n");
}

export function generateCheckPackage(shape: CheckPackageShape = DEFAULT_CHECK_PACKAGE, directory = "generated"): GeneratedFile[] {
  const files: GeneratedFile[] = [
    { path: `${directory}/migration.flitmap`, text: migrationFile() },
    { path: `${directory}/source.flitmap`, text: sourceFile(shape) },
  ];
  for (let module = 0; module < shape.modules; module++)
    files.push({ path: `${directory}/unit_${String(module).padStart(2, "0")}.flitmap`, text: moduleFile(module, shape) });
  return files;
}

export function lineCount(files: readonly GeneratedFile[]): number {
  return files.reduce((total, file) => total + file.text.split("\n").length, 0);
}
