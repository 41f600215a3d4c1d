import { parseAlloyArgs } from "./alloy-args.js";
import { alloyVersionOfTag, appVersionOfChart } from "./image.js";
import type { Anchor, ArgModel, ClaimTemplateModel, DeploymentModel, MountModel, VolumeModel } from "./model.js";
import { policyRulesOf, type Grant, type Permissions } from "./rbac.js";
import { chartValuesSchema } from "./schema/chart-values-schema.generated.js";
import { schemaAt } from "./schema/values-schema.js";
import { isWritten, keyLocation, valueAt, valueLocation, type ValuesDocument, type ValuesPath } from "./values-document.js";

/** A values key as an anchor: its label is the dotted path (`alloy.clustering.enabled`). */
export function valuesAnchor(values: ValuesDocument, path: ValuesPath): Anchor {
  return {
    label: path.join("."),
    get written() {
      return isWritten(values, path);
    },
    key: () => keyLocation(values, path),
    value: () => valueLocation(values, path),
  };
}

const bool = (v: unknown, fallback: boolean) => (typeof v === "boolean" ? v : fallback);
const num = (v: unknown, fallback: number) => (typeof v === "number" ? v : fallback);
const str = (v: unknown, fallback: string) => (typeof v === "string" ? v : fallback);
const record = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** The chart's default of a key, as its values.yaml sets it (read from the generated schema). */
function chartDefault(path: readonly string[]): unknown {
  const text = schemaAt(chartValuesSchema, path)?.default;
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    // A default the README prints as prose holds no value to read.
    if (error instanceof SyntaxError) return undefined;
    throw error;
  }
}

/** What the chart settings of a deployment are, before the config and the ConfigMap it runs are joined. */
export type ChartModel = Omit<DeploymentModel, "configMap" | "config">;

/**
 * The deployment that values of the `grafana/alloy` chart render, with the chart's defaults filled in
 * (values.yaml of the chart the schema is generated from): the pod the chart's templates make (`run
 * /etc/alloy/<key>`, `--storage.path`, `--cluster.enabled` and `--cluster.join-addresses` with the headless
 * Service when `alloy.clustering.enabled`, `--stability.level`, then `alloy.extraArgs`), its mounts and volumes,
 * and the RBAC objects it creates.
 */
export function buildChartModel(values: ValuesDocument, title = "the chart", namespace?: string, chartVersion?: string): ChartModel {
  const at = (...path: string[]) => valueAt(values, path);
  const anchor = (...path: (string | number)[]) => valuesAnchor(values, path);
  const legacy = bool(at("controller", "autoscaling", "enabled"), false);
  const horizontal = bool(at("controller", "autoscaling", "horizontal", "enabled"), false);
  const settingsPath = legacy && !horizontal ? ["controller", "autoscaling"] : ["controller", "autoscaling", "horizontal"];
  const hpa = (key: string, fallback: number) => num(valueAt(values, [...settingsPath, key]), fallback);

  const mounts: MountModel[] = [];
  const varlogMounted = bool(at("alloy", "mounts", "varlog"), false);
  const dockerContainersMounted = bool(at("alloy", "mounts", "dockercontainers"), false);
  if (varlogMounted) mounts.push({ name: "varlog", mountPath: "/var/log", chartOwn: true, at: anchor("alloy", "mounts", "varlog") });
  if (dockerContainersMounted) {
    mounts.push({ name: "dockercontainers", mountPath: "/var/lib/docker/containers", chartOwn: true, at: anchor("alloy", "mounts", "dockercontainers") });
  }
  list(at("alloy", "mounts", "extra")).forEach((m, extraIndex) => {
    const mount = record(m);
    if (typeof mount.mountPath !== "string") return;
    mounts.push({
      name: str(mount.name, ""),
      mountPath: mount.mountPath,
      ...(typeof mount.subPath === "string" ? { subPath: mount.subPath } : {}),
      extraIndex,
      at: anchor("alloy", "mounts", "extra", extraIndex),
    });
  });

  const volumes: VolumeModel[] = list(at("controller", "volumes", "extra")).map((v, index) => {
    const volume = record(v);
    const kind =
      "hostPath" in volume ? "hostPath" : "persistentVolumeClaim" in volume ? "persistentVolumeClaim" : "emptyDir" in volume ? "emptyDir" : "configMap" in volume ? "configMap" : "other";
    const configMap = record(volume.configMap);
    return {
      name: str(volume.name, ""),
      kind,
      ...(kind === "configMap" && typeof configMap.name === "string" ? { configMap: { name: configMap.name } } : {}),
      at: anchor("controller", "volumes", "extra", index),
    };
  });

  const volumeClaimTemplates: ClaimTemplateModel[] = list(at("controller", "volumeClaimTemplates")).map((t, index) => ({
    name: str(record(record(t).metadata).name, ""),
    at: anchor("controller", "volumeClaimTemplates", index, "metadata", "name"),
  }));

  const args: ArgModel[] = [];
  list(at("alloy", "extraArgs")).forEach((a, index) => {
    if (typeof a === "string") args.push({ text: a, index, at: anchor("alloy", "extraArgs", index) });
  });
  const commandLine = parseAlloyArgs(args.map((a) => a.text));
  const argAt = (index: number) => args.find((a) => a.index === index)?.at;

  const clusteringValue = bool(at("alloy", "clustering", "enabled"), false);
  const flagged = commandLine.bool("cluster.enabled")?.on === true;
  const join = commandLine.flag("cluster.join-addresses");
  const discover = commandLine.flag("cluster.discover-peers");
  const peers: DeploymentModel["clustering"]["peers"] = clusteringValue
    ? { kind: "chart", addresses: [] }
    : join && join.value !== ""
      ? { kind: "join-addresses", addresses: join.value.split(",").map((s) => s.trim()).filter(Boolean), at: argAt(join.valueIndex) }
      : discover && discover.value !== ""
        ? { kind: "discover-peers", addresses: [], at: argAt(discover.valueIndex) }
        : { kind: "none", addresses: [] };

  let stabilityLevel = str(at("alloy", "stabilityLevel"), "generally-available");
  const stabilityFlag = commandLine.flag("stability.level");
  if (stabilityFlag) stabilityLevel = stabilityFlag.value;

  const requests = record(record(at("alloy", "resources")).requests);
  // The values' image.tag, else the Alloy version the chart version deploys (when the input names the chart version).
  const imageTag = str(at("image", "tag"), appVersionOfChart(chartVersion) ?? chartValuesSchema.chart.appVersion);
  return {
    kind: "chart",
    values,
    title,
    namespace,
    controllerType: str(at("controller", "type"), "daemonset"),
    controllerAt: anchor("controller", "type"),
    replicas: num(at("controller", "replicas"), 1),
    autoscaling: {
      horizontal,
      legacy,
      externalHPA: bool(at("controller", "autoscaling", "horizontal", "externalHPA"), false),
      vertical: bool(at("controller", "autoscaling", "vertical", "enabled"), false),
      settingsPath,
      maxReplicas: hpa("maxReplicas", 5),
      targetCPUUtilizationPercentage: hpa("targetCPUUtilizationPercentage", 0),
      targetMemoryUtilizationPercentage: hpa("targetMemoryUtilizationPercentage", 80),
    },
    clustering: { enabled: clusteringValue || flagged, at: anchor("alloy", "clustering", "enabled"), peers },
    storagePath: str(at("alloy", "storagePath"), "/tmp/alloy"),
    storagePathAt: anchor("alloy", "storagePath"),
    storagePathSet: true,
    stabilityLevel,
    stabilityAt: anchor("alloy", "stabilityLevel"),
    runPath: { path: `/etc/alloy/${str(at("alloy", "configMap", "key"), "") || "config.alloy"}`, at: anchor("alloy", "configMap", "key") },
    args,
    argsAt: anchor("alloy", "extraArgs"),
    image: { tag: imageTag, at: anchor("image", "tag"), alloyVersion: alloyVersionOfTag(imageTag) },
    mounts,
    varlogMounted,
    dockerContainersMounted,
    volumes,
    volumeClaimTemplates,
    services: undefined,
    permissions: chartPermissions(values),
    resourceRequests: { cpu: requests.cpu !== undefined && requests.cpu !== null, memory: requests.memory !== undefined && requests.memory !== null },
  };
}

/**
 * What the chart lets its ServiceAccount do (`rbac.*`): a ClusterRole with `rbac.rules` and `rbac.clusterRules`,
 * or with `rbac.namespaces` a Role with `rbac.rules` in each of them. `undefined` with `rbac.create: false`.
 */
function chartPermissions(values: ValuesDocument): Permissions | undefined {
  if (valueAt(values, ["rbac", "create"]) === false) return undefined;
  const rulesOf = (key: string) => {
    const value = valueAt(values, ["rbac", key]);
    return policyRulesOf(value === undefined || value === null ? chartDefault(["rbac", key]) : value);
  };
  const namespaces = list(valueAt(values, ["rbac", "namespaces"])).filter((n): n is string => typeof n === "string");
  const rulesAt = valuesAnchor(values, ["rbac", "rules"]);
  const grants: Grant[] =
    namespaces.length > 0
      ? namespaces.map((namespace) => ({ rules: rulesOf("rules"), namespace, at: rulesAt }))
      : [{ rules: [...rulesOf("rules"), ...rulesOf("clusterRules")], namespace: undefined, at: rulesAt }];
  const name = valueAt(values, ["serviceAccount", "name"]);
  return {
    subject: typeof name === "string" && name !== "" ? `ServiceAccount "${name}"` : "the chart's ServiceAccount",
    grants,
    remedy: namespaces.length > 0 ? "rbac.rules" : "rbac.rules or rbac.clusterRules",
    clusterRemedy: "set rbac.namespaces: [] (the chart then makes a ClusterRole)",
    at: namespaces.length > 0 ? valuesAnchor(values, ["rbac", "namespaces"]) : rulesAt,
  };
}
