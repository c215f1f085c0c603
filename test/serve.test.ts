/** The endpoint over HTTP (server on port 0): formats, errors, limits, CORS, linked data, the page's API. */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Parser } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { iris } from "../src/rdf/iri.js";
import { KG_TERMS } from "../src/rdf/vocab.js";
import { buildSamples, cli, http, serve } from "./e2e/server.js";

let dir: string;
let store: string;
let server: Awaited<ReturnType<typeof serve>>;
const SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kg-serve-"));
  store = join(dir, "store");
  await buildSamples(store);
  server = await serve({ storeDir: store, timeoutMs: 1500, bodyLimit: 4096 });
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

const q = (query: string, accept?: string) =>
  http(`${server.url}/sparql?query=${encodeURIComponent(query)}`, { headers: accept ? { accept } : {} });

describe("serve: /sparql", () => {
  it("answers SELECT in JSON, XML, CSV and TSV by Accept, equal to the CLI", async () => {
    const text = await readFile(join(import.meta.dirname, "..", "queries", "facts-by-place.rq"), "utf8");
    const json = await q(text, "application/sparql-results+json");
    expect(json.status).toBe(200);
    expect(json.headers["content-type"]).toMatch(/^application\/sparql-results\+json/);
    const fromCli = JSON.parse(await cli("query", text, "--store", store, "--format", "json"));
    expect(JSON.parse(json.body).results.bindings).toEqual(fromCli.results.bindings);
    const xml = await q(text, "application/sparql-results+xml");
    expect(xml.headers["content-type"]).toMatch(/^application\/sparql-results\+xml/);
    expect(xml.body).toContain("<sparql");
    const csv = await q(text, "text/csv");
    expect(csv.body.split("\r\n")[0]).toBe("start,end,indicator,value,unit,kind,approximation,obs");
    expect(csv.body).toBe(await cli("query", text, "--store", store, "--format", "csv"));
    const tsv = await q(text, "text/tab-separated-values");
    expect(tsv.body.split("\n")[0]).toBe("?start\t?end\t?indicator\t?value\t?unit\t?kind\t?approximation\t?obs");
  });

  it("answers ASK and CONSTRUCT in their formats, and 406 for what it cannot serve", async () => {
    expect(JSON.parse((await q("ASK { ?s a kg:Place }")).body)).toEqual({ head: {}, boolean: true });
    const construct = "CONSTRUCT { ?p skos:notation ?c } WHERE { ?p a kg:Place ; skos:notation ?c }";
    const ttl = await q(construct, "text/turtle");
    expect(ttl.headers["content-type"]).toMatch(/^text\/turtle/);
    const n = new Parser().parse(ttl.body).length;
    expect(n).toBeGreaterThan(0);
    for (const [accept, type] of [
      ["application/n-triples", "application/n-triples"],
      ["application/ld+json", "application/ld+json"],
      ["application/trig", "application/trig"],
      ["application/n-quads", "application/n-quads"],
    ] as const) {
      const a = await q(construct, accept);
      expect(a.status, accept).toBe(200);
      expect(String(a.headers["content-type"]).startsWith(type)).toBe(true);
      if (type === "application/ld+json") expect(JSON.parse(a.body)).toHaveLength(n);
      else expect(new Parser({ format: type }).parse(a.body)).toHaveLength(n);
    }
    const bad = await q(construct, "text/csv");
    expect(bad.status).toBe(406);
    expect(JSON.parse(bad.body).error.code).toBe("E_NOT_ACCEPTABLE");
    expect((await q("SELECT * WHERE { ?s ?p ?o } LIMIT 1", "image/png")).status).toBe(406);
  });

  it("reports syntax errors as JSON with line and column", async () => {
    const a = await q("SELECT ?s\nWHERE { ?s ?p }");
    expect(a.status).toBe(400);
    const e = JSON.parse(a.body).error;
    expect(e.code).toBe("E_SPARQL_SYNTAX");
    expect(e.line).toBe(2);
    expect(e.column).toBeGreaterThan(0);
  });

  it("describes itself on GET without a query, and answers CORS preflights", async () => {
    const sd = await http(`${server.url}/sparql`);
    expect(sd.headers["content-type"]).toMatch(/^text\/turtle/);
    expect(sd.body).toContain("sd:Service");
    expect(sd.headers["access-control-allow-origin"]).toBe("*");
    const pre = await http(`${server.url}/sparql`, {
      method: "OPTIONS",
      headers: { origin: "http://x.example", "access-control-request-method": "POST" },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers["access-control-allow-methods"]).toContain("POST");
  });

  it("refuses bodies over the limit with 413 and updates on a read-only server with 403", async () => {
    const big = await http(`${server.url}/sparql`, {
      method: "POST",
      headers: { "content-type": "application/sparql-query" },
      body: `ASK {} #${"x".repeat(5000)}`,
    });
    expect(big.status).toBe(413);
    const up = await http(`${server.url}/sparql`, {
      method: "POST",
      headers: { "content-type": "application/sparql-update", authorization: "Bearer x" },
      body: "CLEAR ALL",
    });
    expect(up.status).toBe(403);
  });

  it("stops a query past its time limit while a concurrent simple query answers promptly", async () => {
    const started = performance.now();
    const slow = q(SLOW);
    await new Promise((r) => setTimeout(r, 100));
    const t = performance.now();
    const fast = await q("ASK { ?s a kg:Place }");
    const fastMs = performance.now() - t;
    expect(fast.status).toBe(200);
    expect(fastMs).toBeLessThan(1000);
    const answer = await slow;
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body).error.code).toBe("E_TIMEOUT");
    expect(performance.now() - started).toBeLessThan(4000);
    // The pool refills itself: later queries still answer.
    expect((await q("ASK { ?s ?p ?o }")).status).toBe(200);
    const reloaded = () => server.logs.some((l) => /worker restarted, \d+ quads reloaded in \d+ ms/.test(l));
    for (let i = 0; i < 100 && !reloaded(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(reloaded()).toBe(true);
  });

  it("writes one access-log line per request", async () => {
    const before = server.logs.length;
    await q("ASK {}");
    const lines = server.logs.slice(before).filter((l) => l.includes('"GET /sparql?query='));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/ 200 \d+ [\d.]+ms$/);
  });
});

describe("serve: linked data and the page's API", () => {
  it("dereferences entity IRIs by Accept", async () => {
    const ttl = await http(`${server.url}/place/621100`, { headers: { accept: "text/turtle" } });
    expect(ttl.status).toBe(200);
    expect(ttl.body).toContain("621100");
    const nt = await http(`${server.url}/place/621100`, { headers: { accept: "application/n-triples" } });
    expect(nt.body).toContain("<https://w3id.org/article-kg/place/621100>");
    const jsonld = await http(`${server.url}/place/621100`, { headers: { accept: "application/ld+json" } });
    expect(JSON.parse(jsonld.body).some((n: { "@id": string }) => n["@id"].endsWith("/place/621100"))).toBe(true);
    const html = await http(`${server.url}/place/621100`, { headers: { accept: "text/html,*/*;q=0.8" } });
    expect(html.headers["content-type"]).toMatch(/^text\/html/);
    expect((await http(`${server.url}/place/999999`, { headers: { accept: "text/turtle" } })).status).toBe(404);
  });

  it("searches places in either script and gives a place's facts with sources", async () => {
    const simp = JSON.parse((await http(`${server.url}/api/search?q=${encodeURIComponent("定西")}`)).body);
    const trad = JSON.parse((await http(`${server.url}/api/search?q=${encodeURIComponent("甘肅")}`)).body);
    const simpOfTrad = JSON.parse((await http(`${server.url}/api/search?q=${encodeURIComponent("甘肃")}`)).body);
    expect(simp[0].code).toBe("621100");
    expect(trad.map((p: { code: string }) => p.code)).toContain("620000");
    expect(simpOfTrad.map((p: { code: string }) => p.code)).toContain("620000");
    const place = JSON.parse((await http(`${server.url}/api/place/621100`)).body);
    expect(place.facts.length).toBeGreaterThan(0);
    const f = place.facts[0];
    const text = [...place.articles[f.article].text];
    expect(text.slice(f.quoteStart, f.quoteEnd).join("")).toBe(f.quote);
    const names = JSON.parse((await http(`${server.url}/api/queries`)).body).map((x: { name: string }) => x.name);
    expect(names).toContain("facts-by-place");
  });
});

describe("serve: the ontology and labelled resource pages", () => {
  const KG = iris().kg.$;
  const RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label";
  const get = (path: string, accept: string) => http(`${server.url}${path}`, { headers: { accept } });

  it("/ontology is Turtle with prefixes, labels every kg: term, and keeps zh-Hans", async () => {
    const ttl = await get("/ontology", "text/turtle");
    expect(ttl.status).toBe(200);
    expect(ttl.headers["content-type"]).toMatch(/^text\/turtle/u);
    expect(ttl.headers.vary).toMatch(/Accept/u);
    expect(ttl.body).toContain(`@prefix kg: <${KG}>`);
    expect(ttl.body).toContain("kg:indicator a owl:ObjectProperty");
    expect(ttl.body).toContain("@zh-Hans");
    expect(ttl.body).not.toMatch(/@zh-han[st]\b/u);
    const quads = new Parser({ format: "text/turtle" }).parse(ttl.body);
    for (const t of KG_TERMS) {
      const labels = quads.filter((q) => q.subject.value === `${KG}${t}` && q.predicate.value === RDFS_LABEL);
      expect(labels.length, t).toBeGreaterThanOrEqual(2);
    }
  });

  it("/ontology in the other formats the server negotiates, the same triples", async () => {
    const turtle = new Parser({ format: "text/turtle" }).parse((await get("/ontology", "text/turtle")).body);
    const nt = await get("/ontology", "application/n-triples");
    expect(nt.headers["content-type"]).toMatch(/^application\/n-triples/u);
    expect(new Parser({ format: "N-Triples" }).parse(nt.body)).toHaveLength(turtle.length);
    expect(nt.body).toContain('"指标"@zh-Hans');
    const jsonld = await get("/ontology", "application/ld+json");
    expect(JSON.stringify(JSON.parse(jsonld.body))).toContain('"@language":"zh-Hans"');
    const trig = await get("/ontology", "application/trig");
    expect(trig.body).toContain("@prefix kg:");
    expect(new Parser({ format: "application/trig" }).parse(trig.body)).toHaveLength(turtle.length);
    const nq = await get("/ontology", "application/n-quads");
    expect(new Parser({ format: "N-Quads" }).parse(nq.body)).toHaveLength(turtle.length);
    const xml = await get("/ontology", "application/rdf+xml");
    expect(xml.headers["content-type"]).toMatch(/^application\/rdf\+xml/u);
    expect(xml.body).toContain('xml:lang="zh-Hans"');
    expect(xml.body).not.toContain('xml:lang="zh-hans"');
    expect((await http(`${server.url}/ontology?format=nt`)).body).toBe(nt.body);
    const html = await get("/ontology", "text/html,application/xhtml+xml,*/*;q=0.8");
    expect(html.headers["content-type"]).toMatch(/^text\/html/u);
    expect((await get("/ontology", "image/png")).status).toBe(406);
  });

  it("every kg: term the built graph uses is described by /ontology", async () => {
    const used = JSON.parse(
      (
        await q(
          `SELECT DISTINCT ?t WHERE { { ?s ?t ?o } UNION { ?s ?p ?t } FILTER (isIRI(?t) && STRSTARTS(STR(?t), "${KG}")) }`,
          "application/sparql-results+json",
        )
      ).body,
    ).results.bindings.map((b: { t: { value: string } }) => b.t.value);
    expect(used.length).toBeGreaterThan(10);
    const subjects = new Set(
      new Parser({ format: "text/turtle" })
        .parse((await get("/ontology", "text/turtle")).body)
        .map((x) => x.subject.value),
    );
    // kg: itself (void:vocabulary of the dataset) is the ontology's namespace: GET /ontology.
    expect(used.filter((t: string) => t !== KG && !subjects.has(t))).toEqual([]);
  });

  it("entity Turtle uses prefixes and keeps the tag case", async () => {
    const ttl = await get("/place/621100", "text/turtle");
    expect(ttl.body).toMatch(/^@prefix skos: <http:\/\/www\.w3\.org\/2004\/02\/skos\/core#>/mu);
    expect(ttl.body).toContain("skos:prefLabel");
    expect(ttl.body).not.toContain("<http://www.w3.org/2004/02/skos/core#prefLabel>");
    expect(ttl.body).toContain('"定西市"@zh-Hans');
    expect(ttl.body).not.toMatch(/@zh-han[st]\b/u);
    const xml = await get("/unit/PERSON", "application/rdf+xml");
    expect(xml.body).toContain('xml:lang="zh-Hant"');
  });

  it("gives an observation page its indicator, place, period and unit by label, linked to their pages", async () => {
    const obs = `/observation/${encodeURIComponent("dingxi-2021")}/1`;
    const res = await http(`${server.url}/api/resource?path=${encodeURIComponent(obs)}`);
    expect(res.status).toBe(200);
    const d = JSON.parse(res.body) as {
      iri: string;
      statements: { s: { value: string }; p: string; o: { type: string; value: string } }[];
      terms: Record<string, { labels: Record<string, string>; href: string; curie?: string }>;
    };
    const object = (suffix: string) =>
      d.statements.find((s) => s.s.value === d.iri && s.p.endsWith(suffix))?.o.value ?? "";
    const place = d.terms[object("dimension#refArea")];
    expect(place?.labels["zh-Hans"]).toBe("定西市");
    expect(place?.labels["zh-Hant"]).toBe("定西市");
    expect(place?.href).toBe("/place/621100");
    const indicator = d.terms[object("#indicator")];
    expect(Object.keys(indicator?.labels ?? {}).sort()).toEqual(["en", "zh-Hans", "zh-Hant"]);
    expect(indicator?.href).toMatch(/^\/indicator\//u);
    const unit = d.terms[object("attribute#unitMeasure")];
    expect(unit?.labels).toMatchObject({ "zh-Hans": "人", en: "person" });
    expect(unit?.href).toBe("/unit/PERSON");
    const period = d.terms[object("dimension#refPeriod")];
    expect(period?.labels[""]).toMatch(/^\d{4}–/u);
    expect(period?.href).toMatch(/^\/period\//u);
    // a mention by its quote
    expect(d.terms[object("#wasDerivedFrom")]?.labels[""]).toMatch(/^“.+”$/u);
    // predicates of the project's ontology by their ontology label, linked into /ontology
    expect(d.terms[`${KG}indicator`]).toMatchObject({
      labels: { en: "indicator", "zh-Hans": "指标" },
      href: "/ontology#indicator",
      curie: "kg:indicator",
    });
    const onto = JSON.parse((await http(`${server.url}/api/resource?path=/ontology`)).body);
    expect(onto.iri).toBe(`${iris().base}ontology`);
    expect(onto.statements.length).toBeGreaterThan(300);
    expect((await http(`${server.url}/api/resource?path=/place/999999`)).status).toBe(404);
  });

  it('/sparql: LANG(?l) = "zh-Hans" matches as in the CLI, and every result format says zh-Hans', async () => {
    const select = `SELECT ?l (LANG(?l) AS ?t) WHERE { <${iris().unit("PERSON")}> skos:prefLabel ?l FILTER (LANG(?l) = "zh-Hans" || LANG(?l) = "zh-Hant") }`;
    const json = JSON.parse((await q(select, "application/sparql-results+json")).body);
    const rows = json.results.bindings.map((b: { l: { "xml:lang": string }; t: { value: string } }) => [
      b.l["xml:lang"],
      b.t.value,
    ]);
    expect(rows.sort()).toEqual([
      ["zh-Hans", "zh-Hans"],
      ["zh-Hant", "zh-Hant"],
    ]);
    expect((await q(select, "application/sparql-results+xml")).body).toContain('xml:lang="zh-Hans"');
    expect((await q(select, "text/tab-separated-values")).body).toContain('"人"@zh-Hant');
    const construct = `CONSTRUCT WHERE { <${iris().place("621100")}> skos:prefLabel ?l }`;
    for (const accept of ["text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"]) {
      const body = (await q(construct, accept)).body;
      expect(body, accept).toMatch(/zh-Hans/u);
      expect(body, accept).not.toMatch(/zh-han[st]\b/u);
    }
    const store = await http(`${server.url}/store?graph=${encodeURIComponent(iris().referenceGraph)}`, {
      headers: { accept: "application/n-triples" },
    });
    expect(store.body).toContain('"定西市"@zh-Hans');
    expect(store.body).not.toMatch(/@zh-han[st]\b/u);
  });
});
