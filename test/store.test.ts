import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataFactory } from "n3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KgError } from "../src/errors.js";
import { iris } from "../src/rdf/iri.js";
import { mapExtraction } from "../src/rdf/map.js";
import { prefixesFor } from "../src/rdf/prefixes.js";
import { KgStore, STORE_FILE } from "../src/store/index.js";
import { EXTRACTION } from "./helpers/fixtures.js";

const IRIS = iris();
const PREFIXES = prefixesFor(IRIS);
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "kg-store-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function fill(store: KgStore): void {
  const mapped = mapExtraction(EXTRACTION, IRIS);
  store.replaceGraph(mapped.graph, mapped.quads);
  store.loadQuads([...mapped.reference.values()].flat(), IRIS.referenceGraph);
}

function catchError(f: () => unknown): KgError {
  try {
    f();
  } catch (e) {
    if (e instanceof KgError) return e;
    throw e;
  }
  throw new Error("no error thrown");
}

describe("KgStore", () => {
  it("replaces an article graph instead of duplicating it (idempotent rebuild)", () => {
    const store = KgStore.memory();
    fill(store);
    const size = store.size;
    fill(store);
    expect(store.size).toBe(size);
    expect(store.graphs()).toEqual([IRIS.articleGraph("qingshan"), IRIS.referenceGraph].sort());
  });

  it("answers over the union of graphs without a GRAPH clause", () => {
    const store = KgStore.memory();
    fill(store);
    const r = store.query(
      `SELECT ?code ?value WHERE { ?o a qb:Observation ; sdmx-measure:obsValue ?value ; sdmx-dimension:refArea/skos:notation ?code } ORDER BY ?value`,
      { prefixes: PREFIXES },
    );
    expect(r.kind).toBe("bindings");
    if (r.kind !== "bindings") return;
    expect(r.variables).toEqual(["code", "value"]);
    expect(r.rows.map((row) => [row.get("code")?.value, row.get("value")?.value])).toEqual([
      ["610799", "1200"],
      ["610799", "1260000000"],
    ]);
    expect(store.query("ASK { ?s a qb:Observation }", { prefixes: PREFIXES })).toEqual({
      kind: "boolean",
      value: true,
    });
    expect(store.query("ASK { ?s a qb:Observation }", { prefixes: PREFIXES, defaultGraphAsUnion: false })).toEqual({
      kind: "boolean",
      value: false,
    });
    const c = store.query("CONSTRUCT WHERE { ?s skos:notation ?n }", { prefixes: PREFIXES });
    // Notations of the place and of the whole indicator and unit schemes
    // (the reference graph holds the complete code lists of the cube).
    expect(c.kind === "quads" && c.quads.length).toBeGreaterThan(100);
  });

  it("reports SPARQL syntax errors with the line and column of the user's query", () => {
    const store = KgStore.memory();
    const e = catchError(() => store.query("SELECT ?s WHERE {\n  ?s ?p\n}", { prefixes: PREFIXES }));
    expect(e.code).toBe("E_SPARQL_SYNTAX");
    expect(e.context).toEqual({ line: 3, column: 1 });
    expect(e.message).toMatch(/^line 3, column 1: /u);
    expect(catchError(() => store.query("SELECT * WHERE { ?s a nope:X }")).code).toBe("E_SPARQL_SYNTAX");
  });

  it("saves atomically and reloads the same quads", async () => {
    const store = await KgStore.open(join(dir, "nested", "store"));
    fill(store);
    await store.save();
    const file = join(dir, "nested", "store", STORE_FILE);
    expect(existsSync(file)).toBe(true);
    expect(existsSync(`${file}.tmp`)).toBe(false);
    const again = await KgStore.open(join(dir, "nested", "store"));
    expect(again.size).toBe(store.size);
    expect(again.graphs()).toEqual(store.graphs());
    const q = "SELECT ?o ?e WHERE { ?o prov:wasDerivedFrom/oa:hasSelector/oa:exact ?e } ORDER BY ?o";
    expect(again.query(q, { prefixes: PREFIXES })).toEqual(store.query(q, { prefixes: PREFIXES }));
  });

  it("refuses a corrupt store file with E_STORE_CORRUPT and leaves it untouched", async () => {
    const file = join(dir, STORE_FILE);
    const broken = '<http://a> <http://b> "unterminated .\n';
    await writeFile(file, broken);
    const e = await KgStore.open(dir).then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(KgError);
    expect((e as KgError).code).toBe("E_STORE_CORRUPT");
    expect((e as KgError).message).toContain(file);
    expect(await readFile(file, "utf8")).toBe(broken);
  });

  it("keeps the previous file when a save fails", async () => {
    const store = await KgStore.open(dir);
    fill(store);
    await store.save();
    const before = await readFile(join(dir, STORE_FILE), "utf8");
    // A directory where the temporary file should go makes the write fail.
    const { mkdir } = await import("node:fs/promises");
    await mkdir(join(dir, `${STORE_FILE}.tmp`));
    store.dropGraph(IRIS.referenceGraph);
    await expect(store.save()).rejects.toMatchObject({ code: "E_STORE" });
    expect(await readFile(join(dir, STORE_FILE), "utf8")).toBe(before);
  });

  it("keeps literals with line breaks and graph names through save and load", async () => {
    const store = await KgStore.open(dir);
    store.loadText('<http://ex/s> <http://ex/p> "line 1 .\\nline 2" .\n', "text/turtle", "http://ex/g");
    await store.save();
    const again = await KgStore.open(dir);
    const r = again.query("SELECT ?o WHERE { GRAPH <http://ex/g> { ?s ?p ?o } }");
    expect(r.kind === "bindings" && r.rows[0]?.get("o")?.value).toBe("line 1 .\nline 2");
  });

  it("rejects bad RDF text with E_RDF_SYNTAX", () => {
    expect(catchError(() => KgStore.memory().loadText("<a> <b> .", "text/turtle")).code).toBe("E_RDF_SYNTAX");
  });

  it("loads many quads in chunks", () => {
    const store = KgStore.memory();
    const quads = function* () {
      for (let i = 0; i < 60_000; i++)
        yield DataFactory.quad(
          DataFactory.namedNode(`http://ex/s${i}`),
          DataFactory.namedNode("http://ex/p"),
          DataFactory.literal(`值 ${i} `.repeat(20)),
        );
    };
    expect(store.loadQuads(quads(), "http://ex/g")).toBe(60_000);
    expect(store.size).toBe(60_000);
  });
});
