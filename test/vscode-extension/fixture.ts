/** A small sound package the semantic feature tests add maps to: a migration, a source, reference records, tables and a lookup. */
export const MIGRATION = `migration pb {
  source pb
  target odoo "17.0"
  xmlid "pb"
}
`;

export const SOURCE = `source pb {
  csv { delimiter ";" }
  entity Company "companies*.csv" key id {
    id        text required
    naam      "Bedrijfsnaam" text required
    mail      email personal
    stage     text
    parent_id text references Company
    kind      text
  }
  entity Relation "relations.csv" key id {
    id           text
    company_name text
    group contact[1..2] {
      name  "Contact {n}" text
      phone "Phone {n}" phone
    }
  }
  entity Order "orders.csv" key id {
    id       text
    customer text references Company
  }
  entity OrderLine "order_lines.csv" key id {
    id       text
    order_id text references Order
    product  text
    qty      integer
  }
  entity Link "links.csv" key (company_id, order_id) {
    company_id text
    order_id   text
    note       text
  }
}
`;

export const REFERENCE = `records crm.stage {
  won { name "Won"  is_won true }
  lost { name "Lost" }
}

table deal_stage: text -> crm.stage {
  "Closed Won" -> won
  "Closed Lost" -> lost
  _ -> reject
}

table lead_kind: text -> text {
  "L" -> "lead"
  _ -> "opportunity"
}

lookup user in res.users by login { missing reject }
`;

/** The package's files but the one a test writes (maps.flitmap). */
export const BASE_FILES: Readonly<Record<string, string>> = { "migration.flitmap": MIGRATION, "source.flitmap": SOURCE, "reference.flitmap": REFERENCE };
