import type { Diagnostic } from "vscode-languageserver";
import { configDiagnostics, valuesFileDiagnostics, type FileDiagnostics } from "./features/diagnostics.js";
import type { Workspace } from "./workspace.js";

type Publish = (uri: string, diagnostics: Diagnostic[], version: number | undefined) => void;

/**
 * Runs diagnostics after edits: per config folder (or values file), debounced by the `diagnosticsDelay`
 * setting, always on the latest text. A newer edit cancels the pending run; a run's results are dropped when
 * a document changed while it was queued, since a newer run is then already scheduled.
 */
export class DiagnosticsScheduler {
  private readonly pending = new Map<string, { timer: NodeJS.Timeout | NodeJS.Immediate; immediate: boolean }>();
  /** Files that currently show diagnostics, so a closed or fixed file gets an empty list. */
  private readonly published = new Set<string>();
  onError: (error: unknown) => void = () => {};

  constructor(
    private readonly workspace: Workspace,
    private readonly publish: Publish,
  ) {}

  /** Schedules the diagnostics of the config (or values file) `uri` belongs to. */
  schedule(uri: string, delay = this.workspace.settings.diagnosticsDelay): void {
    const key = this.workspace.isValuesFile(uri) ? `values:${uri}` : this.workspace.configKeyOf(uri);
    this.cancel(key);
    const run = () => {
      this.pending.delete(key);
      this.run(uri);
    };
    const timer = delay <= 0 ? { timer: setImmediate(run), immediate: true } : { timer: setTimeout(run, delay), immediate: false };
    this.pending.set(key, timer);
  }

  /** Cancels every pending run (shutdown). */
  dispose(): void {
    for (const key of [...this.pending.keys()]) this.cancel(key);
  }

  /** Clears the diagnostics of a file (closed and not part of the workspace). */
  clear(uri: string): void {
    if (this.published.delete(uri)) this.publish(uri, [], undefined);
  }

  private cancel(key: string): void {
    const entry = this.pending.get(key);
    if (!entry) return;
    if (entry.immediate) clearImmediate(entry.timer as NodeJS.Immediate);
    else clearTimeout(entry.timer as NodeJS.Timeout);
    this.pending.delete(key);
  }

  private run(uri: string): void {
    const ctx = { workspace: this.workspace };
    let results: FileDiagnostics[];
    try {
      if (this.workspace.isValuesFile(uri)) {
        const doc = this.workspace.documents.get(uri);
        results = doc ? [valuesFileDiagnostics(doc, ctx)] : [];
      } else {
        results = configDiagnostics(uri, ctx, uri);
      }
    } catch (error) {
      this.onError(error);
      return;
    }
    for (const result of results) {
      const current = this.workspace.documents.versionOf(result.uri);
      if (current !== undefined && result.version !== undefined && current !== result.version) continue; // stale
      if (result.diagnostics.length === 0 && !this.published.has(result.uri) && !this.workspace.documents.isOpen(result.uri)) continue;
      if (result.diagnostics.length > 0) this.published.add(result.uri);
      else this.published.delete(result.uri);
      this.publish(result.uri, result.diagnostics, result.version);
    }
  }
}
