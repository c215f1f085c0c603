/**
 * Fuzzing the number parser: Chinese numerals, decimals and scaling give a decimal string or
 * undefined, never an exception; scaling and fractions are exact (checked with BigInt).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CHINESE_NUMERAL_CHARS,
  fractionPercent,
  normaliseArabic,
  parseChineseDecimal,
  parseChineseNumeral,
  parseRoughChineseNumeral,
  scaleDecimal,
  trimDecimal,
} from "../src/extract/numbers.js";

const numeralish = fc
  .array(fc.constantFrom(...CHINESE_NUMERAL_CHARS, "点", "几", "万", "亿", "1", "a", "、", "𠀋"), { maxLength: 12 })
  .map((a) => a.join(""));
const decimal = fc
  .tuple(fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.option(fc.stringMatching(/^\d{1,12}$/u), { nil: undefined }))
  .map(([i, f]) => (f === undefined ? String(i) : `${i}.${f}`));

/** A decimal string as an exact fraction: digits and how many of them are after the point. */
function exact(s: string): { digits: bigint; places: number } {
  const [i = "0", f = ""] = s.split(".");
  return { digits: BigInt(`${i}${f}`), places: f.length };
}

describe("fuzz: numbers", () => {
  it("Chinese numerals parse to an integer below 10,000 or undefined, never throw", () => {
    fc.assert(
      fc.property(numeralish, (s) => {
        const n = parseChineseNumeral(s);
        if (n !== undefined) {
          expect(Number.isInteger(n)).toBe(true);
          expect(n).toBeGreaterThanOrEqual(0);
          expect(n).toBeLessThan(10_000);
        }
        const rough = parseRoughChineseNumeral(s);
        if (rough !== undefined) expect(Number.isInteger(rough.value)).toBe(true);
        const d = parseChineseDecimal(s);
        if (d !== undefined) expect(d).toMatch(/^\d+(\.\d+)?$/u);
      }),
      { numRuns: 2000 },
    );
  });

  it("numerals written out from a number read back as that number", () => {
    const DIGIT = "零一二三四五六七八九";
    const write = (n: number): string => {
      if (n === 0) return "零";
      let s = "";
      const parts: [number, string][] = [
        [1000, "千"],
        [100, "百"],
        [10, "十"],
      ];
      let rest = n;
      let gap = false;
      for (const [u, c] of parts) {
        const d = Math.floor(rest / u);
        rest %= u;
        if (d > 0) {
          if (gap) s += "零";
          s += DIGIT[d] + c;
          gap = false;
        } else if (s !== "") gap = true;
      }
      if (rest > 0) s += (gap ? "零" : "") + DIGIT[rest];
      return s;
    };
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), (n) => {
        expect(parseChineseNumeral(write(n))).toBe(n);
      }),
      { numRuns: 1000 },
    );
  });

  it("scaling by a power of ten is exact and trimmed", () => {
    fc.assert(
      fc.property(decimal, fc.integer({ min: 0, max: 16 }), (value, k) => {
        const scaled = scaleDecimal(value, `1${"0".repeat(k)}`);
        expect(scaled).toMatch(/^(0|[1-9]\d*)(\.\d*[1-9])?$/u);
        const a = exact(value);
        const b = exact(scaled);
        // value × 10^k = scaled, as fractions: a.digits × 10^k × 10^b.places = b.digits × 10^a.places
        expect(a.digits * 10n ** BigInt(k + b.places)).toBe(b.digits * 10n ** BigInt(a.places));
        expect(trimDecimal(scaled)).toBe(scaled);
      }),
      { numRuns: 1000 },
    );
  });

  it("Arabic numerals with separators normalise, anything else throws a plain Error", () => {
    fc.assert(
      fc.property(fc.oneof(decimal, fc.string({ maxLength: 10 })), (s) => {
        let r: string | undefined;
        try {
          r = normaliseArabic(s);
        } catch (e) {
          expect((e as Error).message).toContain("not a number");
          return;
        }
        expect(r).toMatch(/^(0|[1-9]\d*)(\.\d*[1-9])?$/u);
      }),
      { numRuns: 1000 },
    );
  });

  it("fractions as percentages are rounded half up, and exact only when they are", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 6 }),
        (n, d, places) => {
          const { value, exact: isExact } = fractionPercent(n, d, places);
          const v = exact(value);
          // |value − 100n/d| ≤ ½·10^-places, checked in integers
          const lhs = v.digits * BigInt(d) * 10n ** BigInt(places) * 2n;
          const rhs = BigInt(n) * 100n * 10n ** BigInt(places + v.places) * 2n;
          const err = lhs > rhs ? lhs - rhs : rhs - lhs;
          expect(err <= BigInt(d) * 10n ** BigInt(v.places)).toBe(true);
          expect(isExact).toBe((BigInt(n) * 100n * 10n ** BigInt(places)) % BigInt(d) === 0n);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
