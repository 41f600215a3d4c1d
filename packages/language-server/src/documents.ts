import { readFileSync, statSync } from "node:fs";
import type { SourceDocument } from "@alloy-toolkit/checker/core";
import { decodeSource, parse, reparse, type EncodingDiagnostic, type ParseResult } from "@alloy-toolkit/parser";
import { TextDocument } from "vscode-languageserver-textdocument";
import type { TextDocumentContentChangeEvent } from "vscode-languageserver";
import { URI } from "vscode-uri";
import type { PositionEncoding } from "./client-capabilities.js";
import { MAX_DOCUMENT_SIZE } from "./limits.js";
import { LspLines, utf16Character } from "./lsp-positions.js";

/**
 * One version of an Alloy text, parsed. Parsing happens once per version, on first use, and the result is
 * shared by every feature asking about that version. An edited document parses incrementally: it takes
 * over the parse of the previous version it was made from ({@link reparse}) and parses again only the
 * statements the edit touched.
 */
let lineages = 0;

export class ParsedDocument {
  /**
   * Shared by the versions of one open document, each parsed from the one before (`reparse`), whose reused
   * statements are the very objects of the earlier parses: offsets of an analysis made on an earlier version
   * of the lineage still name the same statements. A document read from disk, or opened again, starts one.
   */
  readonly lineage: number;
  private parsed: ParseResult | undefined;
  private checkerSource: SourceDocument | undefined;
  private lspLines: LspLines | undefined;

  constructor(
    readonly uri: string,
    /** The editor's version for open documents; -1 for files read from disk. */
    readonly version: number,
    readonly text: string,
    private previous?: ParsedDocument,
    /** How the client counts characters in positions. */
    readonly encoding: PositionEncoding = "utf-16",
    /** The language the editor says the document is in (open documents only). */
    readonly languageId?: string,
    /** What reading a file from disk found wrong with it (files read from disk only). */
    private readonly disk: DiskReadProblem = {},
  ) {
    this.lineage = previous?.lineage ?? ++lineages;
  }

  /**
   * For a file on disk whose bytes are not UTF-8: an error at each bad byte, as Alloy's scanner reports them
   * (`text` has U+FFFD there). They come first among the parse's diagnostics, so the checker reports them, and
   * an `import.file` of the file says it is not read.
   */
  get badBytes(): readonly EncodingDiagnostic[] | undefined {
    return this.disk.badBytes;
  }

  /**
   * The size of a document past {@link MAX_DOCUMENT_SIZE} (UTF-16 code units as open, bytes on disk), or
   * `undefined`: such a document is neither parsed nor checked, and features answer nothing for it.
   */
  get tooLarge(): number | undefined {
    return this.disk.unreadSize ?? (this.text.length > MAX_DOCUMENT_SIZE ? this.text.length : undefined);
  }

  /** This text's lines as LSP counts them: every position the server sends or reads goes through it. */
  get lsp(): LspLines {
    if (this.lspLines === undefined) {
      // The parser's line starts when this version is parsed (its index describes this very text then).
      const index = this.parsed?.lineIndex;
      this.lspLines = new LspLines(this.text, this.encoding, index && index.text === this.text ? index.lineStarts : undefined);
    }
    return this.lspLines;
  }

  get parse(): ParseResult {
    if (this.parsed === undefined) {
      const filename = fileNameOf(this.uri);
      // Too large to parse: callers check `tooLarge` first; anything that does not sees an empty file.
      if (this.tooLarge !== undefined) return (this.parsed = parse("", { filename }));
      const previous = this.previous?.handOver();
      this.previous = undefined;
      this.parsed = previous ? reparse(previous, this.text, { filename }) : parse(this.text, { filename });
      if (this.badBytes !== undefined) {
        // The parser's own word on a U+FFFD where a bad byte was would say the same thing twice.
        const at = new Set(this.badBytes.map((d) => d.range.start.offset));
        const { diagnostics } = this.parsed;
        this.parsed = { ...this.parsed, diagnostics: [...this.badBytes, ...diagnostics.filter((d) => !at.has(d.range.start.offset))] };
      }
    }
    return this.parsed;
  }

  /**
   * Gives this version's parse (or, when it was never parsed, the last parse before it) to the next
   * version, which reuses (and moves) its statements. This version forgets it and would parse its text
   * again if asked, so it never serves a parse that moved on.
   */
  private handOver(): ParseResult | undefined {
    const parsed = this.parsed ?? this.previous?.handOver();
    this.parsed = undefined;
    this.previous = undefined;
    this.checkerSource = undefined;
    return parsed;
  }

  get ast() {
    return this.parse.ast;
  }

  get lineIndex() {
    return this.parse.lineIndex;
  }

  /** The document as the checker reads it (same parse), named by {@link checkerFilename}. */
  get source(): SourceDocument {
    const { ast, lineIndex, diagnostics } = this.parse;
    this.checkerSource ??= { filename: checkerFilename(this.uri), text: this.text, ast, lineIndex, parseDiagnostics: diagnostics };
    return this.checkerSource;
  }
}

/** What reading a file from disk found wrong with it: nothing, its size past the limit (not read), or bytes that are not UTF-8. */
interface DiskReadProblem {
  /** Over {@link MAX_DOCUMENT_SIZE}: its size in bytes (it was not read; the document's `text` is empty). */
  readonly unreadSize?: number;
  readonly badBytes?: readonly EncodingDiagnostic[];
}

interface DiskEntry {
  readonly mtimeMs: number;
  readonly size: number;
  readonly document: ParsedDocument;
}

/**
 * The texts the server knows: documents open in the editor (updated incrementally from `didChange`),
 * and files read from disk (cached by modification time). An open document always wins over the disk.
 */
export class DocumentStore {
  /** Open documents: the editor's text, and the last version handed out (the base of the next parse). */
  private readonly open = new Map<string, { text: TextDocument; parsed: ParsedDocument | undefined }>();
  private readonly disk = new Map<string, DiskEntry>();
  /** Documents that exist only in the server (the Alloy config inside a values file), by URI. */
  private readonly embedded = new Map<string, ParsedDocument>();
  /** How the client counts characters (negotiated at `initialize`). */
  encoding: PositionEncoding = "utf-16";

  openDocument(uri: string, languageId: string, version: number, text: string): void {
    this.open.set(uri, { text: TextDocument.create(uri, languageId, version, text), parsed: undefined });
  }

  changeDocument(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): boolean {
    const entry = this.open.get(uri);
    if (!entry) return false;
    if (this.encoding === "utf-16") {
      entry.text = TextDocument.update(entry.text, changes, version);
      return true;
    }
    // The text model counts UTF-16: each change's range is converted on the text it applies to.
    for (const change of changes) {
      if (!("range" in change)) {
        entry.text = TextDocument.update(entry.text, [change], version);
        continue;
      }
      const document = entry.text;
      const utf16 = (position: { line: number; character: number }) => {
        const line = document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } });
        return { line: position.line, character: utf16Character(line, position.character) };
      };
      entry.text = TextDocument.update(document, [{ range: { start: utf16(change.range.start), end: utf16(change.range.end) }, text: change.text }], version);
    }
    return true;
  }

  closeDocument(uri: string): void {
    this.open.delete(uri);
  }

  /** The language the editor gave an open document, or `undefined`. */
  languageOf(uri: string): string | undefined {
    return this.open.get(uri)?.text.languageId;
  }

  /** Serves a document made by the server itself under its URI (the newest one made wins). */
  setEmbedded(doc: ParsedDocument): void {
    this.embedded.set(doc.uri, doc);
  }

  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }

  openUris(): string[] {
    return [...this.open.keys()];
  }

  /** The current version of an open document, or `undefined`. */
  versionOf(uri: string): number | undefined {
    return this.open.get(uri)?.text.version;
  }

  /** The latest text of `uri`, parsed lazily: the open document, else the file on disk, else `undefined`. */
  get(uri: string): ParsedDocument | undefined {
    const entry = this.open.get(uri);
    if (entry) {
      if (!entry.parsed || entry.parsed.version !== entry.text.version) {
        entry.parsed = new ParsedDocument(uri, entry.text.version, entry.text.getText(), entry.parsed, this.encoding, entry.text.languageId);
      }
      return entry.parsed;
    }
    return this.embedded.get(uri) ?? this.readDisk(uri);
  }

  /** Forgets the disk copy of `uri` (after a file-watcher event). */
  invalidate(uri: string): void {
    this.disk.delete(uri);
  }

  private readDisk(uri: string): ParsedDocument | undefined {
    const path = fsPathOf(uri);
    if (path === undefined) return undefined;
    let stat;
    try {
      stat = statSync(path);
    } catch {
      this.disk.delete(uri);
      return undefined; // the file is gone: nothing to read
    }
    // Never a FIFO, a device or a socket: reading those blocks, or never ends.
    if (!stat.isFile()) return undefined;
    const cached = this.disk.get(uri);
    if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.document;
    let document: ParsedDocument;
    if (stat.size > MAX_DOCUMENT_SIZE) {
      document = new ParsedDocument(uri, -1, "", undefined, this.encoding, undefined, { unreadSize: stat.size });
    } else {
      // As Alloy reads files: UTF-8, never a silent replacement of bytes that are not.
      const decoded = decodeSource(readFileSync(path));
      document = new ParsedDocument(uri, -1, decoded.text, undefined, this.encoding, undefined, decoded.ok ? {} : { badBytes: decoded.diagnostics });
    }
    this.disk.set(uri, { mtimeMs: stat.mtimeMs, size: stat.size, document });
    return document;
  }
}

/** The file-system path of a `file:` URI, or `undefined` for other schemes (untitled buffers…). */
export function fsPathOf(uri: string): string | undefined {
  const parsed = URI.parse(uri);
  return parsed.scheme === "file" ? parsed.fsPath : undefined;
}

/** The file name the checker sees (and reports): the file-system path for files, the URI otherwise. */
export function checkerFilename(uri: string): string {
  return fsPathOf(uri) ?? uri;
}

/** The URI of a file name the checker reported ({@link checkerFilename} reversed). */
export function uriOfCheckerFile(file: string): string {
  // A URI (`untitled:`, a config embedded in YAML): a scheme of two letters or more (`C:` is a drive).
  return file.includes("://") || /^[a-zA-Z][\w+.-]+:/.test(file) ? file : URI.file(file).toString();
}

export function fileNameOf(uri: string): string {
  const path = URI.parse(uri).path;
  return path.slice(path.lastIndexOf("/") + 1) || uri;
}
