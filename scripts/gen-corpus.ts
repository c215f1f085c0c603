/**
 * `npm run gen-corpus -- --articles N --seed S --out DIR`: writes a synthetic corpus with its
 * answer key (NAME.txt + NAME.gold.json, the gold format of ../shared/corpus), so that
 * `npm run eval -- --corpus DIR` scores the extractor on it. Same seed, same files.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus } from "../bench/corpus/generate.js";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "100" },
    seed: { type: "string", default: "1" },
    out: { type: "string" },
  },
});
const n = Number(values.articles);
const seed = Number(values.seed);
if (!Number.isInteger(n) || n < 1 || !Number.isInteger(seed) || values.out === undefined) {
  console.error("usage: npm run gen-corpus -- --articles N --seed S --out DIR");
  process.exit(2);
}
mkdirSync(values.out, { recursive: true });
let bytes = 0;
let facts = 0;
for (const a of generateCorpus(seed, n)) {
  writeFileSync(join(values.out, `${a.name}.txt`), a.text);
  writeFileSync(join(values.out, `${a.name}.gold.json`), `${JSON.stringify(a.gold, null, 1)}\n`);
  bytes += Buffer.byteLength(a.text);
  facts += a.gold.observations.length;
}
console.log(`${n} articles (seed ${seed}), ${(bytes / 1e6).toFixed(2)} MB, ${facts} gold observations → ${values.out}`);
