/** The text built-ins: trim, lower, upper, title, replace, truncate, characters, html, text. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SourceOptionsPlan } from "../../../compiler/plan/schema.js";
import { BUILTIN_IMPLEMENTATIONS, type BuiltinContext } from "../../../runtime/transform/builtins.js";
import { collapseWhitespace, plainNumber } from "../../../runtime/transform/builtin-text.js";
import type { RecordRef, RuntimeValue, StepOutcome } from "../../../runtime/transform/values.js";

const options: SourceOptionsPlan = {
  delimiter: ";",
  encoding: "utf-8",
  quote: '"',
  date: "dd-MM-yyyy",
  datetime: "dd-MM-yyyy HH:mm",
  timezone: "Europe/Amsterdam",
  decimal: ",",
  trueWords: ["ja"],
  falseWords: ["nee"],
};

const context: BuiltinContext = {
  options,
  readFile: () => Promise.reject(new Error("a text step must not read files")),
};

/** Text steps are synchronous: the evaluator need not await them. */
function run(name: string, input: RuntimeValue, args: readonly RuntimeValue[] = []): StepOutcome {
  const outcome = BUILTIN_IMPLEMENTATIONS[name]?.(input, args, context);
  if (outcome === undefined || outcome instanceof Promise) throw new Error(`${name} did not answer synchronously`);
  return outcome;
}

const PLAN_MISMATCH = "the plan does not match the data (compile the mapping again)";

describe("trim", () => {
  it("removes spaces at both ends and collapses runs inside, non-breaking and thin spaces and tabs included", () => {
    expect(run("trim", "  Acme   Ltd ")).toEqual({ ok: true, value: "Acme Ltd" });
    expect(run("trim", "\u00A0Bakkerij\u00A0\u00A0de  Vries\tB.V.\u202F")).toEqual({ ok: true, value: "Bakkerij de Vries B.V." });
  });

  it("gives back text it would not change as it is, and changes the rest exactly as the two replacements do", () =>
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "Bé", " ", "  ", "\t", "\u00A0", "\u202F", "\r\n", "\n", "\r", "\uFEFF", "."), { maxLength: 12 }), (pieces) => {
        const text = pieces.join("");
        const slow = text
          .replace(/[^\S\r\n]+/g, " ")
          .replace(/ ?(\r\n|\r|\n) ?/g, "$1")
          .trim();
        expect(collapseWhitespace(text)).toBe(slow);
      }),
      { numRuns: 2000 },
    ));

  it("keeps line breaks, so a note keeps its lines, and drops the spaces around them", () => {
    expect(run("trim", " Called  back \r\n  left a   message \n")).toEqual({ ok: true, value: "Called back\r\nleft a message" });
  });

  it("rejects a number, which the compiler would not let through", () => {
    expect(run("trim", 42)).toEqual({ ok: false, reason: `\`trim\` takes text, but was given the number 42; ${PLAN_MISMATCH}` });
  });
});

describe("lower", () => {
  it("lower-cases every letter, accented ones too", () => {
    expect(run("lower", "Jan@Example.NL")).toEqual({ ok: true, value: "jan@example.nl" });
    expect(run("lower", "CAFÉ ZOË")).toEqual({ ok: true, value: "café zoë" });
  });
});

describe("upper", () => {
  it("upper-cases every letter", () => {
    expect(run("upper", "nl-204 ß")).toEqual({ ok: true, value: "NL-204 SS" });
  });
});

describe("the case of Turkish letters", () => {
  it("lower-cases İ to a plain i, without the combining dot Unicode's default rules leave", () => {
    expect(run("lower", "KADİR")).toEqual({ ok: true, value: "kadir" });
    expect(run("title", "KADİR YILMAZ")).toEqual({ ok: true, value: "Kadir Yilmaz" });
  });

  it("follows the language given: in Turkish I is the capital of ı and İ of i", () => {
    expect(run("title", "ŞEBNEM IŞIK", ["tr"])).toEqual({ ok: true, value: "Şebnem Işık" });
    expect(run("title", "KADİR YILMAZ", ["tr"])).toEqual({ ok: true, value: "Kadir Yılmaz" });
    expect(run("title", "istanbul", ["tr"])).toEqual({ ok: true, value: "İstanbul" });
    expect(run("lower", "BALIKESİR", ["tr"])).toEqual({ ok: true, value: "balıkesir" });
    expect(run("upper", "izmir", ["tr"])).toEqual({ ok: true, value: "İZMİR" });
  });

  it("refuses a language that is not a language tag, naming the step", () => {
    expect(run("title", "x", ["turkish!"])).toEqual({ ok: false, reason: "`title`: the language is a language tag such as \"tr\", not 'turkish!'" });
    expect(run("lower", "x", ["tr", "az"])).toEqual({ ok: false, reason: "`lower`: it takes at most 1 argument, but was given 2" });
  });
});

describe("title", () => {
  it("capitalises the first letter of each word and lower-cases the rest", () => {
    expect(run("title", "den haag")).toEqual({ ok: true, value: "Den Haag" });
    expect(run("title", "NEWCASTLE UPON TYNE")).toEqual({ ok: true, value: "Newcastle Upon Tyne" });
  });

  it("starts words after hyphens, slashes and full stops, not after apostrophes or digits", () => {
    expect(run("title", "jan-willem o'brien 2nd floor st.albans")).toEqual({ ok: true, value: "Jan-Willem O'brien 2nd Floor St.Albans" });
    expect(run("title", "'s-hertogenbosch")).toEqual({ ok: true, value: "'s-Hertogenbosch" });
  });

  it("writes Dutch ij at the start of a word as IJ, and gives particles no special case", () => {
    expect(run("title", "ijmuiden aan zee")).toEqual({ ok: true, value: "IJmuiden Aan Zee" });
    expect(run("title", "van der berg")).toEqual({ ok: true, value: "Van Der Berg" });
  });
});

describe("replace", () => {
  it("replaces every occurrence, as plain text (not a pattern)", () => {
    expect(run("replace", "+31 (0)20 555 (0)1", ["(0)", ""])).toEqual({ ok: true, value: "+31 20 555 1" });
    expect(run("replace", "a.b.c", [".", "-"])).toEqual({ ok: true, value: "a-b-c" });
  });

  it("gives null when nothing is left, so default can act", () => {
    expect(run("replace", "n/a", ["n/a", ""])).toEqual({ ok: true, value: null });
  });

  it("takes an empty `with` (null) as removing", () => {
    expect(run("replace", "Acme Ltd.", [".", null])).toEqual({ ok: true, value: "Acme Ltd" });
  });

  it("rejects a missing find", () => {
    expect(run("replace", "x", [null, "y"])).toEqual({ ok: false, reason: "`replace`: find must be some text to look for, not nothing" });
  });
});

describe("truncate", () => {
  it("keeps text within the length as it is, without a note", () => {
    expect(run("truncate", "Acme Ltd", [8])).toEqual({ ok: true, value: "Acme Ltd" });
  });

  it("cuts longer text and notes the cut for the audit report", () => {
    expect(run("truncate", "Bakkerij de Vries", [8])).toEqual({
      ok: true,
      value: "Bakkerij",
      notes: [{ kind: "truncated", detail: "cut from 17 to 8 characters" }],
    });
  });

  it("counts characters, not UTF-16 units, so an emoji or accent is never split", () => {
    expect(run("truncate", "Zoë 🎂🎂", [5])).toEqual({ ok: true, value: "Zoë 🎂", notes: [{ kind: "truncated", detail: "cut from 6 to 5 characters" }] });
    expect(run("truncate", "🎂🎂🎂", [3])).toEqual({ ok: true, value: "🎂🎂🎂" });
  });

  it("rejects a length below 1 or not whole", () => {
    expect(run("truncate", "x", [2.5])).toEqual({ ok: false, reason: "`truncate`: the length must be a whole number of at least 1, not the number 2.5" });
    expect(run("truncate", "x", ["64"])).toEqual({ ok: false, reason: "`truncate`: the length must be a whole number of at least 1, not '64'" });
  });
});

describe("characters", () => {
  it("keeps the characters from one position to another, counted from 1, both kept", () => {
    expect(run("characters", "54625", [1, 3])).toEqual({ ok: true, value: "546" });
    expect(run("characters", "54625", [4])).toEqual({ ok: true, value: "25" });
    expect(run("characters", "Θεσσαλονίκη", [1, 5])).toEqual({ ok: true, value: "Θεσσα" });
  });

  it("counts a negative position from the end, and characters as Odoo does", () => {
    expect(run("characters", "NL12ABNA0123", [-4])).toEqual({ ok: true, value: "0123" });
    expect(run("characters", "🎂ab🎂", [-2, -1])).toEqual({ ok: true, value: "b🎂" });
  });

  it("gives nothing for a range past the end or backwards, and refuses position 0", () => {
    expect(run("characters", "abc", [5])).toEqual({ ok: true, value: null });
    expect(run("characters", "abc", [3, 2])).toEqual({ ok: true, value: null });
    expect(run("characters", "abc", [0])).toEqual({
      ok: false,
      reason: "`characters`: from must be a whole number other than 0 (1 is the first character, -1 the last), not the number 0",
    });
  });
});

describe("html", () => {
  it("escapes <, > and & and turns a line break into <br>", () => {
    expect(run("html", "Call back\nat 5 <urgent>")).toEqual({ ok: true, value: "<p>Call back<br>at 5 &lt;urgent&gt;</p>" });
    expect(run("html", "Smith & Jones\r\nLtd")).toEqual({ ok: true, value: "<p>Smith &amp; Jones<br>Ltd</p>" });
  });

  it("starts a paragraph at a blank line and drops blank lines at both ends", () => {
    expect(run("html", "\nBeste Jan,\r\n\r\n  \r\nTot ziens\n\n")).toEqual({ ok: true, value: "<p>Beste Jan,</p><p>Tot ziens</p>" });
  });

  it("escapes text that already looks like HTML: the source is plain text", () => {
    expect(run("html", "<b>bold</b> &amp;")).toEqual({ ok: true, value: "<p>&lt;b&gt;bold&lt;/b&gt; &amp;amp;</p>" });
  });
});

describe("text", () => {
  it("writes numbers as written, never with an exponent", () => {
    expect(run("text", 42)).toEqual({ ok: true, value: "42" });
    expect(run("text", 1234.5)).toEqual({ ok: true, value: "1234.5" });
    expect(run("text", -0.25)).toEqual({ ok: true, value: "-0.25" });
    expect(run("text", 1e21)).toEqual({ ok: true, value: "1000000000000000000000" });
    expect(run("text", 1.5e-7)).toEqual({ ok: true, value: "0.00000015" });
    expect(run("text", -0)).toEqual({ ok: true, value: "0" });
  });

  it("writes booleans as yes and no", () => {
    expect(run("text", true)).toEqual({ ok: true, value: "yes" });
    expect(run("text", false)).toEqual({ ok: true, value: "no" });
  });

  it("keeps dates and datetimes as Odoo writes them (they are already text)", () => {
    expect(run("text", "2026-03-09")).toEqual({ ok: true, value: "2026-03-09" });
    expect(run("text", "2025-07-09 13:30:00")).toEqual({ ok: true, value: "2025-07-09 13:30:00" });
  });

  it("writes a record by its label, else its external ID, else model,id", () => {
    const labelled: RecordRef = { kind: "record", model: "res.partner", xmlid: "perfectbooks.company_42", id: 7, label: "Acme Ltd" };
    const unlabelled: RecordRef = { kind: "record", model: "res.partner", xmlid: "perfectbooks.company_42", id: 7 };
    const byId: RecordRef = { kind: "record", model: "res.users", id: 2 };
    expect(run("text", labelled)).toEqual({ ok: true, value: "Acme Ltd" });
    expect(run("text", unlabelled)).toEqual({ ok: true, value: "perfectbooks.company_42" });
    expect(run("text", byId)).toEqual({ ok: true, value: "res.users,2" });
  });

  it("rejects a list, which the evaluator hands over item by item", () => {
    expect(run("text", ["a", "b"])).toEqual({ ok: false, reason: `\`text\` takes one value, but was given a list of 2 items; ${PLAN_MISMATCH}` });
  });
});

describe("plainNumber", () => {
  it("agrees with String for every number String writes without exponent", () => {
    for (const value of [0, 1, -1, 0.1, 0.000001, 123456789012345680000, 2 ** 53, -98.765]) expect(plainNumber(value)).toBe(String(value));
  });

  it("writes exponent forms out in full, reading back as the same number", () => {
    for (const value of [1e21, 1.2345e25, 1e-7, -4.56e-10, 5e-324, Number.MAX_VALUE]) {
      const written = plainNumber(value);
      expect(written).not.toMatch(/e/i);
      expect(Number(written)).toBe(value);
    }
  });
});
