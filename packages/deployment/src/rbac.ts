import { isMap, isScalar, type Node } from "yaml";
import type { Anchor } from "./model.js";
import { fieldOf, nodeAnchor, sameNamespace, titleOf, yamlAnchor, type KubeObject } from "./objects.js";
import { itemsOf, stringOf, valueOf } from "./yaml-document.js";

/** A rule of a Role or ClusterRole (`rules[*]`). */
export interface PolicyRule {
  readonly apiGroups: readonly string[];
  readonly resources: readonly string[];
  readonly verbs: readonly string[];
  /** A rule naming objects grants no `list` or `watch` of all of them. */
  readonly resourceNames: readonly string[];
}

/** Rules bound to the ServiceAccount, in one namespace or (`namespace` undefined) across the cluster. */
export interface Grant {
  readonly rules: readonly PolicyRule[];
  readonly namespace: string | undefined;
  /** The role (or values key) the rules come from. */
  readonly at: Anchor;
}

/** What a pod's ServiceAccount may do, as far as the input tells. */
export interface Permissions {
  /** For messages: `ServiceAccount "alloy"`. */
  readonly subject: string;
  readonly grants: readonly Grant[];
  /** Where to add a rule, for messages: `ClusterRole "alloy"`, `rbac.rules`. */
  readonly remedy: string;
  /** How to get access across the cluster when only namespaces are granted, for messages. */
  readonly clusterRemedy: string;
  /** Where the ServiceAccount is named (or the grants' first role). */
  readonly at: Anchor;
}

const matches = (list: readonly string[], item: string) => list.includes(item) || list.includes("*");

/**
 * Whether the ServiceAccount may `verb` the `resource` of `group`: in `namespace`, or across the cluster when
 * `namespace` is `undefined` (cluster-scoped resources such as nodes, and watching every namespace).
 */
export function allows(permissions: Permissions, verb: string, group: string, resource: string, namespace: string | undefined): boolean {
  return permissions.grants.some(
    (grant) =>
      (grant.namespace === undefined || (namespace !== undefined && grant.namespace === namespace)) &&
      grant.rules.some(
        (rule) => rule.resourceNames.length === 0 && matches(rule.apiGroups, group) && matches(rule.resources, resource) && matches(rule.verbs, verb),
      ),
  );
}

const strings = (node: unknown): string[] => itemsOf(node).flatMap((item) => (isScalar(item) && item.value !== null ? [String(item.value)] : []));

/** The rules of a list of `rules` (a role's, or the chart's `rbac.rules`). */
export function policyRules(node: unknown): PolicyRule[] {
  return itemsOf(node)
    .filter((rule) => isMap(rule))
    .map((rule) => ({
      apiGroups: strings(valueOf(rule, "apiGroups")),
      resources: strings(valueOf(rule, "resources")),
      verbs: strings(valueOf(rule, "verbs")),
      resourceNames: strings(valueOf(rule, "resourceNames")),
    }));
}

/** The rules of JavaScript values (the chart's defaults). */
export function policyRulesOf(value: unknown): PolicyRule[] {
  const list = (v: unknown) => (Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : []);
  return (Array.isArray(value) ? value : []).map((rule) => {
    const r = (rule ?? {}) as Record<string, unknown>;
    return { apiGroups: list(r.apiGroups), resources: list(r.resources), verbs: list(r.verbs), resourceNames: list(r.resourceNames) };
  });
}

const RBAC_GROUP = "rbac.authorization.k8s.io";

/** Roles everyone's cluster has, whose rules the input does not hold: `cluster-admin` may do anything. */
const builtInClusterRoles: Readonly<Record<string, readonly PolicyRule[]>> = {
  "cluster-admin": [{ apiGroups: ["*"], resources: ["*"], verbs: ["*"], resourceNames: [] }],
};

/**
 * What the ServiceAccount `name` (in `namespace`) may do, from the RoleBindings and ClusterRoleBindings of the
 * input. `undefined` when the input does not tell: no binding names the ServiceAccount, or a binding's role is
 * neither in the input nor built in (its rules are unknown).
 */
export function permissionsOf(objects: readonly KubeObject[], name: string, namespace: string | undefined, namedAt: Anchor): Permissions | undefined {
  const rbac = objects.filter((o) => o.apiVersion.startsWith(`${RBAC_GROUP}/`));
  const bindings = rbac.filter(
    (o) =>
      (o.kind === "RoleBinding" || o.kind === "ClusterRoleBinding") &&
      itemsOf(fieldOf(o, ["subjects"])).some(
        (s) =>
          stringOf(valueOf(s, "kind")) === "ServiceAccount" &&
          stringOf(valueOf(s, "name")) === name &&
          sameNamespace(stringOf(valueOf(s, "namespace")) ?? (o.kind === "RoleBinding" ? o.namespace : undefined), namespace),
      ),
  );
  if (bindings.length === 0) return undefined;
  const grants: Grant[] = [];
  let remedy: string | undefined;
  for (const binding of bindings) {
    const roleKind = stringOf(fieldOf(binding, ["roleRef", "kind"]));
    const roleName = stringOf(fieldOf(binding, ["roleRef", "name"])) ?? "";
    const scope = binding.kind === "RoleBinding" ? (binding.namespace ?? namespace ?? "") : undefined;
    const role = rbac.find(
      (o) => o.kind === roleKind && o.name === roleName && (roleKind === "ClusterRole" || sameNamespace(o.namespace, binding.namespace)),
    );
    if (role) {
      if (valueOf(role.node, "aggregationRule")) return undefined;
      grants.push({ rules: policyRules(fieldOf(role, ["rules"])), namespace: scope, at: nodeAnchor(role.document, role.node as Node, titleOf(role), valueOf(role.node, "kind") as Node) });
      remedy ??= titleOf(role);
    } else if (roleKind === "ClusterRole" && builtInClusterRoles[roleName]) {
      grants.push({ rules: builtInClusterRoles[roleName], namespace: scope, at: yamlAnchor(binding.document, binding.node, ["roleRef", "name"], titleOf(binding)) });
    } else {
      return undefined;
    }
  }
  return {
    subject: `ServiceAccount "${name}"`,
    grants,
    remedy: remedy ?? `a ClusterRole bound to ServiceAccount "${name}"`,
    clusterRemedy: `bind a ClusterRole to ServiceAccount "${name}" with a ClusterRoleBinding`,
    at: namedAt,
  };
}
