import { isUnder } from "../model.js";
import { valuesAnchor } from "../model-chart.js";
import type { DeploymentRule } from "./rule.js";

const hostDirectories = [
  { path: "/var/log", value: "alloy.mounts.varlog" },
  { path: "/var/lib/docker/containers", value: "alloy.mounts.dockercontainers" },
] as const;

export const rule: DeploymentRule = {
  id: "deploy/varlog-not-mounted",
  severity: "error",
  alloy: false,
  description:
    "The config reads /var/log (or /var/lib/docker/containers) but nothing mounts it from the host (alloy.mounts.varlog / dockercontainers, a hostPath volume): the container sees an empty directory.",
  check({ model, config, reportConfig }) {
    if (!config) return;
    for (const { node, source } of config.strings) {
      const directory = hostDirectories.find((d) => isUnder(node.value, d.path));
      if (!directory || model.mounts.some((m) => isUnder(node.value, m.mountPath))) continue;
      reportConfig(
        source,
        node,
        model.kind === "chart"
          ? `"${node.value}" is on the host, but ${directory.path} is not mounted into the Alloy container: set ${directory.value}: true (or mount it with alloy.mounts.extra).`
          : `"${node.value}" is on the host, but ${directory.path} is not mounted into the Alloy container of ${model.title}: add a hostPath volume for ${directory.path} and mount it there (volumeMounts).`,
        { related: model.values ? [valuesAnchor(model.values, directory.value.split("."))] : [] },
      );
    }
  },
};
