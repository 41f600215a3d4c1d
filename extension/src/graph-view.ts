// The pipeline graph webview's contract and the pieces of it that need no VS Code: the HTML, the messages
// between the extension and the webview, and where a clicked node's block is.
import { randomBytes } from "node:crypto";

export type { GraphViewRequest, GraphViewUpdate } from "./webview/graph-view-messages";

/** A file as the server names it in graph nodes: a file-system path for `file:` documents, the URI otherwise. */
export type GraphFile = { readonly kind: "path"; readonly path: string } | { readonly kind: "uri"; readonly uri: string };

/** The block to reveal for a `reveal` message; line and column are 0-based, as in VS Code's `Position`. */
export interface RevealTarget {
  readonly file: GraphFile;
  readonly line: number;
  readonly column: number;
}

/** How the server names a file (its `checkerFilename`, reversed as in its `uriOfCheckerFile`). */
export function graphFileOf(name: string): GraphFile {
  return name.includes("://") || name.startsWith("untitled:") ? { kind: "uri", uri: name } : { kind: "path", path: name };
}

/** Where a message from the webview asks to go, or `undefined` when it is not a well-formed `reveal`. */
export function revealTargetOf(message: unknown): RevealTarget | undefined {
  if (typeof message !== "object" || message === null) return undefined;
  const { type, file, line, column } = message as Record<string, unknown>;
  if (type !== "reveal" || typeof file !== "string" || file === "") return undefined;
  if (!isPositiveInteger(line) || !isPositiveInteger(column)) return undefined;
  return { file: graphFileOf(file), line: line - 1, column: column - 1 };
}

const isPositiveInteger = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1;

/** The notice for syntax errors in the config: the server still draws what parsed. */
export function syntaxErrorNotice(count: number, firstMessage: string | undefined): string | undefined {
  if (count === 0) return undefined;
  const errors = count === 1 ? "a syntax error" : `${count} syntax errors`;
  return `The config has ${errors}: the graph shows what parsed.` + (firstMessage ? ` (${firstMessage})` : "");
}

/** The notice above a graph drawn one node per component name, or `undefined` for one drawn node by node. */
export function aggregatedNotice(components: number | undefined): string | undefined {
  if (components === undefined) return undefined;
  return `${components.toLocaleString("en-US")} components: drawn one node per component name (×count), edges merged. Click a node to open the first of them.`;
}

/** A fresh nonce for the webview's Content-Security-Policy. */
export function createNonce(): string {
  return randomBytes(18).toString("base64");
}

export interface GraphViewPage {
  /** The panel's title, shown while the graph loads. */
  readonly title: string;
  /** Allows the script and style elements that carry it, and no others. */
  readonly nonce: string;
  /** The webview's `cspSource`. */
  readonly cspSource: string;
  /** The webview script (src/webview/graph-view.ts, bundled). */
  readonly script: string;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The webview's page. Nothing remote and no inline code without the nonce: the SVG arrives later by
 * `postMessage` and is parsed as XML, so it cannot run script either. The theme's colours come from VS Code's
 * CSS variables; the graph's own background follows the editor's, with the legend in its foreground colour.
 */
export function graphViewHtml({ title, nonce, cspSource, script }: GraphViewPage): string {
  const csp = [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
  ].join("; ");
  // A closing tag inside the script would end the element early.
  const inlineScript = script.replace(/<\/(script)/gi, "<\\/$1");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(title)}</title>
<style nonce="${nonce}">
html, body { margin: 0; padding: 0; height: 100%; overflow: hidden; }
body { background: var(--vscode-editor-background); color: var(--vscode-foreground);
  font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); display: flex; flex-direction: column; }
#notice { padding: 6px 12px; border-bottom: 1px solid var(--vscode-panel-border, transparent); }
#notice[hidden] { display: none; }
#notice.warning { background: var(--vscode-inputValidation-warningBackground); }
#notice.error { background: var(--vscode-inputValidation-errorBackground); }
#notice.info { background: var(--vscode-inputValidation-infoBackground); }
#viewport { flex: 1; position: relative; overflow: hidden; cursor: grab; touch-action: none; }
#viewport.dragging { cursor: grabbing; }
#canvas { position: absolute; left: 0; top: 0; transform-origin: 0 0; }
#empty { padding: 12px; opacity: 0.8; }
#canvas > svg > rect:first-of-type { fill: var(--vscode-editor-background); }
#canvas .legend text { fill: var(--vscode-editor-foreground); }
#canvas .node { cursor: pointer; }
#canvas .node:hover > rect:first-of-type { stroke: var(--vscode-focusBorder); stroke-width: 2.5; }
#help { position: absolute; right: 8px; bottom: 6px; opacity: 0.6; font-size: 0.9em; pointer-events: none; }
</style>
</head>
<body>
<div id="notice" role="status" hidden></div>
<div id="viewport">
<div id="canvas"><div id="empty">${escapeHtml(title)}: loading the graph…</div></div>
<div id="help">click: open the block · wheel: zoom · drag: pan · double-click: fit</div>
</div>
<script nonce="${nonce}">${inlineScript}</script>
</body>
</html>
`;
}
