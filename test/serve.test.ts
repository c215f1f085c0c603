/** The endpoint over HTTP (server on port 0): formats, errors, limits, CORS, linked data, the page's API. */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Parser } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
