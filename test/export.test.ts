import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportStore } from "../src/export/index.js";
import type { RdfFormat } from "../src/rdf/formats.js";
import { iris } from "../src/rdf/iri.js";
import { mapExtraction } from "../src/rdf/map.js";
import { prefixesFor } from "../src/rdf/prefixes.js";
import { KgStore, type RdfMediaType } from "../src/store/index.js";
import { EXTRACTION } from "./helpers/fixtures.js";
import { canonical } from "./helpers/rdf.js";

const IRIS = iris();
const PREFIXES = prefixesFor(IRIS);
const MEDIA: Record<RdfFormat, RdfMediaType> = {
  turtle: "text/turtle",
  trig: "application/trig",
  nquads: "application/n-quads",
  ntriples: "application/n-triples",
};
const QUERY = `SELECT ?o ?v ?code ?exact WHERE {
  ?o a qb:Observation ; sdmx-measure:obsValue ?v ; sdmx-dimension:refArea/skos:notation ?code ;
     prov:wasDerivedFrom/oa:hasSelector/oa:exact ?exact } ORDER BY ?o`;

let dir: string;
let store: KgStore;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kg-export-"));
  store = KgStore.memory();
  const mapped = mapExtraction(EXTRACTION, IRIS);
  store.replaceGraph(mapped.graph, mapped.quads);
  store.loadQuads([...mapped.reference.values()].flat(), IRIS.referenceGraph);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("exportStore", () => {
  for (const format of ["turtle", "trig", "nquads", "ntriples"] as const) {
    it(`round-trips through ${format}: same answers from a fresh store`, async () => {
      const file = join(dir, `graph.${format}`);
      const count = await exportStore(store, { format, output: file, prefixes: PREFIXES });
      expect(count).toBe(store.size);
      const fresh = KgStore.memory();
      fresh.loadText(await readFile(file, "utf8"), MEDIA[format]);
      expect(fresh.query(QUERY, { prefixes: PREFIXES })).toEqual(store.query(QUERY, { prefixes: PREFIXES }));
      if (format === "trig" || format === "nquads") {
        expect(fresh.graphs()).toEqual(store.graphs());
        expect(canonical(fresh.quadsOf(IRIS.referenceGraph))).toBe(canonical(store.quadsOf(IRIS.referenceGraph)));
      } else {
        expect(fresh.graphs()).toEqual([]);
        expect(fresh.size).toBe(store.size);
      }
    });
  }

  it("writes Turtle with prefixes, grouped by subject", async () => {
    const file = join(dir, "grouped.ttl");
    await exportStore(store, { format: "turtle", output: file, prefixes: PREFIXES });
    const text = await readFile(file, "utf8");
    expect(text).toMatch(/^@prefix rdf: /u);
    expect(text.match(/^<https:\/\/w3id\.org\/article-kg\/observation\/qingshan\/1> /gmu)?.length).toBe(1);
  });
});
