import { createRequire } from "node:module";
import type * as Lsp from "vscode-languageserver/node.js";

/**
 * The runtime values of `vscode-languageserver`, loaded with `require`. The package is CommonJS: imported
 * from ESM, Node first scans every module it re-exports for their export names, which costs a large part of
 * the server's start-up; `require` skips that. Bundlers see the plain
 * `require` call (the extension's bundle is CommonJS) and include the package.
 *
 * Types still come from `import type … from "vscode-languageserver"`, which costs nothing at run time.
 */
const lsp: typeof Lsp =
  typeof require === "function" ? require("vscode-languageserver/node.js") : createRequire(import.meta.url)("vscode-languageserver/node.js");

export const {
  createConnection,
  ProposedFeatures,
  CodeActionKind,
  CompletionItemKind,
  CompletionItemTag,
  DiagnosticSeverity,
  DiagnosticTag,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentFormattingRequest,
  DocumentHighlightKind,
  DocumentRangeFormattingRequest,
  ErrorCodes,
  FoldingRangeKind,
  InlayHintKind,
  InsertTextFormat,
  LSPErrorCodes,
  MarkupKind,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  SymbolKind,
  TextDocumentSyncKind,
} = lsp;

// The enum-like namespaces and the error class are types too.
export type CodeActionKind = Lsp.CodeActionKind;
export type CompletionItemKind = Lsp.CompletionItemKind;
export type CompletionItemTag = Lsp.CompletionItemTag;
export type DiagnosticSeverity = Lsp.DiagnosticSeverity;
export type DiagnosticTag = Lsp.DiagnosticTag;
export type DocumentHighlightKind = Lsp.DocumentHighlightKind;
export type FoldingRangeKind = Lsp.FoldingRangeKind;
export type InlayHintKind = Lsp.InlayHintKind;
export type InsertTextFormat = Lsp.InsertTextFormat;
export type MarkupKind = Lsp.MarkupKind;
export type SymbolKind = Lsp.SymbolKind;
export type TextDocumentSyncKind = Lsp.TextDocumentSyncKind;
export type ResponseError<D = void> = Lsp.ResponseError<D>;
