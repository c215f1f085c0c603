/**
 * The W3C SPARQL 1.1 Protocol test manifest (../shared/w3c/sparql11-protocol): query tests
 * against a server started with its defaults, update tests against one started with
 * --allow-update and a token. Skipped with a message when ../shared is absent, failed in CI.
 */
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as RDF from "@rdfjs/types";
import { Parser } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KgStore } from "../src/store/index.js";
import { http, serve } from "./e2e/server.js";

const DIR = join(import.meta.dirname, "..", "..", "shared", "w3c", "sparql11-protocol");
const present = existsSync(join(DIR, "manifest.ttl"));
if (!present && process.env.CI) throw new Error(`the W3C protocol manifest is missing at ${DIR} (CI needs ../shared)`);
if (!present) console.warn(`serve-w3c: skipped, no ${DIR}`);

/** Cases that cannot apply, each with its reason. */
const SKIP: Readonly<Record<string, string>> = {};

const NS = {
  rdf: "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
  rdfs: "http://www.w3.org/2000/01/rdf-schema#",
  mf: "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#",
  ht: "http://www.w3.org/2011/http#",
  cnt: "http://www.w3.org/2011/content#",
  hts: "http://www.w3.org/2011/http-statusCodes#",
  ut: "http://www.w3.org/2009/sparql/tests/test-update#",
};

interface Req {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | undefined;
  statuses: string[];
  format: string | undefined;
  boolean: boolean | undefined;
}
interface Case {
  name: string;
  id: string;
  requests: Req[];
}

function readManifest(text: string): Case[] {
  const quads = new Parser({ baseIRI: `file://${DIR}/manifest.ttl` }).parse(text);
  const objs = (s: RDF.Term, p: string) =>
    quads.filter((q) => q.subject.equals(s) && q.predicate.value === p).map((q) => q.object);
  const one = (s: RDF.Term, p: string) => objs(s, p)[0];
  const list = (head: RDF.Term | undefined): RDF.Term[] => {
    const out: RDF.Term[] = [];
    let n = head;
    while (n && n.value !== `${NS.rdf}nil`) {
      const first = one(n, `${NS.rdf}first`);
      if (first) out.push(first);
      n = one(n, `${NS.rdf}rest`);
    }
    return out;
  };
  const manifest = quads.find((q) => q.predicate.value === `${NS.mf}entries`);
  return list(manifest?.object).map((entry) => {
    const action = one(entry, `${NS.mf}action`) as RDF.Term;
    const requests = list(one(action, `${NS.ht}requests`)).map((r) => {
      const headers: Record<string, string> = {};
      for (const h of list(one(r, `${NS.ht}headers`)))
        headers[(one(h, `${NS.ht}fieldName`)?.value ?? "").toLowerCase()] = one(h, `${NS.ht}fieldValue`)?.value ?? "";
      const body = one(r, `${NS.ht}body`);
      const resp = one(r, `${NS.ht}resp`) as RDF.Term;
      const bool = one(resp, `${NS.mf}expectedBoolean`);
      return {
        method: one(r, `${NS.ht}methodName`)?.value ?? "GET",
        path: one(r, `${NS.ht}absolutePath`)?.value ?? "/sparql/",
        headers,
        body: body ? one(body, `${NS.cnt}chars`)?.value : undefined,
        statuses: objs(resp, `${NS.mf}expectedStatus`).map((s) => s.value.slice(NS.hts.length)),
        format: one(resp, `${NS.mf}expectedFormat`)?.value,
        boolean: bool === undefined ? undefined : bool.value === "true",
      };
    });
    return { id: entry.value.split("#")[1] ?? entry.value, name: one(entry, `${NS.mf}name`)?.value ?? "", requests };
  });
}

const FORMAT_TYPES: Readonly<Record<string, readonly string[]>> = {
  boolean: ["application/sparql-results+json", "application/sparql-results+xml"],
  tabular: [
    "application/sparql-results+json",
    "application/sparql-results+xml",
    "text/csv",
    "text/tab-separated-values",
  ],
  RDF: ["text/turtle", "application/n-triples", "application/rdf+xml", "application/ld+json"],
};

function booleanOf(type: string, body: string): boolean | undefined {
  if (type.includes("json")) return (JSON.parse(body) as { boolean?: boolean }).boolean;
  const m = /<boolean>\s*(true|false)\s*<\/boolean>/u.exec(body);
  return m ? m[1] === "true" : undefined;
}

async function check(base: string, c: Case, token?: string): Promise<void> {
  for (const r of c.requests) {
    const headers = { ...r.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) };
    const answer = await http(`${base}${r.path}`, {
      method: r.method,
      headers,
      ...(r.body === undefined ? {} : { body: r.body }),
    });
    const cls = `StatusCode${String(answer.status)[0]}xx`;
    expect(r.statuses, `${c.id}: ${r.method} ${r.path} → ${answer.status} ${answer.body.slice(0, 200)}`).toContain(cls);
    const type = String(answer.headers["content-type"] ?? "").split(";")[0] ?? "";
    if (r.format !== undefined) expect(FORMAT_TYPES[r.format], `${c.id}: content type`).toContain(type);
    if (r.boolean !== undefined) expect(booleanOf(type, answer.body), `${c.id}: boolean`).toBe(r.boolean);
  }
}

async function seededStore(dir: string): Promise<string> {
  const store = await KgStore.open(dir);
  for (const [file, graph] of [
    ["data1.nt", "http://kasei.us/2009/09/sparql/data/data1.rdf"],
    ["data2.nt", "http://kasei.us/2009/09/sparql/data/data2.rdf"],
    ["data3.nt", "http://kasei.us/2009/09/sparql/data/data3.rdf"],
  ] as const)
    store.loadText(await readFile(join(DIR, file), "utf8"), "application/n-triples", graph);
  await store.save();
  return dir;
}

describe.skipIf(!present)("W3C SPARQL 1.1 Protocol manifest", async () => {
  const cases = present ? readManifest(await readFile(join(DIR, "manifest.ttl"), "utf8")) : [];
  let tmp: string;
  let query: Awaited<ReturnType<typeof serve>>;
  let update: Awaited<ReturnType<typeof serve>>;
  const TOKEN = "w3c-secret";
  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), "kg-w3c-"));
    query = await serve({ storeDir: await seededStore(join(tmp, "q")), workers: 1 });
    update = await serve({ storeDir: await seededStore(join(tmp, "u")), workers: 1, allowUpdate: true, token: TOKEN });
  });
  afterAll(async () => {
    await query?.close();
    await update?.close();
    await rm(tmp, { recursive: true, force: true });
  });

  it("reads all 34 cases", () => expect(cases).toHaveLength(34));
  for (const c of cases) {
    const isUpdate = c.id.startsWith("update_") || c.id.startsWith("bad_update");
    it.skipIf(c.id in SKIP)(`${c.id}: ${c.name}`, async () => {
      if (isUpdate) await check(update.url, c, TOKEN);
      else await check(query.url, c);
    });
  }

  it("refuses an update without the token (401) and on a read-only server (403)", async () => {
    const body = "CLEAR ALL";
    const headers = { "content-type": "application/sparql-update" };
    expect((await http(`${update.url}/sparql`, { method: "POST", headers, body })).status).toBe(401);
    expect(
      (
        await http(`${update.url}/sparql`, {
          method: "POST",
          headers: { ...headers, authorization: "Bearer nope" },
          body,
        })
      ).status,
    ).toBe(403);
    expect((await http(`${query.url}/sparql`, { method: "POST", headers, body })).status).toBe(403);
  });
});
