/**
 * The writer lock of a store directory: `<dir>/store.lock`, a one-line JSON record of the
 * process that writes (pid, host, the process's start time, when it took the lock, its
 * command). One writer at a time: a second one waits up to `waitMs`, then is refused with
 * E_STORE_LOCKED. A lock whose process is gone (no such pid on this host, or the pid now
 * belongs to a process started later) is taken over, so a `kill -9` does not hold the store
 * forever.
 *
 * The lock belongs to a process, not to a thread or an object: taking it again in the same
 * process (the server's pool holds it while one of its worker threads writes) succeeds at
 * once, and only the first taker releases it.
 */
import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { KgError } from "../errors.js";

/** Name of the lock file inside a store directory. */
export const LOCK_FILE = "store.lock";

/** Default wait for another writer, in milliseconds (ARTICLE_KG_LOCK_WAIT overrides it, in seconds). */
export const DEFAULT_LOCK_WAIT_MS = 5000;

const POLL_MS = 50;

/** What a lock file holds. */
export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  /** When the owning process started (ISO time): tells a reused pid from the owner. */
  readonly started: string;
  /** When the lock was taken (ISO time). */
  readonly acquired: string;
  /** The owner's command line (for the message of a refused writer). */
  readonly command: string;
}

/** A lock taken by this process; `release()` is idempotent and a no-op for a nested taker. */
export interface StoreLock {
  readonly file: string;
  /** Whether this taker created the lock file (only that taker removes it). */
  readonly owner: boolean;
  release(): void;
}

/** Lock files this process created and has not released (removed at exit). */
const held = new Set<string>();
let exitHook = false;

/** The wait for another writer: ARTICLE_KG_LOCK_WAIT seconds, or the default. */
export function lockWaitMs(env: NodeJS.ProcessEnv = process.env): number {
  const s = Number(env.ARTICLE_KG_LOCK_WAIT);
  return env.ARTICLE_KG_LOCK_WAIT !== undefined && env.ARTICLE_KG_LOCK_WAIT !== "" && s >= 0
    ? s * 1000
    : DEFAULT_LOCK_WAIT_MS;
}

/** Takes the lock of a store directory, waiting (blocking this thread) up to `waitMs`. */
export function lockStoreSync(dir: string, waitMs = lockWaitMs()): StoreLock {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const got = tryLock(dir);
    if (got.lock) return got.lock;
    if (Date.now() >= deadline) throw lockedError(dir, got.holder, waitMs);
    sleepSync(Math.min(POLL_MS, Math.max(1, deadline - Date.now())));
  }
}

/** Takes the lock of a store directory, waiting (without blocking the event loop) up to `waitMs`. */
export async function lockStore(dir: string, waitMs = lockWaitMs()): Promise<StoreLock> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const got = tryLock(dir);
    if (got.lock) return got.lock;
    if (Date.now() >= deadline) throw lockedError(dir, got.holder, waitMs);
    await new Promise((r) => setTimeout(r, Math.min(POLL_MS, Math.max(1, deadline - Date.now()))));
  }
}

/** The owner recorded in a lock file, if it can be read. */
export function readLock(file: string): LockOwner | undefined {
  try {
    const o = JSON.parse(readFileSync(file, "utf8")) as Partial<LockOwner>;
    if (typeof o.pid !== "number" || typeof o.host !== "string") return undefined;
    return {
      pid: o.pid,
      host: o.host,
      started: String(o.started ?? ""),
      acquired: String(o.acquired ?? ""),
      command: String(o.command ?? ""),
    };
  } catch {
    return undefined;
  }
}

/** Whether the process a lock names is gone (only knowable on this host). */
export function isStale(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false;
  if (!alive(owner.pid)) return true;
  // The pid is in use: by the owner, or by a later process that got the same pid.
  const started = processStart(owner.pid);
  const recorded = Date.parse(owner.started);
  return started !== undefined && Number.isFinite(recorded) && started - recorded > 3000;
}

function tryLock(dir: string): { lock?: StoreLock; holder?: LockOwner } {
  const file = join(dir, LOCK_FILE);
  mkdirSync(dir, { recursive: true });
  for (let attempt = 0; attempt < 3; attempt++) {
    if (create(file)) {
      sweep(dir);
      return { lock: ownLock(file) };
    }
    const holder = readLock(file);
    if (holder === undefined) {
      // Being written by its creator this very moment, or garbage left by a crash between
      // create and write: garbage older than a second is taken over.
      if (olderThan(file, 1000)) takeOver(file, undefined);
      else return {};
      continue;
    }
    if (holder.pid === process.pid && holder.host === hostname())
      return { lock: { file, owner: false, release: () => {} } };
    if (!isStale(holder)) return { holder };
    takeOver(file, holder);
  }
  return {};
}

/** Creates the lock file with our record, atomically: written aside, then hard-linked in place. */
function create(file: string): boolean {
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    started: new Date(processStart(process.pid) ?? Date.now() - process.uptime() * 1000).toISOString(),
    acquired: new Date().toISOString(),
    command: process.argv.slice(2).join(" ").replace(/\s+/gu, " ").slice(0, 200),
  };
  const aside = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  const fd = openSync(aside, "wx");
  try {
    writeSync(fd, `${JSON.stringify(me)}\n`);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(aside, file);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    if ((e as NodeJS.ErrnoException).code !== "EPERM" && (e as NodeJS.ErrnoException).code !== "ENOTSUP") throw e;
    // No hard links on this file system: an exclusive create (the record follows at once).
    try {
      const lf = openSync(file, "wx");
      try {
        writeSync(lf, `${JSON.stringify(me)}\n`);
      } finally {
        closeSync(lf);
      }
      return true;
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === "EEXIST") return false;
      throw e2;
    }
  } finally {
    rmSync(aside, { force: true });
  }
}

/**
 * Removes what writers killed while taking or taking over the lock left beside it
 * (`store.lock.PID.x` written aside, `store.lock.stale.PID.x` moved aside), once their
 * process is gone.
 */
function sweep(dir: string): void {
  try {
    for (const name of readdirSync(dir)) {
      const m = /^store\.lock\.(?:stale\.)?(\d+)\.[a-z0-9]+$/u.exec(name);
      if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) rmSync(join(dir, name), { force: true });
    }
  } catch {
    // tidying only
  }
}

function ownLock(file: string): StoreLock {
  held.add(file);
  if (!exitHook) {
    exitHook = true;
    process.once("exit", () => {
      for (const f of held) releaseFile(f);
    });
  }
  let released = false;
  return {
    file,
    owner: true,
    release: () => {
      if (released) return;
      released = true;
      held.delete(file);
      releaseFile(file);
    },
  };
}

/** Removes a lock file if it is still ours. */
function releaseFile(file: string): void {
  const o = readLock(file);
  if (o !== undefined && o.pid === process.pid && o.host === hostname()) rmSync(file, { force: true });
}

/**
 * Moves a stale lock out of the way. The lock is renamed aside first (atomic), then checked:
 * when two processes take over at once, the one that grabbed a fresh lock puts it back.
 */
function takeOver(file: string, stale: LockOwner | undefined): void {
  const grave = `${file}.stale.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    renameSync(file, grave);
  } catch {
    return; // someone else moved it
  }
  const moved = readLock(grave);
  const same =
    stale === undefined
      ? moved === undefined
      : moved !== undefined && moved.pid === stale.pid && moved.acquired === stale.acquired;
  if (!same) {
    try {
      linkSync(grave, file); // a live lock was grabbed by mistake: put it back
    } catch {
      // another writer got in meanwhile; the one we moved will not remove it (not theirs)
    }
  }
  rmSync(grave, { force: true });
}

function lockedError(dir: string, holder: LockOwner | undefined, waitMs: number): KgError {
  const file = join(dir, LOCK_FILE);
  const who =
    holder === undefined
      ? "another process"
      : `process ${holder.pid} on ${holder.host}${holder.command ? ` (article-kg ${holder.command})` : ""} since ${holder.acquired}`;
  return new KgError(
    "E_STORE_LOCKED",
    `the store ${dir} is being written by ${who}; waited ${(waitMs / 1000).toFixed(0)} s. Try again when it is done (ARTICLE_KG_LOCK_WAIT=SECONDS waits longer), or remove ${file} if that process is gone.`,
    { context: { file } },
  );
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

let bootTimeMs: number | undefined;

/** When a process started (ms since the epoch), on Linux from /proc; undefined elsewhere. */
function processStart(pid: number): number | undefined {
  try {
    bootTimeMs ??= Number(/^btime (\d+)$/mu.exec(readFileSync("/proc/stat", "utf8"))?.[1]) * 1000;
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command (which may hold spaces and parentheses): state is field 3, starttime 22.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[19]);
    if (!Number.isFinite(bootTimeMs) || !Number.isFinite(ticks)) return undefined;
    return bootTimeMs + ticks * 10; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

function olderThan(file: string, ms: number): boolean {
  try {
    return Date.now() - statSync(file).mtimeMs > ms;
  } catch {
    return false;
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleepSync(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}
