import { isMap, isScalar, type Node, type YAMLMap } from "yaml";
import { DEFAULT_STORAGE_PATH, IMAGE_DEFAULT_ARGS, parseAlloyArgs } from "./alloy-args.js";
import { alloyVersionOfTag, isAlloyImage, parseImage } from "./image.js";
import type { ChartModel } from "./model-chart.js";
import type { Anchor, ArgModel, ClaimTemplateModel, MountModel, ServiceModel, VolumeModel } from "./model.js";
import { entriesOf, fieldOf, labelsAt, nodeAnchor, sameNamespace, titleOf, yamlAnchor, type KubeObject } from "./objects.js";
import { permissionsOf } from "./rbac.js";
import { itemsOf, nodeIn, stringOf, valueOf } from "./yaml-document.js";

/** The kinds of workload whose pods can run Alloy, and the path of their pod spec. */
const WORKLOAD_KINDS: Readonly<Record<string, string>> = { Deployment: "deployment", StatefulSet: "statefulset", DaemonSet: "daemonset" };

/** A container running Alloy in a workload of the input. */
export interface AlloyContainer {
  readonly workload: KubeObject;
  readonly container: YAMLMap;
  /** The arguments after the binary, each with the node that holds it (none for the image's default arguments). */
  readonly args: readonly { readonly text: string; readonly node: Node | undefined }[];
}

const podSpecPath = ["spec", "template", "spec"] as const;

/** Whether a command runs the Alloy binary (`/bin/alloy`, `alloy`, `alloy.exe`). */
const isAlloyBinary = (command: string) => /(^|[/\\])alloy(\.exe)?$/.test(command);

/**
 * The containers of a Deployment, StatefulSet or DaemonSet that run Alloy: the grafana/alloy image (with its
 * entrypoint, or a command running the `alloy` binary), or any image whose command is the `alloy` binary.
 * A container whose command is a shell or a script is not read: what it runs is not in the input.
 */
export function alloyContainersOf(workload: KubeObject): AlloyContainer[] {
  if (!(workload.kind in WORKLOAD_KINDS) || !workload.apiVersion.startsWith("apps/")) return [];
  const found: AlloyContainer[] = [];
  for (const container of itemsOf(nodeIn(workload.node, [...podSpecPath, "containers"]))) {
    if (!isMap(container)) continue;
    const image = stringOf(valueOf(container, "image")) ?? "";
    const command = itemsOf(valueOf(container, "command"));
    const argItems = itemsOf(valueOf(container, "args"));
    const text = (n: Node) => (isScalar(n) && n.value !== null ? String(n.value) : "");
    let args: { text: string; node: Node | undefined }[];
    if (command.length > 0) {
      if (!isAlloyBinary(text(command[0]))) continue;
      args = [...command.slice(1), ...argItems].map((node) => ({ text: text(node), node }));
    } else {
      if (!isAlloyImage(image)) continue;
      args = argItems.length > 0 ? argItems.map((node) => ({ text: text(node), node })) : IMAGE_DEFAULT_ARGS.map((a) => ({ text: a, node: undefined }));
    }
    found.push({ workload, container: container as YAMLMap, args });
  }
  return found;
}

/**
 * The deployment a workload manifest describes (a Deployment, StatefulSet or DaemonSet of `kubectl apply` or of
 * `helm template` output), from its Alloy container's arguments, its pod spec, and the Services,
 * HorizontalPodAutoscalers and RBAC objects of the input that apply to it.
 */
export function buildWorkloadModel(alloy: AlloyContainer, objects: readonly KubeObject[]): ChartModel {
  const { workload, container } = alloy;
  const doc = workload.document;
  const podSpec = nodeIn(workload.node, podSpecPath);
  const kindAt = yamlAnchor(doc, workload.node, ["kind"], "kind");
  const at = (base: Node, path: readonly (string | number)[], label: string): Anchor => yamlAnchor(doc, base, path, label, kindAt.key());
  const imageAt = at(container, ["image"], "image");
  // Without arguments the image's own run: the image is where they are set.
  const argsAt = valueOf(container, "args") === undefined && valueOf(container, "command") === undefined ? imageAt : at(container, ["args"], "args");
  const args: ArgModel[] = alloy.args.map((arg, index) => ({ text: arg.text, index, at: arg.node ? nodeAnchor(doc, arg.node, "args") : argsAt }));
  const argAt = (index: number | undefined) => (index === undefined ? argsAt : args[index]?.at ?? argsAt);
  const commandLine = parseAlloyArgs(args.map((a) => a.text));

  const controllerType = WORKLOAD_KINDS[workload.kind];
  const replicasNode = nodeIn(workload.node, ["spec", "replicas"]);
  const replicas = isScalar(replicasNode) && typeof replicasNode.value === "number" ? replicasNode.value : 1;

  const hpa = objects.find(
    (o) =>
      o.kind === "HorizontalPodAutoscaler" &&
      stringOf(fieldOf(o, ["spec", "scaleTargetRef", "kind"])) === workload.kind &&
      stringOf(fieldOf(o, ["spec", "scaleTargetRef", "name"])) === workload.name &&
      sameNamespace(o.namespace, workload.namespace),
  );
  const maxReplicasNode = hpa && fieldOf(hpa, ["spec", "maxReplicas"]);
  const maxReplicas = isScalar(maxReplicasNode) && typeof maxReplicasNode.value === "number" ? maxReplicasNode.value : 1;

  const clusterFlag = commandLine.bool("cluster.enabled");
  const join = commandLine.flag("cluster.join-addresses");
  const discover = commandLine.flag("cluster.discover-peers");
  const storage = commandLine.flag("storage.path");
  const stability = commandLine.flag("stability.level");

  const mounts: MountModel[] = itemsOf(valueOf(container, "volumeMounts")).flatMap((mount, index) => {
    const mountPath = stringOf(valueOf(mount, "mountPath"));
    if (mountPath === undefined) return [];
    const subPath = stringOf(valueOf(mount, "subPath"));
    return [{ name: stringOf(valueOf(mount, "name")) ?? "", mountPath, ...(subPath ? { subPath } : {}), at: at(container, ["volumeMounts", index], "volumeMounts") }];
  });
  const volumes: VolumeModel[] = itemsOf(valueOf(podSpec, "volumes")).map((volume, index) => volumeModel(volume, at(podSpec as Node, ["volumes", index], "volumes")));
  const volumeClaimTemplates: ClaimTemplateModel[] = itemsOf(nodeIn(workload.node, ["spec", "volumeClaimTemplates"])).map((template, index) => ({
    name: stringOf(nodeIn(template, ["metadata", "name"])) ?? "",
    at: at(workload.node, ["spec", "volumeClaimTemplates", index, "metadata", "name"], "volumeClaimTemplates"),
  }));

  const podLabels = labelsAt(nodeIn(workload.node, ["spec", "template", "metadata", "labels"]));
  const serviceObjects = objects.filter((o) => o.kind === "Service" && o.apiVersion === "v1");
  const services: ServiceModel[] | undefined =
    serviceObjects.length === 0
      ? undefined
      : serviceObjects
          .filter((service) => sameNamespace(service.namespace, workload.namespace))
          .map((service) => {
            const selector = labelsAt(fieldOf(service, ["spec", "selector"]));
            return {
              name: service.name,
              selectsPods: selector.size > 0 && [...selector].every(([k, v]) => podLabels.get(k) === v),
              headless: stringOf(fieldOf(service, ["spec", "clusterIP"])) === "None",
              at: yamlAnchor(service.document, service.node, ["metadata", "name"], titleOf(service)),
            };
          });

  const serviceAccount = stringOf(valueOf(podSpec, "serviceAccountName")) ?? stringOf(valueOf(podSpec, "serviceAccount")) ?? "default";
  const serviceAccountAt = at(podSpec as Node, [valueOf(podSpec, "serviceAccountName") === undefined && valueOf(podSpec, "serviceAccount") !== undefined ? "serviceAccount" : "serviceAccountName"], "serviceAccountName");

  const image = stringOf(valueOf(container, "image"));
  const tag = image === undefined ? undefined : parseImage(image).tag;
  const requests = nodeIn(container, ["resources", "requests"]);
  const hostMounted = (path: string) =>
    mounts.some((m) => m.mountPath.replace(/\/+$/, "") === path && volumes.some((v) => v.name === m.name && v.kind === "hostPath"));
  return {
    kind: "workload",
    title: titleOf(workload),
    namespace: workload.namespace,
    controllerType,
    controllerAt: kindAt,
    replicas,
    autoscaling: {
      horizontal: hpa !== undefined,
      legacy: false,
      externalHPA: false,
      vertical: false,
      settingsPath: [],
      maxReplicas,
      targetCPUUtilizationPercentage: 0,
      targetMemoryUtilizationPercentage: 0,
    },
    clustering: {
      enabled: clusterFlag?.on === true,
      at: clusterFlag ? argAt(clusterFlag.index) : argsAt,
      peers:
        join && join.value !== ""
          ? { kind: "join-addresses", addresses: join.value.split(",").map((s) => s.trim()).filter(Boolean), at: argAt(join.valueIndex) }
          : discover && discover.value !== ""
            ? { kind: "discover-peers", addresses: [], at: argAt(discover.valueIndex) }
            : { kind: "none", addresses: [] },
    },
    storagePath: storage?.value ?? DEFAULT_STORAGE_PATH,
    storagePathAt: storage ? argAt(storage.valueIndex) : argsAt,
    storagePathSet: storage !== undefined,
    stabilityLevel: stability?.value ?? "generally-available",
    stabilityAt: stability ? argAt(stability.valueIndex) : argsAt,
    runPath: commandLine.configPath ? { path: commandLine.configPath.path, at: argAt(commandLine.configPath.index) } : undefined,
    args,
    argsAt,
    image: { tag, at: imageAt, alloyVersion: alloyVersionOfTag(tag) },
    mounts,
    varlogMounted: hostMounted("/var/log"),
    dockerContainersMounted: hostMounted("/var/lib/docker/containers"),
    volumes,
    volumeClaimTemplates: controllerType === "statefulset" ? volumeClaimTemplates : [],
    services,
    permissions: permissionsOf(objects, serviceAccount, workload.namespace, serviceAccountAt),
    resourceRequests: { cpu: valueOf(requests, "cpu") != null, memory: valueOf(requests, "memory") != null },
  };
}

/** A pod volume: its kind, and the ConfigMap it holds (a `configMap` volume, or the first ConfigMap of a projected one). */
function volumeModel(volume: Node, at: Anchor): VolumeModel {
  const name = stringOf(valueOf(volume, "name")) ?? "";
  const configMapOf = (node: unknown) => {
    const cmName = stringOf(valueOf(node, "name"));
    if (cmName === undefined) return undefined;
    const items = valueOf(node, "items");
    return {
      name: cmName,
      ...(items
        ? { items: itemsOf(items).flatMap((i) => { const key = stringOf(valueOf(i, "key")); const path = stringOf(valueOf(i, "path")); return key !== undefined && path !== undefined ? [{ key, path }] : []; }) }
        : {}),
    };
  };
  for (const { key, value } of entriesOf(volume)) {
    switch (key) {
      case "hostPath":
      case "persistentVolumeClaim":
      case "emptyDir":
        return { name, kind: key, at };
      case "configMap": {
        const configMap = configMapOf(value);
        return { name, kind: "configMap", ...(configMap ? { configMap } : {}), at };
      }
      case "projected": {
        const source = itemsOf(valueOf(value, "sources")).find((s) => valueOf(s, "configMap") !== undefined);
        const configMap = source && configMapOf(valueOf(source, "configMap"));
        return { name, kind: configMap ? "configMap" : "other", ...(configMap ? { configMap } : {}), at };
      }
    }
  }
  return { name, kind: "other", at };
}
