import { valuesAnchor } from "../model-chart.js";
import type { DeploymentRule } from "./rule.js";

export const rule: DeploymentRule = {
  id: "deploy/claim-not-mounted",
  severity: "error",
  alloy: false,
  description:
    "A StatefulSet volumeClaimTemplate is never mounted into the Alloy container: the volume is provisioned and paid for, but Alloy writes elsewhere.",
  check({ model, report }) {
    if (model.controllerType !== "statefulset") return;
    for (const template of model.volumeClaimTemplates) {
      if (template.name === "" || model.mounts.some((m) => (model.kind === "workload" || m.extraIndex !== undefined) && m.name === template.name)) continue;
      report(
        template.at,
        "value",
        model.kind === "chart"
          ? `the volume claim "${template.name}" is never mounted: add { name: ${template.name}, mountPath: ${model.storagePath} } to alloy.mounts.extra (alloy.storagePath is ${model.storagePath}).`
          : `the volume claim "${template.name}" is never mounted into the Alloy container: add { name: ${template.name}, mountPath: ${model.storagePath} } to its volumeMounts${model.storagePathSet ? ` (--storage.path is ${model.storagePath})` : ", and pass --storage.path there"}.`,
        { related: model.values ? [valuesAnchor(model.values, ["alloy", "mounts", "extra"])] : [] },
      );
    }
  },
};
