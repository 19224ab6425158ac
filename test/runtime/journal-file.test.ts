/**
 * The journal file on its own: every line checked when read (a `null` line or an event of the
 * wrong shape named by its number), lines chained so that a removed or changed line is found, a
 * head beside the journal so that a journal cut short or deleted is found, a torn last line (a
 * crash mid-write) told from damage and terminated before the next append, and a journal deleted
 * or replaced while a process writes it refused instead of written on.
 */
import { appendFileSync, copyFileSync, existsSync, readFileSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { Journal, JournalError, type JournalEvent } from "../../runtime/journal/journal.js";
import { headPathOf } from "../../runtime/journal/file.js";
import { temporaryDirectory } from "./support.js";

const NULL_JOURNAL = join(import.meta.dirname, "fixtures/null-journal/journal.jsonl");
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function folder(): string {
  const directory = temporaryDirectory("flitmap-journal-file-");
  cleanups.push(directory.remove);
  return directory.path;
}

const RUN = "20260301T100000-aaaaaaaa";
function someEvents(run = RUN): JournalEvent[] {
  return [
    {
      type: "run-start",
      run,
      time: "2026-03-01T10:00:00.000Z",
      mode: "live",
      target: "Odoo 17.0 at http://odoo (database lab17)",
      planHash: "abc",
      series: "17.0",
    },
    { type: "setup-start", run, kind: "custom-field", model: "res.partner", name: "x_score" },
    { type: "setup", run, kind: "custom-field", model: "res.partner", name: "x_score", id: 41, action: "created" },
    { type: "batch-start", run, batch: "b1", step: "company", model: "res.partner", pass: "main", xmlids: ["crm.company_C1", "crm.company_C2"], existing: {} },
    {
      type: "batch-end",
      run,
      batch: "b1",
      step: "company",
      model: "res.partner",
      pass: "main",
      rows: [
        { key: "C1", xmlid: "crm.company_C1", id: 7, action: "created", hash: "h1" },
        { key: "C2", xmlid: "crm.company_C2", id: 8, action: "created", hash: "h2" },
      ],
      rejected: 0,
    },
    { type: "run-end", run, time: "2026-03-01T10:00:05.000Z", status: "complete" },
  ];
}

/** The nth of someEvents(). */
function eventAt(index: number): JournalEvent {
  const event = someEvents()[index];
  if (event === undefined) throw new Error(`someEvents() has no event ${index}`);
  return event;
}

function written(path: string, events = someEvents()): void {
  const journal = Journal.open(path);
  for (const event of events) journal.append(event);
  journal.close();
}

function lines(path: string): string[] {
  return readFileSync(path, "utf8").split("\n");
}

describe("a journal written and read back", () => {
  it("opens with a header, chains every line, keeps a head beside it, and reads back what was written", () => {
    const path = join(folder(), "journal.jsonl");
    written(path);
    const text = lines(path);
    expect(JSON.parse(text[0] ?? "")).toMatchObject({ type: "journal", format: 2 });
    expect(JSON.parse(text[1] ?? "")).toMatchObject({ type: "run-start", prev: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(JSON.parse(readFileSync(headPathOf(path), "utf8"))).toMatchObject({ format: 2, lines: 7 });
    const journal = Journal.open(path);
    expect(journal.problems).toEqual([]);
    expect(journal.notices).toEqual([]);
    expect(journal.events).toEqual(someEvents());
    expect(journal.runs()).toMatchObject([{ run: RUN, status: "complete", created: 2, wrote: true }]);
  });

  it("reads a journal of format 1 (no header, no chain) and chains what it appends after a header", () => {
    const path = join(folder(), "journal.jsonl");
    const [first, ...rest] = someEvents();
    writeFileSync(path, `${JSON.stringify(first)}\n`);
    const old = Journal.open(path);
    expect(old.problems).toEqual([]);
    for (const event of rest) old.append(event);
    old.close();
    expect(JSON.parse(lines(path)[1] ?? "")).toMatchObject({ type: "journal", format: 2, prev: expect.any(String) });
    const reopened = Journal.open(path);
    expect(reopened.problems).toEqual([]);
    expect(reopened.events).toEqual(someEvents());
  });
});

describe("damage, named by its line", () => {
  it("a null line (the reproduction null-journal/) is reported, and nothing is appended to the journal", () => {
    const path = join(folder(), "journal.jsonl");
    copyFileSync(NULL_JOURNAL, path);
    const journal = Journal.open(path);
    expect(journal.events).toEqual([]);
    expect(journal.problems).toEqual([{ line: 1, message: 'line 1: null where a journal event (an object with a "type") belongs' }]);
    expect(() => journal.append(eventAt(0))).toThrow(JournalError);
    expect(readFileSync(path, "utf8")).toBe("null\n");
  });

  it("an event of the wrong shape is reported with the field at fault, not read as one with fewer rows", () => {
    const path = join(folder(), "journal.jsonl");
    written(path);
    const text = lines(path);
    text[5] = (text[5] ?? "").replace('"id":8', '"id":"8"');
    writeFileSync(path, text.join("\n"));
    const journal = Journal.open(path);
    expect(journal.problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^line 6: a batch-end event of the wrong shape \(rows\.1\.id: .*number.*\)$/),
      // The chain finds the same line changed: the next line no longer follows it.
      "line 7 does not follow line 6: lines were removed, changed or moved before it",
    ]);
  });

  it("an unknown event type, a line that is not JSON, and a line inserted are each named", () => {
    const path = join(folder(), "journal.jsonl");
    written(path);
    const text = lines(path);
    text.splice(3, 0, '{"type":"batch-middle","run":"x"}');
    text[5] = "{garbage";
    writeFileSync(path, text.join("\n"));
    const messages = Journal.open(path).problems.map((problem) => problem.message);
    expect(messages).toContain(
      'line 4: "type" is the string "batch-middle", not one of run-start, setup-start, setup, batch-start, batch-end, feeds, stamps, lookups, run-end, rollback-start, rollback-step, rollback, journal, repair, adopted',
    );
    expect(messages).toContain("line 6: not JSON");
    expect(messages).toContain("line 5 does not follow line 4: lines were removed, changed or moved before it");
  });

  it("a line removed from the middle breaks the chain at the next one", () => {
    const path = join(folder(), "journal.jsonl");
    written(path);
    const text = lines(path);
    text.splice(3, 1);
    writeFileSync(path, text.join("\n"));
    expect(Journal.open(path).problems.map((problem) => problem.message)).toContain(
      "line 4 does not follow line 3: lines were removed, changed or moved before it",
    );
  });
});

describe("a journal cut short", () => {
  it("is found at every byte: only the whole journal, or the whole journal without its last newline, reads as undamaged", () => {
    const directory = folder();
    const path = join(directory, "journal.jsonl");
    written(path);
    const size = readFileSync(path).length;
    const cut = join(directory, "cut.jsonl");
    copyFileSync(path, cut);
    copyFileSync(headPathOf(path), headPathOf(cut));
    const undamaged: number[] = [];
    for (let length = size; length >= 0; length -= 1) {
      truncateSync(cut, length);
      const journal = Journal.open(cut);
      if (!journal.damaged) {
        undamaged.push(length);
        expect(journal.events).toEqual(someEvents());
      }
    }
    expect(undamaged).toEqual([size, size - 1]);
  });

  it("an unreadable head (a crash while it was replaced: it is not flushed) is no damage, only an end that cannot be checked", () => {
    const path = join(folder(), "journal.jsonl");
    written(path);
    writeFileSync(headPathOf(path), "");
    const journal = Journal.open(path);
    expect(journal.problems).toEqual([]);
    expect(journal.notices).toEqual([`${headPathOf(path)} is unreadable: whether the journal was cut short cannot be told from the file alone`]);
  });

  it("a journal deleted is found while its head is there", () => {
    const path = join(folder(), "journal.jsonl");
    written(path);
    rmSync(path);
    expect(Journal.open(path).problems).toEqual([{ message: `the journal ${path} is missing, though ${headPathOf(path)} says 7 lines were written to it` }]);
  });
});

describe("a torn last line (a crash while it was written)", () => {
  it("is ignored when read, terminated before the next append, and the next run's start is not swallowed", () => {
    const path = join(folder(), "journal.jsonl");
    written(path, [eventAt(0)]);
    appendFileSync(path, '{"type":"setup-start","run":"2026');
    const torn = Journal.open(path);
    expect(torn.problems).toEqual([]);
    expect(torn.notices).toEqual(["line 3 is torn (a crash while it was written): it was never acknowledged, and is ignored"]);
    const next = someEvents("20260302T100000-bbbbbbbb");
    for (const event of next) torn.append(event);
    torn.close();
    expect(lines(path)[2]).toBe('{"type":"setup-start","run":"2026');
    expect(JSON.parse(lines(path)[3] ?? "")).toMatchObject({ type: "repair", line: 3 });
    const reopened = Journal.open(path);
    expect(reopened.problems).toEqual([]);
    expect(reopened.notices).toEqual(["line 3 was torn by a crash while it was written, and terminated before the next line"]);
    expect(reopened.runs().map((run) => [run.run, run.status])).toEqual([
      [RUN, "interrupted"],
      ["20260302T100000-bbbbbbbb", "complete"],
    ]);
  });

  it("is damage when the head says the line was written whole", () => {
    const path = join(folder(), "journal.jsonl");
    written(path);
    const size = readFileSync(path).length;
    truncateSync(path, size - 10);
    expect(Journal.open(path).problems).toEqual([{ line: 7, message: "line 7 is cut short, though it was written whole: the journal was truncated" }]);
  });
});

describe("a journal changed under a process writing it", () => {
  it("deleted: the next append refuses instead of writing into a file no one will read", () => {
    const path = join(folder(), "journal.jsonl");
    const journal = Journal.open(path);
    journal.append(eventAt(0));
    rmSync(path);
    expect(() => journal.append(eventAt(1))).toThrow(/was deleted while this process wrote it: nothing more is journaled/);
    journal.close();
    expect(existsSync(path)).toBe(false);
    expect(Journal.open(path).damaged).toBe(true);
  });

  it("replaced or cut: the next append refuses", () => {
    const path = join(folder(), "journal.jsonl");
    const journal = Journal.open(path);
    journal.append(eventAt(0));
    writeFileSync(`${path}.new`, readFileSync(path));
    rmSync(path);
    copyFileSync(`${path}.new`, path);
    expect(() => journal.append(eventAt(1))).toThrow(/was replaced by another file/);
    journal.close();
    const other = Journal.open(path);
    other.append(eventAt(1));
    truncateSync(path, 10);
    expect(() => other.append(eventAt(2))).toThrow(/was changed by someone else/);
    other.close();
  });

  it("changed between reading and the first append: refuses", () => {
    const path = join(folder(), "journal.jsonl");
    written(path);
    const journal = Journal.open(path);
    appendFileSync(path, "\n");
    expect(() => journal.append(eventAt(0))).toThrow(/changed since it was read/);
    journal.close();
  });
});
