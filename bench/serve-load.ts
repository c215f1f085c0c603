/**
 * The endpoint under load, as a separate `article-kg serve` process with its default workers:
 * autocannon (in this process) keeps CONNECTIONS connections busy for SECONDS on a named query
 * (POST application/sparql-query, JSON results) and then on a small query (GET /sparql?query=ASK…).
 * Reported for each: requests/s, p50/p95/p99 latency (from every response's time; autocannon's
 * own histogram has no p95), non-2xx answers, connection errors and timeouts; and the server's
 * resident memory (its /proc VmRSS) before the load, the highest sampled during it, and after.
 * Figures only: nothing is asserted.
 *
 *   npm run bench:load [-- --articles 1000] [-- --seconds 10] [-- --connections 50]
 *
 * Without --articles the store is built from data/samples (two articles, a quick default);
 * with it, from the generated corpus of that size (cached, see corpora.ts). Standalone, the
 * figures go into bench-results.json under `serve_load` (the other keys are kept); `npm run
 * bench` runs it on its 1,000-article store.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { readNamedQueries } from "../src/serve/named-queries.js";
import { ensureCorpus, ensureStore, runCommand } from "./corpora.js";
import { percentile } from "./stats.js";

const BIN = fileURLToPath(new URL("../bin/article-kg.js", import.meta.url));
const SAMPLES = fileURLToPath(new URL("../data/samples", import.meta.url));
const OUT = fileURLToPath(new URL("../bench-results.json", import.meta.url));
const JSON_RESULTS = "application/sparql-results+json";
/** The small query of the second run. */
const SMALL_QUERY = "ASK { ?s a qb:Observation }";

/** Figures of one autocannon run. */
export interface LoadFigures {
  readonly target: string;
  readonly requests: number;
  readonly requests_per_s: number;
  readonly p50_ms: number;
  readonly p95_ms: number;
  readonly p99_ms: number;
  readonly max_ms: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly status_codes: Record<string, number>;
  /** Highest resident memory of the server sampled during this run, in MiB. */
  readonly rss_max_mb: number;
}

/** Figures of the whole load benchmark. */
export interface ServeLoadResult {
  readonly store: string;
  readonly connections: number;
  readonly seconds: number;
  readonly named: LoadFigures;
  readonly small: LoadFigures;
  readonly rss_mb: { readonly before: number; readonly during_max: number; readonly after: number };
  /** HTTP status of one query sent after the load (200: still answering). */
  readonly after_status: number;
}

/** Resident memory of a process in MiB (Linux /proc). */
function rssMb(pid: number): number {
  const m = /^VmRSS:\s+(\d+) kB$/mu.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return Math.round(Number(m?.[1] ?? 0) / 1024);
}

/** Starts `article-kg serve` on a free port; resolves with its URL once it listens. Its log is drained. */
function startServe(store: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [BIN, "serve", "--store", store, "--port", "0"], {
    stdio: ["ignore", "ignore", "pipe"],
  });
  let head = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start:\n${head}`)), 600_000);
    // the access log writes a line per request: it is read and dropped, or the pipe would fill
    child.stderr?.on("data", (c: Buffer) => {
      if (head.length > 10_000) return;
      head += c.toString("utf8");
      const m = /serving .* at (http:\/\/[^/\s]+)\//u.exec(head);
      if (m?.[1]) {
        clearTimeout(timer);
        head = "x".repeat(10_001);
        resolve({ child, url: m[1] });
      }
    });
    child.once("exit", (code) => reject(new Error(`serve exited with ${code}:\n${head}`)));
  });
}

async function stopServe(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill("SIGTERM");
  await exited;
}

/** One autocannon run, sampling the server's memory meanwhile. */
function load(
  options: autocannon.Options,
  target: string,
  pid: number,
  onRss: (mb: number) => void,
): Promise<LoadFigures> {
  const times: number[] = [];
  let rssMax = 0;
  const sampler = setInterval(() => {
    const mb = rssMb(pid);
    rssMax = Math.max(rssMax, mb);
    onRss(mb);
  }, 200);
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (err, r) => {
      clearInterval(sampler);
      if (err) return reject(err);
      const codes = Object.fromEntries(
        Object.entries(r.statusCodeStats as Record<string, { count: number }>).map(([k, v]) => [k, v.count]),
      );
      const round = (x: number) => Number(x.toFixed(1));
      resolve({
        target,
        requests: r.requests.total,
        requests_per_s: round(r.requests.total / Math.max(r.duration, 0.001)),
        p50_ms: round(percentile(times, 50)),
        p95_ms: round(percentile(times, 95)),
        p99_ms: round(percentile(times, 99)),
        max_ms: round(Math.max(0, ...times)),
        non2xx: r.non2xx,
        errors: r.errors,
        timeouts: r.timeouts,
        status_codes: codes,
        rss_max_mb: rssMax,
      });
    });
    instance.on("response", (_client, _status, _bytes, ms) => {
      times.push(ms);
    });
  });
}

/** Runs the load benchmark against a server started on `storeDir`. */
export async function serveLoad(
  storeDir: string,
  options: { place: string; query?: string; connections?: number; seconds?: number; label?: string },
): Promise<ServeLoadResult> {
  const connections = options.connections ?? 50;
  const seconds = options.seconds ?? 10;
  const name = options.query ?? "facts-by-place";
  const named = (await readNamedQueries()).find((q) => q.name === name);
  if (named === undefined) throw new Error(`no named query ${name}`);
  const text = named.text.replaceAll('"610700"', JSON.stringify(options.place));
  const server = await startServe(storeDir);
  const pid = server.child.pid as number;
  try {
    // warm up: one of each, so "before" is the memory of a server that has answered
    for (const q of [text, SMALL_QUERY]) {
      const r = await fetch(`${server.url}/sparql?query=${encodeURIComponent(q)}`, {
        headers: { accept: JSON_RESULTS },
      });
      if (r.status !== 200) throw new Error(`warm-up query answered ${r.status}: ${await r.text()}`);
      await r.text();
    }
    const before = rssMb(pid);
    let duringMax = before;
    const seen = (mb: number) => {
      duringMax = Math.max(duringMax, mb);
    };
    const namedFigures = await load(
      {
        url: `${server.url}/sparql`,
        method: "POST",
        headers: { "content-type": "application/sparql-query", accept: JSON_RESULTS },
        body: text,
        connections,
        duration: seconds,
      },
      `POST /sparql (named query ${name})`,
      pid,
      seen,
    );
    const smallFigures = await load(
      {
        url: `${server.url}/sparql?query=${encodeURIComponent(SMALL_QUERY)}`,
        headers: { accept: JSON_RESULTS },
        connections,
        duration: seconds,
      },
      `GET /sparql?query=${SMALL_QUERY}`,
      pid,
      seen,
    );
    // requests still queued when autocannon stopped finish first
    await new Promise((r) => setTimeout(r, 1000));
    const after = rssMb(pid);
    const check = await fetch(`${server.url}/sparql?query=${encodeURIComponent(SMALL_QUERY)}`, {
      headers: { accept: JSON_RESULTS },
    });
    await check.text();
    return {
      store: options.label ?? storeDir,
      connections,
      seconds,
      named: namedFigures,
      small: smallFigures,
      rss_mb: { before, during_max: duringMax, after },
      after_status: check.status,
    };
  } finally {
    await stopServe(server.child);
  }
}

/** Prints the figures as a table. */
export function printServeLoad(r: ServeLoadResult): void {
  const pad = (x: unknown, n = 9) => String(x).padStart(n);
  console.log(`\nserve under load: ${r.connections} connections, ${r.seconds} s each, store ${r.store}`);
  console.log(
    `${"target".padEnd(44)}${pad("req/s")}${pad("p50 ms")}${pad("p95 ms")}${pad("p99 ms")}${pad("max ms")}${pad("non-2xx")}${pad("errors")}${pad("RSS max")}`,
  );
  for (const f of [r.named, r.small])
    console.log(
      `${f.target.slice(0, 43).padEnd(44)}${pad(f.requests_per_s)}${pad(f.p50_ms)}${pad(f.p95_ms)}${pad(f.p99_ms)}${pad(f.max_ms)}${pad(f.non2xx)}${pad(f.errors + f.timeouts)}${pad(`${f.rss_max_mb} MiB`, 10)}`,
    );
  console.log(
    `server RSS: ${r.rss_mb.before} MiB before, ${r.rss_mb.during_max} MiB at most during, ${r.rss_mb.after} MiB after; a query afterwards: ${r.after_status}`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      articles: { type: "string" },
      seconds: { type: "string" },
      connections: { type: "string" },
      query: { type: "string" },
    },
  });
  const tmp = mkdtempSync(join(tmpdir(), "kg-bench-load-"));
  try {
    let store: string;
    let place: string;
    let label: string;
    if (values.articles === undefined) {
      store = join(tmp, "store");
      const run = await runCommand(["build", SAMPLES, "--store", store]);
      if (run.code !== 0) throw new Error(`build of data/samples exited ${run.code}: ${run.stderr}`);
      place = "621100";
      label = "data/samples";
    } else {
      const corpus = ensureCorpus(Number(values.articles), 2);
      store = (await ensureStore(corpus, true)).dir;
      place = "230000";
      label = `generated ${values.articles} articles (seed 2)`;
    }
    const result = await serveLoad(store, {
      place,
      label,
      ...(values.query === undefined ? {} : { query: values.query }),
      ...(values.seconds === undefined ? {} : { seconds: Number(values.seconds) }),
      ...(values.connections === undefined ? {} : { connections: Number(values.connections) }),
    });
    printServeLoad(result);
    const previous = existsSync(OUT) ? (JSON.parse(readFileSync(OUT, "utf8")) as Record<string, unknown>) : {};
    writeFileSync(OUT, `${JSON.stringify({ ...previous, serve_load: result }, null, 2)}\n`);
    console.log(`wrote serve_load to ${OUT}`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await main();
