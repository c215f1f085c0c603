/**
 * Written-out numbers the extractor must not miss (GUIDELINES "Written-out numbers"): 零, 一半
 *以上, 十几万元, 万余人, N%以上, fractions, 百分之N, 成, and a number whose counted noun
 * comes after modifiers. Sentences written for these tests, in Simplified and Traditional
 * script; each row gives every fact the sentence must yield, through the public extract().
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { articleFromText } from "../src/article/read.js";
import { extract } from "../src/extract/index.js";
import type { Observation } from "../src/types.js";

function run(body: string, published = "2021-03-15"): Observation[] {
  return [...extract(articleFromText(`某县脱贫工作通报\n${body}`, "t.txt", { published })).observations];
}

const brief = (o: Observation) => ({
  exact: o.span.exact,
  value: o.value,
  unit: o.unit,
  ...(o.approximation ? { approximation: o.approximation } : {}),
  ...(o.bound ? { bound: o.bound } : {}),
});

type Row = [string, ReturnType<typeof brief>[]];

describe("zero as a level", () => {
  it.each<Row>([
    [
      "全镇贫困发生率由2016年的7.21%降为零。",
      [
        { exact: "7.21%", value: "7.21", unit: "PERCENT" },
        { exact: "零", value: "0", unit: "PERCENT" },
      ],
    ],
    [
      "全鎮貧困發生率由2016年的7.21%下降到零。",
      [
        { exact: "7.21%", value: "7.21", unit: "PERCENT" },
        { exact: "零", value: "0", unit: "PERCENT" },
      ],
    ],
    ["到去年底,该乡贫困发生率降至零。", [{ exact: "零", value: "0", unit: "PERCENT" }]],
    ["該鄉建檔立卡貧困人口減少到零。", [{ exact: "零", value: "0", unit: "PERSON" }]],
    [
      "全乡贫困发生率由4.3%降为0。",
      [
        { exact: "4.3%", value: "4.3", unit: "PERCENT" },
        { exact: "0", value: "0", unit: "PERCENT" },
      ],
    ],
    [
      "未脱贫户由86户减为零。",
      [
        { exact: "86户", value: "86", unit: "HOUSEHOLD" },
        { exact: "零", value: "0", unit: "HOUSEHOLD" },
      ],
    ],
  ])("%s", (sentence, expected) => {
    expect(run(sentence).map(brief)).toEqual(expected);
  });
  it.each([
    "该村实现了零的突破。",
    "全镇推行零距离服务,做到零容忍。",
    "贫困发生率降至零点五个百分点以下的说法不准确。",
    "帮扶零就业家庭。",
  ])("no fact: %s", (sentence) => {
    expect(run(sentence).filter((o) => o.value === "0")).toEqual([]);
  });
});

describe("halves, fractions and percentages in words", () => {
  it.each<Row>([
    ["全村一半以上农户种植了茶叶。", [{ exact: "一半以上", value: "50", unit: "PERCENT", bound: "above" }]],
    ["全村一半以上農戶種植了茶葉。", [{ exact: "一半以上", value: "50", unit: "PERCENT", bound: "above" }]],
    ["务工收入占家庭收入的一半左右。", [{ exact: "一半左右", value: "50", unit: "PERCENT", approximation: "about" }]],
    ["产业收入超过一半。", [{ exact: "一半", value: "50", unit: "PERCENT", bound: "above" }]],
    ["搬迁任务已完成过半。", [{ exact: "过半", value: "50", unit: "PERCENT", bound: "above" }]],
    ["搬遷任務已完成過半。", [{ exact: "過半", value: "50", unit: "PERCENT", bound: "above" }]],
    ["参加合作社的农户占三分之一。", [{ exact: "三分之一", value: "33.33", unit: "PERCENT", approximation: "about" }]],
    ["參加合作社的農戶佔三分之一。", [{ exact: "三分之一", value: "33.33", unit: "PERCENT", approximation: "about" }]],
    [
      "外出务工人员约占四分之一左右。",
      [{ exact: "四分之一左右", value: "25", unit: "PERCENT", approximation: "about" }],
    ],
    ["贫困户中有2/3发展了养殖业。", [{ exact: "2/3", value: "66.67", unit: "PERCENT", approximation: "about" }]],
    [
      "近1/5的村集体经济收入超过10万元。",
      [
        { exact: "1/5", value: "20", unit: "PERCENT", approximation: "nearly" },
        { exact: "10万元", value: "100000", unit: "CNY", bound: "above" },
      ],
    ],
    [
      "医疗费用报销比例达到百分之九十以上。",
      [{ exact: "百分之九十以上", value: "90", unit: "PERCENT", bound: "above" }],
    ],
    ["醫療費用報銷比例達到百分之九十五點五。", [{ exact: "百分之九十五點五", value: "95.5", unit: "PERCENT" }]],
    ["适龄儿童入学率达到百分之百。", [{ exact: "百分之百", value: "100", unit: "PERCENT" }]],
    ["漏评率控制在千分之三以内。", [{ exact: "千分之三以内", value: "0.3", unit: "PERCENT", bound: "below" }]],
    ["全县农户参保率为100%。", [{ exact: "100%", value: "100", unit: "PERCENT" }]],
    ["群众满意度在97%以上。", [{ exact: "97%以上", value: "97", unit: "PERCENT", bound: "above" }]],
    ["群眾滿意度在97%以上。", [{ exact: "97%以上", value: "97", unit: "PERCENT", bound: "above" }]],
  ])("%s", (sentence, expected) => {
    expect(run(sentence).map(brief)).toEqual(expected);
  });
  it.each([
    "他把一半的时间用在村里。",
    "车间生产汽车零部件和零件。",
    "过半年再来看看。",
    "他的另一半也在合作社上班。",
    "数据更新于2020/10/29。",
    "详见第1/3页。",
  ])("no fact: %s", (sentence) => {
    expect(run(sentence)).toEqual([]);
  });
});

describe("tenths (成)", () => {
  it.each<Row>([
    ["全村两成农户开办了农家乐。", [{ exact: "两成", value: "20", unit: "PERCENT" }]],
    ["全村七成以上農戶開辦了農家樂。", [{ exact: "七成以上", value: "70", unit: "PERCENT", bound: "above" }]],
    ["返贫风险户不足一成。", [{ exact: "一成", value: "10", unit: "PERCENT", bound: "below" }]],
    ["全村七成多农户种茶。", [{ exact: "七成多", value: "70", unit: "PERCENT", approximation: "more-than" }]],
  ])("%s", (sentence, expected) => {
    expect(run(sentence).map(brief)).toEqual(expected);
  });
  it.each(["两成员一起入户走访。", "这件事三成为定局。", "政策一成不变。", "统一成立合作社。", "产品单一成分简单。"])(
    "no fact: %s",
    (sentence) => {
      expect(run(sentence)).toEqual([]);
    },
  );
});

describe("rough and lone numbers", () => {
  it.each<Row>([
    ["合作社年分红十几万元。", [{ exact: "十几万元", value: "100000", unit: "CNY", approximation: "more-than" }]],
    ["合作社年分紅二十几萬元。", [{ exact: "二十几萬元", value: "200000", unit: "CNY", approximation: "more-than" }]],
    ["全县培训农民万余人。", [{ exact: "万余人", value: "10000", unit: "PERSON", approximation: "more-than" }]],
    [
      "全縣培訓農民萬餘人次。",
      [{ exact: "萬餘人次", value: "10000", unit: "PERSON_TIME", approximation: "more-than" }],
    ],
    ["帮扶干部千余名。", [{ exact: "千余名", value: "1000", unit: "PERSON", approximation: "more-than" }]],
    ["新增就业岗位万多个。", [{ exact: "万多个", value: "10000", unit: "COUNT", approximation: "more-than" }]],
  ])("%s", (sentence, expected) => {
    expect(run(sentence).map(brief)).toEqual(expected);
  });
  it.each([
    "几十万群众受益。",
    "千万不能松劲。",
    "十几年来一直坚持。",
    "年过八旬的老人住进了新房。",
    "八旬老人笑开颜。",
    "用了3个多月时间。",
    "走两个多小时山路。",
    "4个月内建成安置点。",
  ])("no fact: %s", (sentence) => {
    expect(run(sentence)).toEqual([]);
  });
});

describe("the counted noun after modifiers", () => {
  it.each<Row>([
    ["项目涉及4.6万建档立卡贫困人口。", [{ exact: "4.6万", value: "46000", unit: "PERSON" }]],
    ["項目涉及4.6萬建檔立卡貧困人口。", [{ exact: "4.6萬", value: "46000", unit: "PERSON" }]],
    ["帮助2.2万来自易地搬迁家庭的劳动力就业。", [{ exact: "2.2万", value: "22000", unit: "PERSON" }]],
    ["幫助2.2萬來自易地搬遷家庭的勞動力就業。", [{ exact: "2.2萬", value: "22000", unit: "PERSON" }]],
    ["带动1.3万有劳动能力的贫困户增收。", [{ exact: "1.3万", value: "13000", unit: "HOUSEHOLD" }]],
    ["覆盖260深度贫困村。", [{ exact: "260", value: "260", unit: "COUNT" }]],
  ])("%s", (sentence, expected) => {
    expect(run(sentence).map(brief)).toEqual(expected);
  });
  it.each(["投入3000万用于帮扶贫困户。", "筹集1200万资金支持贫困群众。", "在320国道旁的贫困村建起车间。"])(
    "no fact: %s",
    (sentence) => {
      expect(run(sentence)).toEqual([]);
    },
  );
});

describe("the number grammar never takes a year, date, ordinal, list number or quoted name", () => {
  const year = fc.integer({ min: 1990, max: 2035 });
  const small = fc.integer({ min: 1, max: 99 });
  const templates: fc.Arbitrary<string>[] = [
    year.map((y) => `${y}年,全县召开大会。`),
    fc.tuple(small, small).map(([m, d]) => `${(m % 12) + 1}月${(d % 28) + 1}日,全县召开大会。`),
    small.map((n) => `第${n}批工作队进村。`),
    small.map((n) => `${n}、加强组织领导。`),
    small.map((n) => `落实“${n}”工作法和“${n}+X”模式。`),
    fc.tuple(year, small, small).map(([y, m, d]) => `更新时间:${y}/${(m % 12) + 1}/${(d % 28) + 1}`),
  ];
  it("gives no fact", () => {
    fc.assert(
      fc.property(fc.oneof(...templates), (sentence) => {
        expect(run(sentence)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
