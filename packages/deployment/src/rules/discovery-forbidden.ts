import { attributeNamed, blockNamed, type Block } from "@alloy-toolkit/parser";
import { literalBool } from "../config-view.js";
import { allows } from "../rbac.js";
import { componentTitle, type DeploymentRule } from "./rule.js";

/** What each role of `discovery.kubernetes` lists and watches: `[API group, resource]`. */
const ROLE_RESOURCES: Readonly<Record<string, readonly (readonly [string, string])[]>> = {
  pod: [["", "pods"]],
  service: [["", "services"]],
  endpoints: [["", "endpoints"], ["", "pods"], ["", "services"]],
  endpointslice: [["discovery.k8s.io", "endpointslices"], ["", "pods"], ["", "services"]],
  node: [["", "nodes"]],
  ingress: [["networking.k8s.io", "ingresses"]],
};

/** Resources that exist once for the whole cluster: only a ClusterRole bound cluster-wide grants them. */
const CLUSTER_SCOPED = new Set(["nodes", "namespaces"]);

/** The namespaces a discovery watches: `undefined` for every namespace, `null` when they are not literal. */
function namespacesOf(block: Block, own: string | undefined): readonly string[] | undefined | null {
  const namespaces = blockNamed(block, "namespaces");
  if (!namespaces) return undefined;
  const names = attributeNamed(namespaces, "names")?.value;
  const list: string[] = [];
  if (names) {
    if (names.kind !== "ArrayExpression") return null;
    for (const element of names.elements) {
      if (element.kind !== "StringLiteral") return null;
      list.push(element.value);
    }
  }
  if (literalBool(namespaces, "own_namespace") === true) {
    if (own === undefined) return null;
    list.push(own);
  }
  return list.length > 0 ? list : undefined;
}

export const rule: DeploymentRule = {
  id: "deploy/discovery-forbidden",
  severity: "error",
  alloy: false,
  description:
    "A discovery.kubernetes role lists and watches resources that the pod's ServiceAccount may not list and watch (by the RBAC objects of the input, or the chart's rbac values): the API server refuses, and discovery finds nothing.",
  check({ model, config, reportConfig }) {
    const permissions = model.permissions;
    if (!config || !permissions) return;
    for (const component of config.components) {
      if (component.name !== "discovery.kubernetes") continue;
      const { block } = component;
      // Another cluster's API (api_server, kubeconfig_file) is not reached with the pod's ServiceAccount.
      if (attributeNamed(block, "api_server") || attributeNamed(block, "kubeconfig_file")) continue;
      const roleAttribute = attributeNamed(block, "role");
      if (roleAttribute?.value.kind !== "StringLiteral") continue;
      const role = roleAttribute.value.value;
      const needed = [...(ROLE_RESOURCES[role] ?? [])];
      const metadata = blockNamed(block, "attach_metadata");
      if (literalBool(metadata, "node") === true) needed.push(["", "nodes"]);
      if (literalBool(metadata, "namespace") === true) needed.push(["", "namespaces"]);
      const namespaces = namespacesOf(block, model.namespace);
      if (namespaces === null) continue;
      const missing = needed.filter(([group, resource]) => {
        const scopes: readonly (string | undefined)[] = CLUSTER_SCOPED.has(resource) || namespaces === undefined ? [undefined] : namespaces;
        return scopes.some((scope) => !allows(permissions, "list", group, resource, scope) || !allows(permissions, "watch", group, resource, scope));
      });
      if (missing.length === 0) continue;
      const names = missing.map(([group, resource]) => (group === "" ? resource : `${resource}.${group}`));
      const scope = namespaces === undefined || missing.some(([, r]) => CLUSTER_SCOPED.has(r)) ? "across the cluster" : `in ${namespaces.join(", ")}`;
      const rules = missing.map(([group, resource]) => `{ apiGroups: ["${group}"], resources: ["${resource}"], verbs: ["get", "list", "watch"] }`).join(", ");
      const namespacedOnly = permissions.grants.every((g) => g.namespace !== undefined) && scope === "across the cluster";
      const granted = [...new Set(permissions.grants.map((g) => g.namespace))].join(", ");
      const clusterScoped = missing.filter(([, r]) => CLUSTER_SCOPED.has(r)).map(([, r]) => r);
      const remedy = !namespacedOnly
        ? `Grant it with ${permissions.remedy}: ${rules}.`
        : clusterScoped.length > 0
          ? `It is granted access in ${granted} only, and ${clusterScoped.join(", ")} need access across the cluster: ${permissions.clusterRemedy}, granting ${rules}.`
          : `It is granted access in ${granted} only: list those namespaces in a namespaces block, or ${permissions.clusterRemedy}, granting ${rules}.`;
      reportConfig(
        component.source,
        roleAttribute.value,
        `${componentTitle(component)} lists and watches ${names.join(", ")} ${scope}, but ${permissions.subject} may not: the API server answers "forbidden" and discovery finds no targets. ${remedy}`,
        { related: [permissions.at, ...permissions.grants.map((g) => g.at)] },
      );
    }
  },
};
