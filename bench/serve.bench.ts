/**
 * `npm run bench:serve`: the endpoint under concurrent load (autocannon) on the graph of a
 * large synthetic corpus — requests per second and p50/p99 latency for each named query —
 * and how long a runaway query takes to be cut off while other requests keep answering.
 * Prints figures only; asserts nothing on time. BENCH_ARTICLES (default 2000) sets the size.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as RDF from "@rdfjs/types";
import autocannon from "autocannon";
import { graphOfExtraction } from "../src/build/article-graph.js";
import { iris as makeIris } from "../src/rdf/iri.js";
import { prefixesFor } from "../src/rdf/prefixes.js";
import { readNamedQueries } from "../src/serve/named-queries.js";
import { startServer } from "../src/serve/server.js";
import { KgStore } from "../src/store/index.js";
import type { Extraction, Observation, PlaceRef } from "../src/types.js";

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 2000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 4);
const CONNECTIONS = 8;
const INDICATORS = [
  ["poverty-exit-persons", "PERSON", "脱贫人口"],
  ["funds-invested", "CNY", "投入资金"],
  ["poverty-incidence", "PERCENT", "贫困发生率"],
  ["road-km", "KM", "农村公路"],
  ["relocated-households", "HOUSEHOLD", "搬迁户数"],
] as const;

function place(i: number): PlaceRef {
  const code = String(610000 + (i % 400) * 100 + 1).padStart(6, "0");
  return { code, name: `合成${i % 400}县`, level: "county", parent: "610000" };
}

/** A synthetic article: one sentence per fact, spans computed on the text. */
function article(n: number): Extraction {
  const p = place(n);
  const sentences: string[] = [];
  const observations: Observation[] = [];
  let offset = [...`合成报道${n}\n`].length;
  for (let k = 0; k < 10; k++) {
    const [indicator, unit, label] = INDICATORS[k % INDICATORS.length] as (typeof INDICATORS)[number];
    const year = 2014 + ((n + k) % 8);
    const value = String(((n * 7919 + k * 104729) % 100000) + 1);
    const number = `${value}单位`;
    const sentence = `${year}年，${p.name}${label}达到${number}。`;
    const cps = [...sentence];
    const at = cps.length - [...number].length - 1;
    observations.push({
      index: k + 1,
      indicator,
      value,
      unit,
      place: p,
      period: { start: year, end: k % 3 === 0 ? year + 2 : year, phrase: `${year}年` },
      span: { start: offset + at, end: offset + at + [...number].length, exact: number },
      context: { start: offset, end: offset + cps.length, exact: sentence },
      kind: k % 4 === 3 ? "target" : "result",
      programs: [],
    });
    sentences.push(sentence);
    offset += cps.length;
  }
  const text = `合成报道${n}\n${sentences.join("")}`;
  return {
    article: { id: `synthetic-${n}`, source: `synthetic/${n}.txt`, title: `合成报道${n}`, text, script: "simplified" },
    mainPlace: p,
    places: [],
    programs: [],
    observations,
  };
}

async function buildStore(dir: string): Promise<number> {
  const iris = makeIris();
  const store = await KgStore.open(dir);
  const reference = new Map<string, readonly RDF.Quad[]>();
  let batch: RDF.Quad[] = [];
  for (let n = 0; n < ARTICLES; n++) {
    const mapped = graphOfExtraction(article(n), iris);
    batch.push(...mapped.quads);
    for (const [k, v] of mapped.reference) if (!reference.has(k)) reference.set(k, v);
    if (batch.length > 200_000) {
      store.loadQuads(batch);
      batch = [];
    }
  }
  store.loadQuads(batch);
  store.loadQuads([...reference.values()].flat());
  await store.save();
  return store.size;
}

const fmt = (n: number, d = 0) => n.toFixed(d).padStart(8);

/** Waits until every worker is free (requests left running by the load generator end or time out). */
async function idle(pool: { idle: number }, workers = 2): Promise<void> {
  const until = performance.now() + 60_000;
  while (pool.idle < workers && performance.now() < until) await new Promise((r) => setTimeout(r, 20));
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "kg-bench-serve-"));
  try {
    let t = performance.now();
    const quads = await buildStore(dir);
    console.log(
      `synthetic corpus: ${ARTICLES} articles, ${quads} quads, built in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    t = performance.now();
    const server = await startServer({
      storeDir: dir,
      port: 0,
      host: "127.0.0.1",
      timeoutMs: 3000,
      workers: 2,
      log: () => {},
    });
    console.log(`server: 2 workers loaded the store in ${(performance.now() - t).toFixed(0)} ms`);
    console.log(
      `\nload: ${CONNECTIONS} connections, ${DURATION} s per query (POST application/sparql-query, JSON results)`,
    );
    // baseline, measured in the same run: the same query on the same store in this process,
    // without HTTP, workers or serialisation to the client
    const direct = await KgStore.open(dir);
    console.log(
      `${"query".padEnd(26)}${"req/s".padStart(8)}${"p50 ms".padStart(8)}${"p99 ms".padStart(8)}${"2xx".padStart(8)}${"503".padStart(8)}${"other".padStart(8)}${"direct".padStart(9)}${"p50/dir".padStart(9)}`,
    );
    const code = place(1).code;
    for (const q of await readNamedQueries()) {
      const body = q.text.replaceAll('"610700"', `"${code}"`);
      const r = await autocannon({
        url: `${server.url}/sparql`,
        method: "POST",
        headers: { "content-type": "application/sparql-query", accept: "application/sparql-results+json" },
        body,
        connections: CONNECTIONS,
        duration: DURATION,
      });
      const runs: number[] = [];
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        direct.queryRaw(body, "json", { prefixes: prefixesFor(makeIris()) });
        runs.push(performance.now() - t0);
        if (runs[0] !== undefined && runs[0] > 1000) break;
      }
      const directMs = runs.sort((a, b) => a - b)[runs.length >> 1] ?? 0;
      const codes = r.statusCodeStats as Record<string, { count: number } | undefined>;
      const timedOut = codes["503"]?.count ?? 0;
      console.log(
        `${q.name.padEnd(26)}${fmt(r.requests.average, 1)}${fmt(r.latency.p50)}${fmt(r.latency.p99)}${fmt(r["2xx"])}${fmt(timedOut)}${fmt(r.non2xx - timedOut + r.errors)}${fmt(directMs, 1)} ${fmt(r.latency.p50 / Math.max(directMs, 0.1), 1)}×`,
      );
      await idle(server.pool);
    }

    // A runaway query against a prompt one polled every 50 ms (the pool idle first).
    await idle(server.pool);
    const slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    const started = performance.now();
    const slowAnswer = fetch(`${server.url}/sparql?query=${encodeURIComponent(slow)}`).then(async (r) => ({
      status: r.status,
      ms: performance.now() - started,
      body: await r.text(),
    }));
    const fastMs: number[] = [];
    let done = false;
    void slowAnswer.then(() => {
      done = true;
    });
    while (!done) {
      const f = performance.now();
      const r = await fetch(`${server.url}/sparql?query=${encodeURIComponent("ASK { ?s a qb:Observation }")}`);
      await r.text();
      fastMs.push(performance.now() - f);
      await new Promise((res) => setTimeout(res, 50));
    }
    const s = await slowAnswer;
    fastMs.sort((a, b) => a - b);
    console.log(`\nrunaway query (time limit 3000 ms): answered ${s.status} after ${s.ms.toFixed(0)} ms`);
    console.log(
      `  meanwhile ${fastMs.length} simple queries answered, median ${fastMs[fastMs.length >> 1]?.toFixed(1)} ms, max ${fastMs.at(-1)?.toFixed(1)} ms`,
    );
    const reloadStarted = performance.now();
    while (server.pool.stats.restarts > 0 && server.pool.idle < 2 && performance.now() - reloadStarted < 120_000)
      await new Promise((res) => setTimeout(res, 20));
    console.log(
      `  the stopped worker reloaded ${server.pool.stats.quads} quads in ${server.pool.stats.lastLoadMs.toFixed(0)} ms`,
    );
    await server.close();
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
