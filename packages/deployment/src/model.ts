import type { AlloyVersion } from "@alloy-toolkit/catalog";
import type { ConfigSource } from "./config-view.js";
import type { Permissions } from "./rbac.js";
import type { TemplateAction } from "./template.js";
import type { Located, ValuesDocument } from "./values-document.js";

export type ControllerType = "daemonset" | "deployment" | "statefulset";

/**
 * A setting of a deployment and where the input sets it: a values key (`alloy.clustering.enabled`), a field of a
 * manifest (`spec.replicas`), an argument of the Alloy container. A setting left at its default points where it
 * would be written (the nearest written ancestor, the workload's kind).
 */
export interface Anchor {
  /** How the input names it, for related information: `alloy.clustering.enabled`, `spec.replicas`, `args`. */
  readonly label: string;
  /** Whether the input writes it: related information lists only those. */
  readonly written: boolean;
  key(): Located;
  value(): Located;
}

/** A volume mounted into the Alloy container. */
export interface MountModel {
  /** The volume's name. */
  readonly name: string;
  readonly mountPath: string;
  readonly subPath?: string;
  /** Index in `alloy.mounts.extra` (chart values); `undefined` for the chart's own mounts and for manifests. */
  readonly extraIndex?: number;
  /** Whether the chart mounts it itself (`varlog`, `dockercontainers`, the config). */
  readonly chartOwn?: boolean;
  readonly at: Anchor;
}

/** A volume of the pod. */
export interface VolumeModel {
  readonly name: string;
  readonly kind: "hostPath" | "persistentVolumeClaim" | "emptyDir" | "configMap" | "other";
  /** The ConfigMap a `configMap` volume (or a projected volume's source) holds, with its `items` when listed. */
  readonly configMap?: { readonly name: string; readonly items?: readonly { readonly key: string; readonly path: string }[] };
  readonly at: Anchor;
}

/** A `volumeClaimTemplates` entry of a StatefulSet. */
export interface ClaimTemplateModel {
  readonly name: string;
  readonly at: Anchor;
}

/** An argument of the Alloy process: an item of the container's `args` (or of `alloy.extraArgs`). */
export interface ArgModel {
  readonly text: string;
  /** The item's index among the arguments. */
  readonly index: number;
  readonly at: Anchor;
}

/** A Service of the input in the deployment's namespace. */
export interface ServiceModel {
  readonly name: string;
  /** Whether its selector matches the labels of the deployment's pods. */
  readonly selectsPods: boolean;
  /** `clusterIP: None`: its DNS name resolves to every pod, as `--cluster.join-addresses` needs. */
  readonly headless: boolean;
  readonly at: Anchor;
}

/** The config a deployment runs: its files, each mapped into the file it is written in. */
export interface DeploymentConfig {
  readonly sources: readonly ConfigSource[];
  /** `{{ … }}` actions Helm's `tpl` renders in these texts (chart content, k8s-monitoring `extraConfig`). */
  readonly templateActions: readonly { readonly source: ConfigSource; readonly action: TemplateAction }[];
}

/** The ConfigMap a deployment mounts its config from, when the input holds it: its keys. */
export interface ConfigMapUse {
  readonly name: string;
  /** The file `run` reads, as a key of the ConfigMap (`config.alloy`); `undefined` when `run` names the folder. */
  readonly key: string | undefined;
  /** Where the deployment names the key (`alloy.configMap.key`, the path given to `run`). */
  readonly keyAt: Anchor;
  /** The files the volume holds (the ConfigMap's keys, or the paths its `items` project), `undefined` when the ConfigMap is not in the input. */
  readonly keys: readonly string[] | undefined;
  /** Whether the volume lists `items`: only those keys are files. */
  readonly projected: boolean;
  /** Where the ConfigMap (or generator) lists its keys. */
  readonly at?: Anchor;
}

/**
 * What runs Alloy, whatever describes it: values of the grafana/alloy chart (a values file, a HelmRelease, an
 * Argo CD Application, an Alloy resource, a k8s-monitoring collector) with the chart's defaults filled in, or a
 * Deployment, StatefulSet or DaemonSet whose container runs Alloy. The deployment rules read this model, never
 * the YAML; positions come from its anchors.
 */
export interface DeploymentModel {
  /** `chart`: chart values, and what the chart renders from them; `workload`: a manifest. */
  readonly kind: "chart" | "workload";
  /** The chart values (kind `chart`). */
  readonly values?: ValuesDocument;
  /** For messages: `StatefulSet "alloy"`, `the chart`. */
  readonly title: string;
  /** The namespace it runs in, when the input says. */
  readonly namespace: string | undefined;
  /** `controller.type`, or the workload's kind; an unknown spelling is kept as written (the schema rule reports it). */
  readonly controllerType: ControllerType | string;
  readonly controllerAt: Anchor;
  /** `controller.replicas` / `spec.replicas` (ignored on a DaemonSet). */
  readonly replicas: number;
  readonly autoscaling: {
    /** `controller.autoscaling.horizontal.enabled`, or a HorizontalPodAutoscaler of the input scaling the workload. */
    readonly horizontal: boolean;
    /** The deprecated `controller.autoscaling.enabled`. */
    readonly legacy: boolean;
    readonly externalHPA: boolean;
    readonly vertical: boolean;
    /** Values path of the HPA settings in effect (`horizontal.*`, or the legacy keys when only `enabled` is set). */
    readonly settingsPath: readonly string[];
    readonly maxReplicas: number;
    readonly targetCPUUtilizationPercentage: number;
    readonly targetMemoryUtilizationPercentage: number;
  };
  readonly clustering: {
    /** Whether Alloy runs with `--cluster.enabled`. */
    readonly enabled: boolean;
    /** `alloy.clustering.enabled`, or the `--cluster.enabled` argument. */
    readonly at: Anchor;
    /** `--cluster.join-addresses`, `--cluster.discover-peers`, or the chart's headless Service: how peers are found. */
    readonly peers: { readonly kind: "chart" | "join-addresses" | "discover-peers" | "none"; readonly addresses: readonly string[]; readonly at?: Anchor };
  };
  /** `--storage.path` (`alloy.storagePath`); relative paths are relative to the container's working folder. */
  readonly storagePath: string;
  readonly storagePathAt: Anchor;
  /** Whether `--storage.path` is given (Alloy's default is `data-alloy/` in the working folder). */
  readonly storagePathSet: boolean;
  /** `--stability.level` in effect (`alloy.stabilityLevel`, or a later argument). */
  readonly stabilityLevel: string;
  readonly stabilityAt: Anchor;
  /** The path given to `run` (a file, or a folder of `.alloy` files) and where it is set. */
  readonly runPath: { readonly path: string; readonly at: Anchor } | undefined;
  /** The arguments that can set flags: `alloy.extraArgs`, or the container's arguments. */
  readonly args: readonly ArgModel[];
  readonly argsAt: Anchor;
  /** The image tag (`image.tag`, the container image's), and the catalog release it maps to. */
  readonly image: { readonly tag: string | undefined; readonly at: Anchor; readonly alloyVersion: AlloyVersion | undefined };
  readonly mounts: readonly MountModel[];
  readonly varlogMounted: boolean;
  readonly dockerContainersMounted: boolean;
  readonly volumes: readonly VolumeModel[];
  readonly volumeClaimTemplates: readonly ClaimTemplateModel[];
  /** Services of the input in the deployment's namespace; `undefined` when the input holds no Service. */
  readonly services: readonly ServiceModel[] | undefined;
  /** What the pod's ServiceAccount may list and watch, `undefined` when the input does not say. */
  readonly permissions: Permissions | undefined;
  readonly resourceRequests: { readonly cpu: boolean; readonly memory: boolean };
  /** The ConfigMap holding the config, when the deployment mounts one that is in the input. */
  readonly configMap: ConfigMapUse | undefined;
  /** The config it runs, when the input holds it. */
  readonly config: DeploymentConfig | undefined;
}

/** Whether more than one Alloy instance runs: a DaemonSet, replicas > 1, or a horizontal autoscaler. */
export function runsSeveralInstances(model: DeploymentModel): boolean {
  if (model.controllerType === "daemonset") return true;
  if (model.replicas > 1 || model.autoscaling.externalHPA) return true;
  return (model.autoscaling.horizontal || model.autoscaling.legacy) && model.autoscaling.maxReplicas > 1;
}

/** Whether `path` is `mountPath` or below it. */
export function isUnder(path: string, mountPath: string): boolean {
  const base = mountPath.replace(/\/+$/, "");
  return path === base || path.startsWith(base + "/") || base === "";
}

/** How the instances run, for messages: "3 replicas", "one instance per node (DaemonSet)"… */
export function describeInstances(model: DeploymentModel): string {
  if (model.controllerType === "daemonset") return "one instance per node (DaemonSet)";
  if (model.autoscaling.externalHPA) return `an externally autoscaled ${model.controllerType}`;
  if (model.autoscaling.horizontal || model.autoscaling.legacy) {
    return `up to ${model.autoscaling.maxReplicas} autoscaled replicas`;
  }
  return `${model.replicas} replicas`;
}
