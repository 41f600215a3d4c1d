import { valueAt, type ValuesDocument } from "./values-document.js";

export type ControllerType = "daemonset" | "deployment" | "statefulset";

/** A volume the chart mounts into the Alloy container (`alloy.mounts.*`). */
export interface MountModel {
  readonly name: string;
  readonly mountPath: string;
  /** Index in `alloy.mounts.extra`, or `undefined` for the chart's own varlog/dockercontainers mounts. */
  readonly extraIndex?: number;
}

/** A pod volume from `controller.volumes.extra`. */
export interface VolumeModel {
  readonly name: string;
  readonly kind: "hostPath" | "persistentVolumeClaim" | "emptyDir" | "other";
}

/**
 * What a values file deploys, with the chart's defaults filled in (values.yaml of chart 1.10.1).
 * Deployment rules read this model and never the YAML directly; positions come from `values`.
 */
export interface DeploymentModel {
  readonly values: ValuesDocument;
  /** `controller.type`; an unknown spelling is kept as written (the schema rule reports it). */
  readonly controllerType: ControllerType | string;
  /** `controller.replicas` (ignored by the chart on a DaemonSet). */
  readonly replicas: number;
  readonly autoscaling: {
    /** `controller.autoscaling.horizontal.enabled`. */
    readonly horizontal: boolean;
    /** The deprecated `controller.autoscaling.enabled`. */
    readonly legacy: boolean;
    readonly externalHPA: boolean;
    readonly vertical: boolean;
    /** Settings of the HPA in effect (`horizontal.*`, or the legacy keys when only `enabled` is set). */
    readonly settingsPath: readonly string[];
    readonly maxReplicas: number;
    readonly targetCPUUtilizationPercentage: number;
    readonly targetMemoryUtilizationPercentage: number;
  };
  /** `alloy.clustering.enabled`: the chart passes `--cluster.enabled` and creates the headless Service. */
  readonly clusteringEnabled: boolean;
  readonly storagePath: string;
  readonly stabilityLevel: string;
  readonly extraArgs: readonly string[];
  readonly mounts: readonly MountModel[];
  readonly varlogMounted: boolean;
  readonly dockerContainersMounted: boolean;
  readonly volumes: readonly VolumeModel[];
  /** Names of `controller.volumeClaimTemplates[*].metadata.name`. */
  readonly volumeClaimTemplates: readonly string[];
  readonly resourceRequests: { readonly cpu: boolean; readonly memory: boolean };
  /** `alloy.configMap.create` with non-empty content: the config the chart ships. */
  readonly inlineConfig: boolean;
}

const bool = (v: unknown, fallback: boolean) => (typeof v === "boolean" ? v : fallback);
const num = (v: unknown, fallback: number) => (typeof v === "number" ? v : fallback);
const str = (v: unknown, fallback: string) => (typeof v === "string" ? v : fallback);
const record = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Builds the deployment model of a values file for the `grafana/alloy` chart. */
export function buildDeploymentModel(values: ValuesDocument): DeploymentModel {
  const at = (...path: string[]) => valueAt(values, path);
  const legacy = bool(at("controller", "autoscaling", "enabled"), false);
  const horizontal = bool(at("controller", "autoscaling", "horizontal", "enabled"), false);
  const settingsPath = legacy && !horizontal ? ["controller", "autoscaling"] : ["controller", "autoscaling", "horizontal"];
  const hpa = (key: string, fallback: number) => num(valueAt(values, [...settingsPath, key]), fallback);

  const mounts: MountModel[] = [];
  const varlogMounted = bool(at("alloy", "mounts", "varlog"), false);
  const dockerContainersMounted = bool(at("alloy", "mounts", "dockercontainers"), false);
  if (varlogMounted) mounts.push({ name: "varlog", mountPath: "/var/log" });
  if (dockerContainersMounted) mounts.push({ name: "dockercontainers", mountPath: "/var/lib/docker/containers" });
  list(at("alloy", "mounts", "extra")).forEach((m, extraIndex) => {
    const mount = record(m);
    if (typeof mount.mountPath === "string") mounts.push({ name: str(mount.name, ""), mountPath: mount.mountPath, extraIndex });
  });

  const volumes: VolumeModel[] = list(at("controller", "volumes", "extra")).map((v) => {
    const volume = record(v);
    const kind = "hostPath" in volume ? "hostPath" : "persistentVolumeClaim" in volume ? "persistentVolumeClaim" : "emptyDir" in volume ? "emptyDir" : "other";
    return { name: str(volume.name, ""), kind };
  });

  const requests = record(record(at("alloy", "resources")).requests);
  const content = at("alloy", "configMap", "content");
  return {
    values,
    controllerType: str(at("controller", "type"), "daemonset"),
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
    clusteringEnabled: bool(at("alloy", "clustering", "enabled"), false),
    storagePath: str(at("alloy", "storagePath"), "/tmp/alloy"),
    stabilityLevel: str(at("alloy", "stabilityLevel"), "generally-available"),
    extraArgs: list(at("alloy", "extraArgs")).filter((a): a is string => typeof a === "string"),
    mounts,
    varlogMounted,
    dockerContainersMounted,
    volumes,
    volumeClaimTemplates: list(at("controller", "volumeClaimTemplates")).map((t) => str(record(record(t).metadata).name, "")),
    resourceRequests: { cpu: requests.cpu !== undefined && requests.cpu !== null, memory: requests.memory !== undefined && requests.memory !== null },
    inlineConfig: bool(at("alloy", "configMap", "create"), true) && typeof content === "string" && content.trim() !== "",
  };
}

/** Whether more than one Alloy instance runs: a DaemonSet, replicas > 1, or a horizontal autoscaler. */
export function runsSeveralInstances(model: DeploymentModel): boolean {
  if (model.controllerType === "daemonset") return true;
  if (model.replicas > 1 || model.autoscaling.externalHPA) return true;
  return (model.autoscaling.horizontal || model.autoscaling.legacy) && model.autoscaling.maxReplicas > 1;
}

/** Whether an extra arg sets a boolean flag (`--flag`, `--flag=true`, `-flag`). */
export function hasFlag(model: DeploymentModel, flag: string): boolean {
  return model.extraArgs.some((arg) => {
    const m = /^--?([\w.-]+)(?:=(.*))?$/.exec(arg.trim());
    return m !== null && m[1] === flag && (m[2] === undefined || m[2] === "true");
  });
}

/** Whether `path` is `mountPath` or below it. */
export function isUnder(path: string, mountPath: string): boolean {
  const base = mountPath.replace(/\/+$/, "");
  return path === base || path.startsWith(base + "/") || base === "";
}
