import type { CancellationToken } from "vscode-languageserver";
import type { SemanticTokensCache } from "./features/semantic-tokens.js";
import type { Workspace } from "./workspace.js";

/** What every feature function receives besides its document and parameters. */
export interface FeatureContext {
  readonly workspace: Workspace;
  /** Long-running features check it between units of work. */
  readonly token?: CancellationToken;
  /** The last semantic tokens sent per document, for `semanticTokens/full/delta`. */
  readonly semanticTokens?: SemanticTokensCache;
}
