/**
 * Scores the extractor on a generated corpus in memory (no files), with the rules of
 * src/eval/score.ts — the figures `npm run eval -- --corpus DIR` prints for the same corpus,
 * for the bench's `generated_precision` / `generated_recall`.
 * `node --import tsx bench/corpus/evaluate.ts [--articles N] [--seed S]` prints them as JSON.
 */
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { articleFromText } from "../../src/article/read.js";
import { type ArticleScore, figures, type Gold, indicatorConsistency, scoreArticle } from "../../src/eval/score.js";
import { extract } from "../../src/extract/index.js";
import { generateCorpus } from "./generate.js";

/** Pooled figures of the extractor on articles 0…n−1 of the corpus of `seed`. */
export function scoreGenerated(seed: number, n: number) {
  const scores: ArticleScore[] = [];
  let gold = 0;
  for (const a of generateCorpus(seed, n)) {
    const article = articleFromText(
      a.text,
      `${a.name}.txt`,
      a.gold.published === null ? {} : { published: a.gold.published },
    );
    scores.push(scoreArticle(a.name, a.gold as Gold, extract(article).observations));
    gold += a.gold.observations.length;
  }
  const ic = indicatorConsistency(scores);
  return { articles: n, gold, ...figures(scores), indicatorPrecision: ic.precision, indicatorRecall: ic.recall };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: { articles: { type: "string", default: "200" }, seed: { type: "string", default: "1" } },
  });
  console.log(JSON.stringify(scoreGenerated(Number(values.seed), Number(values.articles))));
}
