/**
 * The two program queries (queries/funds-by-program.rq, queries/places-by-program.rq) on a
 * graph built from two sample articles written for the test (test/fixtures/programs/*.txt,
 * one Simplified, one Traditional): the facts are joined to their programs by the extractor, also
 * where the sentence names none, and the rows say how much money went into which program where.
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { readArticle } from "../src/article/read.js";
import { extract } from "../src/extract/index.js";
import { iris } from "../src/rdf/iri.js";
import { mapExtraction } from "../src/rdf/map.js";
import { KgStore } from "../src/store/index.js";

const IRIS = iris();
const store = KgStore.memory();

beforeAll(async () => {
  for (const name of ["programs-qingchuan", "programs-wangcang"]) {
    const mapped = mapExtraction(extract(await readArticle(`test/fixtures/programs/${name}.txt`)), IRIS);
    store.replaceGraph(mapped.graph, mapped.quads);
    store.loadQuads([...mapped.reference.values()].flat(), IRIS.referenceGraph);
  }
});

/** The rows of a named query as plain strings, the VALUES line of the program set to `program`. */
function rows(name: string, vars: readonly string[], program?: string): string[][] {
  let text = readFileSync(`queries/${name}.rq`, "utf8");
  if (program !== undefined)
    text = text.replace(/VALUES \?programCode \{ "[^"]*" \}/u, `VALUES ?programCode { "${program}" }`);
  const result = store.query(text);
  if (result.kind !== "bindings") throw new Error(`${name} is not a SELECT`);
  return result.rows.map((r) => vars.map((v) => r.get(v)?.value ?? ""));
}

describe("funds by program, place and year", () => {
  it("sums the money of each program, implied or named, per place and year", () => {
    expect(rows("funds-by-program", ["program", "programName", "placeCode", "start", "end", "yuan", "facts"])).toEqual([
      [`${IRIS.base}program/east-west-cooperation`, "东西部扶贫协作", "510822", "2019", "2019", "200000000", "1"],
      [`${IRIS.base}program/industrial-poverty-alleviation`, "产业扶贫", "510822", "2019", "2019", "50000000", "1"],
      [`${IRIS.base}program/zhejiang-sichuan-cooperation`, "浙川协作", "510821", "2019", "2019", "120000000", "1"],
    ]);
  });
});

describe("places reporting a program", () => {
  const vars = ["placeCode", "placeName", "facts", "articles", "firstYear", "lastYear"] as const;
  it.each([
    [
      "relocation",
      [
        ["510821", "旺苍县", "1", "1", "2019", "2019"],
        ["510822", "青川县", "1", "1", "2019", "2019"],
      ],
    ],
    // a narrower program (浙川协作) counts for east–west cooperation
    [
      "east-west-cooperation",
      [
        ["510821", "旺苍县", "1", "1", "2019", "2019"],
        ["510822", "青川县", "1", "1", "2019", "2019"],
      ],
    ],
    ["housing-renovation", [["510822", "青川县", "1", "1", "2018", "2018"]]],
    ["photovoltaic-poverty-alleviation", []],
  ])("%s", (program, expected) => {
    expect(rows("places-by-program", vars, program)).toEqual(expected);
  });
});
