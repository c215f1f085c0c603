/**
 * `npm run bench:cold`: cold start of the command — fresh processes of `article-kg --help` and of
 * a one-article `extract` — as medians of 10 runs, beside a bare `node -e 0` measured in the
 * same run (the floor), and — when dist/ is built — the same commands from the sources through
 * tsx (ARTICLE_KG_SOURCE=1), the way every run went before the compiled package.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const BIN = fileURLToPath(new URL("../bin/article-kg.js", import.meta.url));
const SAMPLE = fileURLToPath(new URL("../data/samples/dingxi-2021.txt", import.meta.url));

/** Median wall time in seconds of `runs` fresh processes of `node args…`. */
export function coldStart(args: readonly string[], runs = 10, env: NodeJS.ProcessEnv = process.env): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
    const t = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0) throw new Error(`node ${args.join(" ")} exited ${r.status}: ${r.stderr}`);
    times.push(t);
  }
  times.sort((a, b) => a - b);
  const mid = times.length >> 1;
  return times.length % 2 === 1 ? (times[mid] as number) : ((times[mid - 1] as number) + (times[mid] as number)) / 2;
}

/** Cold-start figures of one run; `*_source_s` only when dist/ is built (else the main figures are the sources'). */
export interface ColdStart {
  readonly compiled: boolean;
  readonly node_s: number;
  readonly help_s: number;
  readonly extract_one_s: number;
  readonly help_source_s?: number;
  readonly extract_one_source_s?: number;
}

/** Measures the cold start of `--help` and of a one-article `extract`. */
export function measureColdStart(runs = 10): ColdStart {
  const help = [BIN, "--help"];
  const extract = [BIN, "extract", SAMPLE, "--published", "2021-03-02"];
  const source = { ...process.env, ARTICLE_KG_SOURCE: "1" };
  const compiled = existsSync(new URL("../dist/BUILD", import.meta.url));
  coldStart(help, 1); // warm the disk cache
  const figures = {
    compiled,
    node_s: coldStart(["-e", "0"], runs),
    help_s: coldStart(help, runs),
    extract_one_s: coldStart(extract, runs),
  };
  if (!compiled) return figures;
  return {
    ...figures,
    help_source_s: coldStart(help, runs, source),
    extract_one_source_s: coldStart(extract, runs, source),
  };
}

const s3 = (x: number) => `${x.toFixed(3)} s`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const r = measureColdStart();
  console.log(
    `cold start, median of 10 fresh processes (${r.compiled ? "compiled dist/" : "no dist/: tsx from src/"}):`,
  );
  console.log(`  node -e 0                ${s3(r.node_s)}  (floor)`);
  const row = (name: string, t: number, src?: number) =>
    console.log(
      `  ${name.padEnd(24)} ${s3(t)}  (${(t / r.node_s).toFixed(1)}× node)${src === undefined ? "" : `  sources via tsx ${s3(src)}: ${(src / t).toFixed(1)}× slower`}`,
    );
  row("article-kg --help", r.help_s, r.help_source_s);
  row("article-kg extract one", r.extract_one_s, r.extract_one_source_s);
  console.log(JSON.stringify(r));
}
