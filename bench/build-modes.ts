/**
 * The two build modes of issue 15, timed with the command itself in child processes:
 * - the parallel build: the same corpus built with `--jobs 1` and with the default (one thread
 *   per core), into fresh stores; `parallel_speedup` is the ratio of their wall times;
 * - the incremental rebuild: a copy of a built store and of its corpus with one article
 *   changed, rebuilt; the wall time, and the store's save time that the build reports, apart.
 * Figures only: nothing is asserted.
 */
import { appendFileSync, cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { type Corpus, runCommand } from "./corpora.js";

/** Wall seconds and peak RSS of `article-kg build DIR --store (fresh) ARGS…`. */
async function timedBuild(
  corpusDir: string,
  storeDir: string,
  args: readonly string[],
): Promise<{ seconds: number; peakRssMb: number; saveSeconds: number | null; stdout: string }> {
  const run = await runCommand(["build", corpusDir, "--store", storeDir, ...args]);
  if (run.code !== 0) throw new Error(`build of ${corpusDir} exited ${run.code}: ${run.stderr}`);
  const save = /saved in ([\d.]+) s/u.exec(run.stdout);
  return {
    seconds: run.seconds,
    peakRssMb: run.peakRssMb,
    saveSeconds: save ? Number(save[1]) : null,
    stdout: run.stdout,
  };
}

/** The same corpus built on one thread and on every core. */
export async function parallelSpeedup(corpus: Corpus): Promise<{
  oneJob_s: number;
  allJobs_s: number;
  jobs: number;
  speedup: number;
}> {
  const tmp = mkdtempSync(join(tmpdir(), "kg-bench-jobs-"));
  try {
    const one = await timedBuild(corpus.dir, join(tmp, "one"), ["--jobs", "1"]);
    const jobs = availableParallelism();
    const all = await timedBuild(corpus.dir, join(tmp, "all"), ["--jobs", String(jobs)]);
    return { oneJob_s: one.seconds, allJobs_s: all.seconds, jobs, speedup: one.seconds / all.seconds };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** A built store rebuilt with one article of its corpus changed (both copied first: the cache stays). */
export async function incrementalRebuild(
  corpus: Corpus,
  storeDir: string,
): Promise<{ seconds: number; saveSeconds: number | null; peakRssMb: number; summary: string }> {
  const tmp = mkdtempSync(join(tmpdir(), "kg-bench-incr-"));
  try {
    const dir = join(tmp, "corpus");
    const store = join(tmp, "store");
    // the copy keeps the file names, by which the build finds an article's stored graph
    cpSync(corpus.dir, dir, { recursive: true });
    cpSync(storeDir, store, { recursive: true });
    rmSync(join(store, "serve.json"), { force: true });
    const first = readdirSync(dir)
      .filter((f) => f.endsWith(".txt"))
      .sort()[0];
    if (first === undefined) throw new Error(`no article in ${corpus.dir}`);
    appendFileSync(join(dir, first), "\n另外，全县新建村级光伏电站12座，带动贫困户增收。\n");
    const run = await timedBuild(dir, store, []);
    const summary = run.stdout.split("\n").find((l) => /changed/u.test(l)) ?? "";
    return { seconds: run.seconds, saveSeconds: run.saveSeconds, peakRssMb: run.peakRssMb, summary: summary.trim() };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
