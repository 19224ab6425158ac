/**
 * Small but real attachment files: a one-page PDF with a correct cross-reference table, a PNG
 * with valid chunk CRCs, and plain text. Each is a few KB at most and depends only on its inputs.
 */
import { crc32, deflateSync } from "node:zlib";

export type AttachmentKind = "pdf" | "png" | "txt";

export const MIME_TYPES: Readonly<Record<AttachmentKind, string>> = {
  pdf: "application/pdf",
  png: "image/png",
  txt: "text/plain",
};

/** PDF strings are bytes; keep to printable ASCII so the standard Helvetica font shows them. */
function pdfText(text: string): string {
  const ascii = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "?");
  return ascii.replace(/[\\()]/g, (char) => `\\${char}`);
}

/** A valid single-page A4 PDF 1.4 showing a title and a few lines of text. */
export function makePdf(title: string, lines: readonly string[]): Buffer {
  const content = [
    "BT",
    "/F1 16 Tf",
    "72 770 Td",
    `(${pdfText(title)}) Tj`,
    "/F1 11 Tf",
    ...lines.flatMap((line) => ["0 -20 Td", `(${pdfText(line)}) Tj`]),
    "ET",
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
    `<< /Title (${pdfText(title)}) /Producer (Flitmap export generator) >>`,
  ];
  let body = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(Buffer.byteLength(body, "latin1"));
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xrefOffset = Buffer.byteLength(body, "latin1");
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData) >>> 0);
  return Buffer.concat([length, typeAndData, crc]);
}

/**
 * A valid truecolour PNG: diagonal stripes in two colours derived from `colourSeed`.
 * The image data is deflated at level 0 (stored blocks), whose bytes do not depend on the zlib
 * version, so committed samples stay byte-identical across Node releases.
 */
export function makePng(width: number, height: number, colourSeed: number): Buffer {
  const r = 64 + (colourSeed & 0x7f);
  const g = 64 + ((colourSeed >>> 7) & 0x7f);
  const b = 64 + ((colourSeed >>> 14) & 0x7f);
  const raw = Buffer.alloc(height * (1 + width * 3));
  let at = 0;
  for (let y = 0; y < height; y++) {
    raw[at++] = 0; // filter type None
    for (let x = 0; x < width; x++) {
      const stripe = Math.floor((x + y) / 4) % 2 === 0;
      raw[at++] = stripe ? r : 255 - r;
      raw[at++] = stripe ? g : 255 - g;
      raw[at++] = stripe ? b : 255 - b;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // colour type: truecolour
  header[10] = 0; // compression: deflate
  header[11] = 0; // filter method
  header[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(raw, { level: 0 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

export function makeText(lines: readonly string[], newline: "\n" | "\r\n"): Buffer {
  return Buffer.from(lines.join(newline) + newline, "utf8");
}

/** A file-system-safe ASCII slug of a display file name, keeping its extension. */
export function fileSlug(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9.]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase();
}
