import { describe, expect, it } from "vitest";
import { definition, documentHighlights, references } from "../../vscode-extension/server/features/navigation.js";
import { BASE_FILES } from "./fixture.js";
import { lspRange, markedPackage } from "./helpers.js";

const uriOf = (file: string): string => `file://${file}`;
const SOURCE = "file:///virtual/pb/source.flitmap";
const MAPS = "file:///virtual/pb/maps.flitmap";
const REFERENCE = "file:///virtual/pb/reference.flitmap";
const TESTS = "file:///virtual/pb/tests.flitmap";

const MAPS_TEXT = `map Company -> res.partner as company {
  name <- naam | trim
  email <- mail
  parent_id <- parent_id | ref company
  ignore id, stage, kind
}

map Order -> crm.lead {
  name <- customer | get(Company.naam)
  partner_id <- customer | ref company
  stage_id <- customer | deal_stage
  user_id <- customer | user
}
`;
const TESTS_TEXT = `test "a company keeps its name" {
  given Company { id "1"  naam "Acme" }
  expect res.partner { name "Acme" }
}
`;

/** The fixture package with maps and tests, `‸` placed at `needle` (plus `delta`) in the file named. */
function at(name: "maps.flitmap" | "tests.flitmap", needle: string, delta = 1): ReturnType<typeof markedPackage> {
  const files: Record<string, string> = { ...BASE_FILES, "maps.flitmap": MAPS_TEXT, "tests.flitmap": TESTS_TEXT };
  const text = files[name] ?? "";
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`no ${needle} in ${name}`);
  files[name] = `${text.slice(0, index + delta)}‸${text.slice(index + delta)}`;
  return markedPackage(files);
}

describe("go to definition", () => {
  it("goes from a use to the declaration, in another file of the package", () => {
    const column = at("maps.flitmap", "naam | trim");
    expect(definition(column.analysis, column.file, column.offset, uriOf)).toEqual([{ uri: SOURCE, range: lspRange(4, 4, 4, 8) }]);
    const inGet = at("maps.flitmap", "Company.naam", 9);
    expect(definition(inGet.analysis, inGet.file, inGet.offset, uriOf)).toEqual([{ uri: SOURCE, range: lspRange(4, 4, 4, 8) }]);
    const entity = at("maps.flitmap", "Company.naam");
    expect(definition(entity.analysis, entity.file, entity.offset, uriOf)).toEqual([{ uri: SOURCE, range: lspRange(2, 9, 2, 16) }]);
    const table = at("maps.flitmap", "deal_stage");
    expect(definition(table.analysis, table.file, table.offset, uriOf)).toEqual([{ uri: REFERENCE, range: lspRange(5, 6, 5, 16) }]);
    const lookup = at("maps.flitmap", "user\n");
    expect(definition(lookup.analysis, lookup.file, lookup.offset, uriOf)).toEqual([{ uri: REFERENCE, range: lspRange(16, 7, 16, 11) }]);
    const given = at("tests.flitmap", 'naam "Acme"');
    expect(definition(given.analysis, given.file, given.offset, uriOf)).toEqual([{ uri: SOURCE, range: lspRange(4, 4, 4, 8) }]);
  });

  it("goes from `ref alias` to the alias in the map's header", () => {
    const alias = at("maps.flitmap", "company\n  ignore");
    expect(definition(alias.analysis, alias.file, alias.offset, uriOf)).toEqual([{ uri: MAPS, range: lspRange(0, 30, 0, 37) }]);
  });

  it("goes from a record name to its entry in the records block, and from a custom field to its extend entry", () => {
    const record = markedPackage({ ...BASE_FILES, "maps.flitmap": "map Company -> crm.lead {\n  name <- naam\n  stage_id = lo‸st\n}" });
    expect(definition(record.analysis, record.file, record.offset, uriOf)).toEqual([{ uri: REFERENCE, range: lspRange(2, 2, 2, 6) }]);
    const custom = markedPackage({
      ...BASE_FILES,
      "maps.flitmap": 'map Company -> res.partner {\n  name <- naam\n  x_sc‸ore <- kind\n}\nextend res.partner { x_score char "Score" }',
    });
    expect(definition(custom.analysis, custom.file, custom.offset, uriOf)).toEqual([{ uri: MAPS, range: lspRange(4, 21, 4, 28) }]);
  });

  it("has no definition for Odoo's names and built-ins", () => {
    const field = at("maps.flitmap", "email <-");
    expect(definition(field.analysis, field.file, field.offset, uriOf)).toEqual([]);
    const builtin = at("maps.flitmap", "trim");
    expect(definition(builtin.analysis, builtin.file, builtin.offset, uriOf)).toEqual([]);
  });
});

describe("find references", () => {
  it("finds every use of a column across the package's files, with or without its declaration", () => {
    const column = at("maps.flitmap", "naam | trim");
    const uses = [
      { uri: MAPS, range: lspRange(1, 10, 1, 14) },
      { uri: MAPS, range: lspRange(8, 33, 8, 37) },
      { uri: TESTS, range: lspRange(1, 26, 1, 30) },
    ];
    expect(references(column.analysis, column.file, column.offset, false, uriOf)).toEqual(uses);
    // In file order: the declaration sits among them.
    expect(references(column.analysis, column.file, column.offset, true, uriOf)).toEqual([
      uses[0],
      uses[1],
      { uri: SOURCE, range: lspRange(4, 4, 4, 8) },
      uses[2],
    ]);
  });

  it("finds the uses of an entity: map headers, key references, get, given rows", () => {
    const entity = at("maps.flitmap", "Company -> res");
    expect(references(entity.analysis, entity.file, entity.offset, false, uriOf)).toEqual([
      { uri: MAPS, range: lspRange(0, 4, 0, 11) },
      { uri: MAPS, range: lspRange(8, 25, 8, 32) },
      { uri: SOURCE, range: lspRange(7, 30, 7, 37) },
      { uri: SOURCE, range: lspRange(20, 29, 20, 36) },
      { uri: TESTS, range: lspRange(1, 8, 1, 15) },
    ]);
  });

  it("finds the uses of an alias and of a custom field", () => {
    const alias = at("maps.flitmap", "company\n  ignore");
    expect(references(alias.analysis, alias.file, alias.offset, true, uriOf)).toEqual([
      { uri: MAPS, range: lspRange(0, 30, 0, 37) },
      { uri: MAPS, range: lspRange(3, 31, 3, 38) },
      { uri: MAPS, range: lspRange(9, 31, 9, 38) },
    ]);
    const custom = markedPackage({
      ...BASE_FILES,
      "maps.flitmap": 'extend res.partner { x_sc‸ore char "Score" }\nmap Company -> res.partner {\n  name <- naam\n  x_score <- kind\n}',
      "tests.flitmap": 'test "t" {\n  given Company { id "1"  naam "A"  kind "k" }\n  expect res.partner { name "A"  x_score "k" }\n}',
    });
    expect(references(custom.analysis, custom.file, custom.offset, false, uriOf)).toEqual([
      { uri: MAPS, range: lspRange(3, 2, 3, 9) },
      { uri: TESTS, range: lspRange(2, 33, 2, 40) },
    ]);
  });

  it("finds nothing for Odoo's names", () => {
    const model = at("maps.flitmap", "res.partner");
    expect(references(model.analysis, model.file, model.offset, true, uriOf)).toEqual([]);
  });
});

describe("settings", () => {
  it("goes from `if setting` to the migration's setting, and finds every test of it", () => {
    const migration = BASE_FILES["migration.flitmap"]?.replace('  xmlid "pb"\n', '  xmlid "pb"\n  setting links "categories"\n') ?? "";
    const { analysis, file, offset } = markedPackage({
      ...BASE_FILES,
      "migration.flitmap": migration,
      "maps.flitmap":
        'map Company -> res.partner {\n  name <- naam\n  if setting li‸nks = "text" { comment <- kind } else if setting links = "none" { ignore kind }\n}',
    });
    const migrationUri = "file:///virtual/pb/migration.flitmap";
    expect(definition(analysis, file, offset, uriOf)).toEqual([{ uri: migrationUri, range: lspRange(4, 10, 4, 15) }]);
    expect(references(analysis, file, offset, true, uriOf)).toEqual([
      { uri: MAPS, range: lspRange(2, 13, 2, 18) },
      { uri: MAPS, range: lspRange(2, 64, 2, 69) },
      { uri: migrationUri, range: lspRange(4, 10, 4, 15) },
    ]);
    expect(references(analysis, file, offset, false, uriOf)).toHaveLength(2);
  });
});

describe("document highlights", () => {
  it("marks the declaration as written and the uses as read, in the file at hand", () => {
    const alias = at("maps.flitmap", "company\n  ignore");
    expect(documentHighlights(alias.analysis, alias.file, alias.offset)).toEqual([
      { range: lspRange(0, 30, 0, 37), kind: 3 },
      { range: lspRange(3, 31, 3, 38), kind: 2 },
      { range: lspRange(9, 31, 9, 38), kind: 2 },
    ]);
    const column = at("maps.flitmap", "mail\n");
    expect(documentHighlights(column.analysis, column.file, column.offset)).toEqual([{ range: lspRange(2, 11, 2, 15), kind: 2 }]);
  });
});
