// Runs inside the pipeline graph webview (bundled by esbuild.mjs and inlined into the page under a nonce):
// shows the SVG the extension posts, pans and zooms it, and asks the extension to reveal a clicked node.
import type { GraphViewRequest, GraphViewUpdate } from "./graph-view-messages";

interface VsCodeApi {
  postMessage(message: GraphViewRequest): void;
  getState(): ViewState | undefined;
  setState(state: ViewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** Pan (pixels) and zoom of the graph; kept in the webview state so it survives the panel being hidden. */
interface ViewState {
  x: number;
  y: number;
  scale: number;
}

const vscode = acquireVsCodeApi();
const viewport = document.getElementById("viewport")!;
const canvas = document.getElementById("canvas")!;
const notice = document.getElementById("notice")!;

const minScale = 0.1;
const maxScale = 8;
/** Pointer travel (pixels) after which a press is a drag, not a click. */
const dragThreshold = 4;

let view: ViewState | undefined = vscode.getState();

function applyView(): void {
  if (view === undefined) return;
  canvas.style.transform = `translate(${view.x}px, ${view.y}px) scale(${view.scale})`;
  vscode.setState(view);
}

/** Scales the graph down to fit the panel (never up) and centres it. */
function fitToViewport(): void {
  const svg = canvas.querySelector("svg");
  if (!svg) return;
  const width = svg.width.baseVal.value || 1;
  const height = svg.height.baseVal.value || 1;
  const bounds = viewport.getBoundingClientRect();
  const scale = Math.min(1, bounds.width / width, bounds.height / height);
  view = { scale, x: (bounds.width - width * scale) / 2, y: Math.max(0, (bounds.height - height * scale) / 2) };
  applyView();
}

function showGraph(svgText: string, nodeCount: number): void {
  const parsed = new DOMParser().parseFromString(svgText, "image/svg+xml");
  const root = parsed.documentElement;
  if (root.nodeName !== "svg") {
    showNotice("The language server sent a graph that is not SVG.", "error");
    return;
  }
  if (nodeCount === 0) {
    const empty = document.createElement("div");
    empty.id = "empty";
    empty.textContent = "No components in this config yet.";
    canvas.replaceChildren(empty);
    return;
  }
  canvas.replaceChildren(document.importNode(root, true));
  if (view === undefined) fitToViewport();
  else applyView();
}

function showNotice(text: string | undefined, severity: "info" | "warning" | "error"): void {
  notice.textContent = text ?? "";
  notice.className = severity;
  notice.hidden = text === undefined;
}

window.addEventListener("message", (event: MessageEvent<GraphViewUpdate>) => {
  const message = event.data;
  switch (message.type) {
    case "graph":
      showGraph(message.svg, message.nodeCount);
      break;
    case "notice":
      showNotice(message.text, message.severity);
      break;
  }
});

viewport.addEventListener(
  "wheel",
  (event) => {
    event.preventDefault();
    if (view === undefined) return;
    const bounds = viewport.getBoundingClientRect();
    const px = event.clientX - bounds.left;
    const py = event.clientY - bounds.top;
    const scale = Math.min(maxScale, Math.max(minScale, view.scale * Math.exp(-event.deltaY * 0.0015)));
    // Zoom around the pointer: the graph point under it stays put.
    const ratio = scale / view.scale;
    view = { scale, x: px - (px - view.x) * ratio, y: py - (py - view.y) * ratio };
    applyView();
  },
  { passive: false },
);

let drag: { startX: number; startY: number; viewX: number; viewY: number; moved: boolean } | undefined;
let suppressClick = false;

viewport.addEventListener("pointerdown", (event) => {
  if (event.button !== 0 || view === undefined) return;
  drag = { startX: event.clientX, startY: event.clientY, viewX: view.x, viewY: view.y, moved: false };
});

viewport.addEventListener("pointermove", (event) => {
  if (drag === undefined || view === undefined) return;
  const dx = event.clientX - drag.startX;
  const dy = event.clientY - drag.startY;
  if (!drag.moved && Math.hypot(dx, dy) < dragThreshold) return;
  if (!drag.moved) {
    drag.moved = true;
    viewport.setPointerCapture(event.pointerId);
    viewport.classList.add("dragging");
  }
  view = { ...view, x: drag.viewX + dx, y: drag.viewY + dy };
  applyView();
});

function endDrag(): void {
  suppressClick = drag?.moved ?? false;
  drag = undefined;
  viewport.classList.remove("dragging");
}
viewport.addEventListener("pointerup", endDrag);
viewport.addEventListener("pointercancel", endDrag);

canvas.addEventListener("click", (event) => {
  if (suppressClick) {
    suppressClick = false;
    return;
  }
  const node = (event.target as Element).closest("g.node");
  const file = node?.getAttribute("data-file");
  const line = Number(node?.getAttribute("data-line"));
  const column = Number(node?.getAttribute("data-column"));
  if (!file || !line || !column) return;
  vscode.postMessage({ type: "reveal", file, line, column });
});

viewport.addEventListener("dblclick", (event) => {
  if ((event.target as Element).closest("g.node")) return;
  fitToViewport();
});

vscode.postMessage({ type: "ready" });
