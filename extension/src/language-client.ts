import { join } from "node:path";
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";

/**
 * The client for the language server bundled at `dist/server-bundle.js` (run by `dist/server.js` with a code
 * cache kept in the extension's global storage), started as a Node process of its own and spoken to over Node
 * IPC. Settings under `alloy.*` go to the server at initialization and on change; the server may also pull
 * them with `workspace/configuration`.
 */
export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const module = context.asAbsolutePath("dist/server.js");
  const env = { ...process.env, ALLOY_LANGUAGE_SERVER_CODE_CACHE_DIR: join(context.globalStorageUri.fsPath, "code-cache") };
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ["--nolazy", "--inspect=6009"] } },
  };
  const outputChannel = vscode.window.createOutputChannel("Alloy");
  const clientOptions: LanguageClientOptions = {
    // Alloy files, and YAML: the server checks the Kubernetes YAML that deploys Alloy (manifests and their
    // ConfigMaps' configs, rendered charts, chart values, kustomizations, HelmReleases, Applications, the
    // operator's Alloy, k8s-monitoring values) with the deployment rules, and leaves other YAML alone.
    documentSelector: [{ language: "alloy" }, { language: "yaml", scheme: "file" }],
    initializationOptions: readSettings,
    synchronize: { configurationSection: "alloy" },
    outputChannel,
  };
  return new LanguageClient("alloy", "Alloy Language Server", serverOptions, clientOptions);
}

/** The settings the server reads (`Settings` in the server's settings.ts), as plain JSON. */
export const serverSettingNames = [
  "alloyVersion",
  "stabilityLevel",
  "communityComponents",
  "rules",
  "valuesFiles",
  "diagnosticsDelay",
  "diagnosticsScope",
  "inlayHints",
  "importsOutsideWorkspace",
] as const;

export function readSettings(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration("alloy");
  return Object.fromEntries(serverSettingNames.map((name) => [name, config.get(name)]));
}
