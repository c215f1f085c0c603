/** `article-kg build PATH...`: ingests articles into the store, each article's graph replaced, saved atomically. */
import { join } from "node:path";
import type * as RDF from "@rdfjs/types";
import { checkDate } from "../../article/read.js";
import { KgError } from "../../errors.js";
import { toTable } from "../../query/index.js";
import { prefixesFor } from "../../rdf/prefixes.js";
import { QB, RDF as RDFV } from "../../rdf/vocab.js";
import { KgStore, STORE_FILE } from "../../store/index.js";
import { CLIError, DEFAULT_STORE, irisOf, parse } from "../args.js";
import { err, out } from "../io.js";
import { articleFiles, extractAll, mapAll, readArticles } from "../pipeline.js";
import { Progress } from "../progress.js";

export const summary = "ingest article files or folders into the store";

export const help = `Usage: article-kg build PATH... [options]

Reads every *.txt file under the given files or folders (recursively), extracts its facts and
stores each article in its own named graph (replacing an earlier build of the same article),
then saves the store atomically. A bad input file stops the build and leaves the saved store
as it was.

Options:
  --store DIR              store directory (default ${DEFAULT_STORE})
  --base IRI               base of the minted IRIs (default https://w3id.org/article-kg/)
  --published YYYY-MM-DD   publication date for every article (else found in each header)
  --summary                also print observations per place and indicator
  -h, --help               show this help
`;

const SUMMARY_QUERY = `SELECT ?place ?indicator (COUNT(?obs) AS ?observations) WHERE {
  ?obs a qb:Observation ; kg:indicator ?i .
  OPTIONAL { ?obs sdmx-dimension:refArea ?p . OPTIONAL { ?p skos:prefLabel ?pl } }
  OPTIONAL { ?i skos:prefLabel ?il FILTER(lang(?il) = "zh-Hans") }
  BIND(COALESCE(STR(?pl), "—") AS ?place)
  BIND(COALESCE(STR(?il), STRAFTER(STR(?i), "/indicator/")) AS ?indicator)
} GROUP BY ?place ?indicator ORDER BY DESC(?observations) ?place ?indicator LIMIT 40`;

export async function run(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    store: { type: "string" },
    base: { type: "string" },
    published: { type: "string" },
    summary: { type: "boolean" },
  });
  if (positionals.length === 0) throw new CLIError("build expects at least one file or folder of articles.");
  const ir = irisOf(values.base);
  const readOptions = values.published === undefined ? {} : { published: checkDate(values.published) };
  const dir = values.store ?? DEFAULT_STORE;
  const started = performance.now();

  const files: string[] = [];
  for await (const f of articleFiles(positionals)) files.push(f);
  if (files.length === 0)
    throw new KgError("E_INPUT_NOT_FOUND", `no *.txt article files under ${positionals.join(", ")}.`);

  const store = await KgStore.open(dir);
  const progress = new Progress(files.length);
  const reference = new Map<string, readonly RDF.Quad[]>();
  let articles = 0;
  let observations = 0;
  let quads = 0;
  try {
    for await (const { extraction, mapped } of mapAll(extractAll(readArticles(iterate(files), readOptions)), ir)) {
      quads += store.replaceGraph(mapped.graph, mapped.quads);
      observations += mapped.quads.filter(
        (q) => q.predicate.value === RDFV.type && q.object.value === QB.Observation,
      ).length;
      for (const [k, v] of mapped.reference) if (!reference.has(k)) reference.set(k, v);
      articles++;
      progress.tick(extraction.article.source);
    }
  } finally {
    progress.done();
  }
  // The reference graph is merged: resources of articles built earlier stay, new ones are added once.
  quads += store.loadQuads(
    (function* () {
      for (const qs of reference.values()) yield* qs;
    })(),
    ir.referenceGraph,
  );
  await store.save();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  await out(
    `Built ${articles} article${articles === 1 ? "" : "s"}: ${observations} observations, ${quads} quads written ` +
      `(store: ${store.size} quads) in ${seconds} s → ${join(dir, STORE_FILE)}\n`,
  );
  if (values.summary) {
    const result = store.query(SUMMARY_QUERY, { prefixes: prefixesFor(ir) });
    if (result.kind === "bindings") await out(toTable(result.variables, result.rows, prefixesFor(ir)));
  }
  if (observations === 0 && articles > 0) err("note: no observations were found (is the extractor still a stub?).");
  return 0;
}

async function* iterate(files: readonly string[]): AsyncGenerator<string> {
  yield* files;
}
