import type { ClientCapabilities } from "vscode-languageserver";

/** How LSP `character` offsets count: UTF-16 code units (LSP's default) or UTF-8 bytes. */
export type PositionEncoding = "utf-16" | "utf-8";

/**
 * What the client said it supports at `initialize`, read once. The server sends only what the client can
 * take: snippets, dynamic registrations, progress, the position encoding.
 */
export interface ClientSupport {
  readonly positionEncoding: PositionEncoding;
  /** Completion items may be snippets (`$1`, `${2:label}`); otherwise plain, single-line text. */
  readonly snippets: boolean;
  /** The client answers `workspace/configuration` pulls. */
  readonly configurationPull: boolean;
  /** The client sends workspace folders (and their changes). */
  readonly workspaceFolders: boolean;
  /** Dynamic registrations the client accepts, by what is registered. */
  readonly dynamicRegistration: {
    readonly configuration: boolean;
    readonly watchedFiles: boolean;
    readonly formatting: boolean;
    readonly rangeFormatting: boolean;
  };
  /** `window/workDoneProgress/create` and `$/progress`. */
  readonly workDoneProgress: boolean;
}

/** The client's support, from its `initialize` capabilities (absent means unsupported, as the protocol says). */
export function readClientSupport(capabilities: ClientCapabilities | undefined | null): ClientSupport {
  const c = capabilities ?? {};
  const text = c.textDocument ?? {};
  const encodings = c.general?.positionEncodings ?? [];
  return {
    // UTF-8 when offered (no conversion for clients that count bytes); UTF-16 otherwise, which every client takes.
    positionEncoding: encodings.includes("utf-8") ? "utf-8" : "utf-16",
    snippets: text.completion?.completionItem?.snippetSupport === true,
    configurationPull: c.workspace?.configuration === true,
    workspaceFolders: c.workspace?.workspaceFolders === true,
    dynamicRegistration: {
      configuration: c.workspace?.didChangeConfiguration?.dynamicRegistration === true,
      watchedFiles: c.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      formatting: text.formatting?.dynamicRegistration === true,
      rangeFormatting: text.rangeFormatting?.dynamicRegistration === true,
    },
    workDoneProgress: c.window?.workDoneProgress === true,
  };
}

/** What a client that sends no capabilities gets: LSP's defaults. */
export const defaultClientSupport: ClientSupport = readClientSupport({});
