/**
 * A running `article-kg serve` on a store directory leaves `<dir>/serve.json` (its URL, process
 * id, the base of its IRIs and the identity of the store file it holds), so that `article-kg
 * query` on the same directory asks the server instead of loading the whole store again. The
 * server writes the file when it listens, rewrites it after each write it saves, and removes
 * it when it stops. A file is trusted only while its process is alive and the store file is
 * still the one the server loaded or saved (a `build` since then makes the server's copy
 * stale): otherwise it is ignored and the store is loaded as before.
 */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The store's data file (kg-store.ts STORE_FILE, not imported from there: asking a server must
 * not load the store engine).
 */
export const DATA_FILE = "store.nq";

/** Name of the file a server leaves in the store directory it serves. */
export const SERVED_FILE = "serve.json";

/** What `serve.json` says. */
export interface ServedStore {
  /** `http://host:port` of the server. */
  readonly url: string;
  readonly pid: number;
  /** Base of the server's IRIs (its kg: prefix): a query for another base is not sent there. */
  readonly base: string;
  /** Identity of the store file the server holds (see `storeIdOf`). */
  readonly storeId: string;
  readonly started: string;
}

/**
 * Identity of a store directory's data file: device, inode, size and modification time. A
 * save (a new file renamed over the old one) or a rewrite changes it; undefined without a file.
 */
export function storeIdOf(dir: string): string | undefined {
  try {
    const s = statSync(join(dir, DATA_FILE), { bigint: true });
    return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch {
    return undefined;
  }
}

/** Writes `serve.json` for a server on `dir` (atomically: a temporary file renamed over it). */
export function announceServer(dir: string, server: Omit<ServedStore, "storeId" | "started">): void {
  const record: ServedStore = {
    ...server,
    storeId: storeIdOf(dir) ?? "",
    started: new Date().toISOString(),
  };
  const file = join(dir, SERVED_FILE);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(record, null, 2)}\n`);
  renameSync(tmp, file);
}

/** Removes `serve.json` if it is this process's own (another server may have taken over). */
export function withdrawServer(dir: string, pid = process.pid): void {
  const file = join(dir, SERVED_FILE);
  if (readServed(dir)?.pid === pid) rmSync(file, { force: true });
}

/** The server announced in `dir`, if its file is well formed (whether it is alive is not checked). */
export function readServed(dir: string): ServedStore | undefined {
  try {
    const r = JSON.parse(readFileSync(join(dir, SERVED_FILE), "utf8")) as Partial<ServedStore>;
    if (
      typeof r.url !== "string" ||
      !/^https?:\/\/[^/\s]+$/u.test(r.url) ||
      typeof r.pid !== "number" ||
      !Number.isInteger(r.pid) ||
      r.pid <= 0 ||
      typeof r.base !== "string" ||
      typeof r.storeId !== "string"
    )
      return undefined;
    return { url: r.url, pid: r.pid, base: r.base, storeId: r.storeId, started: String(r.started ?? "") };
  } catch {
    return undefined;
  }
}

/** Whether a process with this id runs (and may be signalled by us, or exists under another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The server to ask for queries on `dir` with IRIs under `base`: announced, alive, serving
 * the store file as it is now and the same base. Undefined otherwise (load the store).
 */
export function findServer(dir: string, base: string): ServedStore | undefined {
  const served = readServed(dir);
  if (served === undefined || served.base !== base || !alive(served.pid)) return undefined;
  const id = storeIdOf(dir);
  return id !== undefined && id === served.storeId ? served : undefined;
}
