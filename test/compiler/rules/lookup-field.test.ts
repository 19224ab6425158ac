import { describe, expect, it } from "vitest";
import { diagnosticsOf } from "../helpers.js";

describe("FM408 lookup_field", () => {
  it("accepts matching on e-mail and login", () => {
    expect(diagnosticsOf("FM408", "lookup u in res.users by email or login { missing reject }")).toEqual([]);
  });

  it("reports a misspelt field and a binary field", () => {
    expect(diagnosticsOf("FM408", "lookup u in res.users by mail or image_1920 { missing reject }")).toEqual([
      "main.flitmap:1:26-1:30 error FM408 res.users has no field mail to match on; did you mean `email`?",
      "main.flitmap:1:34-1:44 error FM408 res.users.image_1920 is a binary field; a lookup matches on text or number fields (char, text, integer, selection)",
    ]);
  });
});
