import { describe, expect, it } from "vitest";
import { parse } from "../../language/parse.js";
import { MissingNodeError, print } from "../../language/printer.js";
import { format, withoutRanges } from "./helpers.js";

function expectFormat(input: string, expected: string): void {
  const formatted = format(input);
  expect(formatted).toBe(expected);
  // Canonical output is a fixed point and means the same as the input.
  expect(format(formatted)).toBe(expected);
  expect(withoutRanges(parse(formatted, "f.flitmap").document.declarations)).toEqual(withoutRanges(parse(input, "f.flitmap").document.declarations));
}

describe("printer", () => {
  it("prints imports and the migration block with aligned keywords", () => {
    expectFormat(
      `import {a,b} from "../shared"
migration m { source pb target odoo "17.0" xmlid "pb" rule unused_table off }`,
      `import { a, b } from "../shared"

migration m {
  source pb
  target odoo "17.0"
  xmlid  "pb"
  rule   unused_table off
}
`,
    );
    expectFormat(`migration m { target odoo schema "s.json" }`, `migration m {\n  target odoo schema "s.json"\n}\n`);
  });

  it("aligns columns as a table and keeps short option blocks on one line", () => {
    expectFormat(
      `source pv { csv { delimiter ";" encoding "windows-1252" }
entity Relation "relaties_*.csv" key relatienummer {
duplicates keep newest by gewijzigd
relatienummer "Relatienummer" text required
naam "Bedrijfsnaam" text
gewijzigd "Gewijzigd op" datetime "dd-MM-yyyy HH:mm" modified
parent text references Relation
group contact[1..3] { name "Contactpersoon {n}" text  role "Functie {n}" text }
} }`,
      `source pv {
  csv { delimiter ";"  encoding "windows-1252" }
  entity Relation "relaties_*.csv" key relatienummer {
    duplicates keep newest by gewijzigd
    relatienummer "Relatienummer" text     required
    naam          "Bedrijfsnaam"  text
    gewijzigd     "Gewijzigd op"  datetime "dd-MM-yyyy HH:mm" modified
    parent                        text     references Relation
    group contact[1..3] {
      name "Contactpersoon {n}" text
      role "Functie {n}"        text
    }
  }
}
`,
    );
  });

  it("breaks an option block that does not fit, its values aligned", () => {
    expectFormat(
      `source s { csv { delimiter ";" encoding "windows-1252" date "dd-MM-yyyy" datetime "dd-MM-yyyy HH:mm" timezone "Europe/Amsterdam" decimal "," } }`,
      `source s {
  csv {
    delimiter ";"
    encoding  "windows-1252"
    date      "dd-MM-yyyy"
    datetime  "dd-MM-yyyy HH:mm"
    timezone  "Europe/Amsterdam"
    decimal   ","
  }
}
`,
    );
  });

  it("prints lookups, records and tables with aligned entries", () => {
    expectFormat(
      `lookup user in res.users by email or login {missing fallback "admin"}
lookup product in product.product by default_code
records crm.stage match name { won { name "Won" sequence 70 is_won true } new existing "crm.stage_lead1" }
table deal_stage: text -> crm.stage { "Closed Won" -> won "Proposal", "Quote" -> proposal _ -> reject }`,
      `lookup user in res.users by email or login { missing fallback "admin" }

lookup product in product.product by default_code

records crm.stage match name {
  won { name "Won"  sequence 70  is_won true }
  new existing "crm.stage_lead1"
}

table deal_stage: text -> crm.stage {
  "Closed Won"        -> won
  "Proposal", "Quote" -> proposal
  _                   -> reject
}
`,
    );
  });

  it("prints custom fields, selection options and target conditions", () => {
    expectFormat(
      `extend crm.lead { x_deal_score integer "Deal score" help "From PB" required
x_rating selection "Rating" { hot "Hot" "very-cold" "Very cold" }
x_referrer many2one res.partner "Referred by"
if odoo >= "19.0" { x_mobile char "Mobile" } else if odoo lacks helpdesk.ticket { x_ticket_type char } else {} }`,
      `extend crm.lead {
  x_deal_score integer              "Deal score" help "From PB" required
  x_rating     selection            "Rating" { hot "Hot"  "very-cold" "Very cold" }
  x_referrer   many2one res.partner "Referred by"
  if odoo >= "19.0" {
    x_mobile char "Mobile"
  } else if odoo lacks helpdesk.ticket {
    x_ticket_type char
  } else {}
}
`,
    );
  });

  it("aligns assignment operators within a run and restarts after a blank line", () => {
    expectFormat(
      `map Company -> res.partner as company when status != "deleted" {
is_company = true
name <- name | trim

website <- domain | url
ignore fax, telex
}`,
      `map Company -> res.partner as company when status != "deleted" {
  is_company = true
  name       <- name | trim

  website <- domain | url
  ignore fax, telex
}
`,
    );
  });

  it("prints children, linked rows, fallbacks and splits", () => {
    expectFormat(
      `map Quote -> sale.order as quote { order_line <- each QuoteLine by quote_id as line { product_uom_qty <- quantity } with Tag by quote_id order by position desc { tag_ids <- tag | ref tag } }
map Case -> helpdesk.ticket as ticket { name <- subject } fallback crm.lead { name <- subject type = "lead" }
split Relation { org: res.partner when company_name is present { is_company = true }
person: res.partner for each contact when contact.name is present { parent_id <- ref org } }`,
      `map Quote -> sale.order as quote {
  order_line <- each QuoteLine by quote_id as line {
    product_uom_qty <- quantity
  }
  with Tag by quote_id order by position desc {
    tag_ids <- tag | ref tag
  }
}

map Case -> helpdesk.ticket as ticket {
  name <- subject
} fallback crm.lead {
  name <- subject
  type = "lead"
}

split Relation {
  org: res.partner when company_name is present {
    is_company = true
  }
  person: res.partner for each contact when contact.name is present {
    parent_id <- ref org
  }
}
`,
    );
  });

  it("prints expressions with the fewest parentheses that keep their meaning", () => {
    expectFormat(
      "map E -> m { a <- x|trim??y  b <- not (p and q) or r  c <- if s in [\"a\",\"b\"] then `{f} {l | upper}` else (t ?? u) | lower  d <- n is not empty and n not in [1, 2]  e <- ref org }",
      "map E -> m {\n  a <- x | trim ?? y\n  b <- not (p and q) or r\n  c <- if s in [\"a\", \"b\"] then `{f} {l | upper}` else (t ?? u) | lower\n  d <- n is not empty and n not in [1, 2]\n  e <- ref org\n}\n",
    );
  });

  it("keeps an else-if chain flat, one clause per line, and a trailing step on the closing line", () => {
    expectFormat(
      `map Note -> mail.message { res_id <- (if parent_type = "Deal" then parent_id | ref deal else if parent_type = "Company" then parent_id | ref company else parent_id | ref contact) | required }`,
      `map Note -> mail.message {
  res_id <- (if parent_type = "Deal" then parent_id | ref deal
    else if parent_type = "Company" then parent_id | ref company
    else parent_id | ref contact) | required
}
`,
    );
  });

  it("prints the condition that switches a map or a split target on", () => {
    expectFormat(
      `map Company->res.partner.category as tag if setting links="categories" { name <- name }
split Relation if odoo>="18.0" { org: res.partner if odoo has helpdesk.ticket when org_name is present { name <- org_name } }`,
      `map Company -> res.partner.category as tag if setting links = "categories" {
  name <- name
}

split Relation if odoo >= "18.0" {
  org: res.partner if odoo has helpdesk.ticket when org_name is present {
    name <- org_name
  }
}
`,
    );
  });

  it("breaks long pipelines one step per line", () => {
    expectFormat(
      `map E -> m { description <- first_paragraph_of_the_description | trim | replace("\\n", " ") | truncate(200) | default("no description given") }`,
      `map E -> m {
  description <- first_paragraph_of_the_description
    | trim
    | replace("\\n", " ")
    | truncate(200)
    | default("no description given")
}
`,
    );
  });

  it("prints tests", () => {
    expectFormat(
      `test "won" { given Deal { id "D1" "Company Name" "Acme" } expect crm.lead { name "X" ref "R1" stage_id won } expect reject Deal "bad" expect skip Deal }`,
      `test "won" {
  given Deal { id "D1"  "Company Name" "Acme" }
  expect crm.lead { name "X"  ref "R1"  stage_id won }
  expect reject Deal "bad"
  expect skip Deal
}
`,
    );
  });

  it("prints an instance of a column group and an expected number of records", () => {
    expectFormat(
      `split Relation { private: res.partner when company_name is empty { name <- (contact[1].name ?? email) | trim } }
test "private" { expect 1 res.partner { name "Mila" } expect 0 res.partner {} }`,
      `split Relation {
  private: res.partner when company_name is empty {
    name <- (contact[1].name ?? email) | trim
  }
}

test "private" {
  expect 1 res.partner { name "Mila" }
  expect 0 res.partner {}
}
`,
    );
  });

  it("keeps comments before statements, at line ends and at block ends, and moves inner ones up", () => {
    expectFormat(
      `// Perfect Books companies

// the map
map Company -> res.partner { // header comment
  // leading
  name <- name // trailing
  /* block */ website <- domain
  email <- email /* inside */ | lower
  // dangling at the end
}
// end of file`,
      `// Perfect Books companies

// the map
map Company -> res.partner {
  // header comment
  // leading
  name <- name // trailing
  /* block */
  website <- domain
  /* inside */
  email <- email | lower
  // dangling at the end
}
// end of file
`,
    );
  });

  it("keeps a statement marked fmt-ignore exactly as written", () => {
    expectFormat(
      `map E -> m {
  // fmt-ignore
  name   <-   a   |   trim
  other<-b
}`,
      `map E -> m {
  // fmt-ignore
  name   <-   a   |   trim
  other <- b
}
`,
    );
  });

  it("escapes strings and keeps numbers as written", () => {
    expectFormat(`records m { a { note "say \\"hi\\"\\n\\ttab"  amount 1.50  delta -3 } }`, `records m {\n  a { note "say \\"hi\\"\\n\\ttab"  amount 1.50  delta -3 }\n}\n`);
  });

  it("prints an empty file as nothing and refuses a tree with holes", () => {
    expect(format("")).toBe("");
    const broken = parse("map E -> { }", "f.flitmap");
    expect(() => print(broken.document)).toThrow(MissingNodeError);
  });
});
