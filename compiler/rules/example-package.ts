/**
 * The package every rule example is written against (docs/rules.md shows it once): an example's
 * `wrong` and `right` fragments are a second file beside it, unless they are self-contained.
 * test/compiler/rule-examples.test.ts checks that each example reports exactly what it says.
 */
export const EXAMPLE_PACKAGE = `migration pb {
  source perfectbooks
  target odoo "17.0"
  xmlid  "pb"
}

source perfectbooks {
  csv { delimiter ","  date "dd/MM/yyyy" }
  entity Company "companies.csv" key id {
    id             text
    name           text required
    trading_name   text
    domain         text
    address        text
    parent_id      text references Company
    employees_text text
  }
  entity Contact "contacts.csv" key id {
    id         text
    first_name text
    last_name  text
    name       text unique ambiguous first
    address    text
    mobile     text
    company_id text references Company
  }
  entity Deal "deals.csv" key id {
    id         text
    name       text
    title      text
    amount     text
    kind       text
    hot_rating text
    contact_id text references Contact
  }
  entity Case "cases.csv" key id {
    id      text
    subject text
  }
  entity Relation "relations.csv" key id {
    id           text
    kind         text
    contact_name text
  }
  entity Quote "quotes.csv" key id {
    id       text
    customer text references Customer
  }
  entity Customer "customers.csv" key id {
    id          text
    name        text
    first_quote text references Quote
  }
}

extend res.partner { x_employees integer "Employees" }
extend crm.lead { x_rating selection "Rating" { hot "Hot"  cold "Cold" } }
`;
