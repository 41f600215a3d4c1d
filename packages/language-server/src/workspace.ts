import { existsSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import {
  analyzeDocuments,
  check,
  checkModelInSteps,
  documentNamed,
  importFileProblem,
  resolveOptions,
  undecodableImportProblem,
  type CheckDiagnostic,
  type ImportProblem,
  type SemanticModel,
} from "@alloy-toolkit/checker/core";
import type { DeploymentCheckResult, DeploymentConfigText, DeploymentFile, FileReader } from "@alloy-toolkit/deployment";
import { URI } from "vscode-uri";
import { defaultClientSupport, type ClientSupport } from "./client-capabilities.js";
import { checkerFilename, DocumentStore, fsPathOf, uriOfCheckerFile, type ParsedDocument } from "./documents.js";
import { EmbeddedConfig } from "./embedded-config.js";
import { matchesAnyGlob } from "./glob.js";
import { MAX_SCANNED_FILES } from "./limits.js";
import { defaultSettings, disabledRules, type Settings } from "./settings.js";

const SKIPPED_DIRECTORIES = new Set(["node_modules", ".git", "dist", "vendor", ".terraform"]);

/**
 * The checker's analysis of one config: its documents (sorted by URI), the checker's semantic model built on
 * their parses (with the modules its imports read), and the rules' diagnostics (computed on first use, or step
 * by step by the diagnostics run). Every feature reads it: diagnostics, navigation, hover, completion, inlay
 * hints and the pipeline graph.
 */
export interface ConfigAnalysis {
  readonly key: string;
  readonly documents: readonly ParsedDocument[];
  readonly model: SemanticModel;
  /** `import.file` modules read during the analysis: it is stale when one of them changes. */
  readonly imports: readonly { readonly from: string; readonly filename: string; readonly documents: readonly ParsedDocument[] | ImportProblem }[];
  readonly settings: Settings;
  diagnostics(): readonly CheckDiagnostic[];
  /** The rules' run, one rule per step (the diagnostics run yields between steps); ends with the diagnostics. */
  diagnosticsInSteps(): Generator<void, readonly CheckDiagnostic[]>;
}

/** The deployment checks, loaded on first use (with their YAML parser). */
type Deployment = typeof import("@alloy-toolkit/deployment");

/**
 * Everything the features read: the documents, the settings, what the client supports, and per config folder
 * the checker's analysis (the one cache of analyses, kept while the config's documents, the modules they
 * import and the settings are the same).
 */
export class Workspace {
  readonly documents = new DocumentStore();
  settings: Settings = defaultSettings;
  client: ClientSupport = defaultClientSupport;
  private folderUris: string[] = [];
  private folderPaths: string[] = [];
  private revisionCounter = 0;
  /** Bumped when files may have appeared or gone (file events, folders, the values globs), not on edits. */
  private filesRevision = 0;
  private readonly analyses = new Map<string, ConfigAnalysis>();
  /** The revision in which each config's analysis was last found fresh (or made). */
  private readonly checkedAt = new Map<string, number>();
  private scannedFiles: { revision: number; settings: Settings; alloy: string[]; yaml: string[] } | undefined;
  private deployment: Deployment | undefined;
  private deploymentLoading: Promise<Deployment> | undefined;
  /** Per Kubernetes input (a folder's YAML): the configs found in the documents as they were, and what it read. */
  private readonly inputs = new Map<string, DeploymentInputState>();

  /** Records an edit: analyses check their documents themselves from now on. */
  touch(): void {
    this.revisionCounter++;
  }

  /** Records that files may have been created or deleted on disk. */
  filesChanged(): void {
    this.revisionCounter++;
    this.filesRevision++;
  }

  /** The workspace folders, as given by the client (only local folders that can be walked are kept). */
  get folders(): readonly string[] {
    return this.folderUris;
  }

  /**
   * Sets the workspace folders; returns the URIs refused. A folder must be a `file:` URI of an absolute path
   * that is not the root of the file system: an editor with an unnamed buffer may send `file://.`, which reads
   * as `/`, and walking the whole disk is never what was meant.
   */
  setFolders(uris: readonly string[]): string[] {
    const refused: string[] = [];
    this.folderUris = [];
    this.folderPaths = [];
    for (const uri of uris) {
      const path = localFolderPath(uri);
      if (path === undefined) refused.push(uri);
      else if (!this.folderPaths.includes(path)) {
        this.folderUris.push(uri);
        this.folderPaths.push(path);
      }
    }
    this.filesChanged();
    return refused;
  }

  /** The key of the config `uri` belongs to: its folder for files, itself for other schemes. */
  configKeyOf(uri: string): string {
    const path = fsPathOf(uri);
    return path === undefined ? uri : URI.file(dirname(path)).toString();
  }

  /** Whether `uri` is an Alloy file (by name, or because the editor says so). */
  isAlloy(uri: string): boolean {
    const path = fsPathOf(uri) ?? URI.parse(uri).path;
    if (isAlloyPath(path)) return true;
    const languageId = this.documents.languageOf(uri);
    return languageId === "alloy" || languageId === "river";
  }

  /** Whether `uri` is YAML the `valuesFiles` globs name (relative to a workspace folder, or by its name). */
  isYamlCandidate(uri: string): boolean {
    const path = fsPathOf(uri) ?? URI.parse(uri).path;
    const yaml = /\.ya?ml$/i.test(path) || this.documents.languageOf(uri) === "yaml";
    if (!yaml) return false;
    for (const root of this.folderPaths) {
      const rel = relative(root, path).split(sep).join("/");
      if (!rel.startsWith("..") && !isAbsolute(rel) && matchesAnyGlob(rel, this.settings.valuesFiles)) return true;
    }
    const name = path.slice(path.lastIndexOf("/") + 1);
    return matchesAnyGlob(name, this.settings.valuesFiles);
  }

  /** Loads the deployment checks (and their YAML parser) once; YAML is read with them. */
  loadDeployment(): Promise<Deployment> {
    if (this.deployment) return Promise.resolve(this.deployment);
    this.deploymentLoading ??= import("@alloy-toolkit/deployment").then((module) => (this.deployment = module));
    return this.deploymentLoading;
  }

  /** The key of the Kubernetes input `uri` is part of: the YAML (and `.alloy` files) of its folder, as `alloylint` reads a folder. */
  inputKeyOf(uri: string): string {
    return `yaml:${this.configKeyOf(uri)}`;
  }

  /**
   * The files of the Kubernetes input `uri` belongs to: the YAML files of its folder the globs name and its
   * `.alloy` files (a generator or `--from-file` may put them in a ConfigMap), open ones as edited, sorted.
   * A document of another scheme is an input of its own.
   */
  inputDocuments(uri: string): ParsedDocument[] {
    const path = fsPathOf(uri);
    if (path === undefined) {
      const doc = this.documents.get(uri);
      return doc ? [doc] : [];
    }
    const dir = dirname(path);
    // A Helm chart's templates are Go templates, YAML only once rendered: not an input (alloylint skips them too).
    if (basename(dir) === "templates" && existsSync(join(dirname(dir), "Chart.yaml"))) return [];
    const uris = new Set<string>();
    const consider = (u: string) => (this.isAlloy(u) || this.isYamlCandidate(u)) && uris.add(u);
    for (const name of listDirectory(dir)) consider(URI.file(join(dir, name)).toString());
    const key = this.configKeyOf(uri);
    for (const open of this.documents.openUris()) if (this.configKeyOf(open) === key) consider(open);
    if (this.isYamlCandidate(uri)) uris.add(uri);
    return [...uris]
      .sort()
      .map((u) => this.documents.get(u))
      .filter((d): d is ParsedDocument => d !== undefined);
  }

  /**
   * The Kubernetes inputs `uri` is part of or read: its folder's (when it holds YAML), and those whose
   * kustomization or Application read it from elsewhere. Each as a URI of the input (its scheduler key is
   * {@link inputKeyOf} of it).
   */
  inputsAffectedBy(uri: string): string[] {
    const found: string[] = [];
    const own = this.inputKeyOf(uri);
    for (const [key, state] of this.inputs) {
      if (key === own || state.reads.has(uri)) found.push(state.uri);
    }
    return found;
  }

  /**
   * The Alloy configs written inside a YAML document (ConfigMap keys, chart values' `alloy.configMap.content`,
   * collectors' `extraConfig`…), found as the deployment checks find them in the document's input, each as a
   * document of its own; `undefined` until the deployment checks are loaded. Found again only when a document
   * of the input changed.
   */
  embeddedConfigs(doc: ParsedDocument): readonly EmbeddedConfig[] | undefined {
    const deployment = this.deployment;
    if (!deployment) return undefined;
    const files = this.inputDocuments(doc.uri).filter((d) => d.tooLarge === undefined);
    const key = this.inputKeyOf(doc.uri);
    let state = this.inputs.get(key);
    if (!state || !sameDocuments(state.documents, files) || state.settings !== this.settings) {
      const reads = new Set<string>();
      const found = holdsAlloyCheaply(files) ? deployment.findDeploymentConfigs(deploymentFiles(files), { readFile: this.fileReader(reads) }) : [];
      state = this.inputState(key, doc.uri, files, reads, found);
    }
    return state.configs.get(doc.uri) ?? [];
  }

  /**
   * Checks the Kubernetes input `uri` belongs to with the deployment checks, as `alloylint` checks a folder;
   * `undefined` when it holds no Alloy (decided from the texts before any YAML is parsed). The configs the
   * check found serve {@link embeddedConfigs} until a document changes.
   */
  async checkInput(uri: string): Promise<{ documents: readonly ParsedDocument[]; result: DeploymentCheckResult | undefined }> {
    const deployment = await this.loadDeployment();
    const documents = this.inputDocuments(uri);
    const files = documents.filter((d) => d.tooLarge === undefined);
    const key = this.inputKeyOf(uri);
    if (!holdsAlloyCheaply(files)) {
      this.inputState(key, uri, files, new Set(), []);
      return { documents, result: undefined };
    }
    const settings = this.settings;
    const base = {
      alloyVersion: settings.alloyVersion,
      stabilityLevel: settings.stabilityLevel,
      communityComponents: settings.communityComponents,
      disable: disabledRules(settings),
    };
    const reads = new Set<string>();
    const alloyFiles = new Set(files.filter((d) => this.isAlloy(d.uri)).map((d) => checkerFilename(d.uri)));
    const result = deployment.checkDeployment(deploymentFiles(files), {
      // `.alloy` files are checked as configs of their folder (with the settings); here only the texts inside YAML.
      checkConfig: (configFiles, { alloyVersion, deployed }) =>
        configFiles.every((f) => alloyFiles.has(f.filename))
          ? []
          : check(configFiles, {
              ...base,
              ...(alloyVersion ? { alloyVersion } : {}),
              ...(deployed ? { stabilityLevel: "experimental" as const, communityComponents: true } : {}),
            }).diagnostics,
      readFile: this.fileReader(reads),
      disable: base.disable,
    });
    this.inputState(key, uri, files, reads, result.configs);
    return { documents, result };
  }

  private inputState(key: string, uri: string, documents: readonly ParsedDocument[], reads: Set<string>, configs: readonly DeploymentConfigText[]): DeploymentInputState {
    const byUri = new Map<string, EmbeddedConfig[]>();
    for (const config of configs) {
      const host = documents.find((d) => checkerFilename(d.uri) === config.file);
      if (!host) continue;
      const list = byUri.get(host.uri) ?? [];
      const embedded = new EmbeddedConfig(host, config, list.length);
      this.documents.setEmbedded(embedded.document);
      list.push(embedded);
      byUri.set(host.uri, list);
    }
    const state = { uri, documents, reads, settings: this.settings, configs: byUri };
    this.inputs.set(key, state);
    return state;
  }

  /** Reads what an input names outside its files (open documents as edited), noting each URI in `reads`. */
  private fileReader(reads: Set<string>): FileReader {
    return (path) => {
      const uri = URI.file(path).toString();
      reads.add(uri);
      const doc = this.documents.get(uri);
      // A file that is not UTF-8 is not read, as in the CLI (Alloy rejects it).
      return doc && doc.tooLarge === undefined && doc.badBytes === undefined ? doc.text : undefined;
    };
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
      .filter((d): d is ParsedDocument => d !== undefined && !d.tooLarge);
  }

  /**
   * The checker's analysis of the config `uri` belongs to, as the documents are now. Reused as long as the
   * config's documents (and the modules they import) are the same parsed versions and the settings did not
   * change, so diagnostics, the pipeline graph and later requests on an unchanged config do not analyze it
   * again.
   */
  analysis(uri: string): ConfigAnalysis {
    const key = this.configKeyOf(uri);
    const cached = this.analyses.get(key);
    // Checked fresh in this revision: no document changed since (every change starts a new revision).
    if (cached && cached.settings === this.settings && this.checkedAt.get(key) === this.revisionCounter) return cached;
    const documents = this.configDocuments(uri);
    this.checkedAt.set(key, this.revisionCounter);
    if (cached && this.isFresh(cached, documents)) return cached;
    const analysis = this.analyze(key, documents);
    this.analyses.set(key, analysis);
    return analysis;
  }

  /**
   * The last analysis made of the config `uri` belongs to, even when a document changed since (a new one is
   * on its way: the diagnostics run makes it), else a new one. Requests answer from it, so that they never
   * wait behind a whole analysis: the statements an edit did not touch are the very objects the model holds,
   * moved to their new offsets by the parser's `reparse`.
   */
  latestAnalysis(uri: string): ConfigAnalysis {
    const cached = this.analyses.get(this.configKeyOf(uri));
    if (!cached || cached.settings !== this.settings) return this.analysis(uri);
    // Only an analysis of an earlier version of this very document: its offsets are this text's.
    const analyzed = cached.documents.find((d) => d.uri === uri);
    const current = this.documents.get(uri);
    return analyzed && current && analyzed.lineage === current.lineage ? cached : this.analysis(uri);
  }

  private analyze(key: string, documents: readonly ParsedDocument[]): ConfigAnalysis {
    const imports: { from: string; filename: string; documents: ParsedDocument[] | ImportProblem }[] = [];
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
        return Array.isArray(modules) ? modules.map((d) => d.source) : modules;
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
      diagnostics() {
        if (diagnostics === undefined) {
          const steps = analysis.diagnosticsInSteps();
          let step = steps.next();
          while (!step.done) step = steps.next();
        }
        return diagnostics!;
      },
      *diagnosticsInSteps() {
        if (diagnostics === undefined) diagnostics = (yield* checkModelInSteps(model)).diagnostics;
        return diagnostics;
      },
    };
    return analysis;
  }

  private isFresh(analysis: ConfigAnalysis, documents: readonly ParsedDocument[]): boolean {
    if (analysis.settings !== this.settings || analysis.documents.length !== documents.length) return false;
    for (let i = 0; i < documents.length; i++) if (analysis.documents[i] !== documents[i]) return false;
    for (const { from, filename, documents: before } of analysis.imports) {
      const now = this.loadModule(from, filename);
      if (!Array.isArray(now) || !Array.isArray(before)) {
        if (Array.isArray(now) || Array.isArray(before) || (now as ImportProblem).problem !== (before as ImportProblem).problem) return false;
        continue;
      }
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

  /**
   * The documents of a module imported with `import.file` from `fromUri`: a file, or a folder's `.alloy` files.
   * Read only inside the workspace folders (unless `importsOutsideWorkspace`), only regular files, and none
   * past the module size limit (`importFileProblem`, the CLI's limit too): a problem says why not.
   */
  private loadModule(fromUri: string, filename: string): ParsedDocument[] | ImportProblem {
    const fromPath = fsPathOf(fromUri);
    if (fromPath === undefined || filename === "") return [];
    const target = isAbsolute(filename) ? filename : resolve(dirname(fromPath), filename);
    let stat;
    try {
      stat = statSync(target);
    } catch {
      return []; // a missing module is the checker's to report
    }
    if (!this.settings.importsOutsideWorkspace) {
      const roots = this.folderPaths.length > 0 ? this.folderPaths : [dirname(fromPath)];
      if (!roots.some((root) => isInside(root, target))) {
        const where = this.folderPaths.length > 0 ? "the workspace folders" : "the importing file's folder";
        return { problem: `${target} is outside ${where} (the alloy.importsOutsideWorkspace setting allows reading it)` };
      }
    }
    if (stat.isDirectory()) {
      const docs = listDirectory(target)
        .filter(isAlloyPath)
        .sort()
        .map((name) => this.documents.get(URI.file(join(target, name)).toString()))
        .filter((d): d is ParsedDocument => d !== undefined && !d.tooLarge);
      const undecodable = docs.find((d) => d.badBytes !== undefined);
      return undecodable ? { problem: undecodableImportProblem(fsPathOf(undecodable.uri) ?? undecodable.uri, undecodable.badBytes![0]) } : docs;
    }
    const uri = URI.file(target).toString();
    const open = this.documents.isOpen(uri) ? this.documents.get(uri) : undefined;
    const problem = open ? undefined : importFileProblem(target, stat);
    if (problem !== undefined) return { problem };
    const doc = open ?? this.documents.get(uri);
    if (doc?.badBytes !== undefined) return { problem: undecodableImportProblem(target, doc.badBytes[0]) };
    return doc && !doc.tooLarge ? [doc] : [];
  }

  /**
   * `.alloy` files and YAML files the `valuesFiles` globs name under the workspace folders, as URIs (whether a
   * YAML file is chart values is decided when it is read). Scanned again only after file events.
   */
  workspaceFiles(): { alloy: string[]; yaml: string[] } {
    const cached = this.scannedFiles;
    const scanned =
      cached && cached.revision === this.filesRevision && cached.settings.valuesFiles === this.settings.valuesFiles
        ? cached
        : (this.scannedFiles = { revision: this.filesRevision, settings: this.settings, ...this.scan() });
    const open = this.documents.openUris().filter((uri) => this.isAlloy(uri) && !scanned.alloy.includes(uri));
    return open.length === 0 ? scanned : { alloy: [...scanned.alloy, ...open].sort(), yaml: scanned.yaml };
  }

  private scan(): { alloy: string[]; yaml: string[] } {
    const alloy = new Set<string>();
    const yaml = new Set<string>();
    for (const root of this.folderPaths) {
      walkFolder(root, (path) => {
        if (isAlloyPath(path)) alloy.add(URI.file(path).toString());
        else if (/\.ya?ml$/i.test(path) && matchesAnyGlob(relative(root, path).split(sep).join("/"), this.settings.valuesFiles)) {
          yaml.add(URI.file(path).toString());
        }
      });
    }
    return { alloy: [...alloy].sort(), yaml: [...yaml].sort() };
  }

  /** Whether `uri` is under one of the workspace folders. */
  inWorkspace(uri: string): boolean {
    const path = fsPathOf(uri);
    return path !== undefined && this.folderPaths.some((root) => isInside(root, path));
  }
}

/** What the server keeps of a Kubernetes input between checks. */
interface DeploymentInputState {
  /** A file of the input (its folder's). */
  readonly uri: string;
  readonly documents: readonly ParsedDocument[];
  /** Files read beyond the input's own (a kustomization's resources elsewhere): a change there re-checks it. */
  readonly reads: ReadonlySet<string>;
  readonly settings: Settings;
  /** The configs inside each YAML document, by its URI. */
  readonly configs: ReadonlyMap<string, readonly EmbeddedConfig[]>;
}

function sameDocuments(a: readonly ParsedDocument[], b: readonly ParsedDocument[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

function deploymentFiles(documents: readonly ParsedDocument[]): DeploymentFile[] {
  return documents.map((d) => ({ file: checkerFilename(d.uri), text: d.text }));
}

/**
 * Whether the texts may hold Alloy, before any YAML is parsed: a word every input about Alloy writes (the
 * image, the chart, the operator's kind, a `.alloy` or `.river` key or file), k8s-monitoring's `collectors`,
 * or a kustomization (its resources may be elsewhere). An nginx Deployment costs one scan of its text.
 */
function holdsAlloyCheaply(documents: readonly ParsedDocument[]): boolean {
  return documents.some((d) => isAlloyPath(d.uri) || /alloy|\.river\b|^collectors:|^kind:\s*Kustomization\b/im.test(d.text) || /\/kustomization\.ya?ml$/i.test(d.uri));
}

export function isAlloyPath(path: string): boolean {
  return path.endsWith(".alloy") || path.endsWith(".river");
}

/** The local path of a workspace folder URI, or `undefined` for one the server must not walk. */
function localFolderPath(uri: string): string | undefined {
  let parsed: URI;
  try {
    parsed = URI.parse(uri, true);
  } catch {
    return undefined;
  }
  if (parsed.scheme !== "file" || (parsed.authority !== "" && parsed.authority !== "localhost")) return undefined;
  if (!parsed.path.startsWith("/")) return undefined;
  const path = parsed.fsPath;
  if (!isAbsolute(path) || dirname(path) === path) return undefined;
  return path;
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

function listDirectory(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return []; // an unreadable folder holds no config files
  }
}

function walkFolder(root: string, visit: (path: string) => void): void {
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
