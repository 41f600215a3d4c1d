import { isScalar } from "yaml";
import { scalarText, wholeFile, type EmbeddedText } from "./embedded-text.js";
import { configSource, type ConfigSource } from "./config-view.js";
import { baseName, type ChartInstance, type ConfigMapData, type ConfigMapEntry, type DeploymentInput } from "./inputs/input.js";
import { isAlloyConfigFile } from "./inputs/read-input.js";
import type { ChartModel } from "./model-chart.js";
import { valuesAnchor } from "./model-chart.js";
import type { ConfigMapUse, DeploymentConfig, MountModel } from "./model.js";
import { sameNamespace } from "./objects.js";
import { maskTemplateActions } from "./template.js";
import { pairAt, valueAt, writtenValues } from "./values-document.js";

/** The config files a check was given beside chart values (`alloylint --values values.yaml config/`). */
export interface GivenConfig {
  readonly file: string;
  readonly text: string;
}

/** What a deployment runs, once joined with the input: the ConfigMap it mounts and the config it holds. */
export interface JoinedConfig {
  readonly configMap: ConfigMapUse | undefined;
  readonly config: DeploymentConfig | undefined;
  /** The extra files the config checker reads with it (the components a k8s-monitoring destination adds). */
  readonly companions: readonly { readonly name: string; readonly text: string }[];
}

/**
 * Tracks which ConfigMap keys and `.alloy` files deployments run, so that the others holding Alloy configs
 * are checked on their own, and none twice.
 */
export class ConfigJoiner {
  private readonly used = new Set<EmbeddedText | string>();

  constructor(private readonly input: DeploymentInput) {}

  /** The config of chart values: `configs` when given, a collector's `extraConfig`, the inline content, or the ConfigMap it names. */
  forChart(instance: ChartInstance, configs?: readonly GivenConfig[]): JoinedConfig {
    const { values } = instance;
    if (configs) {
      const sources = configs.map((c) => configSource(wholeFile(c.file, c.text), c.file));
      for (const c of configs) this.used.add(c.file);
      return { configMap: undefined, config: { sources, templateActions: [] }, companions: [] };
    }
    if (instance.collector) {
      const { extraConfig, prelude } = instance.collector;
      if (!extraConfig || extraConfig.text.trim() === "") return { configMap: undefined, config: undefined, companions: [] };
      const name = `${extraConfig.file}#${instance.title}.extraConfig`;
      const companions = [{ name: `${extraConfig.file}#${instance.title}.destinations`, text: prelude }];
      return { configMap: undefined, config: templated(extraConfig, name), companions };
    }
    const create = valueAt(values, ["alloy", "configMap", "create"]);
    const content = valueAt(values, ["alloy", "configMap", "content"]);
    if (create !== false) {
      if (typeof content !== "string" || content.trim() === "") return { configMap: undefined, config: undefined, companions: [] };
      // The content as written: in the values, or in the layer that sets it (a values file under valuesInline).
      const written = writtenValues(values).find((v) => pairAt(v, ["alloy", "configMap", "content"]));
      const node = written && pairAt(written, ["alloy", "configMap", "content"])?.value;
      if (!written || !isScalar(node) || typeof node.value !== "string") return { configMap: undefined, config: undefined, companions: [] };
      return { configMap: undefined, config: templated(scalarText(written.source, node), written.file), companions: [] };
    }
    const written = valueAt(values, ["alloy", "configMap", "name"]);
    const name = typeof written === "string" && written !== "" ? written : instance.release && fullName(instance);
    if (!name) return { configMap: undefined, config: undefined, companions: [] };
    const keyValue = valueAt(values, ["alloy", "configMap", "key"]);
    const key = typeof keyValue === "string" && keyValue !== "" ? keyValue : "config.alloy";
    const keyAt = valuesAnchor(values, pairAt(values, ["alloy", "configMap", "key"]) ? ["alloy", "configMap", "key"] : ["alloy", "configMap", "name"]);
    return this.join(name, instance.namespace, key, keyAt);
  }

  /**
   * The config a workload runs: the ConfigMap mounted where `run` reads (a `configMap` volume, its `items`, a
   * `subPath`), the key holding the file `run` names, or every `.alloy` key when `run` names the folder.
   */
  forWorkload(model: ChartModel, namespace: string | undefined): JoinedConfig {
    const none = { configMap: undefined, config: undefined, companions: [] };
    const run = model.runPath;
    if (!run) return none;
    const mount = mountHolding(model.mounts, run.path);
    const volume = mount && model.volumes.find((v) => v.name === mount.name);
    if (!mount || !volume?.configMap) return none;
    const rest = run.path.slice(mount.mountPath.replace(/\/+$/, "").length).replace(/^\/+/, "");
    const inVolume = mount.subPath !== undefined ? joinSub(mount.subPath, rest) : rest;
    return this.join(volume.configMap.name, namespace, inVolume === "" ? undefined : inVolume, run.at, volume.configMap.items);
  }

  /**
   * Joins a deployment to the ConfigMap `name`: `file` is the file `run` reads in the volume (`undefined`: the
   * folder), `items` the volume's projection of keys to paths when it lists them.
   */
  private join(
    name: string,
    namespace: string | undefined,
    file: string | undefined,
    keyAt: ConfigMapUse["keyAt"],
    items?: readonly { readonly key: string; readonly path: string }[],
  ): JoinedConfig {
    const configMap = this.input.configMaps.find((c) => c.name === name && sameNamespace(c.namespace, namespace));
    const keyOfFile = (path: string) => (items ? items.find((i) => i.path === path)?.key : path);
    const files = configMap && (items ? items.filter((i) => configMap.entries.some((e) => e.key === i.key)).map((i) => i.path) : configMap.entries.map((e) => e.key));
    const use: ConfigMapUse = { name, key: file, keyAt, keys: files, projected: items !== undefined, ...(configMap ? { at: configMap.at } : {}) };
    let entries: ConfigMapEntry[] = [];
    if (configMap) {
      const keys = new Set(file === undefined ? files!.filter(isAlloyConfigFile).map(keyOfFile) : [keyOfFile(file)]);
      entries = configMap.entries.filter((e) => keys.has(e.key) && e.text !== undefined);
    } else if (file !== undefined) {
      // `kubectl create configmap <name> --from-file=<key>=<file>`: the file of that name in the input.
      const alloyFile = this.input.alloyFiles.find((f) => baseName(f.file) === file);
      if (alloyFile) entries = [{ key: file, text: wholeFile(alloyFile.file, alloyFile.text), at: keyAt, wholeFile: true }];
    }
    if (entries.length === 0) return { configMap: configMap ? use : undefined, config: undefined, companions: [] };
    const sources = entries.map((entry) => this.source(entry, configMap));
    return { configMap: configMap ? use : undefined, config: { sources, templateActions: [] }, companions: [] };
  }

  private source(entry: ConfigMapEntry, configMap: ConfigMapData | undefined): ConfigSource {
    const text = entry.text!;
    this.used.add(entry.wholeFile ? text.file : text);
    return configSource(text, entry.wholeFile ? text.file : `${text.file}#${configMap?.title ?? ""} ${entry.key}`);
  }

  /** The ConfigMaps' Alloy configs no deployment runs: the `.alloy`/`.river` keys of each, as one config. */
  unusedConfigs(): { readonly configMap: ConfigMapData; readonly sources: readonly ConfigSource[] }[] {
    const found: { configMap: ConfigMapData; sources: ConfigSource[] }[] = [];
    for (const configMap of this.input.configMaps) {
      const entries = configMap.entries.filter(
        (e) => isAlloyConfigFile(e.key) && e.text !== undefined && !this.used.has(e.wholeFile ? e.text.file : e.text),
      );
      if (entries.length === 0) continue;
      found.push({ configMap, sources: entries.map((e) => this.source(e, configMap)) });
    }
    return found;
  }

  /** The `.alloy` files checked as part of a deployment or a ConfigMap (a host checks the others as configs of their own). */
  usedFiles(): Set<string> {
    return new Set([...this.used].filter((u): u is string => typeof u === "string"));
  }
}

/**
 * The chart's `alloy.fullname` for a release (the ConfigMap's name when `alloy.configMap.name` is empty):
 * `fullnameOverride`, else the release name when it holds the chart's name (`nameOverride`, `alloy`), else
 * `<release>-<name>`, cut to 63 characters.
 */
function fullName(instance: ChartInstance): string {
  const override = valueAt(instance.values, ["fullnameOverride"]);
  if (typeof override === "string" && override !== "") return override.slice(0, 63).replace(/-+$/, "");
  const nameOverride = valueAt(instance.values, ["nameOverride"]);
  const name = typeof nameOverride === "string" && nameOverride !== "" ? nameOverride : "alloy";
  const release = instance.release!;
  return (release.includes(name) ? release : `${release}-${name}`).slice(0, 63).replace(/-+$/, "");
}

/** A config in a text Helm renders with `tpl`: actions blanked out, each kept for `values/template-in-content`. */
function templated(text: EmbeddedText, name: string): DeploymentConfig {
  const { masked, actions } = maskTemplateActions(text.text);
  const source = configSource(text, name, masked);
  return { sources: [source], templateActions: actions.map((action) => ({ source, action })) };
}

/** The mount holding a path: the deepest whose `mountPath` is the path or above it. */
function mountHolding(mounts: readonly MountModel[], path: string): MountModel | undefined {
  let best: MountModel | undefined;
  for (const mount of mounts) {
    const base = mount.mountPath.replace(/\/+$/, "");
    const holds = path === base || path.startsWith(`${base}/`);
    if (holds && (!best || base.length > best.mountPath.replace(/\/+$/, "").length)) best = mount;
  }
  return best;
}

/** The path inside a volume of a file below a `subPath` mount. */
function joinSub(subPath: string, rest: string): string {
  return [subPath.replace(/\/+$/, ""), rest.replace(/^\/+/, "")].filter(Boolean).join("/");
}
