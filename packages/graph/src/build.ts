import { findAttribute, findBlock, type AlloyType, type ComponentSchema } from "@alloy-toolkit/catalog";
import type { BlockSymbol, ModuleScope, Reference, SemanticModel } from "@alloy-toolkit/checker";
import { isAttribute, isBlock, type Block } from "@alloy-toolkit/parser";
import type { DataKind, GraphEdge, GraphModule, GraphNode, NodeKind, PipelineGraph } from "./model.js";

const SIGNALS = new Set<DataKind>(["metrics", "logs", "traces", "profiles"]);

/** The data kind carried by a value of this type, or undefined when the type says nothing. */
function dataKindOfType(type: AlloyType | undefined): DataKind | undefined {
  if (type === undefined) return undefined;
  switch (type.kind) {
    case "capsule": {
      const signals = type.signals ?? [];
      return signals.length === 1 && SIGNALS.has(signals[0]) ? signals[0] : undefined;
    }
    case "list":
      if (type.element.kind === "map" && type.element.value.kind === "string") return "targets";
      return dataKindOfType(type.element);
    case "union":
      for (const option of type.options) {
        const kind = dataKindOfType(option);
        if (kind !== undefined) return kind;
      }
      return undefined;
    default:
      return undefined;
  }
}

const isReceiverType = (type: AlloyType | undefined): boolean =>
  type !== undefined &&
  ((type.kind === "capsule" && /Receiver$|Consumer$/.test(type.name)) ||
    (type.kind === "list" && isReceiverType(type.element)));

/**
 * What flows along a reference. The export's type decides (a metrics receiver carries metrics); for an
 * OpenTelemetry consumer, which carries any signal, the referencing attribute decides (`output > traces`).
 */
function dataKindOf(reference: Reference, type: AlloyType | undefined): DataKind {
  const attribute = reference.attributePath[reference.attributePath.length - 1];
  if (SIGNALS.has(attribute as DataKind)) return attribute as DataKind;
  const fromType = dataKindOfType(type);
  if (fromType !== undefined) return fromType;
  const exportName = reference.parts[reference.targetParts]?.name;
  if (exportName === "targets" || exportName === "output" && attribute === "targets") return "targets";
  return "other";
}

/** The catalog type of the attribute holding a reference, e.g. `list(capsule(LogsReceiver))` for `forward_to`. */
function attributeType(reference: Reference): AlloyType | undefined {
  const schema = reference.from.schema;
  if (schema === undefined) return undefined;
  const path = reference.attributePath;
  const container = path.length > 1 ? findBlock(schema, path.slice(0, -1)) : schema;
  return container === undefined ? undefined : findAttribute(container, path[path.length - 1])?.type;
}

/** Where a component sits in a pipeline, from its catalog schema and what it receives and sends. */
function nodeKindOf(symbol: BlockSymbol): NodeKind {
  if (symbol.kind === "config" || symbol.kind === "service") return "config";
  if (symbol.module !== undefined || symbol.uncheckedImport !== undefined) return "module";
  const schema = symbol.schema as ComponentSchema | undefined;
  if (symbol.name.startsWith("discovery.") || symbol.name === "local.file_match") return "discovery";
  // Authenticators, extensions and storage serve other components rather than carry data.
  if (/^otelcol\.(auth|extension|storage)\./.test(symbol.name)) return "config";
  if (schema === undefined || !("exports" in schema)) return "source";
  const receives = schema.exports.some((e) => isReceiverType(e.type));
  const sends =
    schema.attributes.some((a) => a.name === "forward_to" || isReceiverType(a.type)) ||
    schema.blocks.some((b) => b.name === "output");
  if (receives) return sends ? "process" : "export";
  return "source";
}

function isClustered(block: Block): boolean {
  return block.body.some(
    (s) =>
      isBlock(s) &&
      s.name === "clustering" &&
      s.body.some((a) => isAttribute(a) && a.name.name === "enabled" && a.value.kind === "BoolLiteral" && a.value.value),
  );
}

function moduleIdOf(symbol: BlockSymbol): string | undefined {
  for (let scope: ModuleScope | undefined = symbol.scope; scope !== undefined; scope = scope.parent) {
    if (scope.kind === "declare" && scope.owner !== undefined) return scope.owner.label ?? scope.owner.id;
  }
  return undefined;
}

/** A node id unique across modules: components of a `declare` are prefixed with the module's label. */
function nodeId(symbol: BlockSymbol): string {
  const module = moduleIdOf(symbol);
  return module === undefined ? symbol.id : `${module}/${symbol.id}`;
}

/**
 * The pipeline graph of an analysed config: a node per component (and per config block), an edge per
 * reference from one component to another's export, dangling edges to `missing` nodes for references that
 * do not resolve, and `declare`d modules as subgraphs.
 */
export function buildGraph(model: SemanticModel): PipelineGraph {
  const nodes = new Map<string, GraphNode>();
  const ids = new Map<BlockSymbol, string>();
  const modules: GraphModule[] = [];

  for (const symbol of model.symbols) {
    if (symbol.duplicateOf !== undefined) continue;
    if (symbol.kind === "declare") {
      const start = symbol.block.range.start;
      modules.push({ id: symbol.label ?? symbol.id, file: symbol.document.filename, start: { line: start.line, column: start.column } });
      continue;
    }
    if (symbol.scope.kind === "foreach") continue;
    const id = nodeId(symbol);
    ids.set(symbol, id);
    const { start, end } = symbol.block.range;
    const schema = symbol.schema;
    nodes.set(id, {
      id,
      name: symbol.name,
      label: symbol.label,
      kind: nodeKindOf(symbol),
      stability: schema?.stability,
      file: symbol.document.filename,
      start: { line: start.line, column: start.column },
      end: { line: end.line, column: end.column },
      clustered: isClustered(symbol.block),
      module: moduleIdOf(symbol),
      docUrl: schema?.docUrl,
    });
  }

  const edges: GraphEdge[] = [];
  const seen = new Set<string>();
  for (const reference of model.references) {
    const from = ids.get(reference.from);
    if (from === undefined || reference.kind === "stdlib" || reference.kind === "foreach-var" || reference.inForeach) continue;
    const attribute = reference.attributePath.join(" > ");
    let to: string;
    let exportName: string;
    let dangling = false;
    if (reference.kind === "node" && reference.target !== undefined) {
      const target = ids.get(reference.target);
      // Config blocks are not wired, except a module's `argument`s, which feed its components.
      if (target === undefined || (reference.target.kind === "config" && reference.target.name !== "argument")) continue;
      to = target;
      exportName = reference.parts.slice(reference.targetParts).map((p) => p.name).join(".");
    } else {
      if (reference.parts.length < 3) continue;
      const parts = reference.parts.map((p) => p.name);
      exportName = parts[parts.length - 1];
      to = parts.slice(0, -1).join(".");
      const module = nodes.get(from)?.module;
      if (module !== undefined) to = `${module}/${to}`;
      dangling = true;
      if (!nodes.has(to)) {
        nodes.set(to, {
          id: to,
          name: parts.slice(0, -2).join("."),
          label: parts[parts.length - 2],
          kind: "missing",
          stability: undefined,
          file: undefined,
          start: undefined,
          end: undefined,
          clustered: false,
          module,
          docUrl: undefined,
        });
      }
    }
    if (to === from) continue;
    const type = (dangling ? undefined : model.referenceType(reference)) ?? attributeType(reference);
    const dataKind = dataKindOf(reference, type);
    const flow = isReceiverType(type) || (dangling && /receiver|input/.test(exportName)) ? "to-referenced" : "from-referenced";
    const key = `${from}|${attribute}|${to}|${exportName}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push({ from, to, attribute, exportName, dataKind, flow, dangling });
  }

  return { nodes: [...nodes.values()], edges, modules };
}
