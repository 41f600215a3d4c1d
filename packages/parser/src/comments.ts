import type { Comment, File, Node } from "./ast.js";
import { childrenOf } from "./walk.js";

/** The comments attached to one node. */
export interface AttachedComments {
  /** Comments on lines before the node (or before it on its line), up to the previous sibling. */
  readonly leading: Comment[];
  /** Comments after the node on the line where it ends. */
  readonly trailing: Comment[];
  /** Comments inside a node with no child next to them: an empty block's body, an empty list. */
  readonly dangling: Comment[];
}

/**
 * Attaches each comment of `file` to a node, in one pass after the parse (the parse itself does no work for
 * it): the innermost node containing the comment is found, then among that node's children (a block's body
 * statements for comments inside its braces):
 *
 * - a comment that starts on the line where the child before it ends is that child's `trailing` comment;
 * - otherwise it is a `leading` comment of the child after it;
 * - otherwise (nothing after it) a `trailing` comment of the child before it;
 * - with no children around it, a `dangling` comment of the containing node.
 *
 * So a comment above a statement leads it and `// note` at a line's end trails what ends there. Nodes with
 * no comment are not in the map.
 */
export function attachComments(file: File): Map<Node, AttachedComments> {
  const attached = new Map<Node, AttachedComments>();
  const entry = (node: Node): AttachedComments => {
    let comments = attached.get(node);
    if (comments === undefined) attached.set(node, (comments = { leading: [], trailing: [], dangling: [] }));
    return comments;
  };
  for (const comment of file.comments) {
    const start = comment.range.start.offset;
    const end = comment.range.end.offset;
    let container: Node = file;
    let children = siblingsAround(container, start);
    for (;;) {
      const inside = children.find((child) => child.range.start.offset <= start && end <= child.range.end.offset);
      if (inside === undefined) break;
      container = inside;
      children = siblingsAround(container, start);
    }
    let before: Node | undefined;
    let after: Node | undefined;
    for (const child of children) {
      if (child.range.end.offset <= start) before = child;
      else if (child.range.start.offset >= end) {
        after = child;
        break;
      }
    }
    if (before !== undefined && before.range.end.line === comment.range.start.line) entry(before).trailing.push(comment);
    else if (after !== undefined) entry(after).leading.push(comment);
    else if (before !== undefined) entry(before).trailing.push(comment);
    else entry(container).dangling.push(comment);
  }
  return attached;
}

/** The children of `node` a comment at `offset` sits among: a block's statements when it is inside the braces. */
function siblingsAround(node: Node, offset: number): readonly Node[] {
  if (node.kind === "Block" && offset >= node.openBrace.end.offset) return node.body;
  return childrenOf(node);
}
