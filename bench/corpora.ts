/**
 * Generated corpora and the stores built from them, for the benchmark. Corpora are cached in
 * the system's temporary folder (same seed and size, same files); a store is built by the
 * command itself in a child process (`article-kg build`), timed, with its peak resident memory.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { generateCorpus } from "./corpus/generate.js";

/** Folder of the benchmark's cached corpora and stores. */
export const CACHE = process.env.BENCH_CACHE ?? join(tmpdir(), "article-kg-bench");
const BIN = fileURLToPath(new URL("../bin/article-kg.js", import.meta.url));
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const RSS_HOOK = new URL("./rss-hook.mjs", import.meta.url).href;

/** A generated corpus on disk. */
export interface Corpus {
  readonly dir: string;
  readonly articles: number;
  readonly seed: number;
  readonly bytes: number;
}

/** The corpus of `n` articles of `seed`, written once (NAME.txt + NAME.gold.json). */
export function ensureCorpus(n: number, seed: number): Corpus {
  const dir = join(CACHE, `gen-${n}-seed${seed}`);
  let bytes = 0;
  const complete = existsSync(join(dir, ".complete"));
  if (!complete) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  for (const a of generateCorpus(seed, n)) {
    bytes += Buffer.byteLength(a.text);
    if (complete) continue;
    writeFileSync(join(dir, `${a.name}.txt`), a.text);
    writeFileSync(join(dir, `${a.name}.gold.json`), `${JSON.stringify(a.gold, null, 1)}\n`);
  }
  if (!complete) writeFileSync(join(dir, ".complete"), "");
  return { dir, articles: n, seed, bytes };
}

/** One run of the command in a child process: wall time, peak RSS, output. */
export interface CommandRun {
  readonly seconds: number;
  readonly peakRssMb: number;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `article-kg ARGS…` in a fresh process and reports its wall time and peak resident memory. */
export function runCommand(args: readonly string[]): Promise<CommandRun> {
  // The child prints its own peak RSS (resourceUsage().maxRSS, KiB) on exit (rss-hook.mjs).
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, ["--import", RSS_HOOK, BIN, ...args], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => {
      stdout += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    child.on("close", (status) => {
      const seconds = (performance.now() - t0) / 1000;
      const rss = /@@maxrss (\d+)/u.exec(stderr);
      resolve({
        seconds,
        peakRssMb: rss ? Number(rss[1]) / 1024 : Number.NaN,
        code: status ?? 1,
        stdout,
        stderr: stderr.replace(/\n?@@maxrss \d+\n/u, ""),
      });
    });
  });
}

/** A built store and how long its build took (undefined times when it came from the cache). */
export interface BuiltStore {
  readonly dir: string;
  readonly buildSeconds?: number;
  readonly peakRssMb?: number;
  readonly cached: boolean;
}

/** Builds the store of a corpus (or reuses the cached one when `reuse` is set and it exists). */
export async function ensureStore(corpus: Corpus, reuse: boolean): Promise<BuiltStore> {
  const dir = join(CACHE, `store-${corpus.articles}-seed${corpus.seed}`);
  if (reuse && existsSync(join(dir, "store.nq"))) return { dir, cached: true };
  const tmp = `${dir}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  const run = await runCommand(["build", corpus.dir, "--store", tmp]);
  if (run.code !== 0) throw new Error(`build of ${corpus.dir} exited ${run.code}: ${run.stderr}`);
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return { dir, buildSeconds: run.seconds, peakRssMb: run.peakRssMb, cached: false };
}
