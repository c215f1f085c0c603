/**
 * A pool of query workers. Each worker holds its own copy of the store, loaded from the
 * persisted `store.nq`, and runs one job at a time off the main thread. A read that passes
 * its time limit is stopped with `worker.terminate()` — the only way to stop an Oxigraph
 * query — and the store dies with the thread, so the slot is refilled by a fresh worker that
 * reloads the file (the reload time is measured and reported). Other slots keep answering.
 *
 * Writes (SPARQL Update, Graph Store Protocol) take the pool exclusively: reads drain, the
 * jobs run on one worker, it saves the store atomically, and the other workers are replaced
 * by ones that load the saved file. A failed write restarts every worker from the file, so
 * a write is all or nothing.
 */
import { Worker } from "node:worker_threads";
import { KgError } from "../errors.js";
import { lockStore, type StoreLock } from "../store/lock.js";
import { errorOfJob } from "./errors.js";
import type { Job, JobMessage, WorkerData, WorkerReply } from "./jobs.js";

const BOOT = new URL("./worker-boot.mjs", import.meta.url);

/** Options of a pool. */
export interface PoolOptions {
  /** Number of workers (each holds a full copy of the store). */
  readonly size: number;
  readonly data: WorkerData;
  /** Time limit of a read, in milliseconds. */
  readonly timeoutMs: number;
  /** Time limit of a write, in milliseconds (default: 10 × the read limit). */
  readonly writeTimeoutMs?: number;
  /** Reads waiting for a worker beyond this are refused with 503. */
  readonly maxQueue?: number;
  /**
   * Memory budget in MiB: how far the process's resident memory may grow over what it was
   * when the workers had just loaded the store. A job running when the budget is passed, under
   * which the process grew by a quarter of the budget or more, is stopped (its worker
   * terminated, which frees the store's WASM memory) and answered with 503 E_MEMORY; an idle worker left over the budget by its last job is recycled. Each
   * worker's JavaScript heap is capped at the same size. Default 1024.
   */
  readonly memoryBudgetMb?: number;
  /** Receives one line per notable event (restarts with their reload time). */
  readonly log?: (line: string) => void;
  /** Called after a write has been saved to the store file. */
  readonly onSaved?: () => void;
}

/** How often the resident memory is sampled while a job runs, in milliseconds. */
const MEMORY_SAMPLE_MS = 25;

/** Figures of the pool, for logs and the benchmark. */
export interface PoolStats {
  /** Workers stopped because a job passed its time limit. */
  timeouts: number;
  /** Workers stopped because the process passed its memory budget while they ran a job. */
  memoryStops: number;
  /** Resident memory (bytes) against which the memory budget is counted. */
  baselineRss: number;
  /** Workers started after the first ones. */
  restarts: number;
  /** How long the latest worker took to load the store, in milliseconds. */
  lastLoadMs: number;
  /** Quads in the store as last loaded. */
  quads: number;
}

interface Pending {
  readonly id: number;
  readonly op: Job["op"];
  readonly started: number;
  /** Resident memory when the job started, in bytes. */
  readonly startRss: number;
  readonly resolve: (body: string) => void;
  readonly reject: (e: Error) => void;
  readonly timer: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  state: "starting" | "idle" | "busy" | "dead";
  ready: Promise<void>;
  current?: Pending | undefined;
}

interface Queued {
  readonly job: Job;
  readonly timeoutMs: number;
  readonly resolve: (body: string) => void;
  readonly reject: (e: Error) => void;
}

/** The worker pool. */
export class WorkerPool {
  readonly stats: PoolStats = { timeouts: 0, memoryStops: 0, baselineRss: 0, restarts: 0, lastLoadMs: 0, quads: 0 };
  readonly #options: PoolOptions;
  readonly #slots: Slot[] = [];
  readonly #queue: Queued[] = [];
  #nextId = 1;
  #writing = false;
  #writeWaiters: (() => void)[] = [];
  #changeWaiters: (() => void)[] = [];
  #sampler: NodeJS.Timeout | undefined;
  /** Idle workers were recycled since the last job finished (so they are not recycled again and again). */
  #recycled = false;
  #closed = false;

  constructor(options: PoolOptions) {
    this.#options = options;
  }

  /** Starts the workers and waits until each has loaded the store. */
  async start(): Promise<void> {
    for (let i = 0; i < Math.max(1, this.#options.size); i++) this.#slots.push(this.#spawn(false));
    await Promise.all(this.#slots.map((s) => s.ready));
    this.stats.baselineRss = process.memoryUsage.rss();
    this.#sampler = setInterval(() => this.#checkMemory(), MEMORY_SAMPLE_MS);
    this.#sampler.unref();
  }

  /** The resident memory above which a running job is stopped, in bytes. */
  get memoryCeiling(): number {
    return this.stats.baselineRss + this.#budgetMb() * 1024 * 1024;
  }

  #budgetMb(): number {
    return this.#options.memoryBudgetMb ?? 1024;
  }

  /**
   * Stops the job that has run longest when the process is over its memory budget (one per
   * sample, so the memory freed is seen before another is stopped); recycles idle workers
   * left over the budget.
   */
  #checkMemory(): void {
    const rss = process.memoryUsage.rss();
    if (this.#closed || rss <= this.memoryCeiling) return;
    // Only a job under which the process grew by a quarter of the budget is to blame: memory
    // a stopped worker has not yet given back must not stop the next, innocent job.
    const grown = (this.#budgetMb() / 4) * 1024 * 1024;
    const running = this.#slots
      .filter((s) => s.state === "busy" && s.current !== undefined && rss - s.current.startRss > grown)
      .sort((a, b) => (a.current?.started ?? 0) - (b.current?.started ?? 0));
    const victim = running[0];
    if (victim?.current !== undefined) {
      const job = victim.current;
      clearTimeout(job.timer);
      victim.current = undefined;
      this.stats.memoryStops++;
      this.#replace(victim);
      this.#options.log?.(`pool: a ${job.op} passed the memory budget of ${this.#budgetMb()} MiB and was stopped`);
      job.reject(
        new KgError(
          "E_MEMORY",
          `the ${job.op} passed the server's memory budget of ${this.#budgetMb()} MiB and was stopped; simplify it (LIMIT, fewer joins, no huge strings) or ask for a larger --max-memory`,
        ),
      );
      return;
    }
    if (this.#writing || this.#recycled || this.#slots.some((s) => s.state === "busy")) return;
    // No job runs: a worker's WASM memory never shrinks, so replace idle workers to give it back.
    this.#recycled = true;
    for (const slot of this.#slots) if (slot.state === "idle") this.#replace(slot);
  }

  /**
   * Runs a read job on the next free worker, with the read time limit. When `signal` aborts
   * (the client went away) before a worker took the job, the job is dropped from the queue.
   */
  read(job: Job, timeoutMs = this.#options.timeoutMs, signal?: AbortSignal): Promise<string> {
    if (this.#closed) return Promise.reject(new KgError("E_CLOSED", "the server is shutting down"));
    if (this.#queue.length >= (this.#options.maxQueue ?? 1024))
      return Promise.reject(
        new KgError("E_BUSY", "too many queries are waiting; try again shortly", {
          headers: { "retry-after": "1" },
        }),
      );
    return new Promise((resolve, reject) => {
      const item: Queued = { job, timeoutMs, resolve, reject };
      this.#queue.push(item);
      signal?.addEventListener(
        "abort",
        () => {
          const i = this.#queue.indexOf(item);
          if (i < 0) return;
          this.#queue.splice(i, 1);
          reject(new KgError("E_CLIENT_GONE", "the client closed the connection"));
        },
        { once: true },
      );
      this.#pump();
    });
  }

  /** Runs write jobs exclusively on one worker, saves the store, and refreshes the other workers. */
  async write(jobs: readonly Job[]): Promise<void> {
    while (this.#writing) await new Promise<void>((r) => this.#writeWaiters.push(r));
    this.#writing = true;
    let lock: StoreLock | undefined;
    try {
      // One writer per store directory, across processes (a build may be saving it): the
      // lock is the process's while the worker threads write and save (src/store/lock.ts).
      const dir = this.#options.data.storeDir;
      if (dir !== undefined)
        lock = await lockStore(dir).catch((e: unknown) => {
          // E_STORE_LOCKED: 503 with a hint of when to try again
          throw e instanceof KgError
            ? new KgError(e.code, e.message, { context: e.context, cause: e, headers: { "retry-after": "5" } })
            : e;
        });
      // Let running reads finish and restarted workers load; queued reads wait until the write
      // is done. Each turn waits for a slot to change state (a message or an exit: a macrotask),
      // never for an already settled promise, which would spin the microtask queue forever.
      while (this.#slots.some((s) => s.state === "busy" || s.state === "starting")) await this.#changed();
      const primary = this.#slots.find((s) => s.state === "idle");
      if (primary === undefined) throw new KgError("E_UNAVAILABLE", "no worker is available");
      const limit = this.#options.writeTimeoutMs ?? this.#options.timeoutMs * 10;
      try {
        for (const job of jobs) await this.#dispatch(primary, job, limit);
        await this.#dispatch(primary, { op: "save" }, limit);
        this.#options.onSaved?.();
      } catch (e) {
        // All or nothing: every worker goes back to the saved file.
        this.#restartAll(undefined);
        await Promise.all(this.#slots.map((s) => s.ready));
        throw e;
      }
      this.#restartAll(primary);
      // The store may have grown: count the budget from the memory of the refreshed pool.
      const refreshed = this.#slots.map((s) => s.ready);
      void Promise.all(refreshed).then(
        () => {
          this.stats.baselineRss = Math.max(this.stats.baselineRss, process.memoryUsage.rss());
        },
        () => {},
      );
    } finally {
      lock?.release();
      this.#writing = false;
      this.#writeWaiters.shift()?.();
      this.#pump();
    }
  }

  /** Stops every worker; waiting reads are refused. */
  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#sampler);
    for (const q of this.#queue.splice(0)) q.reject(new KgError("E_CLOSED", "the server is shutting down"));
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }

  /** Number of workers ready to take a job now. */
  get idle(): number {
    return this.#slots.filter((s) => s.state === "idle").length;
  }

  /** Resolves at the next change of a slot's state (started, finished a job, died). */
  #changed(): Promise<void> {
    return new Promise((resolve) => this.#changeWaiters.push(resolve));
  }

  #notify(): void {
    for (const w of this.#changeWaiters.splice(0)) w();
  }

  #restartAll(keep: Slot | undefined): void {
    for (let i = 0; i < this.#slots.length; i++) {
      const slot = this.#slots[i] as Slot;
      if (slot === keep) continue;
      slot.state = "dead";
      void slot.worker.terminate();
      this.#slots[i] = this.#spawn(true);
    }
  }

  #pump(): void {
    if (this.#writing) return;
    for (const slot of this.#slots) {
      if (slot.state !== "idle") continue;
      const next = this.#queue.shift();
      if (next === undefined) return;
      this.#dispatch(slot, next.job, next.timeoutMs).then(next.resolve, next.reject);
    }
  }

  #dispatch(slot: Slot, job: Job, timeoutMs: number): Promise<string> {
    const id = this.#nextId++;
    slot.state = "busy";
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (slot.current?.id !== id) return;
        slot.current = undefined;
        this.stats.timeouts++;
        this.#replace(slot);
        reject(
          new KgError(
            "E_TIMEOUT",
            `the ${job.op} ran past the time limit of ${timeoutMs} ms and was stopped; simplify it (LIMIT, fewer joins) or ask for a longer --timeout`,
          ),
        );
      }, timeoutMs);
      slot.current = {
        id,
        op: job.op,
        started: performance.now(),
        startRss: process.memoryUsage.rss(),
        resolve,
        reject,
        timer,
      };
      this.#recycled = false;
      slot.worker.postMessage({ ...job, id } satisfies JobMessage);
    });
  }

  #replace(slot: Slot): void {
    const i = this.#slots.indexOf(slot);
    slot.state = "dead";
    void slot.worker.terminate();
    if (i >= 0 && !this.#closed) this.#slots[i] = this.#spawn(true);
  }

  #spawn(restart: boolean): Slot {
    const worker = new Worker(BOOT, {
      workerData: this.#options.data,
      // A runaway JavaScript heap ends this worker (ERR_WORKER_OUT_OF_MEMORY), not the process.
      resourceLimits: { maxOldGenerationSizeMb: this.#budgetMb() },
    });
    const started = performance.now();
    let markReady: () => void = () => {};
    let markFailed: (e: Error) => void = () => {};
    const slot: Slot = {
      worker,
      state: "starting",
      ready: new Promise<void>((resolve, reject) => {
        markReady = resolve;
        markFailed = reject;
      }),
    };
    slot.ready.catch(() => {});
    if (restart) this.stats.restarts++;
    worker.on("message", (reply: WorkerReply) => {
      if (reply.id === -1) {
        if ("ready" in reply) {
          const ms = performance.now() - started;
          this.stats.lastLoadMs = ms;
          this.stats.quads = reply.ready.quads;
          if (restart)
            this.#options.log?.(
              `pool: worker restarted, ${reply.ready.quads} quads reloaded in ${ms.toFixed(0)} ms (store load ${reply.ready.ms.toFixed(0)} ms)`,
            );
          if (slot.state === "starting") slot.state = "idle";
          markReady();
          this.#notify();
          this.#pump();
        } else if ("error" in reply) {
          slot.state = "dead";
          markFailed(errorOfJob(reply.error));
          this.#notify();
        }
        return;
      }
      const current = slot.current;
      if (current === undefined || current.id !== reply.id) return;
      clearTimeout(current.timer);
      slot.current = undefined;
      if (slot.state === "busy") slot.state = "idle";
      if ("body" in reply) current.resolve(reply.body);
      else if ("error" in reply) current.reject(errorOfJob(reply.error));
      this.#notify();
      this.#pump();
    });
    let outOfMemory = false;
    worker.on("error", (e) => {
      outOfMemory = (e as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY";
      this.#options.log?.(`pool: worker failed: ${e.message}`);
      markFailed(e);
    });
    worker.on("exit", () => {
      if (slot.state === "dead") return;
      const wasStarting = slot.state === "starting";
      slot.state = "dead";
      const current = slot.current;
      if (current) {
        clearTimeout(current.timer);
        slot.current = undefined;
        current.reject(
          outOfMemory
            ? new KgError(
                "E_MEMORY",
                `the ${current.op} passed the memory budget of ${this.#budgetMb()} MiB of a worker and was stopped; simplify it or ask for a larger --max-memory`,
              )
            : new KgError("E_WORKER", "the query worker stopped unexpectedly"),
        );
      }
      markFailed(new Error("worker exited"));
      this.#notify();
      // A worker that dies while serving is replaced; one that cannot even start is not (no loop).
      if (!wasStarting && !this.#closed) {
        const i = this.#slots.indexOf(slot);
        if (i >= 0) this.#slots[i] = this.#spawn(true);
      }
    });
    return slot;
  }
}
