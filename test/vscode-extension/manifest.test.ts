/** The extension's declarative parts: manifest, snippets, language configuration, CLI command lines. */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../../language/parse.js";
import { cliCandidates, cliCommandLine, quoteArgument } from "../../vscode-extension/client/cli-command.js";

const EXTENSION = resolve(import.meta.dirname, "../../vscode-extension");

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(join(EXTENSION, path), "utf8"));
}

interface Manifest {
  main: string;
  engines: { vscode: string };
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
    snippets: { language: string; path: string }[];
    commands: { command: string }[];
    configuration: { properties: Record<string, { default: unknown }> };
  };
}

const manifest = readJson("package.json") as Manifest;

/** A snippet body as the text it inserts when every placeholder keeps its default. */
function expandSnippet(body: readonly string[]): string {
  return body
    .join("\n")
    .replace(/\$\{\d+\|([^,|}]*)[^}]*\|\}/g, "$1")
    .replace(/\$\{\d+:([^}]*)\}/g, "$1")
    .replace(/\$\d+/g, "")
    .replace(/\t/g, "  ");
}

describe("manifest", () => {
  it("contributes the language, grammar and snippets from files that exist", () => {
    expect(manifest.engines.vscode).toBe("^1.90.0");
    expect(manifest.main).toBe("./dist/extension.js");
    expect(manifest.contributes.languages).toEqual([{ id: "flitmap", aliases: ["Flitmap", "flitmap"], extensions: [".flitmap"], configuration: "./language-configuration.json" }]);
    expect(manifest.contributes.grammars).toEqual([{ language: "flitmap", scopeName: "source.flitmap", path: "./syntaxes/flitmap.tmLanguage.json" }]);
    for (const path of [manifest.contributes.languages[0]?.configuration, manifest.contributes.grammars[0]?.path, manifest.contributes.snippets[0]?.path]) {
      expect(existsSync(join(EXTENSION, path ?? "missing"))).toBe(true);
    }
    expect((readJson("syntaxes/flitmap.tmLanguage.json") as { scopeName: string }).scopeName).toBe("source.flitmap");
  });

  it("declares the commands and settings the client and server read", () => {
    expect(manifest.contributes.commands.map((command) => command.command)).toEqual(["flitmap.compilePackage", "flitmap.testPackage", "flitmap.restartServer"]);
    expect(Object.keys(manifest.contributes.configuration.properties).sort()).toEqual([
      "flitmap.cli.path",
      "flitmap.format.printWidth",
      "flitmap.rules",
      "flitmap.target.schemaFile",
      "flitmap.target.version",
      "flitmap.trace.server",
    ]);
    expect(manifest.contributes.configuration.properties["flitmap.format.printWidth"]?.default).toBe(100);
  });

  it("has snippets that expand, with their default values, to mappings without syntax errors", () => {
    const snippets = readJson("snippets/flitmap.code-snippets") as Record<string, { prefix: string; body: string[] }>;
    expect(Object.keys(snippets).length).toBeGreaterThanOrEqual(12);
    // `each` and `with` are statements and `entity` lives in a source: each is tried where it belongs.
    const wrap: Record<string, (text: string) => string> = {
      each: (text) => `map E -> m {\n${text}\n}`,
      with: (text) => `map E -> m {\n${text}\n}`,
      "if odoo": (text) => `map E -> m {\n${text}\n}`,
      entity: (text) => `source s {\n${text}\n}`,
    };
    for (const [name, snippet] of Object.entries(snippets)) {
      const text = (wrap[name] ?? ((body: string) => body))(expandSnippet(snippet.body));
      const errors = parse(text, `${name}.flitmap`).diagnostics.map((diagnostic) => `${diagnostic.range.start.line}:${diagnostic.range.start.column} ${diagnostic.message}`);
      expect({ name, errors }).toEqual({ name, errors: [] });
    }
  });

  it("comments and brackets in the language configuration match the language", () => {
    const configuration = readJson("language-configuration.json") as { comments: { lineComment: string; blockComment: string[] }; brackets: string[][] };
    expect(configuration.comments).toEqual({ lineComment: "//", blockComment: ["/*", "*/"] });
    expect(configuration.brackets).toEqual([["{", "}"], ["[", "]"], ["(", ")"]]);
  });
});

describe("CLI command lines", () => {
  it("runs the CLI found first: the setting, the project's dependency, then a Flitmap checkout", () => {
    expect(cliCandidates(" /opt/flitmap/bin/flitmap.js ", "/w")).toEqual(["/opt/flitmap/bin/flitmap.js", "/w/node_modules/flitmap/bin/flitmap.js", "/w/bin/flitmap.js"]);
    expect(cliCandidates("", undefined)).toEqual([]);
  });

  it("builds `node <cli> compile <folder>`, or falls back to `flitmap` on the PATH", () => {
    expect(cliCommandLine("compile", "/w/pb", "/w/bin/flitmap.js", "linux")).toBe("node /w/bin/flitmap.js compile /w/pb");
    expect(cliCommandLine("test", "/w/my mappings", undefined, "linux")).toBe("flitmap test '/w/my mappings'");
    expect(cliCommandLine("test", "C:\\w\\my pb", "C:\\w\\bin\\flitmap.js", "win32")).toBe('node "C:\\w\\bin\\flitmap.js" test "C:\\w\\my pb"');
  });

  it("quotes what a shell would split or expand", () => {
    expect(quoteArgument("it's", "linux")).toBe("'it'\\''s'");
    expect(quoteArgument("$HOME", "linux")).toBe("'$HOME'");
    expect(quoteArgument("plain/path-1.0", "linux")).toBe("plain/path-1.0");
  });
});
