/**
 * The store past one machine: `--store sparql+http://…` addresses, the HTTP authentication, and
 * the round trip through a real Virtuoso (started by .ci/services/virtuoso.sh, which exports
 * VIRTUOSO_STORE): the corpus built there with the Graph Store Protocol answers every named
 * query as the embedded store does, and exports the same graphs. Skipped locally without
 * Virtuoso; required in CI.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type * as RDF from "@rdfjs/types";
import { Parser } from "n3";
import { beforeAll, describe, expect, it } from "vitest";
import { iris } from "../src/rdf/iri.js";
import { KgStore, parseRemoteStore, RemoteStore, redact, type Store } from "../src/store/index.js";
import { parseChallenge } from "../src/store/remote-http.js";
import { buildInto } from "./helpers/build.js";
import { kg } from "./helpers/cli.js";
import { corpusDir, IN_CI } from "./helpers/linked.js";

describe("remote store addresses", () => {
  it("splits the query, update and graph store endpoints, the credentials and the options", () => {
    const e = parseRemoteStore(
      "sparql+http://dba:s%40cret@127.0.0.1:8890/sparql-auth?gsp=/sparql-graph-crud-auth&timeout=5&batch=100",
      {},
    );
    expect(e).toMatchObject({
      query: "http://127.0.0.1:8890/sparql-auth",
      update: "http://127.0.0.1:8890/sparql-auth",
      gsp: "http://127.0.0.1:8890/sparql-graph-crud-auth",
      user: "dba",
      password: "s@cret",
      timeoutMs: 5000,
      batch: 100,
    });
    const f = parseRemoteStore("sparql+https://host/ds/query?update=/ds/update&gsp=https://other/ds/data&x=1", {
      ARTICLE_KG_STORE_USER: "admin",
      ARTICLE_KG_STORE_PASSWORD: "pw",
    });
    expect(f).toMatchObject({
      query: "https://host/ds/query?x=1",
      update: "https://host/ds/update",
      gsp: "https://other/ds/data",
      user: "admin",
    });
    expect(parseRemoteStore("sparql+http://h:7001/?token=T", {}).token).toBe("T");
    expect(() => parseRemoteStore("sparql+http://h/q?batch=0", {})).toThrow(/batch/u);
    expect(redact("sparql+http://dba:dba@h:1/sparql")).toBe("sparql+http://dba:***@h:1/sparql");
  });

  it("reads Digest and Basic challenges", () => {
    expect(parseChallenge('Digest realm="virtuoso", nonce="abc", qop="auth", opaque="x"')).toEqual({
      scheme: "digest",
      params: { realm: "virtuoso", nonce: "abc", qop: "auth", opaque: "x" },
    });
    expect(parseChallenge('Basic realm="fuseki"')?.scheme).toBe("basic");
    expect(parseChallenge(null)).toBeUndefined();
  });
});

const SPEC = process.env.VIRTUOSO_STORE;
const XSD = "http://www.w3.org/2001/XMLSchema#";
const NUMERIC = ["decimal", "integer", "double", "float", "int", "long", "nonNegativeInteger"].map((t) => XSD + t);

/** A term as both engines must agree on it: numbers by value, language tags in lower case. */
function norm(t: RDF.Term | undefined): string {
  if (t === undefined) return "-";
  if (t.termType !== "Literal") return `${t.termType[0]}${t.value}`;
  if (t.language) return `"${t.value}"@${t.language.toLowerCase()}`;
  if (NUMERIC.includes(t.datatype.value)) return `${Number(t.value)}`;
  // Virtuoso writes booleans as 1 and 0: the same values.
  if (t.datatype.value === `${XSD}boolean`) return `${t.value === "1" || t.value === "true"}`;
  return t.datatype.value === `${XSD}string` ? `"${t.value}"` : `"${t.value}"^^${t.datatype.value}`;
}

async function answers(store: Store, sparql: string): Promise<string[]> {
  const r = await store.query(sparql);
  if (r.kind === "boolean") return [String(r.value)];
  if (r.kind === "quads") throw new Error("named queries are SELECT or ASK");
  return r.rows.map((row) => r.variables.map((v) => norm(row.get(v))).join(" | ")).sort();
}

const quadKey = (q: RDF.Quad) => `${norm(q.subject)} ${norm(q.predicate)} ${norm(q.object)}`;

describe.skipIf(SPEC === undefined && !IN_CI)("round trip through Virtuoso", () => {
  const IRIS = iris();
  const local = KgStore.memory();
  let remote: RemoteStore;

  beforeAll(async () => {
    expect(SPEC, "VIRTUOSO_STORE is not set: .ci/services/virtuoso.sh did not start Virtuoso").toBeDefined();
    remote = await RemoteStore.open(SPEC as string);
    // Start from a clean slate: earlier runs may have left graphs of this base behind.
    for (const g of await remote.graphs()) if (g.startsWith(IRIS.base)) await remote.dropGraph(g);
    await buildInto(local, corpusDir(), IRIS);
    const r = await kg("build", corpusDir(), "--store", SPEC as string);
    expect(r.code, r.stderr).toBe(0);
  }, 600_000);

  it("builds idempotently: a second build leaves the same graphs with the same sizes", async () => {
    const sizes = async () =>
      Promise.all(
        (await remote.graphs())
          .filter((g) => g.startsWith(`${IRIS.base}graph/article/`))
          .map(async (g) => `${g} ${(await remote.quadsOf(g)).length}`),
      );
    const before = await sizes();
    const r = await kg("build", corpusDir(), "--store", SPEC as string);
    expect(r.code, r.stderr).toBe(0);
    expect(await sizes()).toEqual(before);
    expect(before.length).toBe(local.graphs().filter((g) => g.startsWith(`${IRIS.base}graph/article/`)).length);
  }, 600_000);

  const names = readdirSync("queries").filter((f) => f.endsWith(".rq"));
  for (const name of names) {
    it(`named query ${name}: the same answers as the embedded store`, async () => {
      const sparql = readFileSync(join("queries", name), "utf8");
      const expected = await answers(local, sparql);
      expect(expected.length).toBeGreaterThan(0);
      expect(await answers(remote, sparql)).toEqual(expected);
    });
  }

  it("reads back the same graphs (SPARQL Protocol, in pages)", async () => {
    const ours = local
      .graphs()
      .filter(
        (g) => g.startsWith(`${IRIS.base}graph/article/`) || g === IRIS.referenceGraph || g.includes("/graph/links/"),
      );
    expect(ours.length).toBeGreaterThan(3);
    for (const g of ours) {
      const theirs = (await remote.quadsOf(g)).map(quadKey).sort();
      expect(theirs, g).toEqual(local.quadsOf(g).map(quadKey).sort());
    }
  }, 300_000);

  it("answers `article-kg query` and `export` through the server", async () => {
    const q = "SELECT ?id WHERE { ?a a kg:Article ; dcterms:identifier ?id } ORDER BY ?id";
    const r = await kg("query", q, "--store", SPEC as string, "--format", "csv");
    expect(r.code, r.stderr).toBe(0);
    const ids = (
      await answers(local, `PREFIX kg: <${IRIS.kg.$}> PREFIX dcterms: <http://purl.org/dc/terms/> ${q}`)
    ).map((s) => s.slice(1, -1));
    expect(r.stdout.trim().split("\r\n").slice(1).sort()).toEqual(ids);
    const e = await kg("export", "--store", SPEC as string, "--format", "nquads");
    expect(e.code, e.stderr).toBe(0);
    const quads = new Parser({ format: "N-Quads" }).parse(e.stdout);
    const graphs = new Set(quads.map((x) => x.graph.value));
    for (const g of local.graphs()) expect(graphs.has(g), g).toBe(true);
    expect([...graphs].some((g) => g.includes("openlinksw"))).toBe(false);
  }, 300_000);

  it("validates the graph on the server: every shape and integrity constraint holds", async () => {
    const v = await kg("validate", "--store", SPEC as string, "--format", "json");
    expect(v.code, v.stdout.slice(0, 2000)).toBe(0);
    expect(JSON.parse(v.stdout).violations).toEqual([]);
  }, 300_000);
});
