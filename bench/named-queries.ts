/**
 * Latency of every named query (`queries/*.rq`) in this process, on a loaded store: p50 and
 * p95 of several runs after one warm-up, and the number of result rows (so a rewrite that
 * changes the answer shows). Figures only: nothing is asserted.
 */
import { fileURLToPath } from "node:url";
import { iris as makeIris } from "../src/rdf/iri.js";
import { prefixesFor } from "../src/rdf/prefixes.js";
import { readNamedQueries } from "../src/serve/named-queries.js";
import { KgStore } from "../src/store/index.js";
import { percentile } from "./stats.js";

/** Latency of one named query. */
export interface QueryTiming {
  readonly name: string;
  readonly p50_ms: number;
  readonly p95_ms: number;
  readonly rows: number;
}

/** Something that answers a SPARQL query as a JSON results string. */
export type RunQuery = (sparql: string) => string | Promise<string>;

/** Runs each named query `runs` times (after one warm-up; fewer when one run passes `budgetMs`). */
export async function timeNamedQueries(
  run: RunQuery,
  options: { runs?: number; budgetMs?: number; only?: readonly string[]; place?: string } = {},
): Promise<QueryTiming[]> {
  const runs = options.runs ?? 7;
  const budget = options.budgetMs ?? 5000;
  const out: QueryTiming[] = [];
  for (const q of await readNamedQueries()) {
    if (options.only && !options.only.includes(q.name)) continue;
    // the default place of the queries that take one, replaced by a place of the corpus
    const text = options.place === undefined ? q.text : q.text.replaceAll('"610700"', JSON.stringify(options.place));
    const first = performance.now();
    const json = await run(text);
    const firstMs = performance.now() - first;
    const times: number[] = [];
    const n = firstMs > budget ? 1 : runs;
    if (n === 1) times.push(firstMs);
    else
      for (let i = 0; i < n; i++) {
        const t0 = performance.now();
        await run(text);
        times.push(performance.now() - t0);
      }
    const rows = (JSON.parse(json) as { results?: { bindings?: unknown[] } }).results?.bindings?.length ?? 0;
    out.push({ name: q.name, p50_ms: percentile(times, 50), p95_ms: percentile(times, 95), rows });
  }
  return out;
}

/** The in-process runner of an embedded store (the project's prefixes predeclared). */
export function embeddedRunner(store: KgStore): RunQuery {
  const prefixes = prefixesFor(makeIris());
  return (sparql) => store.queryRaw(sparql, "json", { prefixes });
}

/** Prints a table of timings. */
export function printTimings(timings: readonly QueryTiming[], label = "in-process"): void {
  console.log(`${"query".padEnd(26)}${"p50 ms".padStart(10)}${"p95 ms".padStart(10)}${"rows".padStart(8)}  (${label})`);
  for (const t of timings)
    console.log(
      `${t.name.padEnd(26)}${t.p50_ms.toFixed(1).padStart(10)}${t.p95_ms.toFixed(1).padStart(10)}${String(t.rows).padStart(8)}`,
    );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (dir === undefined) throw new Error("usage: node --import tsx bench/named-queries.ts STORE_DIR [query…]");
  const t0 = performance.now();
  const store = await KgStore.open(dir);
  console.log(`${store.size} quads loaded in ${(performance.now() - t0).toFixed(0)} ms`);
  const only = process.argv.slice(3);
  printTimings(await timeNamedQueries(embeddedRunner(store), only.length > 0 ? { only } : {}));
}
