/**
 * What the language server keeps between requests: the open documents and their parses, the
 * latest analysis of each package with the document versions it saw, the diagnostics last
 * published, the workspace folders and the user's settings. Analysing a package and publishing its
 * diagnostics are methods of this state; server.ts wires the connection's events to them, and the
 * requests (requests.ts) read it as their RequestContext.
 */
import { isAbsolute, resolve, sep } from "node:path";
import { TextDocuments, type Connection, type WorkspaceFolder } from "vscode-languageserver";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { PackageAnalysis, SourceFile } from "../../compiler/analyze.js";
import type { Document } from "../../language/ast.js";
import type { Diagnostic } from "../../language/diagnostic.js";
import { tokenize, type LexResult } from "../../language/lexer.js";
import { lineStartsOf } from "../../language/location.js";
import { parse } from "../../language/parse.js";
import { diagnosticsByFile } from "./features/diagnostics.js";
import { packageKeyOf, pathOfUri, readPackage, uriOfPath, type FileSystem } from "./package-files.js";
import type { RequestContext } from "./requests.js";

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

/** The settings the server reads, as the client sends them (unchecked). */
export interface FlitmapSettings {
  readonly format?: { readonly printWidth?: unknown };
  readonly target?: { readonly version?: unknown; readonly schemaFile?: unknown };
  readonly rules?: unknown;
}

export interface ParsedDocument {
  readonly version: number;
  readonly document: Document;
  readonly lexed: LexResult;
  readonly lineStarts: readonly number[];
}

/** A relative `flitmap.target.schemaFile` is relative to the workspace folder holding the package (else the package). */
export function absoluteSchemaFile(schemaFile: string, packagePath: string | undefined, workspaceFolderPaths: readonly string[]): string {
  if (schemaFile === "" || isAbsolute(schemaFile)) return schemaFile;
  const folder =
    packagePath === undefined ? undefined : workspaceFolderPaths.find((candidate) => packagePath === candidate || packagePath.startsWith(`${candidate}${sep}`));
  return resolve(folder ?? packagePath ?? ".", schemaFile);
}

function analysisSettingsOf(settings: FlitmapSettings): AnalysisSettings {
  const text = (value: unknown): string => (typeof value === "string" ? value.trim() : "");
  const rules: Record<string, string> = {};
  if (typeof settings.rules === "object" && settings.rules !== null) {
    for (const [rule, severity] of Object.entries(settings.rules)) if (typeof severity === "string") rules[rule] = severity;
  }
  return { targetVersion: text(settings.target?.version), schemaFile: text(settings.target?.schemaFile), rules };
}

/** An analysis and the versions of the open documents it saw. */
interface Analysed {
  readonly analysis: PackageAnalysis;
  readonly versions: ReadonlyMap<string, number>;
}

export class ServerState implements RequestContext {
  readonly documents = new TextDocuments(TextDocument);
  private readonly parsed = new Map<string, ParsedDocument>();
  /** The compiler's diagnostics last published, per file URI: quick fixes are read from them. */
  private readonly publishedDiagnostics = new Map<string, readonly Diagnostic[]>();
  /** URIs each package last published to, so files that left the package get their squiggles cleared. */
  private readonly publishedUris = new Map<string, ReadonlySet<string>>();
  /** The latest analysis of each package, with the document versions it saw: what requests read. */
  private readonly analyses = new Map<string, Analysed>();
  private folders: WorkspaceFolder[] = [];
  /** Set on `shutdown`: analyses still running then publish nothing. */
  stopped = false;
  canReadConfiguration = false;

  constructor(
    readonly connection: Connection,
    readonly fileSystem: FileSystem,
    private readonly analyze: Analyze,
  ) {}

  workspaceFolders(): readonly WorkspaceFolder[] {
    return this.folders;
  }

  setWorkspaceFolders(folders: WorkspaceFolder[]): void {
    this.folders = folders;
  }

  /** A document's file path, or its URI when it is not a file: that is the name diagnostics carry. */
  readonly fileNameOf = (uri: string): string => pathOfUri(uri) ?? uri;

  /** The URI of a diagnostic's file: the editor's own URI when the file is open, so both match exactly (a function to hand on, as features take it). */
  readonly uriOf = (file: string): string => {
    for (const document of this.documents.all()) if (this.fileNameOf(document.uri) === file) return document.uri;
    return file.startsWith("/") || /^[A-Za-z]:[\\/]/.test(file) ? uriOfPath(file) : file;
  };

  parsedDocument(textDocument: TextDocument): ParsedDocument {
    const cached = this.parsedVersion(textDocument);
    if (cached !== undefined) return cached;
    const text = textDocument.getText();
    const file = this.fileNameOf(textDocument.uri);
    const entry = { version: textDocument.version, document: parse(text, file).document, lexed: tokenize(text, file), lineStarts: lineStartsOf(text) };
    this.parsed.set(textDocument.uri, entry);
    return entry;
  }

  parsedVersion(document: TextDocument): ParsedDocument | undefined {
    const cached = this.parsed.get(document.uri);
    return cached !== undefined && cached.version === document.version ? cached : undefined;
  }

  published(uri: string): readonly Diagnostic[] {
    return this.publishedDiagnostics.get(uri) ?? [];
  }

  async settings(uri: string): Promise<FlitmapSettings> {
    if (!this.canReadConfiguration) return {};
    const value: unknown = await this.connection.workspace.getConfiguration({ scopeUri: uri, section: "flitmap" });
    return typeof value === "object" && value !== null ? value : {};
  }

  /** A document was closed: its parse goes, and its package's analysis, which saw its editor text. */
  forgetDocument(uri: string): void {
    this.parsed.delete(uri);
    this.analyses.delete(packageKeyOf(uri));
  }

  /** Files of a package changed on disk, or the settings changed (every package when `packageKey` is undefined). */
  forgetAnalysis(packageKey?: string): void {
    if (packageKey === undefined) this.analyses.clear();
    else this.analyses.delete(packageKey);
  }

  /** The packages that have published diagnostics. */
  publishedPackages(): Iterable<string> {
    return this.publishedUris.keys();
  }

  /** The settings a package is analysed with: the user's, a relative schema file made absolute. */
  private async analysisSettings(packageKey: string, standalone: boolean): Promise<AnalysisSettings> {
    const read = analysisSettingsOf(await this.settings(standalone ? packageKey : uriOfPath(packageKey)));
    const folderPaths = this.folders.flatMap((folder) => pathOfUri(folder.uri) ?? []);
    return { ...read, schemaFile: absoluteSchemaFile(read.schemaFile, standalone ? undefined : packageKey, folderPaths) };
  }

  /** The editor's text of every open file, by path. */
  private openTexts(): Map<string, string> {
    const openTexts = new Map<string, string>();
    for (const document of this.documents.all()) {
      const path = pathOfUri(document.uri);
      if (path !== undefined) openTexts.set(path, document.getText());
    }
    return openTexts;
  }

  /** Reads a package as the editor has it and analyses it; undefined when a newer edit made the work moot. */
  async analysePackage(packageKey: string, isCurrent: () => boolean): Promise<(Analysed & { readonly sources: readonly SourceFile[] }) | undefined> {
    const standalone = pathOfUri(packageKey) === undefined && this.documents.get(packageKey) !== undefined;
    // The versions analysed, published with the diagnostics so a client can tell them from stale ones.
    const versions = new Map(this.documents.all().map((document) => [document.uri, document.version]));
    const openDocuments = this.documents.all().map((document) => ({ uri: document.uri, text: document.getText() }));
    const sources = standalone
      ? [{ path: packageKey, text: this.documents.get(packageKey)?.getText() ?? "" }]
      : await readPackage(packageKey, openDocuments, this.fileSystem);
    if (!isCurrent()) return undefined;
    const settings = await this.analysisSettings(packageKey, standalone);
    if (!isCurrent()) return undefined;
    const analysis = this.analyze(sources, settings, this.openTexts());
    // A newer edit arrived while reading or analysing: its own analysis will publish.
    if (!isCurrent() || this.stopped) return undefined;
    this.analyses.set(packageKey, { analysis, versions });
    return { analysis, versions, sources };
  }

  /** Analyses a package and publishes its diagnostics, clearing those of files that left it. */
  async analyseAndPublish(packageKey: string, isCurrent: () => boolean): Promise<void> {
    const result = await this.analysePackage(packageKey, isCurrent);
    if (result === undefined) return;
    const { analysis, versions, sources } = result;
    const uriOf = this.uriOf;
    const byUri = diagnosticsByFile(
      sources.map((source) => source.path),
      analysis.diagnostics,
      uriOf,
    );
    const byFile = new Map<string, Diagnostic[]>();
    for (const diagnostic of analysis.diagnostics) byFile.set(uriOf(diagnostic.file), [...(byFile.get(uriOf(diagnostic.file)) ?? []), diagnostic]);
    for (const uri of this.publishedUris.get(packageKey) ?? []) {
      if (!byUri.has(uri)) byUri.set(uri, []);
    }
    this.publishedUris.set(packageKey, new Set([...byUri.entries()].filter(([, list]) => list.length > 0).map(([uri]) => uri)));
    for (const [uri, diagnostics] of byUri) {
      this.publishedDiagnostics.set(uri, byFile.get(uri) ?? []);
      const version = versions.get(uri);
      await this.connection.sendDiagnostics(version === undefined ? { uri, diagnostics } : { uri, version, diagnostics });
    }
  }

  /** Whether an analysis saw the text every open document of its package has now. */
  private isUpToDate(packageKey: string, versions: ReadonlyMap<string, number>): boolean {
    return this.documents.all().every((document) => packageKeyOf(document.uri) !== packageKey || versions.get(document.uri) === document.version);
  }

  /**
   * The analysis of a document's package. `fresh`: of the text the editor shows now, analysed on
   * the spot when the latest is behind (positions must match for hover, rename...); otherwise the
   * latest one will do (completion reads names from it, and the cursor's place from the text).
   */
  async analysisOf(uri: string, fresh: boolean): Promise<PackageAnalysis | undefined> {
    const packageKey = packageKeyOf(uri);
    const latest = this.analyses.get(packageKey);
    if (latest !== undefined && (!fresh || this.isUpToDate(packageKey, latest.versions))) return latest.analysis;
    return (await this.analysePackage(packageKey, () => true))?.analysis;
  }
}
