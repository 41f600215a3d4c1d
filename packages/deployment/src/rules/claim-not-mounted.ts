import type { DeploymentRule } from "./rule.js";

export const rule: DeploymentRule = {
  id: "deploy/claim-not-mounted",
  severity: "error",
  alloy: false,
  description: "A StatefulSet volumeClaimTemplate is never mounted in alloy.mounts.extra: the volume is provisioned and paid for, but Alloy writes elsewhere.",
  check({ model, reportValue }) {
    if (model.controllerType !== "statefulset") return;
    model.volumeClaimTemplates.forEach((name, index) => {
      if (name === "" || model.mounts.some((m) => m.extraIndex !== undefined && m.name === name)) return;
      reportValue(
        { path: ["controller", "volumeClaimTemplates", index, "metadata", "name"], at: "value" },
        `the volume claim "${name}" is never mounted: add { name: ${name}, mountPath: ${model.storagePath} } to alloy.mounts.extra (alloy.storagePath is ${model.storagePath}).`,
        [{ path: ["alloy", "mounts", "extra"] }],
      );
    });
  },
};
