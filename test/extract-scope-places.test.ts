/**
 * The place resolver (src/extract/place-scope.ts) and the article's own place, as a table:
 * sentence → the division each number takes. Sentences written for these tests, each run in
 * Simplified and Traditional script.
 */
import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { articleFromText } from "../src/article/read.js";
import { extract } from "../src/extract/index.js";

const toTraditional = OpenCC.Converter({ from: "cn", to: "tw" });

function places(body: string, title: string): [string, string][] {
  const r = extract(articleFromText(`${title}\n${body}`, "t.txt", { published: "2020-06-30" }));
  return r.observations.map((o) => [o.span.exact, o.place?.code ?? ""]);
}

const cases: [name: string, title: string, body: string, expected: [string, string][]][] = [
  [
    "one example with 等: the set belongs to the division shared with the article's place",
    "河南省脱贫攻坚新闻发布会",
    "河南省政府批准嵩县等8个贫困县退出贫困县序列，全省累计减贫650万人。",
    [
      ["8个", "410000"],
      ["650万人", "410000"],
    ],
  ],
  [
    "a set spread over several provinces belongs to no division (the whole country), not to the first one listed",
    "全国脱贫攻坚挂牌督战",
    "这52个县分布在广西、四川、贵州、云南、甘肃、宁夏、新疆7个省区，2019年底共有剩余贫困人口268万人。",
    [
      ["52个", ""],
      ["7个", ""],
      ["268万人", ""],
    ],
  ],
  [
    "a part after a semicolon that names a place has that place as its topic",
    "全国脱贫攻坚挂牌督战",
    "其中，贵州省有9个县未摘帽，剩余贫困人口30.83万人；云南省有9个县，剩余贫困人口26.63万人；四川省凉山州有7个县，剩余贫困人口17.8万人。",
    [
      ["9个", "520000"],
      ["30.83万人", "520000"],
      ["9个", "530000"],
      ["26.63万人", "530000"],
      ["7个", "513400"],
      ["17.8万人", "513400"],
    ],
  ],
  [
    "全市 in a provincial report is the city just named, not the province",
    "西藏脱贫攻坚成效",
    "西藏累计减贫62.8万人。日喀则市副市长表示，截至今年10月底，全市贫困人口由2015年的19.2万人减少至1200人。",
    [
      ["62.8万人", "540000"],
      ["19.2万人", "540200"],
      ["1200人", "540200"],
    ],
  ],
  [
    "全村/村里 after a village introduced under its county stand for that county",
    "凉山州脱贫攻坚纪实",
    "凉山州累计减贫35万人。昭觉县支尔莫乡阿土列尔村地处深山。驻村书记说，全村84户中有72户是贫困户。如今，村里的脐橙种植面积达到300亩。",
    [
      ["35万人", "513400"],
      ["84户", "513431"],
      ["72户", "513431"],
      ["300亩", "513431"],
    ],
  ],
  [
    "分别 with places each qualified by its province and a year before 分别",
    "脱贫攻坚挂牌督战",
    "甘肃省东乡县、宁夏回族自治区西吉县2019年分别减贫1.1万人和1.3万人。",
    [
      ["1.1万人", "622926"],
      ["1.3万人", "640422"],
    ],
  ],
  [
    "places listed as one subject of their clause: their common division",
    "汉中市脱贫攻坚",
    "南郑区和城固县共减贫2万人。",
    [["2万人", "610700"]],
  ],
  [
    "a list of counties from two prefectures: their province",
    "湖北省深度贫困县全部摘帽",
    "湖北省郧西县、竹山县和英山县3个深度贫困县全部摘帽，贫困发生率降至0.5%以下。",
    [
      ["3个", "420000"],
      ["0.5%以下", "420000"],
    ],
  ],
  [
    "这N个县 refers back to the set named before",
    "湖北省脱贫攻坚成效",
    "郧西县、竹山县、英山县原为国定贫困县。截至2019年，这3个县累计退出贫困村412个。",
    [
      ["3个", "420000"],
      ["412个", "420000"],
    ],
  ],
  [
    "a reporting frame is not the topic",
    "兴安盟脱贫攻坚成效显著",
    "记者在内蒙古自治区新闻发布会上获悉，兴安盟贫困发生率由38%下降到1.5%，累计减贫31万人。",
    [
      ["38%", "152200"],
      ["1.5%", "152200"],
      ["31万人", "152200"],
    ],
  ],
  [
    "an example named ahead of a tally is not its place",
    "广元市脱贫攻坚取得决定性进展",
    "截至2017年底，昭化区率先摘帽，312个贫困村退出，18.6万贫困人口脱贫。广元市昭化区、旺苍县持续发力。",
    [
      ["312个", "510800"],
      ["18.6万", "510800"],
    ],
  ],
  [
    "分别 pairs listed places with listed values",
    "陕西省脱贫攻坚成效",
    "商洛市、安康市分别减贫12.4万人、15.1万人。",
    [
      ["12.4万人", "611000"],
      ["15.1万人", "610900"],
    ],
  ],
  [
    "a province report naming many counties is about the province; 我省 in the title sets the level",
    "我省贫困县全部脱贫摘帽",
    "2019年，平顺县、壶关县脱贫摘帽。2020年，天镇县、广灵县、浑源县等17个贫困县正式退出。全省还有贫困人口2.1万人。",
    [
      ["17个", "140000"],
      ["2.1万人", "140000"],
    ],
  ],
  [
    "a village introduced under its county stands for that county later on",
    "广元市脱贫攻坚成效显著",
    "广元市今年减贫1.2万人。青川县乔庄镇石坝村地处山区。\n如今，石坝村贫困户人均收入达到9600元，乔庄镇建成产业基地3个。",
    [
      ["1.2万人", "510800"],
      ["9600元", "510822"],
      ["3个", "510822"],
    ],
  ],
  [
    "a full name is read over a short name overlapping its start (其中江宁区, 其中宾县)",
    "南京市脱贫攻坚成效",
    "2019年，全市贫困人口减少2.4万人，其中江宁区减少3100人。哈尔滨市宾县减少900人，其中宾县西部减少300人。",
    [
      ["2.4万人", "320100"],
      ["3100人", "320115"],
      ["900人", "230125"],
      ["300人", "230125"],
    ],
  ],
  [
    "a two-character county after 关于 (关于萧县等9个县): a set in the province",
    "金寨县脱贫攻坚纪实",
    "安徽省人民政府发布关于萧县等9个县退出贫困县序列的公告。金寨县今年减贫1.3万人。",
    [
      ["9个", "340000"],
      ["1.3万人", "341524"],
    ],
  ],
  [
    "a paragraph of quoted speech goes on with the story before it",
    "兴安盟脱贫攻坚成效",
    "兴安盟今年减贫1.2万人。\n今年31岁的王某家住兴安盟突泉县太平乡永安村。\n“去年，合作社给我家分红4200元。”",
    [
      ["1.2万人", "152200"],
      ["4200元", "152224"],
    ],
  ],
  [
    "a numeral inside a place name is no number",
    "绵阳市脱贫攻坚成效",
    "三台县今年减贫1.1万人，五家渠市、七台河市也有进展。",
    [["1.1万人", "510722"]],
  ],
];

describe("place scope", () => {
  for (const [name, title, body, expected] of cases) {
    it(`${name} (Simplified)`, () => expect(places(body, title)).toEqual(expected));
    it(`${name} (Traditional)`, () => {
      const t = toTraditional(body);
      expect(t).not.toBe(body);
      expect(places(t, toTraditional(title)).map(([, c]) => c)).toEqual(expected.map(([, c]) => c));
    });
  }

  it("every place binding says why", () => {
    const r = extract(
      articleFromText("标题\n记者从某省获悉，商洛市、安康市分别减贫12.4万人、15.1万人。", "t.txt", {
        published: "2020-06-30",
      }),
    );
    expect(r.observations.map((o) => o.why?.place)).toEqual([
      "clause: 分别: listed places in order (分别)",
      "clause: 分别: listed places in order (分别)",
    ]);
  });
});
