import { getCatalog } from "@alloy-toolkit/catalog";
import type {
  CancellationToken,
  Connection,
  InitializeParams,
  InitializeResult,
  Position,
  Range,
  ServerCapabilities,
} from "vscode-languageserver";
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentFormattingRequest,
  DocumentRangeFormattingRequest,
  ErrorCodes,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
} from "./lsp.js";
import { readClientSupport } from "./client-capabilities.js";
import { DiagnosticsScheduler } from "./diagnostics-scheduler.js";
import type { ParsedDocument } from "./documents.js";
import type { EmbeddedConfig } from "./embedded-config.js";
import type { FeatureContext } from "./feature-context.js";
import { codeAction, formatDocumentKind } from "./features/code-action.js";
import { completion, resolveCompletionItem } from "./features/completion.js";
import { definition } from "./features/definition.js";
import { documentHighlight } from "./features/document-highlight.js";
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
import { SemanticTokensCache, semanticTokenLegend, semanticTokens, semanticTokensDelta, semanticTokensRange } from "./features/semantic-tokens.js";
import { signatureHelp } from "./features/signature-help.js";
import { workspaceSymbol } from "./features/workspace-symbol.js";
import { ServerFileWatcher } from "./file-watcher.js";
import { mergeSettings } from "./settings.js";
import { Workspace } from "./workspace.js";

/** A feature answering a request about one document. */
type DocumentFeature<P, R> = (doc: ParsedDocument, params: P, ctx: FeatureContext) => R | Promise<R>;

/**
 * What a feature does in Kubernetes YAML holding Alloy configs (ConfigMap keys, chart values' content…): run on
 * the config at the request's position (positions moved in, the answer moved back; a request with a range only
 * runs on every config, answers joined), run on each config and join the answers (`all`: document symbols), run
 * on the YAML file itself (code actions apply the fixes its diagnostics carry), or nothing (the default).
 */
type InValues = "embedded" | "all" | "host" | "none";

interface Registration {
  readonly capabilities: Partial<ServerCapabilities>;
  /** Registered dynamically, for Alloy documents only, when the client allows (formatting: never YAML). */
  readonly dynamic?: (support: ReturnType<typeof readClientSupport>) => { type: typeof DocumentFormattingRequest.type | typeof DocumentRangeFormattingRequest.type; options: { documentSelector: typeof alloyDocuments } } | undefined;
  readonly register: (connection: Connection, bind: Binder) => void;
}

interface Binder {
  document<P extends { textDocument: { uri: string } }, R>(feature: DocumentFeature<P, R>, empty: R, inValues?: InValues): (params: P, token: CancellationToken) => R | Promise<R>;
  workspace<P, R>(feature: (params: P, ctx: FeatureContext) => R): (params: P, token: CancellationToken) => R;
}

/** The documents formatting applies to: Alloy files, never the YAML the server also reads. */
const alloyDocuments = [{ language: "alloy" }, { pattern: "**/*.{alloy,river}" }];

/**
 * Every LSP feature the server offers: its capability and how its handler is wired. The capability list
 * sent to the client is built from this table, so a feature is advertised exactly when it is registered.
 */
const registrations: readonly Registration[] = [
  { capabilities: { hoverProvider: true }, register: (c, b) => c.onHover(b.document(hover, null, "embedded")) },
  {
    capabilities: { completionProvider: { triggerCharacters: [".", '"'], resolveProvider: true } },
    register: (c, b) => {
      c.onCompletion(b.document(completion, { isIncomplete: false, items: [] }, "embedded"));
      c.onCompletionResolve(b.workspace((item, ctx) => resolveCompletionItem(item, ctx)));
    },
  },
  { capabilities: { signatureHelpProvider: { triggerCharacters: ["(", ","] } }, register: (c, b) => c.onSignatureHelp(b.document(signatureHelp, null, "embedded")) },
  { capabilities: { definitionProvider: true }, register: (c, b) => c.onDefinition(b.document(definition, [], "embedded")) },
  { capabilities: { referencesProvider: true }, register: (c, b) => c.onReferences(b.document(references, [], "embedded")) },
  { capabilities: { documentHighlightProvider: true }, register: (c, b) => c.onDocumentHighlight(b.document(documentHighlight, [], "embedded")) },
  {
    capabilities: { renameProvider: { prepareProvider: true } },
    register: (c, b) => {
      c.onPrepareRename(b.document(prepareRename, null, "embedded"));
      c.onRenameRequest(b.document(rename, null, "embedded"));
    },
  },
  { capabilities: { documentSymbolProvider: true }, register: (c, b) => c.onDocumentSymbol(b.document(documentSymbol, [], "all")) },
  { capabilities: { workspaceSymbolProvider: true }, register: (c, b) => c.onWorkspaceSymbol(b.workspace(workspaceSymbol)) },
  { capabilities: { foldingRangeProvider: true }, register: (c, b) => c.onFoldingRanges(b.document(foldingRange, [])) },
  { capabilities: { selectionRangeProvider: true }, register: (c, b) => c.onSelectionRanges(b.document(selectionRange, [])) },
  { capabilities: { documentLinkProvider: { resolveProvider: false } }, register: (c, b) => c.onDocumentLinks(b.document(documentLink, [])) },
  {
    capabilities: { semanticTokensProvider: { legend: semanticTokenLegend, full: { delta: true }, range: true } },
    register: (c, b) => {
      c.languages.semanticTokens.on(b.document(semanticTokens, { data: [] }));
      c.languages.semanticTokens.onDelta(b.document(semanticTokensDelta, { data: [] }));
      c.languages.semanticTokens.onRange(b.document(semanticTokensRange, { data: [] }));
    },
  },
  { capabilities: { inlayHintProvider: true }, register: (c, b) => c.languages.inlayHint.on(b.document(inlayHint, [], "embedded")) },
  {
    capabilities: { documentFormattingProvider: true },
    dynamic: (support) =>
      support.dynamicRegistration.formatting ? { type: DocumentFormattingRequest.type, options: { documentSelector: alloyDocuments } } : undefined,
    register: (c, b) => c.onDocumentFormatting(b.document(formatting, [])),
  },
  {
    capabilities: { documentRangeFormattingProvider: true },
    dynamic: (support) =>
      support.dynamicRegistration.rangeFormatting ? { type: DocumentRangeFormattingRequest.type, options: { documentSelector: alloyDocuments } } : undefined,
    register: (c, b) => c.onDocumentRangeFormatting(b.document(rangeFormatting, [])),
  },
  {
    capabilities: { codeActionProvider: { codeActionKinds: ["quickfix", formatDocumentKind] } },
    register: (c, b) => c.onCodeAction(b.document(codeAction, [], "host")),
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
  const semanticTokensCache = new SemanticTokensCache();
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
      const catalog = getCatalog(workspace.settings.alloyVersion);
      // Schemas read their lists on first use; completion's list reads every component's.
      for (const schema of [...catalog.components, ...catalog.configBlocks]) void schema.attributes;
    } catch (error) {
      connection.console.error(`could not read the catalog: ${String(error instanceof Error ? error.stack : error)}`);
    }
  };
  scheduler.onError = (error) => connection.console.error(`diagnostics failed: ${String(error instanceof Error ? error.stack : error)}`);
  let shuttingDown = false;
  let fileWatcher: ServerFileWatcher | undefined;

  const context = (token: CancellationToken): FeatureContext => ({ workspace, token, semanticTokens: semanticTokensCache });
  const guard = (token: CancellationToken) => {
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, "request cancelled");
  };

  /** Runs a feature on an Alloy config inside a YAML document: the request's positions and the answer moved. */
  const inEmbedded = <P, R>(embedded: EmbeddedConfig, feature: DocumentFeature<P, R>, params: P, token: CancellationToken): R | Promise<R> | undefined => {
    const moved = moveParams(params, embedded);
    if (moved === undefined) return undefined;
    const answer = feature(embedded.document, moved, context(token));
    return answer instanceof Promise ? answer.then((a) => embedded.toHostAnswer(a)) : embedded.toHostAnswer(answer);
  };

  /** A feature's answer in a YAML document: on the config at the position, or on each config, answers joined. */
  const inYaml = <P, R>(configs: readonly EmbeddedConfig[], feature: DocumentFeature<P, R>, params: P, empty: R, inValues: InValues, token: CancellationToken): R | Promise<R> => {
    const position = (params as { position?: Position }).position;
    if (inValues === "embedded" && position) {
      for (const embedded of configs) {
        if (embedded.toEmbedded(position) === undefined) continue;
        return inEmbedded(embedded, feature, params, token) ?? empty;
      }
      return empty;
    }
    const answers = configs.map((embedded) => (inValues === "all" ? inEmbedded(embedded, feature, withoutPositions(params), token) : inEmbedded(embedded, feature, params, token)));
    const join = (all: (R | undefined)[]): R => {
      const lists = all.filter((a): a is R => Array.isArray(a));
      return lists.length > 0 ? (lists.flat() as R) : (all.find((a) => a !== undefined) ?? empty);
    };
    return answers.some((a) => a instanceof Promise) ? Promise.all(answers).then(join) : join(answers as (R | undefined)[]);
  };

  const binder: Binder = {
    document: (feature, empty, inValues = "none") => (params, token) => {
      guard(token);
      const uri = params?.textDocument?.uri;
      if (typeof uri !== "string") throw new ResponseError(ErrorCodes.InvalidParams, "params.textDocument.uri is missing");
      const doc = workspace.documents.get(uri);
      if (!doc || doc.tooLarge !== undefined) return empty;
      if (workspace.isAlloy(uri)) return feature(doc, params, context(token));
      if (inValues === "none" || !workspace.isYamlCandidate(uri)) return empty;
      const answer = () => {
        const configs = workspace.embeddedConfigs(doc) ?? [];
        if (configs.length === 0) return empty;
        return inValues === "host" ? feature(doc, params, context(token)) : inYaml(configs, feature, params, empty, inValues, token);
      };
      // YAML is read with the deployment checks' parser, loaded on first use.
      return workspace.embeddedConfigs(doc) === undefined ? workspace.loadDeployment().then(answer) : answer();
    },
    workspace: (feature) => (params, token) => {
      guard(token);
      if (params === undefined || params === null) throw new ResponseError(ErrorCodes.InvalidParams, "params are missing");
      return feature(params, context(token));
    },
  };

  /** Settings problems are shown once each (a client sending the same invalid value again is not nagged). */
  const shownProblems = new Set<string>();
  const applySettings = (input: unknown): boolean => {
    const { settings, problems } = mergeSettings(workspace.settings, input);
    for (const problem of problems) {
      if (shownProblems.has(problem)) continue;
      shownProblems.add(problem);
      void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `Alloy: ${problem}` });
    }
    if (settings === workspace.settings) return false;
    const globsChanged = settings.valuesFiles !== workspace.settings.valuesFiles;
    workspace.settings = settings;
    if (globsChanged) workspace.filesChanged();
    else workspace.touch();
    return true;
  };
  let pendingSettingsProblems: unknown;

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    workspace.client = readClientSupport(params.capabilities);
    workspace.documents.encoding = workspace.client.positionEncoding;
    // Shown once the client is initialized (notifications before that are not for every client).
    pendingSettingsProblems = params.initializationOptions;
    workspace.settings = mergeSettings(workspace.settings, params.initializationOptions).settings;
    const folders = (params.workspaceFolders ?? []).map((f) => f.uri);
    if (folders.length === 0 && params.rootUri) folders.push(params.rootUri);
    const refused = workspace.setFolders(folders);
    for (const uri of refused) connection.console.warn(`ignoring workspace folder ${uri}: not a local folder the server can walk`);
    const capabilities: ServerCapabilities = {
      positionEncoding: workspace.client.positionEncoding,
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    };
    for (const registration of registrations) {
      if (registration.dynamic?.(workspace.client)) continue;
      Object.assign(capabilities, registration.capabilities);
    }
    return { capabilities, serverInfo: { name: "alloy-language-server", version: "0.1.0" } };
  });

  connection.onInitialized(async () => {
    const support = workspace.client;
    for (const registration of registrations) {
      const dynamic = registration.dynamic?.(support);
      if (dynamic) void connection.client.register(dynamic.type as typeof DocumentFormattingRequest.type, dynamic.options).catch(logRegistrationFailure);
    }
    if (support.dynamicRegistration.configuration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: "alloy" }).catch(logRegistrationFailure);
    }
    if (support.dynamicRegistration.watchedFiles) {
      const watchers = ["**/*.alloy", "**/*.river", "**/*.yaml", "**/*.yml"].map((globPattern) => ({ globPattern }));
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).catch(logRegistrationFailure);
    } else {
      // The client watches nothing for us: the server watches the folders holding configs and values files.
      fileWatcher = new ServerFileWatcher(onFilesChanged);
    }
    if (workspace.folders.length > 0 && support.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        const gone = new Set(removed.map((f) => f.uri));
        workspace.setFolders([...workspace.folders.filter((u) => !gone.has(u)), ...added.map((f) => f.uri)]);
        scheduleWorkspace();
      });
    }
    applySettings(pendingSettingsProblems);
    if (support.configurationPull) await refreshConfiguration();
    // The documents opened with the workspace go first; the other files once their diagnostics are out.
    setImmediate(() => scheduler.whenIdle(scheduleWorkspace));
  });

  const logRegistrationFailure = (error: unknown) => connection.console.warn(`registration refused: ${String(error)}`);

  const refreshConfiguration = async (): Promise<boolean> => {
    if (!workspace.client.configurationPull) return false;
    try {
      const [section] = (await connection.workspace.getConfiguration([{ section: "alloy" }])) as unknown[];
      return applySettings(section);
    } catch (error) {
      connection.console.warn(`could not read the alloy settings: ${String(error)}`);
      return false;
    }
  };

  /**
   * Diagnostics for every config folder and Kubernetes input (a folder's YAML) of the workspace, not only the open ones (unless the
   * `diagnosticsScope` setting says open files only), with progress while they are made.
   */
  const scheduleWorkspace = () => {
    if (workspace.settings.diagnosticsScope !== "workspace") return;
    const files = workspace.workspaceFiles();
    fileWatcher?.watch([...files.alloy, ...files.yaml]);
    const seen = new Set<string>();
    const queued: string[] = [];
    for (const uri of files.alloy) {
      const key = workspace.configKeyOf(uri);
      if (seen.has(key)) continue;
      seen.add(key);
      queued.push(uri);
    }
    for (const uri of files.yaml) {
      const key = workspace.inputKeyOf(uri);
      if (seen.has(key)) continue;
      seen.add(key);
      queued.push(uri);
    }
    const todo = queued.filter((uri) => !scheduler.isScheduled(uri));
    if (todo.length === 0) return;
    void reportProgress(todo.length);
    for (const uri of todo) scheduler.schedule(uri, 0);
  };

  /** `$/progress` while the workspace's files are checked, when the client shows it. */
  const reportProgress = async (total: number) => {
    if (!workspace.client.workDoneProgress) return;
    const progress = await connection.window.createWorkDoneProgress();
    progress.begin("Alloy: checking the workspace", 0, `${total} configs and values files`, false);
    let done = 0;
    const unsubscribe = scheduler.onRunEnd(() => {
      done = Math.min(total, done + 1);
      progress.report(Math.round((done / total) * 100), `${done}/${total}`);
    });
    scheduler.whenIdle(() => {
      unsubscribe();
      progress.done();
    });
  };

  connection.onDidChangeConfiguration(async (params) => {
    const settings = (params.settings as Record<string, unknown> | undefined)?.alloy ?? params.settings;
    const changed = applySettings(settings);
    const pulled = await refreshConfiguration();
    // An unchanged configuration runs nothing again.
    if (!changed && !pulled) return;
    semanticTokensCache.clear();
    for (const uri of workspace.documents.openUris()) scheduler.schedule(uri, 0);
    scheduler.whenIdle(scheduleWorkspace);
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

  connection.onDidSaveTextDocument(({ textDocument }) => {
    // The text is the editor's already; the saved file is what imports and sibling configs read from disk.
    workspace.documents.invalidate(textDocument.uri);
    workspace.touch();
    scheduler.schedule(textDocument.uri, 0);
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    const uri = textDocument.uri;
    workspace.documents.closeDocument(uri);
    workspace.touch();
    semanticTokensCache.forget(uri);
    const files = workspace.workspaceFiles();
    const inWorkspace = workspace.settings.diagnosticsScope === "workspace" && (files.alloy.includes(uri) || files.yaml.includes(uri));
    if (inWorkspace) scheduler.schedule(uri, 0);
    else {
      scheduler.clear(uri);
      const sibling = workspace.documents.openUris().find((u) => workspace.configKeyOf(u) === workspace.configKeyOf(uri));
      if (sibling) scheduler.schedule(sibling, 0);
    }
  });

  /** Files changed on disk (a `git checkout`): their copies are read again and their configs checked again. */
  const onFilesChanged = (uris: readonly string[]) => {
    for (const uri of uris) workspace.documents.invalidate(uri);
    workspace.filesChanged();
    for (const uri of uris) {
      if (workspace.isAlloy(uri) || workspace.isYamlCandidate(uri)) scheduler.schedule(uri, 0);
      else for (const input of workspace.inputsAffectedBy(uri)) scheduler.schedule(input, 0);
    }
    // Open documents of other configs may import a changed module.
    for (const uri of workspace.documents.openUris()) if (!uris.includes(uri)) scheduler.schedule(uri);
  };
  connection.onDidChangeWatchedFiles(({ changes }) => onFilesChanged(changes.map((c) => c.uri)));

  for (const registration of registrations) registration.register(connection, binder);

  connection.onShutdown(() => {
    shuttingDown = true;
    scheduler.dispose();
    fileWatcher?.dispose();
  });
  connection.onExit(() => {
    scheduler.dispose();
    fileWatcher?.dispose();
    process.exit(shuttingDown ? 0 : 1);
  });

  connection.listen();
}

/** A request without its positions (a document-wide question asked of each config). */
function withoutPositions<P>(params: P): P {
  const { position: _position, range: _range, ...rest } = params as unknown as { position?: Position; range?: Range };
  return rest as P;
}

/** A request's positions (`position`, `range`) moved into an embedded config; `undefined` when outside it. */
function moveParams<P>(params: P, embedded: EmbeddedConfig): P | undefined {
  const record = params as unknown as { textDocument: { uri: string }; position?: Position; range?: Range };
  const moved: Record<string, unknown> = { ...record, textDocument: { ...record.textDocument, uri: embedded.document.uri } };
  if (record.position) {
    const position = embedded.toEmbedded(record.position);
    if (!position) return undefined;
    moved.position = position;
  }
  if (record.range) {
    // A range over the YAML file (the visible lines, for inlay hints) covers the whole config.
    const lines = embedded.document.lsp;
    moved.range = {
      start: embedded.toEmbedded(record.range.start) ?? lines.position(0),
      end: embedded.toEmbedded(record.range.end) ?? lines.position(lines.text.length),
    };
  }
  return moved as P;
}
