import { availableAlloyVersions, type AlloyVersion } from "@alloy-toolkit/catalog";

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
 * The catalog release an image tag runs (`v1.18.1`, `v1.18.1-windowsservercore-ltsc2022`, `1.18.1`): the release
 * itself when the catalog has it, else the catalog's release of the same minor version (a later patch changes no
 * component's arguments). `undefined` when the tag names no release the catalog knows: the checker's default.
 */
export function alloyVersionOfTag(tag: string | undefined): AlloyVersion | undefined {
  const m = tag === undefined ? null : /^v?(\d+)\.(\d+)\.(\d+)(-rc\.\d+)?(?:$|-)/.exec(tag);
  if (!m) return undefined;
  const known = availableAlloyVersions as readonly string[];
  for (const exact of [`v${m[1]}.${m[2]}.${m[3]}${m[4] ?? ""}`, `v${m[1]}.${m[2]}.${m[3]}`]) {
    if (known.includes(exact)) return exact as AlloyVersion;
  }
  const patch = (v: string) => Number(/^v\d+\.\d+\.(\d+)/.exec(v)?.[1] ?? -1);
  const sameMinor = known.filter((v) => v.startsWith(`v${m[1]}.${m[2]}.`) && !v.includes("-")).sort((a, b) => patch(a) - patch(b));
  return sameMinor.length > 0 ? (sameMinor[sameMinor.length - 1] as AlloyVersion) : undefined;
}
