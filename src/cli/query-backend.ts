/**
 * Where `article-kg query` runs a query on a store directory: on the `article-kg serve` that
 * holds the same store (found through `<dir>/serve.json`: no reload of the store, a repeated
 * query answers in the time of the query), else on the store loaded here. With a time limit,
 * a local query runs in a worker thread, which is stopped when the limit passes (an Oxigraph
 * query cannot be interrupted otherwise); the store's loading is not counted.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { KgError } from "../errors.js";
import { sparqlPrologue } from "../rdf/prefixes.js";
import { parseQueryAnswer } from "../store/remote.js";
import type { QueryResult } from "../store/result.js";
import { DATA_FILE, findServer, type ServedStore } from "../store/served.js";
import { type ParsedQuery, parseSparql } from "../store/sparql.js";

/** Options of `queryStoreDir`. */
export interface StoreQueryOptions {
  readonly prefixes: Readonly<Record<string, string>>;
  /** Base of the kg: prefix: a server is used only when it serves the same base. */
  readonly base: string;
  /** Time limit of the query in milliseconds (none when absent). */
  readonly timeoutMs?: number;
  /** Whether to look for a running server (default true). */
  readonly useServer?: boolean;
}

/** Which way a query went, for tests and the benchmark. */
export type QueryRoute = "server" | "local" | "worker";

/** Runs a query on a store directory; see the module comment for the way it takes. */
export async function queryStoreDir(
  dir: string,
  sparql: string,
  options: StoreQueryOptions,
): Promise<{ result: QueryResult; route: QueryRoute }> {
  // Syntax errors first, the same way on every route (line and column of the user's text).
  const parsed = parseSparql(`${sparqlPrologue(options.prefixes)}\n${sparql}`, 1);
  if (parsed.form === "UPDATE") throw new KgError("E_USAGE", "query runs queries; a SPARQL Update is not accepted.");
  const served = options.useServer === false ? undefined : findServer(dir, options.base);
  if (served !== undefined) {
    const result = await askServer(served, sparql, parsed, options.timeoutMs);
    if (result !== undefined) return { result, route: "server" };
  }
  const { openExisting } = await import("./commands/store.js");
  if (options.timeoutMs === undefined) {
    const store = await openExisting(dir);
    return { result: store.query(sparql, { prefixes: options.prefixes }), route: "local" };
  }
  return { result: await inWorker(dir, sparql, parsed, options.prefixes, options.timeoutMs), route: "worker" };
}

const RESULTS_JSON = "application/sparql-results+json";
const GRAPH = "application/n-triples";

/**
 * Asks the server; undefined when it cannot answer for this store (gone, not a SPARQL server,
 * or stopped by its own time limit when the caller set none): the caller loads the store.
 */
async function askServer(
  served: ServedStore,
  sparql: string,
  parsed: ParsedQuery,
  timeoutMs: number | undefined,
): Promise<QueryResult | undefined> {
  const graphForm = parsed.form === "CONSTRUCT" || parsed.form === "DESCRIBE";
  let res: Response;
  try {
    res = await fetch(`${served.url}/sparql`, {
      method: "POST",
      headers: { "content-type": "application/sparql-query", accept: graphForm ? GRAPH : RESULTS_JSON },
      body: sparql,
      ...(timeoutMs === undefined ? {} : { signal: AbortSignal.timeout(timeoutMs) }),
    });
  } catch (e) {
    if (e instanceof Error && e.name === "TimeoutError") throw timeoutError(timeoutMs ?? 0);
    return undefined;
  }
  const text = await res.text();
  const contentType = res.headers.get("content-type") ?? "";
  if (res.ok) {
    if (!contentType.startsWith(graphForm ? GRAPH : RESULTS_JSON)) return undefined;
    return parseQueryAnswer({ status: res.status, contentType, text }, parsed);
  }
  const error = errorOf(text);
  if (error === undefined) return undefined;
  if (error.code === "E_TIMEOUT") {
    if (timeoutMs === undefined) return undefined;
    throw timeoutError(timeoutMs);
  }
  // The server's own failures (busy, closing, out of memory): run it here instead.
  if (res.status >= 500) return undefined;
  throw new KgError(
    error.code === "E_SPARQL_SYNTAX" ? "E_SPARQL_SYNTAX" : error.code === "E_USAGE" ? "E_USAGE" : "E_STORE",
    error.message,
    {
      context: {
        ...(error.line === undefined ? {} : { line: error.line }),
        ...(error.column === undefined ? {} : { column: error.column }),
      },
    },
  );
}

interface ServerError {
  readonly code: string;
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

/** The `{ error: { code, message } }` body of the server, or undefined for anything else. */
function errorOf(text: string): ServerError | undefined {
  try {
    const e = (JSON.parse(text) as { error?: Partial<ServerError> }).error;
    if (typeof e?.code !== "string" || typeof e.message !== "string") return undefined;
    return e as ServerError;
  } catch {
    return undefined;
  }
}

function timeoutError(ms: number): KgError {
  return new KgError(
    "E_TIMEOUT",
    `the query ran past the time limit of ${ms} ms (--timeout) and was stopped; simplify it (LIMIT, fewer joins) or give a longer --timeout.`,
  );
}

/** Loads the store in a worker thread and runs the query there under the time limit. */
async function inWorker(
  dir: string,
  sparql: string,
  parsed: ParsedQuery,
  prefixes: Readonly<Record<string, string>>,
  timeoutMs: number,
): Promise<QueryResult> {
  if (!existsSync(join(dir, DATA_FILE))) {
    const { openExisting } = await import("./commands/store.js");
    await openExisting(dir); // throws its message: no store here
  }
  const { WorkerPool } = await import("../serve/pool.js");
  const pool = new WorkerPool({
    size: 1,
    data: { storeDir: dir, prefixes },
    timeoutMs,
    // no memory budget of the server's kind: the command may use what the machine has
    memoryBudgetMb: 64 * 1024,
  });
  try {
    await pool.start();
    const graphForm = parsed.form === "CONSTRUCT" || parsed.form === "DESCRIBE";
    const body = await pool.read({ op: "query", text: sparql, format: graphForm ? "nt" : "json", dataset: {} });
    return parseQueryAnswer({ status: 200, contentType: graphForm ? GRAPH : RESULTS_JSON, text: body }, parsed);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (code === "E_TIMEOUT") throw timeoutError(timeoutMs);
    if (e instanceof KgError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    throw new KgError(code === "E_SPARQL_SYNTAX" ? "E_SPARQL_SYNTAX" : "E_STORE", message, { cause: e });
  } finally {
    await pool.close();
  }
}
