import { readFileSync } from "node:fs";
import { main } from "./fmt/run.js";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};

// Exit once stdout is drained, so piped output is never cut short.
process.exitCode = await main(version);
