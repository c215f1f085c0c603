/**
 * Links: the GB/T 2260 code forms of Wikidata's P442, the shipped link sets, and
 * `article-kg link FILE --by gb2260` on a fixture Wikidata extract: exactly the expected
 * owl:sameAs links, in a graph of their own, and nothing else.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gb2260Of } from "../src/link/gb2260.js";
import { loadPlaceLinks, parsePlaceLinks } from "../src/link/place-links.js";
import { linkGraph, referenceLinks } from "../src/link/reference-links.js";
import { iris } from "../src/rdf/iri.js";
import { KgStore } from "../src/store/index.js";
import { kg } from "./helpers/cli.js";
import { expectIsomorphic, trig } from "./helpers/rdf.js";

const IRIS = iris();
let dir: string;
let store: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kg-link-"));
  store = join(dir, "store");
  const s = await KgStore.open(store);
  s.loadText(readFileSync("test/fixtures/graph.trig", "utf8"), "application/trig");
  await s.save();
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe("GB/T 2260 codes as Wikidata writes them (P442)", () => {
  it.each([
    ["61", "610000"],
    ["61 07", "610700"],
    ["61 07 22", "610722"],
    ["610722", "610722"],
    ["6107", "610700"],
    [" 61 07 22 ", "610722"],
  ])("%s → %s", (written, code) => expect(gb2260Of(written)).toBe(code));
  it.each(["610727100", "610727100000", "6", "61 7", "abc", "", "00"])("%s is not a division code", (w) =>
    expect(gb2260Of(w)).toBeUndefined(),
  );
});

describe("shipped link sets", () => {
  it("reads data/place-links.csv: every Shaanxi division with its code", () => {
    const links = loadPlaceLinks();
    expect(links.length).toBeGreaterThanOrEqual(20);
    expect(links.find((l) => l.gb2260 === "610000")).toEqual({
      name: "陕西省",
      gb2260: "610000",
      wikidata: "Q47974",
      geonames: "1796480",
    });
    expect(() => parsePlaceLinks("name_zh,gb2260,wikidata,geonames\nx,6107,,\n")).toThrow(/six-digit/u);
  });

  it("links places to Wikidata and GeoNames, indicators to UN SDG, units to QUDT and Wikidata", () => {
    const sets = new Map(referenceLinks(IRIS).map((l) => [l.graph, l.quads]));
    const places = sets.get(linkGraph(IRIS, "places")) ?? [];
    expectIsomorphic(
      places.filter((q) => q.subject.value === IRIS.place("610000")),
      trig(`base:graph/links/places {
        base:place/610000 owl:sameAs <http://www.wikidata.org/entity/Q47974> , <https://sws.geonames.org/1796480/> . }`),
    );
    const indicators = sets.get(linkGraph(IRIS, "indicators")) ?? [];
    expect(indicators.some((q) => q.object.value === "http://metadata.un.org/sdg/C010201")).toBe(true);
    expect(new Set(indicators.map((q) => q.predicate.value))).toEqual(
      new Set(["http://www.w3.org/2004/02/skos/core#closeMatch"]),
    );
    const units = sets.get(linkGraph(IRIS, "units")) ?? [];
    const cny = units.filter((q) => q.subject.value === IRIS.unit("CNY")).map((q) => q.object.value);
    expect(cny.sort()).toEqual(["http://qudt.org/vocab/unit/CCY_CNY", "http://www.wikidata.org/entity/Q39099"]);
  });
});

describe("article-kg link FILE --by gb2260", () => {
  const graph = linkGraph(IRIS, "gb2260/wikidata-extract");
  it("adds exactly the expected owl:sameAs links, in their own graph", async () => {
    const before = await KgStore.open(store);
    const r = await kg("link", "test/fixtures/wikidata-extract.ttl", "--by", "gb2260", "--store", store);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Linked 2 of 3 places/u);
    expect(r.stderr).toContain("code 621100 is stated by 2 items");
    const after = await KgStore.open(store);
    expectIsomorphic(
      after.quadsOf(graph),
      trig(`base:graph/links/gb2260/wikidata-extract {
        base:place/610700 owl:sameAs <http://www.wikidata.org/entity/Q90610700> .
        base:place/610727 owl:sameAs <http://www.wikidata.org/entity/Q90610727> . }`),
    );
    // Nothing else changed: every other graph is as it was.
    expect(after.graphs().filter((g) => g !== graph)).toEqual(before.graphs());
    expect(after.size).toBe(before.size + 2);
  });

  it("is idempotent, and refuses an unknown key", async () => {
    await kg("link", "test/fixtures/wikidata-extract.ttl", "--by", "gb2260", "--store", store);
    expect((await KgStore.open(store)).quadsOf(graph)).toHaveLength(2);
    const bad = await kg("link", "test/fixtures/wikidata-extract.ttl", "--by", "name", "--store", store);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--by must be gb2260");
  });
});
