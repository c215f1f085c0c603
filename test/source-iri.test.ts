/**
 * No local paths in the graph: an article's dcterms:source is its URL when known
 * (--source-url), else a content-hash IRI (urn:sha256:…), never a path of the machine that built it.
 */
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Parser } from "n3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sourceIriOf } from "../src/rdf/map.js";
import { KgStore } from "../src/store/index.js";
import { kg } from "./helpers/cli.js";
import { ARTICLE } from "./helpers/fixtures.js";

const SAMPLES = resolve("data/samples");
const DCTERMS_SOURCE = "http://purl.org/dc/terms/source";
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kg-source-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("sourceIriOf", () => {
  it("is the URL when known, an http(s) source as is, else urn:sha256 of the text", () => {
    const sha = createHash("sha256").update(ARTICLE.text, "utf8").digest("hex");
    expect(sourceIriOf(ARTICLE)).toBe(`urn:sha256:${sha}`);
    expect(sourceIriOf({ ...ARTICLE, source: "/home/someone/articles/q.txt" })).toBe(`urn:sha256:${sha}`);
    expect(sourceIriOf({ ...ARTICLE, source: "file:///home/someone/q.txt" })).toBe(`urn:sha256:${sha}`);
    expect(sourceIriOf({ ...ARTICLE, source: "https://example.org/a.html" })).toBe("https://example.org/a.html");
    expect(sourceIriOf({ ...ARTICLE, url: "https://example.org/b" })).toBe("https://example.org/b");
    expect(sourceIriOf({ ...ARTICLE, text: `${ARTICLE.text}。` })).not.toBe(`urn:sha256:${sha}`);
  });
});

describe("a built graph", () => {
  it("holds no file: IRI and no absolute path, even when built from absolute paths", async () => {
    const store = join(dir, "store");
    const r = await kg("build", SAMPLES, "--store", store);
    expect(r.code, r.stderr).toBe(0);
    const text = await readFile(join(store, "store.nq"), "utf8");
    const quads = new Parser({ format: "N-Quads" }).parse(text);
    expect(quads.length).toBeGreaterThan(1000);
    const local = [process.cwd(), SAMPLES, dir, tmpdir()];
    for (const q of quads)
      for (const t of [q.subject, q.predicate, q.object, q.graph]) {
        expect(t.value, `${q.subject.value} ${q.predicate.value}`).not.toMatch(/^file:|^\/[^/]|^[A-Za-z]:\\/u);
        for (const l of local) expect(t.value.includes(l), `${t.value} contains ${l}`).toBe(false);
      }
    const kgStore = KgStore.memory();
    kgStore.loadText(text, "application/n-quads");
    const sources = kgStore.query(
      `SELECT ?a ?s WHERE { ?a a <https://w3id.org/article-kg/ontology#Article> ; <${DCTERMS_SOURCE}> ?s }`,
    );
    if (sources.kind !== "bindings") throw new Error("bindings expected");
    expect(sources.rows).toHaveLength(2);
    for (const row of sources.rows) {
      expect(row.get("s")?.termType).toBe("NamedNode");
      expect(row.get("s")?.value).toMatch(/^urn:sha256:[0-9a-f]{64}$/u);
    }
  });

  it("--source-url becomes the source; a bad URL or one URL for many files is a usage error", async () => {
    const file = join(SAMPLES, "dingxi-2021.txt");
    const r = await kg(
      "extract",
      file,
      "--source-url",
      "https://example.org/news/dingxi-2021.html",
      "--format",
      "ntriples",
    );
    expect(r.code, r.stderr).toBe(0);
    const source = new Parser({ format: "N-Triples" })
      .parse(r.stdout)
      .filter((q) => q.predicate.value === DCTERMS_SOURCE && q.subject.value.includes("/article/"));
    expect(source.map((q) => q.object.value)).toEqual(["https://example.org/news/dingxi-2021.html"]);
    const bad = await kg("extract", file, "--source-url", "not a url");
    expect(bad.code).toBe(2);
    expect(bad.stderr.split("\n")[0]).toBe('article-kg: --source-url must be an absolute IRI; got "not a url".');
    const many = await kg("build", SAMPLES, "--store", join(dir, "many"), "--source-url", "https://example.org/x");
    expect(many.code).toBe(2);
    expect(many.stderr.split("\n")[0]).toMatch(/--source-url names one article; got 2 files/u);
  });
});
