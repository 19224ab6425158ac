/**
 * The built-in pipeline steps: their signatures (checked by the compiler), documentation and an
 * example each (shown on hover, in completion and in docs/language.md). The runtime implements
 * each by name (runtime/transform/builtins.ts); a test keeps the two lists equal.
 */
import { datePatternProblem } from "./date-patterns.js";
import { BINARY, BOOLEAN, DATE, DATETIME, DECIMAL, FILE, INTEGER, TEXT, UNKNOWN, describeType, isAssignableTo, list, text, type ValueType } from "./types.js";

export type BuiltinCategory = "text" | "number" | "date" | "validation" | "file" | "list" | "value";

export interface BuiltinParameter {
  readonly name: string;
  readonly type: ValueType;
  readonly optional: boolean;
  readonly description: string;
  /** The values a text parameter allows, checked when it is given as a literal. */
  readonly oneOf?: readonly string[];
  /** The form a text parameter's literal must have, and how a specialist says it. */
  readonly form?: { readonly pattern: RegExp; readonly said: string };
  /** Why a literal cannot be used (a date pattern the reader cannot read), or null. */
  readonly problem?: (value: string) => string | null;
}

export interface Builtin {
  readonly name: string;
  readonly category: BuiltinCategory;
  readonly summary: string;
  /** Input types the step takes; a list of such values is taken item by item unless `takesList`. */
  readonly inputs: readonly ValueType[];
  readonly takesList: boolean;
  readonly parameters: readonly BuiltinParameter[];
  /** The output type, given the input type (after item-by-item unwrapping) and the argument types. */
  readonly output: (input: ValueType, args: readonly ValueType[]) => ValueType;
  /** What happens to a row whose value the step cannot handle. */
  readonly onInvalid?: string;
  readonly example: string;
  readonly exampleResult: string;
}

const ANY_SCALAR: readonly ValueType[] = [TEXT, INTEGER, DECIMAL, DATE, DATETIME, BOOLEAN, FILE, BINARY, { kind: "record", model: undefined }];

const INVALID_POLICY: BuiltinParameter = {
  name: "on_invalid",
  type: TEXT,
  optional: true,
  description: '"reject" (the default) rejects the row with the reason; "flag" leaves the field empty and reports the value',
  oneOf: ["reject", "flag"],
};

const COUNTRY: BuiltinParameter = {
  name: "country",
  type: TEXT,
  optional: true,
  description: 'the country\'s two letters ("PL"), for numbers written without them',
  // A lone on_invalid word stands in the country's place: `vat("flag")`.
  form: { pattern: /^(?:[A-Za-z]{2}|reject|flag|)$/, said: 'a country\'s two letters ("PL", "DE")' },
};

const LANGUAGE: BuiltinParameter = {
  name: "language",
  type: TEXT,
  optional: true,
  description: 'the language whose case rules apply ("tr": I and ı, İ and i), for a language whose letters Unicode\'s default rules change wrongly',
  form: { pattern: /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, said: 'a language tag ("tr", "az")' },
};

function same(input: ValueType): ValueType {
  return input;
}

function textStep(name: string, summary: string, example: string, exampleResult: string, parameters: readonly BuiltinParameter[] = []): Builtin {
  return { name, category: "text", summary, inputs: [TEXT], takesList: false, parameters, output: () => TEXT, example, exampleResult };
}

function textQuestion(name: string, summary: string, example: string, exampleResult: string): Builtin {
  return {
    name,
    category: "text",
    summary,
    inputs: [TEXT],
    takesList: false,
    parameters: [{ name: "text", type: TEXT, optional: false, description: "what to look for (upper and lower case alike)" }],
    output: () => BOOLEAN,
    example,
    exampleResult,
  };
}

export const BUILTINS: readonly Builtin[] = [
  textStep("trim", "Removes spaces at both ends and collapses runs of spaces inside.", "name <- name | trim", '"  Acme   Ltd " becomes "Acme Ltd"'),
  textStep("lower", "Lower-cases the text; with a language, by its rules.", "email <- email | lower", '"Jan@Example.NL" becomes "jan@example.nl"', [LANGUAGE]),
  textStep("upper", "Upper-cases the text; with a language, by its rules.", "ref <- code | upper", '"nl-204" becomes "NL-204"', [LANGUAGE]),
  textStep(
    "title",
    "Capitalises the first letter of each word and lower-cases the rest; with a language, by its rules.",
    'name <- ad_soyad | title("tr")',
    '"ŞEBNEM IŞIK" becomes "Şebnem Işık" (without "tr", "Şebnem Işik")',
    [LANGUAGE],
  ),
  textStep("replace", "Replaces every occurrence of a text by another.", 'phone <- phone | replace("(0)", "")', '"+31 (0)20 555" becomes "+31 20 555"', [
    { name: "find", type: TEXT, optional: false, description: "the text to look for" },
    { name: "with", type: TEXT, optional: false, description: "what to put instead" },
  ]),
  textStep(
    "swap_name",
    "Turns a name written family name first into given names first, as Odoo's contacts hold it: the first word, with the particles before it (af, von, van der, de la, ...), is the family name, or all before a comma.",
    "name <- nimi | swap_name",
    '"Virtanen Matti" becomes "Matti Virtanen"; "af Forselles Johan" becomes "Johan af Forselles"; "García López, Ana" becomes "Ana García López"',
  ),
  textStep(
    "without_prefixes",
    "A person's name without the honorific, academic and generational words before it (dr., ifj., id., özv., Mr, Mrs, Ms, Dr., Prof., Herr, Frau, Ing., Dipl.-Ing., Mag., dhr., mevr., ir., drs., Mme, Sr., Sra., Dott., mgr, inż., Bc., JUDr., Ing. arch., doc. and more), in any case, with or without their dots, so that it matches a name kept without them; `words` adds others, comma-separated. A name that is only such words is kept.",
    "kontakt <- nev | without_prefixes",
    '"dr. Nagy Éva" becomes "Nagy Éva"; "IFJ. Kovács János" becomes "Kovács János"; "Ing. arch. Vojtěch Marek" becomes "Vojtěch Marek"',
    [{ name: "words", type: TEXT, optional: true, description: 'more words to take off, comma-separated ("néhai, gróf")' }],
  ),
  textStep(
    "without_suffixes",
    "A person's name without the titles written after it, behind a comma or not (Ph.D., CSc., DrSc., DiS., Th.D., ArtD., MBA, LL.M., M.Sc., B.Sc., PhD, Jr., Esq. and more), in any case, with or without their dots, and the comma before them; `words` adds others, comma-separated. A name that is only such words is kept.",
    "kontakt <- jmeno | without_prefixes | without_suffixes",
    '"Jan Novák, Ph.D." becomes "Jan Novák"; "Eva Malá, CSc., MBA" becomes "Eva Malá"; "Jane Doe LL.M." becomes "Jane Doe"',
    [{ name: "words", type: TEXT, optional: true, description: 'more words to take off, comma-separated ("MD, BA")' }],
  ),
  {
    name: "truncate",
    category: "text",
    summary: "Cuts the text to at most `length` characters; every cut is counted in the audit report.",
    inputs: [TEXT],
    takesList: false,
    parameters: [{ name: "length", type: INTEGER, optional: false, description: "the most characters to keep" }],
    output: () => TEXT,
    example: "name <- name | truncate(64)",
    exampleResult: "a 70-character name keeps its first 64 characters",
  },
  {
    name: "characters",
    category: "text",
    summary:
      "The characters from position `from` to `to`, counted from 1 and both kept (without `to`, to the end); a negative position counts from the end (-1 is the last character).",
    inputs: [TEXT],
    takesList: false,
    parameters: [
      { name: "from", type: INTEGER, optional: false, description: "the first character to keep, 1 for the first, -1 for the last" },
      { name: "to", type: INTEGER, optional: true, description: "the last character to keep (the end when left out)" },
    ],
    output: () => TEXT,
    example: "x_district <- postnr | characters(1, 3)",
    exampleResult: '"54625" becomes "546"; `[postnr | characters(1, 3), postnr | characters(4)] | join(" ")` writes "546 25"',
  },
  textQuestion(
    "starts_with",
    "Whether the text starts with another (upper and lower case alike), for conditions.",
    'active <- if name | starts_with("NIE UŻYWAĆ") then false else true',
    '"Nie używać Hydrobud" becomes true',
  ),
  textQuestion(
    "ends_with",
    "Whether the text ends with another (upper and lower case alike), for conditions.",
    'is_company <- if name | ends_with("Sp. z o.o.") then true else is_firm',
    '"Instal-Term sp. z o.o." becomes true',
  ),
  textQuestion(
    "contains",
    "Whether the text holds another anywhere (upper and lower case alike), for conditions.",
    'x_copy <- remarks | contains("duplikat")',
    '"Duplikat firmy HYDROBUD" becomes true',
  ),
  {
    name: "split",
    category: "list",
    summary: "Cuts the text into a list at each separator; parts are trimmed and empty parts dropped.",
    inputs: [TEXT],
    takesList: false,
    parameters: [{ name: "separator", type: TEXT, optional: false, description: "where to cut" }],
    output: () => list(TEXT),
    example: 'category_id <- tags | split(";") | tag',
    exampleResult: '"vip; legal" becomes ["vip", "legal"]',
  },
  {
    name: "join",
    category: "list",
    summary: "Joins a list into one text with a separator between items; empty items are left out.",
    inputs: [list(TEXT)],
    takesList: true,
    parameters: [{ name: "separator", type: TEXT, optional: false, description: "what goes between items" }],
    output: () => TEXT,
    example: 'x_other_companies <- company_id | rest | get(Company.name) | join(", ")',
    exampleResult: '["Acme Ltd", "Bolt BV"] becomes "Acme Ltd, Bolt BV"',
  },
  {
    name: "text",
    category: "value",
    summary: "Writes any value as text: numbers as written, dates as yyyy-MM-dd, booleans as yes/no.",
    inputs: ANY_SCALAR,
    takesList: false,
    parameters: [],
    output: () => TEXT,
    example: "x_legacy_number <- number | text",
    exampleResult: '42 becomes "42"',
  },
  {
    name: "html",
    category: "text",
    summary: "Turns plain text into HTML for Odoo's rich-text fields: escapes <, > and &, and keeps line breaks.",
    inputs: [TEXT],
    takesList: false,
    parameters: [],
    output: () => text("html"),
    example: "body <- body | html",
    exampleResult: '"Call back\\nat 5 <urgent>" becomes "<p>Call back<br>at 5 &lt;urgent&gt;</p>"',
  },
  {
    name: "add_days",
    category: "date",
    summary: "Moves a date by a number of calendar days (negative: back), or a datetime by that many times 24 hours.",
    inputs: [DATE, DATETIME],
    takesList: false,
    parameters: [{ name: "days", type: INTEGER, optional: false, description: "how many days, a number or a whole-number column" }],
    output: (input) => input,
    example: "date_deadline <- invoice_date | add_days(30)",
    exampleResult: '"2024-01-31" becomes 2024-03-01',
  },
  {
    name: "add_minutes",
    category: "date",
    summary: "Moves a datetime by a number of minutes (negative: back): an end from a start and a duration.",
    inputs: [DATETIME],
    takesList: false,
    parameters: [{ name: "minutes", type: INTEGER, optional: false, description: "how many minutes, a number or a whole-number column" }],
    output: () => DATETIME,
    example: "date_closed <- date_open | add_minutes(90)",
    exampleResult: '"2024-03-09 08:30:00" becomes 2024-03-09 10:00:00',
  },
  {
    name: "email",
    category: "validation",
    summary: "Checks an e-mail address and writes it trimmed with a lower-case domain.",
    inputs: [TEXT],
    takesList: false,
    parameters: [INVALID_POLICY],
    output: () => text("email"),
    onInvalid: "an address without one @ and a dotted domain is rejected (or flagged)",
    example: "email <- email | email",
    exampleResult: '" Jan@Example.NL " becomes "Jan@example.nl"',
  },
  {
    name: "phone",
    category: "validation",
    summary:
      "Checks a phone number (digits, spaces, + ( ) - . /, and an extension after a word such as ext., x, toestel, ramal, interno, Durchwahl, poste, extensión, wew. or mellék: the list is in docs/sources.md) and collapses its spaces; the extension word stays as written.",
    inputs: [TEXT],
    takesList: false,
    parameters: [INVALID_POLICY],
    output: () => text("phone"),
    onInvalid: "a value with letters or fewer than 6 digits is rejected (or flagged)",
    example: "phone <- phone | phone",
    exampleResult: '"(19) 3251-4400  ramal 215" becomes "(19) 3251-4400 ramal 215"',
  },
  {
    name: "url",
    category: "validation",
    summary: "Checks a web address and adds http:// when the scheme is missing.",
    inputs: [TEXT],
    takesList: false,
    parameters: [INVALID_POLICY],
    output: () => text("url"),
    onInvalid: "a value without a dotted host name is rejected (or flagged)",
    example: "website <- domain | url",
    exampleResult: '"acme.co.uk" becomes "http://acme.co.uk"',
  },
  {
    name: "iban",
    category: "validation",
    summary:
      "Checks a bank account's IBAN (its country's length and its check digits) and writes it without spaces; digits alone, as long as the country's IBAN without its letters (Poland's NRB), get the country given; with CZ or SK, the domestic account (prefix-number/bank code) is checked by its weights and made the IBAN.",
    inputs: [TEXT],
    takesList: false,
    parameters: [COUNTRY, INVALID_POLICY],
    output: () => TEXT,
    onInvalid: "an account whose length or check digits are wrong is rejected (or flagged)",
    example: 'acc_number <- nrb | iban("PL")',
    exampleResult: '"61 1090 1014 0000 0712 1981 2874" becomes "PL61109010140000071219812874"; with iban("CZ"), "19-2000145399/0800" becomes "CZ6508000000192000145399"',
  },
  {
    name: "vat",
    category: "validation",
    summary:
      "Checks a VAT number's form for its country (the EU's, the UK's, Switzerland's, Norway's) and the check digit of Poland's, Germany's, Italy's, Belgium's, Portugal's, Denmark's, the Netherlands', France's, Greece's, Finland's, Sweden's, Luxembourg's, Croatia's and Hungary's, and of a Czech legal person's (CZ and its IČO; an individual's nine or ten digits, the birth number, for their form only), and writes it as Odoo keeps it: the country's prefix, no separators. Hungary's domestic tax number (12345678-2-41) gives the VAT number it holds (HU12345678).",
    inputs: [TEXT],
    takesList: false,
    parameters: [COUNTRY, INVALID_POLICY],
    output: () => TEXT,
    onInvalid: "a number of the wrong form or check digit is rejected (or flagged); Odoo's VAT check would refuse it",
    example: 'vat <- nip | vat("PL")',
    exampleResult: '"778-142-13-31" becomes "PL7781421331"; "DE 136 695 976" becomes "DE136695976"; "CZ25596642" is rejected (the IČO\'s check digit), "CZ7608123456" passes (a birth number: its form only)',
  },
  {
    name: "business_id",
    category: "validation",
    summary:
      "Checks a national business ID by its check digit and writes it as its country prints it, for `company_registry`: Finland's Y-tunnus (1234567-8), Sweden's organisationsnummer (556677-8899), Norway's organisasjonsnummer, Denmark's CVR, Belgium's ondernemingsnummer (0403.170.701), Poland's NIP, Italy's partita IVA, Portugal's NIPC, Hungary's adószám (12345678-2-41), the Czech IČO (eight digits, a shorter one padded with zeros as the registers do: 64581 is 00064581). The VAT number it makes is read too (FI10407402 is 1040740-2).",
    inputs: [TEXT],
    takesList: false,
    parameters: [
      { name: "country", type: TEXT, optional: false, description: 'the country\'s two letters ("FI")', oneOf: ["FI", "SE", "NO", "DK", "BE", "PL", "IT", "PT", "HU", "CZ"] },
      INVALID_POLICY,
    ],
    output: () => TEXT,
    onInvalid: "an ID of the wrong form or check digit is rejected (or flagged)",
    example: 'company_registry <- y_tunnus | business_id("FI")',
    exampleResult: '"1040740-2" stays "1040740-2"; "FI10407402" becomes "1040740-2"; "1040740-3" is rejected; with business_id("CZ"), "64581" becomes "00064581" and "25596642" is rejected',
  },
  {
    name: "duration",
    category: "number",
    summary:
      "Reads a length of time written in words (45 min, 1 h 30 min, 2,5 h, 90 min., 1h30, 1:30) as hours, as Odoo's `duration` holds it, or minutes; the unit words of English, Finnish (t, tunti), Swedish, Danish, Norwegian, German (Std.), Dutch (u, uur), French, Spanish, Portuguese, Italian, Polish (godz.), Czech and Slovak (hod.), Hungarian (óra, perc), Turkish (saat, dk) and Greek (the list is in docs/sources.md).",
    inputs: [TEXT],
    takesList: false,
    parameters: [
      { name: "unit", type: TEXT, optional: true, description: '"hours" (the default) or "minutes"', form: { pattern: /^(?:hours|minutes|reject|flag|)$/, said: '"hours" or "minutes"' } },
      INVALID_POLICY,
    ],
    output: () => DECIMAL,
    onInvalid: "a number without a unit, a unit it does not know, or a unit twice is rejected (or flagged)",
    example: "duration <- kesto | duration",
    exampleResult: '"1 h 30 min" becomes 1.5; "45 min" becomes 0.75; `duration("minutes")` makes "2,5 h" 150',
  },
  {
    name: "number",
    category: "number",
    summary: "Reads a number from text, with the source's decimal separator (1.234,50 or 1,234.50).",
    inputs: [TEXT],
    takesList: false,
    parameters: [INVALID_POLICY],
    output: () => DECIMAL,
    onInvalid: "text that is not a number is rejected (or flagged)",
    example: "probability <- kans | number",
    exampleResult: '"62,5" becomes 62.5 in a source with a decimal comma',
  },
  {
    name: "integer",
    category: "number",
    summary: "Reads a whole number from text, or rounds a decimal to the nearest whole number.",
    inputs: [TEXT, DECIMAL],
    takesList: false,
    parameters: [INVALID_POLICY],
    output: () => INTEGER,
    onInvalid: "text that is not a whole number is rejected (or flagged)",
    example: "x_deal_score <- deal_score | integer",
    exampleResult: '"87" becomes 87; 86.6 becomes 87',
  },
  {
    name: "money",
    category: "number",
    summary: "Reads an amount with a currency sign or code and thousands separators.",
    inputs: [TEXT],
    takesList: false,
    parameters: [INVALID_POLICY],
    output: () => DECIMAL,
    onInvalid: "text that is not an amount is rejected (or flagged)",
    example: "expected_revenue <- amount | money",
    exampleResult: '"£1,234.50" becomes 1234.5; "€ 1.234,50" becomes 1234.5',
  },
  {
    name: "round",
    category: "number",
    summary: "Rounds a number to a number of decimals.",
    inputs: [DECIMAL],
    takesList: false,
    parameters: [{ name: "decimals", type: INTEGER, optional: false, description: "digits to keep after the decimal point" }],
    output: () => DECIMAL,
    example: "probability <- kans | round(0)",
    exampleResult: "62.5 becomes 63",
  },
  {
    name: "discount_chain",
    category: "number",
    summary: "Reads discounts applied one after the other (`10+5`) as the one discount in percent they make: 1 − (1 − 0.10)(1 − 0.05).",
    inputs: [TEXT, INTEGER, DECIMAL],
    takesList: false,
    parameters: [INVALID_POLICY],
    output: () => DECIMAL,
    onInvalid: "text that is not percentages from 0 to 100 joined by + is rejected (or flagged)",
    example: "discount <- sconto | discount_chain",
    exampleResult: '"10+5" becomes 14.5; "50+50" becomes 75',
  },
  {
    name: "date",
    category: "date",
    summary: "Reads a date from text in a format (default: the source's date format), or keeps the day of a datetime.",
    inputs: [TEXT, DATETIME],
    takesList: false,
    parameters: [
      {
        name: "format",
        type: TEXT,
        optional: true,
        description: 'e.g. "dd-MM-yyyy" (d, dd, M, MM, yy, yyyy)',
        // A lone on_invalid word stands in the format's place: `date("flag")`.
        problem: (value) => (value === "reject" || value === "flag" ? null : datePatternProblem(value, "date")),
      },
      INVALID_POLICY,
    ],
    output: () => DATE,
    onInvalid: "text that is not a date in the format (e.g. 31-02-2024) is rejected (or flagged)",
    example: 'date_deadline <- due | date("dd/MM/yyyy")',
    exampleResult: '"09/03/2026" becomes 2026-03-09',
  },
  {
    name: "datetime",
    category: "date",
    summary: "Reads a date and time in the source's time zone (or the one given) and converts it to UTC, as Odoo stores it.",
    inputs: [TEXT, DATE],
    takesList: false,
    parameters: [
      {
        name: "format",
        type: TEXT,
        optional: true,
        description: 'e.g. "dd-MM-yyyy HH:mm" (H, HH, m, mm, s, ss as well)',
        problem: (value) => datePatternProblem(value, "datetime"),
      },
      { name: "timezone", type: TEXT, optional: true, description: 'an IANA time zone such as "Europe/Amsterdam"' },
    ],
    output: () => DATETIME,
    onInvalid: "text that is not a date and time in the format is rejected",
    example: 'x_stage_entered <- stage_entered | datetime("dd/MM/yyyy HH:mm", "Europe/London")',
    exampleResult: '"09/07/2025 14:30" becomes 2025-07-09 13:30:00 (UTC)',
  },
  {
    name: "boolean",
    category: "value",
    summary: "Reads yes/no in English and Dutch: yes, y, true, 1, ja, j, waar; no, n, false, 0, nee, onwaar.",
    inputs: [TEXT, INTEGER],
    takesList: false,
    parameters: [INVALID_POLICY],
    output: () => BOOLEAN,
    onInvalid: "any other word is rejected (or flagged)",
    example: "x_opt_in <- marketing_opt_in | boolean",
    exampleResult: '"ja" becomes true',
  },
  {
    name: "default",
    category: "value",
    summary: "Uses a value when the input is empty; each use is counted in the audit report.",
    inputs: ANY_SCALAR,
    takesList: false,
    parameters: [{ name: "value", type: UNKNOWN, optional: false, description: "the value to use instead of nothing" }],
    output: same,
    example: 'city <- city | trim | default("Unknown")',
    exampleResult: 'an empty city becomes "Unknown"',
  },
  {
    name: "required",
    category: "value",
    summary: "Rejects the row when the value is empty, with the reason in the reject file: the one given, in the specialist's words (a template may name the row's values), else that the field requires a value. After a check that flags, it refuses what the check refused in those words: `` ic | business_id(\"CZ\", \"flag\") | required(`IČO {ic} nemá platnou kontrolní číslici`) ``.",
    inputs: ANY_SCALAR,
    takesList: false,
    parameters: [{ name: "reason", type: TEXT, optional: true, description: "the reason the reject file gives, in the specialist's words (`IČO {ic} nemá platnou kontrolní číslici`)" }],
    output: same,
    onInvalid: "an empty value rejects the row",
    example: 'name <- company_name | trim | required("a relation needs its company name")',
    exampleResult: 'a relation without a company name is rejected, the reject file saying "name: a relation needs its company name" (without a reason, "name: the value is empty, and this field requires one")',
  },
  {
    name: "file",
    category: "file",
    summary: "Reads the file a path points to (relative to the export folder) as base64 content for Odoo.",
    inputs: [FILE, TEXT],
    takesList: false,
    parameters: [],
    output: () => BINARY,
    onInvalid: "a missing file, or a path leaving the export folder, rejects the row",
    example: "datas <- path | file",
    exampleResult: '"files/contract.pdf" becomes the file\'s bytes in base64',
  },
  {
    name: "mimetype",
    category: "file",
    summary: "The MIME type of the file a path points to, read from its first bytes (the extension as a fallback).",
    inputs: [FILE, TEXT],
    takesList: false,
    parameters: [],
    output: () => TEXT,
    example: "mimetype <- path | mimetype",
    exampleResult: '"files/logo.png" becomes "image/png"',
  },
  {
    name: "filename",
    category: "file",
    summary: "The name of the file a path points to, without its folders (\\ and / both separate folders).",
    inputs: [FILE, TEXT],
    takesList: false,
    parameters: [],
    output: () => TEXT,
    example: "name <- path | filename",
    exampleResult: '"bestanden\\\\offerte.pdf" becomes "offerte.pdf"',
  },
  {
    name: "first",
    category: "list",
    summary: "The first item of a list (in a `with` block: the first linked row in its order).",
    inputs: [list(UNKNOWN)],
    takesList: true,
    parameters: [],
    output: (input) => (input.kind === "list" ? input.item : UNKNOWN),
    example: "parent_id <- company_id | first | ref company",
    exampleResult: "the primary company of a contact linked to three",
  },
  {
    name: "last",
    category: "list",
    summary: "The last item of a list.",
    inputs: [list(UNKNOWN)],
    takesList: true,
    parameters: [],
    output: (input) => (input.kind === "list" ? input.item : UNKNOWN),
    example: "x_latest_role <- role | last",
    exampleResult: '["Partner", "Director"] becomes "Director"',
  },
  {
    name: "rest",
    category: "list",
    summary: "Every item but the first: the secondary links of a collapsed many-to-many.",
    inputs: [list(UNKNOWN)],
    takesList: true,
    parameters: [],
    output: same,
    example: "category_id <- company_id | rest | ref company_tag",
    exampleResult: "the other companies of a contact linked to three",
  },
  {
    name: "count",
    category: "list",
    summary: "How many items a list has.",
    inputs: [list(UNKNOWN)],
    takesList: true,
    parameters: [],
    output: () => INTEGER,
    example: "x_company_count <- company_id | count",
    exampleResult: "3 for a contact linked to three companies",
  },
  {
    name: "unique",
    category: "list",
    summary: "The list without repeated items, in first-seen order.",
    inputs: [list(UNKNOWN)],
    takesList: true,
    parameters: [],
    output: same,
    example: 'x_roles <- role | unique | join(", ")',
    exampleResult: '["CEO", "CEO", "Buyer"] becomes ["CEO", "Buyer"]',
  },
  {
    name: "get",
    category: "value",
    summary:
      "The value of a column of another entity, for the row whose key is the input; `get(Entity.column by other)` finds the row by another column declared `unique` (a company's tax number from its name), as `| ref alias by other` does.",
    inputs: ANY_SCALAR,
    takesList: false,
    parameters: [{ name: "column", type: UNKNOWN, optional: false, description: "Entity.column, e.g. Company.name, or Entity.column by column, e.g. Company.vat by name" }],
    // The type is the column's, filled in by the checker that resolves the argument.
    output: () => UNKNOWN,
    example: "x_company_name <- company_id | get(Company.name)",
    exampleResult: '"1004" becomes "Acme Ltd" (the name of company 1004)',
  },
];

const BY_NAME = new Map(BUILTINS.map((builtin) => [builtin.name, builtin]));

export function findBuiltin(name: string): Builtin | undefined {
  return BY_NAME.get(name);
}

/** `name(param: type, [param: type]): input → output`, as editors show it. */
export function builtinSignature(builtin: Builtin): string {
  const parameters = builtin.parameters.map((parameter) => `${parameter.optional ? "[" : ""}${parameter.name}${parameter.optional ? "]" : ""}`);
  const inputs = builtin.inputs.map((input) => describeType(input)).join(" or ");
  const output = builtin.output(builtin.inputs[0] ?? UNKNOWN, []);
  // A step whose output follows its input (`add_days` of a date is a date, of a datetime a datetime) says so.
  const followsInput = builtin.inputs.some((input) => describeType(builtin.output(input, [])) !== describeType(output));
  const written = output.kind === "unknown" || followsInput ? "the input's type" : describeType(output);
  return `${builtin.name}${parameters.length === 0 ? "" : `(${parameters.join(", ")})`}: ${inputs} → ${written}`;
}

export function acceptsInput(builtin: Builtin, input: ValueType): boolean {
  return builtin.inputs.some((accepted) => isAssignableTo(input, accepted));
}
