/**
 * The Flitmap language server: wires the editor features (pure functions in features/) to an LSP
 * connection. Diagnostics come from `analyzePackage`, the function `flitmap check` calls, run on
 * the package of each changed document with the editor's unsaved text laid over the files on disk.
 * The latest analysis of each package is kept: completion reads names from it as it is, hover,
 * definition, references and rename from one of the text the editor shows (analysed on demand).
 */
import { isAbsolute, resolve, sep } from "node:path";
import {
  CodeActionKind,
  ErrorCodes,
  ResponseError,
  TextDocumentSyncKind,
  TextDocuments,
  type Connection,
  type InitializeResult,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
  type WorkspaceFolder,
} from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import { analyzePackage, ParseCache, type PackageAnalysis, type SourceFile } from "../../compiler/analyze.js";
import { overlayHost } from "../../compiler/host.js";
import type { Document } from "../../language/ast.js";
import type { Diagnostic } from "../../language/diagnostic.js";
import { tokenize, type LexResult } from "../../language/lexer.js";
import { lineStartsOf } from "../../language/location.js";
import { parse } from "../../language/parse.js";
import { createAnalysisScheduler } from "./analysis-scheduler.js";
import { registerDocumentRequests, registerPositionRequests, registerWorkspaceSymbols, type RequestContext } from "./requests.js";
import { codeActions } from "./features/code-actions.js";
import { completions } from "./features/completion.js";
import { diagnosticsByFile } from "./features/diagnostics.js";
import { documentSymbols } from "./features/document-symbols.js";
import { foldingRanges } from "./features/folding-ranges.js";
import { formatting } from "./features/formatting.js";
import { hover } from "./features/hover.js";
import { definition, documentHighlights, references } from "./features/navigation.js";
import { parseAround } from "./features/partial-parse.js";
import { offsetOf, toLspRange } from "./features/positions.js";
import { prepareRename, rename } from "./features/rename.js";
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from "./features/semantic-tokens.js";
import { workspaceSymbols, type WorkspaceFile } from "./features/workspace-symbols.js";
import { nodeFileSystem, packageKeyOf, pathOfUri, readPackage, uriOfPath, type FileSystem } from "./package-files.js";

export const DEFAULT_DEBOUNCE_MS = 200;

/** The user's settings that bear on checking a package (package.json's `contributes.configuration`). */
export interface AnalysisSettings {
  /** `flitmap.target.version`: the Odoo series to check against instead of the package's target; "" for none. */
  readonly targetVersion: string;
  /** `flitmap.target.schemaFile`: a pulled schema file to check against; "" for none. */
  readonly schemaFile: string;
  /** `flitmap.rules`: severity per rule name or code, under the package's own `rule` settings. */
  readonly rules: Readonly<Record<string, string>>;
}

/** `openTexts`: the editor's text of every open file, by path, for what the compiler reads beyond the package (imports, a schema file). */
export type Analyze = (files: readonly SourceFile[], settings: AnalysisSettings, openTexts: ReadonlyMap<string, string>) => PackageAnalysis;

/**
 * The compiler reads imported packages and schema files through a host: it gets the disk with
 * the open documents laid over it, as the package's own files are. The settings become the same
 * options `flitmap check --target` gives; `schemaFile` is absolute by now.
 */
const parseCache = new ParseCache();

const analyzeWithSettings: Analyze = (files, settings, openTexts) =>
  analyzePackage(files, {
    host: overlayHost(openTexts),
    parseCache,
    ...(settings.targetVersion === "" ? {} : { seriesOverride: settings.targetVersion }),
    ...(settings.schemaFile === "" ? {} : { schemaFileOverride: settings.schemaFile }),
    ruleSeverities: settings.rules,
  });

/** A relative `flitmap.target.schemaFile` is relative to the workspace folder holding the package (else the package). */
export function absoluteSchemaFile(schemaFile: string, packagePath: string | undefined, workspaceFolderPaths: readonly string[]): string {
  if (schemaFile === "" || isAbsolute(schemaFile)) return schemaFile;
  const folder = packagePath === undefined ? undefined : workspaceFolderPaths.find((candidate) => packagePath === candidate || packagePath.startsWith(`${candidate}${sep}`));
  return resolve(folder ?? packagePath ?? ".", schemaFile);
}

export interface ServerOptions {
  readonly fileSystem?: FileSystem;
  readonly debounceMs?: number;
  /** The package analysis; always `analyzePackage` but in tests of the wiring itself. */
  readonly analyze?: Analyze;
}

/** The settings the server reads, as the client sends them (unchecked). */
export interface FlitmapSettings {
  readonly format?: { readonly printWidth?: unknown };
  readonly target?: { readonly version?: unknown; readonly schemaFile?: unknown };
  readonly rules?: unknown;
}

function analysisSettingsOf(settings: FlitmapSettings): AnalysisSettings {
  const text = (value: unknown): string => (typeof value === "string" ? value.trim() : "");
  const rules: Record<string, string> = {};
  if (typeof settings.rules === "object" && settings.rules !== null) {
    for (const [rule, severity] of Object.entries(settings.rules)) if (typeof severity === "string") rules[rule] = severity;
  }
  return { targetVersion: text(settings.target?.version), schemaFile: text(settings.target?.schemaFile), rules };
}

/** What the server offers the editor. */
const SERVER_CAPABILITIES: InitializeResult = {
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    documentSymbolProvider: true,
    workspaceSymbolProvider: true,
    foldingRangeProvider: true,
    documentFormattingProvider: true,
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    completionProvider: { resolveProvider: false, triggerCharacters: [".", '"'] },
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    documentHighlightProvider: true,
    renameProvider: { prepareProvider: true },
    semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  },
  serverInfo: { name: "flitmap-language-server", version: "0.1.0" },
};

export interface ParsedDocument {
  readonly version: number;
  readonly document: Document;
  readonly lexed: LexResult;
  readonly lineStarts: readonly number[];
}

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const fileSystem = options.fileSystem ?? nodeFileSystem;
  const analyze = options.analyze ?? analyzeWithSettings;
  const documents = new TextDocuments(TextDocument);
  const parsed = new Map<string, ParsedDocument>();
  /** The compiler's diagnostics last published, per file URI: quick fixes are read from them. */
  const published = new Map<string, readonly Diagnostic[]>();
  /** URIs each package last published to, so files that left the package get their squiggles cleared. */
  const publishedUris = new Map<string, ReadonlySet<string>>();
  let workspaceFolders: WorkspaceFolder[] = [];
  /** Set on `shutdown`: analyses still running then publish nothing. */
  let stopped = false;
  let canReadConfiguration = false;

  /** A document's file path, or its URI when it is not a file: that is the name diagnostics carry. */
  const fileNameOf = (uri: string): string => pathOfUri(uri) ?? uri;

  /** The URI of a diagnostic's file: the editor's own URI when the file is open, so both match exactly. */
  const uriOf = (file: string): string => {
    for (const document of documents.all()) if (fileNameOf(document.uri) === file) return document.uri;
    return file.startsWith("/") || /^[A-Za-z]:[\\/]/.test(file) ? uriOfPath(file) : file;
  };

  const parsedDocument = (textDocument: TextDocument): ParsedDocument => {
    const cached = parsed.get(textDocument.uri);
    if (cached !== undefined && cached.version === textDocument.version) return cached;
    const text = textDocument.getText();
    const file = fileNameOf(textDocument.uri);
    const entry = { version: textDocument.version, document: parse(text, file).document, lexed: tokenize(text, file), lineStarts: lineStartsOf(text) };
    parsed.set(textDocument.uri, entry);
    return entry;
  };

  const openDocuments = (): { uri: string; text: string }[] => documents.all().map((document) => ({ uri: document.uri, text: document.getText() }));

  /** The latest analysis of each package, with the document versions it saw: what requests read. */
  const analyses = new Map<string, { readonly analysis: PackageAnalysis; readonly versions: ReadonlyMap<string, number> }>();

  /** Reads a package as the editor has it and analyses it; undefined when a newer edit made the work moot. */
  const analysePackage = async (
    packageKey: string,
    isCurrent: () => boolean,
  ): Promise<{ analysis: PackageAnalysis; versions: Map<string, number>; sources: readonly SourceFile[] } | undefined> => {
    const standalone = pathOfUri(packageKey) === undefined && documents.get(packageKey) !== undefined;
    // The versions analysed, published with the diagnostics so a client can tell them from stale ones.
    const versions = new Map(documents.all().map((document) => [document.uri, document.version]));
    const sources = standalone
      ? [{ path: packageKey, text: documents.get(packageKey)?.getText() ?? "" }]
      : await readPackage(packageKey, openDocuments(), fileSystem);
    if (!isCurrent()) return undefined;
    const read = analysisSettingsOf(await settings(standalone ? packageKey : uriOfPath(packageKey)));
    const folderPaths = workspaceFolders.flatMap((folder) => pathOfUri(folder.uri) ?? []);
    const analysisSettings = { ...read, schemaFile: absoluteSchemaFile(read.schemaFile, standalone ? undefined : packageKey, folderPaths) };
    if (!isCurrent()) return undefined;
    const openTexts = new Map<string, string>();
    for (const document of documents.all()) {
      const path = pathOfUri(document.uri);
      if (path !== undefined) openTexts.set(path, document.getText());
    }
    const analysis = analyze(sources, analysisSettings, openTexts);
    // A newer edit arrived while reading or analysing: its own analysis will publish.
    if (!isCurrent() || stopped) return undefined;
    analyses.set(packageKey, { analysis, versions });
    return { analysis, versions, sources };
  };

  const analyse = async (packageKey: string, isCurrent: () => boolean): Promise<void> => {
    const result = await analysePackage(packageKey, isCurrent);
    if (result === undefined) return;
    const { analysis, versions, sources } = result;
    const byUri = diagnosticsByFile(
      sources.map((source) => source.path),
      analysis.diagnostics,
      uriOf,
    );
    const byFile = new Map<string, Diagnostic[]>();
    for (const diagnostic of analysis.diagnostics) byFile.set(uriOf(diagnostic.file), [...(byFile.get(uriOf(diagnostic.file)) ?? []), diagnostic]);
    for (const uri of publishedUris.get(packageKey) ?? []) {
      if (!byUri.has(uri)) byUri.set(uri, []);
    }
    publishedUris.set(packageKey, new Set([...byUri.entries()].filter(([, list]) => list.length > 0).map(([uri]) => uri)));
    for (const [uri, diagnostics] of byUri) {
      published.set(uri, byFile.get(uri) ?? []);
      const version = versions.get(uri);
      await connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics });
    }
  };

  /** Whether an analysis saw the text every open document of its package has now. */
  const isUpToDate = (packageKey: string, versions: ReadonlyMap<string, number>): boolean =>
    documents.all().every((document) => packageKeyOf(document.uri) !== packageKey || versions.get(document.uri) === document.version);

  /**
   * The analysis of a document's package. `fresh`: of the text the editor shows now, analysed on
   * the spot when the latest is behind (positions must match for hover, rename...); otherwise the
   * latest one will do (completion reads names from it, and the cursor's place from the text).
   */
  const analysisOf = async (uri: string, fresh: boolean): Promise<PackageAnalysis | undefined> => {
    const packageKey = packageKeyOf(uri);
    const latest = analyses.get(packageKey);
    if (latest !== undefined && (!fresh || isUpToDate(packageKey, latest.versions))) return latest.analysis;
    return (await analysePackage(packageKey, () => true))?.analysis;
  };

  const scheduler = createAnalysisScheduler(analyse, options.debounceMs ?? DEFAULT_DEBOUNCE_MS, (error) => {
    // After shutdown the connection may be gone: there is no one left to tell.
    if (!stopped) connection.console.error(`flitmap: analysis failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  });

  connection.onInitialize((params): InitializeResult => {
    workspaceFolders = params.workspaceFolders ?? (params.rootUri !== null && params.rootUri !== undefined ? [{ uri: params.rootUri, name: "root" }] : []);
    canReadConfiguration = params.capabilities.workspace?.configuration === true;
    return SERVER_CAPABILITIES;
  });

  connection.onInitialized(() => {
    if (workspaceFolders.length > 0) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => folder.uri));
        workspaceFolders = [...workspaceFolders.filter((folder) => !removed.has(folder.uri)), ...event.added];
      });
    }
  });

  documents.onDidChangeContent((event) => scheduler.schedule(packageKeyOf(event.document.uri)));
  documents.onDidClose((event) => {
    parsed.delete(event.document.uri);
    analyses.delete(packageKeyOf(event.document.uri));
    // Closed, the file's text on disk counts again (or the file leaves the package if it was never saved).
    scheduler.schedule(packageKeyOf(event.document.uri));
  });
  connection.onDidChangeWatchedFiles((params) => {
    for (const packageKey of new Set(params.changes.map((change) => packageKeyOf(change.uri)))) {
      analyses.delete(packageKey);
      scheduler.schedule(packageKey);
    }
  });

  const settings = async (uri: string): Promise<FlitmapSettings> => {
    if (!canReadConfiguration) return {};
    const value: unknown = await connection.workspace.getConfiguration({ scopeUri: uri, section: "flitmap" });
    return typeof value === "object" && value !== null ? value : {};
  };

  const context: RequestContext = {
    connection,
    documents,
    fileSystem,
    parsedDocument,
    parsedVersion: (document) => {
      const cached = parsed.get(document.uri);
      return cached !== undefined && cached.version === document.version ? cached : undefined;
    },
    fileNameOf,
    uriOf,
    analysisOf,
    settings,
    workspaceFolders: () => workspaceFolders,
    published: (uri) => published.get(uri) ?? [],
  };
  registerDocumentRequests(context);
  registerPositionRequests(context);
  registerWorkspaceSymbols(context);

  // New settings may change any package's diagnostics.
  connection.onDidChangeConfiguration(() => {
    analyses.clear();
    for (const packageKey of publishedUris.keys()) scheduler.schedule(packageKey);
  });

  connection.onShutdown(() => {
    stopped = true;
    scheduler.dispose();
  });

  documents.listen(connection);
  connection.listen();
}
