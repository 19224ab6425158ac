/** The file built-ins over a real export folder, read by the real attachment reader: file, mimetype, filename. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SourceOptionsPlan } from "../../../compiler/plan/schema.js";
import { readAttachment } from "../../../runtime/source/attachments.js";
import { BUILTIN_IMPLEMENTATIONS, type BuiltinContext } from "../../../runtime/transform/builtins.js";
import type { RuntimeValue, StepOutcome } from "../../../runtime/transform/values.js";

const options: SourceOptionsPlan = {
  delimiter: ";",
  encoding: "windows-1252",
  quote: '"',
  date: "dd-MM-yyyy",
  datetime: "dd-MM-yyyy HH:mm",
  timezone: "Europe/Amsterdam",
  decimal: ",",
  trueWords: ["ja"],
  falseWords: ["nee"],
};

const PDF = Buffer.from("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n", "latin1");
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

let root: string;
let exportFolder: string;
const reads: string[] = [];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "flitmap-file-steps-"));
  exportFolder = join(root, "export");
  mkdirSync(join(exportFolder, "bestanden"), { recursive: true });
  writeFileSync(join(exportFolder, "bestanden", "offerte.pdf"), PDF);
  // A PNG saved with the wrong extension: the bytes decide.
  writeFileSync(join(exportFolder, "bestanden", "logo.jpg"), PNG);
  writeFileSync(join(exportFolder, "bestanden", "notitie"), "Beste Jan,\nTot ziens\n");
  writeFileSync(join(root, "secret.txt"), "outside the export");
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const context: BuiltinContext = {
  options,
  readFile: async (path) => {
    reads.push(path);
    const read = await readAttachment(exportFolder, path);
    return read.kind === "file"
      ? { ok: true, base64: read.base64, mimetype: read.mimeType, size: read.size, name: read.name }
      : { ok: false, reason: read.reason };
  },
};

async function run(name: string, input: RuntimeValue): Promise<StepOutcome> {
  const implementation = BUILTIN_IMPLEMENTATIONS[name];
  if (implementation === undefined) throw new Error(`no implementation of ${name}`);
  return implementation(input, [], context);
}

describe("file", () => {
  it("reads the file as base64, through Windows separators and stray spaces", async () => {
    expect(await run("file", "bestanden/offerte.pdf")).toEqual({ ok: true, value: PDF.toString("base64") });
    expect(await run("file", " bestanden\\offerte.pdf ")).toEqual({ ok: true, value: PDF.toString("base64") });
  });

  it("rejects a missing file and a path leaving the export folder, with the reader's reason", async () => {
    expect(await run("file", "bestanden/ontbreekt.pdf")).toEqual({
      ok: false,
      reason: `attachment 'bestanden/ontbreekt.pdf' does not exist in the export folder ${exportFolder}`,
    });
    expect(await run("file", "..\\secret.txt")).toEqual({ ok: false, reason: "'..\\secret.txt' points outside the export folder; refused" });
  });

  it("reads nothing for an empty path", async () => {
    reads.length = 0;
    expect(await run("file", "  ")).toEqual({ ok: true, value: null });
    expect(reads).toEqual([]);
  });
});

describe("mimetype", () => {
  it("is the type the file's first bytes say, the extension only as a fallback", async () => {
    expect(await run("mimetype", "bestanden\\offerte.pdf")).toEqual({ ok: true, value: "application/pdf" });
    expect(await run("mimetype", "bestanden/logo.jpg")).toEqual({ ok: true, value: "image/png" });
    expect(await run("mimetype", "bestanden/notitie")).toEqual({ ok: true, value: "text/plain" });
  });

  it("rejects a missing file", async () => {
    expect(await run("mimetype", "bestanden/weg.png")).toEqual({
      ok: false,
      reason: `attachment 'bestanden/weg.png' does not exist in the export folder ${exportFolder}`,
    });
  });
});

describe("filename", () => {
  it("is the base name, with \\ and / both separating folders", async () => {
    expect(await run("filename", "bestanden\\offerte.pdf")).toEqual({ ok: true, value: "offerte.pdf" });
    expect(await run("filename", "docs/2024/contract 12.pdf")).toEqual({ ok: true, value: "contract 12.pdf" });
    expect(await run("filename", "C:\\Export\\docs/mixed\\Notitie.txt ")).toEqual({ ok: true, value: "Notitie.txt" });
    expect(await run("filename", "offerte.pdf")).toEqual({ ok: true, value: "offerte.pdf" });
  });

  it("does not read the file", async () => {
    reads.length = 0;
    expect(await run("filename", "bestanden/ontbreekt.pdf")).toEqual({ ok: true, value: "ontbreekt.pdf" });
    expect(reads).toEqual([]);
  });

  it("rejects a path that names a folder", async () => {
    expect(await run("filename", "bestanden\\")).toEqual({ ok: false, reason: "'bestanden\\' names a folder, not a file" });
  });
});
