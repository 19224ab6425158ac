/**
 * Matching a lookup `by name and city` in memory (runtime/execute/lookups.ts and
 * lookup-together.ts): each value against its field, trimmed and without case, or loosely; a blank
 * value against a blank field; several matches by the declared policy, or the first when the
 * lookup declares none, as a lookup by one field keeps it.
 */
import { describe, expect, it } from "vitest";
import type { LookupPlan } from "../../compiler/plan/schema.js";
import { lookupRuntime } from "../../runtime/execute/lookups.js";

const RECORDS = [
  { id: 1, label: "Groot Installatie", values: { name: "Groot Installatie", city: "Breda" }, active: true },
  { id: 2, label: "Groot Installatie", values: { name: "Groot Installatie", city: "Tilburg" }, active: true },
  { id: 3, label: "Bäckerei Müller", values: { name: "Bäckerei Müller", city: "Köln" }, active: true },
  { id: 4, label: "Zwerver", values: { name: "Zwerver", city: false }, active: true },
  { id: 5, label: "Zwerver", values: { name: "Zwerver", city: "Ede" }, active: true },
  { id: 6, label: "Dubbel", values: { name: "Dubbel", city: "Oss" }, active: true },
  { id: 7, label: "Dubbel", values: { name: "Dubbel", city: "Oss" }, active: true },
];

function lookup(extra: Partial<LookupPlan> = {}): LookupPlan {
  return {
    name: "branch",
    model: "res.partner",
    matchFields: ["name", "city"],
    together: true,
    missing: { policy: "flag" },
    includeArchived: false,
    known: [],
    ...extra,
  };
}

const idOf = (plan: LookupPlan, values: readonly string[]): unknown => {
  const found = lookupRuntime(plan, RECORDS, "id").resolve(JSON.stringify(values));
  return found.status === "found" ? found.record.id : found.status;
};

describe("a lookup by two fields together", () => {
  it("matches each value against its field, trimmed and without case; a blank value a blank field", () => {
    expect(idOf(lookup(), ["groot installatie", " TILBURG "])).toBe(2);
    expect(idOf(lookup(), ["Groot Installatie", "Oss"])).toBe("missing");
    expect(idOf(lookup(), ["Zwerver", ""])).toBe(4);
    expect(idOf(lookup(), ["Backerei Muller", "Koln"])).toBe("missing");
    expect(idOf(lookup({ matchRule: "loose" }), ["Backerei  Muller", "koln"])).toBe(3);
  });

  it("keeps the first of several matches when it declares no policy, and rejects them when it says so", () => {
    expect(idOf(lookup(), ["Dubbel", "Oss"])).toBe(6);
    const found = lookupRuntime(lookup({ ambiguous: { policy: "reject" } }), RECORDS, "id").resolve(JSON.stringify(["Dubbel", "Oss"]));
    expect(found).toEqual({
      status: "ambiguous",
      reason:
        '["Dubbel","Oss"] matches 2 res.partner records ("Dubbel", "Dubbel"): say which with `ambiguous first` or `ambiguous fallback "..."`, or give the value in full',
    });
  });
});
