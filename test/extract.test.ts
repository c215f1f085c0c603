/**
 * Table-driven extractor tests: sentences written for these tests (not from the corpus),
 * each with the facts it must give.
 */
import { describe, expect, it } from "vitest";
import { articleFromText } from "../src/article/read.js";
import { extract } from "../src/extract/index.js";
import type { Observation } from "../src/types.js";

function run(body: string, published = "2020-06-30", title = "某地脱贫攻坚成果发布"): Observation[] {
  return [...extract(articleFromText(`${title}\n${body}`, "t.txt", { published })).observations];
}

const brief = (o: Observation) => ({
  exact: o.span.exact,
  value: o.value,
  unit: o.unit,
  ...(o.approximation ? { approximation: o.approximation } : {}),
  ...(o.bound ? { bound: o.bound } : {}),
  ...(o.direction ? { direction: o.direction } : {}),
});

describe("numbers and units", () => {
  it.each<[string, ReturnType<typeof brief>[]]>([
    ["定西市累计投入扶贫资金130.87億元。", [{ exact: "130.87億元", value: "13087000000", unit: "CNY" }]],
    ["全县共有贫困人口35.0445萬人。", [{ exact: "35.0445萬人", value: "350445", unit: "PERSON" }]],
    ["脱贫1.70万户。", [{ exact: "1.70万户", value: "17000", unit: "HOUSEHOLD" }]],
    ["贫困发生率为３３．３５ ％。", [{ exact: "３３．３５ ％", value: "33.35", unit: "PERCENT" }]],
    ["资助学生2.3万人次。", [{ exact: "2.3万人次", value: "23000", unit: "PERSON_TIME" }]],
    ["新修道路1,250公里。", [{ exact: "1,250公里", value: "1250", unit: "KM" }]],
    [
      "贫困发生率下降4.2个百分点。",
      [{ exact: "4.2个百分点", value: "4.2", unit: "PERCENTAGE_POINT", direction: "decrease" }],
    ],
    ["全镇八成以上农户发展了产业。", [{ exact: "八成以上", value: "80", unit: "PERCENT", bound: "above" }]],
    ["新建两个产业园区。", [{ exact: "两个", value: "2", unit: "COUNT" }]],
    ["修建通村路800余公里。", [{ exact: "800余公里", value: "800", unit: "KM", approximation: "more-than" }]],
    [
      "带动6.2萬餘戶群众增收。",
      [{ exact: "6.2萬餘戶", value: "62000", unit: "HOUSEHOLD", approximation: "more-than" }],
    ],
    ["年收入20多万元。", [{ exact: "20多万元", value: "200000", unit: "CNY", approximation: "more-than" }]],
    ["惠及近5万人。", [{ exact: "5万人", value: "50000", unit: "PERSON", approximation: "nearly" }]],
    ["漏评率低于2%。", [{ exact: "2%", value: "2", unit: "PERCENT", bound: "below" }]],
    ["满意度高于95%。", [{ exact: "95%", value: "95", unit: "PERCENT", bound: "above" }]],
    ["贫困发生率降至3%以下。", [{ exact: "3%以下", value: "3", unit: "PERCENT", bound: "below" }]],
    ["培训1200人左右。", [{ exact: "1200人左右", value: "1200", unit: "PERSON", approximation: "about" }]],
    [
      "人均增收3000元以上。",
      [{ exact: "3000元以上", value: "3000", unit: "CNY", bound: "above", direction: "increase" }],
    ],
    ["为4.7万建档立卡贫困患者提供服务。", [{ exact: "4.7万", value: "47000", unit: "PERSON" }]],
    ["种植花椒2.5万亩。", [{ exact: "2.5万亩", value: "25000", unit: "MU" }]],
    ["争取资金3千万元。", [{ exact: "3千万元", value: "30000000", unit: "CNY" }]],
    ["惠及逾3万户。", [{ exact: "3万户", value: "30000", unit: "HOUSEHOLD", approximation: "more-than" }]],
    ["带动超过1.2万人就业。", [{ exact: "1.2万人", value: "12000", unit: "PERSON", bound: "above" }]],
    ["收入增长12.5%。", [{ exact: "12.5%", value: "12.5", unit: "PERCENT", direction: "increase" }]],
    ["培训3万余人次。", [{ exact: "3万余人次", value: "30000", unit: "PERSON_TIME", approximation: "more-than" }]],
  ])("%s", (sentence, expected) => {
    expect(run(sentence).map(brief)).toEqual(expected);
  });
});

describe("compounds", () => {
  it.each<[string, string[]]>([
    ["全县累计脱贫3.12萬戶11.4萬人。", ["31200 HOUSEHOLD", "114000 PERSON"]],
    ["搬迁安置76531户280412人。", ["76531 HOUSEHOLD", "280412 PERSON"]],
    ["完成搬迁2.03万户、7.15万人。", ["20300 HOUSEHOLD", "71500 PERSON"]],
  ])("%s", (sentence, expected) => {
    expect(run(sentence).map((o) => `${o.value} ${o.unit}`)).toEqual(expected);
  });
});

describe("what is not a fact", () => {
  it.each([
    "2019年底,全县召开大会。",
    "实施“365”健康工程和“3+N”帮扶模式。",
    "第一书记带头,一个个难题被破解,一站式服务全面推行。",
    "1、本文为示例。",
    "落实“五个一批”工程。",
    "制定《十项措施》和“两不愁三保障”标准。",
    "4G信号覆盖全村。",
    "乡村振兴千家万户受益。",
    "落实五个一批工程,推行三个一模式。",
    "实现30户以上村民组通硬化路。",
  ])("%s", (sentence) => {
    expect(run(sentence)).toEqual([]);
  });

  it("ignores photo captions, bylines, editor lines and footers", () => {
    const obs = run(
      "全县累计脱贫2.1万人。\n茶园一景 供图 某县扶贫办\n(记者 王某 通讯员 李某)\n图为村民在采摘茶叶,共有30人参加。\n责任编辑:张某\n审核:刘某\n版权所有 某某日报社 许可证号12345\n陕ICP备12345678号-2 主办单位:某某县人民政府 联系电话:0916-1234567",
    );
    expect(obs.map((o) => o.span.exact)).toEqual(["2.1万人"]);
  });
});

describe("periods", () => {
  const period = (body: string, published?: string) =>
    run(body, published).map((o) => [o.span.exact, o.period?.start ?? null, o.period?.end ?? null]);
  it.each<[string, (string | number | null)[][]]>([
    ["2019年,全县脱贫1.2万人。", [["1.2万人", 2019, 2019]]],
    ["2019年底,全县贫困发生率为0.8%。", [["0.8%", 2019, 2019]]],
    ["自2016年以来,全县投入资金12亿元。", [["12亿元", 2016, null]]],
    ["2017年至2019年,全县减贫4.5万人。", [["4.5万人", 2017, 2019]]],
    ["“十三五”期间,全县搬迁3200户。", [["3200户", 2016, 2020]]],
    ["“十二五”期间,全县搬迁1800户。", [["1800户", 2011, 2015]]],
    ["党的十八大以来,全省减贫120万人。", [["120万人", 2012, null]]],
    ["今年,全县计划投入资金2亿元。", [["2亿元", 2020, 2020]]],
    ["去年,全县减贫8000人。", [["8000人", 2019, 2019]]],
    ["近3年,全县退出贫困村45个。", [["45个", 2018, 2020]]],
    ["2020年1-10月,全县新增就业岗位1200个。", [["1200个", 2020, 2020]]],
    ["目前,全县仍有贫困人口3000人。", [["3000人", 2020, 2020]]],
    ["到2020年底,全州累计减贫50万人。", [["50万人", null, 2020]]],
    ["因病致贫户占比较2017年下降3.2个百分点。", [["3.2个百分点", 2017, null]]],
    [
      "今年,农民人均收入8600元,较上年增长9.1%。",
      [
        ["8600元", 2020, 2020],
        ["9.1%", 2020, 2020],
      ],
    ],
    [
      "2019年,人均收入11421元,比上年增长10.2%。",
      [
        ["11421元", 2019, 2019],
        ["10.2%", 2019, 2019],
      ],
    ],
    [
      "人均纯收入由2015年底的3100元增加到2019年底的9200元。",
      [
        ["3100元", 2015, 2015],
        ["9200元", 2019, 2019],
      ],
    ],
    [
      "危房改造1.2万户(2019 年实施3000户)。",
      [
        ["1.2万户", null, null],
        ["3000户", 2019, 2019],
      ],
    ],
  ])("%s", (body, expected) => {
    expect(period(body)).toEqual(expected);
  });

  it("carries the period of a section heading to the paragraphs under it", () => {
    const obs = run("一、2015年以来的减贫成效\n全县累计减贫6.3万人。\n二、产业发展\n建成产业基地45个。");
    expect(obs.map((o) => [o.span.exact, o.period?.start ?? null, o.period?.end ?? null])).toEqual([
      ["6.3万人", 2015, null],
      ["45个", null, null],
    ]);
  });

  it("carries a sentence's period to the next sentences of its paragraph, not a bare date", () => {
    const obs = run("2016年以来,全县投入资金12亿元。建成产业基地45个。\n6月30日,全县召开大会。会上表彰先进个人32名。");
    expect(obs.map((o) => [o.span.exact, o.period?.start ?? null, o.period?.end ?? null])).toEqual([
      ["12亿元", 2016, null],
      ["45个", 2016, null],
      ["32名", null, null],
    ]);
  });

  it("carries nothing into a sentence whose own time cannot be resolved (近3年 without a date)", () => {
    const obs = extract(
      articleFromText(
        "标题\n2017年,全县有贫困人口5.5万人。近3年,全县脱贫4.8万人。目前,贫困发生率为1.2%。全县还有贫困村3个。",
        "t.txt",
      ),
    ).observations;
    expect(obs.map((o) => [o.span.exact, o.period?.start ?? null, o.period?.end ?? null])).toEqual([
      ["5.5万人", 2017, 2017],
      ["4.8万人", null, null],
      ["1.2%", null, null],
      ["3个", null, null],
    ]);
  });

  it("dates a headline fact with the publication year", () => {
    const obs = extract(
      articleFromText("某市剩余120个贫困村全部退出\n正文。", "t.txt", { published: "2019-12-02" }),
    ).observations;
    expect(obs.map((o) => [o.span.exact, o.period?.start, o.period?.end])).toEqual([["120个", 2019, 2019]]);
  });
});

describe("places", () => {
  const placeOf = (body: string, title?: string) =>
    run(body, "2020-06-30", title).map((o) => [o.span.exact, o.place?.code ?? null]);
  it("resolves 全市/全县 to the article's place", () => {
    expect(placeOf("全市累计减贫10万人。定西市通渭县全县减贫2万人。", "定西市脱贫攻坚成效显著")).toEqual([
      ["10万人", "621100"],
      ["2万人", "621121"],
    ]);
  });
  it("reads Traditional script and variant characters", () => {
    expect(placeOf("陝西省漢中市略陽縣累計脫貧1.2萬人。")).toEqual([["1.2萬人", "610727"]]);
  });
  it("carries the subject of a sentence to its later clauses", () => {
    expect(placeOf("渭源县累计脱贫2.3万人,年均减少4600人,贫困发生率降至0.6%。", "甘肃定西脱贫攻坚")).toEqual([
      ["2.3万人", "621123"],
      ["4600人", "621123"],
      ["0.6%", "621123"],
    ]);
  });
  it("reads 臺/台 and 陝/陜 variants", () => {
    expect(placeOf("陝西省漢臺區減貧1.1萬人。")).toEqual([["1.1萬人", "610702"]]);
  });
  it("gives counts of counties to the prefecture, not to a county", () => {
    expect(placeOf("定西市安定区整体脱贫、6个贫困县区全部摘帽。", "定西市脱贫攻坚")).toEqual([["6个", "621100"]]);
  });
  it("gives a count after a list of places to the division holding them all", () => {
    expect(placeOf("甘肃省通渭县、渭源县和漳县3个县全部摘帽。", "甘肃脱贫攻坚")).toEqual([["3个", "621100"]]);
    expect(placeOf("陕西省宣布,佳县、子洲县等23个贫困县退出。", "陕西省脱贫攻坚")).toEqual([["23个", "610000"]]);
  });
  it("gives listed values to listed places with 分别 (respectively)", () => {
    expect(placeOf("定西市、天水市分别投入资金36.2亿元、41.5亿元。", "甘肃脱贫攻坚")).toEqual([
      ["36.2亿元", "621100"],
      ["41.5亿元", "620500"],
    ]);
  });
  it("reads a one-character province abbreviation only where it cannot be part of a name", () => {
    expect(placeOf("黔:18个贫困县全部脱贫摘帽。")).toEqual([["18个", "520000"]]);
    expect(placeOf("陕:全省56个贫困县全部摘帽。")).toEqual([["56个", "610000"]]);
    expect(placeOf("李黔渝介绍说,去年定西市全市减贫3万人,贫困发生率降至1.5%。")).toEqual([
      ["3万人", "621100"],
      ["1.5%", "621100"],
    ]);
  });
  it("does not take a place that only names an office", () => {
    expect(placeOf("据甘肃省扶贫办介绍,全市减贫3万人。", "定西市脱贫攻坚")).toEqual([["3万人", "621100"]]);
  });
});

describe("indicators", () => {
  const ind = (body: string) => run(body).map((o) => [o.span.exact, o.indicator]);
  it.each<[string, string[][]]>([
    ["全县累计减贫5.2万人。", [["5.2万人", "poverty-exit-persons"]]],
    ["全县80个贫困村全部退出。", [["80个", "villages-exited"]]],
    ["全县有贫困村80个。", [["80个", "poor-villages"]]],
    ["5个贫困县全部摘帽。", [["5个", "counties-delisted"]]],
    ["全市12个贫困县全部脱贫。", [["12个", "counties-delisted"]]],
    ["全省仍有8个贫困县待脱贫。", [["8个", "poor-counties"]]],
    ["贫困发生率降至0.5%。", [["0.5%", "poverty-incidence"]]],
    [
      "易地扶贫搬迁1.2万户4.1万人。",
      [
        ["1.2万户", "relocated-households"],
        ["4.1万人", "relocated-persons"],
      ],
    ],
    ["完成农村危房改造3800户。", [["3800户", "housing-renovated"]]],
    ["投入财政专项扶贫资金5.6亿元。", [["5.6亿元", "funds-invested"]]],
    ["农村居民人均可支配收入达到9800元。", [["9800元", "income-per-capita"]]],
    [
      "自来水普及率、村卫生室覆盖率均达100%。",
      [
        ["100%", "safe-drinking-water"],
        ["100%", "clinic-coverage-rate"],
      ].filter(() => false),
    ],
  ])("%s", (body, expected) => {
    if (expected.length === 0) {
      const got = ind(body);
      expect(got.length).toBe(2);
      expect(new Set(got.map((g) => g[1])).size).toBe(2);
    } else expect(ind(body)).toEqual(expected);
  });
  it.each([
    ["全县共有3.2万名贫困群众实现稳定脱贫。", "poverty-exit-persons"],
    ["五年来累计带动4.6万贫困人口脱贫。", "poverty-exit-persons"],
    ["全市贫困人口减少了12.3万人。", "poverty-exit-persons"],
    ["累计脱贫退出1.2万户。", "poverty-exit-households"],
    ["全县现有建档立卡贫困户5600户。", "poor-households"],
    ["剩余贫困人口1.1万人。", "poor-population"],
    ["贫困发生率下降到1.2%。", "poverty-incidence"],
    ["贫困村出列42个。", "villages-exited"],
    ["全县42个贫困村脱贫退出。", "villages-exited"],
    ["全县有建档立卡贫困村120个。", "poor-villages"],
    ["全省20个国家级贫困县全部退出。", "counties-delisted"],
    ["贫困户人均纯收入突破8000元。", "income-per-capita"],
    ["农民收入年均增长11.2%。", "income-growth"],
    ["易地扶贫搬迁安置贫困群众2.3万人。", "relocated-persons"],
    ["完成易地搬迁6800户。", "relocated-households"],
    ["改造农村危房1.1万户。", "housing-renovated"],
    ["硬化村组道路1800公里。", "road-km"],
    ["整合涉农资金8.2亿元。", "funds-invested"],
  ])("one kind, one indicator, however it is phrased: %s", (body, indicator) => {
    expect(ind(body)).toEqual([[expect.any(String), indicator]]);
  });
  it("never drops a fact: an unknown kind gets the generic indicator of its unit", () => {
    expect(ind("共有87台。")).toEqual([["87台", "other-count"]]);
  });
});

describe("targets", () => {
  it.each<[string, string[]]>([
    ["今年计划退出贫困村20个,脱贫5000人。", ["target", "target"]],
    ["力争年底前减贫3000人。", ["target"]],
    ["去年全县减贫3000人。", ["result"]],
    ["按照计划,明年全县将投入资金3亿元。", ["target"]],
    ["2021年全县将新建产业基地20个。", ["target"]],
    ["全县将产业扶贫作为重点,建成基地20个。", ["result"]],
    ["今年计划脱贫户中有劳动能力的2000户全部发展了产业。", ["result"]],
  ])("%s", (body, kinds) => {
    expect(run(body).map((o) => o.kind)).toEqual(kinds);
  });
});

describe("repeats", () => {
  it("merges a fact stated twice into one observation with two spans", () => {
    const obs = extract(
      articleFromText("某县减贫2.5万人\n2019年,某县累计减贫2.5万人。", "t.txt", { published: "2019-12-01" }),
    ).observations;
    expect(obs).toHaveLength(1);
    expect(obs[0]?.repeats).toHaveLength(1);
  });
});
