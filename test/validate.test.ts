/**
 * `article-kg validate`: the dev corpus passes every shape and integrity constraint, and each
 * kind of broken graph is caught by the right constraint.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readArticle } from "../src/article/read.js";
import { extract } from "../src/extract/index.js";
import { iris } from "../src/rdf/iri.js";
import { mapExtraction } from "../src/rdf/map.js";
import { KgStore } from "../src/store/index.js";
import { type Finding, INTEGRITY_CONSTRAINTS, type ValidationReport, validate } from "../src/validate/index.js";

const IRIS = iris();
const BIN = join(import.meta.dirname, "..", "bin", "article-kg.js");
const DEV = join(import.meta.dirname, "..", "..", "shared", "corpus", "dev");
const SAMPLE = join(import.meta.dirname, "..", "data", "samples", "dingxi-2021.txt");

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, CI: "1" }, maxBuffer: 64 << 20 },
      (e, stdout, stderr) => resolve({ code: e ? (typeof e.code === "number" ? e.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** A memory store holding the graph of the sample article (article graph + reference graph). */
async function sampleStore(): Promise<KgStore> {
  const mapped = mapExtraction(extract(await readArticle(SAMPLE)), IRIS);
  const store = KgStore.memory();
  store.loadQuads(mapped.quads, mapped.graph);
  store.loadQuads([...mapped.reference.values()].flat(), IRIS.referenceGraph);
  return store;
}

const PREFIXES = `PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX kg: <https://w3id.org/article-kg/ontology#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX sdmx-dimension: <http://purl.org/linked-data/sdmx/2009/dimension#>
PREFIX sdmx-measure: <http://purl.org/linked-data/sdmx/2009/measure#>
PREFIX sdmx-attribute: <http://purl.org/linked-data/sdmx/2009/attribute#>
`;

/** The first observation of the dated data set (it has a refPeriod). */
function datedObservation(store: KgStore): string {
  const r = store.query(
    `${PREFIXES}SELECT ?o WHERE { ?o qb:dataSet <${IRIS.dataset}> ; sdmx-dimension:refPeriod ?p } ORDER BY ?o LIMIT 1`,
  );
  const o = r.kind === "bindings" ? r.rows[0]?.get("o")?.value : undefined;
  if (o === undefined) throw new Error("the sample has no dated observation");
  return o;
}

const constraints = (findings: readonly Finding[]) => new Set(findings.map((f) => f.constraint));

describe("validate on a valid graph", () => {
  let report: ValidationReport;
  beforeAll(async () => {
    report = await validate(await sampleStore(), IRIS);
  });

  it("runs all 21 integrity constraints and the shapes, and finds nothing", () => {
    expect(INTEGRITY_CONSTRAINTS.map((c) => c.id)).toEqual(Array.from({ length: 21 }, (_, i) => `IC-${i + 1}`));
    expect(report.checked.integrityConstraints).toBe(21);
    expect(report.checked.shapes).toBeGreaterThanOrEqual(10);
    expect(report.checked.observations).toBeGreaterThan(0);
    expect(report.violations).toEqual([]);
    expect(report.conforms).toBe(true);
  });
});

describe("validate on broken graphs", () => {
  /** Validates the sample graph after a SPARQL UPDATE. */
  async function broken(update: (store: KgStore) => string): Promise<ValidationReport> {
    const store = await sampleStore();
    store.update(PREFIXES + update(store));
    return validate(store, IRIS);
  }

  it("an observation of the dated data set without a period: IC-11, with its source span", async () => {
    let obs = "";
    const r = await broken((s) => {
      obs = datedObservation(s);
      return `DELETE WHERE { GRAPH ?g { <${obs}> sdmx-dimension:refPeriod ?p } }`;
    });
    expect(r.conforms).toBe(false);
    const ic11 = r.violations.filter((f) => f.constraint === "IC-11");
    expect(ic11).toHaveLength(1);
    expect(ic11[0]?.node).toBe(obs);
    expect(ic11[0]?.value).toBe("http://purl.org/linked-data/sdmx/2009/dimension#refPeriod");
    expect(ic11[0]?.source?.article).toBe(IRIS.article("dingxi-2021"));
    expect(ic11[0]?.source?.exact).not.toBe("");
  });

  it("a duplicate observation (same dimensions, same mention): IC-12, reported once", async () => {
    let obs = "";
    const r = await broken((s) => {
      obs = datedObservation(s);
      return `INSERT { GRAPH ?g { ?copy ?p ?o } } WHERE { GRAPH ?g { <${obs}> ?p ?o } BIND(IRI(CONCAT(STR(<${obs}>), "-copy")) AS ?copy) }`;
    });
    const ic12 = r.violations.filter((f) => f.constraint === "IC-12");
    expect(ic12).toHaveLength(1);
    expect([ic12[0]?.node, ic12[0]?.value].sort()).toEqual([obs, `${obs}-copy`].sort());
  });

  it("a value of the wrong type: the observation shape's datatype constraint", async () => {
    const r = await broken((s) => {
      const obs = datedObservation(s);
      return `DELETE { GRAPH ?g { <${obs}> sdmx-measure:obsValue ?v } } INSERT { GRAPH ?g { <${obs}> sdmx-measure:obsValue "twelve" } } WHERE { GRAPH ?g { <${obs}> sdmx-measure:obsValue ?v } }`;
    });
    const hit = r.violations.find((f) => f.constraint === "sh:DatatypeConstraintComponent");
    expect(hit?.path).toBe("http://purl.org/linked-data/sdmx/2009/measure#obsValue");
    expect(hit?.source).toBeDefined();
  });

  it("an indicator outside the indicator scheme: IC-19 and the indicator shape", async () => {
    const r = await broken((s) => {
      const obs = datedObservation(s);
      return `DELETE { GRAPH ?g { <${obs}> kg:indicator ?i } } INSERT { GRAPH ?g { <${obs}> kg:indicator <https://example.org/made-up> } } WHERE { GRAPH ?g { <${obs}> kg:indicator ?i } }`;
    });
    expect(constraints(r.violations)).toContain("IC-19");
    expect(constraints(r.violations)).toContain("sh:ClassConstraintComponent");
  });

  it("an observation without its unit: IC-13 (required attribute) and sh:minCount", async () => {
    const r = await broken(
      (s) => `DELETE WHERE { GRAPH ?g { <${datedObservation(s)}> sdmx-attribute:unitMeasure ?u } }`,
    );
    expect(constraints(r.violations)).toContain("IC-13");
    expect(constraints(r.violations)).toContain("sh:MinCountConstraintComponent");
  });

  it("an observation without a measure: IC-14", async () => {
    const r = await broken((s) => `DELETE WHERE { GRAPH ?g { <${datedObservation(s)}> sdmx-measure:obsValue ?v } }`);
    expect(constraints(r.violations)).toContain("IC-14");
  });

  it("an observation in two data sets: IC-1", async () => {
    const r = await broken(
      (s) => `INSERT DATA { <${datedObservation(s)}> qb:dataSet <${IRIS.base}dataset/observations-undated> }`,
    );
    expect(constraints(r.violations)).toContain("IC-1");
  });

  it("a mention with one selector only, and a negative offset: the mention and selector shapes", async () => {
    const r = await broken(
      (s) => `DELETE { GRAPH ?g { ?m oa:hasSelector ?q } } INSERT { GRAPH ?g { ?p2 oa:start -3 } }
              WHERE { GRAPH ?g { <${datedObservation(s)}> <http://www.w3.org/ns/prov#wasDerivedFrom> ?m .
                ?m oa:hasSelector ?q . ?q a oa:TextQuoteSelector . ?m oa:hasSelector ?p2 . ?p2 a oa:TextPositionSelector } }`,
    );
    const found = constraints(r.violations);
    expect(found).toContain("sh:QualifiedMinCountConstraintComponent");
    expect(found).toContain("sh:NodeConstraintComponent"); // -3 is not an offset
  });

  it("a place code that is not six digits: the place shape's pattern", async () => {
    const r = await broken(
      () => `DELETE { GRAPH ?g { ?p skos:notation ?n } } INSERT { GRAPH ?g { ?p skos:notation "62110" } }
             WHERE { GRAPH ?g { ?p a kg:Place ; skos:notation ?n } FILTER(?n = "621100") }`,
    );
    expect(constraints(r.violations)).toContain("sh:PatternConstraintComponent");
  });

  it("a data set without a structure: IC-2; a structure without a measure: IC-3", async () => {
    const r = await broken(
      () => `DELETE WHERE { GRAPH ?g { <${IRIS.dataset}> qb:structure ?s } } ;
             DELETE WHERE { GRAPH ?g { ?s qb:component ?c . ?c qb:measure ?m } }`,
    );
    expect(constraints(r.violations)).toContain("IC-2");
    expect(constraints(r.violations)).toContain("IC-3");
  });

  it("implausible facts are warnings: they do not make the graph invalid", async () => {
    const r = await broken((s) => {
      const obs = datedObservation(s);
      return `DELETE { GRAPH ?g { <${obs}> sdmx-measure:obsValue ?v . <${obs}> sdmx-attribute:unitMeasure ?u } }
              INSERT { GRAPH ?g { <${obs}> sdmx-measure:obsValue "150.5"^^xsd:decimal . <${obs}> sdmx-attribute:unitMeasure <${IRIS.unit("PERCENT")}> } }
              WHERE { GRAPH ?g { <${obs}> sdmx-measure:obsValue ?v ; sdmx-attribute:unitMeasure ?u } }`;
    });
    expect(r.conforms).toBe(true);
    expect(constraints(r.warnings)).toContain("plausibility:share-above-100");
    expect(r.warnings.find((w) => w.constraint === "plausibility:share-above-100")?.source).toBeDefined();
  });
});

describe("article-kg validate", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "kg-validate-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("exits 1 on a broken file, naming the constraint and the source span; --format json", async () => {
    const store = await sampleStore();
    store.update(`${PREFIXES}DELETE WHERE { GRAPH ?g { <${datedObservation(store)}> sdmx-dimension:refPeriod ?p } }`);
    const file = join(dir, "broken.nq");
    await writeFile(file, dump(store));
    const text = await cli("validate", file);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/violation IC-11 \(All dimensions required\)/u);
    expect(text.stdout).toMatch(/source: https:\/\/w3id\.org\/article-kg\/article\/dingxi-2021 \[\d+, \d+\) “/u);
    const json = await cli("validate", "--format", "json", file);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as ValidationReport;
    expect(report.conforms).toBe(false);
    expect(report.violations.map((v) => v.constraint)).toContain("IC-11");
  });

  it("rejects --store together with a FILE (usage error, exit 2)", async () => {
    expect((await cli("validate", "--store", dir, "x.ttl")).code).toBe(2);
  });

  const hasCorpus = existsSync(DEV);
  if (!hasCorpus && process.env.CI === "true")
    it("needs ../shared/corpus/dev in CI", () => expect(hasCorpus).toBe(true));
  if (!hasCorpus) console.warn(`skipped: the dev corpus acceptance test needs ${DEV}`);

  it.skipIf(!hasCorpus)("the graph built from every article of ../shared/corpus/dev passes (exit 0)", async () => {
    const store = join(dir, "dev-store");
    const built = await cli("build", DEV, "--store", store);
    expect(built.code, built.stderr).toBe(0);
    const r = await cli("validate", "--store", store, "--format", "json");
    expect(r.code, r.stdout.slice(0, 4000)).toBe(0);
    const report = JSON.parse(r.stdout) as ValidationReport;
    expect(report.violations).toEqual([]);
    expect(report.checked.integrityConstraints).toBe(21);
    expect(report.checked.observations).toBeGreaterThan(50);
    for (const w of report.warnings) expect(w.source, w.node).toBeDefined();
  });
});

/** The store's quads as N-Quads text. */
function dump(store: KgStore): string {
  const lines: string[] = [];
  const term = (t: { termType: string; value: string; language?: string; datatype?: { value: string } }): string => {
    if (t.termType === "NamedNode") return `<${t.value}>`;
    if (t.termType === "BlankNode") return `_:${t.value}`;
    const v = JSON.stringify(t.value);
    return t.language ? `${v}@${t.language}` : `${v}^^<${t.datatype?.value}>`;
  };
  for (const g of store.graphs())
    for (const q of store.quadsOf(g)) lines.push(`${term(q.subject)} ${term(q.predicate)} ${term(q.object)} <${g}> .`);
  return `${lines.join("\n")}\n`;
}
