import { describe, expect, it } from "vitest";
import { diagnosticsOf } from "../helpers.js";

describe("FM502 unused_declaration", () => {
  it("accepts everything declared is used", () => {
    expect(
      diagnosticsOf(
        "FM502",
        'table rating: text -> text { "Hot" -> "hot" }\nmap Company -> res.partner { name <- name  comment <- status | rating }\nmap Contact -> res.partner { name <- first_name }\nmap Deal -> crm.lead { name <- name }',
      ),
    ).toEqual([]);
  });

  it("counts what the body a fallback replaces uses: a helpdesk table on an Odoo without Helpdesk", () => {
    expect(
      diagnosticsOf(
        "FM502",
        'records helpdesk.stage { solved existing "helpdesk.stage_solved" }\ntable ticket_stage: text -> helpdesk.stage { "Closed Won" -> solved  _ -> flag }\nmap Deal -> helpdesk.ticket { name <- name  stage_id <- stage | ticket_stage } fallback crm.lead { name <- name  ignore stage }\nmap Company -> res.partner { name <- name }\nmap Contact -> res.partner { name <- first_name }',
      ),
    ).toEqual([]);
  });

  it("counts a record another record's value names, and one a test expects", () => {
    expect(
      diagnosticsOf(
        "FM502",
        'records crm.team { sales { name "Sales" } }\nrecords crm.stage { won { name "Won"  team_id sales } }\ntable deal_stage: text -> crm.stage { "Won" -> won  _ -> flag }\nrecords res.partner { acme { name "Acme" } }\nmap Company -> res.partner { name <- name }\nmap Contact -> res.partner { name <- first_name }\nmap Deal -> crm.lead { name <- name  stage_id <- stage | deal_stage }\ntest "a deal of Acme" {\n  given Deal { id "1"  name "Big"  stage "Won" }\n  expect crm.lead { name "Big"  partner_id acme }\n}',
      ),
    ).toEqual([]);
  });

  it("reports a table, lookup, record, alias and two entities nothing uses", () => {
    expect(
      diagnosticsOf(
        "FM502",
        'table rating: text -> text { "Hot" -> "hot" }\nlookup user in res.users by email { missing reject }\nrecords crm.stage { won { name "Won" } }\nmap Company -> res.partner as company { name <- name }',
      ),
    ).toEqual([
      "base.flitmap:19:10-19:17 warning FM502 entity Contact is mapped nowhere, so its rows would not be migrated: map it, or remove it from the source",
      "base.flitmap:26:10-26:14 warning FM502 entity Deal is mapped nowhere, so its rows would not be migrated: map it, or remove it from the source",
      "main.flitmap:1:7-1:13 warning FM502 table rating is used nowhere: use it in a pipeline (`| rating`) or remove it",
      "main.flitmap:2:8-2:12 warning FM502 lookup user is used nowhere: use it in a pipeline (`| user`) or remove it",
      "main.flitmap:3:21-3:24 warning FM502 crm.stage record won is used by no table or constant; it will still be created",
      "main.flitmap:4:31-4:38 warning FM502 alias company is used by no `ref` and is the one the map has anyway: remove `as company`",
    ]);
  });
});
