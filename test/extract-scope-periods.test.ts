/**
 * The period resolver (src/extract/scope.ts) as a table: sentence → the period each number
 * takes, and the scope level that bound it. Sentences written for these tests, each in
 * Simplified and Traditional script.
 */
import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { articleFromText } from "../src/article/read.js";
import { extract } from "../src/extract/index.js";

const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });

type Row = [exact: string, start: number | null, end: number | null, level?: string];

function periods(body: string, published = "2020-06-30", title = "某地脱贫攻坚成果发布"): Row[] {
  const r = extract(articleFromText(`${title}\n${body}`, "t.txt", { published }));
  return r.observations.map((o) => [
    o.span.exact,
    o.period?.start ?? null,
    o.period?.end ?? null,
    o.why?.period?.split(":")[0] ?? "none",
  ]);
}

const cases: [name: string, body: string, expected: Row[]][] = [
  [
    "经过N年努力 spans the N years before publication; the stock a change arrives at is dated at its end",
    "经过五年努力，全县累计减少贫困人口3.2万人，贫困发生率下降到0.6%。",
    [
      ["3.2万人", 2016, 2020, "sentence"],
      ["0.6%", 2020, 2020, "sentence"],
    ],
  ],
  [
    "分别 hands the years of a span to its numbers in order, and the span leads no later paragraph",
    "2016年至2018年，全县分别减贫1.2万人、2.8万人和3.4万人。\n金融扶贫方面，全县累计发放扶贫小额信贷12.6亿元。",
    [
      ["1.2万人", 2016, 2016, "group"],
      ["2.8万人", 2017, 2017, "group"],
      ["3.4万人", 2018, 2018, "group"],
      ["12.6亿元", null, null, "none"],
    ],
  ],
  [
    "a list of years before 分别 dates its numbers in order",
    "2018年、2019年全县分别退出贫困村12个、20个。",
    [
      ["12个", 2018, 2018, "group"],
      ["20个", 2019, 2019, "group"],
    ],
  ],
  [
    "同年/当年 are the year stated before, 次年 the one after it; 2017年以前 runs up to 2017",
    "2016年，全县减贫1.2万人。同年，退出贫困村12个。次年，全县又减贫8000人。\n2015年以前，全县累计减贫5万人。当年全县退出贫困村5个。",
    [
      ["1.2万人", 2016, 2016, "sentence"],
      ["12个", 2016, 2016, "sentence"],
      ["8000人", 2017, 2017, "sentence"],
      ["5万人", null, 2015, "sentence"],
      ["5个", 2015, 2015, "sentence"],
    ],
  ],
  [
    "a sentence with dated values of its own takes no time from the sentence before",
    "2013年11月，精准扶贫在这里提出。该村人均纯收入从2013年的1668元增加到2019年的14668元，村集体经济收入多达200万元。",
    [
      ["1668元", 2013, 2013, "group"],
      ["14668元", 2019, 2019, "group"],
      ["200万元", null, null, "none"],
    ],
  ],
  [
    "the value a change arrives at, with no date of its own, takes the section's time",
    "一、2019年工作完成情况\n全县退出贫困村18个，贫困发生率由2018年底的4.6%下降到0.9%。",
    [
      ["18个", 2019, 2019, "section"],
      ["4.6%", 2018, 2018, "group"],
      ["0.9%", 2019, 2019, "section"],
    ],
  ],
  [
    "至今, 开始, 起 and 自…以来 around a named event open a span from that year",
    "2016年至今，全县累计减贫2.1万人。\n自2014年精准扶贫实施以来，全县累计减贫3万人。\n从2015年开始，全县累计投入资金9亿元。",
    [
      ["2.1万人", 2016, null, "sentence"],
      ["3万人", 2014, null, "sentence"],
      ["9亿元", 2015, null, "sentence"],
    ],
  ],
  [
    "a stock at a date is that year; a cumulative flow keeps the open start",
    "截至2018年底，全市还有贫困村36个，贫困发生率降至1.2%，累计减贫6.5万人。",
    [
      ["36个", 2018, 2018, "sentence"],
      ["1.2%", 2018, 2018, "sentence"],
      ["6.5万人", null, 2018, "sentence"],
    ],
  ],
  [
    "累计 makes a count up to a date cumulative; 降低到 reaches a level",
    "截至2019年底，全县累计选派驻村第一书记86名。贫困人口由2016年底的2.2万人减少到2019年底的900人，贫困发生率由19.5%降低到0.8%。",
    [
      ["86名", null, 2019, "sentence"],
      ["2.2万人", 2016, 2016, "group"],
      ["900人", 2019, 2019, "group"],
      ["19.5%", 2016, 2016, "sentence"],
      ["0.8%", 2019, 2019, "sentence"],
    ],
  ],
  [
    "a date phrase with 的 governs every number of its group",
    "全县贫困人口由2013年底的2.1万户7.9万人减少到2019年底的310户905人。",
    [
      ["2.1万户", 2013, 2013, "group"],
      ["7.9万人", 2013, 2013, "group"],
      ["310户", 2019, 2019, "group"],
      ["905人", 2019, 2019, "group"],
    ],
  ],
  [
    "several years named: first to last",
    "2016、2017年共退出贫困村42个。2018年和2019年累计减贫1.1万人。",
    [
      ["42个", 2016, 2017, "sentence"],
      ["1.1万人", 2018, 2019, "sentence"],
    ],
  ],
  [
    "the change between two dated values spans both dates",
    "全州贫困人口从2014年底的40万人下降到2018年底的12万人，四年减少贫困人口28万人。",
    [
      ["40万人", 2014, 2014, "group"],
      ["12万人", 2018, 2018, "group"],
      ["28万人", 2014, 2018, "sentence"],
    ],
  ],
  [
    "N年来 resolves against the publication date; 中有 names a set",
    "三年来，全县167个贫困村中有154个退出。",
    [
      ["167个", 2018, 2020, "sentence"],
      ["154个", 2018, 2020, "sentence"],
    ],
  ],
  [
    "a comparison base runs to the sentence's time",
    "2019年全县农民人均可支配收入达9120元，较2015年增加3310元。",
    [
      ["9120元", 2019, 2019, "sentence"],
      ["3310元", 2015, 2019, "sentence"],
    ],
  ],
  [
    "the two values of a change under a span are its two ends",
    "2014年至2019年，全县贫困发生率从28.4%下降到0.6%。",
    [
      ["28.4%", 2014, 2014, "sentence"],
      ["0.6%", 2019, 2019, "sentence"],
    ],
  ],
  [
    "a 年年底 phrase is one date",
    "贫困户由2015年年底的3100户下降至2019年年底的120户。",
    [
      ["3100户", 2015, 2015, "group"],
      ["120户", 2019, 2019, "group"],
    ],
  ],
  [
    "a time carries to the sentences of its paragraph",
    "2017年以来，全县投入扶贫资金8.2亿元。建成产业基地37个。",
    [
      ["8.2亿元", 2017, null, "sentence"],
      ["37个", 2017, null, "paragraph"],
    ],
  ],
  [
    "a lead time governs the paragraphs after it that state none",
    "今年以来，全县新建产业基地12个。\n全县投入扶贫资金3.2亿元，培训农民2100人次。\n2018年，全县减贫0.8万人。\n建成扶贫车间9个。\n全县在2017年建成公路85公里。\n新建安置点4个。",
    [
      ["12个", 2020, 2020, "sentence"],
      ["3.2亿元", 2020, 2020, "section"],
      ["2100人次", 2020, 2020, "section"],
      ["0.8万人", 2018, 2018, "sentence"],
      ["9个", 2018, 2018, "section"],
      ["85公里", 2017, 2017, "sentence"],
      ["4个", null, null, "none"],
    ],
  ],
  [
    "截至目前 is up to now; it leads an answer",
    "问：全县脱贫攻坚成效如何？\n答：截至目前，全县累计减贫3.6万人，还有贫困人口0.2万人。\n全县建成扶贫车间21个。",
    [
      ["3.6万人", null, 2020, "sentence"],
      ["0.2万人", 2020, 2020, "sentence"],
      ["21个", null, 2020, "section"],
    ],
  ],
  [
    "a work report: the lead after a dateline governs its sections; a heading without a time does not end it",
    "某县日报讯（记者 某某）今年以来，全县聚焦剩余贫困人口。\n一、主要成效\n全县剩余的0.8万贫困人口全部脱贫。1至10月，农民人均可支配收入达到8120元。\n二、存在问题\n约有300户存在返贫风险。",
    [
      ["0.8万", 2020, 2020, "section"],
      ["8120元", 2020, 2020, "sentence"],
      ["300户", 2020, 2020, "section"],
    ],
  ],
  [
    "目前 is up to now: a flow keeps its open start, a rate is dated now",
    "目前，全县累计减贫2.3万人，贫困发生率为0.4%。",
    [
      ["2.3万人", null, 2020, "sentence"],
      ["0.4%", 2020, 2020, "sentence"],
    ],
  ],
  [
    "a section heading dates its section; the next heading ends it",
    "一、2019年工作回顾\n全县减贫1.2万人，退出贫困村15个。\n二、下一步打算\n全县培训农民3000人次。",
    [
      ["1.2万人", 2019, 2019, "section"],
      ["15个", 2019, 2019, "section"],
      ["3000人次", null, null, "none"],
    ],
  ],
];

describe("period scope", () => {
  for (const [name, body, expected] of cases) {
    it(`${name} (Simplified)`, () => expect(periods(body)).toEqual(expected));
    it(`${name} (Traditional)`, () => {
      const trad = toTraditional(body);
      expect(trad).not.toBe(body);
      expect(periods(trad).map(([, ...rest]) => rest)).toEqual(expected.map(([, ...rest]) => rest));
    });
  }

  it("a headline takes the period the body gives for the same fact", () => {
    const r = periods("2018年，全区贫困发生率下降到3%，减贫8.4万人。", "2019-01-20", "全区贫困发生率降到3%");
    expect(r[0]).toEqual(["3%", 2018, 2018, "document"]);
  });

  it("a headline restating a body fact in other words takes its indicator, period and place", () => {
    const r = extract(
      articleFromText(
        "某州：5.37万贫困群众告别贫困\n“十三五”以来，某州累计实现5.37万贫困人口脱贫，贫困发生率降至0.4%。",
        "t.txt",
        { published: "2020-11-16" },
      ),
    );
    const facts = r.observations.filter((o) => o.value === "53700");
    expect(facts.length).toBeGreaterThan(0);
    expect(new Set(facts.map((o) => o.indicator))).toEqual(new Set(["poverty-exit-persons"]));
    expect(facts.every((o) => o.period?.start === 2016 && o.period.end === undefined)).toBe(true);
  });

  it("a round number in a headline keeps its own indicator (100% is not a restatement)", () => {
    const r = extract(
      articleFromText("某县贫困户产业覆盖率达到100%\n2020年，全县义务教育入学率达到100%。", "t.txt", {
        published: "2020-11-16",
      }),
    );
    expect(new Set(r.observations.map((o) => o.indicator)).size).toBe(2);
  });

  it("过去五年 in a report of January covers the five years before it; in November, the five up to it", () => {
    expect(periods("过去五年，全省累计减少贫困人口45万人。", "2021-01-25")).toEqual([
      ["45万人", 2016, 2020, "sentence"],
    ]);
    expect(periods("五年来，全县累计减少贫困人口4.5万人。", "2020-11-11")).toEqual([
      ["4.5万人", 2016, 2020, "sentence"],
    ]);
    expect(periods("全省五年累计减少贫困人口45万人。", "2021-01-25")).toEqual([["45万人", 2016, 2020, "sentence"]]);
  });

  it("a relative year in a headline resolves against the publication date", () => {
    const r = periods("全区脱贫攻坚取得决定性进展。", "2019-01-20", "全区今年减贫8.4万人");
    expect(r).toEqual([["8.4万人", 2019, 2019, "sentence"]]);
  });
});
