import { readFileSync } from "node:fs";
import { runAlloylint } from "./lint/run.js";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};

// Set the exit code rather than exiting, so piped output is never cut short.
process.exitCode = runAlloylint(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}, version);
