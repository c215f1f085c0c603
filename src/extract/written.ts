/**
 * Numbers written without digits and measure words: fractions (三分之一, 1/3, 百分之九十五,
 * 千分之三), halves (一半以上, 过半, 半数) and a zero level (下降到零). Each is found with its
 * own bound word after it (以上, 左右); the caller gives it its prefix words, its direction and,
 * for a zero, its unit. The word tables are in data/lexicon.json (writtenNumbers). Pure;
 * positions are UTF-16 indices into the Simplified copy.
 */
import type { Approximation, Bound } from "../types.js";
import { alternation, lexicon } from "./lexicon.js";
import { fractionPercent, normaliseArabic, parseChineseDecimal, parseChineseNumeral } from "./numbers.js";

/** A written-out number: a percentage, or a zero whose unit the caller finds. */
export interface WrittenNumber {
  readonly start: number;
  readonly end: number;
  readonly value: string;
  /** PERCENT for fractions and halves; a zero takes the unit of what fell to it. */
  readonly kind: "percent" | "zero";
  readonly approximation?: Approximation;
  readonly bound?: Bound;
}

interface Compiled {
  readonly fraction: RegExp;
  readonly percentWord: RegExp;
  readonly slash: RegExp;
  readonly half: RegExp;
  readonly post: RegExp;
  readonly zeroAfter: RegExp;
}
let compiled: Compiled | undefined;

const CN = "零〇一二两三四五六七八九十";

function compile(): Compiled {
  const w = lexicon().raw.writtenNumbers;
  return {
    // 三分之一, 千分之三 (not 百分之: that one is a percentage written out)
    fraction: new RegExp(`(?<den>[${CN}百千]+|\\d{1,4})分之(?<num>[${CN}]+|\\d{1,4})`, "gu"),
    // 百分之九十五, 百分之五点五, 百分之百, 百分之30
    percentWord: new RegExp(`百分之(?<pct>\\d+(?:\\.\\d+)?|[${CN}百]+(?:点[${CN}]+)?)`, "gu"),
    // 1/3, 2/5: a small proper fraction standing alone (not 2020/10/29, not a URL)
    slash: /(?<![\d/.A-Za-z])(?<num>\d{1,2})\s?[/／]\s?(?<den>\d{1,2})(?![\d/.／])/gu,
    half: new RegExp(alternation([...w.half, ...Object.keys(w.halfAlone)]), "gu"),
    post: /^(?:以上|以下|以内|左右)/u,
    zeroAfter: new RegExp(`(?:${alternation(w.zeroAfter)})了?$`, "u"),
  };
}

function withPost(s: string, end: number): { end: number; approximation?: Approximation; bound?: Bound } {
  const c = compiled as Compiled;
  const post = c.post.exec(s.slice(end, end + 2))?.[0];
  if (post === undefined) return { end };
  if (post === "左右") return { end: end + 2, approximation: "about" };
  const bound = lexicon().raw.bounds.after[post];
  return bound !== undefined ? { end: end + post.length, bound } : { end: end + post.length };
}

/** A percentage with the optional fields that are defined (assigned, not spread: this runs on every match). */
function percent(
  start: number,
  end: number,
  value: string,
  approximation: Approximation | undefined,
  bound: Bound | undefined,
): WrittenNumber {
  const out: { -readonly [K in keyof WrittenNumber]: WrittenNumber[K] } = { start, end, value, kind: "percent" };
  if (approximation !== undefined) out.approximation = approximation;
  if (bound !== undefined) out.bound = bound;
  return out;
}

function fraction(start: number, end: number, num: number, den: number, s: string): WrittenNumber | undefined {
  if (!(num > 0 && den > 1 && num <= den)) return undefined;
  const { value, exact } = fractionPercent(num, den, lexicon().raw.writtenNumbers.fractionRound);
  const p = withPost(s, end);
  const approximation = p.approximation ?? (exact ? undefined : "about");
  return percent(start, p.end, value, approximation, p.bound);
}

const chineseOrArabic = (t: string) => (/^\d/u.test(t) ? Number(normaliseArabic(t)) : parseChineseNumeral(t));

/** Finds the written-out numbers of a Simplified text. */
export function findWrittenNumbers(s: string): WrittenNumber[] {
  compiled ??= compile();
  const c = compiled;
  const lx = lexicon().raw;
  const w = lx.writtenNumbers;
  const out: WrittenNumber[] = [];
  for (const m of s.matchAll(c.percentWord)) {
    const t = m.groups?.pct ?? "";
    const value = /^\d/u.test(t) ? normaliseArabic(t) : parseChineseDecimal(t);
    if (value === undefined) continue;
    const p = withPost(s, m.index + m[0].length);
    out.push(percent(m.index, p.end, value, p.approximation, p.bound));
  }
  for (const m of s.matchAll(c.fraction)) {
    const denText = m.groups?.den ?? "";
    if (denText === "百") continue; // 百分之…: above
    const den = denText === "千" ? 1000 : chineseOrArabic(denText);
    const num = chineseOrArabic(m.groups?.num ?? "");
    if (den === undefined || num === undefined) continue;
    const f = fraction(m.index, m.index + m[0].length, num, den, s);
    if (f !== undefined) out.push(f);
  }
  for (const m of s.matchAll(c.slash)) {
    const den = Number(m.groups?.den);
    if (den > 10 || lx.notBeforeNumber.some((x) => s.endsWith(x, m.index))) continue; // 第1/3页
    const f = fraction(m.index, m.index + m[0].length, Number(m.groups?.num), den, s);
    if (f !== undefined) out.push(f);
  }
  for (const m of s.matchAll(c.half)) {
    const start = m.index;
    const end = start + m[0].length;
    if (/^[年月日天周个]/u.test(s.slice(end, end + 1)) || s[start - 1] === "另") continue; // 过半年, 另一半
    const alone = w.halfAlone[m[0]];
    const p = withPost(s, end);
    const head = s.slice(Math.max(0, start - 3), start);
    const prefixed = [...Object.keys(lx.approximation.before), ...Object.keys(lx.bounds.before), "占"].some((x) =>
      head.endsWith(x),
    );
    if (alone === undefined && p.end === end && !prefixed) continue; // a bare 一半 is a way of speaking
    const bound = p.bound ?? alone;
    out.push(percent(start, p.end, "50", p.approximation, bound));
  }
  // 零, or a bare 0 (降为0): a zero level after a change word
  for (const m of s.matchAll(/零|(?<![\d.．,])0(?![\d.．,%％])/gu)) {
    const i = m.index;
    if (w.zeroNotBefore.some((x) => s.startsWith(x, i + 1))) continue; // 零点五, 零星
    if (!c.zeroAfter.test(s.slice(Math.max(0, i - 6), i))) continue;
    if (/[零〇一二两三四五六七八九十百千\d]/u.test(s[i - 1] ?? "")) continue;
    out.push({ start: i, end: i + 1, value: "0", kind: "zero" });
  }
  return out.sort((a, b) => a.start - b.start);
}
