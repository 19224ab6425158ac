/**
 * The language server's requests, each handed to its editor feature (features/): those on one
 * document (outline, folding, semantic tokens, formatting, completion, quick fixes), those at a
 * position (hover, definition, references, highlights, rename) and workspace symbols. server-state.ts
 * owns the state they read (documents, analyses, settings): a ServerState is their RequestContext.
 */
import {
  ErrorCodes,
  ResponseError,
  type Connection,
  type TextDocuments,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
  type WorkspaceFolder,
} from "vscode-languageserver";
import type { TextDocument } from "vscode-languageserver-textdocument";
import type { PackageAnalysis } from "../../compiler/analyze.js";
import type { Document } from "../../language/ast.js";
import type { Diagnostic } from "../../language/diagnostic.js";
import { lineStartsOf } from "../../language/location.js";
import { parse } from "../../language/parse.js";
import { codeActions } from "./features/code-actions.js";
import { completions } from "./features/completion.js";
import { documentSymbols } from "./features/document-symbols.js";
import { foldingRanges } from "./features/folding-ranges.js";
import { formatting } from "./features/formatting.js";
import { hover } from "./features/hover.js";
import { definition, documentHighlights, references } from "./features/navigation.js";
import { parseAround } from "./features/partial-parse.js";
import { offsetOf, toLspRange } from "./features/positions.js";
import { prepareRename, rename } from "./features/rename.js";
import { semanticTokens } from "./features/semantic-tokens.js";
import { workspaceSymbols, type WorkspaceFile } from "./features/workspace-symbols.js";
import { pathOfUri, uriOfPath, type FileSystem } from "./package-files.js";
import type { FlitmapSettings, ParsedDocument } from "./server-state.js";

/** What the requests read of the server's state. */
export interface RequestContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly fileSystem: FileSystem;
  /** The document's syntax tree and tokens, parsed once per version. */
  parsedDocument(document: TextDocument): ParsedDocument;
  /** The document's parse, when this version has been parsed already. */
  parsedVersion(document: TextDocument): ParsedDocument | undefined;
  fileNameOf(uri: string): string;
  uriOf(file: string): string;
  analysisOf(uri: string, fresh: boolean): Promise<PackageAnalysis | undefined>;
  settings(uri: string): Promise<FlitmapSettings>;
  workspaceFolders(): readonly WorkspaceFolder[];
  /** The compiler's diagnostics last published for a file: quick fixes are read from them. */
  published(uri: string): readonly Diagnostic[];
}

/** Requests on one document: outline, folding, semantic tokens, formatting, completion, quick fixes. */
export function registerDocumentRequests(context: RequestContext): void {
  context.connection.onDocumentSymbol((params) => {
    const document = context.documents.get(params.textDocument.uri);
    return document === undefined ? [] : documentSymbols(context.parsedDocument(document).document);
  });

  context.connection.onFoldingRanges((params) => {
    const document = context.documents.get(params.textDocument.uri);
    if (document === undefined) return [];
    const entry = context.parsedDocument(document);
    return foldingRanges(entry.document, entry.lexed);
  });

  context.connection.languages.semanticTokens.on((params) => {
    const document = context.documents.get(params.textDocument.uri);
    if (document === undefined) return { data: [] };
    const entry = context.parsedDocument(document);
    return { data: semanticTokens(entry.document, entry.lexed, document.getText(), entry.lineStarts) };
  });

  context.connection.onDocumentFormatting(async (params) => {
    const document = context.documents.get(params.textDocument.uri);
    if (document === undefined) return [];
    const printWidth = (await context.settings(params.textDocument.uri)).format?.printWidth;
    return formatting(document.getText(), context.fileNameOf(document.uri), typeof printWidth === "number" && printWidth > 0 ? { printWidth } : {});
  });

  context.connection.onCompletion(async (params) => {
    const document = context.documents.get(params.textDocument.uri);
    if (document === undefined) return [];
    const analysis = await context.analysisOf(params.textDocument.uri, false);
    const text = document.getText();
    const lineStarts = lineStartsOf(text);
    const offset = offsetOf(lineStarts, text, params.position);
    // At every keystroke: the tree around the cursor will do, unless this version's whole tree is at hand.
    const tree = context.parsedVersion(document)?.document ?? parseAround(text, context.fileNameOf(document.uri), offset);
    return completions({ text, offset, document: tree, lineStarts, analysis });
  });

  context.connection.onCodeAction((params) => codeActions(context.published(params.textDocument.uri), params.range, context.uriOf));
}

/** Requests at a position, on the analysis of the text the editor shows. */
export function registerPositionRequests(context: RequestContext): void {
  /** A position request on the analysis of the text the editor shows: the document's file name, the offset, the analysis. */
  const atPosition = async (params: {
    textDocument: { uri: string };
    position: { line: number; character: number };
  }): Promise<{ file: string; offset: number; analysis: PackageAnalysis } | undefined> => {
    const document = context.documents.get(params.textDocument.uri);
    if (document === undefined) return undefined;
    const analysis = await context.analysisOf(params.textDocument.uri, true);
    if (analysis === undefined) return undefined;
    const file = context.fileNameOf(document.uri);
    // The offset in the text the analysis read (an edit may have arrived while it ran).
    const text = analysis.files.find((candidate) => candidate.path === file)?.text ?? document.getText();
    return { file, offset: offsetOf(lineStartsOf(text), text, params.position), analysis };
  };

  context.connection.onHover(async (params) => {
    const at = await atPosition(params);
    return at === undefined ? null : hover(at.analysis, at.file, at.offset);
  });

  context.connection.onDefinition(async (params) => {
    const at = await atPosition(params);
    return at === undefined ? [] : definition(at.analysis, at.file, at.offset, context.uriOf);
  });

  context.connection.onReferences(async (params) => {
    const at = await atPosition(params);
    return at === undefined ? [] : references(at.analysis, at.file, at.offset, params.context.includeDeclaration, context.uriOf);
  });

  context.connection.onDocumentHighlight(async (params) => {
    const at = await atPosition(params);
    return at === undefined ? [] : documentHighlights(at.analysis, at.file, at.offset);
  });

  context.connection.onPrepareRename(async (params) => {
    const at = await atPosition(params);
    if (at === undefined) return null;
    const target = prepareRename(at.analysis, at.file, at.offset);
    if ("refused" in target) throw new ResponseError(ErrorCodes.InvalidRequest, target.refused);
    return { range: toLspRange(target.range), placeholder: target.placeholder };
  });

  context.connection.onRenameRequest(async (params): Promise<WorkspaceEdit | null> => {
    const at = await atPosition(params);
    if (at === undefined) return null;
    const result = rename(at.analysis, at.file, at.offset, params.newName.trim());
    if ("refused" in result) throw new ResponseError(ErrorCodes.InvalidRequest, result.refused);
    const changes: Record<string, LspTextEdit[]> = {};
    for (const edit of result.edits) (changes[context.uriOf(edit.file)] ??= []).push({ range: toLspRange(edit.range), newText: edit.newText });
    return { changes };
  });
}

/** Workspace symbols: every open document, and the files of each workspace folder on disk. */
export function registerWorkspaceSymbols(context: RequestContext): void {
  /** Parsed files of disk, reused while their modification time stays the same. */
  const diskDocuments = new Map<string, { modifiedAt: number; document: Document }>();
  context.connection.onWorkspaceSymbol(async (params) => {
    const files: WorkspaceFile[] = [];
    const seen = new Set<string>();
    for (const document of context.documents.all()) {
      files.push({ uri: document.uri, document: context.parsedDocument(document).document });
      seen.add(context.fileNameOf(document.uri));
    }
    for (const folder of context.workspaceFolders()) {
      const root = pathOfUri(folder.uri);
      if (root === undefined) continue;
      for (const path of await context.fileSystem.listWorkspaceFiles(root)) {
        if (seen.has(path)) continue;
        seen.add(path);
        const modifiedAt = await context.fileSystem.modifiedAt(path);
        if (modifiedAt === undefined) continue;
        let cached = diskDocuments.get(path);
        if (cached === undefined || cached.modifiedAt !== modifiedAt) {
          const text = await context.fileSystem.readText(path);
          if (text === undefined) continue;
          cached = { modifiedAt, document: parse(text, path).document };
          diskDocuments.set(path, cached);
        }
        files.push({ uri: uriOfPath(path), document: cached.document });
      }
    }
    return workspaceSymbols(files, params.query);
  });
}
