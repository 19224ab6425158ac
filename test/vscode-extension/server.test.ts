/**
 * The language server over a real LSP connection (JSON-RPC over in-memory streams; one test over
 * the bundled server's stdio), as an editor drives it: initialize, open, change, requests.
 */
import { mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { spawnSync } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CodeAction, CompletionItem, DocumentSymbol, FoldingRange, SemanticTokens, SymbolInformation, TextEdit } from "vscode-languageserver";
import { checkCommand } from "../../cli/commands/check.js";
import { analyzePackage } from "../../compiler/analyze.js";
import { loadShippedCatalog } from "../../compiler/catalog/index.js";
import { startInMemoryServer, startServerProcess, type LspTestClient } from "../../vscode-extension/tools/lsp-client.js";
import { lspRange, marked, temporaryDirectory } from "./helpers.js";

/** The migration and source the maps read, so that the package is sound apart from the mistakes a test makes. */
const MIGRATION = `migration pb {
  source pb
  target odoo "17.0"
}

source pb {
  entity Company "companies*.csv" key id {
    id   text required
    naam text required
    mail text
  }
}
`;
const BROKEN_MAP = `map Company -> res.partner as company {
  name <- naam
  email mail
  ref <- id
}
`;
const FIXED_MAP = BROKEN_MAP.replace("email mail", "email <- mail");
const BROKEN_TABLE = `table stage: text -> crm.stage {
  "Won" -> won
  "Lost" lost
}
`;

/**
 * What the server must publish for `file` when it holds `text`: exactly what analyzePackage
 * (the function `flitmap check` calls) finds in the package, in LSP's shape.
 */
function expectedDiagnostics(file: string, text: string): unknown[] {
  const folder = dirname(file);
  const sources = readdirSync(folder)
    .filter((name) => name.endsWith(".flitmap"))
    .map((name) => join(folder, name))
    .map((path) => ({ path, text: path === file ? text : readFileSync(path, "utf8") }));
  return analyzePackage(sources)
    .diagnostics.filter((diagnostic) => diagnostic.file === file)
    .map((diagnostic) => ({
      range: lspRange(diagnostic.range.start.line - 1, diagnostic.range.start.column - 1, diagnostic.range.end.line - 1, diagnostic.range.end.column - 1),
      severity: { error: 1, warning: 2, info: 3 }[diagnostic.severity],
      code: diagnostic.code,
      source: "flitmap",
      message: diagnostic.message,
      ...(diagnostic.related === undefined ? {} : { relatedInformation: expect.any(Array) }),
    }));
}

let scratch: { path: string; remove: () => void };
let client: LspTestClient;
const uriOf = (name: string): string => pathToFileURL(join(scratch.path, name)).href;

beforeEach(async () => {
  scratch = temporaryDirectory("flitmap-lsp-");
  mkdirSync(join(scratch.path, "pb"));
  writeFileSync(join(scratch.path, "pb", "migration.flitmap"), MIGRATION);
  writeFileSync(join(scratch.path, "pb", "companies.flitmap"), FIXED_MAP);
  writeFileSync(join(scratch.path, "pb", "stages.flitmap"), BROKEN_TABLE);
  client = startInMemoryServer();
  await client.initialize(scratch.path, { format: { printWidth: 100 } });
});

afterEach(async () => {
  await client.dispose();
  scratch.remove();
});

describe("initialize", () => {
  it("announces the features the server has", async () => {
    const other = startInMemoryServer();
    const result = await other.initialize();
    await other.dispose();
    expect(result.capabilities).toMatchObject({
      textDocumentSync: 2,
      documentSymbolProvider: true,
      workspaceSymbolProvider: true,
      foldingRangeProvider: true,
      documentFormattingProvider: true,
      codeActionProvider: { codeActionKinds: ["quickfix"] },
      completionProvider: { resolveProvider: false },
    });
    expect(result.capabilities.semanticTokensProvider?.legend.tokenTypes).toContain("keyword");
  });
});

describe("diagnostics", () => {
  it("publishes the whole package's diagnostics, with the editor's unsaved text, as flitmap check finds them", async () => {
    const companies = uriOf("pb/companies.flitmap");
    await client.open(companies, BROKEN_MAP, 1);
    const open = await client.waitForDiagnostics(companies, (params) => params.version === 1);
    const onDisk = await client.waitForDiagnostics(uriOf("pb/stages.flitmap"));
    expect(open.diagnostics).toEqual([
      {
        range: lspRange(2, 8, 2, 12),
        severity: 1,
        code: "FM101",
        source: "flitmap",
        message: "expected `<-` (a value from the source) or `=` (a constant) after the field name `email`, found `mail`",
      },
    ]);
    expect(open.diagnostics).toEqual(expectedDiagnostics(join(scratch.path, "pb", "companies.flitmap"), BROKEN_MAP));
    expect(onDisk.version).toBeUndefined();
    expect(onDisk.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range.start.line])).toEqual([["FM101", 2]]);

    // The same text through `flitmap check --format json`: same codes, messages and places.
    writeFileSync(join(scratch.path, "pb", "companies.flitmap"), BROKEN_MAP);
    let output = "";
    await checkCommand([join(scratch.path, "pb")], { format: "json" }, { cwd: scratch.path, env: {}, version: "test", stdout: (text) => (output += text), stderr: () => undefined, interactive: false });
    const report = JSON.parse(output) as { filePath: string; messages: { code: string; message: string; line: number; column: number; endLine: number; endColumn: number }[] }[];
    const fromCli = report.flatMap((file) => file.messages.map((message) => [pathToFileURL(file.filePath).href, message.code, message.message, message.line - 1, message.column - 1, message.endLine - 1, message.endColumn - 1]));
    const migration = await client.waitForDiagnostics(uriOf("pb/migration.flitmap"));
    const fromServer = [open, migration, onDisk].flatMap((params) => params.diagnostics.map((diagnostic) => [params.uri, diagnostic.code, diagnostic.message, diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character]));
    expect(fromServer).toEqual(fromCli);
  });

  it("clears a file's diagnostics once its mistake is fixed, and analyses only the latest of quick edits", async () => {
    const companies = uriOf("pb/companies.flitmap");
    await client.open(companies, BROKEN_MAP, 1);
    await client.waitForDiagnostics(companies, (params) => params.version === 1 && params.diagnostics.length === 1);
    await client.waitForDiagnostics(uriOf("pb/stages.flitmap"));
    const before = client.published.length;
    await client.change(companies, BROKEN_MAP.replace("email mail", "email <"), 2);
    await client.change(companies, BROKEN_MAP.replace("email mail", "email <-"), 3);
    await client.change(companies, FIXED_MAP, 4);
    const fixed = await client.waitForDiagnostics(companies, (params) => params.version === 4);
    expect(fixed.diagnostics.map((diagnostic) => diagnostic.code)).not.toContain("FM101");
    expect(fixed.diagnostics).toEqual(expectedDiagnostics(join(scratch.path, "pb", "companies.flitmap"), FIXED_MAP));
    await expect.poll(() => client.published.length - before).toBe(3);
    // One analysis for the burst: one notification per file of the package, none for versions 2 and 3.
    expect(client.published.slice(before).map((params) => [params.uri.slice(-17), params.version])).toEqual([
      ["companies.flitmap", 4],
      ["migration.flitmap", undefined],
      ["pb/stages.flitmap", undefined],
    ]);
  });

  it("takes the file on disk again when its editor closes, and clears a never-saved file", async () => {
    const companies = uriOf("pb/companies.flitmap");
    await client.open(companies, BROKEN_MAP, 1);
    await client.waitForDiagnostics(companies, (params) => params.diagnostics.length === 1);
    const draft = uriOf("pb/draft.flitmap");
    await client.open(draft, "map", 1);
    await client.waitForDiagnostics(draft, (params) => params.diagnostics.length === 1);
    await client.close(companies);
    await client.close(draft);
    await client.waitForDiagnostics(companies, (params) => params.version === undefined && params.diagnostics.every((diagnostic) => diagnostic.code !== "FM101"));
    await client.waitForDiagnostics(draft, (params) => params.version === undefined && params.diagnostics.length === 0);
  });

  it("re-analyses a package when one of its files changes on disk", async () => {
    const stages = uriOf("pb/stages.flitmap");
    await client.open(uriOf("pb/companies.flitmap"), FIXED_MAP, 1);
    await client.waitForDiagnostics(stages, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === "FM101"));
    writeFileSync(join(scratch.path, "pb", "stages.flitmap"), BROKEN_TABLE.replace(`"Lost" lost`, `"Lost" -> lost`));
    await client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: stages, type: 2 }] });
    await client.waitForDiagnostics(stages, (params) => params.diagnostics.every((diagnostic) => diagnostic.code !== "FM101"));
    unlinkSync(join(scratch.path, "pb", "stages.flitmap"));
  });

  it("analyses an untitled document on its own", async () => {
    await client.open("untitled:Untitled-1", "map E -> m {\n  a b\n}\n", 1);
    const published = await client.waitForDiagnostics("untitled:Untitled-1");
    expect(published.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(["FM101"]);
  });
});

describe("requests", () => {
  const open = async (name: string, text: string): Promise<string> => {
    const uri = uriOf(name);
    await client.open(uri, text, 1);
    return uri;
  };

  it("outlines the document", async () => {
    const uri = await open("pb/companies.flitmap", FIXED_MAP);
    const symbols = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri } });
    expect(symbols.map((symbol) => [symbol.name, symbol.children?.map((child) => child.name)])).toEqual([["Company -> res.partner", ["name", "email", "ref"]]]);
    expect(symbols[0]?.selectionRange).toEqual(lspRange(0, 4, 0, 11));
  });

  it("finds workspace symbols in open and unopened files", async () => {
    await open("pb/companies.flitmap", FIXED_MAP);
    const symbols = await client.request<SymbolInformation[]>("workspace/symbol", { query: "stage" });
    expect(symbols.map((symbol) => [symbol.name, symbol.location.uri.slice(-14), symbol.location.range])).toEqual([["stage", "stages.flitmap", lspRange(0, 6, 0, 11)]]);
  });

  it("folds blocks", async () => {
    const uri = await open("pb/companies.flitmap", FIXED_MAP);
    expect(await client.request<FoldingRange[]>("textDocument/foldingRange", { textDocument: { uri } })).toEqual([{ startLine: 0, endLine: 3 }]);
  });

  it("formats through the printer, with the configured width", async () => {
    const uri = await open("pb/companies.flitmap", "map Company -> res.partner {\nname<-naam\n}\n");
    const edits = await client.request<TextEdit[]>("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    expect(edits).toEqual([{ range: lspRange(1, 0, 1, 6), newText: "  name <- " }]);
    await client.dispose();
    client = startInMemoryServer();
    await client.initialize(scratch.path, { format: { printWidth: 30 } });
    const narrow = await open("pb/companies.flitmap", `map Company -> res.partner when naam is present and mail is present { name <- naam }\n`);
    const wrapped = await client.request<TextEdit[]>("textDocument/formatting", { textDocument: { uri: narrow }, options: { tabSize: 2, insertSpaces: true } });
    expect(wrapped.map((edit) => edit.newText).join("")).toContain("\n");
  });

  it("completes keywords where the cursor is", async () => {
    const { text, position } = marked(`${FIXED_MAP}ta‸`);
    const uri = await open("pb/companies.flitmap", text);
    const items = await client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri }, position });
    expect(items.map((item) => item.label)).toEqual(["extend", "fallback", "import", "lookup", "map", "migration", "records", "source", "split", "step", "table", "test"]);
  });

  it("colours with semantic tokens", async () => {
    const uri = await open("pb/companies.flitmap", "map E -> m { a <- b }");
    const tokens = await client.request<SemanticTokens>("textDocument/semanticTokens/full", { textDocument: { uri } });
    expect(tokens.data).toHaveLength(7 * 5);
  });
});

describe("quick fixes", () => {
  it("offers the fixes of the compiler's diagnostics as code actions", async () => {
    await client.dispose();
    // The compiler has no fixes yet: a wrapper adds one to a real diagnostic, to test the wiring alone.
    client = startInMemoryServer({
      analyze: (files) => {
        const analysis = analyzePackage(files);
        return {
          ...analysis,
          diagnostics: analysis.diagnostics.map((diagnostic) => ({
            ...diagnostic,
            fixes: [{ title: "Insert `<-`", edits: [{ file: diagnostic.file, range: { start: diagnostic.range.start, end: diagnostic.range.start }, newText: "<- " }] }],
          })),
        };
      },
    });
    await client.initialize(scratch.path);
    const uri = uriOf("pb/companies.flitmap");
    await client.open(uri, BROKEN_MAP, 1);
    await client.waitForDiagnostics(uri, (params) => params.diagnostics.length === 1);
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: lspRange(2, 9, 2, 9), context: { diagnostics: [] } });
    expect(actions.map((action) => [action.title, action.kind, action.isPreferred, action.edit])).toEqual([
      ["Insert `<-`", "quickfix", true, { changes: { [uri]: [{ range: lspRange(2, 8, 2, 8), newText: "<- " }] } }],
    ]);
    expect(await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: lspRange(0, 0, 0, 0), context: { diagnostics: [] } })).toEqual([]);
  });
});

describe("settings", () => {
  it("hands the target and rule settings to the analysis, and checks again when they change", async () => {
    await client.dispose();
    const seen: unknown[] = [];
    client = startInMemoryServer({
      analyze: (files, settings) => {
        seen.push(settings);
        return analyzePackage(files);
      },
    });
    const settings = { target: { version: " 18.0 ", schemaFile: "" }, rules: { unmapped_column: "off", FM501: "error", broken: 3 } };
    await client.initialize(scratch.path, settings);
    const uri = uriOf("pb/companies.flitmap");
    await client.open(uri, FIXED_MAP, 1);
    await client.waitForDiagnostics(uriOf("pb/stages.flitmap"));
    expect(seen).toEqual([{ targetVersion: "18.0", schemaFile: "", rules: { unmapped_column: "off", FM501: "error" } }]);
    const published = client.published.length;
    await client.notify("workspace/didChangeConfiguration", { settings: {} });
    await expect.poll(() => client.published.length - published).toBe(3);
    expect(seen).toHaveLength(2);
  });
});

describe("rule and schema file settings", () => {
  const codesIn = async (name: string): Promise<string[]> =>
    (await client.waitForDiagnostics(uriOf(name))).diagnostics.map((diagnostic) => `${String(diagnostic.code)}:${String(diagnostic.severity)}`);

  it("applies flitmap.rules under the package's own rule lines", async () => {
    // Package-wide rules wait for a package whose syntax is sound.
    unlinkSync(join(scratch.path, "pb", "stages.flitmap"));
    const unmapped = FIXED_MAP.replace("  email <- mail\n", "");
    for (const [rules, expected] of [
      [{}, ["FM501:2"]],
      [{ unmapped_column: "off" }, []],
      [{ FM501: "error" }, ["FM501:1"]],
    ] as const) {
      await client.dispose();
      client = startInMemoryServer();
      await client.initialize(scratch.path, { rules });
      await client.open(uriOf("pb/companies.flitmap"), unmapped, 1);
      expect(await codesIn("pb/migration.flitmap")).toEqual(expected);
    }
  });

  it("checks against the schema file flitmap.target.schemaFile names, relative to the workspace folder", async () => {
    const catalog = loadShippedCatalog("17.0");
    const partner = catalog.models["res.partner"]!;
    const pulled = {
      ...catalog,
      origin: "server",
      models: { ...catalog.models, "res.partner": { ...partner, fields: { ...partner.fields, x_naam: { ...partner.fields["ref"]!, name: "x_naam", label: "Naam", custom: true } } } },
    };
    writeFileSync(join(scratch.path, "odoo-schema.json"), JSON.stringify(pulled));
    const withCustomField = FIXED_MAP.replace("  ref <- id\n", "  ref <- id\n  x_naam <- naam\n");
    await client.open(uriOf("pb/companies.flitmap"), withCustomField, 1);
    expect(await codesIn("pb/companies.flitmap")).toEqual(["FM402:1"]);
    await client.dispose();
    client = startInMemoryServer();
    await client.initialize(scratch.path, { target: { schemaFile: "odoo-schema.json" } });
    await client.open(uriOf("pb/companies.flitmap"), withCustomField, 1);
    expect(await codesIn("pb/companies.flitmap")).toEqual([]);
  });
});

describe("target setting", () => {
  it("checks the package against the series the setting names, as flitmap check --target does", async () => {
    await client.dispose();
    client = startInMemoryServer();
    await client.initialize(scratch.path, { target: { version: "99.0" } });
    await client.open(uriOf("pb/companies.flitmap"), FIXED_MAP, 1);
    const migration = await client.waitForDiagnostics(uriOf("pb/migration.flitmap"));
    expect(migration.diagnostics.map((diagnostic) => diagnostic.message)).toContainEqual(expect.stringContaining("--target 99.0: Flitmap ships catalogs for Odoo 17.0, 18.0, 19.0"));
  });
});

describe("the bundled server", () => {
  it("answers over stdio as an editor starts it", async () => {
    const extension = resolve(import.meta.dirname, "../../vscode-extension");
    const build = spawnSync(process.execPath, [join(extension, "scripts", "build.mjs"), "--dev"], { encoding: "utf8", timeout: 60_000 });
    expect(build.status, build.stderr).toBe(0);
    const bundled = startServerProcess(join(extension, "dist", "server.mjs"));
    try {
      await bundled.initialize(scratch.path);
      const uri = uriOf("pb/companies.flitmap");
      await bundled.open(uri, BROKEN_MAP, 1);
      const published = await bundled.waitForDiagnostics(uri, (params) => params.version === 1, 15_000);
      expect(published.diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range])).toEqual([["FM101", lspRange(2, 8, 2, 12)]]);
    } finally {
      await bundled.dispose();
    }
  });
});
