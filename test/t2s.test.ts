/**
 * src/article/t2s.ts converts exactly as opencc-js's own `Converter({ from: "t", to: "cn" })`:
 * on articles in both scripts, on every dictionary entry, on every Traditional place name and on
 * seeded random strings of dictionary keys (phrases that overlap, the longest match).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import * as OpenCC from "opencc-js";
import CJK_COMPATIBILITY from "opencc-js/dict/CJK_Compatibility_Ideographs";
import TS_CHARACTERS from "opencc-js/dict/TSCharacters";
import TS_PHRASES from "opencc-js/dict/TSPhrases";
import { describe, expect, it } from "vitest";
import { convertOnce, mayChange, t2s } from "../src/article/t2s.js";

const reference = OpenCC.Converter({ from: "t", to: "cn" });
const texts = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(".txt"))
        .map((f) => readFileSync(join(dir, f), "utf8"))
    : [];
const articles = [
  ...texts(resolve("data/samples")),
  ...texts(resolve("test/fixtures/articles")),
  ...texts(resolve("../shared/corpus/dev")),
];
const keys = [CJK_COMPATIBILITY, TS_CHARACTERS, TS_PHRASES].flatMap((d) => d.split("|").flatMap((l) => l.split(" ")));
const hantNames = Object.values(
  JSON.parse(readFileSync(resolve("data/place-names-hant.json"), "utf8")).hant as Record<string, string>,
);

describe("t2s: opencc-js's t2s conversion", () => {
  it("converts articles, in both scripts, exactly as opencc-js", () => {
    expect(articles.length).toBeGreaterThan(3);
    const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });
    for (const a of [...articles, ...articles.map((t) => toTraditional(t))]) {
      expect(t2s(a) === reference(a)).toBe(true);
      expect(convertOnce(a) === reference(a)).toBe(true);
    }
  });

  it("converts every dictionary key and value and every Traditional place name as opencc-js", () => {
    for (const k of [...keys, ...hantNames]) expect(t2s(k), k).toBe(reference(k));
  });

  it("converts random strings of dictionary keys as opencc-js (overlapping phrases, longest match)", () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 2000; i++) {
      let s = "";
      for (let j = 0, n = 1 + rand(6); j < n; j++) {
        // now and then an ideographic description character: opencc-js skips its sequence whole
        if (rand(8) === 0) s += "⿰⿱⿲⿳⿴⿻"[rand(6)];
        const k = keys[rand(keys.length)] as string;
        s += rand(3) === 0 ? k.slice(0, 1 + rand(k.length)) : k;
      }
      expect(t2s(s), s).toBe(reference(s));
      expect(convertOnce(s), s).toBe(reference(s));
    }
  });

  it("leaves a Simplified article alone without a look at the dictionary", () => {
    const simplified = "“十三五”以来，汉中市累计减贫52.4万人，投入财政专项扶贫资金130.87亿元。";
    expect(mayChange(simplified)).toBe(false);
    expect(mayChange("漢中市")).toBe(true);
    expect(t2s(simplified)).toBe(simplified);
  });
});
