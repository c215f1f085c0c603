/**
 * Quantities: a number with its scale and measure word, as written ("130.87亿元",
 * "3000余公里", "七成以上", "十几万元", "万余人", "13.1万慢性病贫困患者", and the written-out
 * numbers of written.ts: 三分之一, 一半以上, 下降到零), its value in the base unit, and how it is
 * approximate or bounded. Rejects years, dates, ordinals, names in quotes, idioms and list
 * numbering. Pure; positions are UTF-16 indices into the Simplified copy.
 */
import type { Approximation, Bound, Direction, UnitCode } from "../types.js";
import { alternation, lexicon } from "./lexicon.js";
import { CHINESE_NUMERAL_CHARS, normaliseArabic, parseRoughChineseNumeral, scaleDecimal } from "./numbers.js";
import { wordList } from "./words.js";
import { findWrittenNumbers, type WrittenNumber } from "./written.js";

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
  /** Words between a prefix word and the number (超过了, 均达), stripped from the end of the lead. */
  readonly leadFillers: RegExp;
}
let compiled: Compiled | undefined;

function compile(): Compiled {
  const lx = lexicon();
  const r = lx.raw;
  // a lone 万/亿 before 余/多 (万余人) is one of it
  const afterScale = alternation(r.approximation.afterScale);
  const num = `(?<num>\\d+(?:,\\d{3})*(?:\\.\\d+)?|[${CHINESE_NUMERAL_CHARS}几]+|(?=(?:${alternation(r.loneScales)})(?:${afterScale})))`;
  const approx = `(?<approx>${alternation(Object.keys(r.approximation.after))})?`;
  const scale = `(?<scale>${alternation(r.numberScales)})?`;
  const approx2 = `(?<approx2>${afterScale})?`;
  const mw = `(?<mw>${lx.measureWordPattern})?`;
  const post = `(?<post>${alternation([...Object.keys(r.bounds.after), ...r.approximation.aboutAfter])})?`;
  const re = new RegExp(`${num}[ \\t]?${approx}${scale}${approx2}[ \\t]?${mw}${post}`, "gu");
  const before: { word: string; approximation?: Approximation; bound?: Bound }[] = [];
  for (const [word, a] of Object.entries(r.approximation.before)) before.push({ word, approximation: a });
  for (const [word, b] of Object.entries(r.bounds.before)) before.push({ word, bound: b });
  before.sort((a, b) => b.word.length - a.word.length);
  const directionWords = [
    ...r.directions.increase.map((word) => ({ word, direction: "increase" as const })),
    ...r.directions.decrease.map((word) => ({ word, direction: "decrease" as const })),
  ].sort((a, b) => b.word.length - a.word.length);
  const leadFillers = new RegExp(`(?:${alternation(r.leadFillers)})+$`, "u");
  return { re, before, directionWords, leadFillers };
}

/**
 * Longest stretch between a bare number and the noun that gives its unit: long past modifiers
 * for a scaled number (3.5万建档立卡贫困人口), short for a plain integer (a road number, a code).
 */
const NOUN_REACH = { scaled: 16, plain: 8 };

/**
 * Finds the counted noun of a number without a measure word: the head noun after it, past
 * modifiers (3.5万建档立卡贫困人口; in 7.5万来自贫困家庭的劳动力 the noun before 的 is a
 * modifier), up to punctuation or a stop word; else a noun just before the number.
 */
function nounUnit(
  s: string,
  start: number,
  end: number,
  scaled: boolean,
): { unit: UnitCode; noun: string } | undefined {
  const lx = lexicon();
  const after = s.slice(end, end + (scaled ? NOUN_REACH.scaled : NOUN_REACH.plain));
  const stop = after.search(/[,，。;；、:：!！?？\n()（）“”"]/u);
  const reach = stop >= 0 ? after.slice(0, stop) : after;
  for (let i = 0; i < reach.length; i++) {
    if (wordList(lx.raw.nounUnitStops.words).startsAt(reach, i)) return undefined;
    const hit = lx.countedNouns.find(({ noun }) => reach.startsWith(noun, i));
    if (hit === undefined) continue;
    if (reach[i + hit.noun.length] === "的") {
      i += hit.noun.length - 1; // a modifier: the head noun comes later
      continue;
    }
    return hit;
  }
  const before = s.slice(Math.max(0, start - 6), start);
  for (const { noun, unit } of lx.countedNouns) if (before.endsWith(noun)) return { unit, noun };
  return undefined;
}

/** Prefix words (近, 约, 超过, 低于 …) and the change a number states (下降5.95个百分点, 降至3%). */
function decorate(
  s: string,
  start: number,
): {
  prefixStart: number;
  approximation?: Approximation;
  bound?: Bound;
  direction?: Direction;
  changeTo: boolean;
} {
  const c = compiled as Compiled;
  const r = lexicon().raw;
  let prefixStart = start;
  let approximation: Approximation | undefined;
  let bound: Bound | undefined;
  const head = s.slice(Math.max(0, start - 6), start);
  for (const b of c.before) {
    if (head.endsWith(b.word)) {
      prefixStart = start - b.word.length;
      approximation = b.approximation;
      bound = b.bound;
      break;
    }
  }
  const lead = s.slice(Math.max(0, prefixStart - 6), prefixStart).replace(c.leadFillers, "");
  const changeTo = wordList(r.changeTo).endsAt(lead);
  const direction = changeTo ? undefined : c.directionWords.find((d) => lead.endsWith(d.word))?.direction;
  return withOptional({ prefixStart, changeTo }, approximation, bound, direction);
}

/**
 * `o` with the optional fields that are defined, added in this order: assigned, not spread
 * (`...(x !== undefined ? { x } : {})` copies the object once per field, on every number).
 */
function withOptional<T extends object>(
  o: T,
  approximation: Approximation | undefined,
  bound: Bound | undefined,
  direction: Direction | undefined,
): T & { approximation?: Approximation; bound?: Bound; direction?: Direction } {
  const out: T & { approximation?: Approximation; bound?: Bound; direction?: Direction } = o;
  if (approximation !== undefined) out.approximation = approximation;
  if (bound !== undefined) out.bound = bound;
  if (direction !== undefined) out.direction = direction;
  return out;
}

/** The unit of a zero level: that of the number it fell from (由5.48%下降到零), else of the noun before. */
function zeroUnit(s: string, z: WrittenNumber, found: readonly Quantity[]): UnitCode | undefined {
  const lx = lexicon();
  const clauseStart = Math.max(0, ...[..."，,。；;！!？?\n"].map((p) => s.lastIndexOf(p, z.start - 1) + 1));
  const from = found.findLast((q) => q.end <= z.start && q.start >= clauseStart);
  if (from !== undefined) return from.unit;
  const lead = s.slice(clauseStart, z.start);
  if (wordList(lx.raw.writtenNumbers.rateNouns).occursIn(lead)) return "PERCENT";
  let best: { at: number; unit: UnitCode } | undefined;
  for (const { noun, unit } of lx.countedNouns) {
    const at = lead.lastIndexOf(noun);
    if (at >= 0 && (best === undefined || at > best.at)) best = { at, unit };
  }
  return best?.unit;
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
    if (numText === "" && CHINESE_NUMERAL_CHARS.includes(prev)) continue; // 千万余: not a lone 万
    if (wordList(r.notBeforeNumber).endsAt(s, start)) continue;
    const afterNum = s.slice(start + numText.length);
    // the words after the number, past one space or tab
    const afterAt = start + numText.length + (afterNum.startsWith(" ") || afterNum.startsWith("\t") ? 1 : 0);
    if (wordList(r.notAfterNumber).startsAt(s, afterAt)) continue;
    if (/^\s*[、.．]/u.test(afterNum) && /(^|\n)\s*$/u.test(s.slice(Math.max(0, start - 3), start))) continue; // list numbering "1、"
    const mwText = g.mw;
    const measure = mwText !== undefined ? lx.measureWords.get(mwText) : undefined;
    let value: string;
    let rough = false;
    if (chinese) {
      if (measure === undefined) continue;
      if (wordList(r.idioms).startsAt(s, start) || (start > 0 && wordList(r.idioms).startsAt(s, start - 1))) continue;
      // “五个一批”, 三个一: slogans, not counts
      if (wordList(r.sloganAfterMeasure).startsAt(s, start + numText.length + (mwText?.length ?? 0))) continue;
      // 成 as a tenth: not 成为, 成员, 一成不变
      if (mwText === "成" && wordList(r.writtenNumbers.notAfterCheng).startsAt(s, start + m[0].length)) continue;
      if (/^[零〇]$/u.test(numText)) continue; // 零件, 零部件: a word (a zero level is in written.ts)
      // 一成 is 10 % after 占/不足/约…, else part of a word (单一成分)
      if (numText === "一" && !wordList(r.writtenNumbers.oneTenthAfter).endsAt(s, start)) continue;
      const n = numText === "" ? { value: 1, rough: false } : parseRoughChineseNumeral(numText);
      // 一个 is rarely a fact; 一成 (10 %) and 万余 (numText "") are
      if (n === undefined || (n.value === 1 && numText !== "" && measure.unit !== "PERCENT")) continue;
      value = String(n.value);
      rough = n.rough;
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
      const noun = nounUnit(s, start, end, g.scale !== undefined || numText.includes("."));
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
    else if (mwText === "成" && g.post === undefined && s[end] === "多") {
      end++; // 七成多
      approximation = "more-than";
    } else if (rough) approximation = "more-than"; // 十几万元
    let bound: Bound | undefined = g.post !== undefined ? r.bounds.after[g.post] : undefined;
    if (g.post !== undefined && r.approximation.aboutAfter.includes(g.post)) approximation = "about";
    // prefix words: 近, 约, 超过, 低于 … (possibly after 均/达); the change it states
    const d = decorate(s, start);
    approximation ??= d.approximation;
    bound ??= d.bound;
    const { prefixStart, changeTo, direction } = d;
    out.push(
      withOptional(
        { start, end, prefixStart, value, unit, unitFromNoun, measure: measureText, changeTo },
        approximation,
        bound,
        direction,
      ),
    );
  }
  return withWritten(s, skip, out);
}

/** Adds the written-out numbers (三分之一, 一半以上, 下降到零) to the quantities found. */
function withWritten(s: string, skip: (start: number, end: number) => boolean, found: Quantity[]): Quantity[] {
  const written: Quantity[] = [];
  for (const w of findWrittenNumbers(s)) {
    if (skip(w.start, w.end) || found.some((q) => q.start < w.end && w.start < q.end)) continue;
    const unit = w.kind === "zero" ? zeroUnit(s, w, found) : "PERCENT";
    if (unit === undefined) continue;
    const d = decorate(s, w.start);
    const approximation = w.approximation ?? d.approximation;
    const bound = w.bound ?? d.bound;
    written.push(
      withOptional(
        {
          start: w.start,
          end: w.end,
          prefixStart: d.prefixStart,
          value: w.value,
          unit,
          unitFromNoun: false,
          measure: s.slice(w.start, w.end),
          changeTo: d.changeTo || w.kind === "zero",
        },
        approximation,
        bound,
        w.kind !== "zero" ? d.direction : undefined,
      ),
    );
  }
  if (written.length === 0) return found;
  return [...found, ...written].sort((a, b) => a.start - b.start);
}
