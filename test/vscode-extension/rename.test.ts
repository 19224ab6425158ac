import { describe, expect, it } from "vitest";
import { analyzePackage } from "../../compiler/analyze.js";
import { overlayHost } from "../../compiler/host.js";
import { prepareRename, rename } from "../../vscode-extension/server/features/rename.js";
import { BASE_FILES } from "./fixture.js";
import { applyEdits, marked, markedPackage, PACKAGE_FOLDER } from "./helpers.js";

const MAPS = `map Company -> res.partner {
  name <- naam | trim
  email <- mail
  parent_id <- parent_id | ref company
  x_kind <- kind
  ignore id, stage
}

map Order -> crm.lead as deal {
  name <- customer | get(Company.naam)
  partner_id <- customer | ref company
  stage_id = won
}

extend res.partner { x_kind char "Kind" }
`;
const TESTS = `test "a company keeps its name" {
  given Company { id "1"  naam "Acme"  kind "k" }
  expect res.partner { name "Acme"  x_kind "k" }
}
`;

/** Renames what stands at `needle` (+ `delta`) in `name` to `newName`: the files that change, as they become. */
function renamed(name: string, needle: string, newName: string, delta = 1): Record<string, string> | string {
  const files: Record<string, string> = { ...BASE_FILES, "maps.flitmap": MAPS, "tests.flitmap": TESTS };
  const text = files[name] ?? "";
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`no ${needle} in ${name}`);
  files[name] = `${text.slice(0, index + delta)}‸${text.slice(index + delta)}`;
  const { analysis, file, offset } = markedPackage(files);
  const result = rename(analysis, file, offset, newName);
  if ("refused" in result) return result.refused;
  const changed: Record<string, string> = {};
  for (const parsed of analysis.files) {
    const edits = result.edits.filter((edit) => edit.file === parsed.path);
    if (edits.length > 0) changed[parsed.path.slice(PACKAGE_FOLDER.length + 1)] = applyEdits(parsed.text, edits);
  }
  // Every rename leaves the package exactly as sound as it was.
  const after = markedPackage({ ...files, [name]: text, ...changed });
  expect(after.analysis.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`)).toEqual(
    analysis.diagnostics.map((diagnostic) => `${diagnostic.code} ${diagnostic.message}`),
  );
  return changed;
}

describe("rename", () => {
  it("renames a column in every file, and keeps the header it reads by writing the old name as its header", () => {
    const result = renamed("maps.flitmap", "naam | trim", "company_name");
    expect(result).toEqual({
      "maps.flitmap": MAPS.replace("name <- naam | trim", "name <- company_name | trim").replace("get(Company.naam)", "get(Company.company_name)"),
      "source.flitmap": BASE_FILES["source.flitmap"]?.replace('naam      "Bedrijfsnaam"', 'company_name      "Bedrijfsnaam"'),
      "tests.flitmap": TESTS.replace('naam "Acme"', 'company_name "Acme"'),
    });
    expect(renamed("maps.flitmap", "mail\n", "email_address")).toEqual({
      "maps.flitmap": MAPS.replace("email <- mail", "email <- email_address"),
      "source.flitmap": BASE_FILES["source.flitmap"]?.replace("    mail      email personal", '    email_address "mail"      email personal'),
    });
  });

  it("renames a column named in `ignore` and in the entity's key", () => {
    expect(renamed("maps.flitmap", "id, stage", "nummer", 0)).toEqual({
      "maps.flitmap": MAPS.replace("ignore id, stage", "ignore nummer, stage"),
      "source.flitmap": BASE_FILES["source.flitmap"]?.replace("key id {\n    id        text required", 'key nummer {\n    nummer "id"        text required'),
      "tests.flitmap": TESTS.replace('{ id "1"', '{ nummer "1"'),
    });
  });

  it("renames an entity and keeps the alias its map derived from the old name (and so its records' external IDs)", () => {
    expect(renamed("maps.flitmap", "Company -> res", "Firm", 0)).toEqual({
      "maps.flitmap": MAPS.replace("map Company -> res.partner {", "map Firm -> res.partner as company {").replace("get(Company.naam)", "get(Firm.naam)"),
      "source.flitmap": BASE_FILES["source.flitmap"]?.replace("entity Company", "entity Firm").replaceAll("references Company", "references Firm"),
      "tests.flitmap": TESTS.replace("given Company", "given Firm"),
    });
  });

  it("writes an alias that was derived from the entity's name when it is renamed", () => {
    expect(renamed("maps.flitmap", "company\n  x_kind", "firm")).toEqual({
      "maps.flitmap": MAPS.replace("map Company -> res.partner {", "map Company -> res.partner as firm {").replaceAll("ref company", "ref firm"),
    });
  });

  it("renames a declared alias, a record, a table and a custom field", () => {
    expect(renamed("maps.flitmap", "deal {", "opportunity", 0)).toEqual({ "maps.flitmap": MAPS.replace("as deal {", "as opportunity {") });
    expect(renamed("maps.flitmap", "won\n", "gewonnen")).toEqual({
      "maps.flitmap": MAPS.replace("stage_id = won", "stage_id = gewonnen"),
      "reference.flitmap": BASE_FILES["reference.flitmap"]?.replace("  won {", "  gewonnen {").replace('"Closed Won" -> won', '"Closed Won" -> gewonnen'),
    });
    expect(renamed("maps.flitmap", "x_kind <-", "x_category", 0)).toEqual({
      "maps.flitmap": MAPS.replace("x_kind <- kind", "x_category <- kind").replace('{ x_kind char "Kind" }', '{ x_category char "Kind" }'),
      "tests.flitmap": TESTS.replace('x_kind "k"', 'x_category "k"'),
    });
  });

  it("renames a column group and a group's column, also in `ignore group.column`", () => {
    const split =
      "split Relation {\n  org: res.partner { name <- company_name  ignore contact.phone }\n  person: res.partner for each contact { name <- contact.name }\n}\n";
    const renamedInSplit = (needle: string, newName: string, delta = 1): Record<string, string> | string => {
      const files: Record<string, string> = { ...BASE_FILES, "maps.flitmap": split };
      const index = split.indexOf(needle);
      files["maps.flitmap"] = `${split.slice(0, index + delta)}‸${split.slice(index + delta)}`;
      const { analysis, file, offset } = markedPackage(files);
      const result = rename(analysis, file, offset, newName);
      if ("refused" in result) return result.refused;
      const changed: Record<string, string> = {};
      for (const parsed of analysis.files) {
        const edits = result.edits.filter((edit) => edit.file === parsed.path);
        if (edits.length > 0) changed[parsed.path.slice(PACKAGE_FOLDER.length + 1)] = applyEdits(parsed.text, edits);
      }
      return changed;
    };
    expect(renamedInSplit("each contact", "person", 5)).toEqual({
      "maps.flitmap": split
        .replace("ignore contact.phone", "ignore person.phone")
        .replace("for each contact", "for each person")
        .replace("<- contact.name", "<- person.name"),
      "source.flitmap": BASE_FILES["source.flitmap"]?.replace("group contact[1..2]", "group person[1..2]"),
    });
    expect(renamedInSplit("contact.phone", "telephone", 8)).toEqual({
      "maps.flitmap": split.replace("ignore contact.phone", "ignore contact.telephone"),
      "source.flitmap": BASE_FILES["source.flitmap"]?.replace('phone "Phone {n}" phone', 'telephone "Phone {n}" phone'),
    });
  });

  it("renames a setting in the migration block and in every `if setting`", () => {
    const migration =
      BASE_FILES["migration.flitmap"]?.replace('  xmlid "pb"\n', '  xmlid "pb"\n  setting links "categories"\n  setting owners "strict"\n') ?? "";
    const maps = 'map Company -> res.partner {\n  name <- naam\n  if setting links = "text" { comment <- kind } else { ignore kind }\n}\n';
    const { analysis, file, offset } = markedPackage({
      ...BASE_FILES,
      "migration.flitmap": migration,
      "maps.flitmap": maps.replace("setting links", "setting li‸nks"),
    });
    const result = rename(analysis, file, offset, "strategy");
    if ("refused" in result) throw new Error(result.refused);
    expect(
      applyEdits(
        maps,
        result.edits.filter((edit) => edit.file === file),
      ),
    ).toBe(maps.replace("setting links", "setting strategy"));
    expect(
      applyEdits(
        migration,
        result.edits.filter((edit) => edit.file.endsWith("migration.flitmap")),
      ),
    ).toBe(migration.replace("setting links", "setting strategy"));
    expect(rename(analysis, file, offset, "owners")).toEqual({ refused: "owners is already a setting: choose another name" });
  });

  it("renames a number setting where an expression reads it", () => {
    const migration = BASE_FILES["migration.flitmap"]?.replace('  xmlid "pb"\n', '  xmlid "pb"\n  setting rate 395\n') ?? "";
    const maps = "map Company -> res.partner {\n  name <- naam\n  comment <- setting rate\n  ignore kind\n}\n";
    const { analysis, file, offset } = markedPackage({ ...BASE_FILES, "migration.flitmap": migration, "maps.flitmap": maps.replace("setting rate", "setting ra‸te") });
    const result = rename(analysis, file, offset, "eur");
    if ("refused" in result) throw new Error(result.refused);
    expect(applyEdits(maps, result.edits.filter((edit) => edit.file === file))).toBe(maps.replace("setting rate", "setting eur"));
    expect(applyEdits(migration, result.edits.filter((edit) => edit.file.endsWith("migration.flitmap")))).toBe(migration.replace("setting rate", "setting eur"));
  });

  it("refuses what is not the package's to rename, saying why", () => {
    expect(renamed("maps.flitmap", "email <-", "mail_address")).toBe(
      "res.partner.email is a field of Odoo, not a name of this package: it cannot be renamed here",
    );
    expect(renamed("maps.flitmap", "res.partner {", "res.contact")).toBe(
      "res.partner is a model of Odoo, not a name of this package: it cannot be renamed here",
    );
    expect(renamed("maps.flitmap", "trim", "strip")).toBe("trim is a built-in step of Flitmap: it cannot be renamed");
    expect(renamed("maps.flitmap", "ignore", "skip")).toBe("`ignore` is a keyword of the language: only names this package declares can be renamed");
  });

  it("refuses new names that are reserved, not names, taken, or not a custom field's", () => {
    expect(renamed("maps.flitmap", "naam | trim", "when")).toBe("`when` is a reserved word of the language and cannot be a name");
    expect(renamed("maps.flitmap", "naam | trim", "2nd")).toBe('"2nd" is not a name: use letters, digits and underscores, not starting with a digit');
    expect(renamed("maps.flitmap", "naam | trim", "mail")).toBe("mail is already a column of Company: choose another name");
    expect(renamed("maps.flitmap", "Company -> res", "Order", 0)).toBe("Order is already an entity: choose another name");
    expect(renamed("maps.flitmap", "x_kind <-", "category", 0)).toBe(
      'a custom field\'s name starts with "x_" and has lower-case letters, digits and underscores (Odoo refuses "category")',
    );
    const two = markedPackage({ ...BASE_FILES, "maps.flitmap": 'extend res.partner {\n  x_ki‸nd char "Kind"\n  x_size integer "Size"\n}' });
    expect(rename(two.analysis, two.file, two.offset, "x_size")).toEqual({ refused: "x_size is already a field of res.partner: choose another name" });
    expect(rename(two.analysis, two.file, two.offset, "email")).toEqual({
      refused: 'a custom field\'s name starts with "x_" and has lower-case letters, digits and underscores (Odoo refuses "email")',
    });
  });
});

describe("prepareRename", () => {
  it("gives the name's range and text, or why it cannot be renamed", () => {
    const column = markedPackage({ ...BASE_FILES, "maps.flitmap": "map Company -> res.partner {\n  name <- na‸am\n}" });
    expect(prepareRename(column.analysis, column.file, column.offset)).toEqual({
      range: { start: { offset: 39, line: 2, column: 11 }, end: { offset: 43, line: 2, column: 15 } },
      placeholder: "naam",
    });
    const field = markedPackage({ ...BASE_FILES, "maps.flitmap": "map Company -> res.partner {\n  na‸me <- naam\n}" });
    expect(prepareRename(field.analysis, field.file, field.offset)).toEqual({
      refused: "res.partner.name is a field of Odoo, not a name of this package: it cannot be renamed here",
    });
  });

  it("refuses a name another package declares", () => {
    const shared = "/virtual/shared/tables.flitmap";
    const files = {
      ...BASE_FILES,
      "maps.flitmap": 'import { kinds } from "../shared/tables.flitmap"\nmap Company -> crm.lead {\n  name <- naam\n  type <- kind | ki‸nds\n}',
    };
    const contents = new Map<string, string>([[shared, 'table kinds: text -> text { "L" -> "lead"  _ -> "opportunity" }\n']]);
    const { analysis, file, offset } = markedPackageWith(files, contents);
    expect(prepareRename(analysis, file, offset)).toEqual({ refused: `table kinds is declared in ${shared}, outside this package: rename it there` });
  });
});

/** Like markedPackage, with more files outside the package (imports) the host can read. */
function markedPackageWith(
  files: Readonly<Record<string, string>>,
  outside: ReadonlyMap<string, string>,
): { analysis: ReturnType<typeof analyzePackage>; file: string; offset: number } {
  const contents = new Map(outside);
  let file = "";
  let offset = 0;
  const sources: { path: string; text: string }[] = [];
  for (const [name, source] of Object.entries(files)) {
    const path = `${PACKAGE_FOLDER}/${name}`;
    const cursor = marked(source);
    if (source.includes("‸")) {
      file = path;
      offset = cursor.offset;
    }
    contents.set(path, cursor.text);
    sources.push({ path, text: cursor.text });
  }
  return { analysis: analyzePackage(sources, { host: overlayHost(contents) }), file, offset };
}
