/**
 * The endpoint's time and memory budgets, and writes that follow each other: a query or an
 * update past its budget is stopped and answered with a SPARQL error (503 with a code), the
 * store is unchanged by a stopped update, and the server goes on answering.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Answer, http, serve } from "./e2e/server.js";

const TOKEN = "budget-secret";

/** A query whose one string doubles `levels` times (16 × 2^levels characters). */
function doubling(levels: number, form: "select" | "insert"): string {
  let binds = 'BIND("0123456789abcdef" AS ?s0) ';
  for (let i = 1; i <= levels; i++) binds += `BIND(CONCAT(?s${i - 1}, ?s${i - 1}) AS ?s${i}) `;
  return form === "select"
    ? `SELECT (STRLEN(?s${levels}) AS ?n) WHERE { ${binds} }`
    : `INSERT { GRAPH <http://example.org/big> { <http://example.org/s> <http://example.org/p> ?s${levels} } } WHERE { ${binds} }`;
}

function ask(url: string, query: string): Promise<Answer> {
  return http(`${url}/sparql?query=${encodeURIComponent(query)}`, {
    headers: { accept: "application/sparql-results+json" },
  });
}

function update(url: string, body: string, query = ""): Promise<Answer> {
  return http(`${url}/sparql${query}`, {
    method: "POST",
    headers: { "content-type": "application/sparql-update", authorization: `Bearer ${TOKEN}` },
    body,
  });
}

function codeOf(a: Answer): string | undefined {
  return (JSON.parse(a.body) as { error?: { code?: string } }).error?.code;
}

describe("endpoint budgets", () => {
  let tmp: string;
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "kg-budget-"));
  });
  afterAll(async () => {
    await rm(tmp, { recursive: true, force: true });
  });

  it("answers updates sent back to back while the other worker is still reloading", async () => {
    const server = await serve({ storeDir: join(tmp, "writes"), workers: 2, allowUpdate: true, token: TOKEN });
    try {
      for (let i = 0; i < 4; i++) {
        const a = await update(
          server.url,
          `INSERT DATA { GRAPH <http://example.org/g${i}> { <http://example.org/a> <http://example.org/n> ${i} } }`,
        );
        expect(a.status, a.body).toBe(204);
      }
      // DROP ALL, INSERT DATA, then INSERT … WHERE over the merge of two using-graph-uri graphs.
      const using = `?using-graph-uri=${encodeURIComponent("http://example.org/g1")}&using-graph-uri=${encodeURIComponent("http://example.org/g2")}`;
      const a = await update(
        server.url,
        `DROP ALL ;
         INSERT DATA { GRAPH <http://example.org/g1> { <http://example.org/x> a <http://example.org/T> }
                       GRAPH <http://example.org/g2> { <http://example.org/y> a <http://example.org/T> }
                       GRAPH <http://example.org/g3> { <http://example.org/z> a <http://example.org/T> } } ;
         INSERT { GRAPH <http://example.org/out> { ?s a <http://example.org/Seen> } } WHERE { ?s a <http://example.org/T> }`,
        using,
      );
      expect(a.status, a.body).toBe(204);
      const seen = await ask(
        server.url,
        "SELECT ?s WHERE { GRAPH <http://example.org/out> { ?s a <http://example.org/Seen> } } ORDER BY ?s",
      );
      const rows = (JSON.parse(seen.body) as { results: { bindings: { s: { value: string } }[] } }).results.bindings;
      expect(rows.map((r) => r.s.value)).toEqual(["http://example.org/x", "http://example.org/y"]);
      // DELETE WHERE takes the protocol dataset too: only g1 is a named graph of it, so only
      // g1's triple is matched and deleted (without the dataset, all three would go).
      const del = await update(
        server.url,
        "DELETE WHERE { GRAPH ?g { ?s a <http://example.org/T> } }",
        `?using-named-graph-uri=${encodeURIComponent("http://example.org/g1")}`,
      );
      expect(del.status, del.body).toBe(204);
      const left = await ask(server.url, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a <http://example.org/T> } }");
      expect(left.body).toContain('"2"');
    } finally {
      await server.close();
    }
  }, 60_000);

  it("stops a query past the memory budget with 503 E_MEMORY and keeps answering", async () => {
    const server = await serve({ storeDir: undefined, workers: 2, timeoutMs: 60_000, memoryBudgetMb: 128 });
    try {
      const started = performance.now();
      const a = await ask(server.url, doubling(24, "select"));
      expect(a.status, a.body).toBe(503);
      expect(codeOf(a)).toBe("E_MEMORY");
      expect(performance.now() - started).toBeLessThan(30_000);
      expect(server.pool.stats.memoryStops).toBe(1);
      const after = await ask(server.url, "ASK {}");
      expect(after.status).toBe(200);
      expect(JSON.parse(after.body)).toMatchObject({ boolean: true });
    } finally {
      await server.close();
    }
  }, 60_000);

  it("stops an update past the time limit with 503 E_TIMEOUT and leaves the store as it was", async () => {
    // Writes get ten times the read limit: 150 ms → 1.5 s; the update needs several seconds.
    const server = await serve({
      storeDir: join(tmp, "timeout"),
      workers: 1,
      timeoutMs: 150,
      memoryBudgetMb: 8192,
      allowUpdate: true,
      token: TOKEN,
    });
    try {
      const a = await update(server.url, doubling(24, "insert"));
      expect(a.status, a.body).toBe(503);
      expect(codeOf(a)).toBe("E_TIMEOUT");
      const after = await ask(server.url, "ASK { GRAPH <http://example.org/big> { ?s ?p ?o } }");
      expect(after.status).toBe(200);
      expect(JSON.parse(after.body)).toMatchObject({ boolean: false });
    } finally {
      await server.close();
    }
  }, 60_000);
});
