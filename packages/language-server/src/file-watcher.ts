import { watch, type FSWatcher } from "node:fs";
import { dirname, join } from "node:path";
import { URI } from "vscode-uri";
import { fsPathOf } from "./documents.js";

/** Events of one burst (a `git checkout` writes many files) are handled together, this long after the last. */
const SETTLE_MS = 100;

/**
 * Watches the folders holding the workspace's configs and values files, for clients that do not watch files
 * for the server (`workspace/didChangeWatchedFiles` without dynamic registration: Neovim on Linux, Sublime
 * Text without a watcher plugin). One non-recursive watcher per folder: cheap, and enough to see a checkout
 * rewrite, add or delete the files the server reads.
 */
export class ServerFileWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private changed = new Set<string>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly onChange: (uris: readonly string[]) => void) {}

  /** Watches the folders of `uris` (file URIs) not watched yet. */
  watch(uris: readonly string[]): void {
    for (const uri of uris) {
      const path = fsPathOf(uri);
      if (path === undefined) continue;
      const folder = dirname(path);
      if (this.watchers.has(folder)) continue;
      try {
        const watcher = watch(folder, { persistent: false }, (_event, name) => {
          if (name) this.record(URI.file(join(folder, name.toString())).toString());
        });
        watcher.on("error", () => this.unwatch(folder));
        this.watchers.set(folder, watcher);
      } catch {
        // A folder that cannot be watched (gone, out of inotify watches) is checked on edits and saves only.
      }
    }
  }

  private record(uri: string): void {
    this.changed.add(uri);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const uris = [...this.changed];
      this.changed = new Set();
      this.onChange(uris);
    }, SETTLE_MS);
    this.timer.unref();
  }

  private unwatch(folder: string): void {
    this.watchers.get(folder)?.close();
    this.watchers.delete(folder);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const folder of [...this.watchers.keys()]) this.unwatch(folder);
  }
}
