import { parseArgs } from "node:util";
import { availableAlloyVersions, catalogVersion, resolveAlloyVersion, type AlloyVersion } from "@alloy-toolkit/catalog";
import { getRule, stabilityLevels, type StabilityLevel } from "@alloy-toolkit/checker";
import { getDeploymentRule } from "@alloy-toolkit/deployment";

export const OUTPUT_FORMATS = ["text", "json", "sarif", "github"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface LintOptions {
  paths: string[];
  format: OutputFormat;
  stabilityLevel: StabilityLevel;
  communityComponents: boolean;
  /** `--disable` ids of the checker's rules. */
  checkerDisable: string[];
  /** `--disable` ids of the deployment rules. */
  deploymentDisable: string[];
  /** The name standard input (the path `-`) is reported under and told YAML from Alloy by; `<stdin>` by default. */
  stdinFilename: string;
  /** `--values values.yaml`: the paths are the config that these chart values deploy. */
  values: string | undefined;
  /** `--alloy-version`: the catalogued release to check against; wins over the release a deployment's YAML names. */
  alloyVersion: AlloyVersion | undefined;
  /** `--min-version`: print the lowest release that accepts each config instead of checking it. */
  minVersion: boolean;
  help: boolean;
  version: boolean;
}

/** The path that stands for standard input. */
export const STDIN_PATH = "-";
/** The name standard input is reported under without `--stdin-filename`. */
export const STDIN_NAME = "<stdin>";

export class UsageError extends Error {}

export const USAGE = `Usage: alloylint [options] <path>...
       alloylint [options] [--stdin-filename <name>] -

       alloylint --values <values.yaml> [options] <config path>...
       alloylint --min-version [options] <path>...
       alloylint graph [--format svg|mermaid|dot|json] [-o <file>] <path>...

Checks Grafana Alloy configs: each file is one config, each directory one config made of its *.alloy files
(as \`alloy validate\` reads it; subdirectories are checked the same way, each on its own). Kubernetes YAML
(*.yaml, *.yml) is checked too: manifests and \`helm template\` output, values of the grafana/alloy chart,
kustomizations, Flux HelmReleases, Argo CD Applications, Alloy resources and k8s-monitoring values; the
deployments they describe and the configs those run, reported at their line and column in the YAML. YAML
that holds no Alloy is skipped. The path - reads one file from standard input: a config, or YAML when
--stdin-filename ends in .yaml or .yml. With --values, the paths are the config those chart values deploy.
\`alloylint graph\` prints the pipeline graph of one config instead (see \`alloylint graph --help\`).

Options:
  --format <text|json|sarif|github>   Output format (default: text, like Alloy's own diagnostics)
  --stability-level <level>           Minimum stability level: generally-available (default),
                                      public-preview or experimental
  --community-components              Allow community components
  --disable <rule-id>                 Switch a rule off (repeatable, or comma-separated)
  --values <values.yaml>              Check the paths as the config deployed by these chart values
  --alloy-version <version>           Check against this Alloy release: v1.15.1, 1.15.1 or v1.15 (any
                                      patch of a minor means that minor's catalogued release). Default:
                                      the release a deployment runs (image tag, chart version), else
                                      ${catalogVersion}; this option wins over both
  --min-version                       Print the lowest Alloy release that accepts each config, and the
                                      statements that set it
  --stdin-filename <name>             The name standard input (-) is reported under (default: <stdin>)
  -h, --help                          Show this help
  -v, --version                       Show the version

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage or I/O error.
`;

/** Parses alloylint's command line; throws {@link UsageError} on bad usage. */
export function parseLintArgs(argv: readonly string[]): LintOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: "string", default: "text" },
        "stability-level": { type: "string", default: "generally-available" },
        "community-components": { type: "boolean", default: false },
        disable: { type: "string", multiple: true, default: [] },
        values: { type: "string" },
        "alloy-version": { type: "string" },
        "min-version": { type: "boolean", default: false },
        "stdin-filename": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
        version: { type: "boolean", short: "v", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const format = values.format as string;
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(`unknown --format "${format}" (expected ${OUTPUT_FORMATS.join(", ")})`);
  }
  const stabilityLevel = values["stability-level"] as string;
  if (!(stabilityLevels as readonly string[]).includes(stabilityLevel)) {
    throw new UsageError(`unknown --stability-level "${stabilityLevel}" (expected ${stabilityLevels.join(", ")})`);
  }
  const disable = (values.disable as string[]).flatMap((d) => d.split(",")).map((d) => d.trim()).filter(Boolean);
  for (const id of disable) {
    if (!getRule(id) && !getDeploymentRule(id)) throw new UsageError(`unknown rule "${id}" in --disable`);
  }
  const alloyVersion = values["alloy-version"] === undefined ? undefined : parseAlloyVersion(values["alloy-version"] as string);
  const minVersion = values["min-version"] as boolean;
  if (minVersion && alloyVersion) throw new UsageError("--min-version tries every release: it takes no --alloy-version");
  if (minVersion && values.values !== undefined) throw new UsageError("--min-version reads Alloy configs: it takes no --values");
  if (minVersion && (format === "sarif" || format === "github")) throw new UsageError(`--min-version prints text or json, not ${format}`);
  const options: LintOptions = {
    paths: positionals,
    format: format as OutputFormat,
    stabilityLevel: stabilityLevel as StabilityLevel,
    communityComponents: values["community-components"] as boolean,
    checkerDisable: disable.filter((id) => getRule(id)),
    deploymentDisable: disable.filter((id) => getDeploymentRule(id)),
    stdinFilename: (values["stdin-filename"] as string | undefined) ?? STDIN_NAME,
    values: values.values as string | undefined,
    alloyVersion,
    minVersion,
    help: values.help as boolean,
    version: values.version as boolean,
  };
  if (!options.help && !options.version && options.paths.length === 0) throw new UsageError("no path given");
  const stdinPaths = options.paths.filter((p) => p === STDIN_PATH).length;
  if (stdinPaths > 1) throw new UsageError("standard input (-) can be read only once");
  if (values["stdin-filename"] !== undefined && stdinPaths === 0) throw new UsageError("--stdin-filename needs - among the paths");
  if (values["stdin-filename"] === "") throw new UsageError("--stdin-filename needs a name");
  return options;
}

/**
 * `--alloy-version`: a release as users write it (`v1.15.1`, `1.15.1`, `v1.15`, a release candidate
 * `v1.19.0-rc.1`), resolved through the catalog to the catalogued release of that minor.
 */
function parseAlloyVersion(text: string): AlloyVersion {
  const resolved = resolveAlloyVersion(text);
  if (resolved) return resolved.version;
  throw new UsageError(
    `unknown --alloy-version "${text}": give a release as v1.15.1, 1.15.1 or v1.15 (a minor stands for its catalogued release); the catalog has ${availableAlloyVersions.join(", ")}`,
  );
}
