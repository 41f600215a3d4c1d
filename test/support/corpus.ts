import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** One input of the conformance corpus (`../shared/corpus/<source>/<name>.alloy`). */
export interface CorpusCase {
  readonly source: string;
  readonly name: string;
  readonly path: string;
  readonly text: string;
  /** Alloy's printer output (fixpoint) when the input parses. */
  readonly expect: string | undefined;
  /** Alloy's parser diagnostics, one `LINE:COL: message` per line, when it does not. */
  readonly error: string | undefined;
}

/** Folders of the corpus that hold fmt/parse cases (not `validator/` nor `bench/`). */
export function corpusSources(corpusRoot: string): string[] {
  return readdirSync(corpusRoot)
    .filter((name) => name !== "validator" && name !== "bench" && statSync(join(corpusRoot, name)).isDirectory())
    .sort();
}

/** Every parse/fmt case of the corpus, in a stable order. */
export function loadCorpus(corpusRoot: string): CorpusCase[] {
  const cases: CorpusCase[] = [];
  for (const source of corpusSources(corpusRoot)) {
    const dir = join(corpusRoot, source);
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith(".alloy")) continue;
      const name = file.slice(0, -".alloy".length);
      const read = (ext: string): string | undefined => {
        const path = join(dir, name + ext);
        return existsSync(path) ? readFileSync(path, "utf8") : undefined;
      };
      cases.push({
        source,
        name,
        path: join(dir, file),
        text: readFileSync(join(dir, file), "utf8"),
        expect: read(".expect"),
        error: read(".error"),
      });
    }
  }
  return cases;
}
