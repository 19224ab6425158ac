import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { IdNames, IdSlots } from "../../../runtime/source/id-names.js";

describe("IdNames", () => {
  it("names ids as a Map would: a later name replaces an earlier one, entries in the order ids were first named (accents, emoji, no prefix, long names)", () => {
    const idArbitrary = fc.oneof(fc.integer({ min: 1, max: 5000 }), fc.constantFrom(1, 2, 0x7fffffff, 1 << 20, (1 << 20) + 1024));
    const nameArbitrary = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.string({ unit: "grapheme", maxLength: 6 }).map((tail) => `pb.contact_${tail}`),
      fc.constantFrom(
        "pb.deal_D1",
        "pb.deal_D10",
        "base.user_admin",
        "__flitmap_ref__.res_users_5",
        "noprefix",
        "pb.contact_Zoë",
        "pb.x_😀",
        `pb.long_${"a".repeat(900)}`,
      ),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(idArbitrary, nameArbitrary), { maxLength: 3000 }), (named) => {
        const names = new IdNames();
        const model = new Map<number, string>();
        for (const [id, name] of named) {
          names.set(id, name);
          model.set(id, name);
        }
        expect(names.size).toBe(model.size);
        for (const [id, name] of model) expect(names.get(id)).toBe(name);
        expect([...names.entries()]).toEqual([...model.entries()]);
        expect(names.get(0x7ffffffe)).toBe(model.get(0x7ffffffe));
        expect(names.get(0)).toBeUndefined();
        expect(names.get(-3)).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  });

  it("gives each id a slot in the order first added, as the ids' first appearances in the list (IdSlots, what IdNames is built on)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 0x7fffffff }), { maxLength: 3000 }),
        fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 3000 }),
        (far, near) => {
          const slots = new IdSlots();
          const order = [...new Set([...far, ...near])];
          for (const id of [...far, ...near]) slots.add(id);
          expect(slots.size).toBe(order.length);
          order.forEach((id, slot) => {
            expect(slots.slotOf(id)).toBe(slot);
            expect(slots.idAt(slot)).toBe(id);
          });
          expect(slots.slotOf(0)).toBe(-1);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("refuses what is not a database id instead of keeping it wrong", () => {
    const names = new IdNames();
    for (const id of [0, -1, 1.5, 2 ** 31, Number.NaN]) expect(() => names.set(id, "pb.contact_C1")).toThrow(RangeError);
    expect(names.size).toBe(0);
  });
});
