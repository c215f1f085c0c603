/**
 * Tables written as text (src/extract/tables.ts): a header line of column names and rows of
 * cells separated by tabs or runs of spaces. Tables written for these tests.
 */
import { describe, expect, it } from "vitest";
import { articleFromText } from "../src/article/read.js";
import { extract } from "../src/extract/index.js";
import { findTables } from "../src/extract/tables.js";

function facts(text: string): string[] {
  const r = extract(articleFromText(text, "t.txt", { published: "2020-01-10" }));
  return r.observations.map(
    (o) => `${o.span.exact} ${o.indicator} ${o.place?.code ?? "-"} ${o.period?.start ?? ""}-${o.period?.end ?? ""}`,
  );
}

describe("tables written as text", () => {
  it("a number in a row counts what its column says; the rows take the lead's time", () => {
    const text =
      "汉中市2019年脱贫情况\n2019年，汉中市各县区脱贫情况如下：\n县区  减贫人数  贫困发生率\n南郑区  1.2万人  0.8%\n城固县\t0.9万人\t0.6%\n全市脱贫攻坚成效明显。";
    expect(facts(text)).toEqual([
      "1.2万人 poverty-exit-persons 610703 2019-2019",
      "0.8% poverty-incidence 610703 2019-2019",
      "0.9万人 poverty-exit-persons 610722 2019-2019",
      "0.6% poverty-incidence 610722 2019-2019",
    ]);
  });

  it("in Traditional script too", () => {
    const text =
      "漢中市2019年脫貧情況\n2019年，漢中市各縣區脫貧情況如下：\n縣區  減貧人數  貧困發生率\n南鄭區  1.2萬人  0.8%";
    expect(facts(text)).toEqual([
      "1.2萬人 poverty-exit-persons 610703 2019-2019",
      "0.8% poverty-incidence 610703 2019-2019",
    ]);
  });

  it("needs a header of names and rows with as many cells and a figure", () => {
    const s = "县区  减贫人数\n南郑区  1.2万人\n一段普通的文字。\n甲  乙\n丙  丁";
    const lines = [...s.matchAll(/[^\n]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const tables = findTables(s, lines);
    expect(tables).toHaveLength(1);
    expect(tables[0]?.rows).toHaveLength(1);
    expect(findTables("这是  一句话，有两个空格。", [{ start: 0, end: 12 }])).toEqual([]);
  });
});
