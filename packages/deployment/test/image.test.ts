import { describe, expect, it } from "vitest";
import { availableAlloyVersions } from "@alloy-toolkit/catalog";
import { check } from "@alloy-toolkit/checker";
import { alloyVersionOfTag, appVersionOfChart, checkDeployment, type ConfigCheckContext } from "../src/index.js";
import { chartAppVersions } from "../src/chart-versions/chart-app-versions.generated.js";
import { isAlloyImage, parseImage } from "../src/image.js";

// The newest stable release (a release candidate has no ".0" patch of its own to map from).
const newest = [...availableAlloyVersions].reverse().find((v) => !v.includes("-"))!;

describe("the image tag a deployment runs", () => {
  it("is read from any registry, with a digest or a variant suffix", () => {
    expect(parseImage("docker.io/grafana/alloy:v1.18.1@sha256:0123")).toEqual({ repository: "docker.io/grafana/alloy", tag: "v1.18.1" });
    expect(parseImage("registry.local:5000/mirror/grafana/alloy")).toEqual({ repository: "registry.local:5000/mirror/grafana/alloy", tag: undefined });
    expect(isAlloyImage("registry.local:5000/mirror/grafana/alloy:v1.18.1")).toBe(true);
    expect(isAlloyImage("grafana/alloy-operator:0.6.2")).toBe(false);
    expect(isAlloyImage("quay.io/prometheus-operator/prometheus-config-reloader:v0.91.0")).toBe(false);
  });

  it("maps to the catalog's release of the same version, else of the same minor, else to none (the checker's default)", () => {
    expect(alloyVersionOfTag(newest)).toBe(newest);
    expect(alloyVersionOfTag(`${newest}-windowsservercore-ltsc2022`)).toBe(newest);
    expect(alloyVersionOfTag(newest.replace(/\.\d+$/, ".0"))).toBe(newest);
    expect(alloyVersionOfTag("v0.40.2")).toBeUndefined();
    expect(alloyVersionOfTag("latest")).toBeUndefined();
    expect(alloyVersionOfTag(undefined)).toBeUndefined();
  });

  it("is the catalog release the config checker is asked to use, for a deployed config; a lone ConfigMap's is not deployed", () => {
    const seen: ConfigCheckContext[] = [];
    const manifest = `apiVersion: v1
kind: ConfigMap
metadata:
  name: alloy
data:
  config.alloy: |
    logging { }
  spare.alloy: |
    logging { }
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: alloy
spec:
  template:
    spec:
      containers:
        - name: alloy
          image: grafana/alloy:${newest}
          args: ["run", "/etc/alloy/config.alloy"]
          volumeMounts:
            - name: config
              mountPath: /etc/alloy
      volumes:
        - name: config
          configMap:
            items:
              - key: config.alloy
                path: config.alloy
            name: alloy
`;
    const { deployments } = checkDeployment([{ file: "alloy.yaml", text: manifest }], {
      checkConfig: (files, context) => {
        seen.push(context);
        return check(files).diagnostics;
      },
    });
    expect(deployments.map((d) => d.image)).toMatchObject([{ tag: newest, alloyVersion: newest }]);
    expect(seen).toEqual([{ alloyVersion: newest, deployed: true }, { deployed: false }]);
  });
});

describe("the release a chart deploys", () => {
  /** The release the config checker is asked for, for a YAML input. */
  const releaseFor = (text: string) => {
    const seen: ConfigCheckContext[] = [];
    checkDeployment([{ file: "in.yaml", text }], {
      checkConfig: (files, context) => {
        seen.push(context);
        return check(files).diagnostics;
      },
    });
    return seen.find((c) => c.deployed)?.alloyVersion;
  };
  // A chart release whose appVersion is older than the newest catalogued release, from the generated table.
  const [oldChart, oldApp] = [...chartAppVersions].find(([, app]) => alloyVersionOfTag(app) && alloyVersionOfTag(app) !== newest)!;
  const values = (tag?: string) =>
    `      alloy:\n        configMap:\n          content: |\n            logging { }\n${tag ? `      image:\n        tag: ${tag}\n` : ""}`;
  const fluxRelease = (tag?: string) => `apiVersion: helm.toolkit.fluxcd.io/v2
kind: HelmRelease
metadata:
  name: alloy
spec:
  chart:
    spec:
      chart: alloy
      version: "${oldChart}"
      sourceRef:
        kind: HelmRepository
        name: grafana
  values:
${values(tag)}`;

  it("is the appVersion of the chart version, from the generated table", () => {
    expect(appVersionOfChart(oldChart)).toBe(oldApp);
    expect(appVersionOfChart(`v${oldChart}`)).toBe(oldApp);
    expect(appVersionOfChart("0.0.0-no-such")).toBeUndefined();
    expect(appVersionOfChart(undefined)).toBeUndefined();
  });

  it("of a Flux HelmRelease is its chart version's appVersion, unless the values set image.tag", () => {
    expect(releaseFor(fluxRelease())).toBe(alloyVersionOfTag(oldApp));
    expect(releaseFor(fluxRelease(newest))).toBe(newest);
  });

  it("of an Argo CD Application is its targetRevision's appVersion when it installs the chart from a Helm repository", () => {
    const application = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: alloy
spec:
  source:
    repoURL: https://grafana.github.io/helm-charts
    chart: alloy
    targetRevision: ${oldChart}
    helm:
      valuesObject:
        alloy:
          configMap:
            content: |
              logging { }
  destination:
    namespace: monitoring
`;
    expect(releaseFor(application)).toBe(alloyVersionOfTag(oldApp));
  });
});
