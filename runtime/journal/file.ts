/**
 * Reading a journal file and telling damage from a crash.
 *
 * Format 2 opens with a header line (`{"type":"journal","format":2,"id":...}`) and chains every
 * line after it to the one before: `prev` holds a hash of the previous line's text, so a line
 * removed, changed or moved breaks the chain at the next one. Beside the journal, `journal.head.json`
 * (rewritten after every append) holds the number and hash of the last line written, so a journal
 * cut short, emptied or deleted is told apart from one that was never longer.
 *
 * A crash can only tear the line being written, which was never acknowledged: an unterminated
 * last line past the head is ignored (and terminated before the next append, with a `repair`
 * line naming it). Anything else that does not read back is damage, reported with its line number.
 * Format 1 (journals of Flitmap before format 2: no header, no chain, no head) is read and
 * validated line by line.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { z } from "zod";
import { checkLine, isRecord, isRunEvent, JOURNAL_FORMAT, type JournalEvent, type JournalMeta } from "./events.js";

export interface JournalProblem {
  /** The line of the journal file (from 1), when the damage is on one. */
  readonly line?: number;
  readonly message: string;
}

/** Where the file ends, as the next append must continue it. */
export interface JournalTail {
  /** Lines ended by a newline (blank ones included): the next line written gets this number plus one. */
  readonly terminated: number;
  /** The last line does not end with a newline: it must be terminated before anything is appended. */
  readonly unterminated: boolean;
  /** That unterminated line is a torn fragment (not a valid event): a `repair` line names it once terminated. */
  readonly tornLine?: number;
  /** The hash of the last non-blank line, torn or not: the `prev` of the next one once it is terminated. */
  readonly lastHash?: string;
}

export interface JournalReading {
  /** 0 for a file that does not exist or is empty, 1 for a journal without header, else the header's format. */
  readonly format: number;
  readonly id?: string;
  readonly events: JournalEvent[];
  readonly meta: JournalMeta[];
  /** Damage: the journal cannot be trusted to say what runs wrote. */
  readonly problems: JournalProblem[];
  /** What a crash leaves and needs no one's attention (a torn last line), or what could not be checked. */
  readonly notices: string[];
  readonly tail: JournalTail;
  /** The size of the file in bytes when it was read (undefined: there was none). */
  readonly size?: number;
}

export const headSchema = z.object({ format: z.number().int(), journal: z.string(), lines: z.number().int().nonnegative(), last: z.string() });
export type JournalHead = z.infer<typeof headSchema>;

export function lineHash(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

/** `journal.jsonl` keeps its head in `journal.head.json`. */
export function headPathOf(path: string): string {
  return `${path.replace(/\.jsonl$/, "")}.head.json`;
}

interface PhysicalLine {
  readonly number: number;
  readonly text: string;
  readonly terminated: boolean;
}

function physicalLines(content: string): PhysicalLine[] {
  const parts = content.split("\n");
  const last = parts.length - 1;
  return parts
    .map((text, index) => ({ number: index + 1, text, terminated: index < last }))
    .filter((line) => line.text.trim() !== "" && (line.terminated || line.text.length > 0));
}

/** The head, if there is a readable one: a crash can leave it unreadable (it is not flushed), which says nothing about the journal. */
function readHead(path: string, notices: string[]): JournalHead | undefined {
  const headPath = headPathOf(path);
  if (!existsSync(headPath)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(headPath, "utf8"));
  } catch {
    value = undefined;
  }
  const parsed = headSchema.safeParse(value);
  if (!parsed.success) notices.push(`${headPath} is unreadable: whether the journal was cut short cannot be told from the file alone`);
  return parsed.success ? parsed.data : undefined;
}

/** A chained line's `prev`, and the event without it. */
function splitChain(value: unknown): { prev: unknown; rest: unknown } {
  if (!isRecord(value) || !("prev" in value)) return { prev: undefined, rest: value };
  const { prev, ...rest } = value;
  return { prev, rest };
}

class Reader {
  format = 0;
  id: string | undefined;
  chained = false;
  previousHash: string | undefined;
  previousNumber = 0;
  readonly events: JournalEvent[] = [];
  readonly meta: JournalMeta[] = [];
  readonly problems: JournalProblem[] = [];
  readonly notices: string[] = [];
  /** Lines that did not read back, by number: excused if a later `repair` line names them. */
  readonly bad = new Map<number, string>();
  /** Lines whose text and hash made it into the file whole (for the head's check). */
  readonly hashes = new Map<number, string>();

  /** Reads one line; false when it is not a valid line (an unterminated one is then a torn fragment). */
  take(line: PhysicalLine, hash: string): boolean {
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch {
      if (line.terminated) this.bad.set(line.number, "not JSON");
      return false;
    }
    const { prev, rest } = splitChain(value);
    const checked = checkLine(rest);
    if (!checked.ok) {
      if (line.terminated) this.bad.set(line.number, checked.reason);
      return false;
    }
    const entry = checked.line;
    if (entry.type === "journal") this.header(entry, line.number);
    else if (this.chained && prev === undefined)
      this.problems.push({ line: line.number, message: `line ${line.number} has no "prev": it was not written by this journal's chain` });
    if (prev !== undefined && !this.chained && entry.type !== "journal")
      this.problems.push({
        line: line.number,
        message: `line ${line.number} is chained, but no journal header comes before it: the start of the journal is gone`,
      });
    if (prev !== undefined && prev !== this.previousHash)
      this.problems.push({
        line: line.number,
        message: `line ${line.number} does not follow ${this.previousNumber === 0 ? "the start of the file" : `line ${this.previousNumber}`}: lines were removed, changed or moved before it`,
      });
    if (isRunEvent(entry)) this.events.push(entry);
    else if (entry.type !== "journal") this.meta.push(entry);
    this.hashes.set(line.number, hash);
    return true;
  }

  private header(entry: Extract<JournalMeta, { type: "journal" }>, number: number): void {
    if (this.chained) this.problems.push({ line: number, message: `line ${number} is a second journal header: two journals were joined` });
    if (entry.format > JOURNAL_FORMAT)
      this.problems.push({
        line: number,
        message: `the journal is in format ${entry.format}, written by a newer Flitmap than this one (format ${JOURNAL_FORMAT})`,
      });
    this.chained = true;
    this.format = entry.format;
    this.id = entry.id;
  }
}

/** Reads and checks the journal at `path` (and its head). Never throws on damage; reports it. */
export function readJournal(path: string): JournalReading {
  const problems: JournalProblem[] = [];
  const notices: string[] = [];
  const head = readHead(path, notices);
  if (!existsSync(path)) {
    if (head !== undefined && head.lines > 0)
      problems.push({ message: `the journal ${path} is missing, though ${headPathOf(path)} says ${head.lines} lines were written to it` });
    return { format: 0, events: [], meta: [], problems, notices, tail: { terminated: 0, unterminated: false } };
  }
  const bytes = readFileSync(path);
  const content = bytes.toString("utf8");
  const reader = new Reader();
  reader.notices.push(...notices);
  const lines = physicalLines(content);
  let tornLine: number | undefined;
  const unterminated = content.length > 0 && !content.endsWith("\n");
  let lastHash: string | undefined;
  for (const line of lines) {
    const hash = lineHash(line.text);
    lastHash = hash;
    const taken = reader.take(line, hash);
    if (!line.terminated && !taken) tornLine = line.number;
    if (taken || line.terminated) {
      reader.previousHash = hash;
      reader.previousNumber = line.number;
    }
    if (reader.format === 0) reader.format = 1;
  }
  const repaired = new Set(reader.meta.flatMap((entry) => (entry.type === "repair" ? [entry.line] : [])));
  for (const [number, reason] of reader.bad) {
    if (repaired.has(number)) reader.notices.push(`line ${number} was torn by a crash while it was written, and terminated before the next line`);
    else reader.problems.push({ line: number, message: `line ${number}: ${reason}` });
  }
  checkHead(path, head, reader, tornLine);
  reader.problems.sort((left, right) => (left.line ?? 0) - (right.line ?? 0));
  const terminated = content.split("\n").length - 1;
  return {
    format: reader.format,
    ...(reader.id === undefined ? {} : { id: reader.id }),
    events: reader.events,
    meta: reader.meta,
    problems: reader.problems,
    notices: reader.notices,
    size: bytes.length,
    tail: {
      terminated,
      unterminated,
      ...(tornLine === undefined ? {} : { tornLine }),
      ...(lastHash === undefined ? {} : { lastHash }),
    },
  };
}

function checkHead(path: string, head: JournalHead | undefined, reader: Reader, tornLine: number | undefined): void {
  if (head === undefined) {
    if (reader.chained && !existsSync(headPathOf(path)))
      reader.notices.push(`${headPathOf(path)} is missing: whether the journal was cut short cannot be told from the file alone`);
    if (tornLine !== undefined) reader.notices.push(`line ${tornLine} is torn (a crash while it was written): it was never acknowledged, and is ignored`);
    return;
  }
  if (reader.id !== undefined && head.journal !== reader.id) {
    reader.problems.push({ message: `${path} is not the journal ${headPathOf(path)} was written for (journal ${reader.id}, head of journal ${head.journal})` });
    return;
  }
  if (tornLine !== undefined && tornLine <= head.lines)
    reader.problems.push({ line: tornLine, message: `line ${tornLine} is cut short, though it was written whole: the journal was truncated` });
  else if (tornLine !== undefined) reader.notices.push(`line ${tornLine} is torn (a crash while it was written): it was never acknowledged, and is ignored`);
  if (head.lines === 0) return;
  const written = reader.hashes.get(head.lines);
  const lastNumber = Math.max(0, ...reader.hashes.keys(), ...reader.bad.keys());
  if (written === head.last || (tornLine !== undefined && tornLine <= head.lines)) return;
  if (lastNumber === 0)
    reader.problems.push({ message: `the journal is empty, but ${head.lines} lines were written to it (${headPathOf(path)}): it was emptied or replaced` });
  else if (lastNumber < head.lines)
    reader.problems.push({
      message: `the journal ends at line ${lastNumber}, but ${head.lines} lines were written to it (${headPathOf(path)}): it was truncated or replaced`,
    });
  else reader.problems.push({ line: head.lines, message: `line ${head.lines} is not the line that was written there` });
}
