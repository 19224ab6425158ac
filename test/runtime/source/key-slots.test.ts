import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalValue, KeySlots } from "../../../runtime/source/key-slots.js";

describe("KeySlots", () => {
  it("gives each key a slot in the order added and finds it again, as a Map would (accents, emoji, long keys)", () => {
    const keyArbitrary = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.string({ unit: "grapheme", maxLength: 4 }),
      fc.constantFrom("Zoë", "Zoe", "R1", "R10", '["7","12"]', "😀", "a".repeat(900)),
    );
    fc.assert(
      fc.property(fc.array(keyArbitrary, { maxLength: 3000 }), (keys) => {
        const slots = new KeySlots();
        const model = new Map<string, number>();
        for (const key of keys) {
          const expected = model.get(key) ?? model.size;
          model.set(key, expected);
          expect(slots.add(key)).toBe(expected);
        }
        expect(slots.size).toBe(model.size);
        for (const [key, slot] of model) {
          expect(slots.slotOf(key)).toBe(slot);
          expect(slots.keyAt(slot)).toBe(key);
        }
        expect([...slots.keys()]).toEqual([...model.keys()]);
        expect(slots.slotOf("never added \u0000")).toBe(-1);
      }),
      { numRuns: 60 },
    );
  });

  it("finds keys written as decimal numbers as a Map would, whether their values were small enough to be found by value or not when added", () => {
    const keyArbitrary = fc.oneof(
      fc.nat({ max: 3000 }).map(String),
      fc.nat({ max: 2_000_000 }).map(String),
      fc.nat({ max: 999_999_999 }).map(String),
      fc.constantFrom("0", "00", "007", "7", "-1", "1e3", "1000000000", "12a", " 12", "٣"),
      fc.string({ maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(keyArbitrary, { maxLength: 4000 }), fc.array(keyArbitrary, { maxLength: 200 }), (keys, others) => {
        const slots = new KeySlots();
        const model = new Map<string, number>();
        for (const key of keys) {
          const expected = model.get(key) ?? model.size;
          model.set(key, expected);
          expect(slots.add(key)).toBe(expected);
        }
        expect(slots.size).toBe(model.size);
        for (const [key, slot] of model) {
          expect(slots.slotOf(key)).toBe(slot);
          expect(slots.add(key)).toBe(slot);
          expect(slots.keyAt(slot)).toBe(key);
        }
        for (const key of others) expect(slots.slotOf(key)).toBe(model.get(key) ?? -1);
        expect([...slots.keys()]).toEqual([...model.keys()]);
      }),
      { numRuns: 60 },
    );
  });

  it("finds a large decimal key added early among many small ones added after it (a table grown and rehashed in between)", () => {
    const slots = new KeySlots();
    expect(slots.add("900000")).toBe(0);
    expect(slots.add("x")).toBe(1);
    for (let value = 1; value <= 300_000; value++) slots.add(String(value));
    for (let value = 0; value < 5000; value++) slots.add(`k${value}`);
    expect(slots.slotOf("900000")).toBe(0);
    expect(slots.add("900000")).toBe(0);
    expect(slots.slotOf("x")).toBe(1);
    expect(slots.slotOf("300000")).toBe(300_001);
    expect(slots.slotOf("k4999")).toBe(305_001);
    expect(slots.slotOf("900001")).toBe(-1);
    expect(slots.slotOf("0300000")).toBe(-1);
    expect(slots.add("900001")).toBe(305_002);
    expect(slots.keyAt(305_002)).toBe("900001");
  });

  it("gives a decimal key added by its value the slot its text would have, among keys added as text (a pass over bytes and one over cells agree)", () => {
    const keyArbitrary = fc.oneof(
      fc.nat({ max: 3000 }).map(String),
      fc.nat({ max: 2_000_000 }).map(String),
      fc.nat({ max: 999_999_999 }).map(String),
      fc.constantFrom("0", "007", "x", "12a"),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(keyArbitrary, fc.boolean()), { maxLength: 4000 }), (keys) => {
        const slots = new KeySlots();
        const model = new Map<string, number>();
        for (const [key, byValue] of keys) {
          const expected = model.get(key) ?? model.size;
          model.set(key, expected);
          const value = decimalValue(key);
          expect(byValue && value >= 0 ? slots.addValue(value) : slots.add(key)).toBe(expected);
        }
        for (const [key, slot] of model) {
          expect(slots.slotOf(key)).toBe(slot);
          expect(slots.keyAt(slot)).toBe(key);
          const value = decimalValue(key);
          if (value >= 0) expect(slots.addValue(value)).toBe(slot);
        }
        expect(slots.size).toBe(model.size);
      }),
      { numRuns: 60 },
    );
  });
});
