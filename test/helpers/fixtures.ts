/** Hand-built extractions for tests (the extractor is developed separately). */
import type { Article, Extraction, Span } from "../../src/types.js";

/** The span of `exact` in `text` (first occurrence at or after `from`), in code points. */
export function spanOf(text: string, exact: string, from = 0): Span {
  const cps = [...text];
  const target = [...exact];
  for (let i = from; i + target.length <= cps.length; i++)
    if (target.every((c, j) => cps[i + j] === c)) return { start: i, end: i + target.length, exact };
  throw new Error(`"${exact}" not in text`);
}

export const TEXT = `青山县脱贫攻坚成效明显
2020-11-18

“十三五”期间，青山县累计投入扶贫资金12.6亿元。
截至2019年底，全县贫困人口减少到1200余人。`;

export const ARTICLE: Article = {
  id: "qingshan",
  source: "test/qingshan.txt",
  title: "青山县脱贫攻坚成效明显",
  text: TEXT,
  published: "2020-11-18",
  script: "simplified",
};

const QINGSHAN = { code: "610799", name: "青山县", level: "county", parent: "610700" } as const;

/** One article with two observations (one approximate), a place and a program. */
export const EXTRACTION: Extraction = {
  article: ARTICLE,
  mainPlace: QINGSHAN,
  places: [{ place: QINGSHAN, span: spanOf(TEXT, "青山县", 1) }],
  programs: [{ id: "十三五", name: "十三五", kind: "program", mentions: [spanOf(TEXT, "十三五")] }],
  observations: [
    {
      index: 1,
      indicator: "poverty-fund-investment",
      value: "1260000000",
      unit: "CNY",
      place: QINGSHAN,
      period: { start: 2016, end: 2020, phrase: "“十三五”期间" },
      span: spanOf(TEXT, "12.6亿元"),
      context: spanOf(TEXT, "“十三五”期间，青山县累计投入扶贫资金12.6亿元。"),
      kind: "result",
      programs: ["十三五"],
    },
    {
      index: 2,
      indicator: "poor-population",
      value: "1200",
      unit: "PERSON",
      place: QINGSHAN,
      period: { end: 2019, phrase: "截至2019年底" },
      span: spanOf(TEXT, "1200余人"),
      context: spanOf(TEXT, "截至2019年底，全县贫困人口减少到1200余人。"),
      approximation: "more-than",
      direction: "decrease",
      kind: "result",
      programs: [],
    },
  ],
};
