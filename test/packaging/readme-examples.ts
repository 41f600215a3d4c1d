/**
 * The runnable examples of a README: fenced blocks whose info string is `ts runnable` or `js runnable`. Each is a
 * whole ES module importing the packages by name, checking its results with `node:assert` (so an example that
 * breaks fails), without top-level `await` (it also runs as CommonJS).
 */
export interface ReadmeExample {
  readonly language: "ts" | "js";
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly code: string;
}

const FENCE = /^```(ts|js) runnable\s*$/;

export function runnableExamples(markdown: string): ReadmeExample[] {
  const lines = markdown.split("\n");
  const examples: ReadmeExample[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]);
    if (!open) continue;
    const end = lines.indexOf("```", i + 1);
    if (end < 0) throw new Error(`README line ${i + 1}: runnable example not closed`);
    examples.push({ language: open[1] as "ts" | "js", line: i + 1, code: lines.slice(i + 1, end).join("\n") + "\n" });
    i = end;
  }
  return examples;
}
