/**
 * One kind of fact, one indicator, whatever the sentence's shape: the verb decides (a flow
 * out of a stock vs the stock that remains), a predicate written once is shared by the counts
 * listed before it, and the second value of a change has the subject of the first. Sentences
 * written for these tests, each run in Simplified and Traditional script.
 */
import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { articleFromText } from "../src/article/read.js";
import { extract } from "../src/extract/index.js";

const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });

function indicators(body: string): [string, string][] {
  const r = extract(articleFromText(`某省脱贫攻坚成效\n${body}`, "t.txt", { published: "2020-06-30" }));
  return r.observations.map((o) => [o.span.exact, o.indicator]);
}

const cases: [name: string, body: string, expected: [string, string][]][] = [
  [
    "a decrease of the poor population is people lifted out; a level reached is what remains",
    "全省农村贫困人口累计减少512万人，贫困人口减少到3.6万人。",
    [
      ["512万人", "poverty-exit-persons"],
      ["3.6万人", "poor-population"],
    ],
  ],
  [
    "退出 + 贫困人口 is an exit, not the population",
    "郧西县、竹山县累计退出建档立卡贫困村215个，退出建档立卡贫困人口38.2万人。",
    [
      ["215个", "villages-exited"],
      ["38.2万人", "poverty-exit-persons"],
    ],
  ],
  [
    "national and provincial poor counties that exit are both delisted counties",
    "2018年，6个国定贫困县、9个省定贫困县脱贫。",
    [
      ["6个", "counties-delisted"],
      ["9个", "counties-delisted"],
    ],
  ],
  [
    "a predicate after ，与 is shared",
    "省政府批准嵩县等8个国定贫困县，与新安县等5个省定贫困县退出贫困县序列。",
    [
      ["8个", "counties-delisted"],
      ["5个", "counties-delisted"],
    ],
  ],
  [
    "a subject clause takes the predicate of the next clause",
    "天镇县、广灵县等11个贫困县，正式退出贫困县序列。",
    [["11个", "counties-delisted"]],
  ],
  [
    "the second values of a change have the subject of the first",
    "全州贫困人口已从2014年底的4100户、1.52万人下降至2019年底的260户、810余人。",
    [
      ["4100户", "poor-households"],
      ["1.52万人", "poor-population"],
      ["260户", "poor-households"],
      ["810余人", "poor-population"],
    ],
  ],
  [
    "N个X中有M个: the set is the stock, the subset does the verb",
    "全县167个贫困村中有154个退出。",
    [
      ["167个", "poor-villages"],
      ["154个", "villages-exited"],
    ],
  ],
  [
    "a growth is of its nearest subject: income, or an economic aggregate (not income growth)",
    "全年地区生产总值增长3.9%，一般公共预算收入完成181亿元，增长0.6%，农村居民人均可支配收入增长7.5%。",
    [
      ["3.9%", "other-growth-rate"],
      ["181亿元", "other-amount"],
      ["0.6%", "other-growth-rate"],
      ["7.5%", "income-growth"],
    ],
  ],
  [
    "an elliptical parallel clause (same verb, same unit) has the indicator of the clause it echoes",
    "其中，甲县农村贫困人口减少1.2万人，乙县减少0.8万人，丙县减少6000人。",
    [
      ["1.2万人", "poverty-exit-persons"],
      ["0.8万人", "poverty-exit-persons"],
      ["6000人", "poverty-exit-persons"],
    ],
  ],
  [
    "a share of a task done is not a coverage rate (完成 is no cue of 成)",
    "目前已完成年度减贫任务的96%以上。",
    [["96%以上", "other-rate"]],
  ],
  [
    "a count after 和 has its own noun; 实施 alone is no project",
    "对未摘帽的52个贫困县和1113个贫困村实施挂牌督战，95个贫困村及28个深度贫困村全部退出。",
    [
      ["52个", "poor-counties"],
      ["1113个", "poor-villages"],
      ["95个", "villages-exited"],
      ["28个", "villages-exited"],
    ],
  ],
  [
    "urban residents' income is not the income of the rural poor; 危旧房改造 is housing renovated",
    "全县城镇居民人均可支配收入达到32000元，增长8.2%，农村居民人均可支配收入增长10.1%，完成危旧房改造1200户。",
    [
      ["32000元", "urban-income-per-capita"],
      ["8.2%", "other-growth-rate"],
      ["10.1%", "income-growth"],
      ["1200户", "housing-renovated"],
    ],
  ],
  [
    "a level reached with no noun of its own is a level of what the sentence counted before",
    "2018年全县贫困人口为1.2万人，2019年减少到3000人。",
    [
      ["1.2万人", "poor-population"],
      ["3000人", "poor-population"],
    ],
  ],
  [
    "households written before people that left poverty left it too",
    "全年共减少贫困人口3126户11230人。",
    [
      ["3126户", "poverty-exit-households"],
      ["11230人", "poverty-exit-persons"],
    ],
  ],
  [
    "deeply poor villages are a kind of their own, not poor villages (GUIDELINES: POOR_VILLAGES)",
    "全县共有贫困村120个，其中深度贫困村32个。",
    [
      ["120个", "poor-villages"],
      ["32个", "deeply-poor-villages"],
    ],
  ],
  [
    "N个X中，已有M个: a member count after a comma still reads the noun of its set",
    "全州520个贫困村中，已有517个实现退出。",
    [
      ["520个", "poor-villages"],
      ["517个", "villages-exited"],
    ],
  ],
  [
    "households and people that exit",
    "2016、2017年退出2910户1.1万多人。",
    [
      ["2910户", "poverty-exit-households"],
      ["1.1万多人", "poverty-exit-persons"],
    ],
  ],
  [
    "a number with a thousands separator keeps its clause; 重点村/重点县 that exit",
    "五年来，全市2,146个省扶贫工作重点村全部退出，甲县、乙县等5个省扶贫开发重点县全部摘帽。",
    [
      ["2,146个", "villages-exited"],
      ["5个", "counties-delisted"],
    ],
  ],
  ["a monthly wage is labour income", "她在扶贫车间务工，月收入2600元。", [["2600元", "labour-income"]]],
  ["poor villages that 实现脱贫 exited", "全区去年415个贫困村实现脱贫。", [["415个", "villages-exited"]]],
  ["money allocated for a purpose is funds", "全区安排8.5亿元用于产业发展。", [["8.5亿元", "funds-invested"]]],
  [
    "the people written after households are the people of those households",
    "全村共有建档立卡贫困户35户118人。",
    [
      ["35户", "poor-households"],
      ["118人", "poor-population"],
    ],
  ],
  [
    "an increase after a level is its change; the growth rate its own",
    "2019年农民人均可支配收入9310元，比上年增加820元，同比增长9.6%。",
    [
      ["9310元", "income-per-capita"],
      ["820元", "income-increase-amount"],
      ["9.6%", "income-growth"],
    ],
  ],
  [
    "a verb that says what it is: no generic indicator",
    "接待游客12.5万人次，实现旅游收入1.3亿元。累计医疗救助贫困患者8.1万人次。全县生产总值达到96亿元，总人口42万。",
    [
      ["12.5万人次", "tourist-visits"],
      ["1.3亿元", "tourism-income"],
      ["8.1万人次", "medical-aid-person-times"],
      ["96亿元", "gross-domestic-product"],
      ["42万", "total-population"],
    ],
  ],
];

describe("one kind of fact, one indicator", () => {
  for (const [name, body, expected] of cases) {
    it(`${name} (Simplified)`, () => expect(indicators(body)).toEqual(expected));
    it(`${name} (Traditional)`, () => {
      const t = toTraditional(body);
      expect(t).not.toBe(body);
      expect(indicators(t).map(([, i]) => i)).toEqual(expected.map(([, i]) => i));
    });
  }
});
