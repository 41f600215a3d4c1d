// The messages between the extension (src/graph-panel.ts) and the graph webview (graph-view.ts).

/** Messages the extension posts to the graph webview. */
export type GraphViewUpdate =
  /** The graph as SVG (from the language server's `alloy/graph`), with the number of nodes in it. */
  | { readonly type: "graph"; readonly svg: string; readonly nodeCount: number }
  /** A line above the graph (syntax errors, a failed request); `undefined` text clears it. */
  | { readonly type: "notice"; readonly text: string | undefined; readonly severity: "info" | "warning" | "error" };

/** Messages the graph webview posts to the extension. */
export type GraphViewRequest =
  /** The webview (re)loaded its page and waits for the graph. */
  | { readonly type: "ready" }
  /** A node was clicked: its `data-file`, `data-line` and `data-column` (1-based). */
  | { readonly type: "reveal"; readonly file: string; readonly line: number; readonly column: number };
