/** `query --data FILE`: SPARQL over an RDF file of any format the project reads, no store built. */
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toSparqlJson } from "../src/query/format.js";
import { KgStore } from "../src/store/index.js";
import { kg } from "./helpers/cli.js";

const POPULATION =
  "SELECT ?label ?pop WHERE { ?x rdfs:label ?label ; <http://www.wikidata.org/prop/direct/P1082> ?pop } ORDER BY ?pop";
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kg-data-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("query --data", () => {
  it("gives the same answer as a store holding the same graph (TriG, named graphs kept)", async () => {
    const q = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g";
    const r = await kg("query", "--data", "test/fixtures/graph.trig", q, "--format", "json");
    expect(r.code, r.stderr).toBe(0);
    const store = KgStore.memory();
    store.loadText(readFileSync("test/fixtures/graph.trig", "utf8"), "application/trig");
    const expected = store.query(q);
    if (expected.kind !== "bindings") throw new Error("bindings expected");
    expect(JSON.parse(r.stdout)).toEqual(toSparqlJson(expected));
    expect(expected.rows.length).toBeGreaterThan(1);
  });

  it("reads Turtle, JSON-LD and RDF/XML alike", async () => {
    const answers = await Promise.all(
      ["ttl", "jsonld", "rdf"].map((ext) =>
        kg("query", "--data", `test/fixtures/population-extract.${ext}`, POPULATION, "--format", "csv"),
      ),
    );
    for (const a of answers) expect(a.code, a.stderr).toBe(0);
    expect(answers[0]?.stdout.split("\r\n").length).toBeGreaterThan(3);
    expect(answers[1]?.stdout).toBe(answers[0]?.stdout);
    expect(answers[2]?.stdout).toBe(answers[0]?.stdout);
  });

  it("takes named queries and their parameters, and writes nothing", async () => {
    const r = await kg("query", "facts-by-place", "--data", "test/fixtures/graph.trig", "--param", "place=621100");
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/poverty-exit-persons/u);
    expect(existsSync(join(dir, "store.nq"))).toBe(false);
  });

  it("bad input is one line and a non-zero exit", async () => {
    const bad = join(dir, "bad.ttl");
    await writeFile(bad, "<a> <b> {{ .\n");
    const cases: [string[], RegExp, number][] = [
      [["--data", bad], /^article-kg: .*bad\.ttl: .*line 1/u, 1],
      [["--data", join(dir, "missing.ttl")], /^article-kg: .*missing\.ttl: cannot read it/u, 1],
      [["--data", "test/fixtures/corpus-floors.csv"], /cannot tell the RDF format/u, 2],
      [["--data", "test/fixtures/graph.trig", "--store", dir], /either --data FILE or --store/u, 2],
      [["--data", "test/fixtures/graph.trig", "--data-format", "xlsx"], /--data-format must be one of/u, 2],
    ];
    for (const [args, message, code] of cases) {
      const r = await kg("query", "ASK {}", ...args);
      expect(r.code, args.join(" ")).toBe(code);
      expect(r.stderr.split("\n")[0]).toMatch(message);
      expect(r.stderr).not.toMatch(/\bat \S+:\d+/u);
    }
  });
});
