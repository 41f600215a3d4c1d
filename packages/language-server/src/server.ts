import { getCatalog } from "@alloy-toolkit/catalog";
import type { CancellationToken, Connection, InitializeParams, InitializeResult, ServerCapabilities } from "vscode-languageserver";
import { DidChangeConfigurationNotification, ErrorCodes, LSPErrorCodes, ResponseError, TextDocumentSyncKind } from "./lsp.js";
import { URI } from "vscode-uri";
import { DiagnosticsScheduler } from "./diagnostics-scheduler.js";
import type { ParsedDocument } from "./documents.js";
import type { FeatureContext } from "./feature-context.js";
import { codeAction, formatDocumentKind } from "./features/code-action.js";
import { completion, resolveCompletionItem } from "./features/completion.js";
import { definition } from "./features/definition.js";
import { documentLink } from "./features/document-link.js";
import { documentSymbol } from "./features/document-symbol.js";
import { foldingRange } from "./features/folding-range.js";
import { formatting } from "./features/formatting.js";
import { graphFormats, pipelineGraph, type GraphParams } from "./features/graph.js";
import { hover } from "./features/hover.js";
import { inlayHint } from "./features/inlay-hint.js";
import { rangeFormatting } from "./features/range-formatting.js";
import { references } from "./features/references.js";
import { prepareRename, rename } from "./features/rename.js";
import { selectionRange } from "./features/selection-range.js";
import { semanticTokenModifiers, semanticTokenTypes, semanticTokens } from "./features/semantic-tokens.js";
import { signatureHelp } from "./features/signature-help.js";
import { workspaceSymbol } from "./features/workspace-symbol.js";
import { mergeSettings } from "./settings.js";
import { isAlloyPath, Workspace } from "./workspace.js";

/** A feature answering a request about one document. */
type DocumentFeature<P, R> = (doc: ParsedDocument, params: P, ctx: FeatureContext) => R;

interface Registration {
  readonly capabilities: Partial<ServerCapabilities>;
  readonly register: (connection: Connection, bind: Binder) => void;
}

interface Binder {
  document<P extends { textDocument: { uri: string } }, R>(feature: DocumentFeature<P, R>, empty: R): (params: P, token: CancellationToken) => R;
  workspace<P, R>(feature: (params: P, ctx: FeatureContext) => R): (params: P, token: CancellationToken) => R;
}

/**
 * Every LSP feature the server offers: its capability and how its handler is wired. The capability list
 * sent to the client is built from this table, so a feature is advertised exactly when it is registered.
 */
const registrations: readonly Registration[] = [
  { capabilities: { hoverProvider: true }, register: (c, b) => c.onHover(b.document(hover, null)) },
  {
    capabilities: { completionProvider: { triggerCharacters: [".", '"'], resolveProvider: true } },
    register: (c, b) => {
      c.onCompletion(b.document(completion, { isIncomplete: false, items: [] }));
      c.onCompletionResolve(b.workspace((item, ctx) => resolveCompletionItem(item, ctx)));
    },
  },
  { capabilities: { signatureHelpProvider: { triggerCharacters: ["(", ","] } }, register: (c, b) => c.onSignatureHelp(b.document(signatureHelp, null)) },
  { capabilities: { definitionProvider: true }, register: (c, b) => c.onDefinition(b.document(definition, [])) },
  { capabilities: { referencesProvider: true }, register: (c, b) => c.onReferences(b.document(references, [])) },
  {
    capabilities: { renameProvider: { prepareProvider: true } },
    register: (c, b) => {
      c.onPrepareRename(b.document(prepareRename, null));
      c.onRenameRequest(b.document(rename, null));
    },
  },
  { capabilities: { documentSymbolProvider: true }, register: (c, b) => c.onDocumentSymbol(b.document(documentSymbol, [])) },
  { capabilities: { workspaceSymbolProvider: true }, register: (c, b) => c.onWorkspaceSymbol(b.workspace(workspaceSymbol)) },
  { capabilities: { foldingRangeProvider: true }, register: (c, b) => c.onFoldingRanges(b.document(foldingRange, [])) },
  { capabilities: { selectionRangeProvider: true }, register: (c, b) => c.onSelectionRanges(b.document(selectionRange, [])) },
  { capabilities: { documentLinkProvider: { resolveProvider: false } }, register: (c, b) => c.onDocumentLinks(b.document(documentLink, [])) },
  {
    capabilities: {
      semanticTokensProvider: { legend: { tokenTypes: [...semanticTokenTypes], tokenModifiers: [...semanticTokenModifiers] }, full: true },
    },
    register: (c, b) => c.languages.semanticTokens.on(b.document(semanticTokens, { data: [] })),
  },
  { capabilities: { inlayHintProvider: true }, register: (c, b) => c.languages.inlayHint.on(b.document(inlayHint, [])) },
  { capabilities: { documentFormattingProvider: true }, register: (c, b) => c.onDocumentFormatting(b.document(formatting, [])) },
  { capabilities: { documentRangeFormattingProvider: true }, register: (c, b) => c.onDocumentRangeFormatting(b.document(rangeFormatting, [])) },
  {
    capabilities: { codeActionProvider: { codeActionKinds: ["quickfix", formatDocumentKind] } },
    register: (c, b) => c.onCodeAction(b.document(codeAction, [])),
  },
  {
    // Custom request: the pipeline graph of the config a document belongs to (README, "alloy/graph").
    capabilities: { experimental: { alloyGraphProvider: { formats: graphFormats } } },
    register: (c, b) =>
      c.onRequest(
        "alloy/graph",
        b.workspace((params: GraphParams, ctx) => {
          if (typeof params.uri !== "string") throw new ResponseError(ErrorCodes.InvalidParams, "params.uri is missing");
          if (params.format !== undefined && !graphFormats.includes(params.format)) {
            throw new ResponseError(ErrorCodes.InvalidParams, `params.format must be one of ${graphFormats.join(", ")}`);
          }
          return pipelineGraph(params, ctx);
        }),
      ),
  },
];

/** How long no diagnostics run must have been pending before the server reads the whole catalog. */
const CATALOG_AFTER_QUIET_MS = 1_500;

/**
 * Wires the features to a connection and keeps the workspace in sync with the client.
 */
export function startServer(connection: Connection): void {
  const workspace = new Workspace();
  /** After the first diagnostics, the whole catalog is read once typing pauses. */
  let firstDiagnosticsSent = false;
  const scheduler = new DiagnosticsScheduler(workspace, (uri, diagnostics, version) => {
    const sent = connection.sendDiagnostics({ uri, diagnostics, ...(version !== undefined ? { version } : {}) });
    if (!firstDiagnosticsSent) {
      firstDiagnosticsSent = true;
      // After the message is written, not before: the client should see the diagnostics first.
      void sent.then(() => scheduler.whenQuiet(CATALOG_AFTER_QUIET_MS, readWholeCatalog), () => undefined);
    }
  });
  /**
   * The checker reads only the catalog records of the components a config uses, which keeps the first
   * diagnostics quick. Completion lists every component, so the server reads the rest of the catalog once
   * when typing pauses, or at the first completion that needs it. Not right after the first
   * diagnostics: its several MB of new objects made V8's young-generation collections slow during the
   * first edits.
   */
  const readWholeCatalog = () => {
    try {
      getCatalog(workspace.settings.alloyVersion);
    } catch (error) {
      connection.console.error(`could not read the catalog: ${String(error instanceof Error ? error.stack : error)}`);
    }
  };
  scheduler.onError = (error) => connection.console.error(`diagnostics failed: ${String(error instanceof Error ? error.stack : error)}`);
  let pullConfiguration = false;
  let shuttingDown = false;

  const context = (token: CancellationToken): FeatureContext => ({ workspace, token });
  const guard = (token: CancellationToken) => {
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, "request cancelled");
  };
  const binder: Binder = {
    document: (feature, empty) => (params, token) => {
      guard(token);
      const uri = params?.textDocument?.uri;
      if (typeof uri !== "string") throw new ResponseError(ErrorCodes.InvalidParams, "params.textDocument.uri is missing");
      const doc = workspace.documents.get(uri);
      if (!doc) return empty;
      return feature(doc, params, context(token));
    },
    workspace: (feature) => (params, token) => {
      guard(token);
      if (params === undefined || params === null) throw new ResponseError(ErrorCodes.InvalidParams, "params are missing");
      return feature(params, context(token));
    },
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    workspace.settings = mergeSettings(workspace.settings, params.initializationOptions);
    workspace.folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (workspace.folders.length === 0 && params.rootUri) workspace.folders = [params.rootUri];
    pullConfiguration = params.capabilities.workspace?.configuration === true;
    const capabilities: ServerCapabilities = {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    };
    for (const registration of registrations) Object.assign(capabilities, registration.capabilities);
    return { capabilities, serverInfo: { name: "alloy-language-server", version: "0.1.0" } };
  });

  connection.onInitialized(async () => {
    if (pullConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: "alloy" }).catch(() => undefined);
      await refreshConfiguration();
    }
    // The documents opened with the workspace go first; the other files once their diagnostics are out.
    setImmediate(() => scheduler.whenIdle(scheduleWorkspace));
  });

  const refreshConfiguration = async () => {
    if (!pullConfiguration) return;
    try {
      const [section] = (await connection.workspace.getConfiguration([{ section: "alloy" }])) as unknown[];
      workspace.settings = mergeSettings(workspace.settings, section);
    } catch (error) {
      connection.console.warn(`could not read the alloy settings: ${String(error)}`);
    }
  };

  /** Diagnostics for every config folder and values file of the workspace, not only the open ones. */
  const scheduleWorkspace = () => {
    const files = workspace.workspaceFiles();
    const seen = new Set<string>();
    for (const uri of files.alloy) {
      const key = workspace.configKeyOf(uri);
      if (seen.has(key)) continue;
      seen.add(key);
      if (!scheduler.isScheduled(uri)) scheduler.schedule(uri, 0);
    }
    for (const uri of files.values) if (!scheduler.isScheduled(uri)) scheduler.schedule(uri, 0);
  };

  connection.onDidChangeConfiguration(async (params) => {
    const settings = (params.settings as Record<string, unknown> | undefined)?.alloy ?? params.settings;
    workspace.settings = mergeSettings(workspace.settings, settings);
    await refreshConfiguration();
    workspace.touch();
    for (const uri of workspace.documents.openUris()) scheduler.schedule(uri, 0);
  });

  connection.onDidOpenTextDocument(({ textDocument }) => {
    workspace.documents.openDocument(textDocument.uri, textDocument.languageId, textDocument.version, textDocument.text);
    workspace.touch();
    scheduler.schedule(textDocument.uri, 0);
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    if (!workspace.documents.changeDocument(textDocument.uri, textDocument.version, contentChanges)) return;
    workspace.touch();
    scheduler.schedule(textDocument.uri);
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    workspace.documents.closeDocument(textDocument.uri);
    workspace.touch();
    const inWorkspace = workspace.workspaceFiles().alloy.includes(textDocument.uri) || workspace.workspaceFiles().values.includes(textDocument.uri);
    if (inWorkspace) scheduler.schedule(textDocument.uri, 0);
    else {
      scheduler.clear(textDocument.uri);
      const siblings = workspace.documents.openUris().find((u) => workspace.configKeyOf(u) === workspace.configKeyOf(textDocument.uri));
      if (siblings) scheduler.schedule(siblings, 0);
    }
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) workspace.documents.invalidate(change.uri);
    workspace.touch();
    for (const change of changes) {
      if (isAlloyPath(URI.parse(change.uri).path) || workspace.isValuesFile(change.uri)) scheduler.schedule(change.uri, 0);
    }
  });

  for (const registration of registrations) registration.register(connection, binder);

  connection.onShutdown(() => {
    shuttingDown = true;
    scheduler.dispose();
  });
  connection.onExit(() => {
    scheduler.dispose();
    process.exit(shuttingDown ? 0 : 1);
  });

  connection.listen();
}
