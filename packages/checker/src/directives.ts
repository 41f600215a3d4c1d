import type { SourceDocument } from "./model.js";

const DIRECTIVE = /\/\/\s*alloylint-disable(-next-line|-line)?(?:\s+([\w/,\s-]+))?/;

/**
 * Rules switched off by comments: `// alloylint-disable-next-line <id>[, <id>…]` (the next line),
 * `// alloylint-disable-line <id>` (its own line), `// alloylint-disable <id>` (the whole file). Without
 * ids, every rule is switched off there.
 */
export class Directives {
  private readonly lines = new Map<number, Set<string> | "all">();
  private file: Set<string> | "all" | undefined;

  constructor(document: SourceDocument) {
    for (const comment of document.ast.comments) {
      if (comment.style !== "line" || !comment.text.includes("alloylint-disable")) continue;
      const match = DIRECTIVE.exec(comment.text);
      if (!match) continue;
      const ids = match[2]?.split(/[\s,]+/).filter((s) => s.length > 0);
      const set: Set<string> | "all" = ids && ids.length > 0 ? new Set(ids) : "all";
      const line = comment.range.start.line;
      if (match[1] === "-next-line") this.add(line + 1, set);
      else if (match[1] === "-line") this.add(line, set);
      else this.file = merge(this.file, set);
    }
  }

  private add(line: number, set: Set<string> | "all"): void {
    this.lines.set(line, merge(this.lines.get(line), set));
  }

  /** No directive in the file: callers can skip computing lines. */
  get isEmpty(): boolean {
    return this.file === undefined && this.lines.size === 0;
  }

  isDisabled(ruleId: string, line: number): boolean {
    return matches(this.file, ruleId) || matches(this.lines.get(line), ruleId);
  }
}

function merge(a: Set<string> | "all" | undefined, b: Set<string> | "all"): Set<string> | "all" {
  if (a === "all" || b === "all") return "all";
  return a ? new Set([...a, ...b]) : b;
}

function matches(set: Set<string> | "all" | undefined, ruleId: string): boolean {
  return set === "all" || (set !== undefined && set.has(ruleId));
}
