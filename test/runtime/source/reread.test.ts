/**
 * Reading an entity's files again with the key winners of an earlier reading to the end: the same
 * rows, duplicates and rejections, without the first pass (a run reads some entities twice).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readEntity } from "../../../runtime/source/csv-reader.js";
import type { EntitySourceSpec, SourceItem } from "../../../runtime/source/entity-reading.js";
import { valueFormat } from "../../../runtime/source/values.js";

const format = valueFormat({ datetime: "dd-MM-yyyy HH:mm", timezone: "Europe/Amsterdam" });
let directory: string;

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), "flitmap-reread-"));
});

afterEach(() => {
  rmSync(directory, { recursive: true, force: true });
});

function spec(duplicates: EntitySourceSpec["duplicates"]): EntitySourceSpec {
  return {
    entity: "Relation",
    directory,
    pattern: "relations_*.csv",
    delimiter: ";",
    encoding: "utf-8",
    key: ["id"],
    duplicates,
    columns: [
      { name: "id", header: "Id", type: "text", format, required: true },
      { name: "name", header: "Name", type: "text", format, required: true },
      { name: "modified", header: "Modified", type: "datetime", format, required: false },
    ],
  };
}

function described(item: SourceItem): string {
  if (item.kind === "row") return `row ${item.file}:${item.line} ${item.key} ${String(item.values["name"])}`;
  if (item.kind === "duplicate") return `duplicate ${item.file}:${item.line} ${item.key} kept ${item.keptFrom.file}:${item.keptFrom.line}`;
  return `rejected ${item.file}:${item.line} ${item.reason}`;
}

describe("reading again with the winners of an earlier reading", () => {
  for (const duplicates of [{ rule: "last-file" }, { rule: "newest", column: "modified" }, { rule: "first" }] as const) {
    it(`gives the same items as the first reading (${duplicates.rule})`, async () => {
      writeFileSync(
        join(directory, "relations_1.csv"),
        "Id;Name;Modified\nR1;One;01-01-2024 09:00\nR2;Two;05-01-2024 09:00\nR3;;01-01-2024 09:00\nR1;One again;02-01-2024 09:00\n",
      );
      writeFileSync(join(directory, "relations_2.csv"), "Id;Name;Modified\nR2;Two (later, older);01-01-2024 09:00\nR4;Four;\n");
      const first = readEntity(spec(duplicates));
      expect(first.winners()).toBeUndefined();
      const firstItems: string[] = [];
      for await (const item of first.rows) firstItems.push(described(item));
      const winners = first.winners();
      expect(winners).toBeDefined();
      const again = readEntity(spec(duplicates), winners);
      const againItems: string[] = [];
      for await (const item of again.rows) againItems.push(described(item));
      expect(againItems).toEqual(firstItems);
      expect(again.report().duplicatesDropped).toEqual(first.report().duplicatesDropped);
      expect(firstItems.filter((item) => item.startsWith("duplicate"))).toHaveLength(2);
    });
  }
});
