import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { PLACE_HANT_FILE, placeHantJson } from "../scripts/gen-place-hant.js";
import { toAlignedSimplified } from "../src/article/script.js";
import { abbreviation, gazetteerStats, loadGazetteer, placeCodeList } from "../src/extract/gazetteer.js";
import { shortNames, stripEthnic } from "../src/extract/gazetteer-names.js";

const g = loadGazetteer();

/** [surface, code] pairs of the matches in a Simplified text, unresolved ones as all candidates joined by "|". */
function matches(text: string): [string, string][] {
  return g.find(text).map((m) => [m.surface, m.candidates.map((c) => c.code).join("|")]);
}

describe("gazetteer contents", () => {
  it("has the GB/T 2260 divisions and drops the development zones", () => {
    const stats = gazetteerStats();
    console.log("gazetteer:", stats, "size", g.size);
    // 31 mainland provinces + 台湾 710000, 香港 810000, 澳门 820000 (GB/T 2260 codes, no subdivisions).
    expect(stats.provinces).toBe(34);
    expect(stats.prefectures).toBe(333);
    expect(stats.counties).toBeGreaterThan(2800);
    expect(stats.counties).toBeLessThan(2900);
    expect(stats.droppedDevelopmentZones).toBe(124);
    expect(g.size).toBe(stats.provinces + stats.prefectures + stats.counties);
    for (const p of g.all()) {
      expect(p.code).toMatch(/^\d{6}$/);
      expect(Number(p.code.slice(4, 6)) >= 70 && Number(p.code.slice(4, 6)) <= 79).toBe(false);
      expect(p.name).not.toMatch(/^(市辖区|县)$|直辖县级行政区划|开发区/);
      if (p.level !== "province") expect(g.byCode(p.parent ?? "")).toBeDefined();
    }
  });

  it.each([
    ["610727", "略阳县", "county", "610700"],
    ["610700", "汉中市", "prefecture", "610000"],
    ["610000", "陕西省", "province", undefined],
    ["433100", "湘西土家族苗族自治州", "prefecture", "430000"],
    ["532300", "楚雄彝族自治州", "prefecture", "530000"],
    ["513400", "凉山彝族自治州", "prefecture", "510000"],
    ["520203", "六枝特区", "county", "520200"],
    ["500000", "重庆市", "province", undefined],
    ["500154", "开州区", "county", "500000"],
    ["500240", "石柱土家族自治县", "county", "500000"],
    ["110105", "朝阳区", "county", "110000"],
    ["419001", "济源市", "county", "410000"],
    ["441900", "东莞市", "prefecture", "440000"],
    ["640000", "宁夏回族自治区", "province", undefined],
    ["710000", "台湾省", "province", undefined],
  ])("%s is %s (%s, parent %s)", (code, name, level, parent) => {
    expect(g.byCode(code)).toEqual(parent === undefined ? { code, name, level } : { code, name, level, parent });
  });

  it("walks up to the province", () => {
    expect(g.ancestors("610727").map((p) => p.code)).toEqual(["610700", "610000"]);
    expect(g.ancestors("500101").map((p) => p.code)).toEqual(["500000"]);
    expect(g.ancestors("610000")).toEqual([]);
    expect(g.byCode("441971")).toBeUndefined();
  });

  it.each([
    ["610727", "略阳县", "略陽縣", ["略阳"]],
    ["433100", "湘西土家族苗族自治州", "湘西土家族苗族自治州", ["湘西州", "湘西"]],
    ["532300", "楚雄彝族自治州", "楚雄彝族自治州", ["楚雄州", "楚雄"]],
    ["513400", "凉山彝族自治州", "涼山彝族自治州", ["凉山州", "凉山"]],
    ["520203", "六枝特区", "六枝特區", ["六枝"]],
    ["640000", "宁夏回族自治区", "寧夏回族自治區", ["宁夏"]],
    ["150000", "内蒙古自治区", "內蒙古自治區", ["内蒙古"]],
    ["522600", "黔东南苗族侗族自治州", "黔東南苗族侗族自治州", ["黔东南州", "黔东南"]],
    ["652700", "博尔塔拉蒙古自治州", "博爾塔拉蒙古自治州", ["博尔塔拉州", "博尔塔拉"]],
    // 海南州 only: the bare 海南 is the province's.
    ["632500", "海南藏族自治州", "海南藏族自治州", ["海南州"]],
    // 长子县: 长子 is a common word (stop list).
    ["140428", "长子县", "長子縣", []],
    ["622926", "东乡族自治县", "東鄉族自治縣", ["东乡县"]],
  ])("names of %s: %s", (code, hans, hant, short) => {
    expect(g.namesOf(code)).toEqual({ hans, hant, short });
  });

  it("lists every division with its names for the place code list", () => {
    const list = [...placeCodeList()];
    expect(list.length).toBe(g.size);
    const nanzheng = list.find((e) => e.place.code === "610703");
    expect(nanzheng?.aliases).toContain("南郑县");
    expect(nanzheng?.hant).toBe("南鄭區");
  });
});

describe("short-name rules", () => {
  it.each([
    ["湘西土家族苗族", "湘西"],
    ["克孜勒苏柯尔克孜", "克孜勒苏"],
    ["积石山保安族东乡族撒拉族", "积石山"],
    ["内蒙古", "内蒙古"],
    ["龙胜各族", "龙胜"],
  ])("strips the ethnic names of %s", (stem, expected) => {
    expect(stripEthnic(stem)).toBe(expected);
  });

  it.each([
    ["汉中市", "prefecture", ["汉中"]],
    ["阿里地区", "prefecture", ["阿里"]],
    ["锡林郭勒盟", "prefecture", ["锡林郭勒"]],
    ["神农架林区", "county", ["神农架"]],
    ["鄂温克族自治旗", "county", ["鄂温克旗"]],
    ["赣县区", "county", ["赣县"]],
    ["和县", "county", []],
    ["香港特别行政区", "province", ["香港"]],
  ] as const)("%s (%s) → %j", (name, level, expected) => {
    expect(shortNames(name, level)).toEqual(expected);
  });
});

describe("find", () => {
  it.each<[string, [string, string][]]>([
    [
      "陕西省汉中市略阳县今年脱贫人口较上年增加。",
      [
        ["陕西省", "610000"],
        ["汉中市", "610700"],
        ["略阳县", "610727"],
      ],
    ],
    // the longer name wins: 汉中市 not 汉中, 宁强县 not 宁强
    [
      "汉中市宁强县与汉中相邻",
      [
        ["汉中市", "610700"],
        ["宁强县", "610726"],
        ["汉中", "610700"],
      ],
    ],
    [
      "凉山州和凉山彝族自治州下辖昭觉县，凉山的彝族群众",
      [
        ["凉山州", "513400"],
        ["凉山彝族自治州", "513400"],
        ["昭觉县", "513431"],
        ["凉山", "513400"],
      ],
    ],
    [
      "湘西州、楚雄州和六枝特区",
      [
        ["湘西州", "433100"],
        ["楚雄州", "532300"],
        ["六枝特区", "520203"],
      ],
    ],
    [
      "重庆市开州区和石柱县",
      [
        ["重庆市", "500000"],
        ["开州区", "500154"],
        ["石柱县", "500240"],
      ],
    ],
    // old names
    [
      "原南郑县、凤翔县、盘县和赣县的数据",
      [
        ["南郑县", "610703"],
        ["凤翔县", "610305"],
        ["盘县", "520281"],
        ["赣县", "360704"],
      ],
    ],
    // common words are not places; one character + 县 is not matched before 委/域/城
    ["乡村振兴让富民产业比如资源开发更加兴旺", []],
    ["会议召开县委常委会，推动管理县域经济，建成县城", []],
    // one character + 县 needs a clear left edge: 示范县 and 减贫和县 are not places, 甘肃成县 is
    [
      "建设示范县，减贫和县脱贫；甘肃成县、在和县",
      [
        ["甘肃", "620000"],
        ["成县", "621221"],
        ["和县", "340523"],
      ],
    ],
    // stop words and phrases are consumed as words: 新建水厂 gives no 建水, 长治久安 no 长治
    ["新建水厂，社会长治久安，绿水青山就是金山银山，农民和牧民", []],
    [
      "长治市和天长市",
      [
        ["长治市", "140400"],
        ["天长市", "341181"],
      ],
    ],
    // province abbreviations are not matched in running text
    ["李黔渝同志在黔东南州调研", [["黔东南州", "522600"]]],
    [
      "台湾和香港同胞",
      [
        ["台湾", "710000"],
        ["香港", "810000"],
      ],
    ],
  ])("%s", (text, expected) => {
    expect(matches(text)).toEqual(expected);
  });

  it("reads Traditional text through the aligned Simplified copy", () => {
    const original = "陝西省漢中市略陽縣，陜西的臺灣同胞";
    const simplified = toAlignedSimplified(original);
    const found = g.find(simplified);
    expect(found.map((m) => [m.surface, m.candidates[0]?.code])).toEqual([
      ["陕西省", "610000"],
      ["汉中市", "610700"],
      ["略阳县", "610727"],
      ["陕西", "610000"],
      ["台湾", "710000"],
    ]);
    const chars = [...original];
    expect(found.map((m) => chars.slice(m.start, m.end).join(""))).toEqual([
      "陝西省",
      "漢中市",
      "略陽縣",
      "陜西",
      "臺灣",
    ]);
  });

  it("counts offsets in code points (non-BMP characters before a match)", () => {
    const text = "𠀀𠀁在汉中市";
    const [m] = g.find(text);
    expect(m).toMatchObject({ start: 3, end: 6, surface: "汉中市", kind: "full" });
    expect([...text].slice(m?.start, m?.end).join("")).toBe("汉中市");
  });

  it("returns every candidate of an ambiguous surface and resolves by context", () => {
    const [m] = g.find("朝阳");
    const codes = m?.candidates.map((c) => c.code) ?? [];
    expect(codes).toEqual(expect.arrayContaining(["110105", "211300", "211321", "220104"]));
    expect(m?.kind).toBe("short");
    const candidates = m?.candidates ?? [];
    expect(g.resolve(candidates, ["210000"])?.code).toBe("211300");
    expect(g.resolve(candidates, ["110000"])?.code).toBe("110105");
    expect(g.resolve(candidates, ["220100"])?.code).toBe("220104");
    expect(g.resolve(candidates, [])).toBeUndefined();
    expect(g.resolve(candidates, ["610000"])).toBeUndefined();
    // full names can be ambiguous too: 城关区 is a stop word, 长安区 is not
    const [changan] = g.find("长安区");
    expect(changan?.candidates.map((c) => c.code).sort()).toEqual(["130102", "610116"]);
    expect(g.resolve(changan?.candidates ?? [], ["610700"])?.code).toBe("610116");
    expect(
      g.resolve(
        [g.byCode("610727")].filter((p) => p !== undefined),
        [],
      )?.code,
    ).toBe("610727");
  });

  it("finds fast (printed, not asserted)", () => {
    const sentence =
      "陕西省汉中市略阳县2019年实现脱贫人口1.2万人，凉山州昭觉县建成易地扶贫搬迁安置点，朝阳区对口帮扶。";
    const text = sentence.repeat(20_000);
    const t0 = performance.now();
    const found = g.find(text);
    const ms = performance.now() - t0;
    const mb = Buffer.byteLength(text) / 1e6;
    console.log(
      `find: ${mb.toFixed(1)} MB in ${ms.toFixed(0)} ms = ${(mb / (ms / 1000)).toFixed(1)} MB/s, ${found.length} matches`,
    );
    expect(found.length).toBe(20_000 * 6);
  });
});

describe("data files", () => {
  const aliases: Record<string, string> = JSON.parse(
    readFileSync(new URL("../data/place-aliases.json", import.meta.url), "utf8"),
  ).aliases;

  it("every alias points to a division and is not a current official name", () => {
    const official = new Set([...g.all()].map((p) => p.name));
    for (const [alias, code] of Object.entries(aliases)) {
      expect(g.byCode(code), alias).toBeDefined();
      expect(official.has(alias), alias).toBe(false);
    }
  });

  it.each([
    ["黔", "520000"],
    ["秦", "610000"],
    ["蜀", "510000"],
    ["陇", "620000"],
    ["沪", "310000"],
  ])("abbreviation %s → %s", (ch, code) => {
    expect(abbreviation(ch)?.code).toBe(code);
  });

  it("has no abbreviation for other characters", () => {
    expect(abbreviation("李")).toBeUndefined();
  });

  it("data/place-names-hant.json is up to date (node --import tsx scripts/gen-place-hant.ts)", () => {
    // regenerated in memory from every official name with opencc-js cn → tw (about a second)
    expect(readFileSync(PLACE_HANT_FILE, "utf8") === placeHantJson()).toBe(true);
    const hant = JSON.parse(readFileSync(PLACE_HANT_FILE, "utf8")).hant as Record<string, string>;
    for (const p of g.all()) expect(Object.hasOwn(hant, p.name), p.name).toBe(true);
  });
});
