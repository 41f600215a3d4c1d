import type { EmbeddedText } from "../embedded-text.js";
import type { Anchor } from "../model.js";
import type { KubeObject } from "../objects.js";
import type { ValuesDocument } from "../values-document.js";
import type { YamlDocument } from "../yaml-document.js";

/** A file of the input: a YAML file (manifests, values, GitOps objects, a kustomization) or an Alloy config. */
export interface DeploymentFile {
  readonly file: string;
  readonly text: string;
}

/** Reads a file the input names (a kustomization's resources and generator files, an Application's value files). */
export type FileReader = (path: string) => string | undefined;

/** A key of a ConfigMap of the input. */
export interface ConfigMapEntry {
  readonly key: string;
  /** Its text (mapped into the file it is written in), `undefined` for a value that is not text. */
  readonly text: EmbeddedText | undefined;
  readonly at: Anchor;
  /** Whether the text is a file of its own (a generator's `files` entry), checked as that file. */
  readonly wholeFile: boolean;
}

/** A ConfigMap of the input: an object of a manifest, or what a kustomize `configMapGenerator` makes. */
export interface ConfigMapData {
  readonly name: string;
  readonly namespace: string | undefined;
  readonly entries: readonly ConfigMapEntry[];
  /** Where it lists its keys (`data`, the generator's `name`). */
  readonly at: Anchor;
  readonly title: string;
  /** The document it is written in. */
  readonly document: YamlDocument;
}

/**
 * Values of the grafana/alloy chart found in the input: a values file, the values of a HelmRelease, of an
 * Argo CD Application, of a kustomize `helmCharts` entry, the `spec` of an Alloy resource, a k8s-monitoring
 * collector.
 */
export interface ChartInstance {
  readonly values: ValuesDocument;
  /** For messages: `HelmRelease "alloy"`, `collector "alloy-metrics"`. */
  readonly title: string;
  readonly namespace: string | undefined;
  /** The Helm release name, when the input says (a HelmRelease's, an Application's, an Alloy resource's name). */
  readonly release: string | undefined;
  /**
   * The chart version the input installs (a Flux HelmRelease's `spec.chart.spec.version`, an Argo CD
   * Application's `targetRevision`), when it names one: its appVersion is the Alloy version run without `image.tag`.
   */
  readonly chartVersion?: string;
  /**
   * A k8s-monitoring collector: the chart writes the config itself, from its features and `extraConfig`,
   * which references the components its `destinations` make (declared for the checker in `prelude`).
   */
  readonly collector?: { readonly extraConfig: EmbeddedText | undefined; readonly prelude: string };
  /** The documents these values are read from (for the holds-Alloy set). */
  readonly documents: readonly YamlDocument[];
}

/** Everything a check reads: the documents of the YAML files, their objects, ConfigMaps, chart values and `.alloy` files. */
export interface DeploymentInput {
  readonly documents: readonly YamlDocument[];
  readonly objects: readonly KubeObject[];
  readonly configMaps: readonly ConfigMapData[];
  readonly charts: readonly ChartInstance[];
  /** The Alloy config files of the input (`.alloy`, `.river`), for ConfigMaps made from them. */
  readonly alloyFiles: readonly DeploymentFile[];
  /** The text of every file read (those given and those their kustomizations name), for excerpts. */
  readonly sources: ReadonlyMap<string, string>;
  /** Documents that are about Alloy whatever the workloads (chart values, GitOps objects for Alloy, kustomizations making configs). */
  readonly alloyDocuments: ReadonlySet<YamlDocument>;
}

/** The folder of a path (`a/b` of `a/b/c.yaml`, `` of `c.yaml`). */
export function directoryOf(path: string): string {
  const slash = Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\"));
  return slash < 0 ? "" : path.slice(0, slash);
}

/** The last segment of a path. */
export function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
}

/** `rel` resolved against the folder `dir`, `.` and `..` segments removed (kept relative when both are). */
export function joinPath(dir: string, rel: string): string {
  const joined = rel.startsWith("/") || dir === "" ? rel : `${dir}/${rel}`;
  const absolute = joined.startsWith("/");
  const parts: string[] = [];
  for (const part of joined.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." && parts.length > 0 && parts[parts.length - 1] !== "..") parts.pop();
    else parts.push(part);
  }
  return (absolute ? "/" : "") + parts.join("/");
}
