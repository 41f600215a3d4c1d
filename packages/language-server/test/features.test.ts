import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type {
  CodeAction,
  Diagnostic,
  DocumentHighlight,
  SemanticTokensDelta,
  CompletionItem,
  CompletionList,
  DocumentLink,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  Position,
  SelectionRange,
  SemanticTokens,
  SignatureHelp,
  SymbolInformation,
  TextEdit,
  WorkspaceEdit,
} from "vscode-languageserver-protocol";
import { applyEdits, fixture, fixturesRoot, LspClient, packageRoot, serverForTests, withCursor } from "./support/lsp-client.js";

const server = serverForTests();
let counter = 0;

/** Opens `marked` (with a `<|>` cursor) as a fresh document in its own folder. */
function openMarked(marked: string): { uri: string; position: Position; text: string } {
  const { text, position } = withCursor(marked);
  const uri = pathToFileURL(join(fixturesRoot, "scratch", `f${++counter}`, "config.alloy")).toString();
  server.client.open(uri, text);
  return { uri, position, text };
}

async function completeAt(marked: string): Promise<CompletionItem[]> {
  const { uri, position } = openMarked(marked);
  const list = await server.client.request<CompletionList>("textDocument/completion", { textDocument: { uri }, position });
  return list.items;
}

async function hoverAt(marked: string): Promise<string> {
  const { uri, position } = openMarked(marked);
  const hover = await server.client.request<Hover | null>("textDocument/hover", { textDocument: { uri }, position });
  return hover ? (hover.contents as { value: string }).value : "";
}

const labels = (items: CompletionItem[]) => items.map((i) => i.label);

describe("completion", () => {
  it("offers component names with stability and a snippet of required arguments", async () => {
    const items = await completeAt("prometheus.scr<|>");
    const scrape = items.find((i) => i.label === "prometheus.scrape")!;
    expect(scrape.detail).toContain("Generally available");
    const snippet = scrape.textEdit && "newText" in scrape.textEdit ? scrape.textEdit.newText : "";
    expect(snippet).toMatch(/^prometheus\.scrape "\$\{1:default\}" \{\n/);
    expect(snippet).toMatch(/\n\ttargets +\= \$\d\n/);
    expect(snippet).toMatch(/\n\tforward_to = \[\$\d\]\n/);
    expect(snippet.endsWith("\n}")).toBe(true);
    const resolved = await server.client.request<CompletionItem>("completionItem/resolve", scrape);
    expect((resolved.documentation as { value: string }).value).toContain("grafana.com/docs/alloy");
  });

  it("offers only the arguments and blocks not yet set", async () => {
    const items = await completeAt('prometheus.scrape "x" {\n\ttargets = []\n\t<|>\n}\n');
    expect(labels(items)).toContain("forward_to");
    expect(labels(items)).toContain("clustering");
    expect(labels(items)).not.toContain("targets");
    const nested = await completeAt('prometheus.remote_write "x" {\n\tendpoint {\n\t\t<|>\n\t}\n}\n');
    expect(labels(nested)).toContain("url");
    expect(labels(nested)).toContain("basic_auth");
  });

  it("offers enum values inside strings", async () => {
    const items = await completeAt('discovery.dockerswarm "x" {\n\trole = "<|>"\n}\n');
    expect(labels(items)).toEqual(["services", "nodes", "tasks"]);
  });

  it("offers references whose export type fits the argument", async () => {
    const items = await completeAt(
      'prometheus.remote_write "default" {\n}\nloki.write "default" {\n}\nprometheus.scrape "x" {\n\tforward_to = [<|>]\n}\n',
    );
    expect(labels(items)).toContain("prometheus.remote_write.default.receiver");
    expect(labels(items)).not.toContain("loki.write.default.receiver");
  });

  it("offers stdlib functions and constants", async () => {
    const items = await completeAt('logging {\n\tlevel = sys.<|>\n}\n');
    expect(labels(items)).toContain("sys.env");
    expect(labels(items)).toContain("constants.hostname");
  });

  it("offers argument.<name>.value inside declare and module components at the top level", async () => {
    const inside = await completeAt('declare "m" {\n\targument "in" { }\n\tdiscovery.relabel "r" {\n\t\ttargets = <|>\n\t}\n}\n');
    expect(labels(inside)).toContain("argument.in.value");
    const top = await completeAt('declare "m" {\n\targument "in" { }\n}\n<|>\n');
    const module = top.find((i) => i.label === "m")!;
    expect(module.textEdit && "newText" in module.textEdit ? module.textEdit.newText : "").toContain("in = $2");
  });

  it("ranks by relevance: common components before the exporters, required arguments first", async () => {
    const items = await completeAt("prometheus.<|>");
    const order = (label: string) => items.find((i) => i.label === label)!.sortText!;
    const sorted = [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1)).map((i) => i.label);
    expect(sorted.indexOf("prometheus.scrape")).toBeLessThan(sorted.indexOf("prometheus.exporter.apache"));
    expect(order("prometheus.remote_write") < order("prometheus.exporter.unix")).toBe(true);
    const body = await completeAt('prometheus.remote_write "w" {\n\tendpoint {\n\t\t<|>\n\t}\n}\n');
    const first = [...body].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1))[0];
    expect(first.label).toBe("url");
  });

  it("writes a list argument fed by another component's export without brackets, a list of receivers with them", async () => {
    const scrape = (await completeAt("prometheus.scr<|>")).find((i) => i.label === "prometheus.scrape")!;
    const snippet = (scrape.textEdit as TextEdit).newText;
    expect(snippet).toMatch(/\n\ttargets +\= \$\d\n/);
    expect(snippet).toMatch(/\n\tforward_to = \[\$\d\]\n/);
    // Inside brackets that need a target, lists (which would make a list of lists) come after what fits.
    const items = await completeAt('discovery.kubernetes "k" {\n\trole = "pod"\n}\nprometheus.scrape "x" {\n\ttargets = [<|>]\n\tforward_to = []\n}\n');
    expect(items.map((i) => i.label)).not.toContain("discovery.kubernetes.k.targets");
    const concat = items.find((i) => i.label === "array.concat")!;
    const fitting = items.find((i) => i.label === "discovery.target") ?? items.find((i) => i.label === "encoding.from_json")!;
    expect(fitting.sortText! < concat.sortText!).toBe(true);
  });

  it("returns nothing inside comments", async () => {
    expect(await completeAt("// prometheus.<|>\n")).toEqual([]);
  });
});

describe("hover", () => {
  it("documents components with stability and a versioned docs link", async () => {
    const value = await hoverAt('prometheus.scr<|>ape "x" {\n}\n');
    expect(value).toContain("**prometheus.scrape**");
    expect(value).toContain("Generally available");
    expect(value).toMatch(/https:\/\/grafana\.com\/docs\/alloy\/v1\.\d+\/reference\/components\/prometheus\/prometheus\.scrape/);
  });

  it("documents arguments with type, default and required", async () => {
    const value = await hoverAt('prometheus.scrape "x" {\n\tscrape_inter<|>val = "30s"\n}\n');
    expect(value).toContain("`duration`");
    expect(value).toContain("optional");
    expect(value).toContain('default: `"60s"`');
  });

  it("documents blocks and references with the target's export type", async () => {
    expect(await hoverAt('prometheus.remote_write "x" {\n\tendpo<|>int {\n\t}\n}\n')).toContain("endpoint** block");
    const reference = await hoverAt('prometheus.remote_write "d" {\n}\nprometheus.scrape "x" {\n\tforward_to = [prometheus.remote_write.d.rece<|>iver]\n}\n');
    expect(reference).toContain("capsule(MetricsReceiver)");
  });

  it("documents stdlib functions, and flags deprecated names", async () => {
    expect(await hoverAt('logging {\n\tlevel = sys.e<|>nv("X")\n}\n')).toContain("sys.env(");
    expect(await hoverAt('logging {\n\tlevel = en<|>v("X")\n}\n')).toContain("**Deprecated**");
  });
});

describe("signature help", () => {
  it("shows the stdlib signature and the active parameter while typing", async () => {
    const { uri, position } = openMarked('logging {\n\tlevel = string.format("%s", <|>\n}\n');
    const help = await server.client.request<SignatureHelp>("textDocument/signatureHelp", { textDocument: { uri }, position });
    expect(help.signatures[0].label).toContain("string.format(");
    expect(help.activeParameter).toBe(1);
  });
});

describe("navigation across files and modules", () => {
  const main = fixture("modules/main.alloy");
  const lib = fixture("modules/lib/metrics.alloy");
  const folderA = fixture("folder/a.alloy");
  const folderB = fixture("folder/b.alloy");

  const at = (text: string, needle: string, delta = 1): Position => {
    const offset = text.indexOf(needle) + delta;
    const before = text.slice(0, offset);
    return { line: before.split("\n").length - 1, character: offset - before.lastIndexOf("\n") - 1 };
  };

  it("goes to a component in another file of the same folder", async () => {
    server.client.open(folderB.uri, folderB.text);
    const locations = await server.client.request<Location[]>("textDocument/definition", {
      textDocument: { uri: folderB.uri },
      position: at(folderB.text, "remote_write.shared", 14),
    });
    expect(locations).toEqual([{ uri: folderA.uri, range: { start: { line: 0, character: 24 }, end: { line: 0, character: 32 } } }]);
  });

  it("goes to an imported declare and finds its references", async () => {
    server.client.open(main.uri, main.text);
    const definition = await server.client.request<Location[]>("textDocument/definition", {
      textDocument: { uri: main.uri },
      position: at(main.text, "lib.relabel", 5),
    });
    expect(definition[0].uri).toBe(lib.uri);
    const references = await server.client.request<Location[]>("textDocument/references", {
      textDocument: { uri: main.uri },
      position: at(main.text, 'discovery.kubernetes "apps"', 23),
      context: { includeDeclaration: true },
    });
    expect(references).toHaveLength(2);
  });

  it("renames a component label everywhere and refuses invalid identifiers", async () => {
    const position = at(folderB.text, "unix.node", 6);
    const prepare = await server.client.request<{ placeholder: string }>("textDocument/prepareRename", { textDocument: { uri: folderB.uri }, position });
    expect(prepare.placeholder).toBe("node");
    const edit = await server.client.request<WorkspaceEdit>("textDocument/rename", { textDocument: { uri: folderB.uri }, position, newName: "host" });
    expect(edit.changes![folderB.uri]).toHaveLength(2);
    await expect(
      server.client.request("textDocument/rename", { textDocument: { uri: folderB.uri }, position, newName: "not valid" }),
    ).rejects.toMatchObject({ code: -32602 });
  });

  it("renames a declare's argument and export across the module boundary", async () => {
    server.client.open(lib.uri, lib.text);
    const exportEdit = await server.client.request<WorkspaceEdit>("textDocument/rename", {
      textDocument: { uri: main.uri },
      position: at(main.text, "apps.output", 6),
      newName: "targets_out",
    });
    expect(Object.keys(exportEdit.changes!).sort()).toEqual([lib.uri, main.uri].sort());
    const argumentEdit = await server.client.request<WorkspaceEdit>("textDocument/rename", {
      textDocument: { uri: lib.uri },
      position: at(lib.text, 'argument "targets"', 11),
      newName: "input",
    });
    expect(argumentEdit.changes![lib.uri]).toHaveLength(2);
    expect(argumentEdit.changes![main.uri]).toHaveLength(1);
  });

  it("lists workspace symbols", async () => {
    const symbols = await server.client.request<SymbolInformation[]>("workspace/symbol", { query: "shared" });
    expect(symbols.map((s) => s.name)).toContain('prometheus.remote_write "shared"');
  });
});

describe("document structure", () => {
  const pipeline = fixture("pipeline/config.alloy");

  beforeAll(() => server.client.open(pipeline.uri, pipeline.text));

  it("outlines the document", async () => {
    const symbols = await server.client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri: pipeline.uri } });
    expect(symbols.map((s) => s.name)).toEqual(['discovery.kubernetes "pods"', 'prometheus.scrape "pods"', 'prometheus.remote_write "default"']);
    expect(symbols[2].children?.[0].name).toBe("endpoint");
  });

  it("folds blocks", async () => {
    const ranges = await server.client.request<FoldingRange[]>("textDocument/foldingRange", { textDocument: { uri: pipeline.uri } });
    expect(ranges).toContainEqual({ startLine: 10, endLine: 13 });
  });

  it("expands selections from a name outwards", async () => {
    const [range] = await server.client.request<SelectionRange[]>("textDocument/selectionRange", {
      textDocument: { uri: pipeline.uri },
      positions: [{ line: 12, character: 4 }],
    });
    let depth = 0;
    for (let r: SelectionRange | undefined = range; r; r = r.parent) depth++;
    expect(depth).toBeGreaterThanOrEqual(4);
  });

  it("links component names to their docs and import.file paths to files", async () => {
    const links = await server.client.request<DocumentLink[]>("textDocument/documentLink", { textDocument: { uri: pipeline.uri } });
    expect(links.map((l) => l.target)).toContain("https://grafana.com/docs/alloy/v1.18/reference/components/prometheus/prometheus.scrape/");
    const main = fixture("modules/main.alloy");
    server.client.open(main.uri, main.text);
    const moduleLinks = await server.client.request<DocumentLink[]>("textDocument/documentLink", { textDocument: { uri: main.uri } });
    expect(moduleLinks.map((l) => l.target)).toContain(fixture("modules/lib/metrics.alloy").uri);
  });

  it("classifies names, and the scanner's strings, numbers, comments, operators and keywords, with semantic tokens", async () => {
    const tokens = await server.client.request<SemanticTokens>("textDocument/semanticTokens/full", { textDocument: { uri: pipeline.uri } });
    const legend = (server.client.capabilities.semanticTokensProvider as { legend: { tokenTypes: string[] } }).legend.tokenTypes;
    const types = new Set<string>();
    for (let i = 3; i < tokens.data.length; i += 5) types.add(legend[tokens.data[i]]);
    expect([...types].sort()).toEqual(["class", "comment", "function", "operator", "property", "string", "struct", "variable"]);
  });

  it("shows the export type of references as inlay hints", async () => {
    const hints = await server.client.request<InlayHint[]>("textDocument/inlayHint", {
      textDocument: { uri: pipeline.uri },
      range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
    });
    expect(hints.map((h) => h.label)).toEqual([": list(map(string))", ": capsule(MetricsReceiver)"]);
  });

  it("shows the inferred type of a module export as an inlay hint", async () => {
    const { uri } = openMarked('<|>declare "settings" {\n\texport "path" {\n\t\tvalue = "/etc/x"\n\t}\n}\n\nsettings "s" {\n}\n\nlocal.file "f" {\n\tfilename = settings.s.path\n}\n');
    const hints = await server.client.request<InlayHint[]>("textDocument/inlayHint", {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } },
    });
    expect(hints.map((h) => [h.position, h.label])).toEqual([[{ line: 10, character: 27 }, ": string"]]);
  });
});

describe("highlights, semantic token deltas, diagnostic tags and rule links", () => {
  it("highlights the symbol under the cursor: its label written, its uses read", async () => {
    const { uri, position, text } = openMarked('prometheus.remote_write "d<|>efault" {\n}\nprometheus.scrape "x" {\n\ttargets    = []\n\tforward_to = [prometheus.remote_write.default.receiver]\n}\n');
    const highlights = await server.client.request<DocumentHighlight[]>("textDocument/documentHighlight", { textDocument: { uri }, position });
    const use = text.split("\n")[4].indexOf("default");
    expect(highlights).toEqual([
      { range: { start: { line: 0, character: 24 }, end: { line: 0, character: 33 } }, kind: 3 },
      { range: { start: { line: 4, character: use }, end: { line: 4, character: use + 7 } }, kind: 2 },
    ]);
  });

  it("sends the edits from the last tokens when the client quotes their result id", async () => {
    const { uri } = openMarked('<|>logging {\n\tlevel = "info"\n}\n');
    const full = await server.client.request<SemanticTokens>("textDocument/semanticTokens/full", { textDocument: { uri } });
    expect(full.resultId).toBeDefined();
    server.client.change(uri, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: "// note\n" }]);
    const delta = await server.client.request<SemanticTokensDelta>("textDocument/semanticTokens/full/delta", { textDocument: { uri }, previousResultId: full.resultId });
    expect(delta.edits).toHaveLength(1);
    const again = await server.client.request<SemanticTokens>("textDocument/semanticTokens/full", { textDocument: { uri } });
    const [edit] = delta.edits;
    const patched = [...full.data.slice(0, edit.start), ...(edit.data ?? []), ...full.data.slice(edit.start + edit.deleteCount)];
    expect(patched).toEqual(again.data);
  });

  it("tags unused components as unnecessary and deprecated functions as deprecated, and links each rule's documentation", async () => {
    const { uri } = openMarked('<|>local.file "a" {\n\tfilename = env("HOME")\n}\n');
    const diagnostics: Diagnostic[] = await server.client.waitForDiagnostics(uri, (p) => p.diagnostics.length >= 2);
    const unused = diagnostics.find((d) => d.code === "check/unused-component")!;
    const deprecated = diagnostics.find((d) => d.code === "check/deprecated-function")!;
    expect(unused.tags).toEqual([1]);
    expect(deprecated.tags).toEqual([2]);
    expect(unused.codeDescription?.href).toBe("https://github.com/alloy-toolkit/alloy-toolkit/blob/main/packages/checker/README.md#check-unused-component");
  });

  it("links every rule to an anchor its documentation has", async () => {
    const { readFileSync } = await import("node:fs");
    const { rules } = await import("@alloy-toolkit/checker");
    const { deploymentRules } = await import("@alloy-toolkit/deployment");
    const docs = (pkg: string) => readFileSync(join(packageRoot, "..", pkg, "README.md"), "utf8");
    for (const rule of rules) expect(docs("checker"), rule.id).toContain(`<a id="${rule.id.replace("/", "-")}"></a>`);
    for (const rule of deploymentRules) expect(docs("deployment"), rule.id).toContain(`<a id="${rule.id.replace("/", "-")}"></a>`);
  });
});

describe("formatting", () => {
  it("formats the unsaved buffer with edits of the lines that change, and returns none when formatted or unparsable", async () => {
    const { uri, text } = openMarked('<|>// settings\nlogging {\nlevel = "info"\n   format = "json"\n}\n');
    const edits = await server.client.request<TextEdit[]>("textDocument/formatting", { textDocument: { uri }, options: { tabSize: 4, insertSpaces: false } });
    expect(applyEdits(text, edits)).toBe('// settings\nlogging {\n\tlevel  = "info"\n\tformat = "json"\n}\n');
    expect(edits).toEqual([{ range: { start: { line: 2, character: 0 }, end: { line: 4, character: 0 } }, newText: '\tlevel  = "info"\n\tformat = "json"\n' }]);
    const formatted = openMarked('<|>logging {\n\tlevel = "info"\n}\n');
    expect(await server.client.request("textDocument/formatting", { textDocument: { uri: formatted.uri }, options: { tabSize: 4, insertSpaces: false } })).toEqual([]);
    const broken = openMarked("<|>logging {\n");
    expect(await server.client.request("textDocument/formatting", { textDocument: { uri: broken.uri }, options: { tabSize: 4, insertSpaces: false } })).toEqual([]);
  });

  it("formats only the statements a range touches", async () => {
    const { uri } = openMarked('<|>logging {\nlevel = "info"\n}\n\ntracing {\nsampling_fraction = 0.1\n}\n');
    const edits = await server.client.request<TextEdit[]>("textDocument/rangeFormatting", {
      textDocument: { uri },
      range: { start: { line: 5, character: 0 }, end: { line: 5, character: 3 } },
      options: { tabSize: 4, insertSpaces: false },
    });
    expect(edits).toEqual([{ range: { start: { line: 4, character: 0 }, end: { line: 7, character: 0 } }, newText: "tracing {\n\tsampling_fraction = 0.1\n}\n" }]);
  });
});

describe("code actions", () => {
  async function actionsFor(text: string, predicate: (message: string, code: string) => boolean = () => true): Promise<CodeAction[]> {
    const { uri } = openMarked(`<|>${text}`);
    const diagnostics = await server.client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    const relevant = diagnostics.filter((d) => predicate(d.message, String(d.code)));
    expect(relevant.length).toBeGreaterThan(0);
    return server.client.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: relevant[0].range,
      context: { diagnostics: relevant },
    });
  }
  const firstEdit = (action: CodeAction | undefined) => Object.values(action?.edit?.changes ?? {})[0]?.[0];

  it("fixes did-you-mean names", async () => {
    const actions = await actionsFor('prometheus.scrap "x" {\n}\n', (m) => m.includes("did you mean"));
    expect(firstEdit(actions.find((a) => a.isPreferred))?.newText).toBe("prometheus.scrape");
  });

  it("adds missing required arguments", async () => {
    const actions = await actionsFor('prometheus.scrape "x" {\n}\n', (m) => /missing required/.test(m));
    const add = actions.filter((a) => a.title.startsWith("Add required attribute"));
    expect(add.map((a) => firstEdit(a)?.newText)).toEqual(["\ttargets = \n", "\tforward_to = \n"]);
  });

  it("replaces deprecated stdlib names", async () => {
    const actions = await actionsFor('logging {\n\tlevel = env("LEVEL")\n}\n', (m, c) => /deprecat/i.test(m + c));
    expect(actions.some((a) => firstEdit(a)?.newText === "sys.env")).toBe(true);
  });

  it("disables a rule for a line", async () => {
    const actions = await actionsFor('prometheus.scrap "x" {\n}\n', (m) => m.includes("did you mean"));
    const disable = actions.find((a) => a.title.startsWith("Disable"));
    expect(firstEdit(disable)?.newText).toMatch(/^\/\/ alloylint-disable-next-line check\//);
  });

  it("adds a clustering block where a deployment rule asks for it", async () => {
    const values = await LspClient.start({ root: join(fixturesRoot, "values") });
    const uri = pathToFileURL(join(fixturesRoot, "values", "values.yaml")).toString();
    const text = 'controller:\n  type: statefulset\n  replicas: 3\nalloy:\n  clustering:\n    enabled: true\n  configMap:\n    content: |\n      prometheus.scrape "pods" {\n        targets    = []\n        forward_to = []\n      }\n';
    values.open(uri, text, 1, "yaml");
    const diagnostics = await values.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => /clustering/.test(String(d.code) + d.message)));
    const clustering = diagnostics.filter((d) => /clustering/.test(String(d.code) + d.message));
    const actions = await values.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri }, range: clustering[0].range, context: { diagnostics: clustering } });
    expect(actions.map((a) => a.title)).toContain("Add clustering { enabled = true }");
    await values.stop();
  });

  it("offers format document as a source action", async () => {
    const { uri } = openMarked('<|>logging {\nlevel = "info"\n}\n');
    const actions = await server.client.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ["source"] },
    });
    expect(actions.map((a) => a.title)).toEqual(["Format document"]);
  });
});
