/**
 * Every reject names its file, line and key, cascaded ones included (issue 17, item 10): a link
 * row (Perfect Books' contact_companies.csv) refused because the contact it belongs to was refused
 * says which contact, where, and why, whether the reader refused that contact's row or the mapping
 * did, in the reject file a person reads.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterEach, describe, expect, it } from "vitest";
import { runCliInProcess } from "./helpers.js";
import { PERFECTBOOKS, scratch } from "./sample-copies.js";

const { copy, folder, cleanUp } = scratch();
afterEach(cleanUp);

type Table = Record<string, string>[];
const table = (path: string): Table => parse<Table[number]>(readFileSync(path, "utf8"), { columns: true });

describe("a link row refused with the row it belongs to", () => {
  it("names that row, its file and line, and why it was refused, with its own file, line and key", async () => {
    const sample = copy();
    const links = sample.rows("contact_companies.csv");
    const contacts = sample.rows("contacts.csv");
    const header = contacts[0] ?? [];
    const [first, last] = [header.indexOf("First Name"), header.indexOf("Last Name")];
    const linked = new Set(links.slice(1).map((row) => row[0]));
    // Two contacts that have companies: the reader refuses the first (a cell too many), the mapping the second (no name).
    const [ragged, nameless] = contacts.map((row, index) => ({ row, line: index + 1 })).filter(({ row, line }) => line > 1 && linked.has(row[0]));
    if (ragged === undefined || nameless === undefined) throw new Error("the sample has fewer than two contacts with companies");
    sample.write(
      "contacts.csv",
      contacts.map((row) =>
        row === ragged.row ? [...row, "extra"] : row === nameless.row ? row.map((cell, column) => (column === first || column === last ? "" : cell)) : row,
      ),
    );
    const out = join(folder(), "out");
    const ran = await runCliInProcess(["run", PERFECTBOOKS, "--source", sample.path, "--out", out]);
    expect(ran.code, ran.stderr).toBe(0);

    const contactRejects = table(join(out, "rejects", "Contact.csv"));
    const reasonOf = (id: string | undefined): string => contactRejects.find((reject) => reject["key"] === id)?.["reason"] ?? "";
    expect(reasonOf(ragged.row[0])).toMatch(/^the row has \d+ cells but the header has \d+/);
    expect(reasonOf(nameless.row[0])).toMatch(/^name: /);

    const expected = links.flatMap((row, index) => {
      const parent = row[0] === ragged.row[0] ? ragged : row[0] === nameless.row[0] ? nameless : undefined;
      if (index === 0 || parent === undefined) return [];
      const because = `refused because Contact "${parent.row[0] ?? ""}", contacts.csv line ${parent.line}, was refused: ${reasonOf(parent.row[0])}`;
      return [{ file: "contact_companies.csv", line: String(index + 1), key: JSON.stringify([row[0], row[1]]), reason: because }];
    });
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const linkRejects = table(join(out, "rejects", "ContactCompany.csv")).map((reject) => ({
      file: reject["file"],
      line: reject["line"],
      key: reject["key"],
      reason: reject["reason"],
    }));
    expect(linkRejects).toEqual(expected);
  });
});
