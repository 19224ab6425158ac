import { describe, expect, it } from "vitest";
import { diagnosticsOf } from "../helpers.js";

describe("FM603 dependency_cycle", () => {
  it("accepts a cycle through an optional field is broken by a second pass", () => {
    expect(
      diagnosticsOf(
        "FM603",
        'extend res.partner { x_deal many2one crm.lead "Deal" required }\nmap Deal -> crm.lead as deal { name <- name  partner_id <- contact_id | ref contact }\nmap Contact -> res.partner as contact { name <- first_name  x_deal <- id | ref deal }',
      ),
    ).toEqual([]);
  });

  it("reports two targets that need each other through required fields", () => {
    expect(
      diagnosticsOf(
        "FM603",
        'extend res.partner { x_deal many2one crm.lead "Deal" required }\nextend crm.lead { x_contact many2one res.partner "Contact" required }\nmap Deal -> crm.lead as deal { name <- name  x_contact <- contact_id | ref contact }\nmap Contact -> res.partner as contact { name <- first_name  x_deal <- id | ref deal }',
      ),
    ).toEqual([
      "main.flitmap:3:46-3:55 error FM603 contact and deal point to each other through required fields (deal.x_contact → contact, contact.x_deal → deal): make one of them optional so that it is written in a second pass",
    ]);
  });
});
