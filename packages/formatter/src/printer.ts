import type { Comment, LineIndex } from "@alloy-toolkit/parser";
import { endOffset, startOffset } from "@alloy-toolkit/parser";
import { ColumnWriter } from "./align.js";
import { CommentQueue, commentTextAsAlloyKeepsIt } from "./comments.js";

/**
 * Pending whitespace. It is buffered rather than written at once so that comments met before the next token
 * can take its place (a comment decides its own line breaks) and so that no whitespace ends the file.
 */
export const enum Space {
  Ignore,
  Blank,
  /** Soft tab: the column break before an attribute's `=`. */
  VTab,
  Newline,
  /** A line break that also ends the current run of aligned lines. */
  Formfeed,
  Indent,
  Unindent,
}

/** The kinds of tokens whose handling around comments differs. */
export const enum Tok {
  Other,
  Comma,
  RCurly,
  RBrack,
  RParen,
  EOF,
}

const NO_LINE = -1;

/**
 * Turns a stream of tokens, each optionally tagged with its source offset, into Alloy's layout. Comments
 * (which the AST does not attach) are slotted in before the first token whose position follows them, and the
 * whitespace around them is decided from their source lines, as Alloy's printer does.
 */
export class Printer {
  private readonly out: ColumnWriter;
  /**
   * The pending spaces are `spaces[0 .. spaceCount)`. The array is never shrunk: emptying it (`length = 0`)
   * would drop its backing store and the next push would allocate a new one, hundreds of thousands of times
   * on a large file.
   */
  private readonly spaces: Space[] = [];
  private spaceCount = 0;
  private indent = 0;
  /** Number of line breaks written so far (the NodePrinter compares it with source line spans). */
  lineBreaks = 0;
  private atLineStart = true;
  private wroteAnything = false;
  /** Position of the next token when given explicitly; otherwise the token follows the last one written. */
  private explicitOffset = -1;
  /**
   * Source position of the token being written, as Alloy's printer approximates it: a token without a position
   * of its own follows the last text written, on that text's last line (its line is not looked up from an
   * offset, which may have moved past a line break). The line is `nextAnchor`'s plus `nextExtraLines`,
   * looked up when needed (`nextLine` is NO_LINE until then).
   */
  private nextOffset = 0;
  private nextAnchor = 0;
  private nextExtraLines = 0;
  private nextLine = NO_LINE;
  /** Source position just after the last text written (token or comment). */
  private lastOffset = 0;
  private lastAnchor = 0;
  private lastExtraLines = 0;
  private lastLine = 0;
  /** Whether the next token has a position of its own (see {@link at}). */
  private nextPlaced = true;
  /** Where the next token really is, when it has no position of its own but its caller knows it (-1 otherwise). */
  private nextTrueOffset = -1;
  /** Whether the line Alloy takes for the next token, or for the last text written, is not its line in the source. */
  private nextLineApproximate = false;
  private lastLineApproximate = false;
  /**
   * Set when a comment was placed next to a token whose position Alloy only approximates (`,` or `)` right
   * after a comment, a call's `)` on a later line than its last argument): Alloy's layout of such a comment
   * can change when the output is formatted again, so the caller formats to the fixpoint.
   */
  placedCommentsApproximately = false;
  private readonly comments: CommentQueue;

  constructor(
    private readonly text: string,
    private readonly lineIndex: LineIndex,
    comments: readonly Comment[],
  ) {
    this.comments = new CommentQueue(text, lineIndex, comments);
    this.out = new ColumnWriter(text.length);
  }

  /** The 1-based line of an offset (>= 0). Lookups mostly stay near the previous one, where the search starts. */
  lineAt(offset: number): number {
    this.lineHint = this.lineIndex.lineAtNear(offset, this.lineHint);
    return this.lineHint;
  }

  /** The 1-based line last looked up. */
  private lineHint = 1;

  space(space: Space): void {
    this.spaces[this.spaceCount++] = space;
  }

  /** Gives the source offset of the next token written. */
  at(offset: number): void {
    this.explicitOffset = offset;
  }

  /**
   * Gives the source offset of the next token written without making it its position: Alloy's printer gives
   * some tokens (a call's parentheses) no position and places comments around them from the text before.
   */
  trulyAt(offset: number): void {
    this.nextTrueOffset = offset;
  }

  /** Writes a token (identifier, keyword, punctuation, number) whose text has no line breaks. */
  token(text: string, tok: Tok = Tok.Other): void {
    this.takeNext();
    this.flush(tok);
    this.writeText(this.nextOffset, this.nextAnchor, this.nextExtraLines, this.nextLine, text, TextKind.Plain);
  }

  /** Writes a string literal, kept exactly as written. */
  stringLiteral(text: string): void {
    this.takeNext();
    this.flush(Tok.Other);
    this.writeText(this.nextOffset, this.nextAnchor, this.nextExtraLines, this.nextLine, text, TextKind.String);
  }

  /** Writes the comments left after the last token and returns the laid-out text. */
  finish(): string {
    this.nextOffset = Number.MAX_SAFE_INTEGER;
    this.nextLine = Number.MAX_SAFE_INTEGER;
    this.flush(Tok.EOF);
    return this.out.finish();
  }

  private takeNext(): void {
    if (this.explicitOffset >= 0) {
      this.nextOffset = this.explicitOffset;
      this.nextAnchor = this.explicitOffset;
      this.nextExtraLines = 0;
      this.nextLine = NO_LINE;
      this.explicitOffset = -1;
      this.nextPlaced = true;
      this.nextLineApproximate = false;
    } else {
      this.nextOffset = this.lastOffset;
      this.nextAnchor = this.lastAnchor;
      this.nextExtraLines = this.lastExtraLines;
      this.nextLine = this.lastLine;
      this.nextPlaced = false;
      this.nextLineApproximate =
        this.nextTrueOffset >= 0 ? this.lineAt(this.nextTrueOffset) !== this.lineOfNext() : this.lastLineApproximate;
    }
    this.nextTrueOffset = -1;
  }

  private lineOfNext(): number {
    if (this.nextLine === NO_LINE) this.nextLine = this.lineAt(this.nextAnchor) + this.nextExtraLines;
    return this.nextLine;
  }

  private lineOfLast(): number {
    if (this.lastLine === NO_LINE) this.lastLine = this.lineAt(this.lastAnchor) + this.lastExtraLines;
    return this.lastLine;
  }

  private flush(tok: Tok): void {
    if (this.comments.before(this.nextOffset)) this.injectComments(tok);
    else if (tok !== Tok.EOF) this.writeSpaces(this.spaceCount);
  }

  private injectComments(tok: Tok): void {
    if (!this.nextPlaced || this.nextLineApproximate || this.lastLineApproximate) this.placedCommentsApproximately = true;
    let lastComment: Comment | undefined;
    let lastText = "";
    const queue = this.comments;
    let index = queue.nextIndex;
    while (queue.before(this.nextOffset)) {
      for (const end = queue.takeGroup(); index < end; index++) {
        const comment = queue.comment(index);
        this.writeCommentPrefix(comment);
        const start = startOffset(comment.range);
        lastText = commentTextAsAlloyKeepsIt(comment);
        this.writeText(start, start, 0, NO_LINE, lastText, TextKind.Comment);
        lastComment = comment;
      }
    }
    if (lastComment !== undefined) this.writeCommentSuffix(tok, lastComment, lastText);
  }

  /** The whitespace before a comment, as Alloy's printer decides it. */
  private writeCommentPrefix(comment: Comment): void {
    if (!this.wroteAnything) return;
    const commentLine = this.lineAt(startOffset(comment.range));
    const lastLine = this.lineOfLast();
    if (commentLine === lastLine) {
      // A comment after a token on the same line: a tab lets trailing comments line up in a column, but a
      // block comment followed by more code on its line only gets a space.
      this.writeByte(commentLine === this.lineOfNext() ? " " : "\t", 1);
      return;
    }
    // A comment on its own line: apply the indentation changes pending before the first other whitespace, and
    // drop that whitespace; the comment's own line breaks replace it (at most one blank line).
    let count = 0;
    const spaces = this.spaces;
    for (let i = 0; i < this.spaceCount; i++) {
      const space = spaces[i];
      if (space === Space.Indent || space === Space.Unindent) continue;
      spaces[i] = Space.Ignore;
      count = i;
      break;
    }
    this.writeSpaces(count);
    const newlines = commentLine - lastLine;
    if (newlines > 0) this.writeByte("\f", Math.min(newlines, 2));
  }

  /**
   * The whitespace between the last comment written and the next token, as Alloy's printer decides it: the
   * pending line breaks give way to as many as the source had between them (at most one blank line), a form
   * feed if one was dropped. `text`: the comment as written.
   */
  private writeCommentSuffix(tok: Tok, lastComment: Comment, text: string): void {
    if (tok === Tok.EOF) return;
    const nextLine = this.lineOfNext();
    // Alloy takes the comment's end from its start and the length of its text, without the CRs it dropped.
    const endLine = this.lineAt(startOffset(lastComment.range) + text.length - 1);
    if (lastComment.style === "block" && endLine === nextLine) this.writeByte(" ", 1);
    let newlines = nextLine - this.lineOfLast();
    // Alloy would write a token that has no position of its own (`,`, `)`) on the line of a line comment before
    // it, into the comment; a line break keeps the program. Alloy's own output is broken there.
    if (newlines <= 0 && lastComment.style === "line") newlines = 1;
    let droppedFormfeed = false;
    const spaces = this.spaces;
    for (let i = 0; i < this.spaceCount; i++) {
      const space = spaces[i];
      if (space === Space.Indent || space === Space.Unindent) continue;
      if (space === Space.Formfeed) droppedFormfeed = true;
      spaces[i] = Space.Ignore;
    }
    this.writeSpaces(this.spaceCount);
    if (newlines > 0) this.writeByte(droppedFormfeed ? "\f" : "\n", Math.min(newlines, 2));
  }

  /** Writes the first `count` pending spaces and drops them from the buffer. */
  private writeSpaces(count: number): void {
    const spaces = this.spaces;
    for (let i = 0; i < count; i++) {
      const space = spaces[i];
      switch (space) {
        case Space.Ignore:
          break;
        case Space.Indent:
          this.indent++;
          break;
        case Space.Unindent:
          this.indent--;
          break;
        case Space.Newline:
        case Space.Formfeed:
          this.writeByte(space === Space.Newline ? "\n" : "\f", 1);
          break;
        case Space.Blank:
          this.writeByte(" ", 1);
          break;
        case Space.VTab:
          this.writeByte("\v", 1);
          break;
      }
    }
    // Rarely more than a few spaces stay pending: a loop costs less than a call to copyWithin.
    for (let i = count; i < this.spaceCount; i++) spaces[i - count] = spaces[i];
    this.spaceCount -= count;
  }

  private writeIndent(): void {
    for (let i = 0; i < this.indent; i++) this.out.endCell(true);
  }

  private writeByte(byte: " " | "\t" | "\v" | "\n" | "\f", count: number): void {
    if (this.atLineStart) this.writeIndent();
    for (let i = 0; i < count; i++) {
      switch (byte) {
        case " ":
          this.out.writeSpace();
          break;
        case "\t":
          this.out.endCell(true);
          break;
        case "\v":
          this.out.endCell(false);
          break;
        case "\n":
          this.out.endLine(false);
          break;
        case "\f":
          this.out.endLine(true);
          break;
      }
    }
    if (byte === "\n" || byte === "\f") this.lineBreaks += count;
    this.atLineStart = byte === "\n" || byte === "\f";
    this.wroteAnything = true;
  }

  /**
   * Writes a token, comment or string at `offset` (approximate for a token without a position of its own),
   * whose line is `anchor`'s plus `extraLines` (`line` when known, otherwise NO_LINE).
   */
  private writeText(offset: number, anchor: number, extraLines: number, line: number, text: string, kind: TextKind): void {
    if (this.atLineStart) this.writeIndent();
    let newlines = 0;
    switch (kind) {
      case TextKind.Plain:
        this.out.write(text);
        break;
      case TextKind.Comment:
        this.out.writeProtected(text);
        newlines = countNewlines(text);
        break;
      case TextKind.String: {
        // A raw string's line breaks end lines for alignment purposes, as in Alloy; its text stays intact.
        let from = 0;
        let index = text.indexOf("\n");
        while (index !== -1) {
          this.out.writeProtected(text.slice(from, index));
          this.out.endLine(false);
          newlines++;
          from = index + 1;
          index = text.indexOf("\n", from);
        }
        this.out.writeProtected(from === 0 ? text : text.slice(from));
        break;
      }
    }
    this.lineBreaks += newlines;
    // Alloy's printer also counts a form feed in a comment or string as a line.
    if (kind !== TextKind.Plain && text.includes("\f")) newlines += countFormFeeds(text);
    this.lastOffset = offset + text.length;
    this.lastAnchor = anchor;
    this.lastExtraLines = extraLines + newlines;
    this.lastLine = line === NO_LINE ? NO_LINE : line + newlines;
    this.lastLineApproximate = kind !== TextKind.Comment && this.nextLineApproximate;
    this.atLineStart = false;
    this.wroteAnything = true;
  }
}

const enum TextKind {
  Plain,
  Comment,
  String,
}

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) count++;
  return count;
}

function countFormFeeds(text: string): number {
  let count = 0;
  for (let index = text.indexOf("\f"); index !== -1; index = text.indexOf("\f", index + 1)) count++;
  return count;
}
