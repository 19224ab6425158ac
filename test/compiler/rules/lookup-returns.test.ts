import { describe, expect, it } from "vitest";
import { allDiagnostics, applyFixes, diagnosticsOf } from "../helpers.js";

const MEETING = `map Deal -> calendar.event {
  name        <- name
  start       <- close_date | datetime
  stop        <- close_date | datetime
  partner_ids <- [contact_id | owner]
}`;

describe("FM415 lookup_returns", () => {
  it("accepts a user's partner given to the attendees, and a plain field", () => {
    const text = `lookup owner in res.users by login returns partner_id { missing flag }\nlookup owner_login in res.users by email returns login { missing flag }\n${MEETING}\nmap Company -> res.partner { name <- name  comment <- owner_email | owner_login }`;
    expect(allDiagnostics(text).filter((line) => / error /.test(line))).toEqual([]);
  });

  it("reports a field the model lacks, with the field it likely meant as the fix", () => {
    const text = `lookup owner in res.users by login returns partner { missing flag }\n${MEETING}`;
    expect(diagnosticsOf("FM415", text)).toEqual([
      "main.flitmap:1:44-1:51 error FM415 res.users has no field partner to return; did you mean `partner_id`, `partner_gid` or `partner_share`?",
    ]);
    expect(applyFixes("FM415", text)[0]).toBe(`Change to partner_id\n${text.replace("returns partner ", "returns partner_id ")}`);
  });

  it("reports a field that holds no single value", () => {
    expect(diagnosticsOf("FM415", "lookup owner_groups in res.users by login returns groups_id { missing flag }")).toEqual([
      "main.flitmap:1:51-1:60 error FM415 res.users.groups_id is a many2many field; a lookup returns one value: a many2one (the record it points to) or a plain field (text, a number, a date, a boolean)",
    ]);
  });

  it("types the lookup's use by the returned field: a partner is no user", () => {
    const text = `lookup owner_partner in res.users by login returns partner_id { missing flag }\nmap Deal -> crm.lead { name <- name  user_id <- contact_id | owner_partner }`;
    expect(diagnosticsOf("FM303", text)).toEqual([
      "main.flitmap:2:49-2:75 error FM303 crm.lead.user_id points to res.users records, but `owner_partner` gives res.partner records",
    ]);
  });

  it("has a lookup of users given to partners told that `returns partner_id` would give their partners", () => {
    const text = `lookup owner in res.users by login { missing flag }\n${MEETING}`;
    expect(diagnosticsOf("FM303", text)).toEqual([
      "main.flitmap:6:18-6:38 error FM303 calendar.event.partner_ids points to res.partner records, but this value gives res.users records; a lookup that `returns partner_id` gives the res.partner of the res.users record it finds",
    ]);
  });

  it("is a plan guard: it cannot be switched off", () => {
    const text = `lookup owner in res.users by login returns partner { missing flag }`;
    expect(diagnosticsOf("FM415", text, { base: BASE_WITH_RULE_OFF })).toHaveLength(1);
  });
});

const BASE_WITH_RULE_OFF = `migration pb {
  source perfectbooks
  target odoo "17.0"
  xmlid "pb"
  rule lookup_returns off
}

source perfectbooks {
  csv { delimiter "," }
  entity Deal "deals.csv" key id {
    id text
  }
}
`;
