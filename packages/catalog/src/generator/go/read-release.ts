import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Stability } from "../../schema.js";
import type { TypeContext } from "./alloy-type-of.js";
import { DecoderSchemaReader, type CodeAttribute, type CodeBlock, type CodeBody, type SchemaProblem } from "./decoder-schema.js";
import type { GoType, GoValue } from "./go-facts.js";
import type { GoFileReader } from "./read-go-file.js";
import { alloyModule, GoSourceTree, type GoFile, type GoPackage } from "./source-tree.js";

/** A component as one release's code registers it. */
export interface CodeComponent {
  name: string;
  stability: Stability;
  arguments: CodeBody;
  /** The fields of its `Exports` struct; empty when it registers none. */
  exports: CodeAttribute[];
  /** Where `component.Register` is called. */
  source: string;
}

/** A top-level block of the runtime (`logging`, `import.git`, `foreach`, …) or of a service (`http`, `remotecfg`, …). */
export interface CodeConfigBlock {
  name: string;
  stability: Stability;
  body: CodeBody;
  source: string;
}

/** What one release's Go source says a config may hold. */
export interface ReleaseStructure {
  /** The release folder's name, e.g. `v1.18.1`. */
  tag: string;
  commit: string;
  components: Map<string, CodeComponent>;
  configBlocks: Map<string, CodeConfigBlock>;
  problems: SchemaProblem[];
}

/**
 * The runtime's config blocks and the Go types their bodies decode into. Each name lists the places the
 * type has lived (the runtime moved from `internal/alloy` to `internal/runtime`, `argument` and `export`
 * from the controller to `internal/nodeconf`); a block is in a release when one of its types is.
 * `labelled`: the controller names the node by the block's label (module arguments and exports, imports,
 * foreach), which no struct field says. `template`: the controller takes `foreach`'s `template` block out
 * of the body before decoding the rest ("the block template is missing in the foreach block").
 */
const RUNTIME_BLOCKS: { name: string; labelled?: boolean; template?: boolean; types: { packagePath: RegExp; typeName: string }[] }[] = [
  { name: "logging", types: [{ packagePath: /^internal\/(runtime|alloy)\/logging$/, typeName: "Options" }] },
  { name: "tracing", types: [{ packagePath: /^internal\/(runtime|alloy)\/tracing$/, typeName: "Options" }] },
  {
    name: "argument",
    labelled: true,
    types: [
      { packagePath: /^internal\/nodeconf\/argument$/, typeName: "Arguments" },
      { packagePath: /^internal\/(runtime|alloy)\/internal\/controller$/, typeName: "argumentBlock" },
    ],
  },
  {
    name: "export",
    labelled: true,
    types: [
      { packagePath: /^internal\/nodeconf\/export$/, typeName: "Arguments" },
      { packagePath: /^internal\/(runtime|alloy)\/internal\/controller$/, typeName: "exportBlock" },
    ],
  },
  { name: "import.file", labelled: true, types: [{ packagePath: /(^|\/)importsource$/, typeName: "FileArguments" }] },
  { name: "import.string", labelled: true, types: [{ packagePath: /(^|\/)importsource$/, typeName: "StringArguments" }] },
  { name: "import.http", labelled: true, types: [{ packagePath: /(^|\/)importsource$/, typeName: "HTTPArguments" }] },
  { name: "import.git", labelled: true, types: [{ packagePath: /(^|\/)importsource$/, typeName: "GitArguments" }] },
  { name: "foreach", labelled: true, template: true, types: [{ packagePath: /^internal\/nodeconf\/foreach$/, typeName: "Arguments" }] },
];

const STABILITY_NAMES: Record<string, Stability> = {
  StabilityGenerallyAvailable: "generally-available",
  StabilityStable: "generally-available",
  StabilityPublicPreview: "public-preview",
  StabilityBeta: "public-preview",
  StabilityExperimental: "experimental",
};

/** Reads one release folder of `../shared/alloy-source`. */
export function readRelease(root: string, reader: GoFileReader): ReleaseStructure {
  const tag = root.split(/[\\/]/).pop()!;
  const tree = new GoSourceTree(root, reader);
  const schema = new DecoderSchemaReader(tree);
  const problems = schema.problems;
  const source = existsSync(join(root, "SOURCE.txt")) ? readFileSync(join(root, "SOURCE.txt"), "utf8") : "";
  const commit = /commit ([0-9a-f]{40})/.exec(source)?.[1] ?? "unknown";

  const components = new Map<string, CodeComponent & { built: boolean }>();
  for (const pkg of tree.reachableFrom(`${alloyModule}/internal/component/all`)) {
    for (const file of pkg.files) {
      for (const registration of file.facts.registrations) {
        const where = `${file.path}:${registration.line}`;
        const name = tree.stringOf(pkg, file, registration.name);
        if (!name) {
          problems.push({ where, message: "component.Register with a name that is not a string constant" });
          continue;
        }
        const existing = components.get(name);
        if (existing && (existing.built || !file.built)) continue;
        const context: TypeContext = { pkg, file };
        const argsType = compositeType(registration.args);
        const args = argsType ? schema.body(context, argsType, where) : undefined;
        if (!args) {
          problems.push({ where, message: `${name}: its Args are not a struct the snapshot declares` });
          continue;
        }
        const exportsType = compositeType(registration.exports);
        const exports = exportsType ? schema.body(context, exportsType, where) : undefined;
        const community = registration.community?.kind === "bool" && registration.community.value;
        components.set(name, {
          name,
          stability: community ? "community" : stabilityOf(registration.stability, where, problems),
          arguments: args,
          exports: exports?.attributes ?? [],
          source: where,
          built: file.built,
        });
      }
    }
  }

  const configBlocks = new Map<string, CodeConfigBlock>();
  const internalPackages = tree.packagesUnder("internal").map((p) => p.slice(alloyModule.length + 1));
  for (const block of RUNTIME_BLOCKS) {
    for (const candidate of block.types) {
      const pkg = internalPackages.filter((p) => candidate.packagePath.test(p)).map((p) => tree.package(`${alloyModule}/${p}`)).find((p) => p?.types.has(candidate.typeName));
      if (!pkg) continue;
      const declared = pkg.types.get(candidate.typeName)!;
      const where = `${declared.file.path}:${declared.decl.line}`;
      const body = schema.body({ pkg, file: declared.file }, { kind: "named", name: candidate.typeName }, where);
      if (!body) continue;
      if (block.labelled) body.labelled = true;
      if (block.template) body.blocks.push(statementsBlock("template", where));
      configBlocks.set(block.name, { name: block.name, stability: runtimeBlockStability(pkg, declared.file, problems), body, source: where });
      break;
    }
  }
  // `declare "name" { … }` holds statements, not a decoded struct: a labelled block of the runtime itself.
  configBlocks.set("declare", { name: "declare", stability: "generally-available", body: { attributes: [], blocks: [], labelled: true, statements: true }, source: "runtime" });
  for (const path of tree.packagesUnder("internal/service")) {
    const pkg = tree.package(path);
    if (!pkg) continue;
    for (const file of pkg.files) {
      for (const definition of file.facts.services) {
        const where = `${file.path}:${definition.line}`;
        const configType = compositeType(definition.configType);
        if (!configType) continue;
        const name = tree.stringOf(pkg, file, definition.name);
        if (!name || configBlocks.has(name)) continue;
        const body = schema.body({ pkg, file }, configType, where);
        if (!body) continue;
        configBlocks.set(name, { name, stability: stabilityOf(definition.stability, where, problems), body, source: where });
      }
    }
  }

  const ordered = new Map([...components.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, { built: _built, ...component }]) => [name, component]));
  return {
    tag,
    commit,
    components: ordered,
    configBlocks: new Map([...configBlocks.entries()].sort(([a], [b]) => (a < b ? -1 : 1))),
    problems: [...problems, ...schema.types.unknown.map((u) => ({ where: u.where, message: `type ${u.type} is outside the snapshot and not known: read as a capsule` }))],
  };
}

/** A block whose body holds components and config blocks (a pipeline), not decoded arguments. */
function statementsBlock(name: string, source: string): CodeBlock {
  return { name, required: true, repeatable: false, labelled: false, attributes: [], blocks: [], goType: "ast.Body", source, statements: true };
}

function compositeType(value: GoValue | undefined): GoType | undefined {
  return value?.kind === "composite" ? value.type : undefined;
}

function stabilityOf(value: GoValue | undefined, where: string, problems: SchemaProblem[]): Stability {
  const name = value?.kind === "ident" ? value.name : undefined;
  const stability = name ? STABILITY_NAMES[name] : undefined;
  if (stability) return stability;
  problems.push({ where, message: `stability ${name ?? "missing"} is not one the catalog knows: read as experimental` });
  return "experimental";
}

/** A config block's stability: its package's `StabilityLevel` when it declares one (`foreach`), else generally available. */
function runtimeBlockStability(pkg: GoPackage, file: GoFile, problems: SchemaProblem[]): Stability {
  const level = pkg.values.get("StabilityLevel");
  if (!level) return "generally-available";
  return stabilityOf(level.decl.value, `${file.path}:${level.decl.line}`, problems);
}
