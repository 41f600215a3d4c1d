import { attributeNamed, blockNamed } from "@alloy-toolkit/parser";
import { blockHeaderRange, literalBool, type ComponentUse } from "../config-view.js";
import { isUnder, type DeploymentModel, type MountModel } from "../model.js";
import { componentTitle, type DeploymentRule } from "./rule.js";

/** What a component keeps under `--storage.path`, or `undefined` when it keeps nothing there. */
export function storedState(component: ComponentUse): string | undefined {
  switch (component.name) {
    case "prometheus.remote_write":
    case "prometheus.write.queue":
      return "its write-ahead log";
    case "loki.write":
      return literalBool(blockNamed(component.block, "wal"), "enabled") === true ? "its write-ahead log" : undefined;
    case "loki.source.file":
    case "loki.source.journal":
    case "loki.source.docker":
    case "loki.source.kubernetes_events":
    case "loki.source.cloudflare":
      return "its positions file";
    case "otelcol.storage.file":
      return attributeNamed(component.block, "directory") === undefined ? "its file storage" : undefined;
    default:
      return undefined;
  }
}

/** The mounts holding the storage path, deepest first (the one Alloy writes through). */
function mountsHolding(model: DeploymentModel): MountModel[] {
  return model.mounts
    .filter((m) => model.storagePath.startsWith("/") && isUnder(model.storagePath, m.mountPath))
    .sort((a, b) => b.mountPath.length - a.mountPath.length);
}

/** The persistent mount holding the storage path, if any. */
export function persistentStorageMount(model: DeploymentModel): string | undefined {
  for (const mount of model.kind === "chart" ? model.mounts : mountsHolding(model).slice(0, 1)) {
    if (model.kind === "chart" && (mount.extraIndex === undefined || !isUnder(model.storagePath, mount.mountPath))) continue;
    if (model.controllerType === "statefulset" && model.volumeClaimTemplates.some((t) => t.name === mount.name)) return mount.name;
    const volume = model.volumes.find((v) => v.name === mount.name);
    if (volume?.kind === "persistentVolumeClaim") return mount.name;
    if (volume?.kind === "hostPath" && model.controllerType === "daemonset") return mount.name;
  }
  return undefined;
}

/** Where the storage path is, for messages: `alloy.storagePath: /tmp/alloy`, `--storage.path=/data`. */
function where(model: DeploymentModel): string {
  if (model.kind === "chart") return `alloy.storagePath: ${model.storagePath}`;
  if (!model.storagePathSet) return `no --storage.path: Alloy's default ${model.storagePath} in the working folder`;
  const emptyDir = mountsHolding(model)
    .slice(0, 1)
    .find((m) => model.volumes.some((v) => v.name === m.name && v.kind === "emptyDir"));
  return `--storage.path=${model.storagePath}${emptyDir ? `, on the emptyDir volume "${emptyDir.name}", deleted with the pod` : ""}`;
}

function remedy(model: DeploymentModel): string {
  const chart = model.kind === "chart";
  switch (model.controllerType) {
    case "daemonset":
      return chart
        ? "mount a hostPath volume (controller.volumes.extra + alloy.mounts.extra) there"
        : "mount a hostPath volume at the storage path (and pass --storage.path)";
    case "statefulset":
      return chart
        ? "add a controller.volumeClaimTemplates entry and mount it there with alloy.mounts.extra"
        : "add a volumeClaimTemplates entry and mount it at --storage.path";
    default:
      return chart
        ? "use controller.type: statefulset with a volumeClaimTemplate mounted there"
        : "run Alloy as a StatefulSet with a volumeClaimTemplate mounted at --storage.path";
  }
}

export const rule: DeploymentRule = {
  id: "deploy/storage-not-persistent",
  severity: "warning",
  alloy: false,
  description:
    "A component keeps state under --storage.path (WAL, positions, file storage) while the storage path is not on a persistent volume (or is on an emptyDir): the state is lost on every restart.",
  check({ model, config, reportConfig }) {
    if (!config || persistentStorageMount(model) !== undefined) return;
    for (const component of config.components) {
      const state = storedState(component);
      if (!state) continue;
      reportConfig(
        component.source,
        blockHeaderRange(component.block),
        `${componentTitle(component)} keeps ${state} under --storage.path (${where(model)}), which is not on a persistent volume: it is lost on every restart. To keep it, ${remedy(model)}.`,
        { related: [model.storagePathAt] },
      );
    }
  },
};
