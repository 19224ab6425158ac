import { inflateSync } from "node:zlib";
import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { fileSlug, makePdf, makePng, makeText } from "../../mappings/generators/attachments.js";
import { DefectSchedule } from "../../mappings/generators/defects.js";
import {
  civilFromDays,
  daysFromCivil,
  formatDate,
  formatDateTime,
  formatDutchDecimal,
  formatEuros,
  formatPounds,
  parseDateTime,
} from "../../mappings/generators/formats.js";
import { Rng } from "../../mappings/generators/prng.js";
import * as nl from "../../mappings/generators/vocab-nl.js";
import { checkPdf, checkPng } from "./helpers.js";

describe("Rng", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    const draw = (seed: string) => {
      const rng = Rng.fromSeed(seed);
      return Array.from({ length: 5 }, () => rng.nextUint32());
    };
    expect(draw("flitmap")).toEqual(draw("flitmap"));
    expect(draw("flitmap")).not.toEqual(draw("flitmap2"));
  });

  it("forks depend on stream and index but do not advance the parent", () => {
    const parent = Rng.fromSeed("s");
    const a = parent.fork(1, 7).nextUint32();
    expect(parent.fork(1, 7).nextUint32()).toBe(a);
    expect(parent.fork(1, 8).nextUint32()).not.toBe(a);
    expect(parent.fork(2, 7).nextUint32()).not.toBe(a);
    expect(parent.nextUint32()).toBe(Rng.fromSeed("s").nextUint32());
  });

  it("int stays within its inclusive bounds and reaches both ends", () => {
    const rng = Rng.fromSeed("bounds");
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(rng.int(3, 7));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });
});

describe("DefectSchedule", () => {
  it("marks exactly one row per full block, and the first block even when it is partial", () => {
    const due = (every: number, total: number) => {
      const schedule = new DefectSchedule(Rng.fromSeed(`sched${every}/${total}`), every, total);
      const rows: number[] = [];
      for (let i = 0; i < total; i++) if (schedule.isScheduled(i)) rows.push(i);
      return rows;
    };
    const rows = due(10, 100);
    expect(rows).toHaveLength(10);
    rows.forEach((row, block) => expect(Math.floor(row / 10)).toBe(block));
    expect(due(40, 7)).toHaveLength(1);
    expect(due(40, 7)[0]).toBeLessThan(7);
  });

  it("carries a due defect to the next row when a row refuses it", () => {
    const schedule = new DefectSchedule(Rng.fromSeed("carry"), 1, 3);
    expect(schedule.isOwed(0)).toBe(true);
    // not settled: refused at row 0, owed twice at row 1
    expect(schedule.isOwed(1)).toBe(true);
    schedule.settle();
    schedule.settle();
    expect(schedule.isOwed(2)).toBe(true);
    schedule.settle();
  });
});

describe("formats", () => {
  it("days and civil dates round-trip", () => {
    fc.assert(fc.property(fc.integer({ min: -100_000, max: 100_000 }), (days) => {
      const { year, month, day } = civilFromDays(days);
      return daysFromCivil(year, month, day) === days;
    }));
    expect(civilFromDays(0)).toEqual({ year: 1970, month: 1, day: 1 });
    expect(daysFromCivil(2024, 2, 29)).toBe(19782);
  });

  it("writes UK and Dutch dates, amounts and decimals", () => {
    const day = daysFromCivil(2026, 3, 9);
    expect(formatDate(day, "/")).toBe("09/03/2026");
    expect(formatDateTime(day, 8 * 60 + 5, "-")).toBe("09-03-2026 08:05");
    expect(parseDateTime("09-03-2026 08:05", "-")).toEqual({ days: day, minute: 485 });
    expect(parseDateTime("31-02-2026 08:05", "-")).toBeNull();
    expect(formatPounds(123450)).toBe("£1,234.50");
    expect(formatPounds(5)).toBe("£0.05");
    expect(formatPounds(100_000_000)).toBe("£1,000,000.00");
    expect(formatEuros(123450)).toBe("1.234,50");
    expect(formatEuros(99)).toBe("0,99");
    expect(formatDutchDecimal(250)).toBe("2,5");
    expect(formatDutchDecimal(1225)).toBe("12,25");
    expect(formatDutchDecimal(300)).toBe("3");
  });

  it("keeps all Dutch vocabulary inside Windows-1252", () => {
    const texts = Object.values(nl).flatMap((value) => (Array.isArray(value) ? value.flat(2) : [])).filter((v): v is string => typeof v === "string");
    texts.push(...nl.PV_PRODUCTS.map((p) => p.name));
    expect(texts.length).toBeGreaterThan(200);
    for (const text of texts) expect(iconv.decode(iconv.encode(text, "win1252"), "win1252")).toBe(text);
  });
});

describe("attachments", () => {
  it("builds a PDF whose cross-reference table points at every object", () => {
    const pdf = makePdf("Offerte (café) \\ test", ["Regel één", "Line two"]);
    expect(checkPdf(pdf).objects).toBe(6);
    expect(pdf.toString("latin1")).toContain("(Offerte \\(cafe\\) \\\\ test) Tj");
    expect(pdf.length).toBeLessThan(4096);
  });

  it("builds a PNG with valid CRCs whose image data inflates to the declared size", () => {
    const png = makePng(24, 16, 12345);
    const check = checkPng(png);
    expect(check.chunks).toEqual(["IHDR", "IDAT", "IEND"]);
    expect([check.width, check.height]).toEqual([24, 16]);
    expect(inflateSync(check.idat).length).toBe(16 * (1 + 24 * 3));
    expect(makePng(24, 16, 12345).equals(png)).toBe(true);
    expect(makePng(24, 16, 54321).equals(png)).toBe(false);
    const broken = Buffer.from(png);
    broken[20] = (broken[20] ?? 0) ^ 0xff;
    expect(() => checkPng(broken)).toThrow(/bad CRC in IHDR/);
  });

  it("writes text and safe file names", () => {
    expect(makeText(["a", "b"], "\r\n").toString("utf8")).toBe("a\r\nb\r\n");
    expect(fileSlug("Overeenkomst café.pdf")).toBe("overeenkomst-cafe.pdf");
    expect(fileSlug("Instructions - client email.txt")).toBe("instructions-client-email.txt");
  });
});
