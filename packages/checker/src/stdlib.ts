import {
  catalogVersion,
  deprecatedFunctionNames,
  getFunction,
  listConstants,
  listFunctions,
  type AlloyVersion,
  type FunctionSchema,
} from "@alloy-toolkit/catalog";

interface StdlibIndex {
  roots: Set<string>;
  functions: Map<string, FunctionSchema>;
  constants: Set<string>;
  /** Namespaces such as `string`, `encoding` (first segment of dotted function names). */
  namespaces: Set<string>;
}

const indexes = new Map<AlloyVersion, StdlibIndex>();

function index(version: AlloyVersion = catalogVersion): StdlibIndex {
  let found = indexes.get(version);
  if (found) return found;
  // Only the stdlib's records: asking for the whole catalog would read every component too.
  const roots = new Set<string>(["constants"]);
  const namespaces = new Set<string>();
  const functions = new Map<string, FunctionSchema>();
  for (const fn of listFunctions(version)) {
    const root = fn.name.split(".")[0];
    roots.add(root);
    if (fn.name.includes(".")) namespaces.add(root);
    functions.set(fn.name, fn);
  }
  for (const name of Object.keys(deprecatedFunctionNames(version))) roots.add(name);
  found = { roots, functions, constants: new Set(listConstants(version).map((c) => c.name)), namespaces };
  indexes.set(version, found);
  return found;
}

/** Whether an identifier names something of Alloy's standard library scope (`sys`, `constants`, `env`…). */
export function isStdlibRoot(name: string, version?: AlloyVersion): boolean {
  return index(version).roots.has(name);
}

/** Dotted stdlib namespaces (`string`, `encoding`, `sys`…), which hold only functions. */
export function isStdlibNamespace(name: string, version?: AlloyVersion): boolean {
  return index(version).namespaces.has(name);
}

/** A function by its full name, deprecated names included. */
export function stdlibFunction(name: string, version?: AlloyVersion): FunctionSchema | undefined {
  return getFunction(name, version);
}

export function stdlibFunctionNames(version?: AlloyVersion): string[] {
  return [...index(version).functions.keys()];
}

export function stdlibConstantNames(version?: AlloyVersion): string[] {
  return [...index(version).constants];
}

export function isStdlibConstant(name: string, version?: AlloyVersion): boolean {
  return index(version).constants.has(name);
}

/** The replacement of a deprecated function name (`env` → `sys.env`). */
export function deprecatedReplacement(name: string, version?: AlloyVersion): string | undefined {
  return deprecatedFunctionNames(version)[name];
}
