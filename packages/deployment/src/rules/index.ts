import { rule as autoscalingConflict } from "./autoscaling-conflict.js";
import { rule as autoscalingOnDaemonset } from "./autoscaling-on-daemonset.js";
import { rule as autoscalingWithoutRequests } from "./autoscaling-without-requests.js";
import { rule as claimNotMounted } from "./claim-not-mounted.js";
import { rule as claimWithoutStatefulset } from "./claim-without-statefulset.js";
import { rule as clusterFlagWithoutClustering } from "./cluster-flag-without-clustering.js";
import { rule as clusterWideSourceOnDaemonset } from "./cluster-wide-source-on-daemonset.js";
import { rule as clusteringBlockMissing } from "./clustering-block-missing.js";
import { rule as clusteringNoPeers } from "./clustering-no-peers.js";
import { rule as clusteringNotEnabled } from "./clustering-not-enabled.js";
import { rule as clusteringPreferStatefulset } from "./clustering-prefer-statefulset.js";
import { rule as communityComponentsDisabled } from "./community-components-disabled.js";
import { rule as discoveryForbidden } from "./discovery-forbidden.js";
import { rule as nodeLocalSourceOnReplicas } from "./node-local-source-on-replicas.js";
import { rule as runFileMissing } from "./run-file-missing.js";
import { rule as stabilityLevel } from "./stability-level.js";
import { rule as storageNotPersistent } from "./storage-not-persistent.js";
import { rule as templateInContent } from "./template-in-content.js";
import { rule as valuesDeprecatedKey } from "./values-deprecated-key.js";
import { rule as valuesUnknownKey } from "./values-unknown-key.js";
import { rule as valuesWrongType } from "./values-wrong-type.js";
import { rule as varlogNotMounted } from "./varlog-not-mounted.js";
import type { DeploymentRule } from "./rule.js";

/** Every deployment rule, values-file rules first. */
export const deploymentRules: readonly DeploymentRule[] = [
  valuesUnknownKey,
  valuesWrongType,
  valuesDeprecatedKey,
  templateInContent,
  clusteringNotEnabled,
  clusteringBlockMissing,
  clusteringPreferStatefulset,
  clusterFlagWithoutClustering,
  storageNotPersistent,
  claimWithoutStatefulset,
  claimNotMounted,
  nodeLocalSourceOnReplicas,
  varlogNotMounted,
  clusterWideSourceOnDaemonset,
  autoscalingOnDaemonset,
  autoscalingConflict,
  autoscalingWithoutRequests,
  stabilityLevel,
  communityComponentsDisabled,
  clusteringNoPeers,
  runFileMissing,
  discoveryForbidden,
];

/** The deployment rule of an id. */
export function getDeploymentRule(id: string): DeploymentRule | undefined {
  return deploymentRules.find((rule) => rule.id === id);
}
