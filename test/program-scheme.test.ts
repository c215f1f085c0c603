import { readFileSync } from "node:fs";
import type * as RDF from "@rdfjs/types";
import { Parser } from "n3";
import { describe, expect, it } from "vitest";
import { iris } from "../src/rdf/iri.js";
import { loadPrograms, parsePrograms } from "../src/rdf/program-scheme.js";
import { loadIndicators } from "../src/rdf/schemes.js";
import { SKOS } from "../src/rdf/vocab.js";

const IRIS = iris();
const quads: RDF.Quad[] = new Parser().parse(
  readFileSync(new URL("../ontology/programs.ttl", import.meta.url), "utf8"),
);
const objects = (s: string, p: string) =>
  quads.filter((q) => q.subject.value === s && q.predicate.value === p).map((q) => q.object);
const schemes = loadPrograms();

describe("data/programs.json: the program scheme", () => {
  it.each([
    ["精准扶贫", "targeted-poverty-alleviation"],
    ["精准脱贫", "targeted-poverty-alleviation"],
    ["建档立卡", "poverty-registration"],
    ["易地扶贫搬迁", "relocation"],
    ["易地搬迁", "relocation"],
    ["危房改造", "housing-renovation"],
    ["东西部扶贫协作", "east-west-cooperation"],
    ["闽宁协作", "fujian-ningxia-cooperation"],
    ["对口支援", "paired-assistance"],
    ["对口帮扶", "paired-assistance"],
    ["定点扶贫", "designated-assistance"],
    ["产业扶贫", "industrial-poverty-alleviation"],
    ["就业扶贫", "employment-poverty-alleviation"],
    ["教育扶贫", "education-poverty-alleviation"],
    ["健康扶贫", "health-poverty-alleviation"],
    ["生态扶贫", "ecological-poverty-alleviation"],
    ["光伏扶贫", "photovoltaic-poverty-alleviation"],
    ["电商扶贫", "e-commerce-poverty-alleviation"],
    ["消费扶贫", "consumption-poverty-alleviation"],
    ["金融扶贫", "financial-poverty-alleviation"],
    ["扶贫小额信贷", "micro-credit"],
    ["驻村第一书记", "first-secretary"],
    ["驻村工作队", "village-work-team"],
    ["两不愁三保障", "two-assurances-three-guarantees"],
    ["兜底保障", "safety-net"],
    ["贫困县退出", "county-delisting"],
    ["摘帽", "county-delisting"],
    ["乡村振兴衔接", "effective-connection"],
  ])("names %s as program/%s", (label, id) => {
    const found = schemes.programs.filter((p) => p.prefLabel["zh-Hans"] === label || p.altLabels.includes(label));
    expect(found.map((p) => p.id)).toEqual([id]);
  });

  it("gives every program and organisation three labels and an IRI without percent-encoding", () => {
    for (const r of [...schemes.programs, ...schemes.organisations]) {
      for (const tag of ["zh-Hans", "zh-Hant", "en"] as const) expect(r.prefLabel[tag], r.id).not.toBe("");
      expect(IRIS.program(r.id)).not.toContain("%");
      expect(IRIS.organisation(r.id)).not.toContain("%");
    }
  });

  it("makes the pairings of east–west cooperation narrower concepts of it", () => {
    const ew = IRIS.program("east-west-cooperation");
    const narrower = objects(ew, SKOS.narrower).map((o) => o.value);
    expect(narrower).toContain(IRIS.program("fujian-ningxia-cooperation"));
    expect(narrower.length).toBeGreaterThanOrEqual(5);
    for (const n of narrower) expect(objects(n, SKOS.broader).map((o) => o.value)).toEqual([ew]);
  });

  it("writes prefLabels in zh-Hans, zh-Hant and en and Simplified altLabels", () => {
    const s = IRIS.program("relocation");
    const labels = objects(s, SKOS.prefLabel).map((o) => `${o.value}@${(o as RDF.Literal).language}`);
    expect(labels.sort()).toEqual([
      "poverty-alleviation relocation@en",
      "易地扶貧搬遷@zh-hant",
      "易地扶贫搬迁@zh-hans",
    ]);
    expect(objects(s, SKOS.altLabel).map((o) => o.value)).toContain("易地搬迁");
  });

  it("rejects a label that names two concepts, and a broader that is not declared", () => {
    const base = (programs: unknown[]) => ({
      programs,
      organisations: [],
      offices: [],
      localShapes: {},
    });
    const p = (id: string, alt: string[], broader?: string) => ({
      id,
      prefLabel: { en: id, "zh-Hans": `${id}甲`, "zh-Hant": `${id}甲` },
      altLabels: alt,
      ...(broader === undefined ? {} : { broader }),
    });
    expect(() => parsePrograms(base([p("a", ["同名"]), p("b", ["同名"])]))).toThrow(/names both/u);
    expect(() => parsePrograms(base([p("a", [], "missing")]))).toThrow(/broader "missing"/u);
    expect(() => parsePrograms(base([p("Bad Id", [])]))).toThrow(/kebab-case/u);
  });
});

describe("data/indicators.json: programs implied by indicators", () => {
  const ids = new Set(schemes.programs.map((p) => p.id));
  const byId = new Map(loadIndicators().map((i) => [i.id, i]));

  it("names only declared programs", () => {
    for (const i of byId.values()) if (i.program !== undefined) expect(ids.has(i.program), i.id).toBe(true);
  });

  it.each([
    ["relocated-persons", "relocation"],
    ["relocated-households", "relocation"],
    ["housing-renovated", "housing-renovation"],
    ["east-west-cooperation-funds", "east-west-cooperation"],
  ])("%s implies program/%s (kg:impliesProgram in ontology/indicators.ttl)", (indicator, program) => {
    expect(byId.get(indicator)?.program).toBe(program);
    const ttl: RDF.Quad[] = new Parser().parse(
      readFileSync(new URL("../ontology/indicators.ttl", import.meta.url), "utf8"),
    );
    const implied = ttl.filter(
      (q) => q.subject.value === IRIS.indicator(indicator) && q.predicate.value === IRIS.kg.impliesProgram,
    );
    expect(implied.map((q) => q.object.value)).toEqual([IRIS.program(program)]);
  });
});
