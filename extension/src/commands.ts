import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { componentDocUrlFromMarkdown } from "./doc-links";
import { PipelineGraphPanels } from "./graph-panel";

/** Every command the extension contributes; `package.json` lists the same ids. */
export const commandIds = {
  restartServer: "alloy.restartServer",
  showOutput: "alloy.showOutput",
  showPipelineGraph: "alloy.showPipelineGraph",
  openComponentDocs: "alloy.openComponentDocs",
} as const;

export function registerCommands(client: LanguageClient): vscode.Disposable[] {
  const graphPanels = new PipelineGraphPanels(client);
  return [
    graphPanels,
    vscode.commands.registerCommand(commandIds.restartServer, () => restartServer(client)),
    vscode.commands.registerCommand(commandIds.showOutput, () => client.outputChannel.show(true)),
    vscode.commands.registerCommand(commandIds.showPipelineGraph, () => showPipelineGraph(graphPanels)),
    vscode.commands.registerCommand(commandIds.openComponentDocs, openComponentDocs),
  ];
}

async function restartServer(client: LanguageClient): Promise<void> {
  await client.restart();
  vscode.window.setStatusBarMessage("Alloy language server restarted", 3000);
}

/** Opens the pipeline graph of the active Alloy file's config beside it. */
async function showPipelineGraph(graphPanels: PipelineGraphPanels): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "alloy") {
    await vscode.window.showInformationMessage("Open an Alloy file to show its pipeline graph.");
    return;
  }
  graphPanels.show(editor.document, editor.viewColumn);
}

/** Opens the documentation of the component under the cursor, taken from the language server's hover. */
async function openComponentDocs(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== "alloy") {
    await vscode.window.showInformationMessage("Open an Alloy file and put the cursor on a component.");
    return;
  }
  const hovers =
    (await vscode.commands.executeCommand<vscode.Hover[]>(
      "vscode.executeHoverProvider",
      editor.document.uri,
      editor.selection.active,
    )) ?? [];
  const markdown = hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === "string" ? content : content.value))
    .join("\n");
  const url = componentDocUrlFromMarkdown(markdown);
  if (url === undefined) {
    await vscode.window.showInformationMessage("No Alloy component documentation found at the cursor.");
    return;
  }
  await vscode.env.openExternal(vscode.Uri.parse(url));
}
