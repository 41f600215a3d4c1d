import { prepareNavigation } from "@alloy-toolkit/checker/core";
import type { Diagnostic } from "vscode-languageserver";
import { configDiagnostics, tooLargeDiagnostics, valuesFileDiagnostics, type FileDiagnostics } from "./features/diagnostics.js";
import type { Workspace } from "./workspace.js";

type Publish = (uri: string, diagnostics: Diagnostic[], version: number | undefined) => void;

/** Lets queued messages (completion, hover…) run between the phases of a diagnostics run. */
const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs diagnostics after edits: per config folder (or values file), debounced by the `diagnosticsDelay`
 * setting, always on the latest text. A newer edit cancels the pending run and stops a running one at its
 * next step; a run's results are dropped when a document changed meanwhile, since a newer run is then
 * already scheduled. A run parses the edited document, then analyzes the config, then indexes the analysis
 * for navigation, then runs its rules one by one, yielding between every step so that requests do not wait behind it (they answer from the last
 * analysis); the edited document's diagnostics go out first. With the `diagnosticsScope` setting at
 * `openFiles`, only open documents get diagnostics.
 */
export class DiagnosticsScheduler {
  private readonly pending = new Map<string, { timer: NodeJS.Timeout | NodeJS.Immediate; immediate: boolean }>();
  /** Runs in progress, by key: set to cancelled when a newer run is scheduled. */
  private readonly running = new Map<string, { cancelled: boolean }>();
  /** Files that currently show diagnostics, so a closed or fixed file gets an empty list. */
  private readonly published = new Set<string>();
  private idleCallbacks: (() => void)[] = [];
  /** When a run was last scheduled or ended ({@link whenQuiet}); `Date.now()`: `performance` would load modules of its own during the start. */
  private lastActivity = Date.now();
  private quietTimers = new Set<NodeJS.Timeout>();
  onError: (error: unknown) => void = () => {};
  private readonly runEndListeners = new Set<() => void>();

  constructor(
    private readonly workspace: Workspace,
    private readonly publish: Publish,
  ) {}

  /** Schedules the diagnostics of the config (or values file) `uri` belongs to. */
  schedule(uri: string, delay = this.workspace.settings.diagnosticsDelay): void {
    const key = this.keyOf(uri);
    if (key === undefined) return;
    this.cancel(key);
    this.lastActivity = Date.now();
    const run = () => {
      this.pending.delete(key);
      void this.run(uri, key);
    };
    const timer = delay <= 0 ? { timer: setImmediate(run), immediate: true } : { timer: setTimeout(run, delay), immediate: false };
    this.pending.set(key, timer);
  }

  /** Whether a run for the config (or values file) of `uri` is waiting or in progress. */
  isScheduled(uri: string): boolean {
    const key = this.keyOf(uri);
    return key !== undefined && (this.pending.has(key) || this.running.has(key));
  }

  /** Calls `callback` once no run is waiting or in progress (at once, on the next turn, if none is). */
  whenIdle(callback: () => void): void {
    if (this.pending.size === 0 && this.running.size === 0) setImmediate(callback);
    else this.idleCallbacks.push(callback);
  }

  /**
   * Calls `callback` once no run has been waiting or in progress for `quietMs` milliseconds: after the
   * user stopped typing for a while, not between two keystrokes.
   */
  whenQuiet(quietMs: number, callback: () => void): void {
    const check = () => {
      this.quietTimers.delete(timer);
      const busy = this.pending.size > 0 || this.running.size > 0;
      const quietFor = Date.now() - this.lastActivity;
      if (!busy && quietFor >= quietMs) {
        try {
          callback();
        } catch (error) {
          this.onError(error);
        }
        return;
      }
      timer = setTimeout(check, busy ? quietMs : quietMs - quietFor);
      timer.unref();
      this.quietTimers.add(timer);
    };
    let timer = setTimeout(check, quietMs);
    timer.unref();
    this.quietTimers.add(timer);
  }

  /** Calls `listener` after each run ends; returns the function that stops it. */
  onRunEnd(listener: () => void): () => void {
    this.runEndListeners.add(listener);
    return () => this.runEndListeners.delete(listener);
  }

  /** Cancels every pending and running run (shutdown). */
  dispose(): void {
    for (const key of [...this.pending.keys(), ...this.running.keys()]) this.cancel(key);
    this.idleCallbacks = [];
    for (const timer of this.quietTimers) clearTimeout(timer);
    this.quietTimers.clear();
  }

  /** Clears the diagnostics of a file (closed and not part of the workspace). */
  clear(uri: string): void {
    if (this.published.delete(uri)) this.publish(uri, [], undefined);
  }

  /** The run `uri` belongs to: its config's for Alloy files, its own for YAML the globs name; none for the rest. */
  private keyOf(uri: string): string | undefined {
    if (this.workspace.isAlloy(uri)) return this.workspace.configKeyOf(uri);
    if (this.workspace.isValuesCandidate(uri)) return `yaml:${uri}`;
    return undefined;
  }

  private cancel(key: string): void {
    const runningNow = this.running.get(key);
    if (runningNow) runningNow.cancelled = true;
    const entry = this.pending.get(key);
    if (!entry) return;
    if (entry.immediate) clearImmediate(entry.timer as NodeJS.Immediate);
    else clearTimeout(entry.timer as NodeJS.Timeout);
    this.pending.delete(key);
  }

  private async run(uri: string, key: string): Promise<void> {
    const state = { cancelled: false };
    this.running.set(key, state);
    try {
      if (key.startsWith("yaml:")) await this.runValues(uri, state);
      else await this.runConfig(uri, state);
    } catch (error) {
      this.onError(error);
    } finally {
      if (this.running.get(key) === state) this.running.delete(key);
      this.lastActivity = Date.now();
      for (const listener of this.runEndListeners) listener();
      if (this.pending.size === 0 && this.running.size === 0 && this.idleCallbacks.length > 0) {
        const callbacks = this.idleCallbacks;
        this.idleCallbacks = [];
        for (const callback of callbacks) {
          try {
            callback();
          } catch (error) {
            this.onError(error);
          }
        }
      }
    }
  }

  /** A YAML file the globs name: checked when it is chart values, cleared otherwise (other YAML is not ours). */
  private async runValues(uri: string, state: { cancelled: boolean }): Promise<void> {
    await this.workspace.loadDeployment();
    if (state.cancelled) return;
    const doc = this.workspace.documents.get(uri);
    if (!doc) return this.deliver([{ uri, diagnostics: [] }], state);
    if (doc.tooLarge !== undefined) return this.deliver([tooLargeDiagnostics(doc)], state);
    if (this.workspace.kindOf(uri) !== "values") return this.deliver([{ uri, diagnostics: [] }], state);
    this.deliver([await valuesFileDiagnostics(doc, { workspace: this.workspace })], state);
  }

  /**
   * An Alloy file's config: the edited document is parsed, then the config analyzed, then its rules run one at a
   * time, yielding between all of them so that requests are answered in between (from the last analysis).
   */
  private async runConfig(uri: string, state: { cancelled: boolean }): Promise<void> {
    const doc = this.workspace.documents.get(uri);
    if (doc?.tooLarge !== undefined) {
      this.deliver([tooLargeDiagnostics(doc)], state);
      return;
    }
    void doc?.parse;
    await yieldToRequests();
    if (state.cancelled) return;
    const analysis = this.workspace.analysis(uri);
    await yieldToRequests();
    if (state.cancelled) return;
    // The index navigation, hover and completion read: built here, between steps, not by the next request.
    prepareNavigation(analysis.model);
    const steps = analysis.diagnosticsInSteps();
    for (let step = steps.next(); !step.done; step = steps.next()) {
      await yieldToRequests();
      if (state.cancelled) return;
    }
    this.deliver(configDiagnostics(uri, { workspace: this.workspace }, uri), state);
  }

  private deliver(results: readonly FileDiagnostics[], state: { cancelled: boolean }): void {
    if (state.cancelled) return;
    const openOnly = this.workspace.settings.diagnosticsScope === "openFiles";
    for (const found of results) {
      // Diagnostics of open files only: the others are cleared (when they had some).
      const result = openOnly && !this.workspace.documents.isOpen(found.uri) ? { uri: found.uri, diagnostics: [] } : found;
      const current = this.workspace.documents.versionOf(result.uri);
      if (current !== undefined && result.version !== undefined && current !== result.version) continue; // stale
      if (result.diagnostics.length === 0 && !this.published.has(result.uri) && !this.workspace.documents.isOpen(result.uri)) continue;
      if (result.diagnostics.length > 0) this.published.add(result.uri);
      else this.published.delete(result.uri);
      this.publish(result.uri, result.diagnostics, result.version);
    }
  }
}
