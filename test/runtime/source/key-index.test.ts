import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeyIndex, type WinnerRule } from "../../../runtime/source/key-index.js";

interface Offer {
  key: string;
  stamp: number;
}

/** The obvious Map-based answer the compact index must agree with. */
function modelWinners(rule: WinnerRule, offers: readonly Offer[]): Map<string, number> {
  const winners = new Map<string, { line: number; stamp: number }>();
  offers.forEach((offer, line) => {
    const held = winners.get(offer.key);
    if (held === undefined || rule === "last" || (rule === "newest" && offer.stamp >= held.stamp)) winners.set(offer.key, { line, stamp: offer.stamp });
  });
  return new Map([...winners].map(([key, winner]) => [key, winner.line]));
}

describe("KeyIndex", () => {
  it("agrees with a Map for every rule, any keys (accents, emoji, empty-ish), any order", () => {
    const keyArbitrary = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("Zoë", "Zoe", "R1", "R10", '["7","12"]', "😀", "a".repeat(300)));
    fc.assert(
      fc.property(
        fc.constantFrom<WinnerRule>("first", "last", "newest"),
        fc.array(fc.record({ key: keyArbitrary, stamp: fc.integer({ min: 0, max: 3 }) }), { maxLength: 3000 }),
        (rule, offers) => {
          const index = new KeyIndex(rule);
          offers.forEach((offer, line) => {
            const lostTo = index.offer(offer.key, { fileIndex: line % 3, line }, offer.stamp);
            if (rule !== "first") expect(lostTo).toBeNull();
          });
          const expected = modelWinners(rule, offers);
          expect(index.size).toBe(expected.size);
          for (const [key, line] of expected) expect(index.winner(key)).toEqual({ fileIndex: line % 3, line });
          offers.forEach((offer, line) => {
            const won = expected.get(offer.key);
            expect(index.keptInstead(offer.key, line % 3, line)).toEqual(won === line || won === undefined ? null : { fileIndex: won % 3, line: won });
          });
          expect(index.keptInstead("never offered \u0000", 0, 1)).toBeNull();
          expect(index.winner("never offered \u0000")).toBeNull();
        },
      ),
      { numRuns: 60 },
    );
  });

  it("tells the first rule's loser where the key was kept", () => {
    const index = new KeyIndex("first");
    expect(index.offer("R1", { fileIndex: 0, line: 2 })).toBeNull();
    expect(index.offer("R1", { fileIndex: 1, line: 7 })).toEqual({ fileIndex: 0, line: 2 });
    expect(index.winner("R1")).toEqual({ fileIndex: 0, line: 2 });
  });
});
