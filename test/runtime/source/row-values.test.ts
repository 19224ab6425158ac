import { describe, expect, it } from "vitest";
import { valuesMaker } from "../../../runtime/source/row-values.js";

describe("valuesMaker", () => {
  it("makes the object Object.fromEntries would, in column order, whatever the names hold", () => {
    const names = ["id", "contact[2].name", "__proto__", 'say "hi"', "back\\slash", "line\u2028break", "constructor", "toString", "Zoë", "${x}", "`"];
    const values = names.map((name, index) => (index % 2 === 0 ? `v${index}` : index % 3 === 0 ? null : index));
    const made = valuesMaker(names)(values);
    const expected = Object.fromEntries(names.map((name, index) => [name, values[index] ?? null]));
    expect(Object.keys(made)).toEqual(names);
    expect(made).toEqual(expected);
    expect(Object.getPrototypeOf(made)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(made, "__proto__")?.value).toBe("v2");
  });

  it("gives each row an object of its own", () => {
    const make = valuesMaker(["a", "b"]);
    const first = make(["1", null]);
    const second = make(["2", true]);
    expect(first).toEqual({ a: "1", b: null });
    expect(second).toEqual({ a: "2", b: true });
  });
});
