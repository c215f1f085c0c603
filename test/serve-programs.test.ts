/**
 * Program and organisation pages of the server: Turtle that lists each fact with its place and
 * period, the page's JSON by place and year, the HTML page, readable IRIs also when the client
 * escapes their Han characters, and the schemes in the dataset description. The store is built
 * from two sample articles written for the test (test/fixtures/programs/).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as RDF from "@rdfjs/types";
import { Parser } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { iris } from "../src/rdf/iri.js";
import { cli, http, serve } from "./e2e/server.js";

const IRIS = iris();
let dir: string;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kg-programs-"));
  const store = join(dir, "store");
  await cli("build", join(import.meta.dirname, "fixtures", "programs"), "--store", store);
  server = await serve({ storeDir: store });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const turtle = async (path: string): Promise<RDF.Quad[]> => {
  const res = await http(`${server.url}${path}`, { headers: { accept: "text/turtle" } });
  expect(res.status, path).toBe(200);
  return new Parser({ baseIRI: IRIS.base }).parse(res.body);
};

describe("program pages", () => {
  it("describe a program in Turtle with each fact's place and period", async () => {
    const quads = await turtle("/program/relocation");
    const facts = quads.filter((q) => q.predicate.value === IRIS.kg.program).map((q) => q.subject.value);
    expect(facts).toHaveLength(2);
    const areaOf = (obs: string) =>
      quads.find((q) => q.subject.value === obs && q.predicate.value.endsWith("dimension#refArea"))?.object.value;
    expect(facts.map(areaOf).sort()).toEqual([IRIS.place("510821"), IRIS.place("510822")]);
    const periods = quads.filter((q) => q.predicate.value.endsWith("dimension#refPeriod")).map((q) => q.object.value);
    expect(new Set(periods)).toEqual(new Set([IRIS.period(2019, 2019)]));
  });

  it("give the page's facts ordered by place and year, narrower programs included", async () => {
    const res = await http(`${server.url}/api/entity?path=${encodeURIComponent("/program/east-west-cooperation")}`);
    expect(res.status).toBe(200);
    const d = JSON.parse(res.body);
    expect(d.labels["zh-Hans"]).toBe("东西部扶贫协作");
    expect(d.narrower).toContain(IRIS.program("zhejiang-sichuan-cooperation"));
    expect(
      d.facts.map((f: { placeCode: string; start: string; value: string }) => [f.placeCode, f.start, f.value]),
    ).toEqual([
      ["510821", "2019", "120000000"],
      ["510822", "2019", "200000000"],
    ]);
  });

  it("serve a local program whose IRI holds Han characters, escaped or not", async () => {
    const iri = IRIS.program("local/510000/三联三带");
    expect(iri).not.toContain("%");
    const escaped = `/program/local/510000/${encodeURIComponent("三联三带")}`;
    const quads = await turtle(escaped);
    expect(quads.some((q) => q.subject.value === iri && q.predicate.value.endsWith("#prefLabel"))).toBe(true);
    const html = await http(`${server.url}${escaped}`, { headers: { accept: "text/html" } });
    expect(html.headers["content-type"]).toMatch(/^text\/html/u);
    expect(html.body).toContain("/api/entity");
  });

  it("serve an organisation with its place and facts", async () => {
    const res = await http(
      `${server.url}/api/entity?path=${encodeURIComponent("/organisation/510822/poverty-alleviation-office")}`,
    );
    const d = JSON.parse(res.body);
    expect(d.kind).toBe("organisation");
    expect(d.place.code).toBe("510822");
    expect(d.facts.map((f: { indicator: string }) => f.indicator)).toEqual(["poverty-exit-persons"]);
  });

  it("answer 404 for a program the graph does not know", async () => {
    expect((await http(`${server.url}/program/no-such-program`, { headers: { accept: "text/turtle" } })).status).toBe(
      404,
    );
    expect((await http(`${server.url}/api/entity?path=${encodeURIComponent("/place/510822")}`)).status).toBe(404);
  });
});

describe("dataset description", () => {
  it("lists the program and organisation schemes as parts of the dataset", async () => {
    const res = await http(
      `${server.url}/sparql?query=${encodeURIComponent(
        `SELECT ?scheme ?n WHERE { <${IRIS.base}dataset> <http://purl.org/dc/terms/hasPart> ?scheme .
        ?scheme a <http://www.w3.org/2004/02/skos/core#ConceptScheme> .
        OPTIONAL { ?scheme <http://rdfs.org/ns/void#entities> ?n } } ORDER BY ?scheme`,
      )}`,
      { headers: { accept: "application/sparql-results+json" } },
    );
    const rows = JSON.parse(res.body).results.bindings as { scheme: { value: string }; n?: { value: string } }[];
    const schemes = rows.map((r) => r.scheme.value);
    expect(schemes).toContain(IRIS.programScheme);
    expect(schemes).toContain(IRIS.organisationScheme);
    expect(Number(rows.find((r) => r.scheme.value === IRIS.programScheme)?.n?.value)).toBeGreaterThan(40);
  });
});
