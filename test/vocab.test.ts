/**
 * The typed vocabulary (src/rdf/vocab.ts) and the ontology (ontology/kg.ttl) cannot drift:
 * `KG_TERMS` is exactly the set of kg: terms kg.ttl declares, every `kg:` name written in code,
 * SPARQL files and the other ontology files is one of them, and the prefixes kg.ttl declares
 * are the namespaces of the vocabulary module.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Parser } from "n3";
import { describe, expect, it } from "vitest";
import { iris } from "../src/rdf/iri.js";
import { prefixesFor } from "../src/rdf/prefixes.js";
import { DEFAULT_BASE, KG, KG_TERMS, kgNamespace, PREFIXES, RDF } from "../src/rdf/vocab.js";

const root = new URL("../", import.meta.url).pathname;
const read = (file: string) => readFileSync(join(root, file), "utf8");

/** Files under a directory (recursively) whose names end in one of the suffixes. */
function files(dir: string, suffixes: readonly string[]): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => suffixes.some((s) => f.endsWith(s)))
    .map((f) => join(dir, f));
}

const prefixes: Record<string, string> = {};
const quads = new Parser().parse(read("ontology/kg.ttl"), null, (prefix, ns) => {
  prefixes[prefix] = ns.value;
});
/** kg: terms that kg.ttl declares: subjects with an rdf:type. */
const declared = new Set(
  quads
    .filter((q) => q.predicate.value === RDF.type && q.subject.value.startsWith(KG.$))
    .map((q) => q.subject.value.slice(KG.$.length)),
);

describe("the vocabulary module and ontology/kg.ttl", () => {
  it("declares in kg.ttl every term of KG_TERMS", () => {
    expect(KG_TERMS.filter((t) => !declared.has(t))).toEqual([]);
  });

  it("lists in KG_TERMS every term kg.ttl declares", () => {
    expect([...declared].filter((t) => !(KG_TERMS as readonly string[]).includes(t))).toEqual([]);
  });

  it("uses only declared kg: names in code, SPARQL files and the other ontology files", () => {
    const sources = [
      ...files("src", [".ts", ".rq", ".ru"]),
      ...files("queries", [".rq"]),
      ...files("scripts", [".ts"]),
      ...files("ontology", [".ttl"]),
    ];
    const unknown: string[] = [];
    for (const file of sources) {
      const text = read(file);
      for (const m of text.matchAll(/(?<![\w-])kg:([A-Za-z_][\w-]*)/gu))
        if (!declared.has(m[1] as string)) unknown.push(`${file}: kg:${m[1]}`);
      for (const m of text.matchAll(/ontology#([A-Za-z_]\w*)/gu))
        if (!declared.has(m[1] as string)) unknown.push(`${file}: ontology#${m[1]}`);
    }
    expect(unknown).toEqual([]);
  });

  it("gives kg.ttl's prefixes the namespaces of the vocabulary module", () => {
    expect(prefixes.kg).toBe(KG.$);
    for (const [prefix, ns] of Object.entries(prefixes))
      if (prefix in PREFIXES) expect(ns, prefix).toBe(PREFIXES[prefix]);
  });

  it("hangs the ontology off the base", () => {
    expect(KG.indicator).toBe(`${DEFAULT_BASE}ontology#indicator`);
    expect(iris("http://example.org/kg").kg.indicator).toBe("http://example.org/kg/ontology#indicator");
    expect(kgNamespace("http://example.org/kg/").Place).toBe(iris("http://example.org/kg/").kg.Place);
    expect(prefixesFor(iris()).kg).toBe(KG.$);
  });
});
