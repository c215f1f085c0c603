/**
 * Script and quote independence on the real articles of ../shared/corpus/dev (third-party
 * text, read from there, never copied): the same article converted to the other script
 * (Simplified ↔ Traditional, and Traditional with Hong Kong forms, with opencc-js) and with
 * its quotation marks written in another style (“” ‘’, 「」 『』, "" '') must give the same
 * facts — value, unit, place, period, indicator, kind and span — and find the same places and
 * programs. Skips with a message where ../shared is absent (a user's clone); CI has it.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { articleFromText, readArticle } from "../src/article/read.js";
import { extract } from "../src/extract/index.js";
import { pairStraightQuotes } from "../src/extract/text.js";
import type { Article, Extraction } from "../src/types.js";

const DIR = resolve("../shared/corpus/dev");
const present = existsSync(DIR);
if (!present) {
  if (process.env.CI) throw new Error(`CI run without ${DIR}`);
  console.log(`skipping script-equivalence tests: ${DIR} is absent (it ships beside the repository, not in it)`);
}

type Convert = (s: string) => string;
const toTraditional: Convert = OpenCC.Converter({ from: "cn", to: "t" });
const toSimplified: Convert = OpenCC.Converter({ from: "t", to: "cn" });
/** Traditional with the Hong Kong character forms (衞, 綫, 裏 …). */
const toHongKong: Convert = OpenCC.Converter({ from: "cn", to: "hk" });

/**
 * Converts `text` keeping its code point count, so that offsets stay comparable: line by line
 * with the phrase converter, and code point by code point (keeping a code point whose
 * conversion is not exactly one code point) for a line whose length the phrases changed.
 */
function convertAligned(text: string, convert: Convert): string {
  return text
    .split("\n")
    .map((line) => {
      const whole = convert(line);
      if ([...whole].length === [...line].length) return whole;
      return [...line]
        .map((ch) => {
          const c = convert(ch);
          return [...c].length === 1 ? c : ch;
        })
        .join("");
    })
    .join("\n");
}

/** Quotation styles: [open double, close double, open single, close single]. */
const QUOTES = {
  curly: ["“", "”", "‘", "’"],
  corner: ["「", "」", "『", "』"],
  straight: ['"', '"', "'", "'"],
} as const;
type QuoteStyle = keyof typeof QUOTES;
const ROLE: Record<string, 0 | 1 | 2 | 3> = { "“": 0, "「": 0, "”": 1, "」": 1, "‘": 2, "『": 2, "’": 3, "』": 3 };

/** Rewrites every curly or corner quotation mark in `style` (one code point for one). */
function swapQuotes(text: string, style: QuoteStyle): string {
  return text.replace(/[“”‘’「」『』]/gu, (q) => QUOTES[style][ROLE[q] ?? 0]);
}

/**
 * The compared fields of each fact, one line per observation (with the subtotal link and the
 * programs it is about), then the places and programs found, with where they are mentioned.
 */
function facts(x: Extraction): string[] {
  return [
    ...x.observations.map((o) =>
      [
        `${o.span.start}-${o.span.end}`,
        o.value,
        o.unit,
        o.place?.code ?? "-",
        `${o.period?.start ?? ""}–${o.period?.end ?? ""}`,
        o.indicator,
        o.kind,
        o.partOf ?? "-",
        o.programs.join(","),
      ].join(" | "),
    ),
    `main place ${x.mainPlace?.code ?? "-"}`,
    ...x.places.map((p) => `place ${p.place.code} @${p.span.start}-${p.span.end}`),
    ...x.programs.map((p) => `${p.kind} ${p.id} @${p.mentions.map((m) => m.start).join(",")}`),
  ];
}

function variant(article: Article, text: string): Article {
  const v = articleFromText(
    text,
    article.source,
    article.published !== undefined ? { published: article.published } : {},
  );
  return { ...v, id: article.id };
}

/**
 * Sentences written for this test, Simplified with curly quotes, and the facts each gives
 * (value, unit, period and the phrase the period came from) in every script and quote style.
 */
const OWN: readonly [string, string[]][] = [
  ["实施“365”健康工程，全县累计减贫2.6万人。", ["26000 PERSON –"]],
  ["开展‘10户联创’活动，带动1.3万户增收。", ["13000 HOUSEHOLD –"]],
  ["“十三五”期间，全市易地扶贫搬迁4.1万人。", ["41000 PERSON 2016–2020 “十三五”期间"]],
  ["‘十三五’时期，全市新建村卫生室326个。", ["326 COUNT 2016–2020 ‘十三五’时期"]],
  ["落实“‘8个到户’”举措，全县贫困发生率降至0.8%。", ["0.8 PERCENT –"]],
  ["他说：“今年全县新修通村公路215公里。”", ["215 KM 2020–2020 今年"]],
];

describe("straight quotation marks become curly ones", () => {
  it.each<[string, string]>([
    ['推行"双包"和"三联"模式', "推行“双包”和“三联”模式"],
    ["推行'双包'模式", "推行‘双包’模式"],
    ["he said \"it's 'ok'\" 。", "he said “it's 'ok'” 。"],
    // a quotation missing its opening mark spoils no more than itself
    ['落实"双包"工作法",建立"三联"机制', "落实“双包”工作法”,建立“三联”机制"],
    ['他说:"今年修路12公里。"', "他说:“今年修路12公里。”"],
    // every line starts outside quotations
    ['第一行"甲\n乙"第二行', "第一行“甲\n乙“第二行"],
  ])("%s", (input, expected) => {
    expect(pairStraightQuotes(input)).toBe(expected);
    expect([...pairStraightQuotes(input)].length).toBe([...input].length);
  });
});

function runOwn(text: string): string[] {
  const article = articleFromText(`某县脱贫攻坚情况\n${text}`, "own.txt", { published: "2020-08-01" });
  return extract(article).observations.map((o) =>
    `${o.value} ${o.unit} ${o.period?.start ?? ""}–${o.period?.end ?? ""} ${o.period?.phrase ?? ""}`.trim(),
  );
}

describe("script and quote independence on sentences written for this test", () => {
  for (const [sentence, expected] of OWN) {
    const traditional = convertAligned(sentence, toTraditional);
    it.each<[string, string]>([
      ["Simplified, curly quotes", sentence],
      ["Traditional, curly quotes", traditional],
      ["Simplified, corner quotes", swapQuotes(sentence, "corner")],
      ["Traditional, corner quotes", swapQuotes(traditional, "corner")],
      ["Simplified, straight quotes", swapQuotes(sentence, "straight")],
      ["Traditional, straight quotes", swapQuotes(traditional, "straight")],
    ])(`${sentence} (%s)`, (_label, text) => {
      expect(runOwn(text)).toEqual(expected);
    });
  }
});

describe.skipIf(!present)("script and quote independence on ../shared/corpus/dev", () => {
  const names = present
    ? readdirSync(DIR)
        .filter((f) => f.endsWith(".gold.json"))
        .map((f) => f.slice(0, -10))
        .sort()
    : [];
  it("converting keeps the code point count", () => {
    const sample = "贫困发生率由下降，“兩不愁”脫貧攻堅戰发展𠮷";
    expect([...convertAligned(sample, toTraditional)].length).toBe([...sample].length);
    expect([...convertAligned(sample, toSimplified)].length).toBe([...sample].length);
  });
  for (const name of names) {
    it(`${name}: the same facts in the other script and with other quotation marks`, async () => {
      const gold = JSON.parse(readFileSync(join(DIR, `${name}.gold.json`), "utf8")) as { published?: string };
      const article = await readArticle(join(DIR, `${name}.txt`), gold.published ? { published: gold.published } : {});
      const expected = facts(extract(article));
      const simplified = article.script === "traditional" ? convertAligned(article.text, toSimplified) : article.text;
      const other = article.script === "traditional" ? simplified : convertAligned(article.text, toTraditional);
      const hongKong = convertAligned(simplified, toHongKong);
      for (const t of [other, hongKong]) expect([...t].length).toBe([...article.text].length);
      const versions: Record<string, string> = {
        "other script": other,
        "Hong Kong forms": hongKong,
        "corner quotes": swapQuotes(article.text, "corner"),
        "curly quotes": swapQuotes(article.text, "curly"),
        "straight quotes": swapQuotes(article.text, "straight"),
        "other script, corner quotes": swapQuotes(other, "corner"),
        "other script, straight quotes": swapQuotes(other, "straight"),
      };
      for (const [label, text] of Object.entries(versions))
        expect(facts(extract(variant(article, text))), `${name}, ${label}`).toEqual(expected);
    });
  }
});
