/**
 * Where is not who reports: place names inside outlet names and datelines, organisation names
 * and the names of mountains, rivers and lakes are not places of facts. Sentences written for
 * these tests, in Simplified and Traditional script.
 */
import { describe, expect, it } from "vitest";
import { articleFromText } from "../src/article/read.js";
import { extract } from "../src/extract/index.js";
import { findPlaces } from "../src/extract/places.js";
import { Text } from "../src/extract/text.js";

/** [written form, code] of every place found in `sentence`. */
function places(sentence: string): [string, string][] {
  const text = new Text(sentence);
  return findPlaces(text, () => false, 0).hits.map((h) => [text.span(h.start, h.end).exact, h.place.code]);
}

describe("not places", () => {
  it.each<[string, [string, string][]]>([
    // outlets and datelines
    ["【甘肃网讯】定西市新建安置点8个。", [["定西市", "621100"]]],
    ["【甘肅網訊】定西市新建安置點8個。", [["定西市", "621100"]]],
    ["【四川日报】凉山州减贫2万人。", [["凉山州", "513400"]]],
    ["新华社西宁3月2日电 海东市脱贫4000户。", [["海东市", "630200"]]],
    ["新華社西寧3月2日電 海東市脫貧4000戶。", [["海東市", "630200"]]],
    ["本报西安讯（记者 王某）商洛市投入资金3亿元。", [["商洛市", "611000"]]],
    ["来源：陕西日报 汉中市今年减贫1万人。", [["汉中市", "610700"]]],
    ["贵州网9月1日电 毕节市减贫2万人。", [["毕节市", "520500"]]],
    ["人民網四川頻道 廣元市減貧3萬人。", [["廣元市", "510800"]]],
    ["甘肅新聞客戶端 定西市減貧2萬人。", [["定西市", "621100"]]],
    // organisations
    ["北京大学与定西市签约帮扶。", [["定西市", "621100"]]],
    ["四川农业大学专家到昭觉县指导。", [["昭觉县", "513431"]]],
    ["貴州茅台集團向畢節市捐款5000萬元。", [["畢節市", "520500"]]],
    ["某网络科技(北京)有限公司在略阳县建厂。", [["略阳县", "610727"]]],
    ["农业银行甘肃分行向定西市发放贷款2亿元。", [["定西市", "621100"]]],
    // mountain ranges, rivers and lakes
    ["吕梁山区和乌蒙山片区的贫困县", []],
    ["呂梁山、燕山—太行山片區", []],
    ["嘉陵江畔的苍溪县", [["苍溪县", "510824"]]],
    ["祁連山下的祁連縣", [["祁連縣", "632222"]]],
    ["鄱陽湖區的都昌縣", [["都昌縣", "360428"]]],
    // but: a place followed by a word that starts another place, or by 山 in a phrase
    [
      "西藏山南市",
      [
        ["西藏", "540000"],
        ["山南市", "540500"],
      ],
    ],
    [
      "略阳县城外，略阳山大沟深。",
      [
        ["略阳县", "610727"],
        ["略阳", "610727"],
      ],
    ],
    // a sector, not one organisation
    ["宁夏银行业贷款余额增长。", [["宁夏", "640000"]]],
    ["略阳县公司+合作社+农户模式带动3000户。", [["略阳县", "610727"]]],
    // 公司 only right after the name: 汉中市新增公司 is about Hanzhong
    ["汉中市新增公司30家。", [["汉中市", "610700"]]],
    ["汉中公司向略阳县捐款。", [["略阳县", "610727"]]],
    ["略陽縣大學生村官50名。", [["略陽縣", "610727"]]],
    ["广东山区县", [["广东", "440000"]]],
  ])("%s", (sentence, expected) => {
    expect(places(sentence)).toEqual(expected);
  });

  it.each([
    ["河北省脱贫攻坚收官", "【香港商报网讯】剩余贫困人口2000人全部脱贫。", "130000"],
    ["河北省脫貧攻堅收官", "【香港商報網訊】剩餘貧困人口2000人全部脫貧。", "130000"],
  ])("an outlet's place is not the place of a fact: %s / %s", (title, body, code) => {
    const article = articleFromText(`${title}\n${body}`, "t.txt", { published: "2020-06-30" });
    const obs = extract(article).observations.find((o) => o.value === "2000");
    expect(obs?.place?.code).toBe(code);
  });

  it.each<[string, [string, string][]]>([
    [
      "发布会在南宁市举行，百色市累计减贫8万人。",
      [
        ["南宁市", "modifier"],
        ["百色市", "subject"],
      ],
    ],
    [
      "記者在廣西壯族自治區慶祝脫貧攻堅全面勝利系列發布會上獲悉，百色市累計減貧8萬人。",
      [
        ["廣西壯族自治區", "modifier"],
        ["百色市", "subject"],
      ],
    ],
    // 在 without a meeting: the place is the subject
    ["在百色市，贫困发生率降至0.5%。", [["百色市", "subject"]]],
  ])("the venue of a meeting is not the subject: %s", (sentence, expected) => {
    const text = new Text(sentence);
    const found = findPlaces(text, () => false, 0).hits.map((h) => [text.span(h.start, h.end).exact, h.role]);
    expect(found).toEqual(expected);
  });

  it("a fact after a venue takes the article's place", () => {
    const article = articleFromText(
      "百色市脱贫攻坚成效\n在广西壮族自治区庆祝脱贫攻坚全面胜利系列发布会上获悉，贫困发生率降至0.5%。",
      "t.txt",
      { published: "2020-06-30" },
    );
    expect(extract(article).observations.find((o) => o.value === "0.5")?.place?.code).toBe("451000");
  });
});
