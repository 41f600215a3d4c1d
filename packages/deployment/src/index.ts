/**
 * Deployment checks for Grafana Alloy on Kubernetes.
 *
 * - {@link checkDeployment}: the files of one input (manifests, `helm template` output, chart values,
 *   kustomizations, HelmReleases, Argo CD Applications, Alloy resources, k8s-monitoring values, `.alloy` files):
 *   every deployment they describe, the configs it runs, the ConfigMaps holding configs.
 * - {@link checkValuesFile}: one values file of the grafana/alloy chart.
 * - {@link deploymentRules}: the rules, over one {@link DeploymentModel} whatever describes the deployment.
 */
export { checkDeployment, checkValuesFile, findDeploymentConfigs } from "./check.js";
export type { DeploymentConfigText } from "./config-text.js";
export type {
  CheckDeploymentOptions,
  CheckValuesOptions,
  ConfigCheckContext,
  ConfigChecker,
  ConfigFile,
  DeploymentCheckResult,
  ValuesCheckResult,
} from "./check.js";
export type { DeploymentFile, FileReader } from "./inputs/input.js";
export { runsSeveralInstances } from "./model.js";
export type {
  Anchor,
  ArgModel,
  ClaimTemplateModel,
  ConfigMapUse,
  ControllerType,
  DeploymentConfig,
  DeploymentModel,
  MountModel,
  ServiceModel,
  VolumeModel,
} from "./model.js";
export type { Grant, Permissions, PolicyRule } from "./rbac.js";
export { alloyVersionOfTag, appVersionOfChart } from "./image.js";
export { isAlloyChartValues, parseValuesDocument } from "./values-document.js";
export type { Located, ValuesDocument, ValuesLayer } from "./values-document.js";
export { scalarContentMap } from "./yaml-positions.js";
export type { ScalarContentMap } from "./yaml-positions.js";
export { deploymentRules, getDeploymentRule } from "./rules/index.js";
export { ruleDocumentationUrl } from "./rule-docs.js";
export type { ConfigFix, DeploymentRule, DeploymentRuleContext, ReportOptions, ValuesAnchor, ValuesFix } from "./rules/rule.js";
export { chartValuesSchema } from "./schema/chart-values-schema.generated.js";
export type { ValuesKeySchema, ValuesSchema } from "./schema/values-schema.js";
