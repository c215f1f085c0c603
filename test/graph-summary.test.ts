/**
 * A build into an empty store keeps its article graphs as text (KgStore `defer`) and counts
 * the dataset's figures from summaries made with each graph (describe/graph-summary.ts). Checked
 * here: the keys mirror how oxigraph holds literals; the summed figures are the ones the store
 * counts; a deferred graph reads, drops, saves and closes as a loaded one.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { DataFactory } from "n3";
import { Store as Engine } from "oxigraph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildStore } from "../src/build/build.js";
import { articleFileList } from "../src/build/sources.js";
import { ntriplesKeys, statementKeysOf, storedKey, termKey } from "../src/describe/graph-summary.js";
import { DatasetTally, datasetIri, datasetStats, storedTripleKey, summariseGraph } from "../src/describe/index.js";
import { iris as makeIris } from "../src/rdf/iri.js";
import { KgStore, STORE_FILE } from "../src/store/index.js";

const { literal, namedNode, quad } = DataFactory;
const ir = makeIris();
const XS = "http://www.w3.org/2001/XMLSchema#";
const now = () => new Date("2026-01-02T03:04:05.000Z");

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "graph-summary-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** How oxigraph gives a literal back after loading it (its key). */
function engineKey(lexical: string, datatypeOrLanguage: { datatype?: string; language?: string }): string {
  const e = new Engine();
  const o =
    datatypeOrLanguage.language !== undefined
      ? `"${lexical}"@${datatypeOrLanguage.language}`
      : `"${lexical}"^^<${datatypeOrLanguage.datatype}>`;
  e.load(`<http://s> <http://p> ${o} .\n`, { format: "application/n-triples", lenient: true });
  const [q] = e.match(null, null, null, null);
  if (q === undefined) throw new Error("not loaded");
  return termKey(q.object as never);
}

describe("a literal's key", () => {
  it("is the key of the literal oxigraph gives back, whenever the key is known", () => {
    const integerTypes = ["integer", "nonNegativeInteger", "long", "int", "positiveInteger", "unsignedShort"];
    const lexicalNumber = fc
      .tuple(
        fc.constantFrom("", "+", "-"),
        fc.stringMatching(/^0{0,2}\d{1,12}$/u),
        fc.option(fc.stringMatching(/^\d{0,8}0{0,3}$/u)),
      )
      .map(([sign, whole, fraction]) => `${sign}${whole}${fraction === null ? "" : `.${fraction}`}`);
    fc.assert(
      fc.property(lexicalNumber, fc.constantFrom(...integerTypes, "decimal"), (lexical, type) => {
        const key = storedKey(literal(lexical, namedNode(XS + type)));
        if (key !== undefined) expect(key).toBe(engineKey(lexical, { datatype: XS + type }));
      }),
      { numRuns: 300 },
    );
    for (const [lexical, type] of [
      ["2019-01-05", "date"],
      ["2019", "gYear"],
      ["true", "boolean"],
    ] as const)
      expect(storedKey(literal(lexical, namedNode(XS + type)))).toBe(engineKey(lexical, { datatype: XS + type }));
    for (const tag of ["zh-Hans", "zh-hans", "EN"])
      expect(storedKey(literal("脱贫", tag))).toBe(engineKey("脱贫", { language: tag }));
  });

  it("is unknown where the stored form is not known here, so the graph is loaded instead", () => {
    expect(storedKey(literal("2019-01-05+00:00", namedNode(`${XS}date`)))).toBeUndefined();
    expect(storedKey(literal("1.0E3", namedNode(`${XS}double`)))).toBeUndefined();
    expect(storedKey(literal("0.1234567890123456789", namedNode(`${XS}decimal`)))).toBeUndefined();
  });
});

describe("a tally of graph summaries", () => {
  const s = (a: string, n: number) => namedNode(ir.observation(a, n));
  const g = (a: string) => namedNode(ir.articleGraph(a));
  const p = namedNode("http://example.org/p");
  const own = (a: string) => [`${ir.base}observation/${a}/`, `${ir.base}mention/${a}/`];

  it("counts two statements that the store holds as one once", () => {
    const quads = [
      quad(s("a", 1), p, literal("4", namedNode(`${XS}nonNegativeInteger`)), g("a")),
      quad(s("a", 1), p, literal("04", namedNode(`${XS}integer`)), g("a")),
    ];
    const keys = new Set(quads.map(storedTripleKey));
    expect(keys.size).toBe(1);
    const summarised = summariseGraph(ir.articleGraph("a"), quads, own("a"), ir.base);
    expect([...(summarised?.keep ?? [])]).toEqual([1, 0]);
    expect(summarised?.summary.quads).toBe(1);
  });

  it("is inconsistent when another graph uses a graph's own IRI, or a graph comes twice", () => {
    const t = new DatasetTally(ir.base);
    const a = summariseGraph(
      ir.articleGraph("a"),
      [quad(s("a", 1), p, literal("x"), g("a"))],
      own("a"),
      ir.base,
    )?.summary;
    const b = summariseGraph(ir.articleGraph("b"), [quad(s("b", 1), p, s("a", 1), g("b"))], own("b"), ir.base)?.summary;
    if (a === undefined || b === undefined) throw new Error("no summary");
    t.add(a);
    expect(t.consistent).toBe(true);
    t.add(b);
    expect(t.consistent).toBe(false);
    const twice = new DatasetTally(ir.base);
    twice.add(a);
    twice.add(a);
    expect(twice.consistent).toBe(false);
  });

  it("takes a graph away again, and is untrusted when what is taken away is not what was added", () => {
    const summary = (n: number, value: string) =>
      summariseGraph(
        ir.articleGraph("a"),
        [quad(s("a", n), p, literal(value), g("a")), quad(namedNode("http://ex/x"), p, literal(value), g("a"))],
        own("a"),
        ir.base,
      )?.summary;
    const [v1, v2] = [summary(1, "x"), summary(1, "y")];
    if (v1 === undefined || v2 === undefined) throw new Error("no summary");
    const t = new DatasetTally(ir.base);
    t.add(v1);
    t.remove(v1);
    expect(t.consistent).toBe(true);
    expect(t.figures()).toMatchObject({ triples: 0, subjects: 0, objects: 0, properties: 0 });
    const back = DatasetTally.fromBytes(t.toBytes(), ir.base);
    expect(back?.figures()).toEqual(t.figures());
    // a summary made otherwise (another version's, say) than the one added
    t.add(v1);
    t.remove(v2);
    expect(t.consistent).toBe(false);
    expect(t.figures()).toBeUndefined();
  });
});

describe("a build into an empty store", () => {
  it("never loads its article graphs, and its figures are the ones the store counts", async () => {
    const storeDir = join(dir, "samples");
    const store = await KgStore.open(storeDir);
    const files = await articleFileList(["data/samples"]);
    const result = await buildStore(store, files, { iris: ir, now, jobs: 2 });
    expect(result.articles).toBe(files.length);
    // still text only after the save: nothing read them
    expect(store.deferredGraphs().size).toBe(files.length);
    const saved = readFileSync(join(storeDir, STORE_FILE), "utf8");
    expect(saved.split("\n").filter((l) => l !== "" && !l.startsWith("#")).length).toBe(store.size);
    const counted = await datasetStats(await KgStore.open(storeDir), ir);
    const described = await datasetStats(store, ir); // loads them now, counted by the store
    expect(store.deferredGraphs().size).toBe(0);
    expect(described).toEqual(counted);
    const figure = (name: string) => {
      const line = saved
        .split("\n")
        .find((l) => l.startsWith(`<${datasetIri(ir)}> <http://rdfs.org/ns/void#${name}> "`));
      return Number(/"(\d+)"/u.exec(line ?? "")?.[1]);
    };
    expect(figure("triples")).toBe(counted.triples);
    expect(figure("distinctSubjects")).toBe(counted.distinctSubjects);
    expect(figure("distinctObjects")).toBe(counted.distinctObjects);
    expect(figure("properties")).toBe(counted.properties);
  });
});

describe("a deferred graph", () => {
  const text = (a: string, n: number) =>
    Array.from(
      { length: n },
      (_, i) => `<${ir.observation(a, i)}> <http://example.org/p> "${i}" <${ir.articleGraph(a)}> .\n`,
    ).join("");

  it("answers queries, drops, saves and survives a close as a loaded one", async () => {
    const storeDir = join(dir, "deferred");
    const store = await KgStore.open(storeDir);
    store.loadGraphTexts(
      [
        { graph: ir.articleGraph("a"), nquads: text("a", 3), quads: 3 },
        { graph: ir.articleGraph("b"), nquads: text("b", 2), quads: 2 },
      ],
      { defer: true },
    );
    expect(store.deferredGraphs().size).toBe(2);
    expect(store.size).toBe(5);
    expect(store.graphs()).toEqual([ir.articleGraph("a"), ir.articleGraph("b")]);
    store.dropGraph(ir.articleGraph("b"));
    expect(store.size).toBe(3);
    await store.save();
    expect(store.deferredGraphs().size).toBe(1); // saved by copy, still text
    const reopened = await KgStore.open(storeDir);
    expect(reopened.size).toBe(3);
    const r = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }");
    expect(r.kind === "bindings" ? r.rows[0]?.get("n")?.value : undefined).toBe("3");
    expect(store.deferredGraphs().size).toBe(0);

    // a close without a save keeps what the spool held, in memory
    store.loadGraphTexts([{ graph: ir.articleGraph("c"), nquads: text("c", 4), quads: 4 }], { defer: true });
    expect(store.deferredGraphs().size).toBe(1);
    store.close();
    expect(store.deferredGraphs().size).toBe(0);
    expect(store.quadsOf(ir.articleGraph("c"))).toHaveLength(4);
  });
});

describe("a graph's statements as keys from the store's N-Triples", () => {
  it("are the keys of its terms, whatever the literals hold", () => {
    const text = fc.string({
      unit: fc.constantFrom("a", "數", '"', "\\", "\n", "\r", "\t", "\u0001", "😀", " ", ">", "^", "@"),
    });
    const object = fc.oneof(
      text.map((t) => literal(t)),
      fc.tuple(text, fc.constantFrom("zh-Hans", "en", "zh-hant-tw")).map(([t, l]) => literal(t, l)),
      fc
        .tuple(text, fc.constantFrom(`${XS}date`, "http://ex/dt", `${XS}integer`))
        .map(([t, d]) => literal(t, namedNode(d))),
      fc.constantFrom(namedNode("http://ex/o"), namedNode("http://ex/o?a=1#f"), DataFactory.blankNode("b1")),
    );
    fc.assert(
      fc.property(fc.array(object, { minLength: 1, maxLength: 8 }), (objects) => {
        const store = KgStore.memory();
        const g = "http://ex/graph";
        store.loadQuads(
          objects.map((o, i) =>
            quad(
              i % 2 === 0 ? namedNode(`http://ex/s${i}`) : DataFactory.blankNode(`s${i}`),
              namedNode("http://ex/p"),
              o,
            ),
          ),
          g,
        );
        const keys = (list: readonly { s: string; p: string; o: string; iriObject: boolean }[]) =>
          list
            .map((k) =>
              JSON.stringify([k.s.startsWith("_:") ? "_" : k.s, k.p, k.o.startsWith("_:") ? "_" : k.o, k.iriObject]),
            )
            .sort();
        const fast = ntriplesKeys(store.graphText(g, "ntriples"));
        expect(fast).toBeDefined();
        expect(keys(fast ?? [])).toEqual(keys(store.quadsOf(g).map(statementKeysOf)));
      }),
      { numRuns: 300 },
    );
  });

  it("gives up on what is not one statement per line", () => {
    expect(ntriplesKeys("# a comment\n")).toBeUndefined();
    expect(ntriplesKeys("<< <http://a> <http://b> <http://c> >> <http://p> <http://o> .\n")).toBeUndefined();
    expect(ntriplesKeys('<http://s> <http://p> "x\\q" .\n')).toBeUndefined();
    expect(ntriplesKeys("<http://s> <http://p> <http://o> .")).toBeUndefined();
  });
});
