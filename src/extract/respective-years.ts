/**
 * "2014年至2019年，全县分别减贫1.2万人、2.8万人…和9.6万人": a span or list of years followed by
 * 分别 and as many numbers of one unit dates each number with its own year, in order.
 */
import type { PeriodPhrase } from "./periods.js";
import type { Quantity } from "./quantities.js";
import type { Range } from "./segment.js";

const RESPECTIVELY = "分别";

/** The years a span or list names, in order (2014年至2019年: six; 2018、2019年: two). */
function yearsOf(p: PeriodPhrase): number[] {
  if (p.kind === "range" && p.period.start !== undefined && p.period.end !== undefined) {
    const n = p.period.end - p.period.start + 1;
    return n > 1 && n <= 12 ? Array.from({ length: n }, (_, i) => (p.period.start as number) + i) : [];
  }
  if (p.kind === "list") return [...p.period.phrase.matchAll(/(?:19|20)\d\d/gu)].map((m) => Number(m[0]));
  return [];
}

/** A span or list of years written before 分别, in the sentence of the quantity. */
export function respectivelyDistributed(
  s: string,
  periods: readonly PeriodPhrase[],
  sentence: Range,
): { phrase: PeriodPhrase; years: number[]; after: number } | undefined {
  for (const p of periods) {
    if (p.start < sentence.start || p.end > sentence.end) continue;
    if (p.kind !== "range" && p.kind !== "list") continue;
    const found = s.slice(p.end, sentence.end).indexOf(RESPECTIVELY);
    if (found < 0) continue;
    const at = p.end + found;
    const years = yearsOf(p);
    if (years.length > 1) return { phrase: p, years, after: at + RESPECTIVELY.length };
  }
  return undefined;
}

/** The year of quantity `qi` when its sentence distributes a span of years with 分别. */
export function respectiveYear(
  s: string,
  periods: readonly PeriodPhrase[],
  quantities: readonly Quantity[],
  qi: number,
  sentence: Range,
): { year: number; phrase: PeriodPhrase } | undefined {
  const q = quantities[qi] as Quantity;
  const d = respectivelyDistributed(s, periods, sentence);
  if (d === undefined || q.start < d.after) return undefined;
  const members = quantities
    .map((x, i) => ({ x, i }))
    .filter(({ x }) => x.start >= d.after && x.end <= sentence.end && x.unit === q.unit);
  if (members.length !== d.years.length) return undefined;
  const year = d.years[members.findIndex(({ i }) => i === qi)];
  return year === undefined ? undefined : { year, phrase: d.phrase };
}
