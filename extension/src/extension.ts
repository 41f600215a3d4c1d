import type * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { registerCommands } from "./commands";
import { createLanguageClient } from "./language-client";
import { AlloyStatusBar } from "./status-bar";

/** Replaced at build time (esbuild.mjs) with the release of the catalog bundled with the server. */
declare const __ALLOY_CATALOG_VERSION__: string;

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  client = createLanguageClient(context);
  context.subscriptions.push(...registerCommands(client), new AlloyStatusBar(__ALLOY_CATALOG_VERSION__));
  try {
    await client.start();
  } catch (error) {
    // Keep the commands (restart, show output) usable when the server fails to start.
    client.outputChannel.appendLine(`Alloy language server failed to start: ${String(error)}`);
    client.outputChannel.show(true);
  }
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
