import { readdirSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { analyzeDocuments, checkModel, documentNamed, resolveOptions, type CheckDiagnostic, type SemanticModel, type SourceDocument } from "@alloy-toolkit/checker/core";
import { URI } from "vscode-uri";
import { checkerFilename, DocumentStore, fsPathOf, uriOfCheckerFile, type ParsedDocument } from "./documents.js";
import { matchesAnyGlob } from "./glob.js";
import { defaultSettings, disabledRules, type Settings } from "./settings.js";

const SKIPPED_DIRECTORIES = new Set(["node_modules", ".git", "dist", "vendor", ".terraform"]);
const MAX_SCANNED_FILES = 5_000;

/**
 * The checker's analysis of one config: its documents (sorted by URI), the checker's semantic model built on
 * their parses (with the modules its imports read), and the rules' diagnostics (computed on first use). Every
 * feature reads it: diagnostics, navigation, hover, completion, inlay hints and the pipeline graph.
 */
export interface ConfigAnalysis {
  readonly key: string;
  readonly documents: readonly ParsedDocument[];
  readonly model: SemanticModel;
  /** `import.file` modules read during the analysis: it is stale when one of them changes. */
  readonly imports: readonly { readonly from: string; readonly filename: string; readonly documents: readonly ParsedDocument[] }[];
  readonly settings: Settings;
  diagnostics(): readonly CheckDiagnostic[];
}

/**
 * Everything the features read: the documents, the settings, and per config folder the checker's analysis
 * (the one cache of analyses, kept while the config's documents, the modules they import and the settings are
 * the same).
 */
export class Workspace {
  readonly documents = new DocumentStore();
  settings: Settings = defaultSettings;
  folders: string[] = [];
  private revisionCounter = 0;
  private readonly analyses = new Map<string, ConfigAnalysis>();
  /** The revision in which each config's analysis was last found fresh (or made). */
  private readonly checkedAt = new Map<string, number>();
  private scannedFiles: { revision: number; alloy: string[]; values: string[] } | undefined;

  /** Records a change: the file lists are stale from now on (analyses check their documents themselves). */
  touch(): void {
    this.revisionCounter++;
  }

  /** The key of the config `uri` belongs to: its folder for files, itself for other schemes. */
  configKeyOf(uri: string): string {
    const path = fsPathOf(uri);
    return path === undefined ? uri : URI.file(dirname(path)).toString();
  }

  /** The documents of the config `uri` belongs to: every `.alloy` file of its folder (open ones as edited). */
  private configDocuments(uri: string): ParsedDocument[] {
    const path = fsPathOf(uri);
    if (path === undefined || !isAlloyPath(path)) {
      const doc = this.documents.get(uri);
      return doc ? [doc] : [];
    }
    const uris = new Set([uri]);
    for (const name of listDirectory(dirname(path))) {
      if (isAlloyPath(name)) uris.add(URI.file(join(dirname(path), name)).toString());
    }
    const key = this.configKeyOf(uri);
    for (const open of this.documents.openUris()) {
      if (this.configKeyOf(open) === key && isAlloyPath(fsPathOf(open) ?? "")) uris.add(open);
    }
    return [...uris]
      .sort()
      .map((u) => this.documents.get(u))
      .filter((d): d is ParsedDocument => d !== undefined);
  }

  /**
   * The checker's analysis of the config `uri` belongs to. Reused as long as the config's documents (and the
   * modules they import) are the same parsed versions and the settings did not change, so diagnostics,
   * the pipeline graph and later requests on an unchanged config do not analyze it again.
   */
  analysis(uri: string): ConfigAnalysis {
    const key = this.configKeyOf(uri);
    const cached = this.analyses.get(key);
    // Checked fresh in this revision: no document changed since (every change starts a new revision).
    if (cached && cached.settings === this.settings && this.checkedAt.get(key) === this.revisionCounter) return cached;
    const documents = this.configDocuments(uri);
    this.checkedAt.set(key, this.revisionCounter);
    if (cached && this.isFresh(cached, documents)) return cached;
    const imports: { from: string; filename: string; documents: ParsedDocument[] }[] = [];
    const settings = this.settings;
    const options = resolveOptions({
      alloyVersion: settings.alloyVersion,
      stabilityLevel: settings.stabilityLevel,
      communityComponents: settings.communityComponents,
      disable: disabledRules(settings),
      resolveImport: (filename, importing) => {
        const from = uriOfCheckerFile(importing);
        const modules = this.loadModule(from, filename);
        imports.push({ from, filename, documents: modules });
        return modules.map((d) => d.source);
      },
    });
    const sources = documents.map((d) => d.source).sort((a, b) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0));
    const model = analyzeDocuments(sources, options);
    let diagnostics: readonly CheckDiagnostic[] | undefined;
    const analysis: ConfigAnalysis = {
      key,
      documents,
      model,
      imports,
      settings,
      diagnostics: () => (diagnostics ??= checkModel(model).diagnostics),
    };
    this.analyses.set(key, analysis);
    return analysis;
  }

  private isFresh(analysis: ConfigAnalysis, documents: readonly ParsedDocument[]): boolean {
    if (analysis.settings !== this.settings || analysis.documents.length !== documents.length) return false;
    for (let i = 0; i < documents.length; i++) if (analysis.documents[i] !== documents[i]) return false;
    for (const { from, filename, documents: before } of analysis.imports) {
      const now = this.loadModule(from, filename);
      if (now.length !== before.length || now.some((d, i) => d !== before[i])) return false;
    }
    return true;
  }

  /**
   * The analysis of `uri`'s own config, then those of the workspace configs that read `uri` as a module:
   * renaming in a module file must reach the files that use it.
   */
  analysesIncluding(uri: string): ConfigAnalysis[] {
    const own = this.analysis(uri);
    const analyses = [own];
    const seen = new Set([this.configKeyOf(uri)]);
    const filename = checkerFilename(uri);
    for (const file of this.workspaceFiles().alloy) {
      const key = this.configKeyOf(file);
      if (seen.has(key)) continue;
      seen.add(key);
      const analysis = this.analysis(file);
      if (documentNamed(analysis.model, filename)) analyses.push(analysis);
    }
    return analyses;
  }

  /** The documents of a module imported with `import.file` from `fromUri`: a file, or a folder's `.alloy` files. */
  private loadModule(fromUri: string, filename: string): ParsedDocument[] {
    const fromPath = fsPathOf(fromUri);
    if (fromPath === undefined || filename === "") return [];
    const target = isAbsolute(filename) ? filename : resolve(dirname(fromPath), filename);
    let stat;
    try {
      stat = statSync(target);
    } catch {
      return []; // a missing module is the checker's to report
    }
    const paths = stat.isDirectory()
      ? listDirectory(target)
          .filter(isAlloyPath)
          .sort()
          .map((name) => join(target, name))
      : [target];
    return paths
      .map((p) => this.documents.get(URI.file(p).toString()))
      .filter((d): d is ParsedDocument => d !== undefined);
  }

  /** `.alloy` files and values files (per the `valuesFiles` globs) under the workspace folders, as URIs. */
  workspaceFiles(): { alloy: string[]; values: string[] } {
    if (this.scannedFiles && this.scannedFiles.revision === this.revisionCounter) return this.scannedFiles;
    const alloy = new Set<string>();
    const values = new Set<string>();
    for (const folder of this.folders) {
      const root = fsPathOf(folder);
      if (root === undefined) continue;
      scan(root, (path) => {
        const rel = relative(root, path).split("\\").join("/");
        if (isAlloyPath(path)) alloy.add(URI.file(path).toString());
        else if (/\.ya?ml$/.test(path) && matchesAnyGlob(rel, this.settings.valuesFiles)) values.add(URI.file(path).toString());
      });
    }
    for (const open of this.documents.openUris()) if (isAlloyPath(fsPathOf(open) ?? open)) alloy.add(open);
    this.scannedFiles = { revision: this.revisionCounter, alloy: [...alloy].sort(), values: [...values].sort() };
    return this.scannedFiles;
  }

  /** Whether `uri` is a Helm values file per the `valuesFiles` globs (relative to a workspace folder, or by name). */
  isValuesFile(uri: string): boolean {
    const path = fsPathOf(uri) ?? URI.parse(uri).path;
    if (!/\.ya?ml$/.test(path)) return false;
    for (const folder of this.folders) {
      const root = fsPathOf(folder);
      if (root === undefined) continue;
      const rel = relative(root, path).split("\\").join("/");
      if (!rel.startsWith("..") && matchesAnyGlob(rel, this.settings.valuesFiles)) return true;
    }
    const name = path.slice(path.lastIndexOf("/") + 1);
    return matchesAnyGlob(name, this.settings.valuesFiles);
  }
}

export function isAlloyPath(path: string): boolean {
  return path.endsWith(".alloy") || path.endsWith(".river");
}

function listDirectory(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return []; // an unreadable folder holds no config files
  }
}

function scan(root: string, visit: (path: string) => void): void {
  let budget = MAX_SCANNED_FILES;
  const stack = [root];
  while (stack.length > 0 && budget > 0) {
    const dir = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue; // unreadable folders are skipped
    }
    for (const entry of entries) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name) && !entry.name.startsWith(".")) stack.push(join(dir, entry.name));
      } else if (entry.isFile() && budget-- > 0) visit(join(dir, entry.name));
    }
  }
}
