import { parentPort, workerData } from "node:worker_threads";
import { formatFile } from "./format-file.js";
import type { Outcome } from "./format-file.js";

/** Input of a formatting worker (see `parallel.ts`). */
export interface WorkerInput {
  readonly cwd: string;
  readonly paths: readonly string[];
  /** Whether the texts are needed back (diff, write, print); otherwise only whether each file changed. */
  readonly keepText: boolean;
}

const { cwd, paths, keepText } = workerData as WorkerInput;
const outcomes: Outcome[] = paths.map((path) => {
  const outcome = formatFile(cwd, path);
  return outcome.kind === "formatted" && !keepText ? { ...outcome, original: "", formatted: "" } : outcome;
});
parentPort?.postMessage(outcomes);
