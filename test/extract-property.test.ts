/**
 * Property tests: for any input text the extractor never throws, and every span selects
 * exactly its quote when the text is cut at code point offsets.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { articleFromText } from "../src/article/read.js";
import { extract } from "../src/extract/index.js";

const cut = (text: string, start: number, end: number) => [...text].slice(start, end).join("");

/** Pieces of the genre, so that random texts actually contain facts. */
const PIECES = [
  "漢中市",
  "略陽縣",
  "陜西省",
  "全县",
  "累計減貧",
  "41.3萬人",
  "872個貧困村退出",
  "2600余公里",
  "95.42億元",
  "“十三五”期間",
  "2016年以來",
  "由2014年底的3120.5元增加到2018年底的7788.1元",
  "下降4.37個百分點",
  "七成以上",
  "、",
  "，",
  "。",
  "\n",
  "(2017 年实施2315户)",
  "供圖",
  "𠀋",
  "😀",
  "１２３４％",
  "“521”",
  "一半以上",
  "過半",
  "三分之一",
  "2/3",
  "萬餘人",
  "十几万元",
  "由5.2%下降到零",
  "百分之九十五點五",
  "两成",
  "2.2萬來自貧困家庭的勞動力",
];

const genreText = fc.array(
  fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 }), fc.string({ unit: "binary", maxLength: 4 })),
  {
    maxLength: 40,
  },
);

describe("extractor properties", () => {
  it("never throws and every span selects its exact text (code points)", () => {
    fc.assert(
      fc.property(genreText, fc.constantFrom(undefined, "2020-06-30"), (parts, published) => {
        const text = `标题\n${parts.join("")}`;
        const result = extract(articleFromText(text, "p.txt", published ? { published } : {}));
        for (const o of result.observations) {
          for (const span of [o.span, o.context, ...(o.repeats ?? [])]) {
            expect(cut(text, span.start, span.end)).toBe(span.exact);
            expect(span.start).toBeLessThan(span.end);
          }
          expect(o.value).toMatch(/^\d+(\.\d+)?$/u);
        }
        for (const p of result.places) expect(cut(text, p.span.start, p.span.end)).toBe(p.span.exact);
        for (const p of result.programs) for (const m of p.mentions) expect(cut(text, m.start, m.end)).toBe(m.exact);
      }),
      { numRuns: 400 },
    );
  });

  it("never throws on arbitrary Unicode", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
        const text = `t\n${s}`;
        for (const o of extract(articleFromText(text, "p.txt")).observations)
          expect(cut(text, o.span.start, o.span.end)).toBe(o.span.exact);
      }),
      { numRuns: 300 },
    );
  });
});
