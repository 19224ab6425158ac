/**
 * Files referenced from export rows (documents, note attachments): resolved inside the export
 * folder, read, and typed from their first bytes so Odoo's `ir.attachment` gets a true mimetype.
 */

import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, readSync, realpathSync, statSync, type Stats } from "node:fs";
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from "node:path";

export type PathResult = { ok: true; path: string } | { ok: false; reason: string };

/**
 * Where a referenced path lives, or why it is refused: absolute paths and paths that climb out
 * of the export folder (`../../etc/passwd`) are refused. Backslashes count as separators because
 * exports made on Windows write `docs\contract.pdf`.
 */
export function resolveAttachmentPath(directory: string, referenced: string): PathResult {
  const written = referenced.trim();
  if (written === "") return { ok: false, reason: "the file path is blank" };
  if (written.includes("\u0000")) return { ok: false, reason: `'${written}' is not a file path` };
  const portable = written.replace(/\\/g, "/");
  if (isAbsolute(portable) || /^[A-Za-z]:/.test(portable) || portable.startsWith("//")) {
    return { ok: false, reason: `'${written}' is an absolute path; attachments must be given relative to the export folder` };
  }
  const root = resolve(directory);
  const path = resolve(root, portable);
  const inside = relative(root, path);
  if (inside === "" || inside.startsWith("..") || isAbsolute(inside)) {
    return { ok: false, reason: `'${written}' points outside the export folder; refused` };
  }
  return { ok: true, path };
}

interface MimeByExtension {
  readonly [extension: string]: string;
}

const MIME_BY_EXTENSION: MimeByExtension = {
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".bmp": "image/bmp",
  ".tif": "image/tiff",
  ".tiff": "image/tiff",
  ".webp": "image/webp",
  ".svg": "image/svg+xml",
  ".txt": "text/plain",
  ".csv": "text/csv",
  ".html": "text/html",
  ".htm": "text/html",
  ".xml": "application/xml",
  ".json": "application/json",
  ".md": "text/markdown",
  ".rtf": "application/rtf",
  ".eml": "message/rfc822",
  ".msg": "application/vnd.ms-outlook",
  ".zip": "application/zip",
  ".gz": "application/gzip",
  ".doc": "application/msword",
  ".xls": "application/vnd.ms-excel",
  ".ppt": "application/vnd.ms-powerpoint",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  ".odt": "application/vnd.oasis.opendocument.text",
  ".ods": "application/vnd.oasis.opendocument.spreadsheet",
};

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((byte, index) => bytes[offset + index] === byte);
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + start, Math.max(0, Math.min(end, bytes.length) - start)).toString("latin1");
}

/** Zip containers are told apart by the part names near their start (Office and OpenDocument). */
function zipMimeType(bytes: Uint8Array, extension: string): string {
  const head = ascii(bytes, 0, 64 * 1024);
  if (head.includes("word/")) return MIME_BY_EXTENSION[".docx"] ?? "application/zip";
  if (head.includes("xl/")) return MIME_BY_EXTENSION[".xlsx"] ?? "application/zip";
  if (head.includes("ppt/")) return MIME_BY_EXTENSION[".pptx"] ?? "application/zip";
  const openDocument = /mimetypeapplication\/vnd\.oasis\.opendocument\.[a-z.]+/.exec(head);
  if (openDocument !== null) return openDocument[0].slice("mimetype".length);
  const byExtension = MIME_BY_EXTENSION[extension];
  return byExtension !== undefined && [".docx", ".xlsx", ".pptx", ".odt", ".ods"].includes(extension) ? byExtension : "application/zip";
}

function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 8192);
  if (sample.includes(0)) return false;
  let control = 0;
  for (const byte of sample) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) control++;
  return control <= sample.length / 100;
}

/** The MIME type from the file's first bytes; the extension decides only when the bytes do not. */
export function sniffMimeType(bytes: Uint8Array, fileName: string): string {
  const extension = extname(fileName).toLowerCase();
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "application/pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (ascii(bytes, 0, 6) === "GIF87a" || ascii(bytes, 0, 6) === "GIF89a") return "image/gif";
  if (ascii(bytes, 0, 4) === "RIFF" && ascii(bytes, 8, 12) === "WEBP") return "image/webp";
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return "image/tiff";
  if (ascii(bytes, 0, 2) === "BM" && bytes.length > 14) return "image/bmp";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipMimeType(bytes, extension);
  if (startsWith(bytes, [0x1f, 0x8b])) return "application/gzip";
  // OLE2 compound files hold .doc, .xls, .ppt and .msg alike: the extension names which.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return [".doc", ".xls", ".ppt", ".msg"].includes(extension) ? (MIME_BY_EXTENSION[extension] ?? "application/x-ole-storage") : "application/x-ole-storage";
  }
  if (ascii(bytes, 0, 5) === "{\\rtf") return "application/rtf";
  const byExtension = MIME_BY_EXTENSION[extension];
  if (looksLikeText(bytes)) {
    if (
      byExtension !== undefined &&
      (byExtension.startsWith("text/") || byExtension.endsWith("xml") || byExtension.endsWith("json") || byExtension === "message/rfc822")
    ) {
      return byExtension;
    }
    const start = ascii(bytes, 0, 256).trimStart().toLowerCase();
    if (start.startsWith("<?xml")) return start.includes("<svg") ? "image/svg+xml" : "application/xml";
    if (start.startsWith("<!doctype html") || start.startsWith("<html")) return "text/html";
    return byExtension ?? "text/plain";
  }
  return byExtension ?? "application/octet-stream";
}

export type AttachmentResult =
  | {
      readonly kind: "file";
      /** Absolute path read. */
      readonly path: string;
      /** The file's own name, for `ir.attachment.name`. */
      readonly name: string;
      readonly size: number;
      readonly mimeType: string;
      readonly base64: string;
      /** Set when the file was found under a different letter case than written. */
      readonly note: string | null;
    }
  | { readonly kind: "rejected"; readonly reason: string };

export interface AttachmentOptions {
  /** Files larger than this are refused (Odoo's default upload limit is 128 MiB). */
  readonly maxBytes?: number;
  /** The folders listed so far, kept by whoever reads many files of one export (a run). */
  readonly listings?: FolderListings;
}

/**
 * Each folder's names by their lower case, listed once: a file missing under the name a row
 * gives is looked for under another letter case, and listing a folder of thirty thousand files
 * for each missing one would make the run's time grow with the square of its size.
 */
export class FolderListings {
  private readonly folders = new Map<string, Map<string, string[]>>();
  private readonly realPaths = new Map<string, string>();

  /**
   * The folder's real path (links resolved), asked of the file system once: a run reads thousands
   * of files from the same folders, and each question is a system call of several path lookups.
   */
  realPath(folder: string): string {
    let real = this.realPaths.get(folder);
    if (real === undefined) {
      real = realpathSync.native(folder);
      this.realPaths.set(folder, real);
    }
    return real;
  }

  /** The names in `folder` whose lower case is `lowerCase`. */
  named(folder: string, lowerCase: string): readonly string[] {
    let names = this.folders.get(folder);
    if (names === undefined) {
      names = byLowerCase(readdirSync(folder));
      this.folders.set(folder, names);
    }
    return names.get(lowerCase) ?? [];
  }
}

function byLowerCase(names: readonly string[]): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const name of names) {
    const key = name.toLowerCase();
    const group = grouped.get(key);
    if (group === undefined) grouped.set(key, [name]);
    else group.push(name);
  }
  return grouped;
}

/**
 * Exports made on Windows do not care about letter case; when the exact name is missing, a single
 * file whose name differs only in case is taken (and said so).
 */
function caseInsensitiveMatch(path: string, listings: FolderListings | undefined): string | null {
  try {
    const wanted = basename(path).toLowerCase();
    const candidates = listings === undefined ? readdirSync(dirname(path)).filter((name) => name.toLowerCase() === wanted) : listings.named(dirname(path), wanted);
    return candidates.length === 1 && candidates[0] !== undefined ? join(dirname(path), candidates[0]) : null;
  } catch {
    return null;
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && ((error as { code?: unknown }).code === "ENOENT" || (error as { code?: unknown }).code === "ENOTDIR");
}

/**
 * Reads a file referenced from a row, relative to the export folder. Never throws for a bad reference: it says why.
 * The file system is asked synchronously: a run reads its attachments one after another, and a
 * promise and a thread-pool hop for each of the five calls cost more than the calls themselves.
 */
export async function readAttachment(directory: string, referenced: string, options: AttachmentOptions = {}): Promise<AttachmentResult> {
  return readAttachmentNow(directory, referenced, options);
}

/** readAttachment, answered at once. */
export function readAttachmentNow(directory: string, referenced: string, options: AttachmentOptions = {}): AttachmentResult {
  const resolved = resolveAttachmentPath(directory, referenced);
  if (!resolved.ok) return { kind: "rejected", reason: resolved.reason };
  const written = referenced.trim();
  try {
    return readOpened(directory, written, resolved.path, options) ?? readByPath(directory, written, resolved.path, options);
  } catch (error) {
    return cannotRead(written, error);
  }
}

function cannotRead(written: string, error: unknown): AttachmentResult {
  return { kind: "rejected", reason: `attachment '${written}' cannot be read: ${error instanceof Error ? error.message : String(error)}` };
}

/** Where the file a row names was found, and what is said when under another letter case. */
interface Found {
  readonly path: string;
  readonly note: string | null;
}

/** The file itself, or under another letter case (with a note); null when neither is there. */
function findFile<T>(directory: string, written: string, path: string, listings: FolderListings | undefined, open: (path: string) => T): { found: Found; opened: T } | null {
  try {
    return { found: { path, note: null }, opened: open(path) };
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
  const match = caseInsensitiveMatch(path, listings);
  if (match === null) return null;
  const note = `'${written}' was found as '${relative(resolve(directory), match).split(sep).join("/")}' (letter case differs)`;
  return { found: { path: match, note }, opened: open(match) };
}

function missing(directory: string, written: string): AttachmentResult {
  return { kind: "rejected", reason: `attachment '${written}' does not exist in the export folder ${directory}` };
}

/** Opening a file fails with this code when it is a symbolic link and links are not followed. */
const IS_A_LINK = "ELOOP";

/**
 * Reads a file that is no symbolic link through one descriptor: opened without following a link
 * (nor waiting on a pipe), then asked its kind and size and read, where asking the path first
 * cost a system call more for each of a run's thousands of attachments. Undefined when the file
 * is a link (or the system cannot open without following one): readByPath decides then.
 */
function readOpened(directory: string, written: string, path: string, options: AttachmentOptions): AttachmentResult | undefined {
  // Node defines it where the system has it: not on Windows.
  const noFollow: number | undefined = constants.O_NOFOLLOW;
  if (noFollow === undefined) return undefined;
  const flags = constants.O_RDONLY | noFollow | constants.O_NONBLOCK;
  let file;
  try {
    file = findFile(directory, written, path, options.listings, (candidate) => openSync(candidate, flags));
  } catch (error) {
    if (error instanceof Error && (error as { code?: unknown }).code === IS_A_LINK) return undefined;
    throw error;
  }
  if (file === null) return missing(directory, written);
  const descriptor = file.opened;
  try {
    const info = fstatSync(descriptor);
    const refused = refusal(directory, written, file.found.path, info, false, options);
    return refused ?? attachmentOf(file.found, readDescriptor(descriptor, info.size));
  } finally {
    closeSync(descriptor);
  }
}

/** The file's bytes, as readFileSync reads them: its size's worth, or up to its end when it has no size (or shrank). */
function readDescriptor(descriptor: number, size: number): Buffer {
  let content = Buffer.allocUnsafe(size > 0 ? size : 8192);
  let filled = 0;
  for (;;) {
    if (filled === content.length) {
      if (size > 0) break;
      const larger = Buffer.allocUnsafe(2 * content.length);
      content.copy(larger, 0, 0, filled);
      content = larger;
    }
    const bytesRead = readSync(descriptor, content, filled, content.length - filled, null);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled === content.length ? content : content.subarray(0, filled);
}

/** Reads a file by its path: a symbolic link is followed, and must stay inside the export folder. */
function readByPath(directory: string, written: string, path: string, options: AttachmentOptions): AttachmentResult {
  const file = findFile(directory, written, path, options.listings, (candidate) => lstatSync(candidate));
  if (file === null) return missing(directory, written);
  const link = file.opened.isSymbolicLink();
  const info = link ? statSync(file.found.path) : file.opened;
  return refusal(directory, written, file.found.path, info, link, options) ?? attachmentOf(file.found, readFileSync(file.found.path));
}

/** Why a file found is not read: not a file, outside the export folder, too large; undefined when it is read. */
function refusal(directory: string, written: string, path: string, info: Stats, link: boolean, options: AttachmentOptions): AttachmentResult | undefined {
  if (!info.isFile()) return { kind: "rejected", reason: `attachment '${written}' is not a file` };
  // A symbolic link inside the folder may still point outside it. A file that is no link is
  // where its folder really is: its folder's real path is asked once per run (listings).
  const realPath = (folder: string): string => options.listings?.realPath(folder) ?? realpathSync.native(folder);
  const realRoot = realPath(resolve(directory));
  const realFile = link ? realpathSync.native(path) : join(realPath(dirname(path)), basename(path));
  const inside = relative(realRoot, realFile);
  if (inside.startsWith("..") || isAbsolute(inside)) return { kind: "rejected", reason: `attachment '${written}' links outside the export folder; refused` };
  if (options.maxBytes !== undefined && info.size > options.maxBytes) {
    return { kind: "rejected", reason: `attachment '${written}' is ${info.size} bytes, more than the limit of ${options.maxBytes}` };
  }
  return undefined;
}

function attachmentOf(found: Found, content: Buffer): AttachmentResult {
  return {
    kind: "file",
    path: found.path,
    name: basename(found.path),
    size: content.length,
    mimeType: sniffMimeType(content, found.path),
    base64: content.toString("base64"),
    note: found.note,
  };
}
