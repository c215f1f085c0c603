/**
 * Number parsing: Arabic numerals (with thousands separators and decimals) and Chinese
 * numerals (两千三百, 十二, 七), into exact decimal strings; scaling by powers of ten
 * (万, 亿) without floating-point error: "130.87" × 10^8 → "13087000000".
 */

const DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const SMALL_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };

/** Characters that may form a Chinese numeral (without 万/亿, which are scales here). */
export const CHINESE_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千";

/** Parses a Chinese numeral below 10,000 (十二 → 12, 两千三百 → 2300, 三五 → undefined). */
export function parseChineseNumeral(s: string): number | undefined {
  if (s === "") return undefined;
  let total = 0;
  let digit: number | undefined;
  let lastUnit = 10_000;
  for (const ch of s) {
    if ((ch === "零" || ch === "〇") && total > 0 && digit === undefined) continue; // 三百零五: a gap, not a digit
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== undefined) return undefined; // two digits in a row: 三五 (an estimate), not a number
      digit = d;
      continue;
    }
    const u = SMALL_UNITS[ch];
    if (u === undefined || u >= lastUnit) return undefined;
    total += (digit ?? 1) * u;
    digit = undefined;
    lastUnit = u;
  }
  if (digit !== undefined) total += digit;
  return total;
}

/** Normalises an Arabic numeral as written ("1,199", "52.4", "0.90") to a decimal string. */
export function normaliseArabic(s: string): string {
  const t = s.replace(/[,\s]/gu, "");
  if (!/^\d+(\.\d+)?$/u.test(t)) throw new Error(`not a number: ${s}`);
  return trimDecimal(t);
}

/** Removes leading zeros of the integer part and trailing zeros of the fraction. */
export function trimDecimal(s: string): string {
  let [int = "0", frac = ""] = s.split(".");
  int = int.replace(/^0+(?=\d)/u, "");
  frac = frac.replace(/0+$/u, "");
  return frac === "" ? int : `${int}.${frac}`;
}

/** Multiplies a decimal string by a power of ten given as "1", "10", "10000", "100000000". */
export function scaleDecimal(value: string, scale: string): string {
  if (!/^10*$/u.test(scale)) throw new Error(`scale must be a power of ten: ${scale}`);
  const shift = scale.length - 1;
  if (shift === 0) return trimDecimal(value);
  const [int = "0", frac = ""] = value.split(".");
  const padded = frac.padEnd(shift, "0");
  return trimDecimal(`${int}${padded.slice(0, shift)}.${padded.slice(shift)}`);
}
