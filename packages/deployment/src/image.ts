import { resolveAlloyVersion, type AlloyVersion } from "@alloy-toolkit/catalog";
import { chartAppVersions } from "./chart-versions/chart-app-versions.generated.js";

/** An image reference's repository and tag: `docker.io/grafana/alloy:v1.18.1@sha256:…` → `grafana/alloy`, `v1.18.1`. */
export function parseImage(image: string): { readonly repository: string; readonly tag: string | undefined } {
  const withoutDigest = image.split("@")[0];
  const lastSlash = withoutDigest.lastIndexOf("/");
  const colon = withoutDigest.indexOf(":", lastSlash + 1);
  const repository = colon < 0 ? withoutDigest : withoutDigest.slice(0, colon);
  return { repository, tag: colon < 0 ? undefined : withoutDigest.slice(colon + 1) };
}

/** Whether an image is Alloy's (`grafana/alloy`, from any registry or mirror). */
export function isAlloyImage(image: string): boolean {
  const { repository } = parseImage(image);
  return repository === "alloy" || repository.endsWith("/alloy");
}

/**
 * The catalog release an image tag runs (`v1.18.1`, `v1.18.1-windowsservercore-ltsc2022`, `1.18.1`): the tag's
 * version without the image variant, resolved by the catalog (`resolveAlloyVersion`: that release, else the
 * catalogued release of the same minor). `undefined` when the tag names no release the catalog knows: the
 * checker's default.
 */
export function alloyVersionOfTag(tag: string | undefined): AlloyVersion | undefined {
  const version = tag === undefined ? undefined : /^v?\d+\.\d+\.\d+(?:-rc\.\d+)?(?=$|-)/.exec(tag)?.[0];
  return version === undefined ? undefined : resolveAlloyVersion(version)?.version;
}

/**
 * The Alloy version a grafana/alloy chart version deploys by default (its Chart.yaml's `appVersion`, from the
 * generated table of every chart release): `1.11.1` → `v1.18.1`; `undefined` for a chart version not in it.
 */
export function appVersionOfChart(chartVersion: string | undefined): string | undefined {
  return chartVersion === undefined ? undefined : chartAppVersions.get(chartVersion.replace(/^v/, ""));
}
