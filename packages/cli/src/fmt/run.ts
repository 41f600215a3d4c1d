import type { Outcome } from "./format-file.js";
import { errorMessage, formatBytes, formatText } from "./format-file.js";
import { formatFiles } from "./parallel.js";
import { expandPaths } from "./files.js";
import { unifiedDiff } from "./unified-diff.js";
import type { FmtOptions } from "./options.js";
import { USAGE, UsageError, parseFmtArgs } from "./options.js";

/** Exit statuses of alloyfmt. */
export const ExitCode = {
  /** Everything is formatted (or was rewritten). */
  Ok: 0,
  /** Some file would change (with --check, --list-different or --diff). */
  WouldChange: 1,
  /** A file failed to parse or could not be read or written, or the command line is wrong. */
  Error: 2,
} as const;

/** Where alloyfmt reads and writes; the bin wires it to the process, tests to buffers. */
export interface FmtIo {
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Bytes are decoded as Alloy reads files (invalid UTF-8 is an error); a string is taken as it is. */
  readonly readStdin: () => Promise<string | Uint8Array>;
  /** Whether stdout (for diffs) and stderr (for errors) are terminals: colour is used only then. */
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  readonly stdinIsTTY: boolean;
  readonly version: string;
  /** Passed to the atomic write (tests simulate a crash or an edit before the original is replaced). */
  readonly beforeRename?: (tempPath: string) => void;
}

/** Runs alloyfmt with the given arguments and returns its exit status. */
export async function runAlloyfmt(argv: readonly string[], io: FmtIo): Promise<number> {
  let options: FmtOptions;
  try {
    options = parseFmtArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`alloyfmt: ${error.message}\n${USAGE}\n`);
    return ExitCode.Error;
  }
  if (options.help) {
    io.stdout(`${USAGE}\n`);
    return ExitCode.Ok;
  }
  if (options.version) {
    io.stdout(`alloyfmt ${io.version}\n`);
    return ExitCode.Ok;
  }
  const colors = {
    stdout: options.color === "always" || (options.color === "auto" && io.stdoutIsTTY && !process.env.NO_COLOR),
    stderr: options.color === "always" || (options.color === "auto" && io.stderrIsTTY && !process.env.NO_COLOR),
  };
  const reportError = (message: string): void => {
    io.stderr(colors.stderr ? `${RED}${message}${RESET}\n` : `${message}\n`);
  };

  let paths = options.paths;
  if (paths.length === 0) {
    if (io.stdinIsTTY) {
      io.stderr(`alloyfmt: no input: give paths, or - for stdin\n${USAGE}\n`);
      return ExitCode.Error;
    }
    paths = ["-"];
  }
  const { inputs, missing } = await expandPaths(paths, io.cwd);
  let status: number = ExitCode.Ok;
  for (const path of missing) {
    reportError(`${path}: no such file, directory or matching pattern`);
    status = ExitCode.Error;
  }

  const printMode = !options.write && !options.check && !options.listDifferent && !options.diff;
  if (printMode && inputs.length > 1) {
    io.stderr(
      "alloyfmt: printing the formatted text needs a single file or stdin; " +
        "use --write, --check, --list-different or --diff for several files\n",
    );
    return ExitCode.Error;
  }

  const filePaths = inputs.flatMap((input) => (input.kind === "file" ? [input.path] : []));
  // With --write each file is written back as soon as it is formatted, not once all are.
  const fileOutcomes = await formatFiles(io.cwd, filePaths, {
    write: options.write,
    keepText: printMode || options.diff,
    beforeRename: io.beforeRename,
  });
  let nextFile = 0;
  for (const input of inputs) {
    const name = input.kind === "stdin" ? "<stdin>" : input.path;
    const outcome = input.kind === "file" ? fileOutcomes[nextFile++] : await formatStdin(io);
    if (outcome.kind === "error") {
      for (const message of outcome.messages) reportError(message);
      status = ExitCode.Error;
      continue;
    }
    const { original, formatted } = outcome;
    if (printMode || (options.write && input.kind === "stdin")) {
      io.stdout(formatted);
      continue;
    }
    if (!outcome.changed) continue;
    if (options.check || options.listDifferent) io.stdout(`${name}\n`);
    if (options.diff) io.stdout(unifiedDiff(name, original, formatted, colors.stdout));
    if (options.write && input.kind === "file") {
      if (outcome.writeError !== undefined) {
        reportError(outcome.writeError);
        status = ExitCode.Error;
      }
    } else if (status === ExitCode.Ok) {
      status = ExitCode.WouldChange;
    }
  }
  return status;
}

async function formatStdin(io: FmtIo): Promise<Outcome> {
  let input: string | Uint8Array;
  try {
    input = await io.readStdin();
  } catch (error) {
    return { kind: "error", messages: [`<stdin>: cannot read: ${errorMessage(error)}`] };
  }
  return typeof input === "string" ? formatText("<stdin>", input) : formatBytes("<stdin>", input);
}

const RED = "\x1b[31m";
const RESET = "\x1b[0m";

/** Runs alloyfmt on the current process (the bin). */
export async function main(version: string): Promise<number> {
  return runAlloyfmt(process.argv.slice(2), {
    cwd: process.cwd(),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    stdinIsTTY: process.stdin.isTTY === true,
    version,
  });
}

