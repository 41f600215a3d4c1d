import type { DeploymentConfigText } from "@alloy-toolkit/deployment";
import type { Position, Range } from "vscode-languageserver";
import { ParsedDocument } from "./documents.js";

/** The scheme of the documents the server makes of the Alloy configs inside YAML. */
const EMBEDDED_SCHEME = "alloy-embedded";

/**
 * A YAML document and one Alloy config written inside it (a ConfigMap key, `alloy.configMap.content` of chart
 * values, a collector's `extraConfig`…, as the deployment checks find it), as a document of its own: the
 * features that read Alloy (hover, completion, navigation…) run on that document, with the request's positions
 * moved into it and the answer's ranges moved back into the YAML file, through every scalar it is nested in.
 */
export class EmbeddedConfig {
  /** The config as a document. */
  readonly document: ParsedDocument;

  constructor(
    readonly host: ParsedDocument,
    readonly config: DeploymentConfigText,
    /** Its place among the configs of the host (the document's URI tells them apart). */
    index: number,
  ) {
    this.document = new ParsedDocument(`${EMBEDDED_SCHEME}:${encodeURIComponent(host.uri)}/${index}`, host.version, config.text, undefined, host.encoding);
  }

  /** The position in the config of a position of the YAML file; `undefined` outside the config. */
  toEmbedded(position: Position): Position | undefined {
    const offset = this.config.textOffset(this.host.lsp.offset(position));
    return offset === undefined ? undefined : this.document.lsp.position(offset);
  }

  /** A range of the config as a range of the YAML file. */
  toHost(range: Range): Range {
    const lines = this.document.lsp;
    const start = lines.offset(range.start);
    const end = lines.offset(range.end);
    const hostStart = this.config.fileOffset(start);
    const hostEnd = end > start ? this.config.fileEndOffset(end - 1) : hostStart;
    return this.host.lsp.range(hostStart, Math.max(hostStart, hostEnd));
  }

  /**
   * An answer about the config as an answer about the YAML file: every range (and inlay hint
   * position) moved, the config document's URI replaced by the YAML file's, and the line breaks of inserted
   * text followed by the YAML indentation of the line they go into (a block scalar's; an edit that would break
   * out of another scalar style is dropped with its item).
   */
  toHostAnswer<T>(answer: T): T {
    return this.move(answer, undefined) as T;
  }

  private move(value: unknown, key: string | undefined): unknown {
    if (Array.isArray(value)) {
      const moved = value.map((item) => this.move(item, undefined));
      return moved.filter((item) => item !== DROPPED);
    }
    if (typeof value !== "object" || value === null) {
      return key === "uri" && value === this.document.uri ? this.host.uri : value;
    }
    if (isRange(value)) return this.toHost(value);
    if (key === "position" && isPosition(value)) return this.toHost({ start: value, end: value }).start;
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [name, item] of Object.entries(record)) {
      if (name === "newText" && typeof item === "string" && item.includes("\n") && isRange(record.range)) {
        const prefix = this.config.lineIndentation(this.document.lsp.offset(record.range.start));
        if (prefix === undefined) return DROPPED;
        out[name] = item.replace(/\n/g, `\n${prefix}`);
        continue;
      }
      const moved = this.move(item, name);
      if (moved === DROPPED) return DROPPED;
      out[name] = moved;
    }
    return out;
  }
}

const DROPPED = Symbol("dropped");

function isPosition(value: unknown): value is Position {
  return typeof value === "object" && value !== null && typeof (value as Position).line === "number" && typeof (value as Position).character === "number";
}

function isRange(value: unknown): value is Range {
  return typeof value === "object" && value !== null && isPosition((value as Range).start) && isPosition((value as Range).end);
}
