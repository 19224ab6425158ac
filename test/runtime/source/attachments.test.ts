import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FolderListings, readAttachment, readAttachmentNow, resolveAttachmentPath, sniffMimeType } from "../../../runtime/source/attachments.js";

let root: string;
let exportFolder: string;

const PDF = Buffer.from("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n", "latin1");
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "flitmap-attachments-"));
  exportFolder = join(root, "export");
  mkdirSync(join(exportFolder, "docs"), { recursive: true });
  writeFileSync(join(exportFolder, "docs", "contract 12.pdf"), PDF);
  writeFileSync(join(exportFolder, "docs", "Logo.PNG"), PNG);
  writeFileSync(join(root, "secret.txt"), "outside");
  symlinkSync(join(root, "secret.txt"), join(exportFolder, "docs", "link.txt"));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("readAttachment", () => {
  it("reads a file relative to the export folder as base64 with size and a sniffed MIME type", async () => {
    const result = await readAttachment(exportFolder, " docs/contract 12.pdf ");
    expect(result).toEqual({
      kind: "file",
      path: join(exportFolder, "docs", "contract 12.pdf"),
      name: "contract 12.pdf",
      size: PDF.length,
      mimeType: "application/pdf",
      base64: PDF.toString("base64"),
      note: null,
    });
  });

  it("accepts Windows separators and a different letter case, and says so", async () => {
    const result = await readAttachment(exportFolder, "docs\\logo.png");
    expect(result).toMatchObject({
      kind: "file",
      name: "Logo.PNG",
      mimeType: "image/png",
      note: "'docs\\logo.png' was found as 'docs/Logo.PNG' (letter case differs)",
    });
  });

  it("finds a different letter case through folder listings made once, as a run reads its files", async () => {
    const listings = new FolderListings();
    for (const written of ["docs\\logo.png", "docs/LOGO.png", "docs/missing.pdf", "DOCS/contract 12.pdf"])
      expect(readAttachmentNow(exportFolder, written, { listings })).toEqual(await readAttachment(exportFolder, written));
    // Two names that differ only in case: neither is taken for a third.
    writeFileSync(join(exportFolder, "docs", "TWIN.txt"), "a");
    writeFileSync(join(exportFolder, "docs", "twin.TXT"), "b");
    expect(readAttachmentNow(exportFolder, "docs/Twin.txt", { listings: new FolderListings() })).toMatchObject({ kind: "rejected" });
  });

  it("rejects a missing file with a clear reason", async () => {
    expect(await readAttachment(exportFolder, "docs/missing.pdf")).toEqual({
      kind: "rejected",
      reason: `attachment 'docs/missing.pdf' does not exist in the export folder ${exportFolder}`,
    });
  });

  it("refuses paths that escape the export folder, by .. or by a symbolic link", async () => {
    expect(await readAttachment(exportFolder, "../secret.txt")).toEqual({
      kind: "rejected",
      reason: "'../secret.txt' points outside the export folder; refused",
    });
    expect(await readAttachment(exportFolder, "docs/../../secret.txt")).toEqual({
      kind: "rejected",
      reason: "'docs/../../secret.txt' points outside the export folder; refused",
    });
    expect(await readAttachment(exportFolder, "docs\\..\\..\\secret.txt")).toMatchObject({ kind: "rejected" });
    expect(await readAttachment(exportFolder, "docs/link.txt")).toEqual({
      kind: "rejected",
      reason: "attachment 'docs/link.txt' links outside the export folder; refused",
    });
  });

  it("refuses a file reached through a linked folder outside the export, and reads one linked inside, with or without folder listings", () => {
    mkdirSync(join(root, "elsewhere"), { recursive: true });
    writeFileSync(join(root, "elsewhere", "plain.txt"), "outside");
    symlinkSync(join(root, "elsewhere"), join(exportFolder, "away"));
    symlinkSync(join(exportFolder, "docs", "contract 12.pdf"), join(exportFolder, "docs", "same.pdf"));
    const listings = new FolderListings();
    for (const options of [{ listings }, { listings }, {}]) {
      expect(readAttachmentNow(exportFolder, "away/plain.txt", options)).toEqual({
        kind: "rejected",
        reason: "attachment 'away/plain.txt' links outside the export folder; refused",
      });
      expect(readAttachmentNow(exportFolder, "docs/same.pdf", options)).toMatchObject({ kind: "file", name: "same.pdf", mimeType: "application/pdf" });
      expect(readAttachmentNow(exportFolder, "docs/contract 12.pdf", options)).toMatchObject({ kind: "file", name: "contract 12.pdf" });
    }
  });

  it("refuses absolute paths and folders", async () => {
    expect(await readAttachment(exportFolder, join(root, "secret.txt"))).toMatchObject({
      kind: "rejected",
      reason: expect.stringContaining("is an absolute path"),
    });
    expect(await readAttachment(exportFolder, "C:\\PerfectView\\docs\\a.pdf")).toMatchObject({
      kind: "rejected",
      reason: expect.stringContaining("is an absolute path"),
    });
    expect(await readAttachment(exportFolder, "docs")).toEqual({ kind: "rejected", reason: "attachment 'docs' is not a file" });
  });

  it("reads an empty file and a large one whole, and refuses a named pipe as no file without waiting for a writer", () => {
    const large = Buffer.alloc(300_000, 7);
    writeFileSync(join(exportFolder, "docs", "empty.txt"), "");
    writeFileSync(join(exportFolder, "docs", "large.bin"), large);
    for (const options of [{}, { listings: new FolderListings() }]) {
      expect(readAttachmentNow(exportFolder, "docs/empty.txt", options)).toMatchObject({ kind: "file", size: 0, base64: "" });
      expect(readAttachmentNow(exportFolder, "docs/LARGE.bin", options)).toMatchObject({ kind: "file", size: large.length, base64: large.toString("base64") });
    }
    if (process.platform === "win32") return;
    execFileSync("mkfifo", [join(exportFolder, "docs", "pipe.pdf")]);
    expect(readAttachmentNow(exportFolder, "docs/pipe.pdf")).toEqual({ kind: "rejected", reason: "attachment 'docs/pipe.pdf' is not a file" });
  });

  it("refuses files over the size limit", async () => {
    expect(await readAttachment(exportFolder, "docs/contract 12.pdf", { maxBytes: 4 })).toEqual({
      kind: "rejected",
      reason: `attachment 'docs/contract 12.pdf' is ${PDF.length} bytes, more than the limit of 4`,
    });
  });
});

describe("resolveAttachmentPath", () => {
  it("keeps paths inside the folder and refuses the folder itself", () => {
    expect(resolveAttachmentPath("/exports/pv", "docs/./a.pdf")).toEqual({ ok: true, path: "/exports/pv/docs/a.pdf" });
    expect(resolveAttachmentPath("/exports/pv", ".")).toEqual({ ok: false, reason: "'.' points outside the export folder; refused" });
    expect(resolveAttachmentPath("/exports/pv", "  ")).toEqual({ ok: false, reason: "the file path is blank" });
  });
});

describe("sniffMimeType", () => {
  const zipWith = (name: string): Buffer => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from(name)]);

  it("trusts the bytes over the extension", () => {
    expect(sniffMimeType(PDF, "scan.jpg")).toBe("application/pdf");
    expect(sniffMimeType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), "photo.bin")).toBe("image/jpeg");
    expect(sniffMimeType(Buffer.from("GIF89a...."), "x")).toBe("image/gif");
    expect(sniffMimeType(PNG, "x.pdf")).toBe("image/png");
  });

  it("tells Office zip files apart by their parts", () => {
    expect(sniffMimeType(zipWith("word/document.xml"), "a.zip")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(sniffMimeType(zipWith("xl/workbook.xml"), "a")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(sniffMimeType(zipWith("readme.txt"), "archive.zip")).toBe("application/zip");
  });

  it("uses the extension for OLE files and text", () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(sniffMimeType(ole, "offerte.doc")).toBe("application/msword");
    expect(sniffMimeType(ole, "mail.msg")).toBe("application/vnd.ms-outlook");
    expect(sniffMimeType(Buffer.from("id;naam\n1;Zoë\n"), "export.csv")).toBe("text/csv");
    expect(sniffMimeType(Buffer.from("plain notes"), "notes")).toBe("text/plain");
    expect(sniffMimeType(Buffer.from([0, 1, 2, 3, 0]), "blob")).toBe("application/octet-stream");
  });
});
