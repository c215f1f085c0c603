/**
 * Quads per observation of the article graphs of a corpus folder, and what they are: each quad
 * of an article graph counted under the kind of its subject (the observation, its mention, the
 * mention's context, their selectors, the article, programs) and its predicate. Reference
 * resources (places, periods, schemes) are shared between articles and counted apart.
 *
 *   node --import tsx scripts/quads-per-observation.ts DIR [--json]
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { readArticle } from "../src/article/read.js";
import { extract } from "../src/extract/index.js";
import { iris } from "../src/rdf/iri.js";
import { mapExtraction } from "../src/rdf/map.js";
import { PREFIXES } from "../src/rdf/vocab.js";

/** Quads per observation of the articles under `dir`, with the count by subject kind and predicate. */
export async function quadsPerObservation(dir: string): Promise<{
  articles: number;
  observations: number;
  articleQuads: number;
  referenceQuads: number;
  perObservation: number;
  bySubject: Record<string, number>;
  byPredicate: Record<string, number>;
}> {
  const ir = iris();
  const short = (iri: string): string => {
    for (const [p, ns] of Object.entries({ ...PREFIXES, kg: ir.kg.$ }))
      if (iri.startsWith(ns)) return `${p}:${iri.slice(ns.length)}`;
    return iri;
  };
  const kindOf = (s: string): string => {
    const rest = s.startsWith(ir.base) ? s.slice(ir.base.length) : s;
    const [head] = rest.split("/");
    const tail = rest.match(/(\/context)?(\/again\/\d+)?(#position|#quote)?$/u)?.[0] ?? "";
    return `${head}${tail.replace(/\d+/gu, "N")}`;
  };
  let observations = 0;
  let articleQuads = 0;
  const reference = new Set<string>();
  let referenceQuads = 0;
  const bySubject = new Map<string, number>();
  const byPredicate = new Map<string, number>();
  const files = readdirSync(dir).filter((f) => f.endsWith(".txt"));
  for (const file of files) {
    const x = extract(await readArticle(join(dir, file)));
    const m = mapExtraction(x, ir);
    observations += x.observations.length;
    articleQuads += m.quads.length;
    for (const [iri, quads] of m.reference)
      if (!reference.has(iri)) {
        reference.add(iri);
        referenceQuads += quads.length;
      }
    for (const q of m.quads) {
      const k = kindOf(q.subject.value);
      bySubject.set(k, (bySubject.get(k) ?? 0) + 1);
      const kp = `${k} ${short(q.predicate.value)}`;
      byPredicate.set(kp, (byPredicate.get(kp) ?? 0) + 1);
    }
  }
  const sorted = (m: Map<string, number>) =>
    Object.fromEntries([...m].sort((a, b) => b[1] - a[1]).map(([k, v]) => [k, Number((v / observations).toFixed(2))]));
  return {
    articles: files.length,
    observations,
    articleQuads,
    referenceQuads,
    perObservation: articleQuads / observations,
    bySubject: sorted(bySubject),
    byPredicate: sorted(byPredicate),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { json: { type: "boolean" } } });
  const dir = positionals[0];
  if (dir === undefined) {
    console.error("usage: node --import tsx scripts/quads-per-observation.ts DIR [--json]");
    process.exit(2);
  }
  const r = await quadsPerObservation(dir);
  if (values.json) console.log(JSON.stringify(r));
  else {
    console.log(
      `${r.articles} articles, ${r.observations} observations, ${r.articleQuads} article-graph quads: ${r.perObservation.toFixed(1)} quads per observation (+ ${r.referenceQuads} shared reference quads)`,
    );
    console.log("per observation, by subject:");
    for (const [k, v] of Object.entries(r.bySubject)) console.log(`  ${v.toFixed(2).padStart(6)}  ${k}`);
    console.log("per observation, by subject and predicate:");
    for (const [k, v] of Object.entries(r.byPredicate)) console.log(`  ${v.toFixed(2).padStart(6)}  ${k}`);
  }
}
