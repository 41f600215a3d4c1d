import { existsSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { FileTask, Outcome } from "./format-file.js";
import { formatFile, resolvePath } from "./format-file.js";
import type { WorkerInput } from "./format-worker.js";

/**
 * Number of threads for formatting many files: `ALLOYFMT_JOBS` when set (1 turns threads off), otherwise the
 * available parallelism, capped at 4, and at one thread per {@link BYTES_PER_THREAD} of input.
 */
export const JOBS_ENV = "ALLOYFMT_JOBS";
/**
 * The input a thread must have to pay for itself: each thread loads the formatter, builds the parser (Chevrotain
 * records the grammar) and compiles its hot code anew, which costs as much CPU as formatting megabytes: below
 * this much input per thread, threads took more CPU and no less time than one.
 */
const BYTES_PER_THREAD = 4_000_000;

/** Set in alloyfmt's bundle (scripts/bundle.mjs): the formatting thread's own bundle, from this module's URL. */
declare const __ALLOYFMT_WORKER__: string | undefined;

/** The formatting thread's module: its bundle when alloyfmt runs bundled (one file to load), else the compiled module. */
const WORKER_FILE = fileURLToPath(new URL(typeof __ALLOYFMT_WORKER__ === "string" ? __ALLOYFMT_WORKER__ : "./format-worker.js", import.meta.url));

/**
 * Formats files (and writes each back as soon as it is formatted, for `--write`), on several threads when there
 * is enough input; outcomes come in the order of `paths`.
 */
export async function formatFiles(cwd: string, paths: readonly string[], task: FileTask): Promise<Outcome[]> {
  const requested = Number(process.env[JOBS_ENV]);
  const explicit = Number.isInteger(requested) && requested > 0;
  let jobs = Math.min(explicit ? requested : Math.min(availableParallelism(), 4), paths.length);
  // Sources run under the test runner have no compiled worker beside them: format on this thread then.
  if (jobs < 2 || !existsSync(WORKER_FILE)) return paths.map((path) => formatFile(cwd, path, task));

  const sizes = paths.map((path) => fileSize(cwd, path));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (!explicit) jobs = Math.min(jobs, Math.floor(total / BYTES_PER_THREAD));
  if (jobs < 2) return paths.map((path) => formatFile(cwd, path, task));

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
