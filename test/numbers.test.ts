import { describe, expect, it } from "vitest";
import {
  fractionPercent,
  normaliseArabic,
  parseChineseDecimal,
  parseChineseNumeral,
  parseRoughChineseNumeral,
  scaleDecimal,
} from "../src/extract/numbers.js";

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

describe("parseRoughChineseNumeral", () => {
  it.each([
    ["十几", { value: 10, rough: true }],
    ["三十几", { value: 30, rough: true }],
    ["一百几", { value: 100, rough: true }],
    ["二十五", { value: 25, rough: false }],
  ])("%s → %o", (s, out) => expect(parseRoughChineseNumeral(s)).toEqual(out));
  it.each(["几十", "几百", "十几几", "几", "三几"])("%s is too vague", (s) =>
    expect(parseRoughChineseNumeral(s)).toBeUndefined(),
  );
});

describe("parseChineseDecimal", () => {
  it.each([
    ["九十五", "95"],
    ["九十五点五", "95.5"],
    ["三点零五", "3.05"],
    ["百", "100"],
    ["零点八", "0.8"],
  ])("%s → %s", (s, v) => expect(parseChineseDecimal(s)).toBe(v));
  it.each(["点五", "三点", "一点二点三", "三五"])("%s is not a number", (s) =>
    expect(parseChineseDecimal(s)).toBeUndefined(),
  );
});

describe("fractionPercent: two decimals, rounded half up, exact when the decimal ends", () => {
  it.each<[number, number, string, boolean]>([
    [1, 3, "33.33", false],
    [2, 3, "66.67", false],
    [1, 4, "25", true],
    [3, 8, "37.5", true],
    [1, 6, "16.67", false],
    [3, 1000, "0.3", true],
    [1, 1, "100", true],
  ])("%d/%d → %s", (n, d, value, exact) => expect(fractionPercent(n, d, 2)).toEqual({ value, exact }));
});
