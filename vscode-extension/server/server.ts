/**
 * The Flitmap language server: wires the editor features (pure functions in features/) to an LSP
 * connection. Diagnostics come from `analyzePackage`, the function `flitmap check` calls, run on
 * the package of each changed document with the editor's unsaved text laid over the files on disk.
 * The latest analysis of each package is kept (server-state.ts): completion reads names from it as
 * it is, hover, definition, references and rename from one of the text the editor shows (analysed
 * on demand). `startServer` only wires: the lifecycle, the document events and the requests
 * (requests.ts) are each registered by a function of their own.
 */
import { CodeActionKind, TextDocumentSyncKind, type Connection, type InitializeResult } from "vscode-languageserver";
import { analyzePackage, ParseCache } from "../../compiler/analyze.js";
import { overlayHost } from "../../compiler/host.js";
import { createAnalysisScheduler, type AnalysisScheduler } from "./analysis-scheduler.js";
import { registerDocumentRequests, registerPositionRequests, registerWorkspaceSymbols } from "./requests.js";
import { SEMANTIC_TOKENS_LEGEND } from "./features/semantic-tokens.js";
import { nodeFileSystem, packageKeyOf, type FileSystem } from "./package-files.js";
import { ServerState, type Analyze } from "./server-state.js";

export { absoluteSchemaFile, type AnalysisSettings, type Analyze, type FlitmapSettings, type ParsedDocument } from "./server-state.js";

export const DEFAULT_DEBOUNCE_MS = 200;

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

export interface ServerOptions {
  readonly fileSystem?: FileSystem;
  readonly debounceMs?: number;
  /** The package analysis; always `analyzePackage` but in tests of the wiring itself. */
  readonly analyze?: Analyze;
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

export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const state = new ServerState(connection, options.fileSystem ?? nodeFileSystem, options.analyze ?? analyzeWithSettings);
  const scheduler = createAnalysisScheduler(
    (packageKey, isCurrent) => state.analyseAndPublish(packageKey, isCurrent),
    options.debounceMs ?? DEFAULT_DEBOUNCE_MS,
    (error) => {
      // After shutdown the connection may be gone: there is no one left to tell.
      if (!state.stopped) connection.console.error(`flitmap: analysis failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    },
  );
  registerInitialization(connection, state);
  registerDocumentEvents(connection, state, scheduler);
  registerDocumentRequests(state);
  registerPositionRequests(state);
  registerWorkspaceSymbols(state);
  registerSettingsAndShutdown(connection, state, scheduler);
  state.documents.listen(connection);
  connection.listen();
}

/** `initialize`: the workspace folders and whether the client answers for the settings; then the folders as they change. */
function registerInitialization(connection: Connection, state: ServerState): void {
  connection.onInitialize((params): InitializeResult => {
    state.setWorkspaceFolders(
      params.workspaceFolders ?? (params.rootUri !== null && params.rootUri !== undefined ? [{ uri: params.rootUri, name: "root" }] : []),
    );
    state.canReadConfiguration = params.capabilities.workspace?.configuration === true;
    return SERVER_CAPABILITIES;
  });
  connection.onInitialized(() => {
    if (state.workspaceFolders().length > 0) {
      connection.workspace.onDidChangeWorkspaceFolders((event) => {
        const removed = new Set(event.removed.map((folder) => folder.uri));
        state.setWorkspaceFolders([...state.workspaceFolders().filter((folder) => !removed.has(folder.uri)), ...event.added]);
      });
    }
  });
}

/** An edit, a close or a change on disk: the package is analysed again (after a pause in typing). */
function registerDocumentEvents(connection: Connection, state: ServerState, scheduler: AnalysisScheduler): void {
  state.documents.onDidChangeContent((event) => scheduler.schedule(packageKeyOf(event.document.uri)));
  state.documents.onDidClose((event) => {
    state.forgetDocument(event.document.uri);
    // Closed, the file's text on disk counts again (or the file leaves the package if it was never saved).
    scheduler.schedule(packageKeyOf(event.document.uri));
  });
  connection.onDidChangeWatchedFiles((params) => {
    for (const packageKey of new Set(params.changes.map((change) => packageKeyOf(change.uri)))) {
      state.forgetAnalysis(packageKey);
      scheduler.schedule(packageKey);
    }
  });
}

function registerSettingsAndShutdown(connection: Connection, state: ServerState, scheduler: AnalysisScheduler): void {
  // New settings may change any package's diagnostics.
  connection.onDidChangeConfiguration(() => {
    state.forgetAnalysis();
    for (const packageKey of state.publishedPackages()) scheduler.schedule(packageKey);
  });
  connection.onShutdown(() => {
    state.stopped = true;
    scheduler.dispose();
  });
}
