/**
 * A query worker (runs in a `worker_threads` Worker): loads the persisted store once, then
 * answers one job at a time. A query that runs too long is stopped by the pool terminating
 * this thread, which frees the whole store with it (see pool.ts).
 */
import { parentPort, workerData } from "node:worker_threads";
import { loadSaved } from "../build/open.js";
import { KgError } from "../errors.js";
import type { KgStore } from "../store/index.js";
import type { Job, JobError, JobMessage, WorkerData, WorkerReply } from "./jobs.js";

const port = parentPort;
if (port === null) throw new Error("worker.ts must run in a worker thread");
const data = workerData as WorkerData;

function errorOf(e: unknown): JobError {
  if (e instanceof KgError) {
    const { line, column } = e.context;
    return {
      code: e.code,
      message: e.message,
      ...(line === undefined ? {} : { line }),
      ...(column === undefined ? {} : { column }),
    };
  }
  return { code: "E_STORE", message: e instanceof Error ? e.message : String(e) };
}

/**
 * The job's text with `BASE <baseIri>` on a line of its own before it (relative IRIs resolve
 * against the endpoint; a BASE of the query's own still wins), and how many lines that added.
 */
function withBase(text: string, baseIri: string | undefined): { text: string; shift: number } {
  return baseIri === undefined ? { text, shift: 0 } : { text: `BASE <${baseIri}>\n${text}`, shift: 1 };
}

function run(store: KgStore, job: Job): string {
  try {
    return runJob(store, job);
  } catch (e) {
    // Report lines of the client's own text.
    if ((job.op === "query" || job.op === "update") && job.baseIri !== undefined && e instanceof KgError) {
      const { line, column } = e.context;
      if (line !== undefined)
        throw new KgError(e.code, e.message.replace(/^line \d+/u, `line ${line - 1}`), {
          context: { line: line - 1, ...(column === undefined ? {} : { column }) },
          cause: e,
        });
    }
    throw e;
  }
}

function runJob(store: KgStore, job: Job): string {
  switch (job.op) {
    case "query": {
      const { defaultGraphs, namedGraphs } = job.dataset;
      const explicit = defaultGraphs !== undefined || namedGraphs !== undefined;
      return store.queryRaw(withBase(job.text, job.baseIri).text, job.format, {
        prefixes: data.prefixes,
        // A protocol dataset replaces the union default graph (and the query's FROM clauses).
        defaultGraphAsUnion: !explicit,
        // An empty default-graph list means the store's own default graph.
        ...(defaultGraphs !== undefined && defaultGraphs.length > 0 ? { defaultGraphs } : {}),
        ...(explicit ? { namedGraphs: namedGraphs ?? [] } : {}),
      });
    }
    case "update":
      store.update(withBase(job.text, job.baseIri).text, { prefixes: data.prefixes });
      return "";
    case "load":
      store.loadText(job.text, job.mediaType, job.graph ?? undefined);
      return "";
    case "drop":
      if (job.graph === null) store.update("DROP SILENT DEFAULT");
      else store.dropGraph(job.graph);
      return "";
    case "save":
      return "";
  }
}

const started = performance.now();
let store: KgStore;
try {
  store = await loadSaved(data.storeDir);
  port.postMessage({
    id: -1,
    ok: true,
    ready: { quads: store.size, ms: performance.now() - started },
  } satisfies WorkerReply);
} catch (e) {
  port.postMessage({ id: -1, ok: false, error: errorOf(e) } satisfies WorkerReply);
  throw e;
}

port.on("message", async (msg: JobMessage) => {
  let reply: WorkerReply;
  try {
    if (msg.op === "save") {
      if (store.dir !== undefined) await store.save();
      reply = { id: msg.id, ok: true, body: "" };
    } else reply = { id: msg.id, ok: true, body: run(store, msg) };
  } catch (e) {
    reply = { id: msg.id, ok: false, error: errorOf(e) };
    if (panicked(e)) {
      // The engine's WASM memory may be left inconsistent (later writes panic): answer, then
      // end this thread so the pool replaces it with a worker that reloads the saved store.
      port.postMessage({
        ...reply,
        error: { ...reply.error, message: `${reply.error.message} (the worker was restarted)` },
      });
      process.exit(1);
    }
  }
  port.postMessage(reply);
});

/** Whether an error (or one of its causes) is a WebAssembly trap of the store engine. */
function panicked(e: unknown): boolean {
  for (let c = e, depth = 0; c instanceof Error && depth < 5; c = c.cause, depth++)
    if (c instanceof WebAssembly.RuntimeError) return true;
  return false;
}
