import { prepareNavigation } from "@alloy-toolkit/checker/core";
import type { Diagnostic } from "vscode-languageserver";
import { configDiagnostics, deploymentDiagnostics, tooLargeDiagnostics, type FileDiagnostics } from "./features/diagnostics.js";
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
  /**
   * What each file shows, by the run that found it (a `.alloy` file run by a deployment shows its config's
   * diagnostics and the deployment rules' of its folder's YAML): published together, and a closed or fixed file
   * gets an empty list.
   */
  private readonly published = new Map<string, Map<string, Diagnostic[]>>();
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

  /**
   * Schedules the diagnostics of the config or Kubernetes input `uri` belongs to, and of the inputs that read
   * it (the YAML of an `.alloy` file's folder, a kustomization naming it from elsewhere).
   */
  schedule(uri: string, delay = this.workspace.settings.diagnosticsDelay): void {
    const key = this.keyOf(uri);
    if (key !== undefined) this.scheduleRun(uri, key, delay);
    for (const input of this.workspace.inputsAffectedBy(uri)) {
      const inputKey = this.workspace.inputKeyOf(input);
      if (inputKey !== key) this.scheduleRun(input, inputKey, delay);
    }
  }

  private scheduleRun(uri: string, key: string, delay: number): void {
    this.cancel(key);
    this.lastActivity = Date.now();
    const run = () => {
      this.pending.delete(key);
      void this.run(uri, key);
    };
    const timer = delay <= 0 ? { timer: setImmediate(run), immediate: true } : { timer: setTimeout(run, delay), immediate: false };
    this.pending.set(key, timer);
  }

  /** Whether a run for the config (or Kubernetes input) of `uri` is waiting or in progress. */
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

  /** The run `uri` belongs to: its config's for Alloy files, its folder's Kubernetes input for YAML the globs name; none for the rest. */
  private keyOf(uri: string): string | undefined {
    if (this.workspace.isAlloy(uri)) return this.workspace.configKeyOf(uri);
    if (this.workspace.isYamlCandidate(uri)) return this.workspace.inputKeyOf(uri);
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
      if (key.startsWith("yaml:")) await this.runInput(uri, key, state);
      else await this.runConfig(uri, key, state);
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

  /**
   * A folder's Kubernetes input (its YAML and `.alloy` files): checked with the deployment checks when it holds
   * Alloy, every file of it cleared otherwise (other YAML is not ours).
   */
  private async runInput(uri: string, key: string, state: { cancelled: boolean }): Promise<void> {
    await yieldToRequests();
    if (state.cancelled) return;
    const { documents, result } = await this.workspace.checkInput(uri);
    if (state.cancelled) return;
    const yaml = documents.filter((d) => !this.workspace.isAlloy(d.uri));
    const tooLarge = yaml.filter((d) => d.tooLarge !== undefined).map(tooLargeDiagnostics);
    if (!result) return this.deliver([...tooLarge, ...yaml.filter((d) => d.tooLarge === undefined).map((d) => ({ uri: d.uri, diagnostics: [] }))], state, key);
    this.deliver([...tooLarge, ...deploymentDiagnostics(documents, result, { workspace: this.workspace })], state, key);
  }

  /**
   * An Alloy file's config: the edited document is parsed, then the config analyzed, then its rules run one at a
   * time, yielding between all of them so that requests are answered in between (from the last analysis).
   */
  private async runConfig(uri: string, key: string, state: { cancelled: boolean }): Promise<void> {
    const doc = this.workspace.documents.get(uri);
    if (doc?.tooLarge !== undefined) {
      this.deliver([tooLargeDiagnostics(doc)], state, key);
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
    this.deliver(configDiagnostics(uri, { workspace: this.workspace }, uri), state, key);
  }

  /**
   * Publishes what the run `key` found, with what other runs found in the same files; the files this run
   * published before and found nothing in now lose its part.
   */
  private deliver(results: readonly FileDiagnostics[], state: { cancelled: boolean }, key: string): void {
    if (state.cancelled) return;
    const openOnly = this.workspace.settings.diagnosticsScope === "openFiles";
    const all = [...results];
    const found = new Set(results.map((r) => r.uri));
    for (const [uri, parts] of this.published) if (parts.has(key) && !found.has(uri)) all.push({ uri, diagnostics: [] });
    for (const result of all) {
      const current = this.workspace.documents.versionOf(result.uri);
      if (current !== undefined && result.version !== undefined && current !== result.version) continue; // stale
      // Diagnostics of open files only: the others are cleared (when they had some).
      const diagnostics = openOnly && !this.workspace.documents.isOpen(result.uri) ? [] : result.diagnostics;
      const parts = this.published.get(result.uri);
      if (diagnostics.length === 0 && !parts && !this.workspace.documents.isOpen(result.uri)) continue;
      const next = new Map(parts ?? []);
      if (diagnostics.length > 0) next.set(key, diagnostics);
      else next.delete(key);
      if (next.size > 0) this.published.set(result.uri, next);
      else this.published.delete(result.uri);
      this.publish(result.uri, [...next.values()].flat(), result.version);
    }
  }
}
