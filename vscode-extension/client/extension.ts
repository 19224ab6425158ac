/**
 * The VS Code side of Flitmap: starts the language server (bundled next to this file as
 * server.mjs) and adds the commands that compile and test the package of the current file.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node.js";
import { cliCandidates, cliCommandLine, type CliCommand } from "./cli-command.js";

let client: LanguageClient | undefined;

const LANGUAGE_ID = "flitmap";

function packageFolderOfActiveEditor(): string | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (document === undefined || document.uri.scheme !== "file") return undefined;
  return dirname(document.uri.fsPath);
}

function cliScriptFor(folder: string): string | undefined {
  const configured = vscode.workspace.getConfiguration("flitmap").get<string>("cli.path");
  const root = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(folder))?.uri.fsPath;
  return cliCandidates(configured, root).find((candidate) => existsSync(candidate));
}

/** Runs the CLI in a terminal named after the command, so its output and colours show as in a shell. */
async function runCli(command: CliCommand): Promise<void> {
  const folder = packageFolderOfActiveEditor();
  if (folder === undefined) {
    void vscode.window.showWarningMessage(`Flitmap: open a .flitmap file first; its folder is the package to ${command}.`);
    return;
  }
  const document = vscode.window.activeTextEditor?.document;
  if (document?.isDirty === true) await document.save();
  const terminalName = `flitmap ${command}`;
  const terminal = vscode.window.terminals.find((candidate) => candidate.name === terminalName) ?? vscode.window.createTerminal({ name: terminalName, cwd: folder });
  terminal.show(true);
  terminal.sendText(cliCommandLine(command, folder, cliScriptFor(folder)));
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const serverModule = context.asAbsolutePath(join("dist", "server.mjs"));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: LANGUAGE_ID },
      { scheme: "untitled", language: LANGUAGE_ID },
    ],
    synchronize: {
      // Changed settings (target, rules) re-check every package.
      configurationSection: "flitmap",
      // Package files changed outside the editor (git checkout, flitmap fmt) change diagnostics too.
      fileEvents: vscode.workspace.createFileSystemWatcher("**/*.flitmap"),
    },
  };
  client = new LanguageClient("flitmap", "Flitmap Language Server", serverOptions, clientOptions);
  context.subscriptions.push(
    vscode.commands.registerCommand("flitmap.compilePackage", () => runCli("compile")),
    vscode.commands.registerCommand("flitmap.testPackage", () => runCli("test")),
    vscode.commands.registerCommand("flitmap.restartServer", async () => client?.restart()),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
