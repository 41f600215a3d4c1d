import { readFileSync } from "node:fs";
import { formatParsed } from "./dist/index.js";
import { parse } from "@alloy-toolkit/parser";
const t = readFileSync("/work/shared/corpus/bench/large.alloy", "utf8");
const p = parse(t);
const r=[];
for (let i = 0; i < 10; i++) { const s = performance.now(); formatParsed(p); r.push(performance.now() - s); }
r.sort((a,b)=>a-b); console.log("format only median", (Buffer.byteLength(t) / 1e6 / (r[5] / 1000)).toFixed(1), "MB/s", r.map(x=>x.toFixed(0)).join(" "));
