/**
 * A reference record's name and a column's share the expressions' namespace, and the column wins:
 * `subtype_id = note` beside a column `note` (a Romanian export's `Note`) was read as the column,
 * refused by the check (FM304) and demoted to a TODO. Records now avoid the export's column names.
 */
import { describe, expect, it } from "vitest";
import { loadShippedCatalog } from "../../compiler/catalog/index.js";
import { Registries } from "../../propose/registries.js";

describe("reference record names in a proposal", () => {
  const schema = loadShippedCatalog("17.0");

  it("keep the wanted name when no column has it", () => {
    const registries = new Registries(schema, new Set(["subject", "date"]));
    expect(registries.record("mail.message.subtype", { name: "note", existing: "mail.mt_note" })).toBe("note");
  });

  it("take the model's last word when a column of the export has the name, and a number after that", () => {
    const registries = new Registries(schema, new Set(["note", "note_subtype"]));
    expect(registries.record("mail.message.subtype", { name: "note", existing: "mail.mt_note" })).toBe("note_subtype_2");
    expect(new Registries(schema, new Set(["note"])).record("mail.message.subtype", { name: "note", existing: "mail.mt_note" })).toBe("note_subtype");
  });

  it("give the same record the same name", () => {
    const registries = new Registries(schema, new Set(["note"]));
    const first = registries.record("mail.message.subtype", { name: "note", existing: "mail.mt_note" });
    expect(registries.record("mail.message.subtype", { name: "note", existing: "mail.mt_note" })).toBe(first);
  });
});
