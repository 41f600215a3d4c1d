import { parentPort, workerData } from "node:worker_threads";
import { formatFile } from "./format-file.js";
import type { FileTask, Outcome } from "./format-file.js";

/** Input of a formatting worker (see `parallel.ts`). */
export interface WorkerInput {
  readonly cwd: string;
  readonly paths: readonly string[];
  readonly task: FileTask;
}

const { cwd, paths, task } = workerData as WorkerInput;
const outcomes: Outcome[] = paths.map((path) => formatFile(cwd, path, task));
parentPort?.postMessage(outcomes);
