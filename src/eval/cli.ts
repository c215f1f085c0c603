/**
 * `npm run eval [-- [DIR | --corpus DIR] --verbose]`: extraction score on ../shared/corpus/dev
 * (or DIR). Bad arguments and folders get one line on stderr and a non-zero exit.
 * Where the corpus is absent (a user's fresh clone), says so and exits 0.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { readArticle } from "../article/read.js";
import { KgError } from "../errors.js";
import { extract } from "../extract/index.js";
import type { Observation } from "../types.js";
import { type ProgramScore, programRecall, scorePrograms } from "./programs.js";
import { type ArticleScore, figures, type Gold, indicatorConsistency, scoreArticle } from "./score.js";

const DEFAULT_CORPUS = resolve(import.meta.dirname, "../../../shared/corpus/dev");

const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)}%`;

function describe(o: Observation): string {
  const period = o.period ? `${o.period.start ?? ""}–${o.period.end ?? ""}` : "-";
  return `"${o.span.exact}"@${o.span.start} ${o.value} ${o.unit} place=${o.place?.code ?? "-"} period=${period} ${o.indicator}${o.kind === "target" ? " TARGET" : ""}${o.why?.period ? ` [period ${o.why.period}]` : ""}${o.why?.place ? ` [place ${o.why.place}]` : ""}`;
}

const FLOORS = resolve(import.meta.dirname, "../../test/fixtures/corpus-floors.json");

/** `--ratchet`: raises the corpus test's floors to the figures just measured (never lowers one). */
function ratchet(measured: Record<string, number>): void {
  const floors = JSON.parse(readFileSync(FLOORS, "utf8")) as Record<string, unknown>;
  const raised: string[] = [];
  for (const [name, value] of Object.entries(measured)) {
    const old = floors[name];
    const now = Math.floor(value * 1000) / 1000;
    if (typeof old === "number" && now > old) {
      floors[name] = now;
      raised.push(`${name} ${old} → ${now}`);
    }
  }
  writeFileSync(FLOORS, `${JSON.stringify(floors, null, 2)}\n`);
  console.log(raised.length > 0 ? `floors raised: ${raised.join(", ")}` : "floors unchanged");
}

const USAGE = "usage: npm run eval -- [DIR | --corpus DIR] [--verbose] [--json] [--ratchet]";

function parseOptions() {
  return parseArgs({
    allowPositionals: true,
    options: {
      verbose: { type: "boolean", short: "v" },
      corpus: { type: "string" },
      json: { type: "boolean" },
      ratchet: { type: "boolean" },
    },
  });
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions();
  } catch (e) {
    console.error(`eval: ${(e as Error).message.replace(/\. To specify a positional.*$/su, ".")}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length > 1 || (positionals.length === 1 && values.corpus !== undefined)) {
    console.error(`eval: give the corpus folder once (as DIR or --corpus DIR).\n${USAGE}`);
    return 2;
  }
  const dir = values.corpus ?? positionals[0] ?? DEFAULT_CORPUS;
  if (positionals.length === 1 && !existsSync(dir)) {
    console.error(`eval: no such folder: ${dir}`);
    return 1;
  }
  if (!existsSync(dir)) {
    console.log(
      `No evaluation corpus at ${dir} (it lives in ../shared/corpus, which a fresh clone does not have): nothing to score.`,
    );
    return 0;
  }
  const names = readdirSync(dir)
    .filter((f) => f.endsWith(".gold.json"))
    .map((f) => f.slice(0, -".gold.json".length))
    .sort();
  if (names.length === 0) {
    console.error(
      `eval: no *.gold.json files in ${dir}: the corpus folder holds NAME.txt with NAME.gold.json beside it.`,
    );
    return 1;
  }
  const scores: ArticleScore[] = [];
  const programScores: ProgramScore[] = [];
  console.log(`${"article".padEnd(18)} gold  ext   prec  recall   unit  place period  s-prec s-rec`);
  for (const name of names) {
    const gold = JSON.parse(readFileSync(join(dir, `${name}.gold.json`), "utf8")) as Gold;
    const article = await readArticle(join(dir, `${name}.txt`), gold.published ? { published: gold.published } : {});
    const result = extract(article);
    const s = scoreArticle(name, gold, result.observations);
    scores.push(s);
    programScores.push(scorePrograms(name, gold.programs_mentioned ?? [], result));
    const f = figures([s]);
    console.log(
      `${name.padEnd(18)} ${String(s.gold).padStart(4)} ${String(s.extracted).padStart(4)} ${pct(f.precision)} ${pct(f.recall)} ${pct(f.unit)} ${pct(f.place)} ${pct(f.period)} ${pct(f.strictPrecision)} ${pct(f.strictRecall)}`,
    );
    if (values.verbose) {
      for (const m of s.misses) console.log(`    MISS "${m.quote}"@${m.start} ${m.value} ${m.unit} — ${m.label ?? ""}`);
      for (const o of s.falsePositives) console.log(`    FP   ${describe(o)}`);
      for (const m of s.matches) {
        const wrong = [!m.unit && "unit", !m.place && "place", !m.period && "period"].filter(Boolean);
        if (wrong.length > 0)
          console.log(
            `    WRONG ${wrong.join(",")}: ${describe(m.obs)}  gold: ${m.gold.unit} ${m.gold.place ?? "-"} ${m.gold.period?.start ?? ""}–${m.gold.period?.end ?? ""}`,
          );
      }
    }
  }
  const f = figures(scores);
  const ic = indicatorConsistency(scores);
  const total = scores.reduce((a, s) => a + s.gold, 0);
  const ext = scores.reduce((a, s) => a + s.extracted, 0);
  console.log(
    `${"OVERALL".padEnd(18)} ${String(total).padStart(4)} ${String(ext).padStart(4)} ${pct(f.precision)} ${pct(f.recall)} ${pct(f.unit)} ${pct(f.place)} ${pct(f.period)} ${pct(f.strictPrecision)} ${pct(f.strictRecall)}`,
  );
  console.log(
    `indicator consistency (B-cubed over ${ic.n} categorised matches): precision ${pct(ic.precision)}, recall ${pct(ic.recall)}`,
  );
  const pr = programRecall(programScores);
  console.log(
    `national programs named in the gold (programs_mentioned): found ${pr.found} of ${pr.named} (article, program) pairs, recall ${pct(pr.recall)}`,
  );
  if (values.verbose)
    for (const p of programScores)
      if (p.found.length < p.named.length)
        console.log(`    PROGRAM MISS ${p.name}: ${p.named.filter((id) => !p.found.includes(id)).join(", ")}`);
  if (values.verbose) {
    const byCat = new Map<string, Map<string, number>>();
    for (const s of scores)
      for (const m of s.matches) {
        if (m.gold.category == null) continue;
        const row = byCat.get(m.gold.category) ?? new Map<string, number>();
        row.set(m.obs.indicator, (row.get(m.obs.indicator) ?? 0) + 1);
        byCat.set(m.gold.category, row);
      }
    for (const [cat, row] of [...byCat].sort())
      console.log(`    ${cat}: ${[...row].map(([i, n]) => `${i}×${n}`).join(", ")}`);
  }
  const measured = { ...f, indicatorPrecision: ic.precision, indicatorRecall: ic.recall };
  if (values.json) console.log(JSON.stringify(measured));
  if (values.ratchet) ratchet(measured);
  return 0;
}

try {
  // `npm run eval | head`: a reader that stops early ends the run quietly, without a stack trace
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(0);
    throw e;
  });
  process.exitCode = await main();
} catch (e) {
  // A user's error (a missing or unreadable article) is one line; anything else is a bug.
  if (e instanceof KgError) {
    console.error(`eval: ${e.message}`);
    process.exitCode = 1;
  } else throw e;
}
