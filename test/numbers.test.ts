import { describe, expect, it } from "vitest";
import { normaliseArabic, parseChineseNumeral, scaleDecimal } from "../src/extract/numbers.js";

describe("parseChineseNumeral", () => {
  it.each([
    ["七", 7],
    ["两", 2],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["三百零五", 305],
    ["两千三百", 2300],
    ["一千零一", 1001],
  ])("%s → %d", (s, n) => expect(parseChineseNumeral(s)).toBe(n));
  it.each(["三五", "", "百百", "十三五"])("%s is not a number", (s) => expect(parseChineseNumeral(s)).toBeUndefined());
});

describe("normaliseArabic", () => {
  it.each([
    ["1,199", "1199"],
    ["52.4", "52.4"],
    ["0.90", "0.9"],
    ["007", "7"],
    ["1.70", "1.7"],
  ])("%s → %s", (s, v) => expect(normaliseArabic(s)).toBe(v));
});

describe("scaleDecimal", () => {
  it.each([
    ["130.87", "100000000", "13087000000"],
    ["35.0445", "10000", "350445"],
    ["1.70", "10000", "17000"],
    ["0.5", "10", "5"],
    ["3", "1", "3"],
    ["0.0001", "10000", "1"],
    ["12.345678", "10000", "123456.78"],
  ])("%s × %s = %s", (v, s, out) => expect(scaleDecimal(v, s)).toBe(out));
});
