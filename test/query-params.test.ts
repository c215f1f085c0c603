/**
 * Named queries take typed parameters (`query NAME --param name=value`), bound through the
 * SPARQL syntax tree: injection attempts end as a usage error or as a harmless literal.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import sparqljs from "sparqljs";
import { describe, expect, it } from "vitest";
import { KgError } from "../src/errors.js";
import { bindParameters, listNamedQueries, namedQueryFile, paramsOf, parseParamOptions } from "../src/query/named.js";
import { KgStore } from "../src/store/index.js";
import { kg } from "./helpers/cli.js";

const fixture = KgStore.memory();
fixture.loadText(readFileSync("test/fixtures/graph.trig", "utf8"), "application/trig");

function rows(text: string): Record<string, string>[] {
  const r = fixture.query(text);
  if (r.kind !== "bindings") throw new Error("expected bindings");
  return r.rows.map((row) => Object.fromEntries([...row].map(([k, v]) => [k, v.value])));
}

function codeOf(e: unknown): string | undefined {
  return e instanceof KgError ? e.code : undefined;
}

const STRING_QUERY = `# title: test
# param: label (string, default x) → ?label
# param: year (year) → ?year
# param: thing (IRI, default http://example.org/a) → ?thing
SELECT ?label ?year ?thing WHERE { VALUES ?label { "x" } }`;

describe("parameter declarations", () => {
  it("facts-by-place and indicator-series take a place code that defaults to 610700", () => {
    const named = listNamedQueries();
    const place = { name: "place", type: "place code", variable: "placeCode", default: "610700" };
    expect(named.find((n) => n.name === "facts-by-place")?.params).toEqual([place]);
    expect(named.find((n) => n.name === "indicator-series")?.params).toEqual([
      place,
      { name: "indicator", type: "indicator id", variable: "indicator", optional: true },
    ]);
    expect(namedQueryFile("facts-by-place")).toMatch(/queries\/facts-by-place\.rq$/u);
    expect(namedQueryFile("../package")).toBeUndefined();
  });
  it("a malformed declaration or a default of the wrong type is an error", () => {
    expect(() => paramsOf("# param: place place code → ?p\nASK {}")).toThrow(/bad parameter line/u);
    expect(() => paramsOf("# param: place (place code, default 61) → ?p\nASK {}")).toThrow(/six-digit/u);
  });
  it("NAME=VALUE options: malformed and repeated ones are usage errors", () => {
    expect(parseParamOptions(["place=610700", "q=a=b"])).toEqual({ place: "610700", q: "a=b" });
    expect(() => parseParamOptions(["place"])).toThrow(/NAME=VALUE/u);
    expect(() => parseParamOptions(["p=1", "p=2"])).toThrow(/twice/u);
  });
});

describe("binding", () => {
  const text = readFileSync("queries/facts-by-place.rq", "utf8");
  const specs = paramsOf(text);
  it("a place changes the answer; the default gives the unbound query's answer", () => {
    const byDefault = rows(text);
    const hanzhong = rows(bindParameters(text, specs, { place: "610700" }));
    const dingxi = rows(bindParameters(text, specs, { place: "621100" }));
    expect(hanzhong).toEqual(byDefault);
    expect(dingxi.length).toBeGreaterThan(0);
    expect(dingxi.map((r) => r.obs)).not.toEqual(hanzhong.map((r) => r.obs));
    expect(rows(bindParameters(text, specs, { place: "999999" }))).toEqual([]);
  });
  it("an optional indicator narrows indicator-series; left out, every indicator stays", () => {
    const series = readFileSync("queries/indicator-series.rq", "utf8");
    const seriesSpecs = paramsOf(series);
    const all = rows(bindParameters(series, seriesSpecs, { place: "621100" }));
    const one = rows(bindParameters(series, seriesSpecs, { place: "621100", indicator: "poverty-incidence" }));
    expect(new Set(all.map((r) => r.indicator)).size).toBeGreaterThan(1);
    expect(one.length).toBeGreaterThan(0);
    expect(one).toEqual(all.filter((r) => r.indicator === "poverty-incidence"));
    // binding the default explicitly (the query regenerated from its syntax tree) changes nothing
    expect(rows(bindParameters(series, seriesSpecs, { place: "610700" }))).toEqual(rows(series));
    expect(() => bindParameters(series, seriesSpecs, { indicator: 'x" } ; DROP ALL ; { "' })).toThrow(/indicator id/u);
  });
  it("a query without a VALUES clause for the variable gets one", () => {
    const q =
      "# param: code (place code) → ?code\nSELECT ?p WHERE { ?p <http://www.w3.org/2004/02/skos/core#notation> ?code }";
    const bound = bindParameters(q, paramsOf(q), { code: "621100" });
    expect(bound).toMatch(/VALUES \?code \{\s*"621100"\s*\}/u);
    expect(rows(bound)).toHaveLength(1);
  });
  it.each([
    ["quote", 'x" } ; DROP ALL ; { "'],
    ["braces", "610700 } UNION { ?s ?p ?o"],
    ["drop", "} ; DROP ALL ; {"],
    ["long", "6".repeat(100_000)],
    ["newline", "610700\n"],
  ])("a place code with %s is a usage error", (_, value) => {
    let error: unknown;
    try {
      bindParameters(text, specs, { place: value });
    } catch (e) {
      error = e;
    }
    expect(codeOf(error)).toBe("E_USAGE");
    expect((error as Error).message.length).toBeLessThan(200);
  });
  it.each([['"'], ["\\"], ['x" } ; DROP ALL ; { "'], ["} ; DROP ALL ; {"], ["a'''b\"\"\"c\n}"]])(
    "a string %j stays one literal with exactly that value",
    (value) => {
      const bound = bindParameters(STRING_QUERY, paramsOf(STRING_QUERY), { label: value, year: "2019" });
      const parsed = new sparqljs.Parser().parse(bound);
      expect(parsed.type).toBe("query");
      const r = rows(bound);
      expect(r).toEqual([{ label: value, year: "2019", thing: "http://example.org/a" }]);
    },
  );
  it("strings longer than the limit, bad years and bad IRIs are usage errors; a year is an xsd:gYear", () => {
    const specs2 = paramsOf(STRING_QUERY);
    expect(() => bindParameters(STRING_QUERY, specs2, { label: "x".repeat(5000), year: "2019" })).toThrow(/at most/u);
    expect(() => bindParameters(STRING_QUERY, specs2, { year: "2019} ." })).toThrow(/four-digit/u);
    expect(() => bindParameters(STRING_QUERY, specs2, { year: "2019", thing: "http://a> } ; DROP ALL ; {<" })).toThrow(
      /absolute IRI/u,
    );
    expect(() => bindParameters(STRING_QUERY, specs2, { label: "y" })).toThrow(/"year" is required/u);
    expect(() => bindParameters(STRING_QUERY, specs2, {})).toThrow(/"year" is required/u);
    expect(bindParameters(STRING_QUERY, specs2, { year: "2019" })).toContain(
      '"2019"^^<http://www.w3.org/2001/XMLSchema#gYear>',
    );
  });
  it("unknown parameters are usage errors", () => {
    expect(() => bindParameters(text, specs, { city: "610700" })).toThrow(/unknown parameter "city".*place/u);
    expect(() => bindParameters("ASK {}", [], { city: "1" })).toThrow(/declares no parameters/u);
  });
});

describe("the query command", () => {
  it("--help lists the named queries with their parameters", async () => {
    const r = await kg("query", "--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /facts-by-place\s+Every fact about a place[^\n]*\n\s+--param place=PLACE_CODE \(default 610700\)/u,
    );
    expect(r.stdout).toMatch(
      /indicator-series[^\n]*\n[^\n]*place[^\n]*\n\s+--param indicator=INDICATOR_ID \(optional\)/u,
    );
  });
  it("an injection attempt is one line, exit 2, no stack", async () => {
    const r = await kg("query", "facts-by-place", "--param", "place=} ; DROP ALL ; {", "--store", join("no", "store"));
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toMatch(/^article-kg: --param: place must be a six-digit/u);
    expect(r.stderr).not.toMatch(/\bat \S+:\d+/u);
  });
  it("an unknown name says which named queries exist", async () => {
    const r = await kg("query", "facts-by-city");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/named queries: .*facts-by-place/u);
  });
});
