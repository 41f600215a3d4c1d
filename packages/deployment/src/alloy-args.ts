/**
 * The flags of `alloy run` that take a value (`--storage.path /data` or `--storage.path=/data`); every other flag
 * is a boolean, given as `--flag` or `--flag=true|false` (a value after a space is not read as its value).
 * From `alloy run --help` (docs/sources/reference/cli/run.md).
 */
const VALUE_FLAGS = new Set([
  "server.http.listen-addr",
  "server.http.memory-addr",
  "server.http.ui-path-prefix",
  "storage.path",
  "cluster.node-name",
  "cluster.join-addresses",
  "cluster.discover-peers",
  "cluster.rejoin-interval",
  "cluster.advertise-address",
  "cluster.advertise-interfaces",
  "cluster.max-join-peers",
  "cluster.name",
  "cluster.tls-ca-path",
  "cluster.tls-cert-path",
  "cluster.tls-key-path",
  "cluster.tls-server-name",
  "cluster.wait-for-size",
  "cluster.wait-timeout",
  "config.format",
  "config.extra-args",
  "stability.level",
  "feature.component-shutdown-deadline",
  "windows.priority",
]);

/** A flag as given: its value, and the index of the argument holding the flag (and of the one holding its value). */
export interface FlagUse {
  readonly value: string;
  readonly index: number;
  readonly valueIndex: number;
}

/** The command line of an Alloy process (the arguments after the binary). */
export interface AlloyCommandLine {
  /** Whether the command is `run`. */
  readonly run: boolean;
  /** The path given to `run` (a file or a folder) and the index of its argument. */
  readonly configPath?: { readonly path: string; readonly index: number };
  /** The last use of a flag (later ones win, as pflag reads them). */
  flag(name: string): FlagUse | undefined;
  /** A boolean flag: `--flag` or `--flag=true` is true, `--flag=false` false; `undefined` when absent. */
  bool(name: string): (FlagUse & { readonly on: boolean }) | undefined;
}

/** What Go's `strconv.ParseBool` reads as true. */
const TRUE = new Set(["1", "t", "T", "TRUE", "true", "True"]);

/** Reads the arguments of an Alloy process. */
export function parseAlloyArgs(args: readonly string[]): AlloyCommandLine {
  const flags = new Map<string, FlagUse>();
  const positionals: { path: string; index: number }[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i].trim();
    const m = /^--?([\w.-]+)(?:=([\s\S]*))?$/.exec(arg);
    if (!m) {
      positionals.push({ path: arg, index: i });
      continue;
    }
    const [, name, inline] = m;
    if (inline === undefined && VALUE_FLAGS.has(name) && i + 1 < args.length) {
      flags.set(name, { value: args[i + 1].trim(), index: i, valueIndex: i + 1 });
      i++;
    } else {
      flags.set(name, { value: inline ?? "true", index: i, valueIndex: i });
    }
  }
  const run = positionals[0]?.path === "run";
  return {
    run,
    configPath: run && positionals[1] ? positionals[1] : undefined,
    flag: (name) => flags.get(name),
    bool(name) {
      const use = flags.get(name);
      if (!use) return undefined;
      return { ...use, on: TRUE.has(use.value) };
    },
  };
}

/** What the grafana/alloy image runs when a container gives no command and no arguments (its Dockerfile's CMD). */
export const IMAGE_DEFAULT_ARGS: readonly string[] = ["run", "/etc/alloy/config.alloy", "--storage.path=/var/lib/alloy/data"];

/** Alloy's default `--storage.path`, relative to the working folder. */
export const DEFAULT_STORAGE_PATH = "data-alloy/";
