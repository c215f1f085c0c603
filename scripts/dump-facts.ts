/**
 * Dumps everything the extractor finds in a corpus folder, one JSON line per article (its
 * observations, places, programs and main place), and with `--quads` the article's mapped
 * quads as sorted N-Quads lines, so that an optimisation can be checked to change nothing:
 *
 *   node --import tsx scripts/dump-facts.ts DIR [--quads] > before.jsonl
 *   … change the code …
 *   node --import tsx scripts/dump-facts.ts DIR [--quads] > after.jsonl && cmp before.jsonl after.jsonl
 *
 * Articles are `DIR/*.txt`; a `NAME.gold.json` beside one gives its publication date, as in `npm run eval`.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { readArticle } from "../src/article/read.js";
import { extract } from "../src/extract/index.js";
import { iris } from "../src/rdf/iri.js";
import { mapExtraction } from "../src/rdf/map.js";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { quads: { type: "boolean" } } });
const dir = positionals[0];
if (dir === undefined || positionals.length !== 1) {
  console.error("usage: node --import tsx scripts/dump-facts.ts DIR [--quads]");
  process.exit(2);
}
const ir = iris();
const term = (t: { termType: string; value: string; language?: string; datatype?: { value: string } }): string =>
  t.termType === "Literal"
    ? `${JSON.stringify(t.value)}${t.language ? `@${t.language}` : `^^${t.datatype?.value}`}`
    : t.termType === "DefaultGraph"
      ? ""
      : `<${t.value}>`;

for (const file of readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .sort()) {
  const goldFile = join(dir, `${file.slice(0, -".txt".length)}.gold.json`);
  const published = existsSync(goldFile)
    ? (JSON.parse(readFileSync(goldFile, "utf8")) as { published?: string }).published
    : undefined;
  const article = await readArticle(join(dir, file), published ? { published } : {});
  const x = extract(article);
  const facts = { file, mainPlace: x.mainPlace, places: x.places, programs: x.programs, observations: x.observations };
  process.stdout.write(`${JSON.stringify(facts)}\n`);
  if (values.quads) {
    const m = mapExtraction(x, ir);
    const lines = [...m.quads, ...[...m.reference.values()].flat()].map(
      (q) => `${term(q.subject)} ${term(q.predicate)} ${term(q.object)} ${term(q.graph)}`,
    );
    process.stdout.write(`${lines.sort().join("\n")}\n`);
  }
}
