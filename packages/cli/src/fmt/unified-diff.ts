import { splitLines } from "@alloy-toolkit/formatter";
import { diffLines } from "./line-diff.js";

/** Lines of context around each change, as in `diff -u`. */
const CONTEXT = 3;

const RED = "\x1b[31m";
const GREEN = "\x1b[32m";
const CYAN = "\x1b[36m";
const BOLD = "\x1b[1m";
const RESET = "\x1b[0m";

/**
 * A unified diff from the file as it is to the formatted file (`--- name⇥original`, `+++ name⇥formatted`, hunks
 * with three lines of context, `\ No newline at end of file` after a last line without one), coloured for a
 * terminal if asked. The diff is {@link diffLines}'s, in about linear time however many lines change.
 */
export function unifiedDiff(name: string, original: string, formatted: string, color: boolean): string {
  const before = splitLines(original);
  const after = splitLines(formatted);
  const runs = diffLines(before, after);
  const out = [`--- ${name}\toriginal`, `+++ ${name}\tformatted`];
  let hunk: Hunk | undefined;
  let oldAt = 0;
  let newAt = 0;
  let i = 0;
  while (i < runs.length) {
    const run = runs[i];
    if (run.kind === "=") {
      if (hunk !== undefined) {
        // A short stretch of kept lines between two changes stays in the hunk; otherwise it ends here.
        const isLast = i === runs.length - 1;
        const kept = run.count <= 2 * CONTEXT && !isLast ? run.count : Math.min(run.count, CONTEXT);
        for (let k = 0; k < kept; k++) hunk.line(" ", before[oldAt + k]);
        if (kept < run.count || isLast) {
          hunk.writeTo(out);
          hunk = undefined;
        }
      }
      oldAt += run.count;
      newAt += run.count;
      i++;
      continue;
    }
    if (hunk === undefined) {
      const leading = Math.min(oldAt, CONTEXT);
      hunk = new Hunk(oldAt - leading, newAt - leading);
      for (let k = oldAt - leading; k < oldAt; k++) hunk.line(" ", before[k]);
    }
    // One change: everything up to the next kept lines, removals first.
    let end = i;
    while (end < runs.length && runs[end].kind !== "=") end++;
    for (let r = i; r < end; r++) {
      const { kind, start, count } = runs[r];
      if (kind === "-") for (let k = start; k < start + count; k++) hunk.line("-", before[k]);
    }
    for (let r = i; r < end; r++) {
      const { kind, start, count } = runs[r];
      if (kind === "+") for (let k = start; k < start + count; k++) hunk.line("+", after[k]);
    }
    for (let r = i; r < end; r++) {
      if (runs[r].kind === "-") oldAt += runs[r].count;
      else newAt += runs[r].count;
    }
    i = end;
  }
  hunk?.writeTo(out);
  const patch = out.join("\n") + "\n";
  return color ? colorize(patch) : patch;
}

class Hunk {
  private readonly lines: string[] = [];
  private oldCount = 0;
  private newCount = 0;

  /** 0-based first lines of the hunk in the old and new texts. */
  constructor(
    private readonly oldStart: number,
    private readonly newStart: number,
  ) {}

  /** Adds a line (with its `\n`, if it has one). */
  line(prefix: " " | "-" | "+", text: string): void {
    const hasNewline = text.endsWith("\n");
    this.lines.push(prefix + (hasNewline ? text.slice(0, -1) : text));
    if (!hasNewline) this.lines.push("\\ No newline at end of file");
    if (prefix !== "+") this.oldCount++;
    if (prefix !== "-") this.newCount++;
  }

  writeTo(out: string[]): void {
    // An empty side is numbered by the line before it, as diff -u does.
    const oldStart = this.oldCount === 0 ? this.oldStart : this.oldStart + 1;
    const newStart = this.newCount === 0 ? this.newStart : this.newStart + 1;
    out.push(`@@ -${oldStart},${this.oldCount} +${newStart},${this.newCount} @@`);
    for (const line of this.lines) out.push(line);
  }
}


function colorize(patch: string): string {
  return patch
    .split("\n")
    .map((line) => {
      if (line.startsWith("---") || line.startsWith("+++")) return `${BOLD}${line}${RESET}`;
      if (line.startsWith("@@")) return `${CYAN}${line}${RESET}`;
      if (line.startsWith("-")) return `${RED}${line}${RESET}`;
      if (line.startsWith("+")) return `${GREEN}${line}${RESET}`;
      return line;
    })
    .join("\n");
}
