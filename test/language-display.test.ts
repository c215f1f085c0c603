/**
 * Language tags keep their conventional case (zh-Hans, zh-Hant) in queries, results and
 * exports; tables show plain values and grouped numbers while CSV and JSON stay raw.
 */
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type * as RDF from "@rdfjs/types";
import { DataFactory, Parser } from "n3";
import { describe, expect, it } from "vitest";
import { writeJsonLd } from "../src/export/index.js";
import { formatResult, groupDigits, toSparqlJson, withCanonicalLang } from "../src/query/index.js";
import { canonicalLanguage } from "../src/rdf/language.js";
import { quadsToString } from "../src/rdf/serialize.js";
import { withCanonicalTags } from "../src/serve/rdf-documents.js";
import { KgStore, type QueryResult } from "../src/store/index.js";
import { buildSamples, cli } from "./e2e/server.js";

const { namedNode, literal, quad } = DataFactory;
const XSD = "http://www.w3.org/2001/XMLSchema#";
const fixture = KgStore.memory();
fixture.loadText(readFileSync("test/fixtures/graph.trig", "utf8"), "application/trig");
fixture.loadText(
  '<https://w3id.org/article-kg/place/621100> <http://www.w3.org/2004/02/skos/core#prefLabel> "定西市"@zh-Hant .',
  "application/n-triples",
);

function values(text: string, variable: string): string[] {
  const r = fixture.query(text);
  if (r.kind !== "bindings") throw new Error("expected bindings");
  return r.rows.map((row) => row.get(variable)?.value ?? "").sort();
}

describe("language tags", () => {
  it.each([
    ["zh-hans", "zh-Hans"],
    ["ZH-HANT", "zh-Hant"],
    ["en", "en"],
    ["en-us", "en-US"],
    ["zh-hans-cn", "zh-Hans-CN"],
    ["de-ch-1996", "de-CH-1996"],
    ["en-x-ab", "en-x-ab"],
  ])("%s is written %s", (tag, expected) => {
    expect(canonicalLanguage(tag)).toBe(expected);
  });

  it('FILTER(lang(?l) = "zh-Hans") matches once LANG is rewritten (and did not before)', () => {
    const q = `SELECT ?l (LANG(?l) AS ?t) WHERE { ?p <http://www.w3.org/2004/02/skos/core#notation> "621100" ;
      <http://www.w3.org/2004/02/skos/core#prefLabel> ?l FILTER(lang(?l) = "zh-Hans" || LANG(?l) = "zh-Hant") }`;
    expect(values(q, "t")).toEqual([]); // the store lower-cases tags
    expect(values(withCanonicalLang(q), "t")).toEqual(["zh-Hans", "zh-Hant"]);
    expect(values(withCanonicalLang(q), "l").length).toBe(2);
  });

  it("langMatches still matches, and queries without LANG are left as written", () => {
    const q = `SELECT ?l WHERE { ?p <http://www.w3.org/2004/02/skos/core#prefLabel> ?l FILTER(langMatches(lang(?l), "ZH-HANS")) }`;
    expect(values(withCanonicalLang(q), "l")).toEqual(values(q, "l"));
    expect(values(q, "l").length).toBeGreaterThan(0);
    const plain = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1";
    expect(withCanonicalLang(plain)).toBe(plain);
    expect(withCanonicalLang("SELECT (LANG( WHERE {")).toBe("SELECT (LANG( WHERE {");
  });

  it("Turtle and N-Triples carry @zh-Hans, and parse back", async () => {
    const quads = [
      quad(namedNode("http://example.org/p"), namedNode("http://example.org/name"), literal("定西市", "zh-Hans")),
    ];
    for (const format of ["turtle", "ntriples", "trig", "nquads"] as const) {
      const text = await quadsToString(quads, format);
      expect(text, format).toContain('"定西市"@zh-Hans');
      expect(text, format).not.toContain("@zh-hans");
      expect(new Parser({ format: format === "ntriples" ? "N-Triples" : undefined }).parse(text)).toHaveLength(1);
    }
  });

  it("a JSON-LD export says @language zh-Hans", async () => {
    const store = KgStore.memory();
    store.loadText('<http://example.org/p> <http://example.org/name> "定西市"@zh-Hans .', "application/n-triples");
    const chunks: string[] = [];
    await writeJsonLd([store.quadsOf(null)], { write: async (t) => void chunks.push(t) }, { prefixes: {} });
    const text = chunks.join("");
    expect(text).toContain('"@language":"zh-Hans"');
    expect(text).not.toContain("zh-hans");
  });
});

describe("the server's results keep the tag case (withCanonicalTags over the engine's output)", () => {
  it.each([
    ["json", '{"l":{"type":"literal","value":"人","xml:lang":"zh-hans"}}', '"xml:lang":"zh-Hans"'],
    ["jsonld", '[{"@language":"zh-hant","@value":"人"}]', '"@language":"zh-Hant"'],
    ["xml", '<literal xml:lang="zh-hans">人</literal>', '<literal xml:lang="zh-Hans">'],
    ["rdf", '<prefLabel xmlns="x" xml:lang="en-us">a</prefLabel>', 'xml:lang="en-US"'],
    ["tsv", '?l\n"人"@zh-hans\n"person"@en\n', '"人"@zh-Hans\n"person"@en'],
    ["ttl", '<http://a> <http://b> "人"@zh-hans , "x"@zh-hant .', '"人"@zh-Hans , "x"@zh-Hant .'],
    ["nq", '<http://a> <http://b> "1"^^<http://t> <http://g> .', '"1"^^<http://t> <http://g> .'],
  ] as const)("%s", (format, text, expected) => {
    expect(withCanonicalTags(text, format)).toContain(expected);
  });

  it("leaves text inside literals alone", () => {
    const nt = '<http://a> <http://b> "say \\"x\\"@zh-hans <y>"@zh-hant .';
    expect(withCanonicalTags(nt, "nt")).toBe('<http://a> <http://b> "say \\"x\\"@zh-hans <y>"@zh-Hant .');
    const json = '{"value":"\\"xml:lang\\":\\"zh-hans\\"","xml:lang":"zh-hans"}';
    expect(withCanonicalTags(json, "json")).toBe('{"value":"\\"xml:lang\\":\\"zh-hans\\"","xml:lang":"zh-Hans"}');
    expect(withCanonicalTags('a,"x@zh-hans"', "csv")).toBe('a,"x@zh-hans"');
  });
});

/** Lower-cased Chinese script subtags as a serialisation writes them (`@zh-hans`, `"@language":"zh-hant"`, `xml:lang="zh-hans"`). */
const LOWER_TAG = /(?:@|"@language"\s*:\s*"|xml:lang="|"xml:lang"\s*:\s*")zh-han[st]\b/u;

describe("no lower-cased zh-hans / zh-hant anywhere we write", () => {
  const ontology = readdirSync("ontology").filter((f) => /\.(ttl|jsonld)$/u.test(f));
  it.each(ontology)("ontology/%s", (file) => {
    const text = readFileSync(join("ontology", file), "utf8");
    const hit = LOWER_TAG.exec(text);
    expect(hit === null ? "" : text.slice(Math.max(0, hit.index - 60), hit.index + 20), file).toBe("");
  });

  it("a graph built from the samples, in every export format", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kg-lang-"));
    try {
      await buildSamples(join(dir, "store"));
      for (const format of ["turtle", "nquads", "jsonld"]) {
        const file = join(dir, `graph.${format}`);
        await cli("export", "--store", join(dir, "store"), "--format", format, "-o", file);
        const text = await readFile(file, "utf8");
        expect(text, format).toMatch(/zh-Hans/u);
        expect(LOWER_TAG.exec(text)?.[0], format).toBeUndefined();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

const ROW: QueryResult = {
  kind: "bindings",
  variables: ["year", "label", "value", "share", "code"],
  rows: [
    new Map<string, RDF.Term>([
      ["year", literal("2016", namedNode(`${XSD}gYear`))],
      ["label", literal("定西市", "zh-hans")],
      ["value", literal("13087000000", namedNode(`${XSD}decimal`))],
      ["share", literal("1234.56", namedNode(`${XSD}decimal`))],
      ["code", literal("610700")],
    ]),
  ],
};

describe("tables", () => {
  it("show plain values: no ^^xsd:gYear, no @zh-hans; numbers grouped, codes not", async () => {
    const table = await formatResult(ROW, "table");
    const line = table.split("\n")[2] ?? "";
    expect(line.split("│").map((c) => c.trim())).toEqual(["2016", "定西市", "13,087,000,000", "1,234.56", "610700"]);
    expect(table).not.toMatch(/\^\^|@zh/u);
  });
  it("CSV and JSON keep the raw value", async () => {
    expect(await formatResult(ROW, "csv")).toContain(",13087000000,1234.56,");
    const json = JSON.stringify(toSparqlJson(ROW as Exclude<QueryResult, { kind: "quads" }>));
    expect(json).toContain('"value":"13087000000"');
    expect(json).toContain('"xml:lang":"zh-Hans"');
  });
  it.each([
    ["0", "0"],
    ["999", "999"],
    ["1000", "1,000"],
    ["-1234567.5", "-1,234,567.5"],
    ["+12345", "12,345"],
    ["1e10", "1e10"],
  ])("groupDigits(%s) = %s", (raw, shown) => {
    expect(groupDigits(raw)).toBe(shown);
  });
});
