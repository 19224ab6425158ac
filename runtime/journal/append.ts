/**
 * Appending to a journal file: each append is one write of whole lines followed by fsync, then
 * the head (`journal.head.json`) is replaced by a new one naming the last line and its hash (a
 * write to a temporary file and a rename: after a crash the head is at most one append behind the
 * journal, or unreadable, and never ahead of it).
 *
 * Before the first append, what a crash left is repaired: a torn last line is terminated and a
 * `repair` line names it; a journal of format 1 gets a header, from which on the lines are chained.
 * Before every append the file is checked to be the one this process read and wrote: a journal
 * deleted, replaced or cut while a run writes it stops the run instead of losing what follows.
 */
import { randomUUID } from "node:crypto";
import { closeSync, fstatSync, fsyncSync, mkdirSync, openSync, renameSync, statSync, writeFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { JOURNAL_FORMAT, type JournalLine } from "./events.js";
import { headPathOf, lineHash, type JournalHead, type JournalReading } from "./file.js";
import { JournalError } from "./journal-error.js";

export { JournalError };

export class JournalFile {
  private descriptor: number | undefined;
  private identity: { readonly dev: number; readonly ino: number } | undefined;
  private size = 0;
  private lines: number;
  private lastHash: string | undefined;
  private id: string | undefined;
  private needsHeader: boolean;
  private pendingRepair: { readonly terminate: boolean; readonly tornLine?: number };
  private broken: string | undefined;

  constructor(
    readonly path: string,
    reading: JournalReading,
    /** The size of the file when it was read (undefined: it did not exist). */
    private readonly readSize: number | undefined,
  ) {
    this.lines = reading.tail.terminated;
    this.lastHash = reading.tail.lastHash;
    this.id = reading.id;
    this.needsHeader = reading.format < JOURNAL_FORMAT;
    this.pendingRepair = { terminate: reading.tail.unterminated, ...(reading.tail.tornLine === undefined ? {} : { tornLine: reading.tail.tornLine }) };
  }

  write(entries: readonly JournalLine[]): void {
    if (this.broken !== undefined) throw new JournalError(this.broken);
    const descriptor = this.open();
    this.checkIdentity(descriptor);
    let text = "";
    const add = (entry: JournalLine): void => {
      const line = JSON.stringify(this.lastHash === undefined ? entry : { ...entry, prev: this.lastHash });
      text += `${line}\n`;
      this.lastHash = lineHash(line);
      this.lines += 1;
    };
    const time = new Date().toISOString();
    if (this.pendingRepair.terminate) {
      text += "\n";
      this.lines += 1;
    }
    if (this.needsHeader) {
      this.id ??= randomUUID();
      add({ type: "journal", format: JOURNAL_FORMAT, id: this.id, time });
    }
    if (this.pendingRepair.tornLine !== undefined) add({ type: "repair", line: this.pendingRepair.tornLine, time });
    for (const entry of entries) add(entry);
    try {
      const bytes = Buffer.from(text, "utf8");
      writeSync(descriptor, bytes);
      fsyncSync(descriptor);
      this.size += bytes.length;
    } catch (error) {
      this.broken = `writing the journal ${this.path} failed (${error instanceof Error ? error.message : String(error)}): nothing more can be journaled`;
      throw new JournalError(this.broken);
    }
    this.needsHeader = false;
    this.pendingRepair = { terminate: false };
    this.writeHead();
  }

  close(): void {
    if (this.descriptor !== undefined) closeSync(this.descriptor);
    this.descriptor = undefined;
  }

  private open(): number {
    if (this.descriptor !== undefined) return this.descriptor;
    const existed = statSync(this.path, { throwIfNoEntry: false });
    if (this.readSize !== undefined && existed === undefined) this.fail("was deleted since it was read");
    if (existed === undefined) mkdirSync(dirname(this.path), { recursive: true });
    const descriptor = openSync(this.path, "a");
    const stats = fstatSync(descriptor);
    if (stats.size !== (this.readSize ?? 0)) {
      closeSync(descriptor);
      this.fail(`changed since it was read (${this.readSize ?? 0} bytes then, ${stats.size} now)`);
    }
    if (existed === undefined) {
      // A new file: its name must survive a crash as its lines do.
      const directory = openSync(dirname(this.path), "r");
      fsyncSync(directory);
      closeSync(directory);
    }
    this.descriptor = descriptor;
    this.identity = { dev: stats.dev, ino: stats.ino };
    this.size = stats.size;
    return descriptor;
  }

  /** The path must still name the file this process appends to, at the size it left it. */
  private checkIdentity(descriptor: number): void {
    const current = statSync(this.path, { throwIfNoEntry: false });
    if (current === undefined) this.fail("was deleted while this process wrote it");
    if (this.identity !== undefined && (current.dev !== this.identity.dev || current.ino !== this.identity.ino))
      this.fail("was replaced by another file while this process wrote it");
    const own = fstatSync(descriptor);
    if (own.size !== this.size) this.fail(`was changed by someone else while this process wrote it (${this.size} bytes expected, ${own.size} found)`);
  }

  private fail(what: string): never {
    this.broken = `the journal ${this.path} ${what}: nothing more is journaled, so nothing more may be written to Odoo`;
    throw new JournalError(this.broken);
  }

  private writeHead(): void {
    if (this.id === undefined || this.lastHash === undefined) return;
    const head: JournalHead = { format: JOURNAL_FORMAT, journal: this.id, lines: this.lines, last: this.lastHash };
    const headPath = headPathOf(this.path);
    const temporary = `${headPath}.${process.pid}.tmp`;
    // Not flushed: the lines it names are on disk already, so a head a crash leaves behind or unreadable never claims more than the journal holds.
    writeFileSync(temporary, `${JSON.stringify(head)}\n`);
    renameSync(temporary, headPath);
  }
}
