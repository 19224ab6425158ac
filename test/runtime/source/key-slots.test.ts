import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeySlots } from "../../../runtime/source/key-slots.js";

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
});
