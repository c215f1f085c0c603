/** Starting and stopping the server: the worker pool, then the HTTP application on a port. */
import { availableParallelism } from "node:os";
import { KgError } from "../errors.js";
import { iris as makeIris } from "../rdf/iri.js";
import { prefixesFor } from "../rdf/prefixes.js";
import { type LogSink, stderrSink } from "./access-log.js";
import { buildApp } from "./app.js";
import type { ServeContext } from "./context.js";
import { WorkerPool } from "./pool.js";

/** Options of `serve`. */
export interface ServeOptions {
  /** Store directory (its `store.nq` is loaded by every worker; absent: an empty store). */
  readonly storeDir: string | undefined;
  readonly port: number;
  readonly host: string;
  /** Base of the entity IRIs that dereference here. */
  readonly base?: string;
  /** Time limit of a query, in ms. */
  readonly timeoutMs: number;
  readonly workers?: number;
  readonly allowUpdate?: boolean;
  readonly token?: string;
  /** Memory budget of queries and updates, in MiB (see PoolOptions.memoryBudgetMb). */
  readonly memoryBudgetMb?: number;
  /** Largest request body, in bytes. */
  readonly bodyLimit?: number;
  readonly log?: LogSink;
  /** Called after a write (SPARQL Update, Graph Store) has been saved to the store file. */
  readonly onSaved?: () => void;
}

/** A running server. */
export interface RunningServer {
  /** `http://host:port` as bound (port 0 gives a free port). */
  readonly url: string;
  readonly pool: WorkerPool;
  close(): Promise<void>;
}

/** Default number of workers: two (one can be reloading while the other answers), at most the cores. */
export function defaultWorkers(): number {
  return Math.max(2, Math.min(4, availableParallelism()));
}

/** Starts the pool and the HTTP server. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const log = options.log ?? stderrSink;
  const iris = makeIris(options.base);
  const prefixes = prefixesFor(iris);
  const pool = new WorkerPool({
    size: options.workers ?? defaultWorkers(),
    data: { storeDir: options.storeDir, prefixes },
    timeoutMs: options.timeoutMs,
    ...(options.memoryBudgetMb === undefined ? {} : { memoryBudgetMb: options.memoryBudgetMb }),
    log,
    ...(options.onSaved === undefined ? {} : { onSaved: options.onSaved }),
  });
  const started = performance.now();
  await pool.start();
  log(`serve: ${pool.stats.quads} quads loaded by each worker in ${(performance.now() - started).toFixed(0)} ms`);
  const ctx: ServeContext = {
    pool,
    iris,
    prefixes,
    access: { allowUpdate: options.allowUpdate === true, token: options.token },
  };
  const app = buildApp(ctx, { bodyLimit: options.bodyLimit ?? 1 << 20, log });
  try {
    await app.listen({ port: options.port, host: options.host });
  } catch (e) {
    await pool.close();
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EADDRINUSE" || code === "EACCES" || code === "EADDRNOTAVAIL")
      throw new KgError(
        "E_USAGE",
        `cannot listen on ${options.host}:${options.port} (${code}); choose another --port or --host.`,
        {
          cause: e,
        },
      );
    throw e;
  }
  const address = app.server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    pool,
    close: async () => {
      await app.close();
      await pool.close();
    },
  };
}
