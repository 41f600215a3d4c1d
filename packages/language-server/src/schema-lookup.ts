import {
  findBlock,
  getComponent,
  getConfigBlock,
  type AlloyVersion,
  type AttributeSchema,
  type BlockContainer,
  type BlockSchema,
  type ComponentSchema,
  type ConfigBlockSchema,
} from "@alloy-toolkit/catalog";
import { endOffset, nodePathAt, startOffset, type Block, type File, type Node } from "@alloy-toolkit/parser";

/** What a block of the AST is, and the catalog schema describing its body. */
export interface ResolvedBlock {
  readonly block: Block;
  readonly role: "declare" | "component" | "config" | "instance" | "nested" | "unknown";
  /** The component this block is (role `component`) or belongs to (role `nested`). */
  readonly component?: ComponentSchema;
  readonly configBlock?: ConfigBlockSchema;
  /** For nested blocks: the block's own schema. */
  readonly blockSchema?: BlockSchema;
  /** Attributes and blocks allowed in this block's body, when known. */
  readonly container?: BlockContainer;
}

/**
 * Resolves a chain of nested blocks (outermost first) against the catalog. Blocks at the top level of a
 * file or of a `declare` body are components or config blocks; deeper ones are blocks of those.
 */
export function resolveBlocks(chain: readonly Block[], version: AlloyVersion): ResolvedBlock[] {
  const resolved: ResolvedBlock[] = [];
  let root: { schema: BlockContainer; component?: ComponentSchema; depth: number } | undefined;
  for (let i = 0; i < chain.length; i++) {
    const block = chain[i];
    const statementLevel = i === 0 || chain[i - 1].name === "declare";
    if (statementLevel) {
      root = undefined;
      if (block.name === "declare") {
        resolved.push({ block, role: "declare", configBlock: getConfigBlock("declare", version) });
        continue;
      }
      const component = getComponent(block.name, version);
      if (component) {
        root = { schema: component, component, depth: i };
        resolved.push({ block, role: "component", component, container: component });
        continue;
      }
      const configBlock = getConfigBlock(block.name, version);
      if (configBlock) {
        root = { schema: configBlock, depth: i };
        resolved.push({ block, role: "config", configBlock, container: configBlock });
        continue;
      }
      resolved.push({ block, role: block.label ? "instance" : "unknown" });
      continue;
    }
    if (!root) {
      resolved.push({ block, role: "unknown" });
      continue;
    }
    const path = chain.slice(root.depth + 1, i + 1).map((b) => b.name);
    const blockSchema = findBlock(root.schema, path);
    resolved.push({ block, role: blockSchema ? "nested" : "unknown", component: root.component, blockSchema, container: blockSchema });
  }
  return resolved;
}

/** The blocks of `file` whose body (between the braces) holds `offset`, outermost first. */
export function enclosingBlocks(file: File, offset: number): Block[] {
  return nodePathAt(file, offset).filter(
    (node): node is Block =>
      node.kind === "Block" && offset >= endOffset(node.openBrace) && (isUnclosed(node) || offset <= startOffset(node.closeBrace)),
  );
}

/** Every block on the path to `offset` (including one whose name or label holds it), outermost first. */
export function blocksOnPath(path: readonly Node[]): Block[] {
  return path.filter((node): node is Block => node.kind === "Block");
}

export function isUnclosed(block: Block): boolean {
  return startOffset(block.closeBrace) === endOffset(block.closeBrace);
}

export function attributeSchema(container: BlockContainer | undefined, name: string): AttributeSchema | undefined {
  return container?.attributes.find((a) => a.name === name);
}
