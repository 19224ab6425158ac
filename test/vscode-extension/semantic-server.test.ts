/**
 * The semantic features over a real LSP connection (JSON-RPC over in-memory streams), as an editor
 * drives them: completion, hover, definition, references, highlights, rename, and the compiler's
 * quick fixes end to end, each with exact expected results; cursors are marked with `‸`.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CodeAction, CompletionItem, DocumentHighlight, Hover, Location, Position, Range, TextEdit, WorkspaceEdit } from "vscode-languageserver";
import { startInMemoryServer, type LspTestClient } from "../../vscode-extension/tools/lsp-client.js";
import { BASE_FILES, SOURCE } from "./fixture.js";
import { applyLspEdits, lspRange, marked, temporaryDirectory } from "./helpers.js";

let scratch: { path: string; remove: () => void };
let client: LspTestClient;
const uriOf = (name: string): string => pathToFileURL(join(scratch.path, "pb", name)).href;

/** Writes the fixture package (and `files`) to disk, and starts a server on it. */
async function startOn(files: Readonly<Record<string, string>> = {}, settings: Record<string, unknown> = {}): Promise<void> {
  for (const [name, text] of Object.entries({ ...BASE_FILES, ...files })) writeFileSync(join(scratch.path, "pb", name), text);
  client = startInMemoryServer({ debounceMs: 0 });
  await client.initialize(scratch.path, settings);
}

/** Opens maps.flitmap with `source` (`‸` marks the cursor): its URI, text and the cursor's position. */
async function openMarked(source: string, name = "maps.flitmap"): Promise<{ uri: string; text: string; position: Position }> {
  const { text, position } = marked(source);
  const uri = uriOf(name);
  await client.open(uri, text, 1);
  return { uri, text, position };
}

beforeEach(() => {
  scratch = temporaryDirectory("flitmap-semantic-");
  mkdirSync(join(scratch.path, "pb"));
});

afterEach(async () => {
  await client.dispose();
  scratch.remove();
});

describe("initialize", () => {
  it("announces hover, definition, references, highlights, rename with prepare, and completion's trigger characters", async () => {
    client = startInMemoryServer();
    const result = await client.initialize();
    expect(result.capabilities).toMatchObject({
      hoverProvider: true,
      definitionProvider: true,
      referencesProvider: true,
      documentHighlightProvider: true,
      renameProvider: { prepareProvider: true },
      completionProvider: { resolveProvider: false, triggerCharacters: [".", '"'] },
    });
  });
});

describe("completion", () => {
  it("offers the fields of the map's model at a statement start, with type and label", async () => {
    await startOn();
    const { uri, position } = await openMarked("map Company -> crm.lead as lead {\n  name <- naam\n  ‸\n}\n");
    const items = await client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position });
    const fields = items.filter((item) => item.kind === 5);
    expect(fields.map((item) => item.label)).not.toContain("name");
    expect(fields.find((item) => item.label === "stage_id")).toMatchObject({
      detail: "many2one → crm.stage",
      labelDetails: { detail: " many2one → crm.stage", description: "Stage" },
      textEdit: { range: lspRange(2, 2, 2, 2), newText: "stage_id" },
    });
    expect(items.filter((item) => item.kind === 14).map((item) => item.label)).toEqual(["and", "if", "ignore", "in", "is", "let", "not", "or", "ref", "with"]);
  });

  it("offers the source's columns after `<-`, and the selection's keys inside the quotes after `=`", async () => {
    await startOn();
    const columns = await openMarked("map Company -> crm.lead {\n  name <- ‸\n}\n");
    const items = await client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri: columns.uri }, position: columns.position });
    expect(items.filter((item) => item.kind === 5).map((item) => [item.label, item.detail])).toEqual([
      ["id", "text · column of Company"],
      ["naam", "text · column of Company"],
      ["mail", "email · column of Company"],
      ["stage", "text · column of Company"],
      ["parent_id", "text · column of Company"],
      ["kind", "text · column of Company"],
    ]);
    const keys = marked('map Company -> crm.lead {\n  name <- naam\n  type = "‸"\n}\n');
    await client.change(columns.uri, keys.text, 2);
    const values = await client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri: columns.uri }, position: keys.position });
    expect(values.map((item) => [item.label, item.textEdit])).toEqual([
      ['"lead"', { range: lspRange(2, 9, 2, 11), newText: '"lead"' }],
      ['"opportunity"', { range: lspRange(2, 9, 2, 11), newText: '"opportunity"' }],
    ]);
  });

  it("answers from the latest analysis while the text moves on: a map typed since still gets its model's fields", async () => {
    await startOn({ "maps.flitmap": "map Company -> res.partner as company {\n  name <- naam\n}\n" });
    const uri = uriOf("maps.flitmap");
    await client.open(uri, "map Company -> res.partner as company {\n  name <- naam\n}\n", 1);
    await client.waitForDiagnostics(uri, (params) => params.version === 1);
    const next = marked(
      "map Company -> res.partner as company {\n  name <- naam\n}\nmap Order -> crm.lead {\n  name <- id\n  partner_id <- customer | ref ‸\n}\n",
    );
    await client.change(uri, next.text, 2);
    const items = await client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position: next.position });
    expect(items.map((item) => [item.label, item.detail])).toEqual([["company", "map Company -> res.partner"]]);
  });
});

describe("hover", () => {
  it("describes an Odoo field and a source column", async () => {
    await startOn();
    const field = await openMarked("map Company -> crm.lead {\n  name <- naam\n  stage_‸id <- stage | deal_stage\n}\n");
    const fieldHover = await client.request<Hover>("textDocument/hover", { textDocument: { uri: field.uri }, position: field.position });
    expect(fieldHover).toEqual({
      contents: { kind: "markdown", value: "```flitmap\ncrm.lead.stage_id: many2one → crm.stage\n```\n\n**Stage**\n\nIn Odoo 17.0, 18.0, 19.0" },
      range: lspRange(2, 2, 2, 10),
    });
    const column = marked("map Company -> crm.lead {\n  name <- naam\n  stage_id <- sta‸ge | deal_stage\n}\n");
    const columnHover = await client.request<Hover>("textDocument/hover", { textDocument: { uri: field.uri }, position: column.position });
    expect(columnHover).toEqual({
      contents: {
        kind: "markdown",
        value: '```flitmap\n(column) Company.stage: text\n```\n\nHeader `"stage"` in `companies*.csv` (entity Company of source pb)',
      },
      range: lspRange(2, 14, 2, 19),
    });
  });

  it("reads the text the editor shows, even before its diagnostics", async () => {
    await startOn();
    const uri = uriOf("maps.flitmap");
    await client.open(uri, "map Company -> crm.lead {\n  name <- naam\n}\n", 1);
    const edited = marked("map Company -> crm.lead {\n  name <- naam | tit‸le\n}\n");
    await client.change(uri, edited.text, 2);
    const result = await client.request<Hover>("textDocument/hover", { textDocument: { uri }, position: edited.position });
    expect((result.contents as { value: string }).value.split("\n")[1]).toBe("title([language]): text → text");
    expect(result.range).toEqual(lspRange(1, 17, 1, 22));
    expect(await client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: { line: 1, character: 6 } })).toMatchObject({
      range: lspRange(1, 2, 1, 6),
    });
    expect(await client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position: { line: 0, character: 1 } })).toBeNull();
  });
});

describe("definition, references and highlights", () => {
  const MAPS =
    "map Company -> res.partner as company {\n  name <- naam\n  parent_id <- parent_id | ref company\n}\nmap Order -> crm.lead {\n  name <- customer | get(Company.naam)\n  partner_id <- customer | ref company\n}\n";

  it("goes to a column's declaration in another file, and finds its uses in every file", async () => {
    await startOn();
    const { uri } = await openMarked(MAPS);
    const source = uriOf("source.flitmap");
    expect(await client.request<Location[]>("textDocument/definition", { textDocument: { uri }, position: { line: 1, character: 11 } })).toEqual([
      { uri: source, range: lspRange(4, 4, 4, 8) },
    ]);
    expect(
      await client.request<Location[]>("textDocument/references", {
        textDocument: { uri },
        position: { line: 1, character: 11 },
        context: { includeDeclaration: true },
      }),
    ).toEqual([
      { uri, range: lspRange(1, 10, 1, 14) },
      { uri, range: lspRange(5, 33, 5, 37) },
      { uri: source, range: lspRange(4, 4, 4, 8) },
    ]);
  });

  it("highlights an alias where it is declared and used", async () => {
    await startOn();
    const { uri } = await openMarked(MAPS);
    expect(
      await client.request<DocumentHighlight[]>("textDocument/documentHighlight", { textDocument: { uri }, position: { line: 2, character: 33 } }),
    ).toEqual([
      { range: lspRange(0, 30, 0, 37), kind: 3 },
      { range: lspRange(2, 31, 2, 38), kind: 2 },
      { range: lspRange(6, 31, 6, 38), kind: 2 },
    ]);
  });
});

describe("rename", () => {
  it("renames a column in every file of the package, open or not, keeping its header", async () => {
    await startOn();
    const { uri, text } = await openMarked("map Company -> res.partner {\n  name <- na‸am\n}\n");
    const position = { line: 1, character: 11 };
    expect(await client.request("textDocument/prepareRename", { textDocument: { uri }, position })).toEqual({
      range: lspRange(1, 10, 1, 14),
      placeholder: "naam",
    });
    const edit = await client.request<WorkspaceEdit>("textDocument/rename", { textDocument: { uri }, position, newName: "company_name" });
    const source = uriOf("source.flitmap");
    expect(Object.keys(edit.changes ?? {}).sort()).toEqual([uri, source].sort());
    expect(applyLspEdits(text, edit.changes?.[uri] ?? [])).toBe("map Company -> res.partner {\n  name <- company_name\n}\n");
    expect(applyLspEdits(SOURCE, edit.changes?.[source] ?? [])).toBe(SOURCE.replace('naam      "Bedrijfsnaam"', 'company_name      "Bedrijfsnaam"'));
  });

  it("refuses Odoo's names and reserved words with a message", async () => {
    await startOn();
    const { uri } = await openMarked("map Company -> res.partner {\n  name <- naam\n}\n");
    await expect(client.request("textDocument/prepareRename", { textDocument: { uri }, position: { line: 1, character: 3 } })).rejects.toThrow(
      "res.partner.name is a field of Odoo, not a name of this package: it cannot be renamed here",
    );
    await expect(client.request("textDocument/rename", { textDocument: { uri }, position: { line: 1, character: 11 }, newName: "ref" })).rejects.toThrow(
      "`ref` is a reserved word of the language and cannot be a name",
    );
  });
});

interface FixCase {
  readonly code: string;
  readonly files: Readonly<Record<string, string>>;
  /** The file whose diagnostic is fixed. */
  readonly at: string;
  readonly settings?: Record<string, unknown>;
  /** Each fix's title, and each file it changes as it becomes. */
  readonly fixes: readonly (readonly [string, Readonly<Record<string, string>>])[];
}

const LEAD = "map Company -> crm.lead {\n  name <- naam\n";

const FIX_CASES: readonly FixCase[] = [
  {
    code: "FM201",
    files: { "maps.flitmap": "map Compnay -> res.partner {\n  name <- naam\n}\n" },
    at: "maps.flitmap",
    fixes: [["Change to Company", { "maps.flitmap": "map Company -> res.partner {\n  name <- naam\n}\n" }]],
  },
  {
    code: "FM202",
    files: { "maps.flitmap": "map Company -> res.partner {\n  name <- naaam\n}\n" },
    at: "maps.flitmap",
    fixes: [["Change to naam", { "maps.flitmap": "map Company -> res.partner {\n  name <- naam\n}\n" }]],
  },
  {
    code: "FM203",
    files: { "maps.flitmap": "map Company -> res.partner {\n  name <- naam | trimm\n}\n" },
    at: "maps.flitmap",
    fixes: [["Change to trim", { "maps.flitmap": "map Company -> res.partner {\n  name <- naam | trim\n}\n" }]],
  },
  {
    code: "FM401",
    files: { "maps.flitmap": "map Company -> res.partnr {\n  name <- naam\n}\n" },
    at: "maps.flitmap",
    fixes: [["Change to res.partner", { "maps.flitmap": "map Company -> res.partner {\n  name <- naam\n}\n" }]],
  },
  {
    code: "FM402",
    files: { "maps.flitmap": `${LEAD}  planned_revenue <- kind\n}\n` },
    at: "maps.flitmap",
    fixes: [["Change to expected_revenue", { "maps.flitmap": `${LEAD}  expected_revenue <- kind\n}\n` }]],
  },
  {
    code: "FM402",
    files: { "maps.flitmap": `${LEAD}  x_nickname <- mail\n}\n` },
    at: "maps.flitmap",
    fixes: [
      [
        "Declare x_nickname as a custom field of crm.lead",
        { "maps.flitmap": `${LEAD}  x_nickname <- mail\n}\n\nextend crm.lead {\n  x_nickname char "Nickname"\n}\n` },
      ],
    ],
  },
  {
    code: "FM403",
    files: { "maps.flitmap": "map Company -> res.partner {\n  name <- naam\n  mobile <- mail\n}\n" },
    at: "maps.flitmap",
    settings: { target: { version: "19.0" } },
    fixes: [["Change to phone", { "maps.flitmap": "map Company -> res.partner {\n  name <- naam\n  phone <- mail\n}\n" }]],
  },
  {
    code: "FM208",
    files: { "source.flitmap": SOURCE.replace("delimiter", "delimitter") },
    at: "source.flitmap",
    fixes: [["Change to delimiter", { "source.flitmap": SOURCE }]],
  },
  {
    code: "FM209",
    files: { "source.flitmap": SOURCE.replace("qty      integer", "qty      integr") },
    at: "source.flitmap",
    fixes: [["Change to integer", { "source.flitmap": SOURCE }]],
  },
  {
    code: "FM302",
    files: { "maps.flitmap": `${LEAD}  type = "Lead"\n}\n` },
    at: "maps.flitmap",
    fixes: [['Change to "lead"', { "maps.flitmap": `${LEAD}  type = "lead"\n}\n` }]],
  },
  {
    code: "FM501",
    files: { "maps.flitmap": "map Company -> res.partner {\n  name <- naam\n  email <- mail\n  ignore stage, parent_id\n}\n" },
    at: "source.flitmap",
    fixes: [
      [
        "Ignore kind in the map of Company",
        { "maps.flitmap": "map Company -> res.partner {\n  name <- naam\n  email <- mail\n  ignore stage, parent_id\n  ignore kind\n}\n" },
      ],
    ],
  },
  {
    code: "FM405",
    files: { "maps.flitmap": "map Company -> crm.lead {\n  description <- naam\n  ignore mail, stage, parent_id, kind\n}\n" },
    at: "maps.flitmap",
    fixes: [["Add name", { "maps.flitmap": 'map Company -> crm.lead {\n  description <- naam\n  ignore mail, stage, parent_id, kind\n  name <- ""\n}\n' }]],
  },
  {
    code: "FM601",
    files: { "maps.flitmap": `lookup owner in res.users by login\n${LEAD}  user_id <- mail | owner\n}\n` },
    at: "maps.flitmap",
    fixes: [["Reject rows with no match", { "maps.flitmap": `lookup owner in res.users by login { missing reject }\n${LEAD}  user_id <- mail | owner\n}\n` }]],
  },
  {
    code: "FM602",
    files: { "maps.flitmap": `table lead_type: text -> text { "L" -> "lead" }\n${LEAD}  type <- kind | lead_type\n}\n` },
    at: "maps.flitmap",
    fixes: [
      [
        "Reject rows lead_type does not list",
        { "maps.flitmap": `table lead_type: text -> text { "L" -> "lead" \n  _ -> reject\n}\n${LEAD}  type <- kind | lead_type\n}\n` },
      ],
    ],
  },
];

describe("quick fixes of the compiler's diagnostics, end to end", () => {
  for (const fixCase of FIX_CASES) {
    it(`${fixCase.code}: ${fixCase.fixes.map(([title]) => title).join(", ")}`, async () => {
      const files: Record<string, string> = { ...BASE_FILES, "maps.flitmap": "", ...fixCase.files };
      await startOn(files, fixCase.settings ?? {});
      const uri = uriOf(fixCase.at);
      await client.open(uri, files[fixCase.at] ?? "", 1);
      const published = await client.waitForDiagnostics(uri, (params) => params.version === 1);
      const diagnostics = published.diagnostics.filter((diagnostic) => diagnostic.code === fixCase.code);
      expect(diagnostics).toHaveLength(1);
      const range = (diagnostics[0] as { range: Range }).range;
      const actions = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range, context: { diagnostics } });
      const ofCode = actions.filter((action) => action.diagnostics?.[0]?.code === fixCase.code);
      const applied = ofCode.map((action) => {
        const changed: Record<string, string> = {};
        for (const [target, edits] of Object.entries(action.edit?.changes ?? {})) {
          const name = target.slice(target.lastIndexOf("/") + 1);
          changed[name] = applyLspEdits(files[name] ?? "", edits);
        }
        return [action.title, changed] as const;
      });
      expect(applied).toEqual(fixCase.fixes);
      expect(ofCode.every((action) => action.kind === "quickfix" && action.isPreferred === true)).toBe(true);
    });
  }

  it("offers the fix whose diagnostic the cursor touches, and none elsewhere", async () => {
    await startOn({ "maps.flitmap": "map Compnay -> res.partnr {\n  name <- naam\n}\n" });
    const uri = uriOf("maps.flitmap");
    await client.open(uri, "map Compnay -> res.partnr {\n  name <- naam\n}\n", 1);
    await client.waitForDiagnostics(uri, (params) => params.version === 1);
    const at = async (range: Range): Promise<string[]> =>
      (await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range, context: { diagnostics: [] } })).map(
        (action) => action.title,
      );
    expect(await at(lspRange(0, 6, 0, 6))).toEqual(["Change to Company"]);
    expect(await at(lspRange(0, 20, 0, 20))).toEqual(["Change to res.partner"]);
    expect(await at(lspRange(1, 4, 1, 4))).toEqual([]);
  });
});
