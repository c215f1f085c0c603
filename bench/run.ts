/**
 * `npm run bench [-- --large] [-- --reuse]`: the figures of issue 15 in one run, printed and
 * written to bench-results.json at the repository root. On generated corpora of 1,000 and 10,000
 * articles (and 100,000 with --large): extraction MB/s (one core, all cores), build end to end
 * (articles/s, quads/s, peak RSS) against oxigraph's own load of the same quads, quads per
 * observation, export time per format against N3.js parsing the Turtle, the latency of every
 * named query (p50/p95) against Comunica when installed, a repeated CLI query on the 10,000
 * store with and without a running server, the endpoint under load (autocannon, 50 connections
 * on the 1,000-article store: serve_load), cold start, and the extractor's precision and recall
 * on the generated corpus; with a running Virtuoso (VIRTUOSO_STORE), the build into it against
 * its own bulk load of the same quads (bench/virtuoso.ts). --reuse takes stores built by an
 * earlier run (no build figures then).
 * Figures only: nothing is asserted.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { iris } from "../src/rdf/iri.js";
import { prefixesFor } from "../src/rdf/prefixes.js";
import { KgStore } from "../src/store/index.js";
import { comunicaTimes, n3ParseSeconds, rawLoadSeconds } from "./baselines.js";
import { incrementalRebuild, parallelSpeedup } from "./build-modes.js";
import { measureColdStart } from "./cold-start.bench.js";
import { type BuiltStore, ensureCorpus, ensureStore } from "./corpora.js";
import { scoreGenerated } from "./corpus/evaluate.js";
import { exportTimes } from "./exports.js";
import { extractionThroughput } from "./extraction.js";
import { embeddedRunner, printTimings, type QueryTiming, timeNamedQueries } from "./named-queries.js";
import { cliQuerySeconds, startServe, stopServe } from "./query-cli.js";
import { printServeLoad, serveLoad } from "./serve-load.js";
import { type VirtuosoFigures, virtuosoBuild, virtuosoServer } from "./virtuoso.js";

const { values } = parseArgs({
  options: { large: { type: "boolean" }, reuse: { type: "boolean" }, sizes: { type: "string" } },
});
const SEED = 2;
const SIZES = values.sizes?.split(",").map(Number) ?? (values.large ? [1000, 10000, 100000] : [1000, 10000]);
const OUT = fileURLToPath(new URL("../bench-results.json", import.meta.url));
const started = performance.now();
const log = (line: string) =>
  console.log(`[${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const round = (x: number | null | undefined, d = 3) =>
  x === null || x === undefined || Number.isNaN(x) ? null : Number(x.toFixed(d));

const results: Record<string, unknown> = {
  date: new Date().toISOString(),
  machine: {
    cores: (await import("node:os")).availableParallelism(),
    load: (await import("node:os")).loadavg().map((x) => round(x, 2)),
  },
  notes: [] as string[],
};
const notes = results.notes as string[];

// extraction, on one core and on all cores
const ex = await extractionThroughput();
results.extract_mb_s_1core = round(ex.oneCore, 2);
results.extract_mb_s_all = round(ex.allCores, 2);
log(`extraction: ${ex.oneCore} MB/s on one core, ${ex.allCores} MB/s on ${ex.cores} cores (independent processes)`);

const perSize: Record<string, unknown> = {};
let store1k: BuiltStore | undefined;
let store10k: BuiltStore | undefined;
for (const n of SIZES) {
  const corpus = ensureCorpus(n, SEED);
  log(`corpus ${n}: ${(corpus.bytes / 1e6).toFixed(2)} MB → ${corpus.dir}`);
  const built = await ensureStore(corpus, values.reuse === true);
  if (n === 1000) store1k = built;
  if (n === 10000) store10k = built;
  const raw = rawLoadSeconds(built.dir);
  const figures: Record<string, unknown> = {
    articles: n,
    mb: round(corpus.bytes / 1e6, 2),
    quads: raw.quads,
    build_s: round(built.buildSeconds),
    build_cached: built.cached,
    articles_per_s: built.buildSeconds === undefined ? null : round(n / built.buildSeconds, 1),
    quads_per_s: built.buildSeconds === undefined ? null : Math.round(raw.quads / built.buildSeconds),
    peak_rss_mb: round(built.peakRssMb, 0),
    raw_load_s: round(raw.seconds),
    build_raw_ratio: built.buildSeconds === undefined ? null : round(built.buildSeconds / raw.seconds, 2),
  };
  perSize[String(n)] = figures;
  log(`store ${n}: ${JSON.stringify(figures)}`);
}
results.sizes = perSize;
// beyond one store: the build into Virtuoso against its own bulk load (when one is running:
// `source .ci/services/virtuoso.sh`); the 1,000-article corpus, every size with --large
if (virtuosoServer() === undefined)
  notes.push("virtuoso: not measured (no VIRTUOSO_STORE: source .ci/services/virtuoso.sh first)");
else {
  const virtuoso: Record<string, VirtuosoFigures> = {};
  for (const n of values.large ? SIZES : SIZES.filter((x) => x === 1000)) {
    const corpus = ensureCorpus(n, SEED);
    virtuoso[String(n)] = await virtuosoBuild(corpus, (await ensureStore(corpus, true)).dir);
    log(`virtuoso ${n}: ${JSON.stringify(virtuoso[String(n)])}`);
  }
  results.virtuoso = virtuoso;
}
const first = perSize["1000"] as Record<string, unknown>;
const tenK = perSize["10000"] as Record<string, unknown> | undefined;
// the parallel build (1,000 articles, --jobs 1 against one thread per core) and an incremental
// rebuild with one article changed, of the biggest store (its save time reported apart)
{
  const corpus = ensureCorpus(1000, SEED);
  const par = await parallelSpeedup(corpus);
  results.parallel_speedup = round(par.speedup, 2);
  results.parallel_build = { jobs1_s: round(par.oneJob_s), jobs: par.jobs, jobs_all_s: round(par.allJobs_s) };
  log(
    `parallel build of 1,000 articles: --jobs 1 ${par.oneJob_s.toFixed(1)} s, --jobs ${par.jobs} ${par.allJobs_s.toFixed(1)} s: ${par.speedup.toFixed(2)}×`,
  );
  const n = store10k === undefined ? 1000 : 10000;
  const target = store10k ?? store1k;
  if (target !== undefined) {
    const inc = await incrementalRebuild(ensureCorpus(n, SEED), target.dir);
    results.incremental_s = round(inc.seconds);
    results.incremental_save_s = round(inc.saveSeconds);
    results.incremental_without_save_s = inc.saveSeconds === null ? null : round(inc.seconds - inc.saveSeconds);
    results.incremental_articles = n;
    results.incremental_peak_rss_mb = round(inc.peakRssMb, 0);
    log(
      `incremental rebuild of ${n} articles, one changed: ${inc.seconds.toFixed(1)} s wall, of which saving ${inc.saveSeconds ?? "?"} s (${inc.summary})`,
    );
  }
}
results.build_raw_ratio = (tenK?.build_raw_ratio ?? first.build_raw_ratio) as number | null;
results.peak_rss_mb = (tenK?.peak_rss_mb ?? first.peak_rss_mb) as number | null;

// on the 1,000-article store (~600 k quads): quads per observation, exports, queries, baselines
if (store1k === undefined) throw new Error("no 1,000-article store");
const store = await KgStore.open(store1k.dir);
const prefixes = prefixesFor(iris());
const count = store.query("SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o a qb:Observation }", { prefixes });
const observations = count.kind === "bindings" ? Number(count.rows[0]?.get("n")?.value ?? 0) : 0;
results.quads_per_observation = round(store.size / Math.max(1, observations), 1);
// the place with the most observations, for the queries that take one (so that they return rows)
const busiest = store.query(
  "SELECT ?code (COUNT(?o) AS ?n) WHERE { ?o sdmx-dimension:refArea ?p . ?p skos:notation ?code } GROUP BY ?code ORDER BY DESC(?n) ?code LIMIT 1",
  { prefixes },
);
const PLACE = (busiest.kind === "bindings" ? busiest.rows[0]?.get("code")?.value : undefined) ?? "610700";
results.query_place = PLACE;
log(
  `1,000 articles: ${store.size} quads, ${observations} observations, ${results.quads_per_observation} quads per observation`,
);

/** The figures of named-query timings in bench-results.json, by query name. */
function timingFigures(timings: readonly QueryTiming[]): Record<string, unknown> {
  return Object.fromEntries(
    timings.map((t) => [
      t.name,
      {
        p50_ms: round(t.p50_ms, 1),
        p95_ms: round(t.p95_ms, 1),
        rows: t.rows,
        columns: t.columns,
        floor_ms: round(t.floor_ms, 1),
      },
    ]),
  );
}

const tmp = mkdtempSync(join(tmpdir(), "kg-bench-"));
try {
  const ex2 = await exportTimes(store, tmp);
  results.export_s = Object.fromEntries(Object.entries(ex2.seconds).map(([k, v]) => [k, round(v)]));
  log(`export: ${JSON.stringify(results.export_s)}`);
  const { readFileSync } = await import("node:fs");
  const turtle = readFileSync(ex2.files.turtle as string, "utf8");
  const n3 = await n3ParseSeconds(turtle);
  results.n3_parse_turtle_s = round(n3.seconds);
  results.n3_parse_vs_raw_load = round(n3.seconds / ((first.raw_load_s as number) || 1), 2);
  log(
    `N3.js parses the Turtle (${n3.quads} quads) in ${n3.seconds.toFixed(2)} s; oxigraph loads the N-Quads in ${first.raw_load_s} s`,
  );

  const timings = await timeNamedQueries(embeddedRunner(store), { runs: 9, place: PLACE });
  printTimings(timings, "in-process, 1,000-article store");
  results.queries_1k = timingFigures(timings);
  const slowest = timings.reduce<QueryTiming | undefined>(
    (a, t) => (a === undefined || t.p50_ms > a.p50_ms ? t : a),
    undefined,
  );
  results.slowest_named_query_ms = round(slowest?.p50_ms, 1);
  results.slowest_named_query = slowest?.name ?? null;

  const comunica = await comunicaTimes(turtle, prefixes);
  if (comunica.note) notes.push(comunica.note);
  results.comunica_ratio = Object.fromEntries(
    timings.map((t) => {
      const c = comunica.times[t.name];
      return [t.name, c === undefined || c === null ? null : round(c / Math.max(t.p50_ms, 0.01), 1)];
    }),
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

// the 10,000-article store: named queries in-process, and a repeated CLI query
if (store10k !== undefined) {
  const big = await KgStore.open(store10k.dir);
  const timings = await timeNamedQueries(embeddedRunner(big), { runs: 5, place: PLACE });
  printTimings(timings, "in-process, 10,000-article store");
  results.queries_10k = timingFigures(timings);
  const args = ["indicator-series", "--param", `place=${PLACE}`];
  results.query_10k_noserver_s = round(await cliQuerySeconds(store10k.dir, [...args, "--no-server"], 1));
  const server = await startServe(store10k.dir);
  try {
    results.query_10k_s = round(await cliQuerySeconds(store10k.dir, args, 7));
  } finally {
    await stopServe(server);
  }
  log(
    `repeated CLI query on 10,000 articles: ${results.query_10k_s} s p50 with serve running, ${results.query_10k_noserver_s} s loading the store`,
  );
} else results.query_10k_s = null;

// the endpoint under load: a named query and a small one, 50 connections, 10 s each
const serveLoadFigures = await serveLoad(store1k.dir, { place: PLACE, label: "generated 1,000 articles (seed 2)" });
results.serve_load = serveLoadFigures;
printServeLoad(serveLoadFigures);

// cold start, and accuracy on the generated corpus
const cold = measureColdStart(5);
results.help_s = round(cold.help_s);
results.extract_one_s = round(cold.extract_one_s);
results.node_s = round(cold.node_s);
log(
  `cold start: --help ${cold.help_s.toFixed(3)} s, extract one ${cold.extract_one_s.toFixed(3)} s (node -e 0 ${cold.node_s.toFixed(3)} s)`,
);
const score = scoreGenerated(SEED, 1000) as { precision: number; recall: number };
results.generated_precision = round(score.precision, 4);
results.generated_recall = round(score.recall, 4);
log(`generated 1,000 articles: precision ${score.precision.toFixed(4)}, recall ${score.recall.toFixed(4)}`);

results.total_s = round((performance.now() - started) / 1000, 0);
writeFileSync(OUT, `${JSON.stringify(results, null, 2)}\n`);
console.log(JSON.stringify(results, null, 2));
log(`wrote ${OUT}`);
