/**
 * Turtle and N-Triples merge the graphs of the store: a triple stated in several graphs (a
 * place in the reference graph and in an article graph, a link in two link sets) is written
 * once. TriG and N-Quads keep every graph, so there it stays in each.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataFactory, Parser } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readArticle } from "../src/article/read.js";
import { exportStore } from "../src/export/index.js";
import { extract } from "../src/extract/index.js";
import { iris } from "../src/rdf/iri.js";
import { mapExtraction } from "../src/rdf/map.js";
import { prefixesFor } from "../src/rdf/prefixes.js";
import { KgStore } from "../src/store/index.js";

const { namedNode, literal, quad, blankNode } = DataFactory;
const IRIS = iris();
const EX = "http://example.org/";
let dir: string;

function distinctTriples(store: KgStore): number {
  const r = store.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }");
  if (r.kind !== "bindings") throw new Error("bindings expected");
  return Number(r.rows[0]?.get("n")?.value);
}

async function exported(store: KgStore, format: "turtle" | "ntriples" | "trig" | "nquads") {
  const file = join(dir, `out.${format}`);
  const count = await exportStore(store, { format, output: file, prefixes: prefixesFor(IRIS) });
  const quads = new Parser({
    format: { turtle: "Turtle", ntriples: "N-Triples", trig: "TriG", nquads: "N-Quads" }[format],
  }).parse(await readFile(file, "utf8"));
  return { count, quads };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kg-export-once-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("triple exports write each triple once", () => {
  it("a triple in the default graph and two named graphs is written once; distinct triples all kept", async () => {
    const store = KgStore.memory();
    const shared = quad(namedNode(`${EX}a`), namedNode(`${EX}p`), literal("x", "zh-Hans"));
    const b = blankNode("b1");
    const g1 = namedNode(`${EX}g1`);
    const g2 = namedNode(`${EX}g2`);
    // one load, so that _:b1 is one node in both graphs
    store.loadQuads([
      shared,
      quad(namedNode(`${EX}a`), namedNode(`${EX}q`), literal("1")),
      quad(shared.subject, shared.predicate, shared.object, g1),
      quad(b, namedNode(`${EX}p`), literal("x"), g1),
      quad(namedNode(`${EX}a`), namedNode(`${EX}p`), literal("x"), g1),
      quad(shared.subject, shared.predicate, shared.object, g2),
      quad(b, namedNode(`${EX}p`), literal("x"), g2),
      quad(namedNode(`${EX}a`), namedNode(`${EX}p`), literal("x", "en"), g2),
    ]);
    expect(store.size).toBe(8);
    expect(distinctTriples(store)).toBe(5);
    for (const format of ["turtle", "ntriples"] as const) {
      const { count, quads } = await exported(store, format);
      expect(count, format).toBe(5);
      expect(quads, format).toHaveLength(5);
      expect(new Set(quads.map((q) => `${q.subject.value} ${q.predicate.value} ${q.object.id}`)).size, format).toBe(5);
    }
    for (const format of ["trig", "nquads"] as const) {
      const { count, quads } = await exported(store, format);
      expect(count, format).toBe(8);
      expect(quads, format).toHaveLength(8);
    }
  });

  it("a store of the sample articles: Turtle holds exactly the distinct triples", async () => {
    const store = KgStore.memory();
    for (const f of ["dingxi-2021.txt", "huayuan-2020.txt"]) {
      const mapped = mapExtraction(extract(await readArticle(join("data/samples", f))), IRIS);
      store.replaceGraph(mapped.graph, mapped.quads);
      // each article's reference resources, as `extract` writes them, plus the shared reference graph
      store.loadQuads([...mapped.reference.values()].flat(), `${mapped.graph}/reference`);
      store.loadQuads([...mapped.reference.values()].flat(), IRIS.referenceGraph);
    }
    const distinct = distinctTriples(store);
    expect(store.size).toBeGreaterThan(distinct); // there are repeats to drop
    const { count, quads } = await exported(store, "turtle");
    expect(count).toBe(distinct);
    expect(quads).toHaveLength(distinct);
    const reloaded = KgStore.memory();
    reloaded.loadQuads(quads);
    expect(distinctTriples(reloaded)).toBe(distinct);
  });
});
