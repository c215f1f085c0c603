/**
 * Quantities: a number with its scale and measure word, as written ("130.87亿元",
 * "3000余公里", "七成以上", "13.1万慢性病贫困患者"), its value in the base unit, and how it is
 * approximate or bounded. Rejects years, dates, ordinals, names in quotes, idioms and list
 * numbering. Pure; positions are UTF-16 indices into the Simplified copy.
 */
import type { Approximation, Bound, Direction, UnitCode } from "../types.js";
import { alternation, lexicon } from "./lexicon.js";
import { CHINESE_NUMERAL_CHARS, normaliseArabic, parseChineseNumeral, scaleDecimal } from "./numbers.js";

/** A quantity found in the text. */
export interface Quantity {
  /** Start of the number (the span starts here). */
  readonly start: number;
  /** End of the measure word and bound word. */
  readonly end: number;
  /** Start of a prefix word (近, 低于) when there is one, else `start`. */
  readonly prefixStart: number;
  readonly value: string;
  readonly unit: UnitCode;
  /** Unit came from a counted noun, not a measure word (13.1万慢性病贫困患者). */
  readonly unitFromNoun: boolean;
  /** The measure word as written ("个", "公里"), or the noun. */
  readonly measure: string;
  readonly approximation?: Approximation;
  readonly bound?: Bound;
  readonly direction?: Direction;
  /** Written after a change word (降至/增加到): a level, not a change. */
  readonly changeTo: boolean;
}

interface Compiled {
  readonly re: RegExp;
  readonly before: readonly { word: string; approximation?: Approximation; bound?: Bound }[];
  readonly directionWords: readonly { word: string; direction: Direction }[];
}
let compiled: Compiled | undefined;

function compile(): Compiled {
  const lx = lexicon();
  const r = lx.raw;
  const num = `(?<num>\\d+(?:,\\d{3})*(?:\\.\\d+)?|[${CHINESE_NUMERAL_CHARS}]+)`;
  const approx = `(?<approx>${alternation(Object.keys(r.approximation.after))})?`;
  const scale = `(?<scale>万亿|千万|百万|亿|万)?`;
  const approx2 = `(?<approx2>余|多)?`;
  const mw = `(?<mw>${lx.measureWordPattern})?`;
  const post = `(?<post>${alternation([...Object.keys(r.bounds.after), "左右"])})?`;
  const re = new RegExp(`${num}[ \\t]?${approx}${scale}${approx2}[ \\t]?${mw}${post}`, "gu");
  const before: { word: string; approximation?: Approximation; bound?: Bound }[] = [];
  for (const [word, a] of Object.entries(r.approximation.before)) before.push({ word, approximation: a });
  for (const [word, b] of Object.entries(r.bounds.before)) before.push({ word, bound: b });
  before.sort((a, b) => b.word.length - a.word.length);
  const directionWords = [
    ...r.directions.increase.map((word) => ({ word, direction: "increase" as const })),
    ...r.directions.decrease.map((word) => ({ word, direction: "decrease" as const })),
  ].sort((a, b) => b.word.length - a.word.length);
  return { re, before, directionWords };
}

/** Finds the counted noun after (or just before) a scaled number without a measure word. */
function nounUnit(s: string, start: number, end: number): { unit: UnitCode; noun: string } | undefined {
  const after = s.slice(end, end + 8);
  for (const { noun, unit } of lexicon().countedNouns) {
    const i = after.indexOf(noun);
    if (i >= 0 && !/[,，。;；、]/u.test(after.slice(0, i))) return { unit, noun };
  }
  const before = s.slice(Math.max(0, start - 6), start);
  for (const { noun, unit } of lexicon().countedNouns) if (before.endsWith(noun)) return { unit, noun };
  return undefined;
}

/** Finds every quantity in a Simplified text. `skip(i)` says a position holds no facts. */
export function findQuantities(s: string, skip: (start: number, end: number) => boolean): Quantity[] {
  compiled ??= compile();
  const lx = lexicon();
  const r = lx.raw;
  const out: Quantity[] = [];
  const re = compiled.re;
  re.lastIndex = 0;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    const g = m.groups ?? {};
    const numText = g.num ?? "";
    const start = m.index;
    const chinese = !/^\d/u.test(numText);
    let end = start + m[0].length;
    const prev = s[start - 1] ?? "";
    // part of a longer token: a letter, a digit or a decimal point before the number
    if (/[\dA-Za-z.]/u.test(prev)) continue;
    if (r.notBeforeNumber.some((w) => s.endsWith(w, start))) continue;
    const afterNum = s.slice(start + numText.length);
    if (r.notAfterNumber.some((w) => afterNum.replace(/^[ \t]/u, "").startsWith(w))) continue;
    if (/^\s*[、.．]/u.test(afterNum) && /(^|\n)\s*$/u.test(s.slice(Math.max(0, start - 3), start))) continue; // list numbering "1、"
    const mwText = g.mw;
    const measure = mwText !== undefined ? lx.measureWords.get(mwText) : undefined;
    let value: string;
    if (chinese) {
      if (measure === undefined) continue;
      if (r.idioms.some((w) => s.startsWith(w, start) || (start > 0 && s.slice(start - 1, start - 1 + w.length) === w)))
        continue;
      // “五个一批”, 三个一: slogans, not counts
      if (r.sloganAfterMeasure.some((w) => s.startsWith(w, start + numText.length + (mwText?.length ?? 0)))) continue;
      const n = parseChineseNumeral(numText);
      if (n === undefined || n === 1) continue;
      value = String(n);
    } else {
      if (measure?.requiresChineseNumeral) continue;
      value = normaliseArabic(numText);
    }
    if (skip(start, end)) continue;
    if (g.scale !== undefined) value = scaleDecimal(value, lx.scales.get(g.scale) ?? "1");
    let unit: UnitCode;
    let unitFromNoun = false;
    let measureText: string;
    if (measure !== undefined) {
      unit = measure.unit;
      measureText = mwText ?? "";
      if (measure.scale !== undefined) value = scaleDecimal(value, measure.scale);
    } else {
      const noun = nounUnit(s, start, end);
      if (noun === undefined) continue; // a bare number: not a fact we can type
      unit = noun.unit;
      unitFromNoun = true;
      measureText = noun.noun;
      // the span covers the number and scale as written ("13.1万")
    }
    // "30户以上村民组": a size class of the noun after it, not a fact
    if (g.post !== undefined && r.thresholdNouns.nouns.some((n) => s.startsWith(n, start + m[0].length))) continue;
    // trailing spaces are not part of the span
    while (end > start && /\s/u.test(s[end - 1] as string)) end--;
    let approximation: Approximation | undefined;
    const a = g.approx ?? g.approx2;
    if (a !== undefined) approximation = r.approximation.after[a];
    let bound: Bound | undefined = g.post !== undefined ? r.bounds.after[g.post] : undefined;
    if (g.post === "左右") approximation = "about";
    // prefix words: 近, 约, 超过, 低于 … (possibly after 均/达)
    let prefixStart = start;
    const head = s.slice(Math.max(0, start - 6), start);
    for (const b of compiled.before) {
      if (head.endsWith(b.word)) {
        prefixStart = start - b.word.length;
        if (b.approximation !== undefined) approximation ??= b.approximation;
        if (b.bound !== undefined) bound ??= b.bound;
        break;
      }
    }
    // direction of a change: 下降5.95个百分点, 减少9000人, 增收5000元
    const lead = s.slice(Math.max(0, prefixStart - 6), prefixStart).replace(/[了均达为约共]+$/u, "");
    const changeTo = r.changeTo.some((w) => lead.endsWith(w));
    let direction: Direction | undefined;
    if (!changeTo) direction = compiled.directionWords.find((d) => lead.endsWith(d.word))?.direction;
    out.push({
      start,
      end,
      prefixStart,
      value,
      unit,
      unitFromNoun,
      measure: measureText,
      changeTo,
      ...(approximation !== undefined ? { approximation } : {}),
      ...(bound !== undefined ? { bound } : {}),
      ...(direction !== undefined ? { direction } : {}),
    });
  }
  return out;
}
