import { describe, expect, it } from "vitest";
import { divisions } from "../bench/corpus/divisions.js";
import { generateArticle, generateCorpus, placesOf } from "../bench/corpus/generate.js";
import { GOLD_CATEGORIES } from "../src/rdf/scheme-records.js";

const UNITS = new Set([
  "CNY",
  "PERSON",
  "HOUSEHOLD",
  "PERSON_TIME",
  "KM",
  "PERCENT",
  "PERCENTAGE_POINT",
  "COUNT",
  "TIMES",
]);
const CATEGORIES = new Set<string>(GOLD_CATEGORIES);

const articles = [...generateCorpus(7, 40)];

describe("synthetic corpus generator", () => {
  it("puts every quote at its code point offsets, in both scripts", () => {
    const scripts = new Set<string>();
    for (const a of articles) {
      scripts.add(a.gold.script);
      const cps = [...a.text];
      for (const o of [...a.gold.observations, ...a.gold.optional]) {
        expect(cps.slice(o.start, o.end).join(""), `${a.name} ${o.label}`).toBe(o.quote);
      }
    }
    expect([...scripts].sort()).toEqual(["simplified", "traditional"]);
  });

  it("writes Traditional articles in Traditional characters", () => {
    const trad = articles.filter((a) => a.gold.script === "traditional");
    for (const a of trad) expect(a.text).not.toMatch(/[贫县户万亿个]/);
    for (const a of articles.filter((x) => x.gold.script === "simplified"))
      expect(a.text).not.toMatch(/[貧縣戶萬億個]/);
  });

  it("gives real division codes, gold units and categories, and values that match the quote's digits", () => {
    const { byCode } = divisions();
    for (const a of articles) {
      expect(byCode.has(a.gold.main_place.code)).toBe(true);
      expect(a.gold.observations.length).toBeGreaterThan(5);
      for (const o of a.gold.observations) {
        expect(byCode.has(o.place), `${a.name} ${o.place}`).toBe(true);
        expect(UNITS.has(o.unit), o.unit).toBe(true);
        if (o.category !== null) expect(CATEGORIES.has(o.category), o.category).toBe(true);
        const digits = /[0-9.]+/.exec(o.quote)?.[0];
        if (digits !== undefined) {
          const scale = /[万萬]/.test(o.quote) ? 1e4 : /[亿億]/.test(o.quote) ? 1e8 : 1;
          expect(o.value).toBeCloseTo(Number(digits) * scale, 6);
        }
      }
    }
  });

  it("is deterministic for a seed and differs between seeds", () => {
    expect(generateArticle(7, 3)).toEqual(articles[3]);
    expect(generateArticle(8, 3).text).not.toBe(articles[3]?.text);
  });

  it("writes about every county-level division within the first 3,600 articles", () => {
    const counties = divisions().counties;
    const seen = new Set(
      placesOf(7)
        .slice(0, 3600)
        .map((d) => d.code),
    );
    const missing = counties.filter((c) => !seen.has(c.code));
    expect(missing).toEqual([]);
    expect(counties.length).toBeGreaterThan(2800);
  });
});
