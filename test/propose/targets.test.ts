/**
 * The comparison the sample test runs against the shipped mapping, on a small hand-written
 * package, so that it is known to work before the shipped mappings exist.
 */
import { describe, expect, it } from "vitest";
import { loadShippedCatalog } from "../../compiler/catalog/index.js";
import { compareWithPackage, entityReading, packageTargets } from "./targets.js";

const schema = loadShippedCatalog("17.0");

const SHIPPED = `
migration pb { source pb  target odoo "17.0" }
source pb {
  entity Company "companies*.csv" key id {
    id "Company ID" text
    name "Company Name" text
    domain "Domain" text
    county "County" text
    changed "Last Modified" datetime modified
  }
  entity Contact "contacts.csv" key id {
    id "Contact ID" text
    first "First Name" text
    last "Last Name" text
  }
  entity Link "contact_companies.csv" key (contact, company) {
    contact "Contact ID" text references Contact
    company "Company ID" text references Company
    role "Role" text
  }
  entity Quote "quotes_*.csv" key number { number "Number" text }
  entity Line "lines_*.csv" key (quote, line) { quote "Quote" text references Quote  line "Line" integer  qty "Qty" decimal }
}
map Company -> res.partner {
  name <- name | trim
  website <- domain | url
  ignore county
}
map Contact -> res.partner {
  name <- \`{first} {last}\`
  with Link by contact {
    parent_id <- company | first | ref company
    x_roles <- role | join(", ")
  }
}
map Quote -> sale.order {
  order_line <- each Line by quote { product_uom_qty <- qty }
}
`;

const PROPOSED = `
source pb {
  entity Company "companies.csv" key company_id {
    company_id "Company ID" integer
    company_name "Company Name" text
    domain "Domain" text
    county "County" text
  }
}
map Company -> res.partner {
  name <- company_name | trim
  x_domain <- domain
  x_county <- county
}
`;

describe("packageTargets", () => {
  it("reads what every column lands in: fields, custom fields, ignores, keys, linked and child rows", () => {
    const targets = packageTargets([SHIPPED], schema);
    const of = (file: string, header: string): string[] => [...(entityReading(targets, file)?.targets.get(header) ?? [])].sort();
    expect(of("companies.csv", "Company ID")).toEqual(["key"]);
    expect(of("companies_2.csv", "Company Name")).toEqual(["res.partner.name"]);
    expect(of("companies.csv", "County")).toEqual(["ignore"]);
    expect(of("companies.csv", "Last Modified")).toEqual(["modified"]);
    expect(of("contacts.csv", "First Name")).toEqual(["res.partner.name"]);
    expect(of("contact_companies.csv", "Company ID")).toEqual(["key", "res.partner.parent_id"]);
    expect(of("contact_companies.csv", "Role")).toEqual(["custom"]);
    expect(of("lines_001.csv", "Quote")).toEqual(["key", "sale.order.order_line"]);
    expect(of("lines_001.csv", "Qty")).toEqual(["sale.order.line.product_uom_qty"]);
  });
});

describe("compareWithPackage", () => {
  it("counts the columns the shipped mapping places, and which of them the proposal places alike", () => {
    const comparison = compareWithPackage(packageTargets([PROPOSED], schema), packageTargets([SHIPPED], schema), ["companies.csv"]);
    expect(comparison).toEqual({
      compared: 5,
      equal: 2,
      share: 0.4,
      differences: [
        "companies.csv: Domain → custom (shipped: res.partner.website)",
        "companies.csv: County → custom (shipped: ignore)",
        "companies.csv: Last Modified → nothing (shipped: modified)",
      ],
    });
  });
});
