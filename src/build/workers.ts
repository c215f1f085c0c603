/**
 * Parallel article tasks: a small pool of worker threads (node:worker_threads), and an ordered
 * map that keeps a bounded number of tasks in flight and hands the results back in input order,
 * so a parallel build writes the same store as a sequential one and holds at most `window`
 * results in memory, however many files there are.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { type ErrorCode, type ErrorContext, KgError } from "../errors.js";
import type { ArticleTask, TaskResult, TaskSettings } from "./article-task.js";

const BOOT = new URL("./worker-boot.mjs", import.meta.url);

/** Below this many files a default build stays in one thread (starting workers costs more). */
export const MIN_FILES_PER_WORKER = 32;

/** The number of threads a build uses by default for `files` files: every core, or one for a few files. */
export function defaultJobs(files: number): number {
  return Math.max(1, Math.min(availableParallelism(), Math.floor(files / MIN_FILES_PER_WORKER)));
}

/** A worker's answer to one task. */
export type WorkerReply =
  | { readonly id: number; readonly result: TaskResult }
  | {
      readonly id: number;
      readonly error: { readonly message: string; readonly code?: ErrorCode; readonly context?: ErrorContext };
    };

interface Pending {
  readonly resolve: (r: TaskResult) => void;
  readonly reject: (e: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly pending: Map<number, Pending>;
}

/** Worker threads that run article tasks; each task goes to the worker with the fewest in hand. */
export class TaskPool {
  readonly #slots: Slot[] = [];
  #next = 0;
  #closed = false;

  constructor(size: number, settings: TaskSettings) {
    for (let i = 0; i < size; i++) this.#slots.push(this.#spawn(settings));
  }

  /** Runs one task in a worker. */
  run(task: ArticleTask): Promise<TaskResult> {
    if (this.#closed) return Promise.reject(new KgError("E_CLOSED", "the build's worker pool is closed"));
    const slot = this.#slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, task });
    });
  }

  /** Stops the workers (tasks still running are rejected). */
  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }

  #spawn(settings: TaskSettings): Slot {
    const worker = new Worker(BOOT, { workerData: settings });
    const slot: Slot = { worker, pending: new Map() };
    worker.on("message", (reply: WorkerReply) => {
      const p = slot.pending.get(reply.id);
      if (p === undefined) return;
      slot.pending.delete(reply.id);
      if ("result" in reply) p.resolve(reply.result);
      else
        p.reject(
          reply.error.code === undefined
            ? new Error(`extraction worker: ${reply.error.message}`)
            : new KgError(reply.error.code, reply.error.message, { context: reply.error.context ?? {} }),
        );
    });
    const fail = (e: Error) => {
      for (const p of slot.pending.values()) p.reject(e);
      slot.pending.clear();
    };
    worker.on("error", (e) => fail(new KgError("E_WORKER", `an extraction worker failed: ${e.message}`, { cause: e })));
    worker.on("exit", (code) => {
      if (!this.#closed) fail(new KgError("E_WORKER", `an extraction worker stopped (exit code ${code})`));
    });
    return slot;
  }
}

/**
 * Maps `items` through `run` with at most `window` calls in flight (started, or finished but
 * not yet taken), yielding the results in the order of the items. The items are pulled only as
 * room frees up, so a slow consumer holds back reading (back-pressure).
 */
export async function* mapInOrder<T, R>(
  items: AsyncIterable<T> | Iterable<T>,
  run: (item: T) => Promise<R>,
  window: number,
): AsyncGenerator<R> {
  const inFlight: Promise<R>[] = [];
  const source = (Symbol.asyncIterator in items ? items : toAsync(items))[Symbol.asyncIterator]();
  let done = false;
  try {
    for (;;) {
      while (!done && inFlight.length < window) {
        const next = await source.next();
        if (next.done === true) done = true;
        else {
          const p = run(next.value);
          p.catch(() => {}); // rejected before its turn: reported when it is taken
          inFlight.push(p);
        }
      }
      const head = inFlight.shift();
      if (head === undefined) return;
      yield await head;
    }
  } finally {
    if (!done) await source.return?.();
  }
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}
