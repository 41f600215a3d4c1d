import type { Comment, LineIndex } from "@alloy-toolkit/parser";
import { endOffset, startOffset } from "@alloy-toolkit/parser";
import { ColumnWriter } from "./align.js";
import { CommentQueue } from "./comments.js";

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
  /** Source position of the token being written; the line is NO_LINE until needed. */
  private nextOffset = 0;
  private nextLine = NO_LINE;
  /** Source position just after the last text written (token or comment). */
  private lastOffset = 0;
  private lastLine = 0;
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
    this.lineHint = this.lineIndex.lineOfNear(offset, this.lineHint);
    return this.lineHint + 1;
  }

  /** 0-based index of the line last looked up. */
  private lineHint = 0;

  space(space: Space): void {
    this.spaces[this.spaceCount++] = space;
  }

  /** Gives the source offset of the next token written. */
  at(offset: number): void {
    this.explicitOffset = offset;
  }

  /** Writes a token (identifier, keyword, punctuation, number) whose text has no line breaks. */
  token(text: string, tok: Tok = Tok.Other): void {
    this.takeNext();
    this.flush(tok);
    this.writeText(this.nextOffset, this.nextLine, text, TextKind.Plain);
  }

  /** Writes a string literal, kept exactly as written. */
  stringLiteral(text: string): void {
    this.takeNext();
    this.flush(Tok.Other);
    this.writeText(this.nextOffset, this.nextLine, text, TextKind.String);
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
      this.nextLine = NO_LINE;
      this.explicitOffset = -1;
    } else {
      this.nextOffset = this.lastOffset;
      this.nextLine = this.lastLine;
    }
  }

  private lineOfNext(): number {
    if (this.nextLine === NO_LINE) this.nextLine = this.lineAt(this.nextOffset);
    return this.nextLine;
  }

  private lineOfLast(): number {
    if (this.lastLine === NO_LINE) this.lastLine = this.lineAt(this.lastOffset);
    return this.lastLine;
  }

  private flush(tok: Tok): void {
    if (this.comments.before(this.nextOffset)) this.injectComments(tok);
    else if (tok !== Tok.EOF) this.writeSpaces(this.spaceCount);
  }

  private injectComments(tok: Tok): void {
    let lastComment: Comment | undefined;
    const queue = this.comments;
    let index = queue.nextIndex;
    while (queue.before(this.nextOffset)) {
      for (const end = queue.takeGroup(); index < end; index++) {
        const comment = queue.comment(index);
        this.writeCommentPrefix(comment, tok);
        const start = startOffset(comment.range);
        this.writeText(start, this.lineAt(start), comment.text, TextKind.Comment);
        lastComment = comment;
      }
    }
    if (lastComment !== undefined) this.writeCommentSuffix(tok, lastComment);
  }

  private writeCommentPrefix(comment: Comment, tok: Tok): void {
    if (!this.wroteAnything) return;
    const commentLine = this.lineAt(startOffset(comment.range));
    const lastLine = this.lineOfLast();
    if (commentLine === lastLine) {
      // A comment after a token on the same line: a tab lets trailing comments line up in a column, but a
      // block comment followed by more code on its line only gets a space.
      this.writeByte(commentLine === this.lineOfNext() ? " " : "\t", 1);
      return;
    }
    // A comment on its own line: apply pending indentation up to the first line break, which the comment
    // replaces with as many as the source had (at most one blank line).
    let count = 0;
    const spaces = this.spaces;
    for (let i = 0; i < this.spaceCount; i++) {
      const space = spaces[i];
      if (space === Space.Blank || space === Space.VTab) {
        spaces[i] = Space.Ignore;
        continue;
      }
      if (space === Space.Indent) continue;
      if (space === Space.Unindent) {
        // The unindent closing a block or collection stays pending so that a comment at the end of a body is
        // indented like the body.
        if (tok !== Tok.RCurly && tok !== Tok.RBrack && tok !== Tok.RParen) continue;
      } else if (space === Space.Newline || space === Space.Formfeed) {
        spaces[i] = Space.Ignore;
      }
      count = i;
      break;
    }
    this.writeSpaces(count);
    const newlines = commentLine - lastLine;
    if (newlines > 0) this.writeByte("\f", Math.min(newlines, 2));
  }

  private writeCommentSuffix(tok: Tok, lastComment: Comment): void {
    const isLineComment = lastComment.style === "line";
    if (
      !isLineComment &&
      this.lineAt(startOffset(lastComment.range)) === this.lineOfNext() &&
      tok !== Tok.Comma &&
      tok !== Tok.EOF
    ) {
      this.writeByte(" ", 1);
    }
    let needsLinebreak = isLineComment || tok === Tok.EOF;
    let wroteLinebreak = false;
    let droppedFormfeed = false;
    const spaces = this.spaces;
    for (let i = 0; i < this.spaceCount; i++) {
      const space = spaces[i];
      if (space === Space.Blank || space === Space.VTab) spaces[i] = Space.Ignore;
      else if (space === Space.Newline || space === Space.Formfeed) {
        if (needsLinebreak || (!wroteLinebreak && tok !== Tok.EOF)) {
          needsLinebreak = false;
          wroteLinebreak = true;
        } else {
          if (space === Space.Formfeed) droppedFormfeed = true;
          spaces[i] = Space.Ignore;
        }
      }
    }
    this.writeSpaces(this.spaceCount);
    if (needsLinebreak) {
      this.writeByte("\n", 1);
      wroteLinebreak = true;
    }
    if (tok === Tok.EOF) return;
    // Keep a blank line that separated the comment from the next token.
    const gap = Math.min(this.lineOfNext() - this.lineAt(endOffset(lastComment.range)), 2) - (wroteLinebreak ? 1 : 0);
    if (gap > 0) this.writeByte(droppedFormfeed ? "\f" : "\n", gap);
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
          // A line break followed by an unindent: unindent first, so the next line starts at the outer level
          // and a new run of aligned lines begins with it.
          if (i + 1 < count && spaces[i + 1] === Space.Unindent) {
            spaces[i] = Space.Unindent;
            spaces[i + 1] = Space.Formfeed;
            i--;
            break;
          }
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

  private writeText(offset: number, line: number, text: string, kind: TextKind): void {
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
    this.lastOffset = offset + text.length;
    this.lastLine = newlines === 0 ? line : (line === NO_LINE ? this.lineAt(offset) : line) + newlines;
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
