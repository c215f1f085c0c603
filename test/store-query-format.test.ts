import type * as RDF from "@rdfjs/types";
import { DataFactory } from "n3";
import { describe, expect, it } from "vitest";
import { formatResult, toSparqlJson } from "../src/query/index.js";
import { iris } from "../src/rdf/iri.js";
import { prefixesFor } from "../src/rdf/prefixes.js";
import type { QueryResult } from "../src/store/index.js";

const { namedNode, literal, blankNode } = DataFactory;
const PREFIXES = prefixesFor(iris());
const XSD = "http://www.w3.org/2001/XMLSchema#";

const RESULT: QueryResult = {
  kind: "bindings",
  variables: ["place", "value", "label"],
  rows: [
    new Map<string, RDF.Term>([
      ["place", namedNode("https://w3id.org/article-kg/place/610799")],
      ["value", literal("1200", namedNode(`${XSD}decimal`))],
      ["label", literal("青山县", "zh-hans")],
    ]),
    new Map<string, RDF.Term>([
      ["place", blankNode("b0")],
      ["label", literal('say "hi", ok')],
    ]),
  ],
};

describe("formatResult", () => {
  it("prints an aligned table with prefixed names, plain values and grouped numbers (CJK counts double width)", async () => {
    const text = await formatResult(RESULT, "table", PREFIXES);
    expect(text).toBe(
      [
        "place        │ value │ label",
        `${"─".repeat(12)}─┼─${"─".repeat(5)}─┼─${"─".repeat(12)}`,
        "place:610799 │ 1,200 │ 青山县",
        '_:b0         │       │ say "hi", ok',
        "(2 rows)",
        "",
      ].join("\n"),
    );
  });

  it("writes SPARQL 1.1 CSV and TSV", async () => {
    expect(await formatResult(RESULT, "csv")).toBe(
      'place,value,label\r\nhttps://w3id.org/article-kg/place/610799,1200,青山县\r\n_:b0,,"say ""hi"", ok"\r\n',
    );
    expect(await formatResult(RESULT, "tsv")).toBe(
      '?place\t?value\t?label\n<https://w3id.org/article-kg/place/610799>\t1200\t"青山县"@zh-Hans\n_:b0\t\t"say \\"hi\\", ok"\n',
    );
  });

  it("writes SPARQL 1.1 Query Results JSON", () => {
    expect(toSparqlJson(RESULT as Exclude<QueryResult, { kind: "quads" }>)).toEqual({
      head: { vars: ["place", "value", "label"] },
      results: {
        bindings: [
          {
            place: { type: "uri", value: "https://w3id.org/article-kg/place/610799" },
            value: { type: "literal", value: "1200", datatype: `${XSD}decimal` },
            label: { type: "literal", value: "青山县", "xml:lang": "zh-Hans" },
          },
          { place: { type: "bnode", value: "b0" }, label: { type: "literal", value: 'say "hi", ok' } },
        ],
      },
    });
    expect(toSparqlJson({ kind: "boolean", value: true })).toEqual({ head: {}, boolean: true });
  });

  it("prints graphs as Turtle with prefixes", async () => {
    const text = await formatResult(
      {
        kind: "quads",
        quads: [
          DataFactory.quad(
            namedNode("https://w3id.org/article-kg/place/610799"),
            namedNode("http://www.w3.org/2004/02/skos/core#notation"),
            literal("610799"),
          ),
        ],
      },
      "table",
      PREFIXES,
    );
    expect(text).toContain("@prefix skos: <http://www.w3.org/2004/02/skos/core#>.");
    expect(text).toContain('place:610799 skos:notation "610799".');
  });
});
