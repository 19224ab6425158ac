import { describe, expect, it } from "vitest";
import { diagnosticsOf } from "../helpers.js";

describe("FM210 unknown_setting", () => {
  it("accepts a declared setting", () => {
    expect(
      diagnosticsOf("FM210", 'map Contact -> res.partner { name <- first_name  if setting links = "text" { email <- email } }', {
        base: 'migration pb {\n  source perfectbooks\n  target odoo "17.0"\n  xmlid "pb"\n  setting links "text"\n}\n\nsource perfectbooks {\n  csv { delimiter ","  date "dd/MM/yyyy" }\n  entity Company "companies.csv" key id {\n    id          text\n    name        text required\n    domain      text\n    parent_id   text references Company\n    owner_email email\n    employees   integer\n    status      text\n    modified_at datetime modified\n  }\n  entity Contact "contacts.csv" key id {\n    id         text\n    first_name text\n    last_name  text\n    email      email\n    company_id text references Company\n  }\n  entity Deal "deals.csv" key id {\n    id         text\n    name       text\n    amount     money\n    stage      text\n    close_date date\n    contact_id text references Contact\n  }\n}\n',
      }),
    ).toEqual([]);
  });

  it("reports a misspelt setting", () => {
    expect(
      diagnosticsOf("FM210", 'map Contact -> res.partner { name <- first_name  if setting link = "text" { email <- email } }', {
        base: 'migration pb {\n  source perfectbooks\n  target odoo "17.0"\n  xmlid "pb"\n  setting links "text"\n}\n\nsource perfectbooks {\n  csv { delimiter ","  date "dd/MM/yyyy" }\n  entity Company "companies.csv" key id {\n    id          text\n    name        text required\n    domain      text\n    parent_id   text references Company\n    owner_email email\n    employees   integer\n    status      text\n    modified_at datetime modified\n  }\n  entity Contact "contacts.csv" key id {\n    id         text\n    first_name text\n    last_name  text\n    email      email\n    company_id text references Company\n  }\n  entity Deal "deals.csv" key id {\n    id         text\n    name       text\n    amount     money\n    stage      text\n    close_date date\n    contact_id text references Contact\n  }\n}\n',
      }),
    ).toEqual(["main.flitmap:1:61-1:65 error FM210 the migration declares no setting link; did you mean `links`?"]);
  });
});
