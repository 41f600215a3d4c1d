import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { CatalogFile, type CatalogDataIndex, type IndexedList } from "../src/catalog-file.js";
import { dataIndex } from "../src/generated/alloy-v1.18.1.index.js";
import { catalogFileUrl } from "../src/index.js";
import type { Catalog } from "../src/schema.js";

const dataUrl = catalogFileUrl("v1.18.1");
const dataText = readFileSync(dataUrl, "utf8");
/** What the eager loader returned: the whole file parsed at once. */
const eager = JSON.parse(dataText) as Catalog;
const lists = ["components", "configBlocks", "functions", "constants"] as const;
const values = ["$comment", "formatVersion", "alloyVersion", "source", "generator", "deprecatedFunctionNames"] as const;

describe("CatalogFile", () => {
  it("reads each record on its own, equal to the same record of a whole-file parse", () => {
    const file = new CatalogFile(dataUrl, dataIndex);
    for (const list of lists) {
      expect(eager[list].length).toBeGreaterThan(0);
      for (const record of eager[list]) expect(file.record(list, record.name), `${list} ${record.name}`).toEqual(record);
    }
    for (const value of values) expect(file.value(value), value).toEqual(eager[value]);
  });

  it("returns the same object for a record however it was reached, in either order", () => {
    const recordsFirst = new CatalogFile(dataUrl, dataIndex);
    const scrape = recordsFirst.record("components", "prometheus.scrape");
    const deprecated = recordsFirst.value("deprecatedFunctionNames");
    expect(recordsFirst.record("components", "prometheus.scrape")).toBe(scrape);
    const whole = recordsFirst.catalog();
    expect(whole).toEqual(eager);
    expect(Object.keys(whole)).toEqual(Object.keys(eager));
    expect(whole.components.find((c) => c.name === "prometheus.scrape")).toBe(scrape);
    expect(whole.deprecatedFunctionNames).toBe(deprecated);
    expect(recordsFirst.catalog()).toBe(whole);

    const wholeFirst = new CatalogFile(dataUrl, dataIndex);
    const catalog = wholeFirst.catalog();
    for (const list of lists) {
      expect(wholeFirst.records(list)).toBe(catalog[list]);
      for (const record of catalog[list]) expect(wholeFirst.record(list, record.name)).toBe(record);
    }
  });

  it("reads a list once, keeping the records already read", () => {
    const file = new CatalogFile(dataUrl, dataIndex);
    const write = file.record("components", "loki.write");
    const all = file.records<{ name: string }>("components");
    expect(all.map((c) => c.name)).toEqual(eager.components.map((c) => c.name));
    expect(all.find((c) => c.name === "loki.write")).toBe(write);
    expect(file.records("components")).toBe(all);
  });

  it("answers undefined for names it does not hold", () => {
    const file = new CatalogFile(dataUrl, dataIndex);
    for (const name of ["no.such.component", "", "__proto__", "constructor", "prometheus"]) {
      expect(file.record("components", name), name).toBeUndefined();
    }
    expect(file.record("functions", "toString")).toBeUndefined();
    expect(() => file.record("nope", "x")).toThrow(/no list nope/);
  });

  it("lists names (and keeps a status) from the index alone, without reading the file", () => {
    const unreadable = new CatalogFile(new URL("file:///nonexistent/alloy-v0.json"), dataIndex);
    expect(unreadable.names("components")).toEqual(eager.components.map((c) => c.name));
    expect(unreadable.names("components", "removed")).toEqual(eager.components.filter((c) => c.status === "removed").map((c) => c.name));
    expect(unreadable.names("functions")).toEqual(eager.functions.map((f) => f.name));
  });
});

describe("CatalogFile with an index that does not match its data", () => {
  const dir = mkdtempSync(join(tmpdir(), "catalog-file-test-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const components = dataIndex.fields.find((f): f is IndexedList => f.name === "components")!;
  const withComponents = (records: IndexedList["records"]): CatalogDataIndex => ({
    ...dataIndex,
    fields: dataIndex.fields.map((f) => (f === components ? { ...components, records } : f)),
  });

  it("fails when the file's size differs from the index's", () => {
    const longer = join(dir, "longer.json");
    writeFileSync(longer, dataText.replace('"formatVersion": 1', '"formatVersion":  1'));
    expect(() => new CatalogFile(pathToFileURL(longer), dataIndex).record("components", "loki.write")).toThrow(
      /catalog index does not match .*longer\.json \(the file has \d+ bytes, the index expects \d+\): run pnpm catalog:generate/,
    );
  });

  it("fails when a record's bytes are not where the index says", () => {
    const shifted = withComponents(components.records.map(([name, start, end, status]) => [name, start + 1, end + 1, status]));
    expect(() => new CatalogFile(dataUrl, shifted).record("components", "loki.write")).toThrow(/the bytes indexed for loki\.write are not JSON/);
  });

  it("fails when a record has another name than the index gives it", () => {
    const [first, second, ...rest] = components.records;
    const swapped = withComponents([[first[0], second[1], second[2], first[3]], [second[0], first[1], first[2], second[3]], ...rest]);
    expect(() => new CatalogFile(dataUrl, swapped).record("components", first[0])).toThrow(
      `the record indexed as ${first[0]} is named ${second[0]}`,
    );
  });
});
