import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { createChunkDecoder, MixedDecoder } from "../../../runtime/source/decode.js";
import { decideEncoding, detectBom, detectDelimiter, detectEncoding, Utf8Scanner } from "../../../runtime/source/detect.js";

const utf8 = (text: string): Buffer => Buffer.from(text, "utf8");
const cp1252 = (text: string): Buffer => iconv.encode(text, "windows-1252");

describe("detectEncoding", () => {
  it("takes ASCII and valid UTF-8 as UTF-8", () => {
    expect(detectEncoding(utf8("id,name\n1,Bob\n"))).toEqual({ encoding: "utf-8", bom: null, note: null });
    expect(detectEncoding(utf8("naam\nZoë € café\n"))).toEqual({ encoding: "utf-8", bom: null, note: null });
  });

  it("notes a UTF-8 byte order mark", () => {
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8("Zoë")]))).toEqual({ encoding: "utf-8", bom: "utf-8", note: null });
  });

  it("takes bytes that cannot be UTF-8 as Windows-1252 and says where the first one is", () => {
    expect(detectEncoding(cp1252("Naam;Plaats\nRené;Zoë\n€ 5;ü\n"))).toEqual({
      encoding: "windows-1252",
      bom: null,
      note: "not UTF-8 (first at line 2: byte 0xE9); read as Windows-1252",
    });
  });

  it("calls a file with both kinds of bytes mixed", () => {
    const decision = detectEncoding(Buffer.concat([cp1252("a\nRené\n"), utf8("Zoë\n")]));
    expect(decision.encoding).toBe("mixed");
    expect(decision.note).toBe(
      "mixes 1 UTF-8 character and 1 byte that cannot be UTF-8 (first at line 2: byte 0xE9); UTF-8 characters are read as UTF-8 and the other bytes as Windows-1252",
    );
  });

  it("trusts UTF-16 byte order marks", () => {
    expect(detectBom(Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toEqual({ bom: "utf-16le", length: 2 });
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0x00, 0x41])).encoding).toBe("utf-16be");
  });

  it("counts a sequence cut off at the end of the file as invalid", () => {
    const scanner = new Utf8Scanner();
    scanner.feed(Buffer.from([0x41, 0xc3]));
    expect(scanner.finish()).toEqual({ asciiOnly: false, validSequences: 0, invalidBytes: 1, firstInvalid: { byte: 0xc3, line: 1 } });
  });

  it("rejects overlong and surrogate encodings as UTF-8", () => {
    expect(detectEncoding(Buffer.from([0xc0, 0xaf])).encoding).toBe("windows-1252");
    expect(detectEncoding(Buffer.from([0xed, 0xa0, 0x80])).encoding).toBe("windows-1252");
  });

  it("gives the same answer however the bytes are split into chunks", () => {
    const sample = Buffer.concat([utf8("Zoë 😀 €\n"), cp1252("René ü\n"), utf8("ñ\n")]);
    const whole = new Utf8Scanner();
    whole.feed(sample);
    const expected = whole.finish();
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: sample.length }), { maxLength: 6 }), (cuts) => {
        const points = [0, ...[...cuts].sort((a, b) => a - b), sample.length];
        const scanner = new Utf8Scanner();
        for (let index = 1; index < points.length; index++) scanner.feed(sample.subarray(points[index - 1], points[index]));
        expect(scanner.finish()).toEqual(expected);
      }),
    );
  });

  it("decideEncoding: a UTF-8 BOM with foreign bytes after it is mixed, not Windows-1252", () => {
    expect(decideEncoding("utf-8", { asciiOnly: false, validSequences: 0, invalidBytes: 2, firstInvalid: { byte: 0xe9, line: 3 } }).encoding).toBe("mixed");
  });
});

describe("decoders", () => {
  it("drops a UTF-8 BOM and decodes a character split across chunks", () => {
    const decoder = createChunkDecoder("utf-8");
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8("Zoë")]);
    expect(decoder.write(bytes.subarray(0, 5)) + decoder.write(bytes.subarray(5)) + decoder.end()).toBe("Zoë");
  });

  it("decodes Windows-1252 accents and the euro sign", () => {
    const decoder = createChunkDecoder("windows-1252");
    expect(decoder.write(cp1252("é ë ü €")) + decoder.end()).toBe("é ë ü €");
  });

  it("keeps latin-1 distinct from Windows-1252 in 0x80-0x9F", () => {
    const decoder = createChunkDecoder("latin-1");
    expect(decoder.write(Buffer.from([0x80, 0xe9])) + decoder.end()).toBe("\u0080é");
  });

  it("decodes UTF-16LE exports (Excel's 'Unicode text')", () => {
    const decoder = createChunkDecoder("utf-16le");
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("a\tZoë\n", "utf16le")]);
    expect(decoder.write(bytes) + decoder.end()).toBe("a\tZoë\n");
  });

  it("mixed: UTF-8 sequences as UTF-8, other bytes as Windows-1252, whatever the chunking", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), cp1252("René €"), utf8(" Zoë 😀"), cp1252(" ü")]);
    const expected = "René € Zoë 😀 ü";
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: bytes.length }), { maxLength: 6 }), (cuts) => {
        const points = [0, ...[...cuts].sort((a, b) => a - b), bytes.length];
        const decoder = new MixedDecoder();
        let text = "";
        for (let index = 1; index < points.length; index++) text += decoder.write(bytes.subarray(points[index - 1], points[index]));
        expect(text + decoder.end()).toBe(expected);
      }),
    );
  });
});

describe("detectDelimiter", () => {
  it("finds semicolons, commas and tabs in the header line", () => {
    expect(detectDelimiter("Relatienummer;Naam bedrijf;Plaats\n1;A;B\n").delimiter).toBe(";");
    expect(detectDelimiter("id,name,domain\n1,a,b\n").delimiter).toBe(",");
    expect(detectDelimiter("id\tname\n1\tBob\n").delimiter).toBe("\t");
  });

  it("ignores delimiters inside quoted headers", () => {
    expect(detectDelimiter('"Naam, voornaam";"Adres, straat";Plaats\n').delimiter).toBe(";");
    expect(detectDelimiter('"Naam, voornaam";"Adres, straat";Plaats\n').counts).toEqual({ ",": 0, ";": 2, "\t": 0 });
  });

  it("breaks a tie with the lines that follow", () => {
    expect(detectDelimiter("a,b;c\n1;2;3\n4;5;6\n").delimiter).toBe(";");
    expect(detectDelimiter("a,b;c\n1,2,3\n4,5,6\n").delimiter).toBe(",");
  });

  it("honours Excel's sep= line and skips it", () => {
    expect(detectDelimiter("sep=;\r\nid,naam;plaats\r\n")).toEqual({ delimiter: ";", skipLines: 1, counts: { ",": 1, ";": 1, "\t": 0 } });
  });

  it("reads a single-column file with a comma", () => {
    expect(detectDelimiter("email\na@b.nl\n")).toEqual({ delimiter: ",", skipLines: 0, counts: { ",": 0, ";": 0, "\t": 0 } });
  });
});
