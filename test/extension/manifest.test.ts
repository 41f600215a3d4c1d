// The extension's manifest against its sources, the language server's settings, the grammars and the
// packaged file list: checks that need no VS Code.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { availableAlloyVersions, catalogVersion } from "../../packages/catalog/dist/index.js";
import { defaultSettings } from "../../packages/language-server/dist/settings.js";
import { grammarFiles } from "../../extension/esbuild.mjs";
import { componentDocUrlFromMarkdown } from "../../extension/src/doc-links";
import { extensionDir, extensionSource, manifest, repoDir } from "./manifest";

const contributes = manifest.contributes;
const properties: Record<string, { default?: unknown }> = contributes.configuration.properties;

describe("extension manifest", () => {
  it("activates on Alloy files, on YAML (Helm values files are checked without an Alloy file open), and in workspaces with Alloy files", () => {
    expect(manifest.activationEvents).toEqual(["onLanguage:alloy", "onLanguage:yaml", "workspaceContains:**/*.alloy"]);
    // The client hands the server Alloy files and YAML files; the server decides which YAML is chart values.
    expect(extensionSource("src/language-client.ts")).toContain('documentSelector: [{ language: "alloy" }, { language: "yaml", scheme: "file" }]');
    expect(manifest.engines.vscode).toBe("^1.90.0");
    expect(manifest.main).toBe("./dist/extension.js");
  });

  it("has the files and fields the Marketplace needs", () => {
    expect(manifest.repository.url).toBe("https://github.com/alloy-toolkit/alloy-toolkit");
    expect(manifest.license).toBe("Apache-2.0");
    for (const file of [manifest.icon, "README.md", "CHANGELOG.md", "LICENSE", "language-configuration.json"]) {
      expect(existsSync(join(extensionDir, file)), file).toBe(true);
    }
    expect(readFileSync(join(extensionDir, "LICENSE"), "utf8")).toContain("Apache License");
  });

  it("registers every contributed command in the sources, and contributes every registered one", () => {
    const registered = [...extensionSource("src/commands.ts").matchAll(/"(alloy\.\w+)"/g)].map((m) => m[1]);
    const contributed = contributes.commands.map((c: { command: string }) => c.command);
    expect(new Set(registered)).toEqual(new Set(contributed));
    expect(contributed).toEqual(
      expect.arrayContaining(["alloy.restartServer", "alloy.showOutput", "alloy.showPipelineGraph", "alloy.openComponentDocs"]),
    );
  });

  it("contributes the server's settings with the server's defaults", () => {
    const serverNames = Object.keys(defaultSettings);
    const contributed = Object.keys(properties).filter((k) => k !== "alloy.trace.server");
    expect(contributed.map((k) => k.replace(/^alloy\./, "")).sort()).toEqual([...serverNames].sort());
    for (const name of serverNames) {
      expect(properties[`alloy.${name}`].default, name).toEqual(defaultSettings[name as keyof typeof defaultSettings]);
    }
    expect(properties["alloy.alloyVersion"].default).toBe(catalogVersion);
    // The client sends the same names at initialization.
    const sent = [...extensionSource("src/language-client.ts").matchAll(/^\s+"(\w+)",$/gm)].map((m) => m[1]);
    expect(sent.sort()).toEqual([...serverNames].sort());
  });

  it("offers every release of the catalog for alloy.alloyVersion, and only those", () => {
    const setting = properties["alloy.alloyVersion"] as { enum?: string[]; markdownEnumDescriptions?: string[] };
    expect(setting.enum).toEqual([...availableAlloyVersions]);
  });

  it("points its grammars at the files the build copies from grammars/", () => {
    for (const grammar of contributes.grammars) {
      const name = grammar.path.replace("./dist/grammars/", "");
      expect(grammarFiles).toContain(name);
      const source = JSON.parse(readFileSync(join(repoDir, "grammars", name), "utf8"));
      expect(source.scopeName).toBe(grammar.scopeName);
    }
    const injection = contributes.grammars.find((g: { injectTo?: string[] }) => g.injectTo);
    expect(injection.injectTo).toEqual(["text.html.markdown"]);
    expect(injection.embeddedLanguages).toEqual({ "meta.embedded.block.alloy": "alloy" });
  });

  it("declares the language for .alloy and .river files", () => {
    const [language] = contributes.languages;
    expect(language.id).toBe("alloy");
    expect(language.extensions).toEqual([".alloy", ".river"]);
  });
});

describe("language configuration", () => {
  const config = JSON.parse(extensionSource("language-configuration.json"));

  it("indents after an opening brace and outdents at a closing one", () => {
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
    expect(increase.test('prometheus.scrape "default" {')).toBe(true);
    expect(increase.test("targets = [")).toBe(true);
    expect(increase.test("x = { a = 1 }")).toBe(false);
    expect(increase.test("// a comment {")).toBe(false);
    expect(decrease.test("\t}")).toBe(true);
  });

  it("takes identifiers as words, not dotted names", () => {
    const word = new RegExp(config.wordPattern, "g");
    expect('prometheus.scrape "x"'.match(word)).toEqual(["prometheus", "scrape", "x"]);
  });
});

describe("open component docs", () => {
  it("takes the component's docUrl from the hover markdown", () => {
    const url = "https://grafana.com/docs/alloy/v1.18/reference/components/prometheus/prometheus.scrape/";
    expect(componentDocUrlFromMarkdown(`**prometheus.scrape**\n\n[Documentation](${url})`)).toBe(url);
    expect(componentDocUrlFromMarkdown("see https://example.com/x")).toBeUndefined();
  });
});

describe("packaged files (vsce ls)", () => {
  it("lists only the manifest, bundles, data, grammars, icon and docs: no sources, maps or dependencies", () => {
    const vsce = join(extensionDir, "node_modules/.bin/vsce");
    const listed = execFileSync(vsce, ["ls", "--no-dependencies"], { cwd: extensionDir, encoding: "utf8" })
      .split("\n")
      .filter(Boolean);
    expect(listed).toEqual(expect.arrayContaining(["package.json", "README.md", "CHANGELOG.md", "LICENSE", manifest.icon]));
    const allowed = /^(package\.json|README\.md|CHANGELOG\.md|LICENSE|language-configuration\.json|images\/icon\.png|dist\/(extension|server|server-bundle)\.js|dist\/data\/alloy-v[\d.]+\.json|dist\/grammars\/[\w-]+\.tmLanguage\.json)$/;
    expect(listed.filter((f) => !allowed.test(f))).toEqual([]);
  });
});
