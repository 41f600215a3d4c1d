import { parseArgs } from "node:util";

/** What alloyfmt does with each file. Several modes combine (`-l -w` lists and rewrites). */
export interface FmtOptions {
  readonly write: boolean;
  readonly check: boolean;
  readonly listDifferent: boolean;
  readonly diff: boolean;
  readonly help: boolean;
  readonly version: boolean;
  readonly color: "auto" | "always" | "never";
  /** Files, directories, glob patterns, or `-` for stdin. */
  readonly paths: string[];
}

export class UsageError extends Error {
  override readonly name = "UsageError";
}

export const USAGE = `Usage: alloyfmt [options] [path ...]

Formats Grafana Alloy configuration files exactly as \`alloy fmt\` does.

Paths are files, directories (searched recursively for *.alloy and *.river,
skipping .git and node_modules), glob patterns, or - for stdin. Without a path,
stdin is read.

Options:
  -w, --write            rewrite files whose formatting changes (atomically)
  -c, --check            list files that are not formatted; exit 1 if any
  -t, --test             same as --check (as in alloy fmt)
  -l, --list-different   print the names of files whose formatting differs
  -d, --diff             print a unified diff of the changes
      --color <when>     colour diffs and errors: auto (on a TTY), always, never
  -h, --help             show this help
  -v, --version          print the version

Without -w, -c, -l or -d, prints the formatted text of a single file or stdin.

Exit status: 0 all files formatted (or rewritten), 1 some file would change,
2 an error (a file that does not parse or cannot be read, a bad option).`;

export function parseFmtArgs(argv: readonly string[]): FmtOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        write: { type: "boolean", short: "w" },
        check: { type: "boolean", short: "c" },
        test: { type: "boolean", short: "t" },
        "list-different": { type: "boolean", short: "l" },
        diff: { type: "boolean", short: "d" },
        color: { type: "string" },
        help: { type: "boolean", short: "h" },
        version: { type: "boolean", short: "v" },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const color = values.color ?? "auto";
  if (color !== "auto" && color !== "always" && color !== "never") {
    throw new UsageError(`--color must be auto, always or never, not ${JSON.stringify(color)}`);
  }
  return {
    write: values.write === true,
    check: values.check === true || values.test === true,
    listDifferent: values["list-different"] === true,
    diff: values.diff === true,
    help: values.help === true,
    version: values.version === true,
    color,
    paths: positionals,
  };
}
