// The pipeline graph webview's page and messages (extension/src/graph-view.ts): what needs no VS Code.
import { describe, expect, it } from "vitest";
import {
  aggregatedNotice,
  createNonce,
  graphFileOf,
  graphViewHtml,
  revealTargetOf,
  syntaxErrorNotice,
} from "../../extension/src/graph-view";

const page = (script = "console.log(1)") =>
  graphViewHtml({ title: "Alloy graph: workspace", nonce: "n0nce", cspSource: "https://webview.test", script });

describe("graph webview page", () => {
  it("has a Content-Security-Policy that allows only the nonce's script and nothing remote", () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page())?.[1];
    expect(csp?.split("; ")).toEqual([
      "default-src 'none'",
      "img-src https://webview.test data:",
      "style-src https://webview.test 'nonce-n0nce'",
      "script-src 'nonce-n0nce'",
    ]);
  });

  it("carries the nonce on its only script and style, with the script inline", () => {
    const html = page("window.graphView = 1;");
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual(['<script nonce="n0nce">']);
    expect([...html.matchAll(/<style\b[^>]*>/g)].map((m) => m[0])).toEqual(['<style nonce="n0nce">']);
    expect(html).toContain('<script nonce="n0nce">window.graphView = 1;</script>');
    expect(html).not.toMatch(/\b(src|href)="https?:/);
  });

  it("keeps a closing script tag inside the script from ending the element", () => {
    const html = page('const s = "</script><script>alert(1)</script>";');
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });

  it("escapes the title and follows the editor's theme", () => {
    const html = graphViewHtml({ title: "<b>&", nonce: "n", cspSource: "c", script: "" });
    expect(html).toContain("<title>&lt;b&gt;&amp;</title>");
    expect(html).toContain("background: var(--vscode-editor-background)");
  });

  it("makes a new nonce each time, long enough not to be guessed", () => {
    const nonces = new Set(Array.from({ length: 20 }, createNonce));
    expect(nonces.size).toBe(20);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{24}$/);
  });
});

describe("revealing a clicked node", () => {
  it("maps the node's 1-based line and column to a 0-based position in the file", () => {
    expect(revealTargetOf({ type: "reveal", file: "/work/config/main.alloy", line: 12, column: 3 })).toEqual({
      file: { kind: "path", path: "/work/config/main.alloy" },
      line: 11,
      column: 2,
    });
  });

  it("takes file names the way the server writes them: a path for file: documents, a URI otherwise", () => {
    expect(graphFileOf("/a/b.alloy")).toEqual({ kind: "path", path: "/a/b.alloy" });
    expect(graphFileOf("C:\\a\\b.alloy")).toEqual({ kind: "path", path: "C:\\a\\b.alloy" });
    expect(graphFileOf("untitled:Untitled-1")).toEqual({ kind: "uri", uri: "untitled:Untitled-1" });
    expect(graphFileOf("vscode-vfs://github/x/y.alloy")).toEqual({ kind: "uri", uri: "vscode-vfs://github/x/y.alloy" });
  });

  it("ignores other and malformed messages", () => {
    for (const message of [
      undefined,
      null,
      "reveal",
      { type: "ready" },
      { type: "reveal", file: "", line: 1, column: 1 },
      { type: "reveal", file: "/a.alloy", line: 0, column: 1 },
      { type: "reveal", file: "/a.alloy", line: 1.5, column: 1 },
      { type: "reveal", file: "/a.alloy", line: "3", column: 1 },
      { type: "reveal", file: 7, line: 1, column: 1 },
    ]) {
      expect(revealTargetOf(message), JSON.stringify(message)).toBeUndefined();
    }
  });
});

describe("syntax error notice", () => {
  it("says the graph shows what parsed, with the first error", () => {
    expect(syntaxErrorNotice(0, undefined)).toBeUndefined();
    expect(syntaxErrorNotice(1, "expected }, got EOF")).toBe(
      "The config has a syntax error: the graph shows what parsed. (expected }, got EOF)",
    );
    expect(syntaxErrorNotice(3, undefined)).toBe("The config has 3 syntax errors: the graph shows what parsed.");
  });
});

describe("aggregated graph notice", () => {
  it("says how many components a graph drawn one node per component name stands for", () => {
    expect(aggregatedNotice(undefined)).toBeUndefined();
    expect(aggregatedNotice(15_000)).toBe(
      "15,000 components: drawn one node per component name (×count), edges merged. Click a node to open the first of them.",
    );
  });
});
