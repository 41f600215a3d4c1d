import type { TextEdit } from "@alloy-toolkit/checker";
import { getComponent, getConfigBlock, getFunction, type ComponentSchema } from "@alloy-toolkit/catalog";
import {
  LineIndex,
  attributeNamed,
  blockNamed,
  traversalParts,
  walk,
  type Block,
  type File,
  type Node,
  type Range,
  type StringLiteral,
} from "@alloy-toolkit/parser";

/**
 * One Alloy config file as the deployment rules see it: its AST, and how a range in the text the
 * parser saw maps to a range in the file diagnostics are reported in (the values file for
 * `alloy.configMap.content`, the `.alloy` file itself otherwise).
 */
export interface ConfigSource {
  readonly file: string;
  readonly text: string;
  readonly ast: File;
  locate(range: Range): Range;
  /** An edit of `text` as an edit of the file reported in; `undefined` when it cannot be made there. */
  moveEdit(edit: TextEdit): TextEdit | undefined;
}

/** A component instance of the config (`prometheus.scrape "pods" { … }`). */
export interface ComponentUse {
  readonly name: string;
  readonly label?: string;
  readonly block: Block;
  readonly schema: ComponentSchema;
  readonly source: ConfigSource;
}

/** What the deployment rules need from the config(s): components, blocks, strings and function calls. */
export interface ConfigView {
  readonly sources: readonly ConfigSource[];
  readonly components: readonly ComponentUse[];
  /** Top-level config blocks with a catalog entry (`logging`, `foreach`, `import.git`…). */
  readonly configBlocks: readonly { readonly block: Block; readonly stability: string; readonly source: ConfigSource }[];
  readonly strings: readonly { readonly node: StringLiteral; readonly source: ConfigSource }[];
  readonly calls: readonly { readonly name: string; readonly node: Node; readonly stability: string; readonly source: ConfigSource }[];
}

export function buildConfigView(sources: readonly ConfigSource[]): ConfigView {
  const components: ComponentUse[] = [];
  const configBlocks: ConfigView["configBlocks"][number][] = [];
  const strings: ConfigView["strings"][number][] = [];
  const calls: ConfigView["calls"][number][] = [];
  for (const source of sources) {
    walk(source.ast, {
      enter(node) {
        if (node.kind === "Block") {
          const schema = getComponent(node.name);
          if (schema) {
            components.push({ name: node.name, label: node.label?.value, block: node, schema, source });
            return undefined;
          }
          const configBlock = getConfigBlock(node.name);
          if (configBlock) configBlocks.push({ block: node, stability: configBlock.stability, source });
        } else if (node.kind === "StringLiteral") {
          strings.push({ node, source });
        } else if (node.kind === "CallExpression") {
          const name = traversalParts(node.callee)?.map((p) => p.name).join(".");
          const fn = name ? getFunction(name) : undefined;
          if (fn && name) calls.push({ name: fn.name, node: node.callee, stability: fn.stability, source });
        }
        return undefined;
      },
    });
  }
  return { sources, components, configBlocks, strings, calls };
}

/** A literal boolean attribute (`enabled = true`); `undefined` when absent or not a literal. */
export function literalBool(block: Block | undefined, name: string): boolean | undefined {
  const value = block && attributeNamed(block, name)?.value;
  return value?.kind === "BoolLiteral" ? value.value : undefined;
}

/** Whether a component has `clustering { enabled = true }`. */
export function clusteringEnabled(component: ComponentUse): boolean {
  return literalBool(blockNamed(component.block, "clustering"), "enabled") === true;
}

/** The range of a node in the file diagnostics are reported in. */
export function locate(source: ConfigSource, node: Node): Range {
  return source.locate(node.range);
}

/** The range of a block's name (`prometheus.scrape "pods"`), for diagnostics about a whole component. */
export function blockHeaderRange(block: Block): Range {
  const end = block.label ? block.label.range.end : block.nameParts[block.nameParts.length - 1].range.end;
  return { start: block.range.start, end };
}

/** The range of two offsets of a config text (1-based lines and columns). */
export function textRange(text: string, start: number, end: number): Range {
  const index = new LineIndex(text);
  return { start: index.positionAt(start), end: index.positionAt(end) };
}

