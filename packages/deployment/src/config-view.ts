import type { TextEdit } from "@alloy-toolkit/checker";
import { locateInFile, type EmbeddedText } from "./embedded-text.js";
import { getComponent, getConfigBlock, getFunction, type AlloyVersion, type ComponentSchema } from "@alloy-toolkit/catalog";
import {
  LineIndex,
  parse,
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
 * parser saw maps to a range in the file diagnostics are reported in (the YAML file for a config in
 * `alloy.configMap.content` or a ConfigMap key, the `.alloy` file itself otherwise).
 */
export interface ConfigSource {
  /** The file diagnostics are reported in. */
  readonly file: string;
  /** The name the config checker reads it under: `file` for a file of its own, `file#…` for a text inside a YAML file. */
  readonly name: string;
  /** The text the parser read (Helm actions blanked out, see `template.ts`). */
  readonly text: string;
  readonly ast: File;
  readonly lines: LineIndex;
  readonly embedded: EmbeddedText;
  locate(range: Range): Range;
  /** An edit of `text` as an edit of the file reported in; `undefined` when it cannot be made there. */
  moveEdit(edit: TextEdit): TextEdit | undefined;
}

/** A config read from an embedded text (`text` replaces the embedded one when Helm actions are blanked out: same length). */
export function configSource(embedded: EmbeddedText, name: string, text: string = embedded.text): ConfigSource {
  const { ast, lineIndex } = parse(text, { filename: name });
  return {
    file: embedded.file,
    name,
    text,
    ast,
    lines: lineIndex,
    embedded,
    locate: (range) => locateInFile(embedded, range),
    moveEdit: (edit) => embedded.moveEdit(edit),
  };
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

/** The components, blocks, strings and calls of a config's files, read with the catalog of `alloyVersion`. */
export function buildConfigView(sources: readonly ConfigSource[], alloyVersion?: AlloyVersion): ConfigView {
  const components: ComponentUse[] = [];
  const configBlocks: ConfigView["configBlocks"][number][] = [];
  const strings: ConfigView["strings"][number][] = [];
  const calls: ConfigView["calls"][number][] = [];
  for (const source of sources) {
    walk(source.ast, {
      enter(node) {
        if (node.kind === "Block") {
          const schema = getComponent(node.name, alloyVersion);
          if (schema) {
            components.push({ name: node.name, label: node.label?.value, block: node, schema, source });
            return undefined;
          }
          const configBlock = getConfigBlock(node.name, alloyVersion);
          if (configBlock) configBlocks.push({ block: node, stability: configBlock.stability, source });
        } else if (node.kind === "StringLiteral") {
          strings.push({ node, source });
        } else if (node.kind === "CallExpression") {
          const name = traversalParts(node.callee)?.map((p) => p.name).join(".");
          const fn = name ? getFunction(name, alloyVersion) : undefined;
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

/**
 * The range of two offsets of a config's text (1-based lines and columns), with the line index the parser made
 * of it: a rule reporting many ranges of one text does not index it again for each.
 */
export function textRange(source: ConfigSource, start: number, end: number): Range {
  return { start: source.lines.positionAt(start), end: source.lines.positionAt(end) };
}

