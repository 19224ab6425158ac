import { describe, expect, it } from "vitest";
import type { ReferenceRecord } from "../../compiler/catalog/index.js";
import { looksLikeInitials, looksLikePersonNames } from "../../propose/fields.js";
import { matchUser, nameParts } from "../../propose/user-names.js";

function user(id: number, name: string, values: Record<string, unknown> = {}): ReferenceRecord {
  return { id, name, values: { active: true, share: false, ...values } };
}

const USERS = [
  user(2, "Administrator"),
  user(6, "Klaus Vogel"),
  user(7, "Julien Martin"),
  user(8, "Sabine Becker"),
  user(9, "Stefan Becker"),
  user(10, "Petra Krüger", { active: false }),
];

describe("owners written as names", () => {
  it("reads the surname and given names whichever way an export writes them", () => {
    expect(nameParts("K. Vogel")).toEqual({ surname: "vogel", given: ["k"] });
    expect(nameParts("Vogel, Klaus")).toEqual({ surname: "vogel", given: ["klaus"] });
    expect(nameParts("MARTIN Julien")).toEqual({ surname: "martin", given: ["julien"] });
    expect(nameParts("LEFÈVRE Nicolas")).toEqual({ surname: "lefevre", given: ["nicolas"] });
    expect(nameParts("Klaus Vogel")).toEqual({ surname: "vogel", given: ["klaus"] });
  });

  it("finds the one active user they stand for, by initials or first names", () => {
    expect(matchUser("K. Vogel", USERS)?.name).toBe("Klaus Vogel");
    expect(matchUser("Vogel, Klaus", USERS)?.name).toBe("Klaus Vogel");
    expect(matchUser("MARTIN Julien", USERS)?.name).toBe("Julien Martin");
    expect(matchUser("Sabine Becker", USERS)?.name).toBe("Sabine Becker");
    // Two users share the initial: no guess.
    expect(matchUser("S. Becker", USERS)).toBeUndefined();
    // An archived user (who has left) is not proposed.
    expect(matchUser("P. Krüger", USERS)).toBeUndefined();
    expect(matchUser("H. Brandt", USERS)).toBeUndefined();
  });

  it("finds users by the login-like codes an ERP gives its operators: an initial glued to the surname", () => {
    expect(matchUser("KVOGEL", USERS)?.name).toBe("Klaus Vogel");
    expect(matchUser("JMARTIN", USERS)?.name).toBe("Julien Martin");
    // Two users fit SBECKER: no guess; an archived user or none at all: none.
    expect(matchUser("SBECKER", USERS)).toBeUndefined();
    expect(matchUser("PKRUGER", USERS)).toBeUndefined();
    expect(matchUser("ADMIN", USERS)).toBeUndefined();
    expect(looksLikeInitials(["KVOGEL", "JMARTIN", "KVOGEL", "ADMIN", "JMARTIN", "KVOGEL"])).toBe(true);
  });
});

describe("owner columns written as names or initials", () => {
  it("reads compound surnames before a comma as a person's name, and initials only as initials", () => {
    const reps = ["Moreau Dupont, Léa", "van Leeuwen, Bram", "Moreau Dupont, Léa", "van Leeuwen, Bram", "Silva, Rui", "Silva, Rui"];
    expect(looksLikePersonNames(reps)).toBe(true);
    const initials = ["LMD", "BVL", "LMD", "RS", "BVL", "RS", "LMD", ""];
    expect(looksLikePersonNames(initials)).toBe(false);
    expect(looksLikeInitials(initials)).toBe(true);
    // Currencies and one-off codes are not a team's initials.
    expect(looksLikeInitials(["EUR", "USD", "EUR", "USD"])).toBe(false);
    expect(looksLikeInitials(["AB12", "CD34", "EF56", "GH78"])).toBe(false);
  });
});
