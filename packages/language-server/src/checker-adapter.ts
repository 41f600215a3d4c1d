import type { AlloyVersion } from "@alloy-toolkit/catalog";
import type { Range, Severity } from "@alloy-toolkit/parser";

/**
 * The part of `@alloy-toolkit/checker` the server uses, loaded at run time: the checker is developed
 * alongside and may not be built; the server then falls back to parse diagnostics and its own basic checks
 * (`basic-checks.ts`).
 */
export interface CheckerDiagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly file: string;
  readonly range: Range;
  readonly hint?: string;
  readonly related?: readonly { readonly file: string; readonly range: Range; readonly message: string }[];
  readonly fix?: { readonly title: string; readonly file: string; readonly edits: readonly { readonly range: Range; readonly newText: string }[] };
}

export interface CheckerOptions {
  alloyVersion?: AlloyVersion;
  stabilityLevel?: "generally-available" | "public-preview" | "experimental";
  communityComponents?: boolean;
  disable?: readonly string[];
  resolveImport?: (filename: string, importingFile: string) => string | undefined;
}

/** A parsed file handed to the checker (its `SourceDocument`), so it does not parse again. */
export interface CheckerDocument {
  readonly filename: string;
  readonly text: string;
  readonly ast: import("@alloy-toolkit/parser").File;
  readonly lineIndex: import("@alloy-toolkit/parser").LineIndex;
  readonly parseDiagnostics: readonly import("@alloy-toolkit/parser").Diagnostic[];
}

type CheckResult = readonly CheckerDiagnostic[] | { readonly diagnostics: readonly CheckerDiagnostic[] };

interface CheckerModule {
  check(files: readonly { filename: string; text: string }[], options: CheckerOptions): CheckResult;
  checkModel?(model: unknown): CheckResult;
  analyzeDocuments?(documents: readonly CheckerDocument[], options: unknown): unknown;
  resolveOptions?(options: CheckerOptions): unknown;
  checkValuesFile?: CheckerApi["checkValuesFile"];
}

export interface CheckerApi {
  /** Diagnostics of one config, from documents the server already parsed. */
  check(documents: readonly CheckerDocument[], options: CheckerOptions): readonly CheckerDiagnostic[];
  checkValuesFile?(
    text: string,
    options: { filename: string; checkConfig?: (first: never, second?: never) => readonly CheckerDiagnostic[] },
  ): { isChartValues: boolean; diagnostics: readonly CheckerDiagnostic[] };
}

let checker: CheckerApi | undefined | null = null;

/** Loads the checker once; `undefined` when it is not available. */
export async function loadChecker(): Promise<CheckerApi | undefined> {
  if (checker !== null) return checker;
  const specifier = process.env.ALLOY_LS_NO_CHECKER === "1" ? "" : "@alloy-toolkit/checker";
  try {
    const module: Partial<CheckerModule> = specifier ? { ...((await import(specifier)) as Partial<CheckerModule>) } : {};
    if (specifier && typeof module.checkValuesFile !== "function") {
      module.checkValuesFile = await loadDeploymentChecks(specifier);
    }
    checker = typeof module.check === "function" ? adapt(module as CheckerModule) : undefined;
  } catch (error) {
    process.stderr.write(`alloy-language-server: checker unavailable, using basic checks (${String(error)})\n`);
    checker = undefined;
  }
  return checker;
}

/** The checker loaded by {@link loadChecker}, if any (synchronous access for the diagnostics pipeline). */
export function loadedChecker(): CheckerApi | undefined {
  return checker ?? undefined;
}

function diagnosticsOf(result: CheckResult): readonly CheckerDiagnostic[] {
  return Array.isArray(result) ? result : (result as { diagnostics: readonly CheckerDiagnostic[] }).diagnostics;
}

function adapt(module: CheckerModule): CheckerApi {
  const { checkModel, analyzeDocuments, resolveOptions } = module;
  const reuseParses = checkModel && analyzeDocuments && resolveOptions;
  return {
    check: (documents, options) =>
      diagnosticsOf(
        reuseParses
          ? checkModel(analyzeDocuments([...documents].sort((a, b) => (a.filename < b.filename ? -1 : a.filename > b.filename ? 1 : 0)), resolveOptions(options)))
          : module.check(documents.map((d) => ({ filename: d.filename, text: d.text })), options),
      ),
    ...(module.checkValuesFile ? { checkValuesFile: module.checkValuesFile } : {}),
  };
}

/**
 * The Helm values checks live in the checker's `deployment/` module, which its package does not export
 * (yet): load it beside the checker's entry point.
 */
async function loadDeploymentChecks(specifier: string): Promise<CheckerApi["checkValuesFile"]> {
  try {
    const entry = import.meta.resolve(specifier);
    const deployment = (await import(new URL("./deployment/index.js", entry).href)) as Partial<CheckerModule>;
    return deployment.checkValuesFile;
  } catch (error) {
    process.stderr.write(`alloy-language-server: Helm values checks unavailable (${String(error)})\n`);
    return undefined;
  }
}
