import { existsSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { FileTask, Outcome } from "./format-file.js";
import { formatFile, resolvePath } from "./format-file.js";
import type { WorkerInput } from "./format-worker.js";

/**
 * Number of threads for formatting many files: `ALLOYFMT_JOBS` when set (1 turns threads off), otherwise the
 * available parallelism, capped at 4. Threads only pay off past {@link PARALLEL_MIN_BYTES} of input.
 */
export const JOBS_ENV = "ALLOYFMT_JOBS";
const PARALLEL_MIN_BYTES = 1_000_000;

const WORKER_FILE = fileURLToPath(new URL("./format-worker.js", import.meta.url));

/**
 * Formats files (and writes each back as soon as it is formatted, for `--write`), on several threads when there
 * is enough input; outcomes come in the order of `paths`.
 */
export async function formatFiles(cwd: string, paths: readonly string[], task: FileTask): Promise<Outcome[]> {
  const requested = Number(process.env[JOBS_ENV]);
  const explicit = Number.isInteger(requested) && requested > 0;
  const jobs = Math.min(explicit ? requested : Math.min(availableParallelism(), 4), paths.length);
  // Sources run under the test runner have no compiled worker beside them: format on this thread then.
  if (jobs < 2 || !existsSync(WORKER_FILE)) return paths.map((path) => formatFile(cwd, path, task));

  const sizes = paths.map((path) => fileSize(cwd, path));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (!explicit && total < PARALLEL_MIN_BYTES) return paths.map((path) => formatFile(cwd, path, task));

  // Largest files first, each to the least loaded thread; thread 0 is this one.
  const buckets = Array.from({ length: jobs }, () => ({ load: 0, indexes: [] as number[] }));
  const order = paths.map((_, index) => index).sort((a, b) => sizes[b] - sizes[a]);
  for (const index of order) {
    const bucket = buckets.reduce((least, candidate) => (candidate.load < least.load ? candidate : least));
    bucket.load += sizes[index] + 2_000;
    bucket.indexes.push(index);
  }
  const outcomes: Outcome[] = new Array(paths.length);
  const workers = buckets.slice(1).map(
    (bucket) =>
      new Promise<void>((resolve, reject) => {
        // A thread cannot call back into this one: the test hook before a rename stays here.
        const input: WorkerInput = {
          cwd,
          paths: bucket.indexes.map((index) => paths[index]),
          task: { write: task.write, keepText: task.keepText },
        };
        const worker = new Worker(WORKER_FILE, { workerData: input });
        worker.once("message", (results: Outcome[]) => {
          results.forEach((outcome, i) => (outcomes[bucket.indexes[i]] = outcome));
          resolve();
        });
        worker.once("error", reject);
        worker.once("exit", (code) => {
          if (code !== 0) reject(new Error(`formatting thread exited with code ${code}`));
        });
      }),
  );
  for (const index of buckets[0].indexes) outcomes[index] = formatFile(cwd, paths[index], task);
  await Promise.all(workers);
  return outcomes;
}

function fileSize(cwd: string, path: string): number {
  try {
    return statSync(resolvePath(cwd, path)).size;
  } catch {
    // Unreadable files are reported when formatted; their size only balances the threads.
    return 0;
  }
}
