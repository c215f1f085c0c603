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
  /** Columns of the answer. */
  readonly columns: number;
  /**
   * p50 of the output floor: a bare scan of the store answering the same number of rows and
   * columns of IRIs (`SELECT ?s ?o … { ?s a ?o } LIMIT rows`), so that a listing query's time can
   * be read against what writing its answer alone costs.
   */
  readonly floor_ms: number;
}

/** A query that answers `rows` rows of `columns` terms by a bare scan (the output floor). */
export function floorQuery(rows: number, columns: number): string {
  // rdf:type statements: IRIs of a usual length (a scan of every statement met article texts)
  const vars = ["?s", "?o"];
  const projection = Array.from({ length: Math.max(1, columns) }, (_, i) =>
    i < vars.length ? vars[i] : `(${vars[i % vars.length]} AS ?c${i})`,
  );
  return `SELECT ${projection.join(" ")} WHERE { ?s a ?o } LIMIT ${rows}`;
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
    const n = firstMs > budget ? 1 : runs;
    const times = n === 1 ? [firstMs] : await timeRuns(run, text, n);
    const answer = JSON.parse(json) as { head?: { vars?: unknown[] }; results?: { bindings?: unknown[] } };
    const rows = answer.results?.bindings?.length ?? 0;
    const columns = answer.head?.vars?.length ?? 0;
    const floor = rows === 0 ? [0] : await timeRuns(run, floorQuery(rows, columns), Math.min(n, 5) + 1);
    out.push({
      name: q.name,
      p50_ms: percentile(times, 50),
      p95_ms: percentile(times, 95),
      rows,
      columns,
      floor_ms: percentile(floor.slice(floor.length > 1 ? 1 : 0), 50),
    });
  }
  return out;
}

/** Wall times (ms) of `n` runs of a query. */
async function timeRuns(run: RunQuery, text: string, n: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await run(text);
    times.push(performance.now() - t0);
  }
  return times;
}

/** The in-process runner of an embedded store (the project's prefixes predeclared). */
export function embeddedRunner(store: KgStore): RunQuery {
  const prefixes = prefixesFor(makeIris());
  return (sparql) => store.queryRaw(sparql, "json", { prefixes });
}

/** Prints a table of timings. */
export function printTimings(timings: readonly QueryTiming[], label = "in-process"): void {
  console.log(
    `${"query".padEnd(26)}${"p50 ms".padStart(10)}${"p95 ms".padStart(10)}${"rows×cols".padStart(12)}${"floor ms".padStart(10)}  (${label}; floor: a bare scan answering as many rows and columns)`,
  );
  for (const t of timings)
    console.log(
      `${t.name.padEnd(26)}${t.p50_ms.toFixed(1).padStart(10)}${t.p95_ms.toFixed(1).padStart(10)}${`${t.rows}×${t.columns}`.padStart(12)}${t.floor_ms.toFixed(1).padStart(10)}`,
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
