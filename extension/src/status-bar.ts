import * as vscode from "vscode";

/**
 * Status bar item: the Alloy release whose catalog is in use and the number of problems the language server
 * reports, in Alloy files and in Kubernetes YAML (manifests, chart values, GitOps objects) alike. Shown for Alloy
 * files and for files with such problems.
 */
export class AlloyStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("alloy.status", vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly defaultCatalogVersion: string) {
    this.item.name = "Alloy";
    this.item.command = "workbench.actions.view.problems";
    this.subscriptions = [
      vscode.languages.onDidChangeDiagnostics(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration("alloy") && this.update()),
    ];
    this.update();
  }

  update(): void {
    const version = vscode.workspace.getConfiguration("alloy").get<string>("alloyVersion") || this.defaultCatalogVersion;
    const { errors, warnings } = countAlloyProblems();
    const problems = errors + warnings;
    this.item.text = `$(check-all) Alloy ${version}` + (problems > 0 ? `  $(error) ${errors} $(warning) ${warnings}` : "");
    this.item.tooltip =
      `Alloy component catalog ${version}\n` +
      `${problems === 0 ? "No" : problems} problem${problems === 1 ? "" : "s"} in Alloy files and Kubernetes YAML — click to show them`;
    const active = vscode.window.activeTextEditor?.document;
    if (active && (active.languageId === "alloy" || vscode.languages.getDiagnostics(active.uri).some(isAlloyDiagnostic))) this.item.show();
    else this.item.hide();
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.item.dispose();
  }
}

/** A problem from the language server (every one it publishes says `source: "alloy"`). */
function isAlloyDiagnostic(diagnostic: vscode.Diagnostic): boolean {
  return diagnostic.source === "alloy";
}

function countAlloyProblems(): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const [, diagnostics] of vscode.languages.getDiagnostics()) {
    for (const diagnostic of diagnostics) {
      if (!isAlloyDiagnostic(diagnostic)) continue;
      if (diagnostic.severity === vscode.DiagnosticSeverity.Error) errors++;
      else if (diagnostic.severity === vscode.DiagnosticSeverity.Warning) warnings++;
    }
  }
  return { errors, warnings };
}
