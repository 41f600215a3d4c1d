import { graphlib, layout } from "@dagrejs/dagre";
import {
  DATA_KIND_COLORS,
  NODE_KIND_FILLS,
  flowEnds,
  nodeCaption,
  type DataKind,
  type GraphModule,
  type GraphNode,
  type PipelineGraph,
} from "./model.js";

const FONT = "ui-monospace, SFMono-Regular, Menlo, Consolas, monospace";
const CHAR_WIDTH = 7.2;
const NODE_HEIGHT = 46;
const PADDING_X = 14;
const EMPTY_MODULE_HEIGHT = 28;
/** How much wider than high the rows of separate parts make the picture (see layoutGraph). */
const ROW_ASPECT = 2;

interface Point {
  x: number;
  y: number;
}

/** Node and edge geometry from the layout, for the SVG and for tests. */
export interface GraphLayout {
  width: number;
  height: number;
  nodes: Map<string, { x: number; y: number; width: number; height: number }>;
  clusters: Map<string, { x: number; y: number; width: number; height: number }>;
  edges: { index: number; points: Point[] }[];
}

function captionLines(node: GraphNode): [string, string] {
  const title = nodeCaption(node);
  const subtitle = [node.kind, node.stability && node.stability !== "generally-available" ? node.stability : "", node.clustered ? "clustered" : ""]
    .filter(Boolean)
    .join(" · ");
  return [title, subtitle];
}

/** One connected part of a graph: its nodes, the modules they are in, and the indexes of its edges. */
interface Part {
  readonly nodes: GraphNode[];
  readonly modules: GraphModule[];
  readonly edges: number[];
}

/**
 * The graph's connected parts (nodes joined by an edge or by being in the same module), in the order of their
 * first node; a module without components is a part of its own, after them.
 */
function connectedParts(graph: PipelineGraph): Part[] {
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let at = id;
    for (let up = parent.get(at); up !== undefined && up !== at; up = parent.get(at)) {
      const grand = parent.get(up)!;
      parent.set(at, grand);
      at = up;
    }
    return at;
  };
  const join = (a: string, b: string) => {
    const [ra, rb] = [root(a), root(b)];
    if (ra !== rb) parent.set(rb, ra);
  };
  for (const node of graph.nodes) parent.set(node.id, node.id);
  const moduleMember = new Map<string, string>();
  for (const node of graph.nodes) {
    if (node.module === undefined) continue;
    const member = moduleMember.get(node.module);
    if (member === undefined) moduleMember.set(node.module, node.id);
    else join(member, node.id);
  }
  for (const edge of graph.edges) join(...flowEnds(edge));
  const parts = new Map<string, Part>();
  const partOf = (key: string): Part => {
    let part = parts.get(key);
    if (!part) parts.set(key, (part = { nodes: [], modules: [], edges: [] }));
    return part;
  };
  for (const node of graph.nodes) partOf(root(node.id)).nodes.push(node);
  for (const module of graph.modules) {
    const member = moduleMember.get(module.id);
    partOf(member === undefined ? `module:${module.id}` : root(member)).modules.push(module);
  }
  graph.edges.forEach((edge, index) => partOf(root(flowEnds(edge)[0])).edges.push(index));
  return [...parts.values()];
}

/** Lays one part out with dagre, left to right by data flow, its modules as compound clusters. */
function layoutPart(graph: PipelineGraph, part: Part): GraphLayout {
  const g = new graphlib.Graph({ compound: true, multigraph: true });
  g.setGraph({ rankdir: "LR", nodesep: 22, ranksep: 70, edgesep: 12, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  // A module with components is a cluster sized by them; one without any (an empty `declare`) is laid out as a
  // box of its own, big enough for its caption (dagre gives a node without children and without a size no place).
  const withMembers = new Set(part.nodes.map((node) => node.module));
  for (const module of part.modules) {
    const size = withMembers.has(module.id) ? {} : { width: `declare ${module.id}`.length * CHAR_WIDTH + 2 * PADDING_X, height: EMPTY_MODULE_HEIGHT };
    g.setNode(`module:${module.id}`, size);
  }
  for (const node of part.nodes) {
    const [title, subtitle] = captionLines(node);
    const width = Math.max(title.length, subtitle.length) * CHAR_WIDTH + 2 * PADDING_X;
    g.setNode(node.id, { width, height: NODE_HEIGHT });
    if (node.module !== undefined) g.setParent(node.id, `module:${node.module}`);
  }
  for (const index of part.edges) {
    const [from, to] = flowEnds(graph.edges[index]);
    g.setEdge(from, to, { width: 0, height: 0 }, String(index));
  }
  layout(g);

  const box = (id: string) => {
    const n = g.node(id) as unknown as { x: number; y: number; width: number; height: number };
    return { x: n.x, y: n.y, width: n.width, height: n.height };
  };
  return {
    width: (g.graph().width as number) ?? 0,
    height: (g.graph().height as number) ?? 0,
    nodes: new Map(part.nodes.map((n) => [n.id, box(n.id)])),
    clusters: new Map(part.modules.map((m) => [m.id, box(`module:${m.id}`)])),
    edges: part.edges.map((index) => {
      const [from, to] = flowEnds(graph.edges[index]);
      const e = g.edge({ v: from, w: to, name: String(index) }) as unknown as { points: Point[] };
      return { index, points: e.points };
    }),
  };
}

/**
 * Lays the graph out left to right by data flow with dagre (`declare`d modules as compound clusters). Each
 * connected part is laid out on its own and the parts are set in rows, in the order of their first component,
 * each row as wide as the widest part or, if more, as a picture twice as wide as high would be
 * (√(2 × the parts' total area)). Dagre's time grows faster than the graph, so a config of thousands of separate
 * pipelines (large.alloy of the corpus: 14,000 components in 4,600 parts) is laid out in seconds, not minutes.
 */
export function layoutGraph(graph: PipelineGraph): GraphLayout {
  const laid = connectedParts(graph).map((part) => layoutPart(graph, part));
  if (laid.length === 1) return laid[0];
  const area = laid.reduce((sum, part) => sum + part.width * part.height, 0);
  const rowWidth = Math.max(...laid.map((part) => part.width), Math.sqrt(ROW_ASPECT * area));
  const result: GraphLayout = { width: 0, height: 0, nodes: new Map(), clusters: new Map(), edges: new Array(graph.edges.length) };
  let [x, y, rowHeight] = [0, 0, 0];
  for (const part of laid) {
    if (x > 0 && x + part.width > rowWidth) [x, y, rowHeight] = [0, y + rowHeight, 0];
    const move = <T extends Point>(p: T): T => ({ ...p, x: p.x + x, y: p.y + y });
    for (const [id, box] of part.nodes) result.nodes.set(id, move(box));
    for (const [id, box] of part.clusters) result.clusters.set(id, move(box));
    for (const edge of part.edges) result.edges[edge.index] = { index: edge.index, points: edge.points.map(move) };
    x += part.width;
    rowHeight = Math.max(rowHeight, part.height);
    result.width = Math.max(result.width, x);
  }
  result.height = y + rowHeight;
  return result;
}

/**
 * Characters that need escaping in XML text and attributes: markup, the whitespace an attribute would turn into
 * spaces, and those XML 1.0 forbids even as references (C0 controls but tab, LF and CR; lone surrogates; U+FFFE,
 * U+FFFF), which a label or a file name can hold.
 */
const XML_ESCAPED =
  /[&<>"\t\n\r]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const XML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;" };

/** Text for the SVG: markup escaped, and forbidden characters shown as escapes (`\x1b`, `\ud800`), so it is always well-formed XML. */
const escapeXml = (s: string) =>
  s.replace(XML_ESCAPED, (c) => {
    const entity = XML_ENTITIES[c];
    if (entity !== undefined) return entity;
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16)}`;
  });

function pathOf(points: Point[]): string {
  if (points.length === 0) return "";
  let d = `M${points[0].x.toFixed(1)},${points[0].y.toFixed(1)}`;
  if (points.length === 2) return d + ` L${points[1].x.toFixed(1)},${points[1].y.toFixed(1)}`;
  // A smooth curve through dagre's control points (Catmull-Rom turned into cubic Béziers).
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[Math.max(0, i - 1)];
    const p1 = points[i];
    const p2 = points[i + 1];
    const p3 = points[Math.min(points.length - 1, i + 2)];
    const c1 = { x: p1.x + (p2.x - p0.x) / 6, y: p1.y + (p2.y - p0.y) / 6 };
    const c2 = { x: p2.x - (p3.x - p1.x) / 6, y: p2.y - (p3.y - p1.y) / 6 };
    d += ` C${c1.x.toFixed(1)},${c1.y.toFixed(1)} ${c2.x.toFixed(1)},${c2.y.toFixed(1)} ${p2.x.toFixed(1)},${p2.y.toFixed(1)}`;
  }
  return d;
}

/**
 * A self-contained SVG of the pipeline: nodes filled by kind, edges coloured by data kind (dashed when the
 * reference dangles), clustered components drawn with a double border, modules as dashed frames, and a legend.
 * Each node is a `<g class="node" data-id data-file data-line data-column>` so a viewer can jump to its source.
 */
export function toSvg(graph: PipelineGraph, computed: GraphLayout = layoutGraph(graph)): string {
  const kinds = [...new Set(graph.edges.map((e) => e.dataKind))] as DataKind[];
  const legendHeight = kinds.length ? 28 : 0;
  const width = Math.max(computed.width, 320);
  const height = computed.height + legendHeight;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width.toFixed(0)}" height="${height.toFixed(0)}" ` +
      `viewBox="0 0 ${width.toFixed(0)} ${height.toFixed(0)}" font-family="${FONT}" font-size="12">`,
  );
  out.push("<defs>");
  for (const kind of Object.keys(DATA_KIND_COLORS) as DataKind[]) {
    out.push(
      `<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">` +
        `<path d="M0,0 L10,5 L0,10 z" fill="${DATA_KIND_COLORS[kind]}"/></marker>`,
    );
  }
  out.push("</defs>");
  out.push(`<rect width="100%" height="100%" fill="#ffffff"/>`);

  for (const module of graph.modules) {
    const c = computed.clusters.get(module.id)!;
    out.push(
      `<g class="module" data-id="${escapeXml(module.id)}"><rect x="${(c.x - c.width / 2).toFixed(1)}" y="${(c.y - c.height / 2).toFixed(1)}" ` +
        `width="${c.width.toFixed(1)}" height="${c.height.toFixed(1)}" rx="10" fill="#fffdf0" stroke="#c9a227" stroke-dasharray="6 3"/>` +
        `<text x="${(c.x - c.width / 2 + 8).toFixed(1)}" y="${(c.y - c.height / 2 + 14).toFixed(1)}" fill="#8a6d00">declare ${escapeXml(module.id)}</text></g>`,
    );
  }

  graph.edges.forEach((edge, index) => {
    const points = computed.edges[index].points;
    const color = DATA_KIND_COLORS[edge.dataKind];
    const dash = edge.dangling ? ` stroke-dasharray="5 4"` : "";
    out.push(
      `<g class="edge" data-from="${escapeXml(edge.from)}" data-to="${escapeXml(edge.to)}" data-kind="${edge.dataKind}">` +
        `<title>${escapeXml(`${edge.from} ${edge.attribute} → ${edge.to}.${edge.exportName} (${edge.dataKind})`)}</title>` +
        `<path d="${pathOf(points)}" fill="none" stroke="${color}" stroke-width="2"${dash} marker-end="url(#arrow-${edge.dataKind})"/></g>`,
    );
  });

  for (const node of graph.nodes) {
    const b = computed.nodes.get(node.id)!;
    const [title, subtitle] = captionLines(node);
    const x = b.x - b.width / 2;
    const y = b.y - b.height / 2;
    const stroke = node.kind === "missing" ? `stroke="#c92a2a" stroke-dasharray="4 3"` : `stroke="#343a40"`;
    const attrs = [`class="node"`, `data-id="${escapeXml(node.id)}"`];
    if (node.file !== undefined) attrs.push(`data-file="${escapeXml(node.file)}"`);
    if (node.start !== undefined) attrs.push(`data-line="${node.start.line}"`, `data-column="${node.start.column}"`);
    out.push(`<g ${attrs.join(" ")}><title>${escapeXml(title)}</title>`);
    out.push(
      `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${b.width.toFixed(1)}" height="${b.height.toFixed(1)}" rx="6" ` +
        `fill="${NODE_KIND_FILLS[node.kind]}" ${stroke} stroke-width="1.2"/>`,
    );
    if (node.clustered) {
      out.push(
        `<rect x="${(x + 3).toFixed(1)}" y="${(y + 3).toFixed(1)}" width="${(b.width - 6).toFixed(1)}" height="${(b.height - 6).toFixed(1)}" ` +
          `rx="4" fill="none" stroke="#343a40" stroke-width="0.8"/>`,
      );
    }
    out.push(
      `<text x="${b.x.toFixed(1)}" y="${(b.y - 3).toFixed(1)}" text-anchor="middle" fill="#212529" font-weight="600">${escapeXml(title)}</text>` +
        `<text x="${b.x.toFixed(1)}" y="${(b.y + 13).toFixed(1)}" text-anchor="middle" fill="#495057" font-size="10">${escapeXml(subtitle)}</text></g>`,
    );
  }

  let lx = 12;
  const ly = computed.height + 18;
  for (const kind of kinds) {
    out.push(
      `<g class="legend"><line x1="${lx}" y1="${ly - 4}" x2="${lx + 22}" y2="${ly - 4}" stroke="${DATA_KIND_COLORS[kind]}" stroke-width="3"/>` +
        `<text x="${lx + 28}" y="${ly}" fill="#343a40">${kind}</text></g>`,
    );
    lx += 40 + kind.length * CHAR_WIDTH;
  }
  out.push("</svg>");
  return out.join("\n") + "\n";
}
