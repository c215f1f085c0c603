/**
 * The ontology files: generated ones up to date, the project's terms declared, and every file
 * (and a built graph) readable by a second RDF parser — Debian's rapper and Python's rdflib
 * (skipped locally when missing, required in CI).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Parser, Writer } from "n3";
import { afterAll, describe, expect, it } from "vitest";
import { ontologyMarkdown } from "../scripts/gen-docs.js";
import { GENERATED_STRUCTURE, type StructureName, structureTurtle } from "../scripts/gen-structure.js";
import { readArticle } from "../src/article/read.js";
import { extract } from "../src/extract/index.js";
import { componentPropertyQuads } from "../src/rdf/cube.js";
import { iris } from "../src/rdf/iri.js";
import { mapExtraction } from "../src/rdf/map.js";
import { STRUCTURE_TERMS } from "../src/rdf/vocab.js";

const root = new URL("../", import.meta.url);
const read = (file: string) => readFileSync(new URL(file, root), "utf8");
const IRIS = iris();
const ONTOLOGY = ["kg.ttl", "dsd.ttl", "indicators.ttl", "units.ttl", "programs.ttl", "places.ttl", "shapes.ttl"].map(
  (f) => `ontology/${f}`,
);

describe("generated ontology files", () => {
  for (const name of Object.keys(GENERATED_STRUCTURE) as StructureName[])
    it(`${GENERATED_STRUCTURE[name].file} is up to date (node --import tsx scripts/gen-structure.ts)`, async () => {
      expect(read(GENERATED_STRUCTURE[name].file) === (await structureTurtle(name))).toBe(true);
    });

  it("docs/ontology.md is up to date (node --import tsx scripts/gen-docs.ts)", () => {
    expect(read("docs/ontology.md") === ontologyMarkdown()).toBe(true);
  });

  it("the place code list has every division, each with code, names, level and parent", () => {
    const quads = new Parser().parse(read("ontology/places.ttl"));
    const count = (p: string) => quads.filter((q) => q.predicate.value === p).length;
    const notations = quads.filter((q) => q.predicate.value === "http://www.w3.org/2004/02/skos/core#notation");
    expect(notations.length).toBeGreaterThan(3000);
    for (const n of notations) expect(n.object.value).toMatch(/^\d{6}$/u);
    expect(count(`${IRIS.kg.$}level`)).toBe(notations.length);
    // Every place but the 34 province-level ones has a parent.
    expect(count("https://schema.org/containedInPlace")).toBe(notations.length - 34);
    const hant = quads.filter((q) => q.object.termType === "Literal" && q.object.language === "zh-hant");
    expect(hant.length).toBeGreaterThanOrEqual(notations.length * 2 - 10);
  });
});

describe("ontology/kg.ttl", () => {
  const kg = new Parser().parse(read("ontology/kg.ttl"));
  const subjects = new Set(kg.map((q) => q.subject.value));

  it("declares every structure term, with labels in en and zh", () => {
    for (const t of STRUCTURE_TERMS) {
      const iri = `${IRIS.kg.$}${t}`;
      expect(subjects.has(iri), t).toBe(true);
      const labels = kg.filter((q) => q.subject.value === iri && q.predicate.value.endsWith("#label"));
      expect(labels.map((q) => (q.object.termType === "Literal" ? q.object.language : "")).sort(), t).toEqual([
        "en",
        "zh-hans",
      ]);
    }
  });

  it("states every component property declaration of the reference graph", () => {
    const key = (s: string, p: string, o: string) => `${s} ${p} ${o}`;
    const stated = new Set(kg.map((q) => key(q.subject.value, q.predicate.value, q.object.value)));
    for (const q of componentPropertyQuads(IRIS))
      expect(stated.has(key(q.subject.value, q.predicate.value, q.object.value)), String(q.subject.value)).toBe(true);
  });
});

/** Whether a command runs; in CI a missing tool is a failure, locally a skip. */
function available(cmd: string, args: string[]): boolean {
  const ok = spawnSync(cmd, args, { stdio: "ignore" }).status === 0;
  if (!ok && process.env.CI === "true") throw new Error(`${cmd} is required in CI (.ci/apt-packages.txt)`);
  if (!ok) console.warn(`skipped: ${cmd} is not installed`);
  return ok;
}

const hasRapper = available("rapper", ["--version"]);
const hasRdflib = available("/usr/bin/python3", ["-c", "import rdflib"]);

describe("a second RDF parser reads the ontology, the schemes and a built graph", () => {
  const dir = mkdtempSync(join(tmpdir(), "kg-ontology-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A built graph (sample article + its reference graph) as Turtle. */
  async function builtGraph(): Promise<string> {
    const file = join(dir, "built.ttl");
    const mapped = mapExtraction(extract(await readArticle("data/samples/huayuan-2020.txt")), IRIS);
    const writer = new Writer({ prefixes: { kg: IRIS.kg.$ } });
    const { DataFactory } = await import("n3");
    for (const q of [...mapped.quads, ...[...mapped.reference.values()].flat()])
      writer.addQuad(DataFactory.quad(q.subject, q.predicate, q.object));
    const text = await new Promise<string>((resolve, reject) =>
      writer.end((e, r: string) => (e ? reject(e) : resolve(r))),
    );
    writeFileSync(file, text);
    return file;
  }

  it.skipIf(!hasRapper)("rapper parses every ontology file and a built graph without errors", async () => {
    for (const f of [...ONTOLOGY.map((o) => new URL(o, root).pathname), await builtGraph()]) {
      const r = spawnSync("rapper", ["-q", "-i", "turtle", "-c", f], { encoding: "utf8" });
      expect(r.status, `${f}: ${r.stderr}`).toBe(0);
      expect(r.stderr, f).not.toMatch(/error/iu);
    }
  });

  it.skipIf(!hasRdflib)("rdflib parses every ontology file and a built graph without errors", async () => {
    const files = [...ONTOLOGY.map((o) => new URL(o, root).pathname), await builtGraph()];
    const script = `import sys, rdflib
for f in sys.argv[1:]:
    g = rdflib.Graph(); g.parse(f, format="turtle"); print(f, len(g))`;
    const outText = execFileSync("/usr/bin/python3", ["-c", script, ...files], { encoding: "utf8" });
    const counts = outText
      .trim()
      .split("\n")
      .map((l) => Number(l.split(" ").at(-1)));
    expect(counts).toHaveLength(files.length);
    for (const c of counts) expect(c).toBeGreaterThan(0);
  });
});
