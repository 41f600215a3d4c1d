import type { Comment, LineIndex } from "@alloy-toolkit/parser";
import { endOffset, startOffset } from "@alloy-toolkit/parser";

/**
 * The file's comments in source order, handed out in groups as the printer reaches them.
 *
 * A group is what Alloy's parser calls a comment group: comments with only whitespace between them, where
 * each starts at most one line after the previous one ends; a comment that follows code on its line only
 * groups with comments on that same line. A group is written as a whole once its first comment precedes the
 * next token, so grouping decides where comments land when a token's position is only approximate.
 */
export class CommentQueue {
  private readonly starts: number[];
  /** Index of the first comment of each group, plus the comment count at the end. */
  private readonly groupStarts: Int32Array;
  private group = 0;
  /** Offset of the next group's first comment, Infinity when none is left (read before every token). */
  private nextStart: number;

  constructor(
    text: string,
    lineIndex: LineIndex,
    private readonly comments: readonly Comment[],
  ) {
    this.starts = comments.map((comment) => startOffset(comment.range));
    this.groupStarts = groupComments(text, lineIndex, comments, this.starts);
    this.nextStart = this.startOfGroup(0);
  }

  /** Whether the next unwritten group starts at or before `offset` (as in Alloy's printer). */
  before(offset: number): boolean {
    return this.nextStart <= offset;
  }

  /** Index (into the comments given to the constructor) of the first comment not handed out yet. */
  get nextIndex(): number {
    return this.groupStarts[this.group];
  }

  /**
   * Moves past the next group and returns the index just after its last comment (its first is what
   * {@link nextIndex} gave before the call): indices rather than a slice, so that a group costs no allocation.
   */
  takeGroup(): number {
    this.nextStart = this.startOfGroup(++this.group);
    return this.groupStarts[this.group];
  }

  /** The `index`-th comment of the file. */
  comment(index: number): Comment {
    return this.comments[index];
  }

  private startOfGroup(group: number): number {
    return group < this.groupStarts.length - 1 ? this.starts[this.groupStarts[group]] : Infinity;
  }
}

function groupComments(
  text: string,
  lineIndex: LineIndex,
  comments: readonly Comment[],
  starts: readonly number[],
): Int32Array {
  // At most one group per comment: sized once rather than grown.
  const groupStarts = new Int32Array(comments.length + 1);
  let groupCount = 0;
  let previousEnd = -1;
  let previousEndLine = 0;
  let sameLineOnly = false;
  // Comments come in source order, so each (1-based) line is looked up near the previous one.
  let cursor = 1;
  const lineAt = (offset: number): number => (cursor = lineIndex.lineAtNear(offset, cursor));
  for (let i = 0; i < comments.length; i++) {
    const start = starts[i];
    const line = lineAt(start);
    const contiguous = previousEnd >= 0 && isBlank(text, previousEnd, start);
    if (!contiguous) {
      groupStarts[groupCount++] = i;
      sameLineOnly = followsCodeOnLine(text, start);
    } else if (line > previousEndLine + (sameLineOnly ? 0 : 1)) {
      groupStarts[groupCount++] = i;
      sameLineOnly = false;
    }
    previousEnd = endOffset(comments[i].range);
    previousEndLine = lineAt(Math.max(start, previousEnd - 1));
  }
  groupStarts[groupCount++] = comments.length;
  return groupStarts.subarray(0, groupCount);
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

/** Whether something other than whitespace precedes `offset` on its line. */
function followsCodeOnLine(text: string, offset: number): boolean {
  for (let i = offset - 1; i >= 0; i--) {
    const c = text.charCodeAt(i);
    if (c === 10) return false;
    if (c !== 32 && c !== 9 && c !== 13) return true;
  }
  return false;
}

/**
 * A comment's text as Alloy's scanner hands it to the printer: without carriage returns (a CRLF line ending
 * inside a block comment, a lone CR anywhere), except one between `*` and `/` in a block comment, which would
 * otherwise end the comment early.
 */
export function commentTextAsAlloyKeepsIt(comment: Comment): string {
  const text = comment.text;
  if (!text.includes("\r")) return text;
  const block = comment.style === "block";
  let kept = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== "\r" || (block && kept.length > 2 && kept.endsWith("*") && text[i + 1] === "/")) kept += c;
  }
  return kept;
}
