/**
 * A brace-tracking scan of Alloy files, good enough to list which blocks and attributes a config
 * uses without depending on the parser package. Not a parser: it skips expressions wholesale.
 */
export interface ScannedBlock {
  name: string;
  label?: string;
  attributes: string[];
  blocks: ScannedBlock[];
  line: number;
}

export function scanAlloy(source: string): ScannedBlock[] {
  const text = blankCommentsAndStrings(source);
  const root: ScannedBlock = { name: "", attributes: [], blocks: [], line: 0 };
  const stack: ScannedBlock[] = [root];
  let i = 0;
  const lineAt = (offset: number) => text.slice(0, offset).split("\n").length;
  while (i < text.length) {
    const rest = text.slice(i);
    const space = /^\s+/.exec(rest);
    if (space) {
      i += space[0].length;
      continue;
    }
    if (rest[0] === "}") {
      if (stack.length > 1) stack.pop();
      i++;
      continue;
    }
    const statement = /^([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*(?:("[^"\n]*")\s*)?(\{|=)/.exec(rest);
    if (!statement) {
      i++;
      continue;
    }
    const top = stack[stack.length - 1];
    if (statement[3] === "{") {
      const block: ScannedBlock = { name: statement[1], attributes: [], blocks: [], line: lineAt(i) };
      if (statement[2]) block.label = statement[2].slice(1, -1);
      top.blocks.push(block);
      stack.push(block);
      i += statement[0].length;
      continue;
    }
    top.attributes.push(statement[1]);
    i = skipExpression(text, i + statement[0].length);
  }
  return root.blocks;
}

/** Skips an attribute's value: up to the end of line at bracket depth 0 (or a closing brace). */
function skipExpression(text: string, from: number): number {
  let depth = 0;
  let i = from;
  for (; i < text.length; i++) {
    const char = text[i];
    if (char === "(" || char === "[" || char === "{") depth++;
    else if (char === ")" || char === "]" || char === "}") {
      if (depth === 0) return i;
      depth--;
    } else if ((char === "\n" || char === ",") && depth === 0) {
      // A trailing operator continues the expression on the next line.
      const before = text.slice(from, i).trimEnd();
      if (char === "\n" && /[-+*/%&|=<>!?:.]$/.test(before)) continue;
      return i + 1;
    }
  }
  return i;
}

/** Keeps offsets and newlines; replaces comments and string contents with spaces (labels stay). */
function blankCommentsAndStrings(source: string): string {
  let out = "";
  let i = 0;
  while (i < source.length) {
    const char = source[i];
    if (char === "/" && source[i + 1] === "/") {
      while (i < source.length && source[i] !== "\n") {
        out += " ";
        i++;
      }
      continue;
    }
    if (char === "/" && source[i + 1] === "*") {
      while (i < source.length && !(source[i] === "*" && source[i + 1] === "/")) {
        out += source[i] === "\n" ? "\n" : " ";
        i++;
      }
      out += "  ";
      i += 2;
      continue;
    }
    if (char === '"' || char === "`") {
      const quote = char;
      out += quote;
      i++;
      let content = "";
      while (i < source.length && source[i] !== quote) {
        if (quote === '"' && source[i] === "\\") {
          content += "  ";
          i += 2;
          continue;
        }
        content += source[i] === "\n" ? "\n" : /[A-Za-z0-9_.\-/ ]/.test(source[i]) ? source[i] : " ";
        i++;
      }
      out += content + quote;
      i++;
      continue;
    }
    out += char;
    i++;
  }
  return out;
}
