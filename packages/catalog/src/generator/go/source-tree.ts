import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { GoFileFacts, GoMethod, GoType, GoTypeDecl, GoValue, GoValueDecl } from "./go-facts.js";
import type { GoFileReader } from "./read-go-file.js";

/** Alloy's module path; the `syntax` module is a folder of the same tree (`github.com/grafana/alloy/syntax`). */
export const alloyModule = "github.com/grafana/alloy";

/** A Go file of a package, with its facts. */
export interface GoFile {
  /** Path relative to the release folder, for reports. */
  path: string;
  facts: GoFileFacts;
  /** Whether the file is built for the platform the catalog describes (see {@link buildsOnCatalogPlatform}). */
  built: boolean;
}

export interface GoPackage {
  importPath: string;
  name: string;
  files: GoFile[];
  types: Map<string, { decl: GoTypeDecl; file: GoFile }>;
  methods: Map<string, { method: GoMethod; file: GoFile }[]>;
  values: Map<string, { decl: GoValueDecl; file: GoFile }>;
}

/** A named type found: in a package of the tree, a Go builtin, or a package outside the tree (not in the snapshot). */
export type ResolvedName =
  | { kind: "declared"; pkg: GoPackage; decl: GoTypeDecl; file: GoFile }
  | { kind: "builtin"; name: string }
  | { kind: "external"; importPath: string; name: string }
  | { kind: "unknown"; text: string };

const BUILTIN_TYPES = new Set([
  "string", "bool", "byte", "rune", "error", "any", "uintptr",
  "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
  "float32", "float64", "complex64", "complex128",
]);

/**
 * The platform whose build the catalog describes: Linux on amd64 with cgo, built with the
 * `promtail_journal_enabled` tag as Alloy's release images are. Files for other platforms are still
 * read for types (a component's `Arguments` are the same on every platform), but a registration in a
 * file built here wins over a stub registered elsewhere.
 */
const CATALOG_PLATFORM_TAGS = new Set(["linux", "amd64", "unix", "cgo", "gc", "promtail_journal_enabled"]);

/** Evaluates a `//go:build` expression for the catalog's platform. */
export function buildsOnCatalogPlatform(expression: string | undefined): boolean {
  if (!expression) return true;
  const tokens = expression.match(/!|&&|\|\||\(|\)|[\w.]+/g) ?? [];
  let position = 0;
  const peek = () => tokens[position];
  const or = (): boolean => {
    let value = and();
    while (peek() === "||") {
      position++;
      value = and() || value;
    }
    return value;
  };
  const and = (): boolean => {
    let value = not();
    while (peek() === "&&") {
      position++;
      value = not() && value;
    }
    return value;
  };
  const not = (): boolean => {
    if (peek() === "!") {
      position++;
      return !not();
    }
    if (peek() === "(") {
      position++;
      const value = or();
      position++;
      return value;
    }
    const tag = tokens[position++] ?? "";
    return CATALOG_PLATFORM_TAGS.has(tag) || /^go1\.\d+$/.test(tag);
  };
  return or();
}

/** Alloy's Go source at one release, read package by package as they are asked for. */
export class GoSourceTree {
  private readonly packages = new Map<string, GoPackage | null>();

  constructor(
    /** The release folder (`../shared/alloy-source/v1.18.1`). */
    readonly root: string,
    private readonly reader: GoFileReader,
  ) {}

  /** The package at an import path, or `undefined` when it is not in this tree (another module, or not copied). */
  package(importPath: string): GoPackage | undefined {
    const cached = this.packages.get(importPath);
    if (cached !== undefined) return cached ?? undefined;
    const loaded = this.load(importPath);
    this.packages.set(importPath, loaded ?? null);
    return loaded;
  }

  /** Whether an import path belongs to Alloy's own module (its source is in the tree, or should be). */
  isInTree(importPath: string): boolean {
    return importPath === alloyModule || importPath.startsWith(`${alloyModule}/`);
  }

  private load(importPath: string): GoPackage | undefined {
    if (!this.isInTree(importPath)) return undefined;
    const relative = importPath.slice(alloyModule.length + 1);
    const dir = join(this.root, relative);
    if (!existsSync(dir)) return undefined;
    const files: GoFile[] = [];
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (!entry.isFile() || !entry.name.endsWith(".go") || entry.name.endsWith("_test.go")) continue;
      const path = `${relative}/${entry.name}`;
      const facts = this.reader.read(readFileSync(join(dir, entry.name), "utf8"), path);
      files.push({ path, facts, built: buildsOnCatalogPlatform(facts.buildConstraint) && !platformSuffixExcluded(entry.name) });
    }
    if (files.length === 0) return undefined;
    const pkg: GoPackage = { importPath, name: files[0].facts.packageName, files, types: new Map(), methods: new Map(), values: new Map() };
    // Files built on the catalog's platform first, so their declarations win over other platforms'.
    for (const file of [...files.filter((f) => f.built), ...files.filter((f) => !f.built)]) {
      for (const decl of file.facts.types) if (!pkg.types.has(decl.name)) pkg.types.set(decl.name, { decl, file });
      for (const decl of file.facts.values) if (!pkg.values.has(decl.name)) pkg.values.set(decl.name, { decl, file });
      for (const method of file.facts.methods) {
        const list = pkg.methods.get(method.receiver) ?? [];
        if (!list.some((m) => m.method.name === method.name)) list.push({ method, file });
        pkg.methods.set(method.receiver, list);
      }
    }
    return pkg;
  }

  /** The import path that a file's local package name (`discovery` in `discovery.Target`) stands for. */
  importPathOf(file: GoFile, localName: string): string | undefined {
    for (const entry of file.facts.imports) {
      if (entry.name === localName) return entry.path;
    }
    for (const entry of file.facts.imports) {
      if (entry.name !== "") continue;
      const pkg = this.package(entry.path);
      const name = pkg ? pkg.name : guessPackageName(entry.path);
      if (name === localName) return entry.path;
    }
    return undefined;
  }

  /** What a named type of `file` in `pkg` refers to. */
  resolve(pkg: GoPackage, file: GoFile, type: Extract<GoType, { kind: "named" }>): ResolvedName {
    if (type.pkg === undefined) {
      const local = pkg.types.get(type.name);
      if (local) return { kind: "declared", pkg, ...local };
      if (BUILTIN_TYPES.has(type.name)) return { kind: "builtin", name: type.name };
      return { kind: "unknown", text: type.name };
    }
    const importPath = this.importPathOf(file, type.pkg);
    if (!importPath) return { kind: "unknown", text: `${type.pkg}.${type.name}` };
    const target = this.package(importPath);
    if (!target) return { kind: "external", importPath, name: type.name };
    const declared = target.types.get(type.name);
    if (!declared) return { kind: "unknown", text: `${importPath}.${type.name}` };
    return { kind: "declared", pkg: target, ...declared };
  }

  /** A package-level const or var named by a value of `file` (`name`, or `pkg.Name`). */
  resolveValue(pkg: GoPackage, file: GoFile, value: Extract<GoValue, { kind: "ident" }>): { pkg: GoPackage; decl: GoValueDecl; file: GoFile } | undefined {
    let target: GoPackage | undefined = pkg;
    if (value.pkg !== undefined) {
      const importPath = this.importPathOf(file, value.pkg);
      target = importPath ? this.package(importPath) : undefined;
    }
    const found = target?.values.get(value.name);
    return found && target ? { pkg: target, ...found } : undefined;
  }

  /** The string a value stands for: a literal, or a string constant (followed through other constants). */
  stringOf(pkg: GoPackage, file: GoFile, value: GoValue | undefined, depth = 0): string | undefined {
    if (!value || depth > 8) return undefined;
    if (value.kind === "string") return value.value;
    if (value.kind !== "ident") return undefined;
    const found = this.resolveValue(pkg, file, value);
    return found ? this.stringOf(found.pkg, found.file, found.decl.value, depth + 1) : undefined;
  }

  /** Methods declared on a named type (pointer and value receivers). */
  methodsOf(pkg: GoPackage, typeName: string): GoMethod[] {
    return (pkg.methods.get(typeName) ?? []).map((m) => m.method);
  }

  /** The same, each with the file that declares it (whose imports its body's names resolve through). */
  methodsWithFiles(pkg: GoPackage, typeName: string): { method: GoMethod; file: GoFile }[] {
    return pkg.methods.get(typeName) ?? [];
  }

  /** Every package of the tree reachable through imports from `importPath` (itself included), in a stable order. */
  reachableFrom(importPath: string): GoPackage[] {
    const seen = new Set<string>();
    const order: GoPackage[] = [];
    const stack = [importPath];
    while (stack.length > 0) {
      const path = stack.pop()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const pkg = this.package(path);
      if (!pkg) continue;
      order.push(pkg);
      const imports = new Set(pkg.files.filter((f) => f.built).flatMap((f) => f.facts.imports.map((i) => i.path)));
      for (const next of [...imports].sort().reverse()) if (this.isInTree(next) && !seen.has(next)) stack.push(next);
    }
    return order.sort((a, b) => (a.importPath < b.importPath ? -1 : 1));
  }

  /** Every package folder of the tree under `relative` (recursively), as import paths. */
  packagesUnder(relative: string): string[] {
    const found: string[] = [];
    const walk = (dir: string, rel: string) => {
      if (!existsSync(dir)) return;
      const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
      if (entries.some((e) => e.isFile() && e.name.endsWith(".go"))) found.push(`${alloyModule}/${rel}`);
      for (const entry of entries) if (entry.isDirectory()) walk(join(dir, entry.name), `${rel}/${entry.name}`);
    };
    walk(join(this.root, relative), relative);
    return found;
  }
}

/** `_linux.go`, `_windows_amd64.go`: Go's file-name build constraints. */
function platformSuffixExcluded(fileName: string): boolean {
  const parts = fileName.replace(/\.go$/, "").split("_");
  const goos = ["aix", "android", "darwin", "dragonfly", "freebsd", "illumos", "ios", "js", "linux", "netbsd", "openbsd", "plan9", "solaris", "wasip1", "windows"];
  const goarch = ["386", "amd64", "arm", "arm64", "loong64", "mips", "mips64", "mips64le", "mipsle", "ppc64", "ppc64le", "riscv64", "s390x", "wasm"];
  const last = parts[parts.length - 1];
  const beforeLast = parts.length > 2 ? parts[parts.length - 2] : undefined;
  if (parts.length < 2) return false;
  if (goarch.includes(last)) {
    if (last !== "amd64") return true;
    return beforeLast !== undefined && goos.includes(beforeLast) && beforeLast !== "linux";
  }
  return goos.includes(last) && last !== "linux";
}

/** The package name Go uses for an import path it cannot read: its last element without a version suffix. */
export function guessPackageName(importPath: string): string {
  const parts = importPath.split("/");
  let last = parts[parts.length - 1];
  if (/^v\d+$/.test(last) && parts.length > 1) last = parts[parts.length - 2];
  return last.replace(/\.v\d+$/, "").replace(/^go-/, "").replace(/-go$/, "").replace(/[-.]/g, "_");
}
