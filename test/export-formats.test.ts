/**
 * Every export format of the dev-corpus graph (the samples when ../shared is absent) reads back
 * into the same graph: oxigraph for all, Debian's rapper and python3-rdflib for Turtle and
 * N-Triples (same number of triples), and the JSON-LD expands with the `jsonld` package to the
 * same quads. Export streams one graph at a time.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as RDF from "@rdfjs/types";
import jsonld from "jsonld";
import { Parser } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXPORT_FORMATS, type ExportFormat, exportStore, FORMAT_INFO, jsonldContext } from "../src/export/index.js";
import { iris } from "../src/rdf/iri.js";
import { prefixesFor } from "../src/rdf/prefixes.js";
import { KgStore, type RdfMediaType, type Store } from "../src/store/index.js";
import { buildInto } from "./helpers/build.js";
import { corpusDir, has, IN_CI } from "./helpers/linked.js";
import { canonical } from "./helpers/rdf.js";

const IRIS = iris();
const PREFIXES = prefixesFor(IRIS);
const store = KgStore.memory();
let dir: string;
/** Distinct triples over all graphs (what a graph-less format holds). */
let distinctTriples: number;
const written = new Map<ExportFormat, number>();
const file = (f: ExportFormat) => join(dir, `graph.${FORMAT_INFO[f].ext[0]}`);
/** The corpus store seen through a plain Store (not a KgStore: the generic export path), with its own quadsOf. */
const readOnlyView = (quadsOf: (graph: string | null) => RDF.Quad[]): Store => ({
  graphs: () => store.graphs(),
  countQuads: () => store.countQuads(),
  loadQuads: () => 0,
  replaceGraph: () => 0,
  dropGraph: () => undefined,
  query: (q, o) => store.query(q, o),
  update: () => undefined,
  save: async () => undefined,
  quadsOf,
});

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kg-formats-"));
  await buildInto(store, corpusDir(), IRIS);
  const r = store.query("SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } }");
  distinctTriples = r.kind === "bindings" ? Number(r.rows[0]?.get("n")?.value) : 0;
  for (const f of EXPORT_FORMATS)
    written.set(f, await exportStore(store, { format: f, output: file(f), prefixes: PREFIXES }));
}, 300_000);
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe("export formats of the corpus graph", () => {
  it("writes every quad in every graph format, and each triple once in Turtle and N-Triples", () => {
    expect(store.size).toBeGreaterThan(1000);
    for (const f of EXPORT_FORMATS)
      expect(written.get(f), f).toBe(FORMAT_INFO[f].graphs ? store.size : distinctTriples);
  });

  for (const f of ["trig", "nquads"] as const) {
    it(`${f} reads back into oxigraph as the same quads, graph by graph`, async () => {
      const fresh = KgStore.memory();
      fresh.loadText(await readFile(file(f), "utf8"), FORMAT_INFO[f].mediaType as RdfMediaType);
      expect(fresh.size).toBe(store.size);
      expect(fresh.graphs()).toEqual(store.graphs());
      for (const g of store.graphs()) expect(canonical(fresh.quadsOf(g)), g).toBe(canonical(store.quadsOf(g)));
    });
  }

  for (const f of ["turtle", "ntriples"] as const) {
    it(`${f} reads back into oxigraph as the same triples`, async () => {
      const fresh = KgStore.memory();
      fresh.loadText(await readFile(file(f), "utf8"), FORMAT_INFO[f].mediaType as RdfMediaType);
      expect(fresh.size).toBe(distinctTriples);
    });

    it.skipIf(!IN_CI && !has("rapper", ["--version"]))(`${f} is read by rapper: the same number of triples`, () => {
      const r = spawnSync("rapper", ["-i", f, "-c", file(f)], { encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      // rapper counts statements as parsed: a triple stated in two graphs must be written once.
      expect(Number(/returned (\d+) triples/u.exec(r.stderr)?.[1])).toBe(distinctTriples);
    });

    it.skipIf(!IN_CI && !has("/usr/bin/python3", ["-c", "import rdflib"]))(
      `${f} is read by python3-rdflib: the same number of triples`,
      () => {
        const n = execFileSync(
          "/usr/bin/python3",
          [
            "-c",
            "import sys, rdflib; g = rdflib.Graph(); g.parse(sys.argv[1], format=sys.argv[2]); print(len(g))",
            file(f),
            f === "turtle" ? "turtle" : "nt",
          ],
          { encoding: "utf8" },
        );
        expect(Number(n.trim())).toBe(distinctTriples);
      },
    );
  }

  it("JSON-LD expands (jsonld package) to the same quads, graphs kept", async () => {
    const doc = JSON.parse(await readFile(file("jsonld"), "utf8"));
    const nq = (await jsonld.toRDF(doc, { format: "application/n-quads" })) as unknown as string;
    const quads = new Parser({ format: "N-Quads" }).parse(nq);
    const all: RDF.Quad[] = store.graphs().flatMap((g) => store.quadsOf(g));
    expect(quads.length).toBe(store.size);
    expect(canonical(quads)).toBe(canonical(all));
  });

  it("JSON-LD reads back into oxigraph too", async () => {
    const fresh = KgStore.memory();
    fresh.loadText(await readFile(file("jsonld"), "utf8"), "application/ld+json" as RdfMediaType);
    expect(fresh.size).toBe(store.size);
  });

  it("ships the published @context of the default base", async () => {
    const published = JSON.parse(await readFile("ontology/context.jsonld", "utf8"));
    expect(published["@context"]).toEqual(jsonldContext(PREFIXES));
  });

  it("streams one graph at a time (never the whole store at once)", async () => {
    let biggest = 0;
    const spy = readOnlyView((g) => {
      const qs = store.quadsOf(g);
      biggest = Math.max(biggest, qs.length);
      return qs;
    });
    const largest = Math.max(...store.graphs().map((g) => store.quadsOf(g).length));
    for (const format of EXPORT_FORMATS) {
      biggest = 0;
      const n = await exportStore(spy, { format, output: join(dir, `spy.${format}`), prefixes: PREFIXES });
      expect(n).toBe(FORMAT_INFO[format].graphs ? store.size : distinctTriples);
      expect(biggest, format).toBe(largest);
    }
    // several graphs, none of them the whole store (on the samples alone the shared reference
    // graph is about half of it, so no fixed share is asserted)
    expect(store.graphs().length).toBeGreaterThan(2);
    expect(largest).toBeLessThan(store.size);
  });

  for (const f of ["nquads", "ntriples"] as const) {
    it(`${f} written by the embedded store's own writer holds what the generic writer writes`, async () => {
      // a Store that is not a KgStore takes the generic path (terms through the n3 writer)
      const generic = readOnlyView((g) => store.quadsOf(g));
      const out = join(dir, `generic.${f}`);
      const n = await exportStore(generic, { format: f, output: out, prefixes: PREFIXES });
      expect(written.get(f)).toBe(n);
      const parse = async (path: string) =>
        new Parser({ format: f === "nquads" ? "N-Quads" : "N-Triples" }).parse(await readFile(path, "utf8"));
      const [fast, slow] = [await parse(file(f)), await parse(out)];
      expect(fast.length).toBe(slow.length);
      expect(canonical(fast)).toBe(canonical(slow));
    });
  }
});
