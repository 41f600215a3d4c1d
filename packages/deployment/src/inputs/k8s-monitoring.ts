import { isMap, isScalar, type Node } from "yaml";
import { scalarText } from "../embedded-text.js";
import { entriesOf } from "../objects.js";
import { fixedLayer, valuesAt, writtenLayer, type Located, type ValuesLayer, type ValuesPath } from "../values-document.js";
import { itemsOf, nodeRange, pairOf, stringOf, valueOf, type YamlDocument } from "../yaml-document.js";
import type { ChartInstance } from "./input.js";

/*
 * The grafana/k8s-monitoring chart deploys its collectors as Alloy instances (through the Alloy operator): each
 * collector's values are values of the grafana/alloy chart, merged over the chart's presets and defaults, and the
 * chart writes each collector's config from its features, its destinations and its `extraConfig`. What follows
 * are the settings of k8s-monitoring 4.x (`collectors/presets/*.yaml`, `collectors/alloy-values.yaml`) and 3.x
 * (`collectors/named-defaults/*.yaml`) that the deployment model reads: controller, clustering, mounts, storage, resource requests.
 */

/** 4.x presets, by name: the values of the grafana/alloy chart each sets that the deployment model reads. */
const PRESETS: Readonly<Record<string, unknown>> = {
  clustered: { alloy: { clustering: { enabled: true } } },
  daemonset: { controller: { type: "daemonset" } },
  deployment: { controller: { type: "deployment", replicas: 1 } },
  statefulset: { controller: { type: "statefulset", replicas: 1 } },
  singleton: { controller: { type: "deployment", replicas: 1 } },
  "filesystem-log-reader": { alloy: { mounts: { varlog: true, dockercontainers: true } } },
  "host-storage": {
    alloy: { storagePath: "/var/lib/alloy", mounts: { extra: [{ name: "alloy-storage", mountPath: "/var/lib/alloy", readOnly: false }] } },
    controller: { volumes: { extra: [{ name: "alloy-storage", hostPath: { path: "/var/lib/alloy", type: "DirectoryOrCreate" } }] } },
  },
  "linux-host-monitor": {
    alloy: {
      mounts: {
        varlog: true,
        extra: [
          { name: "host-root", mountPath: "/host/root", readOnly: true },
          { name: "host-proc", mountPath: "/host/proc", readOnly: true },
          { name: "host-sys", mountPath: "/host/sys", readOnly: true },
        ],
      },
    },
    controller: {
      volumes: {
        extra: [
          { name: "host-root", hostPath: { path: "/", type: "Directory" } },
          { name: "host-proc", hostPath: { path: "/proc", type: "Directory" } },
          { name: "host-sys", hostPath: { path: "/sys", type: "Directory" } },
        ],
      },
    },
  },
  "host-cgroup": {
    alloy: { mounts: { extra: [{ name: "cgroup", mountPath: "/sys/fs/cgroup" }] } },
    controller: { volumes: { extra: [{ name: "cgroup", hostPath: { path: "/sys/fs/cgroup", type: "Directory" } }] } },
  },
  "host-tracefs": {
    alloy: { mounts: { extra: [{ name: "tracefs", mountPath: "/sys/kernel/tracing" }] } },
    controller: { volumes: { extra: [{ name: "tracefs", hostPath: { path: "/sys/kernel/tracing", type: "Directory" } }] } },
  },
  windows: { image: { tag: "v1.18.1-windowsservercore-ltsc2022" } },
  small: { alloy: { resources: { requests: { cpu: "100m", memory: "128Mi" }, limits: { cpu: "500m", memory: "512Mi" } } } },
  medium: { alloy: { resources: { requests: { cpu: "250m", memory: "512Mi" }, limits: { cpu: "1000m", memory: "1Gi" } } } },
  large: { alloy: { resources: { requests: { cpu: "500m", memory: "1Gi" }, limits: { cpu: "2000m", memory: "2Gi" } } } },
  xlarge: { alloy: { resources: { requests: { cpu: "1000m", memory: "2Gi" }, limits: { cpu: "4000m", memory: "4Gi" } } } },
};

/** Lists the 4.x chart concatenates across presets instead of replacing (`collector.alloy.appendablePaths`). */
const APPENDABLE: readonly (readonly string[])[] = [
  ["alloy", "extraPorts"],
  ["alloy", "mounts", "extra"],
  ["controller", "volumes", "extra"],
  ["controller", "initContainers"],
];

/** 3.x collectors, by their fixed name, with the values the chart gives each (`collectors/named-defaults`). */
const NAMED_COLLECTORS: Readonly<Record<string, unknown>> = {
  "alloy-metrics": { alloy: { clustering: { enabled: true } }, controller: { type: "statefulset", replicas: 1 } },
  "alloy-singleton": { alloy: { clustering: { enabled: false } }, controller: { type: "deployment", replicas: 1 } },
  "alloy-logs": { alloy: { clustering: { enabled: false }, mounts: { varlog: true, dockercontainers: true } }, controller: { type: "daemonset" } },
  "alloy-receiver": {},
  "alloy-profiles": { controller: { type: "daemonset" } },
};

/** What `collectors/alloy-values.yaml` sets for every collector: the chart writes the config itself. */
const COLLECTOR_DEFAULTS = { alloy: { configMap: { create: false } } };

/** Keys of a collector that k8s-monitoring reads itself; the others are values of the grafana/alloy chart. */
export const COLLECTOR_KEYS: ReadonlySet<string> = new Set([
  "enabled",
  "presets",
  "labels",
  "annotations",
  "extraConfig",
  "includeDestinations",
  "extraService",
  "remoteConfig",
  "logging",
  "liveDebugging",
]);

/**
 * The components a destination of each type adds to every collector's config, which an `extraConfig` may
 * reference by the destination's name (`templates/destinations/_destination_<type>.tpl`).
 */
const DESTINATION_COMPONENTS: Readonly<Record<string, readonly string[]>> = {
  prometheus: ["prometheus.remote_write", "otelcol.exporter.prometheus"],
  loki: ["loki.write", "otelcol.exporter.loki"],
  otlp: [
    "otelcol.receiver.prometheus",
    "otelcol.receiver.loki",
    "otelcol.processor.transform",
    "otelcol.processor.batch",
    "otelcol.exporter.otlp",
    "otelcol.exporter.otlphttp",
  ],
  pyroscope: ["pyroscope.write"],
};

/** The label k8s-monitoring gives a destination's components (`helper.alloy_name`). */
const alloyName = (name: string) => name.toLowerCase().replaceAll(" ", "_").replaceAll("-", "_");

/** Whether a mapping holds values of the grafana/k8s-monitoring chart: its `collectors` (4.x) or named collectors (3.x), with destinations or a cluster. */
export function holdsK8sMonitoringValues(root: unknown): boolean {
  if (!isMap(root)) return false;
  const hasCollectors = isMap(valueOf(root, "collectors")) || Object.keys(NAMED_COLLECTORS).some((name) => isMap(valueOf(root, name)));
  return hasCollectors && (valueOf(root, "destinations") !== undefined || isMap(valueOf(root, "cluster")));
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Earlier presets win (the chart merges each preset under those before it), appendable lists concatenate. */
function mergePreset(into: unknown, preset: unknown, path: readonly string[] = []): unknown {
  if (!isPlainObject(into) || !isPlainObject(preset)) {
    const appendable = APPENDABLE.some((p) => p.join(".") === path.join("."));
    if (appendable && Array.isArray(into) && Array.isArray(preset)) return [...into, ...preset];
    return into === undefined ? preset : into;
  }
  const merged: Record<string, unknown> = { ...preset, ...into };
  for (const key of Object.keys(preset)) if (key in into) merged[key] = mergePreset(into[key], preset[key], [...path, key]);
  return merged;
}

/** The presets of a collector as one layer: each path points at the first preset (in `presets`) that sets it. */
function presetsLayer(document: YamlDocument, presetsNode: Node): ValuesLayer | undefined {
  const presets = itemsOf(presetsNode).flatMap((item) => {
    const name = stringOf(item);
    return name !== undefined && PRESETS[name] !== undefined ? [{ item, values: fixedLayer(PRESETS[name], presetAt(document, item)) }] : [];
  });
  if (presets.length === 0) return undefined;
  let combined: unknown;
  for (const { item } of presets) combined = mergePreset(combined, PRESETS[stringOf(item)!]);
  const combinedLayer = fixedLayer(combined, presetAt(document, presets[0].item));
  return {
    valueAt: (path) => combinedLayer.valueAt(path),
    locate: (path: ValuesPath) => presets.find((p) => p.values.locate(path))?.values.locate(path),
  };
}

function presetAt(document: YamlDocument, item: Node): { key: Located; value: Located } {
  const at = { file: document.source.file, range: nodeRange(document.source, item) };
  return { key: at, value: at };
}

/** The stubs of the components the destinations add, for checking an `extraConfig` that references them. */
function destinationPrelude(root: unknown): string {
  const destinations = valueOf(root, "destinations");
  const named: { name: string; type: string }[] = isMap(destinations)
    ? entriesOf(destinations).map(({ key, value }) => ({ name: key, type: stringOf(valueOf(value, "type")) ?? "" }))
    : itemsOf(destinations).map((d) => ({ name: stringOf(valueOf(d, "name")) ?? "", type: stringOf(valueOf(d, "type")) ?? "" }));
  const lines: string[] = [];
  for (const { name, type } of named) {
    for (const component of DESTINATION_COMPONENTS[type] ?? []) if (name !== "") lines.push(`${component} ${JSON.stringify(alloyName(name))} { }`);
  }
  return lines.join("\n") + "\n";
}

/**
 * The collectors of k8s-monitoring values at `root` of a document: each enabled collector of `collectors`
 * (4.x) or each enabled named collector (3.x), as values of the grafana/alloy chart over its presets,
 * `collectorCommon.alloy` and the chart's defaults, with its `extraConfig`.
 */
export function k8sMonitoringCollectors(document: YamlDocument, root: Node, title: string, namespace: string | undefined): ChartInstance[] {
  const common = valueOf(valueOf(root, "collectorCommon"), "alloy");
  const prelude = destinationPrelude(root);
  const collectors = valueOf(root, "collectors");
  const found: { name: string; node: Node; keyNode: Node; named?: unknown }[] = [];
  if (isMap(collectors)) {
    for (const { key, keyNode, value } of entriesOf(collectors)) {
      if (isMap(value) && !isFalse(valueOf(value, "enabled"))) found.push({ name: key, node: value, keyNode });
    }
  } else {
    for (const [name, defaults] of Object.entries(NAMED_COLLECTORS)) {
      const pair = pairOf(root, name);
      if (pair && isMap(pair.value) && isTrue(valueOf(pair.value, "enabled"))) found.push({ name, node: pair.value, keyNode: pair.key, named: defaults });
    }
  }
  return found.map(({ name, node, keyNode, named }) => {
    const keyAt: Located = { file: document.source.file, range: nodeRange(document.source, keyNode) };
    const lower: ValuesLayer[] = [];
    // collectorCommon.alloy holds what a collector holds: its own settings and values of the alloy chart.
    if (isMap(common)) lower.push(writtenLayer(document, common, keyAt, COLLECTOR_KEYS));
    const presets = valueOf(node, "presets");
    const presetLayer = presets ? presetsLayer(document, presets) : undefined;
    if (presetLayer) lower.push(presetLayer);
    const defaultsAt = { key: keyAt, value: keyAt };
    if (named) lower.push(fixedLayer(named, defaultsAt));
    lower.push(fixedLayer(COLLECTOR_DEFAULTS, defaultsAt));
    const extraConfig = valueOf(node, "extraConfig");
    return {
      values: valuesAt(document, node, keyAt, { lower, wrapperKeys: COLLECTOR_KEYS }),
      title: `${title}collector "${name}"`,
      namespace,
      release: undefined,
      collector: { extraConfig: isScalar(extraConfig) && typeof extraConfig.value === "string" ? scalarText(document.source, extraConfig) : undefined, prelude },
      documents: [document],
    };
  });
}

const isTrue = (node: unknown) => isScalar(node) && node.value === true;
const isFalse = (node: unknown) => isScalar(node) && node.value === false;
