import { describe, expect, it } from "vitest";
import { diagnosticsOf } from "../helpers.js";

describe("FM303 wrong_model_reference", () => {
  it("accepts a ref to the model the field points to", () => {
    expect(
      diagnosticsOf(
        "FM303",
        "map Contact -> res.partner as contact { name <- first_name }\nmap Deal -> crm.lead { name <- name  partner_id <- contact_id | ref contact }",
      ),
    ).toEqual([]);
  });

  it("reports a partner ref into a user field", () => {
    expect(
      diagnosticsOf(
        "FM303",
        "map Contact -> res.partner as contact { name <- first_name }\nmap Deal -> crm.lead { name <- name  user_id <- contact_id | ref contact }",
      ),
    ).toEqual(["main.flitmap:2:49-2:73 error FM303 crm.lead.user_id points to res.users records, but `ref contact` gives res.partner records"]);
  });
});
