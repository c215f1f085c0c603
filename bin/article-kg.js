#!/usr/bin/env node
// Entry point of the `article-kg` command. Runs the compiled code in dist/ (`npm run build`,
// run by `npm ci` through `prepare`) when it is there and no file under src/ is newer than it;
// otherwise — while developing, or with ARTICLE_KG_SOURCE=1 — the TypeScript sources through tsx.
import { existsSync, readdirSync, statSync } from "node:fs";

const BUILD = new URL("../dist/BUILD", import.meta.url);
const SRC = new URL("../src/", import.meta.url);

/** Is any file under `dir` modified after `time` (ms)? A few hundred stat calls: about a millisecond. */
function newerThan(dir, time) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const url = new URL(entry.isDirectory() ? `${entry.name}/` : entry.name, dir);
    if (entry.isDirectory() ? newerThan(url, time) : statSync(url).mtimeMs > time) return true;
  }
  return false;
}

function compiled() {
  if (process.env.ARTICLE_KG_SOURCE === "1" || !existsSync(BUILD)) return false;
  return !existsSync(SRC) || !newerThan(SRC, statSync(BUILD).mtimeMs);
}

let main;
if (compiled()) ({ main } = await import("../dist/cli/main.js"));
else {
  const { register } = await import("tsx/esm/api");
  register();
  ({ main } = await import("../src/cli/main.ts"));
}
process.exitCode = await main(process.argv.slice(2));
