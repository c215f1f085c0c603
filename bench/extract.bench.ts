/**
 * `npm run bench`: extraction throughput on one core (MB/s of UTF-8 input, articles/s),
 * printed beside a baseline measured in the same run (a bare number regex over the same
 * texts, the floor of any extractor) and the script-alignment step alone. Figures only:
 * nothing is asserted. Input: the sample articles, the dev corpus when ../shared is present,
 * and synthetic articles stitched from their sentences (so the size is meaningful).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { articleFromText } from "../src/article/read.js";
import { toAlignedSimplified } from "../src/article/script.js";
import { extract } from "../src/extract/index.js";

function texts(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => readFileSync(join(dir, f), "utf8"));
}

const sources = [...texts("data/samples"), ...texts("../shared/corpus/dev")];
const sentences = sources.flatMap((t) => t.split(/(?<=[。\n])/u)).filter((s) => s.trim() !== "");
// deterministic pseudo-random synthetic articles of ~2,000 characters
let seed = 42;
const rand = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const articles: string[] = [...sources];
while (articles.length < 400) {
  let a = "某地脱贫攻坚成果\n2020-06-30\n";
  while (a.length < 2000) a += sentences[Math.floor(rand() * sentences.length)];
  articles.push(a);
}
const bytes = articles.reduce((n, a) => n + Buffer.byteLength(a, "utf8"), 0);

/** CPU time (user + system, ms) of each run: on a shared, loaded machine wall time mostly measures the others. */
const cpuTimes = new Map<string, number>();

function measure(label: string, fn: (text: string) => unknown, rounds = 5): number {
  fn(articles[0] as string); // warm up
  const times: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const a of articles) fn(a);
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  times.sort((x, y) => x - y);
  cpu.sort((x, y) => x - y);
  const ms = times[Math.floor(times.length / 2)] as number;
  const cpuMs = cpu[Math.floor(cpu.length / 2)] as number;
  cpuTimes.set(label, cpuMs);
  const best = times[0] as number;
  const mbs = bytes / 1e6 / (ms / 1000);
  console.log(
    `${label.padEnd(34)} ${ms.toFixed(0).padStart(7)} ms  ${mbs.toFixed(2).padStart(8)} MB/s  ${((articles.length / ms) * 1000).toFixed(0).padStart(7)} articles/s  (best ${best.toFixed(0)} ms; CPU ${cpuMs.toFixed(0)} ms = ${(bytes / 1e6 / (cpuMs / 1000)).toFixed(2)} MB/s)`,
  );
  return ms;
}

console.log(
  `extraction benchmark: ${articles.length} articles, ${(bytes / 1e6).toFixed(2)} MB UTF-8 (median of 5 runs, one core; best run in brackets, this machine is noisy)`,
);
const NUMBER = /\d+(?:\.\d+)?(?:万|亿)?/gu;
const base = measure("baseline: bare number regex", (t) => t.match(NUMBER)?.length ?? 0);
const align = measure("script alignment (opencc-js)", (t) => toAlignedSimplified(t));
let observations = 0;
const full = measure("extract (full pipeline)", (t) => {
  observations += extract(articleFromText(t, "bench.txt", { published: "2020-06-30" })).observations.length;
});
console.log(
  `ratios: extract / baseline = ${(full / base).toFixed(0)}×, alignment share of extract = ${((align / full) * 100).toFixed(0)}%`,
);
console.log(`observations per article: ${(observations / articles.length / 6).toFixed(1)}`);
const fullCpu = cpuTimes.get("extract (full pipeline)") as number;
// one line of JSON for bench-results.json (wall figures; the CPU-time one beside them)
console.log(
  JSON.stringify({
    extract_mb_s_1core: Number((bytes / 1e6 / (full / 1000)).toFixed(3)),
    extract_articles_s_1core: Number(((articles.length / full) * 1000).toFixed(1)),
    extract_mb_s_1core_cpu: Number((bytes / 1e6 / (fullCpu / 1000)).toFixed(3)),
    load_average: Number(loadavg()[0]?.toFixed(2)),
  }),
);
const heap = process.memoryUsage();
console.log(
  `memory: rss ${(heap.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(heap.heapUsed / 2 ** 20).toFixed(0)} MiB`,
);
