/**
 * What a build says about itself: VoID and DCAT of the dataset (figures that match the store,
 * distributions with media types, link sets with their targets) and PROV of the build (an
 * activity with the tool version, the articles used, start and end), with ingestion time kept
 * apart from publication time.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { datasetIri, descriptionGraph, provenanceGraph, TOOL_VERSION } from "../src/describe/index.js";
import { iris } from "../src/rdf/iri.js";
import { prefixesFor } from "../src/rdf/prefixes.js";
import { KgStore, type Row } from "../src/store/index.js";
import { kg } from "./helpers/cli.js";

const IRIS = iris();
const P = {
  ...prefixesFor(IRIS),
  void: "http://rdfs.org/ns/void#",
  dcat: "http://www.w3.org/ns/dcat#",
};
let dir: string;
let store: KgStore;

function rows(q: string): readonly Row[] {
  const r = store.query(q, { prefixes: P });
  return r.kind === "bindings" ? r.rows : [];
}
const one = (q: string, v: string) => rows(q)[0]?.get(v)?.value;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kg-describe-"));
  const path = join(dir, "store");
  const first = await kg("build", "data/samples", "--store", path);
  expect(first.code, first.stderr).toBe(0);
  // --full: the second build rebuilds every article (a build is incremental by default).
  const second = await kg(
    "build",
    "data/samples",
    "--store",
    path,
    "--full",
    "--license",
    "https://example.org/licence",
  );
  expect(second.code, second.stderr).toBe(0);
  store = await KgStore.open(path);
}, 120_000);
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe("VoID and DCAT of a build", () => {
  const ds = `<${datasetIri(IRIS)}>`;
  it("gives the title, the licence and figures that match the store", () => {
    expect(
      one(`SELECT ?t WHERE { ${ds} a void:Dataset , dcat:Dataset ; dcterms:title ?t FILTER(lang(?t) = "en") }`, "t"),
    ).toBeTruthy();
    expect(one(`SELECT ?l WHERE { ${ds} dcterms:license ?l }`, "l")).toBe("https://example.org/licence");
    const inData = `GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), "${IRIS.base}graph/") && ?g != <${descriptionGraph(IRIS)}>)`;
    const triples = one(`SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ${inData} } }`, "n");
    expect(one(`SELECT ?n WHERE { ${ds} void:triples ?n }`, "n")).toBe(triples);
    const classes = one(`SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ${inData} FILTER(?p = rdf:type) }`, "n");
    expect(one(`SELECT ?n WHERE { ${ds} void:classes ?n }`, "n")).toBe(classes);
    expect(Number(one(`SELECT ?n WHERE { ${ds} void:entities ?n }`, "n"))).toBeGreaterThan(100);
    const observations = one(`SELECT (COUNT(*) AS ?n) WHERE { ?o a qb:Observation }`, "n");
    expect(
      one(`SELECT ?n WHERE { ${ds} void:classPartition [ void:class qb:Observation ; void:entities ?n ] }`, "n"),
    ).toBe(observations);
  });

  it("lists a distribution per export format with its media type", () => {
    const media = rows(`SELECT ?m WHERE { ${ds} dcat:distribution [ dcat:mediaType ?m ; dcat:downloadURL ?u ] }`)
      .map((r) => r.get("m")?.value.replace("https://www.iana.org/assignments/media-types/", ""))
      .sort();
    expect(media).toEqual([
      "application/ld+json",
      "application/n-quads",
      "application/n-triples",
      "application/trig",
      "text/turtle",
    ]);
  });

  it("describes a link set per target: Wikidata, GeoNames, UN SDG, QUDT", () => {
    const sets = rows(`SELECT ?space ?pred ?n WHERE { ?ls a void:Linkset ; void:subjectsTarget ${ds} ;
        void:objectsTarget/void:uriSpace ?space ; void:linkPredicate ?pred ; void:triples ?n }`).map(
      (r) => `${r.get("space")?.value} ${r.get("pred")?.value.replace(/^.*[#/]/u, "")}`,
    );
    expect(sets.sort()).toEqual([
      "http://metadata.un.org/sdg/ closeMatch",
      "http://qudt.org/vocab/unit/ exactMatch",
      "http://www.wikidata.org/entity/ exactMatch",
      "http://www.wikidata.org/entity/ sameAs",
      "https://sws.geonames.org/ sameAs",
    ]);
  });
});

describe("PROV of the builds", () => {
  it("records the build as an activity of this tool version with start, end and the articles used", () => {
    const acts =
      rows(`SELECT ?a ?start ?end ?version (COUNT(DISTINCT ?used) AS ?n) WHERE { GRAPH <${provenanceGraph(IRIS)}> {
        ?a a prov:Activity ; prov:startedAtTime ?start ; prov:endedAtTime ?end ; prov:wasAssociatedWith ?agent ; prov:used ?used .
        ?agent a prov:SoftwareAgent ; <https://schema.org/softwareVersion> ?version } } GROUP BY ?a ?start ?end ?version ORDER BY ?start`);
    // The second build rebuilt every article: the first build's activity is gone.
    expect(acts).toHaveLength(1);
    for (const a of acts) {
      expect(a.get("version")?.value).toBe(TOOL_VERSION);
      expect(a.get("n")?.value).toBe("2");
      expect(Date.parse(a.get("start")?.value ?? "")).toBeLessThanOrEqual(Date.parse(a.get("end")?.value ?? ""));
    }
    expect(one(`SELECT ?a WHERE { <${datasetIri(IRIS)}> prov:wasGeneratedBy ?a }`, "a")).toBe(acts[0]?.get("a")?.value);
  });

  it("keeps ingestion time (one per graph, the latest build) apart from publication time", () => {
    const r = rows(`SELECT ?g ?ingested ?published WHERE {
        GRAPH <${provenanceGraph(IRIS)}> { ?g prov:generatedAtTime ?ingested ; prov:wasDerivedFrom ?article }
        GRAPH ?g { ?article schema:datePublished ?published } } ORDER BY ?g`);
    expect(r).toHaveLength(2);
    for (const row of r) {
      expect(row.get("published")?.value).toMatch(/^\d{4}-\d{2}-\d{2}$/u);
      expect(row.get("ingested")?.value).toMatch(/^\d{4}-\d{2}-\d{2}T/u);
      expect(row.get("ingested")?.value.slice(0, 10)).not.toBe(row.get("published")?.value);
    }
  });
});
