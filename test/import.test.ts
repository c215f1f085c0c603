/**
 * `article-kg import FILE --graph IRI` for every RDF format, the join queries of
 * queries/linked/ (our observations with an imported population extract, through the
 * owl:sameAs links of `link`) against their golden results, and QuickStatements.
 */
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataFactory } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeJsonLd } from "../src/export/index.js";
import { quickStatements } from "../src/export/quickstatements.js";
import { readRdfFile } from "../src/import/read.js";
import { toSparqlJson } from "../src/query/format.js";
import { quadsToString } from "../src/rdf/serialize.js";
import { KgStore } from "../src/store/index.js";
import { kg } from "./helpers/cli.js";
import { canonical } from "./helpers/rdf.js";

let dir: string;
let store: string;
const TTL = "test/fixtures/population-extract.ttl";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kg-import-"));
  store = join(dir, "store");
  const s = await KgStore.open(store);
  s.loadText(readFileSync("test/fixtures/graph.trig", "utf8"), "application/trig");
  await s.save();
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe("article-kg import", () => {
  it("reads every format into the same triples, each in the named graph asked for", async () => {
    const source = await readRdfFile(TTL);
    expect(source).toHaveLength(6);
    const variants: Record<string, string> = {
      "pop.nt": await quadsToString(source, "ntriples"),
      "pop.nq": await quadsToString(
        source.map((q) =>
          DataFactory.quad(q.subject, q.predicate, q.object, DataFactory.namedNode("http://example.org/g")),
        ),
        "nquads",
      ),
      "pop.trig": await quadsToString(source, "trig"),
    };
    const jsonld: string[] = [];
    await writeJsonLd([source], { write: async (t) => void jsonld.push(t) }, { prefixes: {} });
    variants["pop.jsonld"] = jsonld.join("");
    for (const [name, text] of Object.entries(variants)) await writeFile(join(dir, name), text);
    const files = [
      TTL,
      "test/fixtures/population-extract.rdf",
      "test/fixtures/population-extract.jsonld",
      ...Object.keys(variants).map((n) => join(dir, n)),
    ];
    for (const [i, f] of files.entries()) {
      const graph = `http://example.org/imported/${i}`;
      const r = await kg("import", f, "--graph", graph, "--store", store);
      expect(r.code, `${f}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toContain(`Imported 6 triples`);
      const s = await KgStore.open(store);
      const got = s.quadsOf(graph).map((q) => DataFactory.quad(q.subject, q.predicate, q.object));
      expect(canonical(got), f).toBe(canonical(source));
    }
    // Importing again replaces the graph.
    await kg("import", TTL, "--graph", "http://example.org/imported/0", "--store", store);
    expect((await KgStore.open(store)).quadsOf("http://example.org/imported/0")).toHaveLength(6);
  });

  it("says which format it cannot tell", async () => {
    const r = await kg("import", "test/fixtures/graph.unknown", "--store", store);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("cannot tell the RDF format");
  });
});

describe("queries joining our observations with imported graphs (queries/linked/)", () => {
  beforeAll(async () => {
    expect((await kg("import", TTL, "--store", store)).code).toBe(0);
    expect((await kg("link", "test/fixtures/wikidata-extract.ttl", "--by", "gb2260", "--store", store)).code).toBe(0);
  });
  const names = readdirSync("queries/linked").filter((f) => f.endsWith(".rq"));
  it("there are join queries", () => expect(names.length).toBeGreaterThanOrEqual(2));
  for (const name of names) {
    it(`${name} gives its golden result`, async () => {
      const s = await KgStore.open(store);
      const result = s.query(readFileSync(join("queries/linked", name), "utf8"));
      if (result.kind === "quads") throw new Error("a SELECT");
      const golden = JSON.parse(
        readFileSync(join("test/fixtures/queries/linked", name.replace(/\.rq$/u, ".json")), "utf8"),
      );
      const lower = (j: unknown) =>
        JSON.parse(
          JSON.stringify(j).replace(/"xml:lang":"([^"]*)"/gu, (_, l: string) => `"xml:lang":"${l.toLowerCase()}"`),
        );
      expect(lower(toSparqlJson(result))).toEqual(lower(golden));
      expect(result.kind === "bindings" && result.rows.length).toBeGreaterThan(0);
    });
  }
});

describe("QuickStatements", () => {
  it("states results of linked places with unit, period qualifiers and the article as reference", async () => {
    const out = join(dir, "qs.tsv");
    const r = await kg(
      "quickstatements",
      "--indicator",
      "poverty-exit-persons",
      "--property",
      "P9999",
      "--reference-url",
      "https://example.org/article",
      "--store",
      store,
      "-o",
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(out, "utf8")).toBe(
      [
        'Q90610700\tP9999\t500000\tP580\t+2016-00-00T00:00:00Z/9\tS854\t"https://example.org/article"',
        'Q90610700\tP9999\t60000\tP585\t+2019-00-00T00:00:00Z/9\tS854\t"https://example.org/article"',
        'Q90610727\tP9999\t12000\tP585\t+2019-00-00T00:00:00Z/9\tS854\t"https://example.org/article"',
        "",
      ].join("\n"),
    );
    expect(r.stderr).toContain("skipped 1: the place has no Wikidata item");
  });

  it("gives money its unit and a range its start and end; skips bounds, targets and missing URLs", () => {
    const { literal, namedNode } = DataFactory;
    const row = (o: string, extra: Record<string, ReturnType<typeof literal> | ReturnType<typeof namedNode>>) =>
      new Map<string, ReturnType<typeof literal> | ReturnType<typeof namedNode>>([
        ["obs", namedNode(o)],
        ["value", literal("1260000000")],
        ["unitCode", literal("CNY")],
        ["item", namedNode("http://www.wikidata.org/entity/Q1")],
        ["source", namedNode("https://example.org/a")],
        ...Object.entries(extra),
      ]);
    const qs = quickStatements(
      [
        row("o1", { start: literal("2016"), end: literal("2020") }),
        row("o2", { bound: namedNode("https://w3id.org/article-kg/ontology#Below") }),
        row("o3", { kind: namedNode("https://w3id.org/article-kg/ontology#Target") }),
        new Map([...row("o4", {})].filter(([k]) => k !== "source")),
      ],
      { property: "P2769" },
    );
    expect(qs.lines).toEqual([
      'Q1\tP2769\t1260000000U39099\tP580\t+2016-00-00T00:00:00Z/9\tP582\t+2020-00-00T00:00:00Z/9\tS854\t"https://example.org/a"',
    ]);
    expect([...qs.skipped.values()].reduce((a, b) => a + b)).toBe(3);
  });
});
