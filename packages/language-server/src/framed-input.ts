import { Transform, type TransformCallback } from "node:stream";

/** The largest message taken: a document of the size limit, JSON-escaped, with room to spare. */
const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
/** Headers longer than this without their blank line are not headers. */
const MAX_HEADER_BYTES = 8 * 1024;

const HEADER_END = Buffer.from("\r\n\r\n");
const CONTENT_LENGTH = /^content-length:[ \t]*(\d+)[ \t]*$/i;

/**
 * The LSP base protocol's framing (`Content-Length: N` headers, a blank line, N bytes), checked before
 * vscode-jsonrpc reads it. Its reader takes any number `parseInt` gives: a negative or malformed
 * `Content-Length` leaves it waiting forever for a body it cannot find, and the server never answers again.
 * Here a frame with a bad header is dropped (with a line on stderr) and reading starts again at the next
 * `Content-Length` header, so one bad message costs that message only. Good frames pass through as they
 * came.
 */
export class FramedInput extends Transform {
  private buffer = Buffer.alloc(0);
  /** Chunks received since `buffer` was last joined, while a frame's body is awaited. */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** The length `buffer` must reach for the frame it starts to be complete. */
  private awaited = 0;

  constructor(private readonly report: (problem: string) => void) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    // A large body arrives in many chunks: they are joined once, when it is complete.
    if (this.buffer.length + this.pendingBytes >= this.awaited) {
      this.buffer = Buffer.concat([this.buffer, ...this.pending]);
      this.pending = [];
      this.pendingBytes = 0;
      this.drain();
    }
    callback();
  }

  private drain(): void {
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd === -1) {
        if (this.buffer.length > MAX_HEADER_BYTES) this.skip("a header without its end", 1);
        return;
      }
      const header = this.buffer.subarray(0, headerEnd).toString("ascii");
      const lengths = header
        .split("\r\n")
        .map((line) => (/^content-length:/i.test(line) ? CONTENT_LENGTH.exec(line) : undefined))
        .filter((m) => m !== undefined);
      const length = lengths.length === 1 && lengths[0] ? Number(lengths[0][1]) : NaN;
      if (!Number.isSafeInteger(length) || length > MAX_MESSAGE_BYTES) {
        this.skip(`a message header with ${lengths.length === 0 ? "no Content-Length" : `Content-Length ${JSON.stringify(header)}`}`, headerEnd + HEADER_END.length);
        continue;
      }
      const frameEnd = headerEnd + HEADER_END.length + length;
      if (this.buffer.length < frameEnd) {
        this.awaited = frameEnd;
        return;
      }
      this.awaited = 0;
      this.push(this.buffer.subarray(0, frameEnd));
      this.buffer = this.buffer.subarray(frameEnd);
    }
  }

  /** Drops what is at the start (a bad frame's header, the body it may have) up to the next `Content-Length` header. */
  private skip(what: string, from: number): void {
    const next = indexOfHeaderStart(this.buffer, from);
    this.report(`dropped ${what} (${next === -1 ? this.buffer.length : next} bytes) and read on from the next Content-Length header`);
    this.buffer = next === -1 ? Buffer.alloc(0) : this.buffer.subarray(next);
  }
}

/**
 * Where the next `Content-Length:` begins, at or after `from` (-1 when none). A frame follows the body
 * before it directly, with no line break between.
 */
function indexOfHeaderStart(buffer: Buffer, from: number): number {
  const text = buffer.toString("latin1").toLowerCase();
  return text.indexOf("content-length:", from);
}
