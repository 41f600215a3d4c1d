import type { FrameLocator, Locator, Page } from "playwright-core";

/** Drives the VS Code workbench in a page through the command palette and the editor. */
export class Workbench {
  constructor(readonly page: Page) {}

  /** The editor's text area (the focused Monaco editor). */
  get editor(): Locator {
    return this.page.locator(".editor-instance .monaco-editor").first();
  }

  /**
   * The page inside the visible webview panel. A webview is two nested iframes: the host page VS Code
   * loads from the webview origin, and inside it the extension's HTML in `#active-frame`.
   */
  get webview(): FrameLocator {
    return this.page.frameLocator("iframe.webview.ready").first().frameLocator("iframe#active-frame");
  }

  /** The status bar's cursor position (`Ln 3, Col 1`) of the active editor. */
  get cursorPosition(): Locator {
    return this.page.locator('[id="status.editor.selection"]');
  }

  async openFromExplorer(fileName: string): Promise<void> {
    const row = this.page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${fileName}"]`);
    await row.click({ timeout: 30_000 });
    await this.page.locator(`.tab[aria-label^="${fileName}"]`).waitFor();
  }

  async waitForLanguage(name: string): Promise<void> {
    await this.page.locator('[id="status.editor.mode"]', { hasText: name }).waitFor({ timeout: 30_000 });
  }

  /** Runs a command by its palette label (e.g. "Format Document"). */
  async runCommand(label: string): Promise<void> {
    await this.quickInput(`>${label}`, label);
  }

  /** Moves the cursor; line and column are 1-based. */
  async goTo(line: number, column: number): Promise<void> {
    await this.quickInput(`:${line}:${column}`);
  }

  private async quickInput(text: string, expectedRow?: string): Promise<void> {
    await this.page.keyboard.press("F1");
    const input = this.page.locator(".quick-input-widget .quick-input-box input");
    await input.waitFor();
    await input.fill(text);
    if (expectedRow !== undefined) {
      const exact = new RegExp(`^${expectedRow.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);
      await this.page
        .locator(".quick-input-list .monaco-list-row.focused .label-name", { hasText: exact })
        .first()
        .waitFor();
    }
    await this.page.keyboard.press("Enter");
    await this.page.locator(".quick-input-widget").waitFor({ state: "hidden" });
  }

  async screenshot(path: string): Promise<void> {
    await this.page.screenshot({ path });
  }
}
