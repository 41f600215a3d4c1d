import { attributeNamed, blockNamed } from "@alloy-toolkit/parser";
import { blockHeaderRange, literalBool, type ComponentUse } from "../config-view.js";
import { isUnder, type DeploymentModel } from "../model.js";
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

/** The persistent mount holding `alloy.storagePath`, if any. */
export function persistentStorageMount(model: DeploymentModel): string | undefined {
  for (const mount of model.mounts) {
    if (mount.extraIndex === undefined || !isUnder(model.storagePath, mount.mountPath)) continue;
    if (model.controllerType === "statefulset" && model.volumeClaimTemplates.includes(mount.name)) return mount.name;
    const volume = model.volumes.find((v) => v.name === mount.name);
    if (volume?.kind === "persistentVolumeClaim") return mount.name;
    if (volume?.kind === "hostPath" && model.controllerType === "daemonset") return mount.name;
  }
  return undefined;
}

export const rule: DeploymentRule = {
  id: "deploy/storage-not-persistent",
  severity: "warning",
  alloy: false,
  description:
    "A component keeps state under --storage.path (WAL, positions, file storage) while alloy.storagePath is not on a persistent volume: the state is lost on every restart.",
  check({ model, config, reportConfig }) {
    if (!config || persistentStorageMount(model) !== undefined) return;
    const remedy =
      model.controllerType === "daemonset"
        ? "mount a hostPath volume (controller.volumes.extra + alloy.mounts.extra) there"
        : model.controllerType === "statefulset"
          ? "add a controller.volumeClaimTemplates entry and mount it there with alloy.mounts.extra"
          : "use controller.type: statefulset with a volumeClaimTemplate mounted there";
    for (const component of config.components) {
      const state = storedState(component);
      if (!state) continue;
      reportConfig(
        component.source,
        blockHeaderRange(component.block),
        `${componentTitle(component)} keeps ${state} under --storage.path (alloy.storagePath: ${model.storagePath}), which is not on a persistent volume: it is lost on every restart. To keep it, ${remedy}.`,
        [{ path: ["alloy", "storagePath"] }],
      );
    }
  },
};
