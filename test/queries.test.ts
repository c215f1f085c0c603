/**
 * Every named query in queries/ against the fixture graph, compared with its golden result
 * (test/fixtures/queries/<name>.json); a query without a golden file fails. Then the same
 * queries on a graph built from the sample articles, and on that graph exported in every
 * format and read into a fresh store: the answers must not change.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readArticle } from "../src/article/read.js";
import { exportStore } from "../src/export/index.js";
import { extract } from "../src/extract/index.js";
import { toSparqlJson } from "../src/query/format.js";
import { iris } from "../src/rdf/iri.js";
import { mapExtraction } from "../src/rdf/map.js";
import { prefixesFor } from "../src/rdf/prefixes.js";
import { KgStore, type RdfMediaType } from "../src/store/index.js";

const QUERIES = "queries";
const GOLDEN = "test/fixtures/queries";
const names = readdirSync(QUERIES)
  .filter((f) => f.endsWith(".rq"))
  .map((f) => f.slice(0, -3))
  .sort();

interface JsonTerm {
  type: string;
  value: string;
  datatype?: string;
  "xml:lang"?: string;
}
type JsonResult = { head: { vars: string[] }; results?: { bindings: Record<string, JsonTerm>[] }; boolean?: boolean };

/** Language tags compare case-insensitively (n3 and oxigraph lower-case them). */
function normalise(r: JsonResult): JsonResult {
  const bindings = r.results?.bindings.map((b) =>
    Object.fromEntries(
      Object.entries(b).map(([k, t]) => [k, t["xml:lang"] ? { ...t, "xml:lang": t["xml:lang"].toLowerCase() } : t]),
    ),
  );
  return { ...r, ...(bindings ? { results: { bindings } } : {}) };
}

function run(store: KgStore, name: string): JsonResult {
  const result = store.query(readFileSync(join(QUERIES, `${name}.rq`), "utf8"));
  if (result.kind === "quads") throw new Error(`${name}: named queries are SELECT or ASK`);
  return normalise(toSparqlJson(result) as JsonResult);
}

describe("named queries on the fixture graph", () => {
  const fixture = KgStore.memory();
  fixture.loadText(readFileSync("test/fixtures/graph.trig", "utf8"), "application/trig");
  it("there are at least five named queries, each with a header comment", () => {
    expect(names.length).toBeGreaterThanOrEqual(5);
    for (const n of names) expect(readFileSync(join(QUERIES, `${n}.rq`), "utf8")).toMatch(/^#\s*title:/mu);
  });
  for (const name of names) {
    it(`${name} gives its golden result`, () => {
      const golden = join(GOLDEN, `${name}.json`);
      expect(existsSync(golden), `no golden result ${golden}`).toBe(true);
      const expected = normalise(JSON.parse(readFileSync(golden, "utf8")) as JsonResult);
      const got = run(fixture, name);
      expect(got).toEqual(expected);
      expect(got.results?.bindings.length ?? 1).toBeGreaterThan(0);
    });
  }
});

describe("named queries survive export and reload", () => {
  const IRIS = iris();
  const store = KgStore.memory();
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "kg-queries-"));
    for (const f of readdirSync("data/samples").filter((x) => x.endsWith(".txt"))) {
      const mapped = mapExtraction(extract(await readArticle(join("data/samples", f))), IRIS);
      store.replaceGraph(mapped.graph, mapped.quads);
      store.loadQuads([...mapped.reference.values()].flat(), IRIS.referenceGraph);
    }
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));
  const media: Record<string, RdfMediaType> = {
    turtle: "text/turtle",
    trig: "application/trig",
    nquads: "application/n-quads",
    ntriples: "application/n-triples",
  };
  for (const format of Object.keys(media)) {
    it(`every named query answers the same after a ${format} export`, async () => {
      const file = join(dir, `graph.${format}`);
      await exportStore(store, { format: format as "turtle", output: file, prefixes: prefixesFor(IRIS) });
      const fresh = KgStore.memory();
      fresh.loadText(await readFile(file, "utf8"), media[format] as RdfMediaType);
      for (const name of names) expect(run(fresh, name), name).toEqual(run(store, name));
    });
  }
});
