/** A txtar archive: a comment, then `-- NAME --` sections. */
export interface Txtar {
  comment: string;
  files: { filename: string; text: string }[];
}

/** Parses a txtar archive (as Go's `golang.org/x/tools/txtar`): each file runs to the next marker line. */
export function parseTxtar(text: string): Txtar {
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const marker = /^-- (.+) --$/;
  const files: Txtar["files"] = [];
  const comment: string[] = [];
  let current: { filename: string; lines: string[] } | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const match = marker.exec(line);
    if (match) {
      if (current) files.push({ filename: current.filename, text: current.lines.join("\n") });
      current = { filename: match[1].trim(), lines: [] };
      continue;
    }
    if (current) current.lines.push(line);
    else comment.push(line);
  }
  if (current) files.push({ filename: current.filename, text: current.lines.join("\n") });
  // Every line of a section ends with a newline; the split leaves one empty string after the last.
  for (const file of files) if (file.text.length > 0 && !file.text.endsWith("\n")) file.text += "\n";
  return { comment: comment.join("\n"), files };
}
