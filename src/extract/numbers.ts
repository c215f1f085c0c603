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
  // most numbers are integers without a leading zero: nothing to trim, no split
  if (s.charCodeAt(0) !== 0x30 && !s.includes(".")) return s;
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

/**
 * Parses a Chinese numeral that may end in 几 after a unit (十几 → 10, 二十几 → 20, 一百几 → 100):
 * the written part, to be marked "more-than". A 几 anywhere else (几十, 几百) is too vague to be a
 * number: undefined.
 */
export function parseRoughChineseNumeral(s: string): { value: number; rough: boolean } | undefined {
  if (!s.includes("几")) {
    const value = parseChineseNumeral(s);
    return value === undefined ? undefined : { value, rough: false };
  }
  if (!/^[^几]*[十百千]几$/u.test(s)) return undefined;
  const value = parseChineseNumeral(s.slice(0, -1));
  return value === undefined ? undefined : { value, rough: true };
}

/** Parses a Chinese numeral with a decimal point 点 (九十五点五 → "95.5", 百 → "100"). */
export function parseChineseDecimal(s: string): string | undefined {
  const [int = "", frac, extra] = s.split("点");
  if (extra !== undefined) return undefined;
  const whole = int === "百" ? 100 : parseChineseNumeral(int);
  if (whole === undefined) return undefined;
  if (frac === undefined) return String(whole);
  let digits = "";
  for (const ch of frac) {
    const d = DIGITS[ch];
    if (d === undefined) return undefined;
    digits += String(d);
  }
  return digits === "" ? undefined : trimDecimal(`${whole}.${digits}`);
}

/**
 * A fraction as a percentage with `places` decimals, rounded half up (1/3 → "33.33", 1/4 →
 * "25"); `exact` says whether the decimal is the whole value (it is not for 1/3).
 */
export function fractionPercent(
  numerator: number,
  denominator: number,
  places: number,
): { value: string; exact: boolean } {
  const n = BigInt(numerator) * 100n;
  const d = BigInt(denominator);
  const scale = 10n ** BigInt(places);
  const scaled = n * scale;
  const q = scaled / d;
  const r = scaled % d;
  const rounded = r * 2n >= d ? q + 1n : q;
  const digits = rounded.toString().padStart(places + 1, "0");
  const value = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return { value: trimDecimal(value), exact: r === 0n };
}
