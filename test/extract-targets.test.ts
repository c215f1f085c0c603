/**
 * Targets and forecasts vs results (GUIDELINES "Plans, targets and forecasts"): a plan cue
 * governs by scope (the rest of its sentence, or its clause when it follows the number), time
 * after the publication date is a plan, and a forecast of a year already over is an estimated
 * result. Sentences written for these tests, in Simplified and Traditional script.
 */
import { describe, expect, it } from "vitest";
import { articleFromText } from "../src/article/read.js";
import { extract } from "../src/extract/index.js";

function kinds(body: string, published?: string): string[] {
  const article = articleFromText(`某县脱贫工作通报\n${body}`, "t.txt", published !== undefined ? { published } : {});
  return extract(article).observations.map((o) => `${o.span.exact} ${o.kind}`);
}

type Row = [string, string | undefined, string[]];

describe("plans, targets and forecasts", () => {
  it.each<Row>([
    ["今年,全县将确保1.2万贫困人口稳定脱贫。", "2020-03-10", ["1.2万 target"]],
    ["今年,全縣將確保1.2萬貧困人口穩定脫貧。", "2020-03-10", ["1.2萬 target"]],
    ["全县剩余4800名贫困人口计划年底前全部脱贫。", "2020-03-10", ["4800名 target"]],
    ["全市首批12个贫困县年底有望实现脱贫摘帽。", "2018-06-01", ["12个 target"]],
    ["全市首批12個貧困縣年底有望實現脫貧摘帽。", "2018-06-01", ["12個 target"]],
    ["剩余贫困人口1800人将于今年底全部脱贫。", undefined, ["1800人 target"]],
    ["预计今年底实现贫困村全部出列,减贫6000人。", "2020-05-20", ["6000人 target"]],
    ["預計今年底實現貧困村全部出列,減貧6000人。", "2020-05-20", ["6000人 target"]],
    ["到2025年,全县农村居民人均可支配收入达到2万元。", "2021-03-01", ["2万元 target"]],
    ["到2020年要实现3.5万贫困人口全部脱贫。", undefined, ["3.5万 target"]],
    ["確保到今年6月底,完成易地扶貧搬遷1200戶。", "2020-02-01", ["1200戶 target"]],
    ["剩余2个贫困县今年底摘帽。", "2019-08-15", ["2个 target"]],
    ["力争年底前减贫3000人,脱贫村达到50个。", "2020-04-01", ["3000人 target", "50个 target"]],
    ["明年,全县新建扶贫车间15个。", "2020-09-01", ["15个 target"]],
    ["今年我们要实现剩余的2.3万贫困人口全部脱贫。", "2020-09-01", ["2.3万 target"]],
    ["今年我們要實現剩餘的2.3萬貧困人口全部脫貧。", "2020-09-01", ["2.3萬 target"]],
  ])("%s (published %s)", (body, published, expected) => {
    expect(kinds(body, published)).toEqual(expected);
  });
});

describe("results, also near a plan word", () => {
  it.each<Row>([
    ["到2019年底,全县累计减贫4.2万人。", "2020-01-15", ["4.2万人 result"]],
    ["到2019年底,全縣累計減貧4.2萬人。", "2020-01-15", ["4.2萬人 result"]],
    ["2018年,全区预计减贫9.6万人。", "2019-01-20", ["9.6万人 result"]],
    ["2018年,全區預計減貧9.6萬人。", "2019-01-20", ["9.6萬人 result"]],
    ["为确保脱贫质量,全县投入资金3亿元。", "2020-05-01", ["3亿元 result"]],
    ["全县确保了8000名贫困学生不因贫失学。", "2020-05-01", ["8000名 result"]],
    ["全县已确保2万人稳定脱贫。", "2020-05-01", ["2万人 result"]],
    ["去年全县减贫3000人,今年计划减贫2000人。", "2020-05-01", ["3000人 result", "2000人 target"]],
    ["全县年内完成搬迁3000户。", "2020-12-20", ["3000户 result"]],
    ["今年,全县贫困发生率降至0.5%。", "2020-10-01", ["0.5% result"]],
    ["確保學生應助盡助;將貧困群眾全部納入醫保,累計補貼3萬人次。", "2020-11-01", ["3萬人次 result"]],
    ["2019年,全县投入资金2亿元,确保1.5万人稳定增收。", "2020-03-01", ["2亿元 result", "1.5万人 result"]],
  ])("%s (published %s)", (body, published, expected) => {
    expect(kinds(body, published)).toEqual(expected);
  });
});
