/**
 * Go to definition, find references, highlights and rename over a real LSP connection, for every
 * kind of name a package declares, on one package whose every occurrence of those names is tagged:
 * `⟦tag:name⟧` is a use, `⟦tag!:name⟧` a declaration. From each tagged place, the server must find
 * exactly the places of its tag: also in code the chosen Odoo (17.0) and settings leave out (an
 * `if` branch not taken, a switched-off map, the body a fallback replaces).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DocumentHighlight, Hover, Location, Range, WorkspaceEdit } from "vscode-languageserver";
import { startInMemoryServer, type LspTestClient } from "../../vscode-extension/tools/lsp-client.js";
import { applyLspEdits, lspRange, temporaryDirectory } from "./helpers.js";

const PACKAGE: Readonly<Record<string, string>> = {
  "migration.flitmap": `migration pb {
  source ⟦src:pb⟧
  target odoo "17.0"
  xmlid "pb"
  setting ⟦set!:links⟧ "text"
}
`,
  "source.flitmap": `source ⟦src!:pb⟧ {
  csv { delimiter ";" }
  entity ⟦ent!:Company⟧ "companies.csv" key ⟦key:id⟧ {
    ⟦key!:id⟧     "ID" text required
    ⟦col!:naam⟧   "Naam" text required
    score  "Score" text
    mobile "Mobile" text
    stage  "Stage" text
    login  "Login" text
  }
  entity Relation "relations.csv" key rid {
    rid      "RID" text
    org_name "Org" text required
    group ⟦grp!:contact⟧[1..2] {
      ⟦gcol!:name⟧  "Contact {n}" text
      phone "Phone {n}" text
    }
  }
  entity Order "orders.csv" key oid {
    oid      "OID" text
    customer "Customer" text references ⟦ent:Company⟧
  }
  entity OrderLine "lines.csv" key lid {
    lid      "LID" text
    order_id "Order" text references Order
    product  "Product" text
  }
}
`,
  "reference.flitmap": `import { ⟦imp:kinds⟧ } from "../shared/kinds.flitmap"

records crm.team {
  ⟦team!:sales⟧ { name "Sales" }
}

records crm.stage {
  ⟦rec!:won⟧ { name "Won"  is_won true  team_id ⟦team:sales⟧ }
  lost { name "Lost" }
}

records res.partner match ⟦xf:x_code⟧ {
  acme { name "Acme"  ⟦xf:x_code⟧ "A1" }
}

table ⟦tbl!:deal_stage⟧: text -> crm.stage {
  "Won" -> ⟦rec:won⟧
  _ -> lost
}

lookup ⟦lku!:user⟧ in res.users by login { missing reject }

lookup by_code in res.partner by ⟦xf:x_code⟧ { missing reject }

extend res.partner {
  ⟦xf!:x_code⟧ char "Code"
  if odoo >= "19.0" {
    ⟦xm!:x_mobile⟧ char "Mobile"
    ⟦xs!:x_score⟧  integer "Score"
  } else {
    ⟦xs!:x_score⟧ char "Score"
  }
}

step ⟦stp!:tidy⟧ = trim | upper
step shout = ⟦stp:tidy⟧ | truncate(20)
`,
  "maps.flitmap": `map ⟦ent:Company⟧ -> res.partner as ⟦als!:company⟧ {
  name         <- ⟦col:naam⟧ | trim
  ref          <- ⟦key:id⟧ | ⟦stp:tidy⟧
  ⟦xf:x_code⟧  <- ⟦key:id⟧
  ⟦xs:x_score⟧ <- score
  user_id      <- login | ⟦lku:user⟧
  if odoo >= "19.0" {
    ⟦xm:x_mobile⟧ <- mobile
  } else {
    mobile <- mobile
  }
  if setting ⟦set:links⟧ = "tags" {
    category_id <- ⟦key:id⟧ | ref ⟦off:company_tag⟧
  } else {
    comment <- ⟦col:naam⟧
  }
  ignore stage
}

map ⟦ent:Company⟧ -> res.partner.category as ⟦off!:company_tag⟧ if setting ⟦set:links⟧ = "tags" {
  name <- ⟦col:naam⟧ | ⟦stp:tidy⟧
}

map Order -> helpdesk.ticket as ticket {
  name       <- customer | get(⟦ent:Company⟧.⟦col:naam⟧)
  partner_id <- customer | ref ⟦als:company⟧
  user_id    <- customer | ⟦lku:user⟧
} fallback crm.lead {
  name       <- customer | get(⟦ent:Company⟧.⟦col:naam⟧)
  partner_id <- customer | by_code
  stage_id   <- customer | ⟦tbl:deal_stage⟧
  description <- oid | ⟦imp:kinds⟧
}

map Order -> crm.lead as ⟦dup!:deal⟧ if setting ⟦set:links⟧ = "text" {
  name <- oid | shout
}

map Order -> crm.lead as ⟦dup!:deal⟧ if setting ⟦set:links⟧ = "tags" {
  name <- customer
}

map Order -> sale.order as sale {
  partner_id     <- customer | ref ⟦als:company⟧
  opportunity_id <- oid | ref ⟦dup:deal⟧
  order_line <- each OrderLine by order_id as ⟦lines!:lines⟧ {
    name          <- product
    price_unit    = 0
    customer_lead = 0
  }
}

split Relation {
  ⟦org!:org⟧: res.partner {
    name       <- org_name
    is_company = true
    ignore ⟦grp:contact⟧.phone
  }
  person: res.partner for each ⟦grp:contact⟧ {
    name      <- ⟦grp:contact⟧.⟦gcol:name⟧ | required
    phone     <- ⟦grp:contact⟧.phone
    parent_id <- ref ⟦org:org⟧
  }
}
`,
  "tests.flitmap": `test "a company keeps its name and code" {
  given ⟦ent:Company⟧ { ⟦key:id⟧ "1"  ⟦col:naam⟧ "Acme"  score "5"  login "admin" }
  expect res.partner { name "Acme"  ⟦xf:x_code⟧ "1"  ⟦xs:x_score⟧ "5" }
  expect crm.lead { stage_id ⟦rec:won⟧  partner_id acme }
}
`,
};

/** In another folder: a package of its own, which reference.flitmap imports from. */
const SHARED = 'table ⟦imp!:kinds⟧: text -> text { "L" -> "lead"  _ -> "opportunity" }\n';

/** What a tag names, and its new name: every tagged place becomes `newName`, or (declared in another package) the rename is refused. */
const NAMES: readonly { tag: string; what: string; newName: string; elsewhere?: true }[] = [
  { tag: "src", what: "a source, named in the migration block", newName: "crm" },
  { tag: "ent", what: "an entity", newName: "Firm" },
  { tag: "key", what: "a key column", newName: "nummer" },
  { tag: "col", what: "a column, also in a switched-off map, an `if` branch not taken and the body a fallback replaces", newName: "company_name" },
  { tag: "grp", what: "a column group", newName: "person" },
  { tag: "gcol", what: "a column of a group", newName: "full_name" },
  { tag: "als", what: "a map's alias, also in the body a fallback replaces", newName: "firm" },
  { tag: "off", what: "the alias of a map a setting switches off, and a ref to it in an `if` branch not taken", newName: "company_category" },
  { tag: "dup", what: "an alias two maps declare, a setting choosing between them", newName: "opportunity" },
  { tag: "org", what: "a split target's alias", newName: "organisation" },
  { tag: "lines", what: "an `each` block's alias", newName: "order_lines" },
  { tag: "tbl", what: "a table", newName: "stage_of_deal" },
  { tag: "stp", what: "a named step: used by another step, and in a switched-off map", newName: "clean" },
  { tag: "rec", what: "a record: in a table, a test's expected values", newName: "gewonnen" },
  { tag: "team", what: "a record named by another record's value", newName: "sales_team" },
  { tag: "lku", what: "a lookup, also in the body a fallback replaces", newName: "owner" },
  { tag: "xf", what: "a custom field: assignment, records entry and match, lookup, test", newName: "x_reference" },
  { tag: "xm", what: "a custom field declared and set only for Odoo 19", newName: "x_gsm" },
  { tag: "xs", what: "a custom field declared once per branch of an `if odoo`", newName: "x_rating" },
  { tag: "set", what: "a setting: in the migration block, a body's `if setting` and a map's", newName: "strategy" },
  { tag: "imp", what: "an imported table", newName: "types", elsewhere: true },
];

interface Mark {
  readonly tag: string;
  readonly name: string;
  readonly declaration: boolean;
  readonly uri: string;
  readonly range: Range;
}

const TAGGED = /⟦([a-z]+)(!?):([^⟧]*)⟧/g;

function positionOf(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  return { line: before.split("\n").length - 1, character: offset - (before.lastIndexOf("\n") + 1) };
}

/** The text without tags, and the tagged places. */
function untag(tagged: string, uri: string): { text: string; marks: Mark[] } {
  const marks: Mark[] = [];
  let text = "";
  let last = 0;
  for (const match of tagged.matchAll(TAGGED)) {
    text += tagged.slice(last, match.index);
    const name = match[3] ?? "";
    marks.push({
      tag: match[1] ?? "",
      name,
      declaration: match[2] === "!",
      uri,
      range: { start: positionOf(text, text.length), end: positionOf(text, text.length + name.length) },
    });
    text += name;
    last = match.index + match[0].length;
  }
  return { text: text + tagged.slice(last), marks };
}

function byPlace(left: { uri: string; range: Range }, right: { uri: string; range: Range }): number {
  if (left.uri !== right.uri) return left.uri < right.uri ? -1 : 1;
  return left.range.start.line - right.range.start.line || left.range.start.character - right.range.start.character;
}

let scratch: { path: string; remove: () => void };
let client: LspTestClient;
const texts = new Map<string, string>();
const marks: Mark[] = [];
const packageUri = (name: string): string => pathToFileURL(join(scratch.path, "pb", name)).href;
const sharedPath = (): string => join(scratch.path, "shared", "kinds.flitmap");
const inPackage = (mark: Mark): boolean => mark.uri !== pathToFileURL(sharedPath()).href;

beforeAll(async () => {
  scratch = temporaryDirectory("flitmap-every-name-");
  mkdirSync(join(scratch.path, "pb"));
  mkdirSync(join(scratch.path, "shared"));
  const files: [string, string, string][] = [
    ...Object.entries(PACKAGE).map(([name, tagged]): [string, string, string] => [join(scratch.path, "pb", name), packageUri(name), tagged]),
    [sharedPath(), pathToFileURL(sharedPath()).href, SHARED],
  ];
  for (const [path, uri, tagged] of files) {
    const { text, marks: found } = untag(tagged, uri);
    writeFileSync(path, text);
    texts.set(uri, text);
    marks.push(...found);
  }
  client = startInMemoryServer({ debounceMs: 0 });
  await client.initialize(scratch.path);
  for (const [uri, text] of texts) await client.open(uri, text, 1);
});

afterAll(async () => {
  await client.dispose();
  scratch.remove();
});

const at = (mark: Mark): { textDocument: { uri: string }; position: { line: number; character: number } } => ({
  textDocument: { uri: mark.uri },
  position: { line: mark.range.start.line, character: mark.range.start.character + 1 },
});

describe("every declared name", () => {
  it("the package is sound, and every tag is in it", async () => {
    for (const name of Object.keys(PACKAGE)) {
      const published = await client.waitForDiagnostics(packageUri(name), (params) => params.version === 1);
      expect([name, published.diagnostics]).toEqual([name, []]);
    }
    expect([...new Set(marks.map((mark) => mark.tag))].sort()).toEqual(NAMES.map((name) => name.tag).sort());
  });

  for (const { tag, what, newName, elsewhere } of NAMES) {
    it(`${tag}: ${what}`, async () => {
      const places = marks.filter((mark) => mark.tag === tag).sort(byPlace);
      const declarations = places.filter((mark) => mark.declaration).map(({ uri, range }) => ({ uri, range }));
      const all = places.map(({ uri, range }) => ({ uri, range }));
      const uses = places.filter((mark) => !mark.declaration).map(({ uri, range }) => ({ uri, range }));
      for (const place of places.filter(inPackage)) {
        const definitions = await client.request<Location[]>("textDocument/definition", at(place));
        expect([...definitions].sort(byPlace)).toEqual(declarations);
        expect(await client.request<Location[]>("textDocument/references", { ...at(place), context: { includeDeclaration: true } })).toEqual(all);
        expect(await client.request<Location[]>("textDocument/references", { ...at(place), context: { includeDeclaration: false } })).toEqual(uses);
        const highlights = await client.request<DocumentHighlight[]>("textDocument/documentHighlight", at(place));
        expect(highlights).toEqual(places.filter((mark) => mark.uri === place.uri).map((mark) => ({ range: mark.range, kind: mark.declaration ? 3 : 2 })));
        if (elsewhere === undefined)
          expect(await client.request("textDocument/prepareRename", at(place))).toEqual({ range: place.range, placeholder: place.name });
      }
      const first = places.find(inPackage) as Mark;
      if (elsewhere !== undefined) {
        await expect(client.request("textDocument/rename", { ...at(first), newName })).rejects.toThrow(
          `table kinds is declared in ${sharedPath()}, outside this package: rename it there`,
        );
        return;
      }
      const edit = await client.request<WorkspaceEdit>("textDocument/rename", { ...at(first), newName });
      const changed = Object.fromEntries(Object.entries(edit.changes ?? {}).map(([uri, edits]) => [uri, applyLspEdits(texts.get(uri) ?? "", edits)]));
      const expected = Object.fromEntries(
        Object.entries(PACKAGE)
          .filter(([, tagged]) => tagged.includes(`⟦${tag}:`) || tagged.includes(`⟦${tag}!:`))
          .map(([name, tagged]) => [packageUri(name), untag(tagged.replace(new RegExp(`⟦${tag}!?:[^⟧]*⟧`, "g"), newName), "").text]),
      );
      expect(changed).toEqual(expected);
    });
  }
});

describe("names declared more than once, or left out", () => {
  const place = (tag: string, index: number): Mark => marks.filter((mark) => mark.tag === tag).sort(byPlace)[index] as Mark;

  it("goes first to the declaration a use resolves to for the chosen Odoo, then to its namesake in the other branch", async () => {
    const use = marks.find((mark) => mark.tag === "xs" && mark.uri === packageUri("maps.flitmap")) as Mark;
    const reference = packageUri("reference.flitmap");
    // On 17.0 the `else` branch declares x_score.
    expect(await client.request<Location[]>("textDocument/definition", at(use))).toEqual([
      { uri: reference, range: lspRange(30, 4, 30, 11) },
      { uri: reference, range: lspRange(28, 4, 28, 11) },
    ]);
    const declaredFor19 = marks.find((mark) => mark.tag === "xs" && mark.declaration && mark.range.start.line === 28) as Mark;
    expect(await client.request<Location[]>("textDocument/definition", at(declaredFor19))).toEqual([
      { uri: reference, range: lspRange(28, 4, 28, 11) },
      { uri: reference, range: lspRange(30, 4, 30, 11) },
    ]);
  });

  it("describes a setting, a source named by the migration, a custom field and an alias left out for the chosen Odoo", async () => {
    const hoverAt = async (mark: Mark): Promise<Hover | null> => await client.request<Hover | null>("textDocument/hover", at(mark));
    expect(await hoverAt(place("set", 0))).toEqual({
      contents: {
        kind: "markdown",
        value:
          '```flitmap\n(setting) links "text"\n```\n\nA switch of the package: `flitmap ... --set links=...` chooses another value for a run\n\nTested values: `"tags"`, `"text"`',
      },
      range: place("set", 0).range,
    });
    expect(await hoverAt(place("src", 0))).toEqual({
      contents: { kind: "markdown", value: "```flitmap\n(source) pb\n```\n\nEntities: Company, Relation, Order, OrderLine" },
      range: place("src", 0).range,
    });
    // The use in the `if odoo >= "19.0"` branch: on 17.0 Odoo has no such field, the package declares it.
    expect(await hoverAt(place("xm", 0))).toEqual({
      contents: { kind: "markdown", value: "```flitmap\n(custom field) res.partner.x_mobile\n```\n\nDeclared in an `extend res.partner` block" },
      range: place("xm", 0).range,
    });
    expect(await hoverAt(place("off", 0))).toEqual({
      contents: {
        kind: "markdown",
        value: "```flitmap\n(alias) company_tag: map Company -> res.partner.category\n```\n\nRecords get external IDs `pb.company_tag_<id>`",
      },
      range: place("off", 0).range,
    });
  });

  it("refuses a custom field's new name without x_, and a name a declaration left out already has", async () => {
    const rename = (mark: Mark, newName: string): Promise<unknown> => client.request("textDocument/rename", { ...at(mark), newName });
    await expect(rename(place("xf", 0), "reference")).rejects.toThrow(
      'a custom field\'s name starts with "x_" and has lower-case letters, digits and underscores (Odoo refuses "reference")',
    );
    await expect(rename(place("xs", 0), "x_mobile")).rejects.toThrow("x_mobile is already a custom field of res.partner: choose another name");
    await expect(rename(place("als", 0), "company_tag")).rejects.toThrow("company_tag is already an alias: choose another name");
    await expect(rename(place("set", 0), "when")).rejects.toThrow("`when` is a reserved word of the language and cannot be a name");
  });
});
