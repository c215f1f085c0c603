/**
 * Fuzzing the HTTP endpoint through fastify's `inject`: random methods, paths, percent-encoding
 * (malformed too), headers, content types and bodies. No request is answered with a 500 (a
 * parse problem is the client's: 4xx), every error is JSON with a code, and the server answers
 * a plain query afterwards.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import type { FastifyInstance, InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { iris } from "../src/rdf/iri.js";
import { prefixesFor } from "../src/rdf/prefixes.js";
import { buildApp } from "../src/serve/app.js";
import type { ServeContext } from "../src/serve/context.js";
import { WorkerPool } from "../src/serve/pool.js";
import { KgStore } from "../src/store/index.js";

const TOKEN = "fuzz-secret";
let tmp: string;
let pool: WorkerPool;
let app: FastifyInstance;
const logs: string[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "kg-fuzz-http-"));
  const dir = join(tmp, "store");
  const s = await KgStore.open(dir);
  const I = iris();
  s.loadText(
    `<${I.place("610700")}> a <https://w3id.org/article-kg/ontology#Place> ; <http://www.w3.org/2004/02/skos/core#notation> "610700" ;
       <http://www.w3.org/2004/02/skos/core#prefLabel> "汉中市"@zh-Hans .`,
    "text/turtle",
    I.referenceGraph,
  );
  await s.save();
  const prefixes = prefixesFor(I);
  pool = new WorkerPool({ size: 1, data: { storeDir: dir, prefixes }, timeoutMs: 5000 });
  await pool.start();
  const ctx: ServeContext = { pool, iris: I, prefixes, access: { allowUpdate: true, token: TOKEN } };
  app = buildApp(ctx, { bodyLimit: 64 * 1024, log: (l) => logs.push(l) });
  await app.ready();
}, 120_000);
afterAll(async () => {
  await app?.close();
  await pool?.close();
  await rm(tmp, { recursive: true, force: true });
});

const PATHS = [
  "/sparql",
  "/store",
  "/",
  "/api/search",
  "/api/queries",
  "/api/queries/facts-by-place",
  "/api/place/610700",
  "/api/place/%E6%B1%89",
  "/api/entity",
  "/place/610700",
  "/program/x",
  "/organisation/%zz",
  "/assets/app.js",
  "/assets/..%2f..%2fpackage.json",
  "/%",
  "/%E4%B8",
  "/%00",
  "//",
  "/place/{x}",
  '/program/a"b',
  "/program/a\\b",
];
const KEYS = ["query", "update", "q", "graph", "default", "format", "output", "path", "place", "indicator"];
const KEYS2 = ["default-graph-uri", "named-graph-uri", "using-graph-uri", "using-named-graph-uri"];
const VALUES = [
  "SELECT * WHERE { ?s ?p ?o } LIMIT 1",
  "ASK {}",
  "DROP ALL",
  "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
  "SELECT",
  "} ; DROP ALL ; {",
  "http://example.org/g",
  "not an iri",
  "610700",
  "json",
  "csv",
  "ttl",
  "%",
  "%zz",
  "%E4",
  "%C0%AF",
  "%00",
  "",
  "\u0027",
  "陝西",
];
const enc = fc.constantFrom(
  (s: string) => s,
  (s: string) => encodeURIComponent(s),
  (s: string) => encodeURIComponent(s).replaceAll("%20", "+"),
);
const param = fc
  .tuple(fc.constantFrom(...KEYS, ...KEYS2), fc.oneof(fc.constantFrom(...VALUES), fc.string({ maxLength: 12 })), enc)
  .map(([k, v, e]) => `${k}=${e(v)}`);
const url = fc
  .tuple(
    fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...PATHS) },
      fc.string({ maxLength: 10 }).map((s) => `/${s}`),
    ),
    fc.array(fc.oneof(param, fc.string({ maxLength: 8 })), { maxLength: 4 }),
  )
  .map(([p, qs]) => (qs.length === 0 ? p : `${p}?${qs.join("&")}`));
const CONTENT_TYPES = [
  "application/sparql-query",
  "application/sparql-update",
  "application/x-www-form-urlencoded",
  "application/sparql-query; charset=latin1",
  "application/sparql-update; charset=utf-8",
  "text/turtle",
  "application/n-triples",
  "application/rdf+xml",
  "application/json",
  "multipart/form-data; boundary=x",
  "text/plain",
  ";;;",
  "",
];
const ACCEPTS = [
  "*/*",
  "application/sparql-results+json",
  "text/csv",
  "text/turtle;q=0.5, application/ld+json",
  "text/html",
  "application/x-nonsense",
  "text/turtle;q=abc",
  ",,,",
  "",
];
const body = fc.oneof(
  fc.constantFrom(...VALUES, "query=SELECT%20*%20WHERE%7B%7D", "update=DROP%20ALL", "<a> <b> <c> .", "@prefix : <"),
  fc.string({ maxLength: 200 }),
  fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
);
const request = fc.record({
  method: fc.constantFrom("GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH"),
  url,
  contentType: fc.option(fc.oneof(fc.constantFrom(...CONTENT_TYPES), fc.string({ maxLength: 20 })), {
    nil: undefined,
  }),
  accept: fc.option(fc.oneof(fc.constantFrom(...ACCEPTS), fc.string({ maxLength: 20 })), { nil: undefined }),
  auth: fc.constantFrom(undefined, `Bearer ${TOKEN}`, "Bearer wrong", "Basic Zm9vOmJhcg==", "Bearer", ""),
  body: fc.option(body, { nil: undefined }),
});

/** Header values fastify's inject (like Node's http) would refuse to send are left out. */
const headerSafe = (v: string | undefined) => (v !== undefined && /^[\t\x20-\x7e]*$/u.test(v) ? v : undefined);

describe("fuzz: HTTP endpoint", () => {
  it("never answers 500 or crashes on random requests; errors are JSON with a code", async () => {
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const headers: Record<string, string> = {};
        const ct = headerSafe(r.contentType);
        const accept = headerSafe(r.accept);
        if (ct !== undefined) headers["content-type"] = ct;
        if (accept !== undefined) headers.accept = accept;
        if (r.auth !== undefined) headers.authorization = r.auth;
        const hasBody = r.body !== undefined && r.method !== "GET" && r.method !== "HEAD";
        const options: InjectOptions = { method: r.method as "GET", url: r.url, headers };
        if (hasBody && r.body !== undefined) options.payload = r.body;
        let res: Awaited<ReturnType<FastifyInstance["inject"]>>;
        try {
          res = await app.inject(options);
        } catch (e) {
          // a URL the test client itself cannot send (light-my-request: "/\\" is no URL to it)
          if ((e as NodeJS.ErrnoException).code === "ERR_INVALID_URL") return;
          throw e;
        }
        const what = `${r.method} ${r.url} [${ct}] → ${res.statusCode} ${res.body.slice(0, 200)}`;
        expect(res.statusCode, what).not.toBe(500);
        // 503 only for the budgets and a busy pool, never for a parse problem
        if (res.statusCode === 503) expect(res.body, what).toMatch(/E_TIMEOUT|E_MEMORY|E_BUSY|E_STORE_LOCKED/u);
        if (res.statusCode >= 400 && r.method !== "HEAD") {
          const json = JSON.parse(res.body) as { error?: { code?: string } };
          expect(json.error?.code, what).toMatch(/^E_/u);
        }
      }),
      // FUZZ_RUNS=5000 for a longer hunt
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
    const ok = await app.inject({ method: "GET", url: `/sparql?query=${encodeURIComponent("ASK { ?s ?p ?o }")}` });
    expect(ok.statusCode).toBe(200);
    expect(logs.filter((l) => l.startsWith("error:"))).toEqual([]);
  }, 300_000);

  it("a malformed escape in the path (/%) is a 400 in the endpoint's JSON error shape (was fastify's own)", async () => {
    for (const u of ["/%", "/place/%E4%B8%", "/%zz?query=x"]) {
      const res = await app.inject({ method: "GET", url: u });
      expect(res.statusCode).toBe(400);
      expect(JSON.parse(res.body).error.code).toBe("E_BAD_REQUEST");
    }
  });
});
