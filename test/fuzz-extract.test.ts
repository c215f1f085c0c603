/**
 * Fuzzing the extractor with random and adversarial Chinese-ish text: no exception, no hang
 * (each case within a time budget), every offset inside the text, and every quote the text
 * between its offsets (code points).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { articleFromText } from "../src/article/read.js";
import { extract } from "../src/extract/index.js";
import type { Extraction, Span } from "../src/types.js";

/** Time one article may take, in ms (the longest texts here are a few thousand characters). */
const BUDGET_MS = 3000;

const ATOMS = [
  "全县",
  "全市",
  "我省",
  "其中",
  "累计",
  "脱贫",
  "贫困人口",
  "万人",
  "亿元",
  "户",
  "个百分点",
  "%",
  "％",
  "年",
  "年底",
  "月",
  "至",
  "到",
  "由",
  "增加到",
  "下降",
  "“",
  "”",
  "（",
  "）",
  "《",
  "》",
  "，",
  "。",
  "、",
  "；",
  "\n",
  "\n\n",
  " ",
  "0",
  "9",
  ".",
  ",",
  "万",
  "亿",
  "千",
  "十",
  "几",
  "余",
  "多",
  "近",
  "约",
  "𠀋",
  "😀",
  "\u200b",
  "\ufeff",
  "\u0000",
  "陝西省",
  "汉中市",
  "略阳县",
  "定西",
  "2020",
  "2016年以来",
  "“十三五”",
  "1/3",
  "三分之二",
  "百分之九十九点九",
];

/** Text built from the genre's atoms, random strings and runs of one atom (adversarial repeats). */
const text = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...ATOMS) },
      { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 4 }) },
      { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 3 }) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom(...ATOMS, "9", "、", "“", "（", "万亿"), fc.integer({ min: 10, max: 400 }))
          .map(([a, n]) => a.repeat(n)),
      },
    ),
    { maxLength: 60 },
  )
  .map((a) => a.join(""));

const cut = (t: string, s: Span) => [...t].slice(s.start, s.end).join("");

function spansOf(r: Extraction): Span[] {
  return [
    ...r.observations.flatMap((o) => [o.span, o.context, ...(o.repeats ?? [])]),
    ...r.places.map((p) => p.span),
    ...r.programs.flatMap((p) => p.mentions),
  ];
}

describe("fuzz: extractor", () => {
  it("never throws or hangs; offsets lie inside the text and quotes are the text between them", () => {
    fc.assert(
      fc.property(text, fc.constantFrom(undefined, "2019-12-31"), (body, published) => {
        const t = `标题\n${body}`;
        const length = [...t].length;
        const started = performance.now();
        const r = extract(articleFromText(t, "fuzz.txt", published ? { published } : {}));
        expect(performance.now() - started).toBeLessThan(BUDGET_MS);
        for (const s of spansOf(r)) {
          expect(Number.isInteger(s.start) && Number.isInteger(s.end)).toBe(true);
          expect(0 <= s.start && s.start <= s.end && s.end <= length).toBe(true);
          expect(cut(t, s)).toBe(s.exact);
        }
        for (const o of r.observations) expect(o.value).toMatch(/^\d+(\.\d+)?$/u);
      }),
      { numRuns: 150 },
    );
  });

  it("a long run of one number-like atom stays within the budget", () => {
    for (const atom of ["9", "9,", "万", "九十", "、9万人", "（", "“", "由9增加到", "1/", "%"]) {
      const t = `标题\n${atom.repeat(3000)}`;
      const started = performance.now();
      const r = extract(articleFromText(t, "long.txt"));
      expect(performance.now() - started, atom).toBeLessThan(BUDGET_MS * 2);
      for (const s of spansOf(r)) expect(cut(t, s)).toBe(s.exact);
    }
  });
});
