import { execFileSync } from "node:child_process";
import { createReadStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FilesTarget } from "../../runtime/targets/files-target.js";
import type { WriteBatch } from "../../runtime/targets/target.js";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const made = mkdtempSync(join(tmpdir(), "flitmap-files-target-"));
  folders.push(made);
  return made;
}

/** A batch of `rows` partners whose notes are `width` characters long. */
function batch(first: number, rows: number, width: number): WriteBatch {
  return {
    step: "contact",
    model: "res.partner",
    pass: "main",
    fields: ["id", "name", "comment"],
    rows: Array.from({ length: rows }, (_, index) => ({
      key: `C${first + index}`,
      xmlid: `crm.contact_C${first + index}`,
      cells: [`crm.contact_C${first + index}`, `Contact ${first + index}`, "x".repeat(width)],
    })),
  };
}

/** Whether a promise is still pending once the event loop has had time to settle it. */
async function pending(promise: Promise<unknown>): Promise<boolean> {
  const marker = Symbol("pending");
  const settled = await Promise.race([promise.then(() => undefined), new Promise<symbol>((wait) => setTimeout(() => wait(marker), 200))]);
  return settled === marker;
}

describe("the import files target", () => {
  it("writes every row of every batch, after the header, in order", async () => {
    const directory = folder();
    const target = new FilesTarget(directory, "crm");
    await target.write(batch(1, 2, 3));
    await target.write(batch(3, 1, 3));
    await target.close();
    expect(readFileSync(join(directory, "01-res.partner-contact.csv"), "utf8")).toBe(
      "id,name,comment\r\ncrm.contact_C1,Contact 1,xxx\r\ncrm.contact_C2,Contact 2,xxx\r\ncrm.contact_C3,Contact 3,xxx\r\n",
    );
  });

  // A run transforms rows faster than a disk takes them: a write that did not wait would keep
  // every row not yet written in memory (tens of megabytes of a million-row run).
  it.skipIf(process.platform === "win32")("does not finish a write while its file cannot take more, and finishes it once the file does", async () => {
    const directory = folder();
    // A pipe that nobody reads yet stands for a disk that is behind.
    const path = join(directory, "01-res.partner-contact.csv");
    execFileSync("mkfifo", [path]);
    const target = new FilesTarget(directory, "crm");
    const written = target.write(batch(1, 300, 10_000));
    expect(await pending(written)).toBe(true);
    let bytes = 0;
    const reader = createReadStream(path);
    reader.on("data", (chunk) => (bytes += chunk.length));
    await written;
    const closed = target.close();
    await new Promise<void>((done) => reader.on("end", () => done()));
    await closed;
    expect(bytes).toBeGreaterThan(300 * 10_000);
  });
});
