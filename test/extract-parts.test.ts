/**
 * Subtotals (其中, 包括, 含): a number in such a clause is part of the nearest preceding number
 * of the same unit, `Observation.partOf` holds the index of that whole, the mapper writes it as
 * kg:partOf, and the named queries that add values up leave parts out. Sentences written for
 * these tests (not from the corpus), in Simplified and Traditional script.
 */
import { readFileSync } from "node:fs";
import { Parser } from "n3";
import * as OpenCC from "opencc-js";
import { describe, expect, it } from "vitest";
import { articleFromText } from "../src/article/read.js";
import { extract } from "../src/extract/index.js";
import { toSparqlJson } from "../src/query/format.js";
import { iris } from "../src/rdf/iri.js";
import { mapExtraction } from "../src/rdf/map.js";
import { prefixesFor } from "../src/rdf/prefixes.js";
import { quadsToString } from "../src/rdf/serialize.js";
import { KgStore } from "../src/store/index.js";
import type { Extraction } from "../src/types.js";

const toTraditional = OpenCC.Converter({ from: "cn", to: "t" });
const IRIS = iris();

function run(body: string, id = "parts"): Extraction {
  return extract(articleFromText(`宁陕县脱贫攻坚情况\n${body}`, `${id}.txt`, { published: "2020-09-30" }));
}

/** Each observation as "value UNIT" and, for a part, "⊂ value" of its whole. */
function brief(x: Extraction): string[] {
  return x.observations.map((o) => {
    const whole = o.partOf !== undefined ? x.observations.find((w) => w.index === o.partOf) : undefined;
    return `${o.value} ${o.unit}${whole !== undefined ? ` ⊂ ${whole.value}` : ""}`;
  });
}

describe("其中: parts and their wholes", () => {
  it.each<[string, string[]]>([
    [
      "2019年全县减贫2.4万人，其中易地扶贫搬迁0.8万人、产业帮扶0.6万人。",
      ["24000 PERSON", "8000 PERSON ⊂ 24000", "6000 PERSON ⊂ 24000"],
    ],
    // 其中 starts the sentence: the whole is in the previous one
    [
      "全县脱贫1.2万户3.5万人。其中，兜底保障0.2万户0.4万人。",
      ["12000 HOUSEHOLD", "35000 PERSON", "2000 HOUSEHOLD ⊂ 12000", "4000 PERSON ⊂ 35000"],
    ],
    // a cue alone before a colon: the parts follow
    [
      "全县投入扶贫资金9亿元，其中：财政资金6亿元，社会资金1.5亿元。",
      ["900000000 CNY", "600000000 CNY ⊂ 900000000", "150000000 CNY ⊂ 900000000"],
    ],
    // in parentheses, and nested: the innermost whole
    ["全县投入扶贫资金9亿元（其中中央资金4亿元）。", ["900000000 CNY", "400000000 CNY ⊂ 900000000"]],
    ["全县共有贫困村48个，其中深度贫困村20个（含新识别的3个）。", ["48 COUNT", "20 COUNT ⊂ 48", "3 COUNT ⊂ 20"]],
    // the nearest preceding number of the same unit
    ["全县减贫3万人，完成搬迁2万人，包括集中安置1.4万人。", ["30000 PERSON", "20000 PERSON", "14000 PERSON ⊂ 20000"]],
    // no part: another unit, larger than the whole, averages and rates, no cue
    ["全县减贫3万人，其中有6000户搬迁。", ["30000 PERSON", "6000 HOUSEHOLD"]],
    ["全县减贫3万人，其中易地搬迁5万人。", ["30000 PERSON", "50000 PERSON"]],
    ["农村居民人均可支配收入9800元，其中贫困人口人均纯收入4200元。", ["9800 CNY", "4200 CNY"]],
    ["全县减贫3万人，易地搬迁1万人。", ["30000 PERSON", "10000 PERSON"]],
    ["全县减贫3万人，包括残疾人在内的2万人实现就业。", ["30000 PERSON", "20000 PERSON"]],
  ])("%s", (sentence, expected) => {
    expect(brief(run(sentence))).toEqual(expected);
    expect(brief(run(toTraditional(sentence))), "Traditional").toEqual(expected);
  });
});

describe("kg:partOf in the graph", () => {
  const sentence = "2019年全县投入扶贫资金9亿元，其中财政资金6亿元。";
  for (const [script, text] of [
    ["Simplified", sentence],
    ["Traditional", toTraditional(sentence)],
  ] as const) {
    it(`a part points at its whole, read back from Turtle (${script})`, async () => {
      const mapped = mapExtraction(run(text), IRIS);
      const turtle = await quadsToString(mapped.quads, "turtle", prefixesFor(IRIS));
      const quads = new Parser({ format: "text/turtle" }).parse(turtle);
      const partOf = quads
        .filter((q) => q.predicate.value === IRIS.kg.partOf)
        .map((q) => [q.subject.value, q.object.value]);
      expect(partOf).toEqual([[IRIS.observation("parts", 2), IRIS.observation("parts", 1)]]);
    });
  }
  it("the named queries that add values up leave parts out", () => {
    const store = KgStore.memory();
    for (const [id, body] of [
      ["parts-a", "2019年全县投入扶贫资金9亿元，其中财政资金6亿元。"],
      ["parts-b", "2019年全縣累計減貧2.4萬人，其中易地扶貧搬遷0.8萬人。"],
    ] as const) {
      const mapped = mapExtraction(run(body, id), IRIS);
      store.replaceGraph(mapped.graph, mapped.quads);
      store.loadQuads([...mapped.reference.values()].flat(), IRIS.referenceGraph);
    }
    const rows = (name: string) => {
      const result = store.query(readFileSync(`queries/${name}.rq`, "utf8"));
      if (result.kind === "quads") throw new Error(name);
      const json = toSparqlJson(result) as { results: { bindings: Record<string, { value: string }>[] } };
      return json.results.bindings.map((b) => Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v.value])));
    };
    expect(rows("funds-by-place-period").map((r) => [r.yuan, r.facts])).toEqual([["900000000", "1"]]);
    expect(rows("places-by-poverty-exit").map((r) => r.persons)).toEqual(["24000"]);
  });
});
