import { describe, expect, it } from "vitest";
import { applyFixes, diagnosticsOf } from "../helpers.js";

describe("FM601 lookup_missing_policy", () => {
  it("accepts lookups that say what to do", () => {
    expect(
      diagnosticsOf(
        "FM601",
        'lookup user in res.users by email { missing fallback "admin" }\nmap Company -> res.partner { name <- name  user_id <- owner_email | user }',
      ),
    ).toEqual([]);
  });

  it("reports no missing policy, with and without a body", () => {
    expect(
      diagnosticsOf(
        "FM601",
        "lookup user in res.users by email\nlookup user2 in res.users by login { archived include }\nmap Company -> res.partner { name <- name  user_id <- owner_email | user ?? owner_email | user2 }",
      ),
    ).toEqual([
      'main.flitmap:1:8-1:12 warning FM601 lookup user does not say what to do when no res.users record matches (rows are rejected): add `{ missing reject }`, `{ missing flag }`, `{ missing fallback "admin" }` or `{ missing halt }`',
      'main.flitmap:2:8-2:13 warning FM601 lookup user2 does not say what to do when no res.users record matches (rows are rejected): add `{ missing reject }`, `{ missing flag }`, `{ missing fallback "admin" }` or `{ missing halt }`',
    ]);
  });

  it("offers a fix: the fix adds { missing reject }", () => {
    expect(applyFixes("FM601", "lookup user in res.users by email\nmap Company -> res.partner { name <- name  user_id <- owner_email | user }")).toEqual([
      "Reject rows with no match\nlookup user in res.users by email { missing reject }\nmap Company -> res.partner { name <- name  user_id <- owner_email | user }",
    ]);
  });
});
