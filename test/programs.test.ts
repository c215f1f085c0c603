/**
 * Programs and organisations (src/extract/programs.ts, data/programs.json): scheme labels in
 * both scripts, local programs by shape, organisations with their place, and the programs
 * that govern each fact. Every sentence here is written for the test.
 */
import type * as RDF from "@rdfjs/types";
import { Parser, Writer } from "n3";
import { describe, expect, it } from "vitest";
import { articleFromText } from "../src/article/read.js";
import { extract } from "../src/extract/index.js";
import { iris } from "../src/rdf/iri.js";
import { articleQuads } from "../src/rdf/map.js";
import type { Extraction } from "../src/types.js";

const IRIS = iris();

function run(body: string, title = "青川县工作回顾"): Extraction {
  return extract(articleFromText(`${title}\n${body}`, "t.txt", { published: "2020-01-01" }));
}
const ids = (x: Extraction, kind: "program" | "organisation") =>
  x.programs.filter((p) => p.kind === kind).map((p) => p.id);

describe("scheme programs, in Simplified and Traditional", () => {
  it.each([
    ["2019年,青川县实施易地扶贫搬迁,搬迁贫困群众3200人。", ["relocation"]],
    ["2019年，青川縣實施易地扶貧搬遷，搬遷貧困群眾3200人。", ["relocation"]],
    [
      "全县把光伏扶贫和电商扶贫作为重点,建成村级电站12座。",
      ["photovoltaic-poverty-alleviation", "e-commerce-poverty-alleviation"],
    ],
    [
      "全縣把光伏扶貧和電商扶貧作為重點，建成村級電站12座。",
      ["photovoltaic-poverty-alleviation", "e-commerce-poverty-alleviation"],
    ],
    ["青川县选派驻村第一书记86名,实现两不愁三保障。", ["first-secretary", "two-assurances-three-guarantees"]],
    ["青川縣選派駐村第一書記86名，實現兩不愁三保障。", ["first-secretary", "two-assurances-three-guarantees"]],
    ["2019年青川县脱贫摘帽,摘帽不摘政策。", ["county-delisting", "four-no-removals"]],
    ["福建省通過閩寧協作投入幫扶資金1.5億元。", ["fujian-ningxia-cooperation"]],
  ])("%s", (body, expected) => {
    expect(ids(run(body), "program")).toEqual(expected);
  });

  it("prefers the longest label: an office is not the program it is named after", () => {
    const x = run("青川县乡村振兴局介绍,全县完成危房改造800户。");
    expect(ids(x, "program")).toEqual(["housing-renovation"]);
    expect(ids(x, "organisation")).toEqual(["510822/rural-revitalisation-bureau"]);
  });
});

describe("facts joined to programs", () => {
  const programsOf = (body: string) => run(body).observations.map((o) => [o.indicator, o.programs]);
  it.each([
    // implied by the indicator, though the sentence names no program
    ["2019年,青川县共搬迁贫困户1500户。", [["relocated-households", ["relocation"]]]],
    ["2019年，青川縣共搬遷貧困戶1500戶。", [["relocated-households", ["relocation"]]]],
    ["2019年,青川县完成农村危房改造800户。", [["housing-renovated", ["housing-renovation"]]]],
    [
      "2019年,浙江省向青川县投入东西部扶贫协作资金2亿元。",
      // east–west funds are funds invested (kg:subIndicator east-west-cooperation-funds)
      [["funds-invested", ["east-west-cooperation"]]],
    ],
    // a narrower program named: the broader one is not added
    ["2019年，福建省通過閩寧協作向固原市投入幫扶資金1.5億元。", [["funds-invested", ["fujian-ningxia-cooperation"]]]],
    // a local program named earlier in the sentence governs the fact
    [
      "2019年,青川县推行“三联三带”模式,带动贫困户600户增收。",
      [["industry-beneficiary-households", ["local/510000/三联三带"]]],
    ],
    // no program at all
    ["2019年,青川县减贫3000人。", [["poverty-exit-persons", []]]],
  ])("%s", (body, expected) => {
    expect(programsOf(body)).toEqual(expected);
  });
});

describe("local programs by shape", () => {
  it.each([
    ["2019年,青川县推行“三联三带”模式,带动贫困户600户增收。", "local/510000/三联三带"],
    ["2019年，青川縣推行「三聯三帶」模式，帶動貧困戶600戶增收。", "local/510000/三联三带"],
    ["“幸福家园”工程覆盖青川县12个村。", "local/510000/幸福家园"],
    ["「幸福家園」工程覆蓋青川縣12個村。", "local/510000/幸福家园"],
    ["青川县印发《产业发展奖补实施办法》,全年发放奖补资金900万元。", "local/510000/产业发展奖补实施办法"],
    ["青川县探索“8+N”帮扶,覆盖贫困户800户。", "local/510000/8+N"],
  ])("%s → program/%s", (body, id) => {
    expect(ids(run(body), "program")).toEqual([id]);
  });

  it("gives the same IRI to the same local program in two articles of one province", () => {
    const a = run("全县推行“三联三带”模式,带动贫困户600户。", "青川县工作回顾");
    const b = run("全县推行「三聯三帶」模式，帶動貧困戶300戶。", "旺蒼縣工作回顧");
    expect(ids(a, "program")).toEqual(["local/510000/三联三带"]);
    expect(ids(b, "program")).toEqual(ids(a, "program"));
  });

  it.each([
    ["据《青川日报》报道,2019年全县脱贫1000人。", "an outlet"],
    ["全县执行“576”标准,2019年脱贫1000人。", "a number in quotes"],
    ["全县干部喊出“脱贫不脱志”的口号,2019年投入资金500万元。", "an unlisted slogan"],
    ["全县推进“青川”品牌建设,投入资金500万元。", "a place name"],
    ["他说“这个模式好”,2019年全县脱贫1000人。", "quoted speech"],
    ["《青川县志》记载,该地有“三联三带”模式。", "a shape without an initiative"],
  ])("%s is no program (%s)", (body) => {
    expect(ids(run(body), "program")).toEqual([]);
  });
});

describe("organisations", () => {
  it.each([
    ["汉中市扶贫办介绍,2019年全市减贫3万人。", ["610700/poverty-alleviation-office"]],
    ["漢中市扶貧辦介紹，2019年全市減貧3萬人。", ["610700/poverty-alleviation-office"]],
    ["县扶贫办介绍,2019年全县减贫3000人。", ["510822/poverty-alleviation-office"]],
    ["国务院扶贫办对青川县给予肯定。", ["state-council-lgop-office"]],
    ["國家鄉村振興局對青川縣給予肯定。", ["national-rural-revitalisation-administration"]],
    ["浙江大学帮助青川县培训干部300人次。", ["浙江大学"]],
  ])("%s", (body, expected) => {
    const x = run(body);
    expect(ids(x, "organisation")).toEqual(expected);
    expect(ids(x, "program")).toEqual([]);
  });

  it("links an organisation named in the clause to the fact", () => {
    const x = run("浙江大学帮助青川县培训干部300人次。");
    expect(x.observations.map((o) => o.organisations)).toEqual([[{ id: "浙江大学", role: "donor" }]]);
    expect(x.programs.find((p) => p.id === "浙江大学")?.place?.code).toBe("330000");
  });
});

describe("the role of an organisation in a fact", () => {
  it.each([
    ["浙江大学向青川县捐赠资金300万元。", "浙江大学", "donor"],
    ["浙江大學向青川縣捐贈資金300萬元。", "浙江大学", "donor"],
    ["县扶贫办介绍,2019年全县减贫3000人。", "510822/poverty-alleviation-office", "source"],
    ["縣扶貧辦介紹，2019年全縣減貧3000人。", "510822/poverty-alleviation-office", "source"],
    ["浙江省企业为青川县扶贫办捐赠资金300万元。", "510822/poverty-alleviation-office", "recipient"],
    ["中国农业银行在青川县发放扶贫贷款2亿元。", "agricultural-bank-of-china", "implementer"],
  ])("%s: %s is the %s", (body, id, role) => {
    expect(run(body).observations[0]?.organisations).toEqual([{ id, role }]);
  });
});

describe("RDF of programs and organisations", () => {
  const x = run("2019年,青川县扶贫办推行“三联三带”模式,搬迁贫困户1500户。\n浙江大学帮助青川县培训干部300人次。");
  const turtle = new Writer({ format: "N-Quads" }).quadsToString(articleQuads(x, IRIS));
  const quads: RDF.Quad[] = new Parser({ format: "N-Quads" }).parse(turtle);
  const objects = (p: string) => quads.filter((q) => q.predicate.value === p).map((q) => q.object.value);

  it("links facts with kg:program, kg:organisation and the organisation's role to readable IRIs", () => {
    expect(objects(IRIS.kg.donor)).toEqual([`${IRIS.base}organisation/浙江大学`]);
    expect(objects(IRIS.kg.program).sort()).toEqual([
      `${IRIS.base}program/local/510000/三联三带`,
      `${IRIS.base}program/relocation`,
    ]);
    expect(objects(IRIS.kg.organisation).sort()).toEqual([
      `${IRIS.base}organisation/510822/poverty-alleviation-office`,
      `${IRIS.base}organisation/浙江大学`,
    ]);
  });

  it("never percent-encodes a program, organisation, place or indicator IRI", () => {
    const terms = quads.flatMap((q) => [q.subject.value, q.object.value]);
    for (const prefix of ["program/", "organisation/", "place/", "indicator/"])
      for (const t of terms.filter((v) => v.startsWith(IRIS.base + prefix))) expect(t).not.toContain("%");
  });

  it("declares local programs and organisations (with their place) but not the scheme's concepts", () => {
    const typed = quads.filter((q) => q.predicate.value === "http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    const declared = typed.map((q) => q.subject.value);
    expect(declared).toContain(`${IRIS.base}program/local/510000/三联三带`);
    expect(declared).not.toContain(`${IRIS.base}program/relocation`);
    expect(objects("https://schema.org/location")).toContain(`${IRIS.base}place/510822`);
  });
});
