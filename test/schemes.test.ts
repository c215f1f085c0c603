import { readFileSync } from "node:fs";
import type * as RDF from "@rdfjs/types";
import { Parser } from "n3";
import { describe, expect, it } from "vitest";
import { GENERATED, type SchemeName, schemeTurtle } from "../scripts/gen-ontology.js";
import { iris } from "../src/rdf/iri.js";
import { parseIndicators, parseUnits } from "../src/rdf/scheme-parse.js";
import { GOLD_CATEGORIES, sdgIndicatorIri } from "../src/rdf/scheme-records.js";
import { loadIndicators, loadUnits } from "../src/rdf/schemes.js";
import { KG_TERMS, RDFS, SKOS } from "../src/rdf/vocab.js";

const root = new URL("../", import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), "utf8");
const parse = (text: string): RDF.Quad[] => new Parser().parse(text);

/** A graph without blank nodes as a sorted list of N-Triples-like lines (isomorphism for ground graphs). */
function canonical(quads: readonly RDF.Quad[]): string[] {
  const term = (t: RDF.Term): string =>
    t.termType === "Literal" ? `${JSON.stringify(t.value)}@${t.language}^^${t.datatype.value}` : `<${t.value}>`;
  return [...new Set(quads.map((q) => `${term(q.subject)} ${term(q.predicate)} ${term(q.object)}`))].sort();
}

describe("data/indicators.json", () => {
  const indicators = loadIndicators();

  it("has at least 45 indicators with unique kebab-case ids", () => {
    expect(indicators.length).toBeGreaterThanOrEqual(45);
    const ids = indicators.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("gives every indicator three labels and a definition", () => {
    for (const i of indicators) {
      expect(i.prefLabel.en, i.id).not.toBe("");
      expect(i.prefLabel["zh-Hans"], i.id).not.toBe("");
      expect(i.prefLabel["zh-Hant"], i.id).not.toBe("");
      expect(i.definition.en, i.id).not.toBe("");
    }
  });

  it("names only declared broader indicators", () => {
    const ids = new Set(indicators.map((i) => i.id));
    for (const i of indicators) if (i.broader !== undefined) expect(ids.has(i.broader), i.id).toBe(true);
  });

  it("has exactly one indicator for each gold category", () => {
    const categories = indicators.flatMap((i) => (i.category === undefined ? [] : [i.category]));
    expect([...categories].sort()).toEqual([...GOLD_CATEGORIES].sort());
  });

  it("has a fallback for every base unit", () => {
    const fallbacks = new Set(indicators.filter((i) => i.id.startsWith("other-")).map((i) => i.unit));
    for (const unit of ["CNY", "PERSON", "HOUSEHOLD", "PERSON_TIME", "KM", "PERCENT", "PERCENTAGE_POINT", "COUNT"])
      expect(fallbacks.has(unit), unit).toBe(true);
  });

  it("rejects a broader id that is not declared", () => {
    const bad = {
      indicators: [
        {
          id: "a",
          prefLabel: { en: "a", "zh-Hans": "甲", "zh-Hant": "甲" },
          definition: { en: "a" },
          broader: "missing",
          unit: "COUNT",
          cumulative: false,
          cues: [],
        },
      ],
    };
    expect(() => parseIndicators(bad, new Set(["COUNT"]))).toThrow(/broader "missing"/u);
  });
});

describe("data/units.json", () => {
  const units = loadUnits();

  it("declares the base units of the graph contract", () => {
    const codes = new Set(units.map((u) => u.code));
    for (const code of ["CNY", "PERSON", "HOUSEHOLD", "PERSON_TIME", "KM", "PERCENT", "PERCENTAGE_POINT", "COUNT"])
      expect(codes.has(code), code).toBe(true);
  });

  it("puts every other count unit under COUNT", () => {
    const base = new Set(["PERSON", "HOUSEHOLD", "PERSON_TIME", "COUNT"]);
    for (const u of units) if (u.isCount && !base.has(u.code)) expect(u.broader, u.code).toBe("COUNT");
  });

  it("rejects a count broader than a measure", () => {
    const bad = {
      units: [
        { code: "COUNT", prefLabel: { en: "c", "zh-Hans": "个", "zh-Hant": "個" }, isCount: true },
        { code: "MU", prefLabel: { en: "m", "zh-Hans": "亩", "zh-Hant": "畝" }, isCount: false, broader: "COUNT" },
      ],
    };
    expect(() => parseUnits(bad)).toThrow(/must be a count/u);
  });
});

describe("SDG links", () => {
  it("uses the UN SDG KOS indicator IRIs", () => {
    expect(sdgIndicatorIri("1.2.1")).toBe("http://metadata.un.org/sdg/C010201");
    expect(sdgIndicatorIri("10.1.1")).toBe("http://metadata.un.org/sdg/C100101");
    expect(() => sdgIndicatorIri("1.a.1")).toThrow();
  });
});

describe("generated ontology files", () => {
  for (const name of Object.keys(GENERATED) as SchemeName[]) {
    it(`${GENERATED[name].file} is up to date (run: node --import tsx scripts/gen-ontology.ts)`, async () => {
      const onDisk = canonical(parse(read(GENERATED[name].file)));
      const fresh = canonical(parse(await schemeTurtle(name)));
      expect(onDisk).toEqual(fresh);
    });
  }
});

describe("ontology/kg.ttl", () => {
  const quads = parse(read("ontology/kg.ttl"));
  const kg = iris().kg;

  it("labels every term of KG_TERMS in English and Chinese, and comments all but the code-list schemes", () => {
    const isScheme = (term: string) =>
      quads.some((q) => q.subject.value === kg[term as keyof typeof kg] && q.object.value === SKOS.ConceptScheme);
    for (const term of KG_TERMS) {
      for (const p of isScheme(term) ? [RDFS.label] : [RDFS.label, RDFS.comment]) {
        const langs = quads
          .filter((q) => q.subject.value === kg[term] && q.predicate.value === p && q.object.termType === "Literal")
          .map((q) => (q.object as RDF.Literal).language.toLowerCase());
        expect(langs, `${term} ${p}`).toContain("en");
        expect(
          langs.some((l) => l.startsWith("zh")),
          `${term} ${p}`,
        ).toBe(true);
      }
    }
  });

  it("parses together with the data structure definition", () => {
    expect(parse(read("ontology/dsd.ttl")).length).toBeGreaterThan(0);
  });
});
