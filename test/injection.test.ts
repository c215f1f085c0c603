/**
 * Injection attempts against every place where outside values meet SPARQL: the web page's place
 * search and place, entity and graph parameters, linked-data paths, named-query parameters on
 * the server and on the command line. The server allows updates (with a token) so that an
 * injected `DROP ALL` would really run: afterwards the store is unchanged, and every answer is
 * a 200 or a 4xx with a JSON error, never a 500 or a crash.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STORE_FILE } from "../src/store/index.js";
import { type Answer, buildSamples, http, serve } from "./e2e/server.js";
import { kg } from "./helpers/cli.js";

const TOKEN = "injection-secret";

/** Values that would break out of a query built by pasting text. */
const PAYLOADS = [
  "'",
  '"',
  "\\u0027",
  "\u0027",
  '" } ; DROP ALL ; { "',
  "} ; DROP ALL ; {",
  "'} ; DROP ALL ; { '",
  "> } ; DROP ALL ; INSERT DATA { <urn:a> <urn:b> <urn:c> } #",
  '"""',
  "\\",
  '\\\\" ; DROP ALL',
  "a\nb\r\nc",
  "\n} DROP ALL {\n",
  "{",
  "}",
  "<urn:x>",
  "?place",
  "$place",
  "#",
  "%00",
  "\u0000",
  "陝西省😀𠀋",
  "\u202e610700",
  '610700" } ; DROP ALL ; { "',
  "610700",
  "x".repeat(5000),
];

let tmp: string;
let store: string;
let before: Buffer;
let server: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "kg-injection-"));
  store = join(tmp, "store");
  await buildSamples(store);
  before = await readFile(join(store, STORE_FILE));
  server = await serve({ storeDir: store, allowUpdate: true, token: TOKEN, workers: 1 });
}, 120_000);
afterAll(async () => {
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

async function count(): Promise<number> {
  const a = await http(
    `${server.url}/sparql?query=${encodeURIComponent("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")}`,
    {
      headers: { accept: "application/sparql-results+json" },
    },
  );
  return Number(JSON.parse(a.body).results.bindings[0].n.value);
}

/** A 200, or a 4xx with a JSON error: never a 500. */
function clean(a: Answer, what: string): void {
  expect(a.status, `${what}: ${a.body.slice(0, 300)}`).toBeLessThan(500);
  if (a.status >= 400) {
    const body = JSON.parse(a.body) as { error?: { code?: string; message?: string } };
    expect(body.error?.code, what).toMatch(/^E_/u);
    expect(body.error?.message, what).not.toMatch(/at .*\.ts:\d+/u); // no stack
  }
}

describe("injection attempts", () => {
  let quads: number;
  /** A place with facts in the samples. */
  let code: string;
  beforeAll(async () => {
    quads = await count();
    expect(quads).toBeGreaterThan(1000);
    const q = "SELECT ?c WHERE { ?o sdmx-dimension:refArea ?p . ?p skos:notation ?c } ORDER BY ?c LIMIT 1";
    const a = await http(`${server.url}/sparql?query=${encodeURIComponent(q)}`, {
      headers: { accept: "application/sparql-results+json" },
    });
    code = JSON.parse(a.body).results.bindings[0].c.value;
  });

  it("the place search finds nothing (200, a JSON list) and runs no update", async () => {
    for (const p of PAYLOADS) {
      const a = await http(`${server.url}/api/search?q=${encodeURIComponent(p)}`);
      clean(a, `search ${JSON.stringify(p.slice(0, 40))}`);
      expect(a.status).toBe(200);
      expect(Array.isArray(JSON.parse(a.body))).toBe(true);
    }
    // a place that is there is still found
    const a = await http(`${server.url}/api/search?q=${code.slice(0, 4)}`);
    expect(JSON.parse(a.body).length).toBeGreaterThan(0);
  });

  it("place, entity, graph and linked-data parameters answer 4xx", async () => {
    for (const p of PAYLOADS.filter((x) => x !== "610700")) {
      const e = encodeURIComponent(p);
      for (const url of [
        `/api/place/${e}`,
        `/api/entity?path=${encodeURIComponent(`/program/${p}`)}`,
        `/store?graph=${e}`,
        `/store?graph=${encodeURIComponent(`http://example.org/${p}`)}`,
        `/place/${e}`,
        `/program/${e}`,
        `/organisation/${e}`,
      ]) {
        const a = await http(`${server.url}${url}`, { headers: { accept: "text/turtle" } });
        clean(a, `${url.slice(0, 80)}`);
        expect(a.status, url.slice(0, 80)).toBeGreaterThanOrEqual(400);
      }
    }
  });

  it("raw (unencoded) quotes, braces and backslashes in a path are refused, not run", async () => {
    for (const path of ['/program/a"}DROP', "/program/{x}", "/place/61\\0700", "/program/a|b", "/program/a^b"]) {
      const a = await http(`${server.url}${path}`, { headers: { accept: "text/turtle" } });
      clean(a, path);
      expect(a.status).toBeGreaterThanOrEqual(400);
    }
  });

  it("named-query parameters on the server are typed: a bad value is a 400, never part of the query", async () => {
    for (const p of PAYLOADS) {
      for (const name of ["place", "indicator"]) {
        const a = await http(`${server.url}/api/queries/facts-by-place?${name}=${encodeURIComponent(p)}`);
        clean(a, `${name}=${JSON.stringify(p.slice(0, 40))}`);
        if (p !== "610700") expect(a.status).toBe(400);
      }
    }
    const ok = await http(`${server.url}/api/queries/facts-by-place?place=${code}`);
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).results.bindings.length).toBeGreaterThan(0);
    const unknown = await http(`${server.url}/api/queries/facts-by-place?drop=${encodeURIComponent("} DROP ALL {")}`);
    expect(unknown.status).toBe(400);
    const twice = await http(`${server.url}/api/queries/facts-by-place?place=610700&place=610800`);
    expect(twice.status).toBe(400);
    expect((await http(`${server.url}/api/queries/${encodeURIComponent("../x")}`)).status).toBe(404);
  });

  it("a 1 MB value is refused with a 4xx (header or URL too large), and the server goes on", async () => {
    const big = "\u0027} ; DROP ALL ; {".repeat(1 << 16);
    for (const url of [`/api/search?q=${encodeURIComponent(big)}`, `/api/queries/facts-by-place?place=${big}`]) {
      const a = await http(`${server.url}${url}`).catch((e: Error) => ({ status: 0, body: e.message, headers: {} }));
      // Node answers 431 to an oversized request line, or closes the connection
      expect(a.status === 0 || (a.status >= 400 && a.status < 500), `${a.status} ${a.body.slice(0, 100)}`).toBe(true);
    }
    expect((await http(`${server.url}/api/search?q=${code}`)).status).toBe(200);
  });

  it("after all of it the store is unchanged: same quads in memory, same file on disk", async () => {
    expect(await count()).toBe(quads);
    expect((await readFile(join(store, STORE_FILE))).equals(before)).toBe(true);
  });
});

describe("injection attempts on the command line", () => {
  it("a typed parameter refuses them in one line with exit 2", async () => {
    for (const p of ['610700" } ; DROP ALL ; { "', "} ; DROP ALL ; {", "a\nb"]) {
      const r = await kg("query", "facts-by-place", "--param", `place=${p}`, "--store", store);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.split("\n")[0]).toMatch(/^article-kg: --param: place must be a six-digit GB\/T 2260 code/u);
      expect(r.stderr).not.toMatch(/\.ts:\d+/u);
    }
  });

  it("a string parameter stays one literal, whatever it holds (echoed back exactly)", async () => {
    const rq = join(tmp, "echo.rq");
    await writeFile(
      rq,
      '# title: echo\n# param: text (string) → ?text\nSELECT ?out WHERE { VALUES ?text { "" } BIND (STR(?text) AS ?out) }\n',
    );
    for (const p of ["\" } ; DROP ALL ; { '} ; DROP ALL ; {' \\u0027 \\ \\\\", "陝西省😀𠀋\ta\nb", "x".repeat(1000)]) {
      const r = await kg("query", rq, "--param", `text=${p}`, "--store", store, "--format", "json");
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as { results: { bindings: { out: { value: string } }[] } };
      expect(out.results.bindings[0]?.out.value).toBe(p);
    }
    // (an argument of 1 MB is more than the system lets a command line hold: 100 k characters)
    const big = await kg("query", rq, "--param", `text=${"x".repeat(100_000)}`, "--store", store);
    expect(big.code).toBe(2);
    expect(big.stderr.split("\n")[0]).toContain("at most 1000 characters");
    expect((await readFile(join(store, STORE_FILE))).equals(before)).toBe(true);
  }, 120_000);
});
