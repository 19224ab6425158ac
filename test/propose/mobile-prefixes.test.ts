/**
 * Of a file's two phone columns, the mobiles by the country's mobile prefixes, when a number says
 * the country: a regional firm's landlines share one area code, so they begin with fewer different
 * digits than its people's mobiles. Invented for this test, from no export family.
 */
import { describe, expect, it } from "vitest";
import { profileEntities } from "../../propose/entities.js";
import { mobileByCountry } from "../../propose/mobile-prefixes.js";
import { valueRoles } from "../../propose/value-roles.js";
import { exportFile as file } from "./small-exports.js";

function columns(text: string) {
  return profileEntities({ files: [file("people.csv", text)], otherFiles: [] })[0]?.columns ?? [];
}

// Landlines all in area 03 (Tampere), mobiles 040 to 050, one written with +358.
const PEOPLE = `Nro;A;B
1;03 2994 609;+358 40 822 3172
2;(03) 332 6186;050 662 0856
3;03 3100 793;041 1839515
4;03-2876332;046 182 2419
5;03 2161 820;044 282 8697
6;03 3345 120;045 688 6904
7;(03) 265 4410;042 731 2250
8;03 3120 771;050 951 7423
`;

describe("the mobile column by the country's prefixes", () => {
  it("takes the numbers beginning 04x or 050 for Finland's mobiles, not the area code all landlines share", () => {
    const profiled = columns(PEOPLE);
    const phones = profiled.filter((column) => column.guess.type === "phone");
    expect(phones.map((column) => column.name)).toEqual(["a", "b"]);
    expect(mobileByCountry(phones)?.name).toBe("b");
    // The same columns the other way round.
    expect(mobileByCountry([...phones].reverse())?.name).toBe("b");
    // Whatever the headers, the roles read from the values make it the mobile.
    const roles = valueRoles(profiled, ["nro"]);
    expect(profiled.filter((column) => roles.get(column) === "mobile").map((column) => column.name)).toEqual(["b"]);
  });

  it("says nothing when no number gives its country, or when both columns hold mobiles", () => {
    const phones = columns(PEOPLE.replace("+358 40", "040")).filter((column) => column.guess.type === "phone");
    expect(mobileByCountry(phones)).toBeUndefined();
    const both = columns("Nro;A;B\n1;+358 45 123 4567;040 111 2233\n2;050 222 3344;041 555 6677\n3;046 777 8899;044 999 0011\n").filter(
      (column) => column.guess.type === "phone",
    );
    expect(both).toHaveLength(2);
    expect(mobileByCountry(both)).toBeUndefined();
  });

  it("takes a file's one column of numbers for the mobile when nearly every number is a mobile of the country one gives", () => {
    // Czech mobiles begin 6 or 7; landlines 2 to 5.
    const mobiles = columns("Nro;A\n1;+420 608 743 784\n2;731868377\n3;605 166 613\n4;+420 777 982 750\n5;724 547 233\n6;602433420\n").filter(
      (column) => column.guess.type === "phone",
    );
    expect(mobiles).toHaveLength(1);
    expect(mobileByCountry(mobiles)?.name).toBe("a");
    const mixed = columns("Nro;A\n1;+420 542 123 456\n2;731868377\n3;605 166 613\n4;+420 777 982 750\n5;516 111 222\n6;602433420\n").filter(
      (column) => column.guess.type === "phone",
    );
    expect(mobileByCountry(mixed)).toBeUndefined();
  });
});
