import { describeInstances, runsSeveralInstances } from "../model.js";
import type { DeploymentRule } from "./rule.js";

/** The Service name a join address resolves through: `alloy-cluster`, `alloy-cluster.ns.svc.cluster.local:12345`. */
function serviceOf(address: string): string | undefined {
  const host = address.replace(/^dnssrv\+|^dns\+/, "").replace(/^_[^.]+\._[^.]+\./, "").replace(/:\d+$/, "");
  if (host === "" || /^[\d.]+$/.test(host) || host.includes("$(")) return undefined;
  return host.split(".")[0];
}

export const rule: DeploymentRule = {
  id: "deploy/clustering-no-peers",
  severity: "error",
  alloy: false,
  description:
    "Alloy runs with --cluster.enabled on several pods but cannot find its peers: no --cluster.join-addresses or --cluster.discover-peers, or a join address naming a Service of the input that does not select the pods (a non-headless one resolves to a single address). Every pod forms a cluster of one and scrapes every target.",
  check({ model, report }) {
    // The chart passes --cluster.join-addresses and creates the headless Service with alloy.clustering.enabled;
    // --cluster.enabled in alloy.extraArgs alone is deploy/cluster-flag-without-clustering's.
    if (model.kind !== "workload" || !model.clustering.enabled || !runsSeveralInstances(model)) return;
    const { peers } = model.clustering;
    if (peers.kind === "none") {
      report(
        model.clustering.at,
        "value",
        `${model.title} runs ${describeInstances(model)} with --cluster.enabled but no --cluster.join-addresses or --cluster.discover-peers: each pod forms a cluster of one, so every pod scrapes every target (data duplicated). Pass --cluster.join-addresses=<a headless Service selecting the pods> (clusterIP: None).`,
      );
      return;
    }
    if (peers.kind !== "join-addresses" || !model.services || !peers.at) return;
    for (const address of peers.addresses) {
      const name = serviceOf(address);
      const service = model.services.find((s) => s.name === name);
      if (service && !service.selectsPods) {
        report(
          peers.at,
          "value",
          `--cluster.join-addresses names Service "${service.name}", whose selector does not match the pods of ${model.title}: its name resolves to no pod of this deployment, so each pod forms a cluster of one and every pod scrapes every target (data duplicated). Make the Service select the pods' labels.`,
          { related: [service.at] },
        );
      } else if (service && !service.headless) {
        report(
          peers.at,
          "value",
          `--cluster.join-addresses names Service "${service.name}", which is not headless: its name resolves to one virtual IP, so each pod reaches one peer at a time and the cluster may split or form slowly. Join through a Service with clusterIP: None (and publishNotReadyAddresses: true).`,
          { related: [service.at], severity: "warning" },
        );
      }
    }
  },
};
