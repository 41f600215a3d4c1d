import { describe, expect, it } from "vitest";
import { parseAlloyArgs } from "../src/alloy-args.js";

describe("parseAlloyArgs: an Alloy container's command line", () => {
  it("reads run's path and flags given with = or as the next argument, the last use winning", () => {
    const line = parseAlloyArgs(["run", "/etc/alloy", "--storage.path", "/data", "--stability.level=experimental", "--stability.level=public-preview"]);
    expect(line.run).toBe(true);
    expect(line.configPath).toEqual({ path: "/etc/alloy", index: 1 });
    expect(line.flag("storage.path")).toEqual({ value: "/data", index: 2, valueIndex: 3 });
    expect(line.flag("stability.level")?.value).toBe("public-preview");
  });

  it("reads boolean flags as Go's strconv.ParseBool does, and never takes the next argument as their value", () => {
    expect(parseAlloyArgs(["run", "c.alloy", "--cluster.enabled"]).bool("cluster.enabled")?.on).toBe(true);
    expect(parseAlloyArgs(["run", "c.alloy", "--cluster.enabled=T"]).bool("cluster.enabled")?.on).toBe(true);
    expect(parseAlloyArgs(["run", "c.alloy", "--cluster.enabled=false"]).bool("cluster.enabled")?.on).toBe(false);
    const spaced = parseAlloyArgs(["run", "--cluster.enabled", "c.alloy"]);
    expect(spaced.configPath?.path).toBe("c.alloy");
    expect(parseAlloyArgs(["fmt", "c.alloy"]).configPath).toBeUndefined();
  });
});
