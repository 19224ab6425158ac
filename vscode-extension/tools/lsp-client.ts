/**
 * A minimal LSP client for tests and benchmarks: talks to the server over a real JSON-RPC
 * connection, either in this process (two in-memory streams) or to the bundled server started as
 * a child process over stdio, and records every diagnostics notification it receives.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { PassThrough } from "node:stream";
import { pathToFileURL } from "node:url";
import {
  createConnection,
  createProtocolConnection,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from "vscode-languageserver/node.js";
import { startServer, type ServerOptions } from "../server/server.js";

export interface LspTestClient {
  readonly connection: ProtocolConnection;
  /** Every diagnostics notification received, oldest first. */
  readonly published: PublishDiagnosticsParams[];
  /** `settings`: what the client answers when the server asks for the `flitmap` settings section. */
  initialize(rootPath?: string, settings?: Record<string, unknown>): Promise<InitializeResult>;
  open(uri: string, text: string, version?: number): Promise<void>;
  /** Replaces the whole text of an open document. */
  change(uri: string, text: string, version: number): Promise<void>;
  close(uri: string): Promise<void>;
  request<Result>(method: string, params: unknown): Promise<Result>;
  notify(method: string, params: unknown): Promise<void>;
  /** Waits (at most `timeoutMs`) for a diagnostics notification for `uri` that satisfies `accept`. */
  waitForDiagnostics(uri: string, accept?: (params: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  dispose(): Promise<void>;
}

/**
 * `inProcess`: the server shares this process, so the client neither sends `exit` nor gives its
 * process id, nor ends the streams: vscode-languageserver answers each of those by ending the
 * process (here, the test runner) or by watching the id with a timer that never stops.
 */
function clientOver(connection: ProtocolConnection, stop: () => void, inProcess: boolean): LspTestClient {
  const published: PublishDiagnosticsParams[] = [];
  const waiters = new Set<() => void>();
  let settings: Record<string, unknown> = {};
  connection.onNotification("textDocument/publishDiagnostics", (params: PublishDiagnosticsParams) => {
    published.push(params);
    for (const waiter of [...waiters]) waiter();
  });
  // The settings given to initialize() are the `flitmap` section's.
  connection.onRequest("workspace/configuration", (params: { items: { section?: string }[] }) => params.items.map((item) => (item.section === "flitmap" ? settings : null)));
  connection.onNotification("window/logMessage", () => undefined);
  connection.listen();
  return {
    connection,
    published,
    async initialize(rootPath, newSettings = {}) {
      settings = newSettings;
      const rootUri = rootPath === undefined ? null : pathToFileURL(rootPath).href;
      const result = await connection.sendRequest<InitializeResult>("initialize", {
        processId: inProcess ? null : process.pid,
        rootUri,
        workspaceFolders: rootUri === null ? null : [{ uri: rootUri, name: "root" }],
        capabilities: { workspace: { configuration: true, workspaceFolders: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      });
      await connection.sendNotification("initialized", {});
      return result;
    },
    async open(uri, text, version = 1) {
      await connection.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "flitmap", version, text } });
    },
    async change(uri, text, version) {
      await connection.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    async close(uri) {
      await connection.sendNotification("textDocument/didClose", { textDocument: { uri } });
    },
    request: (method, params) => connection.sendRequest(method, params),
    notify: (method, params) => connection.sendNotification(method, params),
    waitForDiagnostics(uri, accept = () => true, timeoutMs = 5_000) {
      const found = (): PublishDiagnosticsParams | undefined => [...published].reverse().find((params) => params.uri === uri && accept(params));
      return new Promise((resolve, reject) => {
        const already = found();
        if (already !== undefined) return resolve(already);
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; received: ${JSON.stringify(published.map((params) => [params.uri, params.version, params.diagnostics.length]))}`));
        }, timeoutMs);
        const check = (): void => {
          const match = found();
          if (match === undefined) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(match);
        };
        waiters.add(check);
      });
    },
    async dispose() {
      await connection.sendRequest("shutdown").catch(() => undefined);
      if (!inProcess) await connection.sendNotification("exit").catch(() => undefined);
      connection.dispose();
      stop();
    },
  };
}

/** The server in this process, connected through two in-memory streams. */
export function startInMemoryServer(options: ServerOptions = {}): LspTestClient {
  const clientToServer = new PassThrough();
  const serverToClient = new PassThrough();
  const serverConnection = createConnection(clientToServer, serverToClient);
  startServer(serverConnection, options);
  const clientConnection = createProtocolConnection(serverToClient, clientToServer);
  return clientOver(clientConnection, () => {
    serverConnection.dispose();
  }, true);
}

/** The bundled server (dist/server.mjs) as a child process over stdio, as an editor starts it. */
export function startServerProcess(serverModule: string): LspTestClient & { readonly process: ChildProcess } {
  const child = spawn(process.execPath, [serverModule, "--stdio"], { stdio: ["pipe", "pipe", "inherit"] });
  if (child.stdout === null || child.stdin === null) throw new Error("the server process has no stdio pipes");
  const connection = createProtocolConnection(child.stdout, child.stdin);
  return Object.assign(clientOver(connection, () => child.kill(), false), { process: child });
}
