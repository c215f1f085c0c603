/**
 * Place recognition: the written forms of a division (official name, short name by rule,
 * autonomous short forms, banner abbreviations, a county after its prefecture, Traditional
 * script) and the division each stands for. Sentences written for these tests.
 */
import { readFileSync } from "node:fs";
import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { toAlignedSimplified } from "../src/article/script.js";
import { loadGazetteer } from "../src/extract/gazetteer.js";
import { bannerAbbreviations } from "../src/extract/gazetteer-names.js";
import { findPlaces } from "../src/extract/places.js";
import { Text } from "../src/extract/text.js";

/** [written form in the original script, code] of every place found in `sentence`. */
function places(sentence: string): [string, string][] {
  const text = new Text(sentence);
  return findPlaces(text, () => false, 0).hits.map((h) => [text.span(h.start, h.end).exact, h.place.code]);
}

describe("written forms of a division", () => {
  it.each<[string, [string, string][]]>([
    // autonomous prefectures by their short form (民族 and 自治 stripped by rule)
    ["黔东南州今年新建安置点12个。", [["黔东南州", "522600"]]],
    [
      "恩施州和湘西州开展劳务协作，延边州也参加。",
      [
        ["恩施州", "422800"],
        ["湘西州", "433100"],
        ["延边州", "222400"],
      ],
    ],
    [
      "凉山州、甘孜州各有300户搬迁。",
      [
        ["凉山州", "513400"],
        ["甘孜州", "513300"],
      ],
    ],
    [
      "涼山州、甘孜州各有300戶搬遷。",
      [
        ["涼山州", "513400"],
        ["甘孜州", "513300"],
      ],
    ],
    // autonomous counties: short + 县
    ["石柱县新修公路80公里。", [["石柱县", "500240"]]],
    ["石柱縣新修公路80公里。", [["石柱縣", "500240"]]],
    // a county after its prefecture
    [
      "湖北恩施利川去年脱贫5000人。",
      [
        ["湖北", "420000"],
        ["恩施", "422800"],
        ["利川", "422802"],
      ],
    ],
    [
      "黔南都匀发展茶叶产业。",
      [
        ["黔南", "522700"],
        ["都匀", "522701"],
      ],
    ],
    [
      "漢中洋縣種植黑米600畝。",
      [
        ["漢中", "610700"],
        ["洋縣", "610723"],
      ],
    ],
    // a county whose short name is a common word, right after its prefecture where the name ends
    [
      "毕节大方、赫章两县去年减贫3万人。",
      [
        ["毕节", "520500"],
        ["大方", "520521"],
        ["赫章", "520527"],
      ],
    ],
    [
      "畢節大方、赫章兩縣去年減貧3萬人。",
      [
        ["畢節", "520500"],
        ["大方", "520521"],
        ["赫章", "520527"],
      ],
    ],
    // … or after a listed county of the same prefecture
    [
      "赣州市瑞金、兴国、于都等县市区",
      [
        ["赣州市", "360700"],
        ["瑞金", "360781"],
        ["兴国", "360732"],
        ["于都", "360731"],
      ],
    ],
    [
      "贛州市瑞金、興國、於都等縣市區",
      [
        ["贛州市", "360700"],
        ["瑞金", "360781"],
        ["興國", "360732"],
        ["於都", "360731"],
      ],
    ],
    // … but not where the word goes on: 资源丰富 is not 资源县, 延长时间 not 延长县
    ["桂林资源丰富。", [["桂林", "450300"]]],
    ["宜川和延长时间", [["宜川", "610630"]]],
    // an ambiguous name is narrowed by the prefecture written right before it
    [
      "长春朝阳区和北京朝阳",
      [
        ["长春", "220100"],
        ["朝阳区", "220104"],
        ["北京", "110000"],
        ["朝阳", "110105"],
      ],
    ],
    // banners and leagues (Inner Mongolia), with their usual abbreviations
    [
      "兴安盟科右前旗和科右中旗脱贫。",
      [
        ["兴安盟", "152200"],
        ["科右前旗", "152221"],
        ["科右中旗", "152222"],
      ],
    ],
    [
      "興安盟科右前旗和突泉縣脫貧。",
      [
        ["興安盟", "152200"],
        ["科右前旗", "152221"],
        ["突泉縣", "152224"],
      ],
    ],
    [
      "包头土右旗、锡林郭勒盟东乌旗、阿拉善左旗",
      [
        ["包头", "150200"],
        ["土右旗", "150221"],
        ["锡林郭勒盟", "152500"],
        ["东乌旗", "152525"],
        ["阿拉善左旗", "152921"],
      ],
    ],
    // colloquial short forms of leagues and capitals (data/place-aliases.json)
    [
      "內蒙古錫盟、阿盟和呼市",
      [
        ["內蒙古", "150000"],
        ["錫盟", "152500"],
        ["阿盟", "152900"],
        ["呼市", "150100"],
      ],
    ],
    // county-level cities and districts, short and full
    [
      "丹江口市与房县、西安市长安区",
      [
        ["丹江口市", "420381"],
        ["房县", "420325"],
        ["西安市", "610100"],
        ["长安区", "610116"],
      ],
    ],
    // Traditional forms, including variant characters (濬, 衞, 敍) and 於/乾
    [
      "河南濬縣、寧夏中衞市、四川敍永縣",
      [
        ["河南", "410000"],
        ["濬縣", "410621"],
        ["寧夏", "640000"],
        ["中衞市", "640500"],
        ["四川", "510000"],
        ["敍永縣", "510524"],
      ],
    ],
    [
      "陝西省乾縣與江西於都縣",
      [
        ["陝西省", "610000"],
        ["乾縣", "610424"],
        ["江西", "360000"],
        ["於都縣", "360731"],
      ],
    ],
    // Simplified names that the script alignment converts (乾县 → 干县) are still found
    [
      "陕西省乾县与吉林省乾安县",
      [
        ["陕西省", "610000"],
        ["乾县", "610424"],
        ["吉林省", "220000"],
        ["乾安县", "220723"],
      ],
    ],
    // names that hold a collective phrase: 万全区 (全区), 天全县 (全县)
    [
      "河北万全区与雅安市天全县",
      [
        ["河北", "130000"],
        ["万全区", "130708"],
        ["雅安市", "511800"],
        ["天全县", "511825"],
      ],
    ],
    // a place word before a bare name, unless the two make a common word (对于都市, 在建平台)
    ["江西省对于都市农业的扶持加大。", [["江西省", "360000"]]],
    [
      "遼寧省在建平台，到建平調研。",
      [
        ["遼寧省", "210000"],
        ["建平", "211322"],
      ],
    ],
    // a two-character county name after a year
    ["2019年洋县减贫3000人。", [["洋县", "610723"]]],
    // bare short names that stand alone, or whose division the text names otherwise
    [
      "略阳县地处山区。据悉，略阳累计脱贫1.2万人。",
      [
        ["略阳县", "610727"],
        ["略阳", "610727"],
      ],
    ],
    // a bare name at the head of a village name is that division only when the text names it
    [
      "福建省三明市，永安村新建厂房两座。",
      [
        ["福建省", "350000"],
        ["三明市", "350400"],
      ],
    ],
    [
      "福建省永安市。永安村新建廠房兩座。",
      [
        ["福建省", "350000"],
        ["永安市", "350481"],
        ["永安", "350481"],
      ],
    ],
  ])("%s", (sentence, expected) => {
    expect(places(sentence)).toEqual(expected);
  });

  it.each<[string, string]>([
    // two divisions share the short name and nothing else in the text decides: no guess
    ["朝阳新建厂房两座。", "朝阳"],
    ["巴州新建厂房两座。", "巴州"],
    // a bare short name made of two halves of two words
    ["当地致贫原因复杂多样。", "杂多"],
    ["當地致貧原因複雜多樣。", "杂多"],
  ])("%s: no place", (sentence) => {
    expect(places(sentence)).toEqual([]);
  });
});

describe("banner abbreviations by rule", () => {
  it.each([
    ["科尔沁左翼中", ["科左中旗"]],
    ["察哈尔右翼后", ["察右后旗"]],
    ["土默特左", ["土左旗"]],
    ["鄂托克前", ["鄂前旗"]],
    ["西乌珠穆沁", ["西乌旗"]],
    ["杭锦", []],
  ])("%s旗 → %j", (stem, expected) => {
    expect(bannerAbbreviations(stem)).toEqual(expected);
  });
});

describe("every division through the script alignment (乾县 → 干县 on the aligned copy)", () => {
  const g = loadGazetteer();
  const stop = new Set<string>(
    JSON.parse(readFileSync(new URL("../data/place-aliases.json", import.meta.url), "utf8")).stop,
  );
  it.each([
    ["cn", (name: string) => name],
    ["tw", OpenCC.Converter({ from: "cn", to: "tw" })],
    ["hk", OpenCC.Converter({ from: "cn", to: "hk" })],
  ])("is found under its official name converted to %s", (_variant, convert) => {
    const missed: string[] = [];
    for (const p of g.all()) {
      if (stop.has(p.name)) continue; // 城区, 郊区: official names that are common words
      const hant = convert(p.name);
      const found = g.find(toAlignedSimplified(hant));
      if (!(found.length === 1 && found[0]?.candidates.some((c) => c.code === p.code)))
        missed.push(`${p.code} ${hant}`);
    }
    expect(missed).toEqual([]);
  });
});

describe("main place", () => {
  it.each([
    ["湖北省今年减贫。竹山、房县、保康和郧西摘帽，竹山、房县、保康、郧西此前已退出。湖北省扶贫办介绍。", "420000"],
    ["湖北省今年減貧。竹山、房縣、保康和鄖西摘帽，竹山、房縣、保康、鄖西此前已退出。湖北省扶貧辦介紹。", "420000"],
    ["保康县今年减贫。保康县新修公路80公里，湖北省扶贫办介绍。", "420626"],
  ])("a listed place counts as one of a set: %s", (body, code) => {
    expect(findPlaces(new Text(body), () => false, 0).main?.code).toBe(code);
  });
});

describe("collective phrases inside names", () => {
  it.each([
    ["今天全县减贫3000人。", ["全县"]],
    ["今天全縣減貧3000人。", ["全縣"]],
    ["雅安市天全县减贫3000人。", []],
  ])("%s", (sentence, expected) => {
    const text = new Text(sentence);
    const found = findPlaces(text, () => false, 0).collective.map((c) => text.span(c.start, c.end).exact);
    expect(found).toEqual(expected);
  });
});
