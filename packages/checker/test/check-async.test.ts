import { describe, expect, it } from "vitest";
import { check, checkAsync } from "../src/index.js";

const modules: Record<string, string> = {
  "outer.alloy": `import.file "inner" {
  filename = "inner.alloy"
}

declare "pipeline" {
  argument "url" {}
  inner.sink "s" {
    url = argument.url.value
  }
}
`,
  "inner.alloy": `declare "sink" {
  argument "url" {}
  export "receiver" {
    value = argument.url.value
  }
}
`,
};

const config = `import.file "outer" {
  filename = "outer.alloy"
}

outer.pipeline "main" {
  url   = "http://x"
  extra = 1
}

import.file "missing" {
  filename = "missing.alloy"
}

missing.thing "t" {}
`;
const files = [{ filename: "config.alloy", text: config }];

describe("checkAsync", () => {
  it("gives what check gives with a resolver answering the same, through nested imports", async () => {
    const asked: string[] = [];
    const asyncResult = await checkAsync(files, {
      resolveImport: async (filename, importingFile) => {
        asked.push(`${importingFile} -> ${filename}`);
        await new Promise((resolve) => setImmediate(resolve));
        return modules[filename];
      },
    });
    const syncResult = check(files, { resolveImport: (filename) => modules[filename] });
    expect(asyncResult.diagnostics).toEqual(syncResult.diagnostics);
    expect(asyncResult.diagnostics.map((d) => d.code)).toContain("check/unknown-attribute");
    expect(asyncResult.diagnostics.map((d) => d.code)).toContain("check/unchecked-import");
    expect(asyncResult.model.modules.length).toBe(syncResult.model.modules.length);
    expect(asked.sort()).toEqual(["config.alloy -> missing.alloy", "config.alloy -> outer.alloy", "outer.alloy -> inner.alloy"]);
  });

  it("passes a rejected promise on, and works without a resolver", async () => {
    await expect(checkAsync(files, { resolveImport: () => Promise.reject(new Error("disk gone")) })).rejects.toThrow("disk gone");
    expect((await checkAsync(files)).diagnostics).toEqual(check(files).diagnostics);
  });
});
