/**
 * What a growth is of. "增长3.9%" after 地区生产总值 is not income growth, after 人均可支配收入 it
 * is: the nearest subject word before the number in its sentence decides (data/lexicon.json,
 * growthSubjects), the longer word where two end together (财政收入 is not income).
 */
import { lexicon } from "./lexicon.js";

/** Income indicators and what they become when the growth is of something else. */
const NOT_INCOME: Readonly<Record<string, string>> = {
  "income-growth": "other-growth-rate",
  "income-increase-amount": "other-amount",
};

function subjectBefore(s: string, from: number, at: number): "income" | "other" | undefined {
  const g = lexicon().raw.growthSubjects;
  const text = s.slice(from, at);
  let best: { end: number; length: number; kind: "income" | "other" } | undefined;
  for (const [kind, words] of [
    ["income", g.income],
    ["other", g.other],
  ] as const) {
    for (const w of words) {
      const i = text.lastIndexOf(w);
      if (i < 0) continue;
      const end = i + w.length;
      if (best === undefined || end > best.end || (end === best.end && w.length > best.length))
        best = { end, length: w.length, kind };
    }
  }
  return best?.kind;
}

/** The indicators of a number, with an income indicator replaced when the growth is of something else. */
export function growthOf(
  indicators: readonly string[],
  s: string,
  sentenceStart: number,
  at: number,
): readonly string[] {
  if (!indicators.some((i) => NOT_INCOME[i] !== undefined)) return indicators;
  if (subjectBefore(s, sentenceStart, at) !== "other") return indicators;
  return indicators.map((i) => NOT_INCOME[i] ?? i);
}
