import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import {
  aggregatedNotice,
  createNonce,
  graphViewHtml,
  revealTargetOf,
  syntaxErrorNotice,
  type GraphFile,
  type GraphViewUpdate,
} from "./graph-view";

/** Replaced at build time (esbuild.mjs) with the bundled src/webview/graph-view.ts. */
declare const __ALLOY_GRAPH_VIEW_SCRIPT__: string;

/** The language server's `alloy/graph` answer (its features/graph.ts); only what the panel reads. */
interface GraphResult {
  readonly content: string;
  readonly graph: { readonly nodes: readonly unknown[] };
  /** Set for a config drawn one node per component name (more than the server draws one by one). */
  readonly aggregated?: { readonly components: number };
}

/** Milliseconds between the last edit and the new graph request. */
export const graphRefreshDelay = 300;

/**
 * The server draws the config a document belongs to: its folder (the document itself when it is not in one).
 * One panel per config, keyed by this.
 */
function configKey(uri: vscode.Uri): string {
  const slash = uri.path.lastIndexOf("/");
  return slash <= 0 || uri.scheme === "untitled" ? uri.toString() : uri.with({ path: uri.path.slice(0, slash) }).toString();
}

function uriOfGraphFile(file: GraphFile): vscode.Uri {
  return file.kind === "path" ? vscode.Uri.file(file.path) : vscode.Uri.parse(file.uri);
}

const isSyntaxError = (diagnostic: vscode.Diagnostic) => {
  const code = typeof diagnostic.code === "object" ? diagnostic.code.value : diagnostic.code;
  return diagnostic.severity === vscode.DiagnosticSeverity.Error && String(code ?? "").startsWith("parse/");
};

/** The "Alloy: Show Pipeline Graph" panels, one per config, and the events that refresh them. */
export class PipelineGraphPanels implements vscode.Disposable {
  private readonly panels = new Map<string, PipelineGraphPanel>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly client: LanguageClient) {
    this.subscriptions = [
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.panelOf(event.document)?.scheduleRefresh(graphRefreshDelay);
      }),
      vscode.workspace.onDidSaveTextDocument((document) => this.panelOf(document)?.scheduleRefresh(0)),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const keys = new Set(event.uris.map(configKey));
        for (const [key, panel] of this.panels) if (keys.has(key)) panel.updateSyntaxNotice();
      }),
    ];
  }

  /** Opens the graph of `document`'s config beside `editorColumn`, or reveals it when already open. */
  show(document: vscode.TextDocument, editorColumn: vscode.ViewColumn | undefined): void {
    const key = configKey(document.uri);
    const open = this.panels.get(key);
    if (open) {
      open.reveal();
      return;
    }
    const panel = new PipelineGraphPanel(this.client, document.uri, editorColumn ?? vscode.ViewColumn.One, () =>
      this.panels.delete(key),
    );
    this.panels.set(key, panel);
  }

  private panelOf(document: vscode.TextDocument): PipelineGraphPanel | undefined {
    return document.languageId === "alloy" ? this.panels.get(configKey(document.uri)) : undefined;
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    for (const panel of [...this.panels.values()]) panel.dispose();
  }
}

/** One webview panel showing the graph of the config `anchor` belongs to. */
class PipelineGraphPanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private readonly subscriptions: vscode.Disposable[] = [];
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** Increases with each request: an older answer that arrives late is dropped. */
  private requestCount = 0;
  private lastGraph: GraphViewUpdate | undefined;
  private requestError: string | undefined;
  /** What the notice says of an aggregated graph, when it is one. */
  private aggregatedNotice: string | undefined;
  private disposed = false;

  constructor(
    private readonly client: LanguageClient,
    private readonly anchor: vscode.Uri,
    private readonly editorColumn: vscode.ViewColumn,
    private readonly onDispose: () => void,
  ) {
    const folder = anchor.path.split("/").slice(-2, -1)[0] || anchor.path.split("/").pop() || "config";
    const title = `Alloy graph: ${folder}`;
    this.panel = vscode.window.createWebviewPanel(
      "alloy.pipelineGraph",
      title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [] },
    );
    const webview = this.panel.webview;
    webview.html = graphViewHtml({ title, nonce: createNonce(), cspSource: webview.cspSource, script: __ALLOY_GRAPH_VIEW_SCRIPT__ });
    this.subscriptions.push(
      webview.onDidReceiveMessage((message) => this.onMessage(message)),
      this.panel.onDidDispose(() => this.dispose()),
    );
    void this.refresh();
  }

  reveal(): void {
    this.panel.reveal(undefined, true);
    this.scheduleRefresh(0);
  }

  scheduleRefresh(delay: number): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), delay);
  }

  private async refresh(): Promise<void> {
    const request = ++this.requestCount;
    try {
      const result = await this.client.sendRequest<GraphResult>("alloy/graph", { uri: this.anchor.toString(), format: "svg" });
      if (request !== this.requestCount) return;
      this.requestError = undefined;
      this.aggregatedNotice = aggregatedNotice(result.aggregated?.components);
      this.lastGraph = { type: "graph", svg: result.content, nodeCount: result.graph.nodes.length };
      await this.post(this.lastGraph);
    } catch (error) {
      if (request !== this.requestCount) return;
      this.requestError = `The graph could not be built: ${error instanceof Error ? error.message : String(error)}`;
    }
    this.updateSyntaxNotice();
  }

  /** Shows a failed request, else the config's syntax errors, else that the graph is aggregated, else nothing. */
  updateSyntaxNotice(): void {
    if (this.requestError !== undefined) {
      void this.post({ type: "notice", text: this.requestError, severity: "error" });
      return;
    }
    const key = configKey(this.anchor);
    const errors = vscode.languages
      .getDiagnostics()
      .filter(([uri]) => configKey(uri) === key)
      .flatMap(([, diagnostics]) => diagnostics.filter(isSyntaxError));
    const syntax = syntaxErrorNotice(errors.length, errors[0]?.message);
    if (syntax === undefined && this.aggregatedNotice !== undefined) void this.post({ type: "notice", text: this.aggregatedNotice, severity: "info" });
    else void this.post({ type: "notice", text: syntax, severity: "warning" });
  }

  private async onMessage(message: unknown): Promise<void> {
    if (typeof message === "object" && message !== null && (message as { type?: unknown }).type === "ready") {
      // The page (re)loaded: after creation, or when the panel is shown again after being hidden.
      if (this.lastGraph) await this.post(this.lastGraph);
      this.updateSyntaxNotice();
      return;
    }
    const target = revealTargetOf(message);
    if (target === undefined) return;
    const uri = uriOfGraphFile(target.file);
    const position = new vscode.Position(target.line, target.column);
    const column = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())?.viewColumn;
    try {
      const editor = await vscode.window.showTextDocument(uri, {
        viewColumn: column ?? this.editorColumn,
        selection: new vscode.Range(position, position),
      });
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch (error) {
      await vscode.window.showErrorMessage(`Cannot open ${uri.fsPath || uri.toString()}: ${String(error)}`);
    }
  }

  private async post(message: GraphViewUpdate): Promise<void> {
    if (this.disposed) return;
    await this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.refreshTimer);
    this.requestCount++;
    for (const subscription of this.subscriptions) subscription.dispose();
    this.subscriptions.length = 0;
    this.onDispose();
    this.panel.dispose();
  }
}
