import type { CancellationToken } from "vscode-languageserver";
import type { Workspace } from "./workspace.js";

/** What every feature function receives besides its document and parameters. */
export interface FeatureContext {
  readonly workspace: Workspace;
  /** Long-running features check it between units of work. */
  readonly token?: CancellationToken;
}
