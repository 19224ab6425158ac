/**
 * A column whose values hold figures and words as a street does (`Ca. 1.200 m²`), but run over
 * several lines: a description, not a street, when its header says nothing the lexicon knows.
 */
import { describe, expect, it } from "vitest";
import { profileEntities } from "../../propose/entities.js";
import type { ExportFile } from "../../propose/export.js";
import { valueRoles } from "../../propose/value-roles.js";

const headers = ["Bagzux", "Zudkeb", "Gukkad"];
const rows = Array.from({ length: 24 }, (_, index) => [
  `S-${1000 + index}`,
  ["Anlæg af have, Roskilde", "Græsslåning, Tune", "Beskæring, Viby"][index % 3] ?? "",
  index % 3 === 0 ? `Ca. ${(index + 2) * 137} m²\nKunden ønsker tilbud på ${index % 2 === 0 ? "sten" : "græs"}` : "",
]);
const deals: ExportFile = { path: "qoxbiz.csv", encoding: "utf-8", encodingNote: null, bom: false, delimiter: ",", headers, rows, rowCount: rows.length };

describe("texts of several lines holding figures", () => {
  it("are a long text, no street", () => {
    const [entity] = profileEntities({ files: [deals], otherFiles: [] });
    const column = entity?.columns.find((candidate) => candidate.header === "Gukkad");
    expect(column?.guess.multiline).toBe(true);
    const roles = entity === undefined ? new Map() : valueRoles(entity.columns, entity.key, {});
    expect(column === undefined ? undefined : roles.get(column)).toBe("longtext");
  });
});
